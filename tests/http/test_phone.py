"""test_phone.py: every page the crawler found (crawl_lib.py), for every
demo role in both languages, opened in Chromium at 390x844 as that person
(tests/browser/phone.mjs): no page is wider than the phone
(document.documentElement.scrollWidth <= clientWidth). Full-page
screenshots go to build/screenshots/phone/<who>-<lang>/."""
import json
import os
import time

import pytest

import crawl_lib
from browser_lib import node_ready, run, shots_dir

CRAWLS = [(who, lang) for who, _, _ in crawl_lib.PEOPLE for lang in crawl_lib.LANGS]


@pytest.fixture(scope="module")
def measured(stack):
    node_ready()
    res = crawl_lib.crawl_all(stack)
    # Signed in afresh: tests run since the crawl may have ended its
    # sessions (a password change ends the account's other sessions).
    jobs, first = [], {}
    anon = {c.lang: {p["url"] for p in c.pages} for c in res["crawls"] if c.kind == "anon"}
    for c in res["crawls"]:
        client = crawl_lib.sign_in(stack, c.kind, c.login, c.lang, first.get(c.who))
        first.setdefault(c.who, client)
        # A page of the other side (the portal's sign-in to an officer)
        # is the anonymous page: measured once, in the anonymous job.
        pages = [p["url"] for p in c.pages
                 if c.kind == "anon" or crawl_lib.side(p["url"]) == c.kind
                 or p["url"] not in anon[c.lang]]
        jobs.append({"who": c.who, "lang": c.lang,
                     "cookies": client.http.cookies.get_dict(), "pages": pages})
    jobs_file = os.path.join(stack.var, "crawl", "phone-jobs.json")
    out_file = os.path.join(stack.var, "crawl", "phone-results.json")
    with open(jobs_file, "w") as f:
        json.dump(jobs, f)
    shots = shots_dir("phone")
    t0 = time.monotonic()
    r = run("phone.mjs", stack.base, jobs_file, shots, out_file, timeout=1200)
    assert r.returncode == 0, r.stdout + r.stderr
    with open(out_file) as f:
        results = json.load(f)
    print("phone: %d pages in %.0f s (crawl %.0f s), screenshots in %s" % (
        len(results), time.monotonic() - t0, res["seconds"], shots))
    by = {}
    for x in results:
        by.setdefault((x["who"], x["lang"]), []).append(x)
    return by


def problems(rows, kind):
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


@pytest.mark.parametrize("who,lang", CRAWLS)
def test_every_page_fits_a_phone(measured, who, lang):
    kind = {w: k for w, k, _ in crawl_lib.PEOPLE}[who]
    rows = measured.get((who, lang), [])
    assert rows, "no pages measured for %s (%s)" % (who, lang)
    bad = problems(rows, kind)
    assert not bad, "%d of %d pages of %s (%s) at 390 px:\n%s" % (
        len(bad), len(rows), who, lang, "\n".join(bad))
