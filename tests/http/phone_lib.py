"""phone_lib.py: what the test_phone_*.py files share. Every page the
crawler found (crawl_lib.py), for every demo role in both languages, opened
in Chromium at 390x844 as that person (tests/browser/phone.mjs): no page is
wider than the phone (document.documentElement.scrollWidth <= clientWidth)
and a signed-in person's own pages keep them signed in. The people are
split into GROUPS, a test file each, so that pytest-xdist (--dist loadfile:
a file stays on one worker) spreads the check over the workers; each file
crawls and measures only its own people. A page that overflows is
photographed into build/screenshots/phone-<group>/<who>-<lang>/."""
import json
import os
import time

import pytest

import crawl_lib
from browser_lib import node_ready, run, shots_dir

# The demo people of crawl_lib.PEOPLE, by test file (test_phone_<group>.py),
# in groups of about the same number of pages to open (the Chromium run's
# cost; counts of 2026-12-02 in docs/testing.md, both languages): the
# fleet's people (936), the crossings' and their analyst and auditor (862),
# the portal's people with the anonymous visitor and the offices that serve
# them (698), the administrators (676).
GROUPS = {
    "fleet": ["flota", "flota.lublin", "kierowca"],
    "crossings": ["grzechotki", "koroszczyn", "analityk", "audytor"],
    "portal": ["anonymous", "anna", "jan", "piotr", "maria", "ewa",
               "rejestracja", "rejestracja2", "rejestracja.poznan", "rejestracja2.poznan"],
    "admins": ["admin", "admin.olsztyn"],
}

KIND = {who: kind for who, kind, _ in crawl_lib.PEOPLE}


def crawls(group):
    """The (who, lang) pairs a group's file tests, one test each."""
    return [(who, lang) for who in GROUPS[group] for lang in crawl_lib.LANGS]


def measure(stack, group):
    """Crawls the group's people (or takes their crawl from an earlier file
    on this stack), opens their pages in Chromium: {(who, lang): rows of
    phone.mjs}."""
    node_ready()
    people = GROUPS[group]
    res = crawl_lib.crawl_all(stack, people)
    # The anonymous visitor's pages: a page of the other side (the portal's
    # sign-in to an officer) is the anonymous page, measured once, in the
    # anonymous job. Crawled here too when the group has no anonymous
    # visitor (the crawl of a cached person costs nothing).
    anon = {c.lang: {p["url"] for p in c.pages}
            for c in crawl_lib.crawl_all(stack, ["anonymous"])["crawls"]}
    # Signed in afresh: tests run since the crawl may have ended its
    # sessions (a password change ends the account's other sessions).
    jobs, first = [], {}
    for c in res["crawls"]:
        client = crawl_lib.sign_in(stack, c.kind, c.login, c.lang, first.get(c.who))
        first.setdefault(c.who, client)
        pages = [p["url"] for p in c.pages
                 if c.kind == "anon" or crawl_lib.side(p["url"]) == c.kind
                 or p["url"] not in anon[c.lang]]
        jobs.append({"who": c.who, "lang": c.lang,
                     "cookies": client.http.cookies.get_dict(), "pages": pages})
    t0 = time.monotonic()
    results = open_pages(stack.base, jobs, os.path.join(stack.var, "crawl"), "phone-" + group)
    print("phone %s: %d pages in %.0f s (crawl %.0f s)" % (
        group, len(results), time.monotonic() - t0, res["seconds"]))
    by = {}
    for x in results:
        by.setdefault((x["who"], x["lang"]), []).append(x)
    return by


def open_pages(base, jobs, workdir, name):
    """Runs phone.mjs on jobs ([{who, lang, cookies, pages}]) against base:
    its rows. Its files go to WORKDIR/NAME-*.json, its screenshots to
    BUILD/screenshots/NAME/."""
    jobs_file = os.path.join(workdir, name + "-jobs.json")
    out_file = os.path.join(workdir, name + "-results.json")
    with open(jobs_file, "w") as f:
        json.dump(jobs, f)
    r = run("phone.mjs", base, jobs_file, shots_dir(name), out_file, timeout=900)
    assert r.returncode == 0, r.stdout + r.stderr
    with open(out_file) as f:
        return json.load(f)


def problems(rows, kind):
    """What a person of kind meets on a phone in the measured rows: an
    error, a page of their own side that signed them out, an overflow."""
    out = []
    for x in rows:
        if x.get("error"):
            out.append("%-10s %s: %s" % ("error", x["url"], x["error"]))
        elif kind != "anon" and crawl_lib.side(x["url"]) == kind and x["final"] != x["url"] \
                and x["final"].split("?")[0] in ("/portal/signin", "/skr/signin"):
            out.append("%-10s %s: sent to %s" % ("signed-out", x["url"], x["final"]))
        elif x["scrollWidth"] > x["clientWidth"]:
            out.append("%-10s %s: %d px > %d px  %s  [%s]" % (
                "overflow", x["url"], x["scrollWidth"], x["clientWidth"],
                ", ".join(x["culprits"]), os.path.basename(x.get("shot", ""))))
    return out


def check(measured, who, lang):
    """Fails with the list of pages of who in lang that do not fit."""
    rows = measured.get((who, lang), [])
    assert rows, "no pages measured for %s (%s)" % (who, lang)
    bad = problems(rows, KIND[who])
    assert not bad, "%d of %d pages of %s (%s) at 390 px:\n%s" % (
        len(bad), len(rows), who, lang, "\n".join(bad))


def group_tests(group):
    """A group's file's module fixture and test, as the file names them:
    `measured, test_every_page_fits_a_phone = phone_lib.group_tests(G)`.
    One test per person and language, all measured at the first."""
    @pytest.fixture(scope="module")
    def measured(stack):
        return measure(stack, group)

    @pytest.mark.parametrize("who,lang", crawls(group))
    def test_every_page_fits_a_phone(measured, who, lang):
        check(measured, who, lang)

    return measured, test_every_page_fits_a_phone
