"""test_crawl.py: every demo role (and anonymous), in Polish and in
English, follows every link and GET form the pages offer it (crawl_lib.py)
and meets no 5xx, no refusal or missing page behind a link it was offered,
no raw translation key or enum code, no page in the wrong look (intranet
under /skr/, portal elsewhere), no dead javascript: link, no missing style
sheet or image. On failure the findings print as a table."""
import re

import pytest

import crawl_lib

CRAWLS = [(who, lang) for who, _, _ in crawl_lib.PEOPLE for lang in crawl_lib.LANGS]

# ---------------------------------------------------------------------------
# TEMPORARY EXCEPTIONS: findings tolerated until the fix named beside each
# lands; each a (kind, url prefix, detail) triple. Keep this empty: a check
# is not to be weakened to make a page pass.
TEMPORARY = []
# ---------------------------------------------------------------------------


def tolerated(f):
    return any(f.kind == k and f.url.startswith(u) and (d is None or f.detail == d)
               for k, u, d in TEMPORARY)


# What each crawl must at least reach (each a regular expression matching
# a whole URL): a crawl that signs in wrong or finds no links would
# otherwise pass with nothing checked.
MUST_REACH = {
    "anonymous": ["/", "/portal/signin", "/portal/signup", "/skr/signin", "/ebt/guest"],
    "admin": ["/skr/", "/skr/admin/staff", "/skr/admin/grants", "/skr/admin/units",
              "/skr/audit", "/skr/puesc/archive", "/skr/alerts", "/skr/devices"],
    "admin.olsztyn": ["/skr/", "/skr/admin/staff", "/skr/admin/grants", "/skr/audit",
                      "/skr/alerts", "/skr/devices"],
    # The office side is the one-stop-shop's (Poznań, migration 0096).
    "rejestracja": ["/skr/", "/skr/reports"],
    "rejestracja2": ["/skr/"],
    "rejestracja.poznan": ["/skr/ecustomer/queue", "/skr/ecustomer/search",
                           "/skr/ecustomer/certificates"],
    "rejestracja2.poznan": ["/skr/ecustomer/queue"],
    "grzechotki": ["/skr/ebt/", "/skr/ebt/1", "/skr/alerts", "/skr/watchlist",
                   "/skr/register", "/skr/devices", r"/skr/alerts/\d+", "/skr/control"],
    "koroszczyn": ["/skr/ebt/", "/skr/ebt/2", "/skr/alerts", "/skr/register"],
    "analityk": ["/skr/alerts", "/skr/watchlist", "/skr/register", "/skr/risk",
                 "/skr/risk/exchange", "/skr/risk/export"],
    "flota": ["/skr/", "/skr/fleet", "/skr/fleet/vehicles", r"/skr/fleet/vehicles/\d+",
              r"/skr/fleet/vehicles/\d+/edit", "/skr/fleet/vehicles/new"],
    "flota.lublin": ["/skr/fleet", r"/skr/fleet/vehicles/\d+"],
    "kierowca": ["/skr/", "/skr/fleet/my", r"/skr/fleet/vehicles/\d+"],
    "audytor": ["/skr/audit", "/skr/puesc/archive", r"/skr/puesc/archive/\w+",
                "/skr/reports"],
    "anna": ["/ecustomer/", "/ecustomer/company/1", "/ecustomer/certificates",
             "/ecustomer/company/1/reps", "/ecustomer/represent",
             "/ebt/", "/ebt/book/start", "/portal/account"],
    "jan": ["/ecustomer/", "/ecustomer/represent", "/ebt/", "/ebt/book/start"],
    "piotr": ["/ecustomer/", "/ecustomer/company/2"],
    "maria": ["/ecustomer/", "/portal/account"],
    "ewa": ["/ecustomer/", "/ecustomer/person"],
}


@pytest.fixture(scope="module")
def crawled(stack):
    res = crawl_lib.crawl_all(stack)
    # Less than the whole crawl's time when a phone file on this worker
    # crawled its people first.
    print("crawl: %d pages, %.1f s crawling here" % (
        sum(len(c.pages) for c in res["crawls"]), res["seconds"]))
    return {(c.who, c.lang): c for c in res["crawls"]}


@pytest.mark.parametrize("who,lang", CRAWLS)
def test_crawl(crawled, who, lang):
    c = crawled[(who, lang)]
    findings = [f for f in c.findings if not tolerated(f)]
    assert not findings, "%d findings for %s (%s):\n%s" % (
        len(findings), who, lang, crawl_lib.table(findings))


@pytest.mark.parametrize("who,lang", CRAWLS)
def test_crawl_reaches_the_role_s_pages_within_its_bound(crawled, who, lang):
    c = crawled[(who, lang)]
    reached = {p["url"] for p in c.pages}
    missed = [u for u in MUST_REACH[who] if not any(re.fullmatch(u, r) for r in reached)]
    assert not missed, (missed, sorted(reached))
    # A crawl stopped by its bound left pages unchecked: bound the shape
    # that multiplies (crawl_lib.MAX_PER_SHAPE) or raise MAX_PAGES.
    assert len(c.pages) < crawl_lib.MAX_PAGES, len(c.pages)


def test_key_and_code_detection():
    """What the crawl takes for a raw key or code, and what it leaves."""
    codes = {"under_review": None, "extended": {"pl"}}
    assert crawl_lib.raw_tokens("Błąd: ingest_value", "", "pl", codes) == ["ingest_value"]
    assert crawl_lib.raw_tokens("Zobacz L.ebt.title i skr.link.crossing", "", "pl", {}) == \
        ["L.ebt.title", "skr.link.crossing"]
    assert crawl_lib.raw_tokens("Zakres: extended", "", "pl", codes) == ["extended"]
    assert crawl_lib.raw_tokens("Scope: extended", "", "en", codes) == []
    assert crawl_lib.raw_tokens("", "under_review", "en", codes) == ["under_review"]
    # An English mail in <pre> on a Polish page.
    assert crawl_lib.raw_tokens("", "is now: extended", "pl", codes) == []
    assert crawl_lib.raw_tokens("Login: admin.olsztyn", "", "pl", codes) == []
    assert crawl_lib.raw_tokens(
        "anna.kowalska@demo.zsog.pl, Trans-Pol Sp. z o.o., m.in. plik anna.key,"
        " /ebt/bookings/GRZ-DEMO1001/qr.svg, https://example.com/a_b, EORI"
        " PL526025027400000, WGM12345, 12.5 t", "ec_paramgen_curve staff.signin",
        "pl", codes) == []
