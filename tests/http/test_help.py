"""test_help.py: the officers' help (README.md, "Help pages"): Markdown
files docs/help/<lang>/<topic>.md rendered by cmark in the intranet's
layout at /skr/help/<topic>, the index and its search at /skr/help?q=, and
the header's Help link naming the topic of the page shown (the route's
`help` field, lib/route.h)."""
import glob
import os
import re

import lxml.html
import pytest

import crawl_lib
from ebt_lib import ANNA, KOR
from zsog import field_error, portal_client, staff_client

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HELP = os.path.join(ROOT, "docs", "help")
LANGS = ("pl", "en")
INTRANET = '<body class="look-intranet">'
# An entry of a routes[] table: method, pattern, handler, flags, roles, help.
ROUTE = re.compile(r'\{\s*"(GET|POST|PUT|PATCH|DELETE)",\s*"([^"]+)",\s*(\w+),'
                   r'\s*([^,{}]+?),\s*([^,{}]+?),\s*(NULL|"[^"]*")\s*\}')
# Before signing in there is no help to open: the sign-in form and post.
NO_HELP = {("GET", "/skr/signin"), ("POST", "/skr/signin")}


def route_tables():
    """[(program, method, pattern, flags, help or None)] of every
    program's routes[] table."""
    out = []
    for main in sorted(glob.glob(os.path.join(ROOT, "cgi-bin", "*", "main.c"))):
        prog = os.path.basename(os.path.dirname(main))
        with open(main) as f:
            src = f.read()
        table = re.search(r"struct route routes\[\] = \{(.*?)\n\};", src, re.S)
        assert table, main
        body = table.group(1)
        entries = ROUTE.findall(body)
        # each entry opens with '{ "': one the pattern misses would go unseen
        assert len(entries) == len(re.findall(r'\{\s*"', body)), main
        for method, pattern, _fn, flags, _roles, hlp in entries:
            out.append((prog, method, pattern, flags.strip(),
                        None if hlp == "NULL" else hlp.strip('"')))
    return out


def topics(lang):
    return sorted(os.path.basename(p)[:-3]
                  for p in glob.glob(os.path.join(HELP, lang, "*.md")))


def intranet_topics():
    return sorted({h for _p, _m, pat, _f, h in route_tables()
                   if pat.startswith("/skr/") and h})


@pytest.fixture(scope="module")
def admin(stack):
    return staff_client(stack, "admin")


# ---- every intranet route names a topic, in both languages ----

def test_every_intranet_route_names_a_help_topic_that_exists():
    routes = route_tables()
    assert len(routes) > 100  # the parser read the tables
    missing, no_file = [], []
    for prog, method, pattern, flags, hlp in routes:
        if not pattern.startswith("/skr/") or (method, pattern) in NO_HELP:
            continue
        assert "R_STAFF" in flags, (prog, method, pattern)
        if not hlp:
            missing.append("%s %s (cgi-bin/%s/main.c)" % (method, pattern, prog))
            continue
        for lang in LANGS:
            if not os.path.isfile(os.path.join(HELP, lang, hlp + ".md")):
                no_file.append("docs/help/%s/%s.md (%s %s)" % (lang, hlp, method, pattern))
    assert not missing and not no_file, (
        "\nintranet routes without a help topic:\n  " + "\n  ".join(missing)
        + "\nhelp topics without their file:\n  " + "\n  ".join(no_file))


def test_outside_the_intranet_no_route_names_a_topic():
    """The link is the intranet's; a portal page has no help there."""
    named = [(m, p) for _prog, m, p, _f, h in route_tables()
             if h and not p.startswith("/skr/")]
    assert named == []


def test_each_topic_in_both_languages_and_linked_from_both_indexes():
    assert topics("pl") == topics("en")
    for lang in LANGS:
        with open(os.path.join(HELP, lang, "index.md")) as f:
            index = f.read()
        for t in topics(lang):
            if t != "index":
                assert "(/skr/help/%s)" % t in index, (lang, t)
        for t in re.findall(r"\(/skr/help/([a-z0-9-]+)\)", index):
            assert t in topics(lang), (lang, t)


def test_the_route_parser_sees_a_missing_topic():
    """The check above is only as good as its parser: an entry without
    its help, or with NULL, is seen as such."""
    body = ('{ "GET", "/skr/x", x_fn, R_STAFF, 0, NULL },\n'
            '{ "GET", "/skr/y", y_fn, R_STAFF | R_CSRF,\n  ROLE_A | ROLE_B, "yy" },\n')
    assert [(m, p, h) for m, p, _fn, _f, _r, h in ROUTE.findall(body)] == [
        ("GET", "/skr/x", "NULL"), ("GET", "/skr/y", '"yy"')]
    assert ROUTE.findall('{ "GET", "/skr/z", z_fn, R_STAFF, 0 },') == []


# ---- the pages ----

def help_link(page):
    m = re.search(r'<a class="help" rel="help" id="help-link" href="([^"]*)">([^<]*)</a>', page)
    return (m.group(1), m.group(2)) if m else None


def results(page):
    """[(href, title)] of the search's results, in order."""
    return re.findall(r'<li class="result"><a href="([^"]+)">([^<]*)</a>', page)


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_renders_in_the_intranet_layout_without_codes(admin, lang):
    """Each topic, in each language: 200 in the intranet's look, its title
    as the page's, its text as cmark rendered it, and no raw key or code
    of never_on_screen.txt among its words (as the crawler checks)."""
    codes = crawl_lib.never_on_screen()
    try:
        for t in topics(lang):
            r = admin.get("/skr/help/%s?lang=%s" % (t, lang))
            assert r.status_code == 200, (lang, t)
            assert INTRANET in r.text, (lang, t)
            with open(os.path.join(HELP, lang, t + ".md")) as f:
                title = re.match(r"# (.+)\n", f.read()).group(1)
            doc = lxml.html.fromstring(r.text)
            assert doc.findtext(".//title").startswith(title + " · "), (lang, t)
            assert doc.xpath('string(//article[@id="help-text"]/h1[1])') == title, (lang, t)
            assert help_link(r.text)[0] == "/skr/help/%s" % t, (lang, t)
            words, machine = crawl_lib.visible_text(doc)
            assert crawl_lib.raw_tokens(words, machine, lang, codes) == [], (lang, t)
            # a help page links only to help pages: any officer may open it
            for href in re.findall(r'<article class="help-text".*?</article>', r.text, re.S):
                for link in re.findall(r'href="([^"]*)"', href):
                    assert link.startswith("/skr/help/"), (lang, t, link)
    finally:
        admin.get("/skr/?lang=en")


def test_topic_renders_in_both_languages_in_the_intranet_layout(admin):
    r = admin.get("/skr/help/start?lang=en")
    assert r.status_code == 200
    assert INTRANET in r.text
    assert "<title>Start page · " in r.text
    assert '<article class="help-text" id="help-text">\n<h1>Start page</h1>' in r.text
    assert help_link(r.text) == ("/skr/help/start", "Help")
    r = admin.get("/skr/help/start?lang=pl")
    assert r.status_code == 200
    assert INTRANET in r.text
    assert "<h1>Strona startowa</h1>" in r.text
    assert help_link(r.text) == ("/skr/help/start", "Pomoc")
    admin.get("/skr/?lang=en")


def test_index_links_topics_and_offers_the_search(admin):
    r = admin.get("/skr/help")
    assert r.status_code == 200
    assert INTRANET in r.text
    assert "<h1>Help for officers</h1>" in r.text
    assert '<a href="/skr/help/start">Start page</a>' in r.text
    assert '<form class="form help-search" method="get" action="/skr/help" role="search">' in r.text
    assert help_link(r.text) == ("/skr/help/index", "Help")
    assert admin.get("/skr/help/index").text == r.text


def test_unknown_topic_is_404_in_the_intranet_look(admin):
    for path in ("/skr/help/nosuch", "/skr/help/START", "/skr/help/start.md",
                 "/skr/help/start%2Fx"):
        r = admin.get(path)
        assert r.status_code == 404, path
        assert INTRANET in r.text, path


def test_help_needs_a_signed_in_officer(client):
    r = client.get("/skr/help/start", allow_redirects=False)
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=/skr/help/start"


def test_header_links_the_start_pages_topic(admin):
    r = admin.get("/skr/")
    assert r.status_code == 200
    assert help_link(r.text) == ("/skr/help/start", "Help")


# Sampled pages of every program with an intranet part: (login, path,
# status, the topic its header links to).
SAMPLES = [
    ("admin", "/skr/admin/staff", 200, "staff"),
    ("admin", "/skr/admin/staff/new", 200, "staff"),
    ("admin", "/skr/admin/grants", 200, "grants"),
    ("admin", "/skr/admin/units", 200, "units"),
    ("admin", "/skr/audit", 200, "audit"),
    ("admin", "/skr/audit?from=nonsense", 422, "audit"),
    ("koroszczyn", "/skr/admin/staff", 403, "staff"),
    ("koroszczyn", "/skr/ebt/", 200, "ebt-day"),
    ("koroszczyn", "/skr/ebt/%d" % KOR, 200, "ebt-day"),
    ("koroszczyn", "/skr/ebt/%d/walkin" % KOR, 200, "ebt-walkin"),
    ("koroszczyn", "/skr/ebt/%d/occupancy" % KOR, 200, "ebt-occupancy"),
    ("koroszczyn", "/skr/ebt/%d/config" % KOR, 200, "ebt-config"),
    ("koroszczyn", "/skr/control", 200, "control-tasks"),
    ("rejestracja.poznan", "/skr/ecustomer/queue", 200, "ecustomer-applications"),
    ("rejestracja.poznan", "/skr/ecustomer/search?q=Trans", 200, "ecustomer-search"),
    ("rejestracja.poznan", "/skr/ecustomer/certificates", 200, "ecustomer-certificates"),
    ("rejestracja", "/skr/ecustomer/certificates", 403, "ecustomer-certificates"),
    ("grzechotki", "/skr/alerts", 200, "alerts"),
    ("grzechotki", "/skr/register", 200, "register"),
    ("grzechotki", "/skr/devices", 200, "devices"),
    ("grzechotki", "/skr/watchlist", 200, "watchlist"),
    ("grzechotki", "/skr/watchlist/new", 200, "watchlist"),
    ("admin", "/skr/puesc/archive", 200, "puesc-archive"),
    ("analityk", "/skr/risk", 200, "risk"),
    ("analityk", "/skr/risk/reinspections/new", 200, "risk"),
    ("analityk", "/skr/risk/profiles", 200, "risk-profiles"),
    ("analityk", "/skr/risk/profiles/new", 200, "risk-profiles"),
    ("analityk", "/skr/risk/exchange", 200, "exchange"),
    ("analityk", "/skr/risk/export", 200, "exchange"),
    # the handler's 404: the route's topic still
    ("admin", "/skr/admin/staff/999999", 404, "staff"),
]


@pytest.fixture(scope="module")
def officers(stack):
    return {}


@pytest.mark.parametrize("login,path,status,topic", SAMPLES)
def test_header_links_each_pages_topic(stack, officers, login, path, status, topic):
    if login not in officers:
        officers[login] = staff_client(stack, login)
    r = officers[login].get(path)
    assert r.status_code == status, (path, r.text[:300])
    assert help_link(r.text) == ("/skr/help/%s" % topic, "Help"), path


def test_no_help_link_outside_the_intranet(stack, client):
    assert help_link(client.get("/skr/signin").text) is None
    anna = portal_client(stack, ANNA)
    for path in ("/", "/ecustomer/", "/ebt/"):
        r = anna.get(path)
        assert r.status_code == 200, path
        assert 'id="help-link"' not in r.text, path


def test_search_folds_polish_letters_and_case(admin):
    """"obsłużyć" is on the Polish start page: typed with or without the
    Polish letters, in any case, the same topics are found."""
    admin.get("/skr/?lang=pl")
    try:
        found = {}
        for q in ("obsłużyć", "obsluzyc", "OBSŁUŻYĆ", "ObSlUzYc"):
            r = admin.get("/skr/help", params={"q": q})
            assert r.status_code == 200, q
            found[q] = results(r.text)
            assert ("/skr/help/start", "Strona startowa") in found[q], q
            # the snippet marks the word as the text writes it
            assert "<mark>obsłużyć</mark>" in r.text, q
        assert len(set(map(tuple, found.values()))) == 1
    finally:
        admin.get("/skr/?lang=en")


def test_search_ranks_a_title_match_first(admin):
    r = admin.get("/skr/help", params={"q": "start page"})
    assert r.status_code == 200
    assert results(r.text)[0] == ("/skr/help/start", "Start page")


def test_search_finds_nothing_in_words(admin):
    r = admin.get("/skr/help", params={"q": "xylophone"})
    assert r.status_code == 200
    assert results(r.text) == []
    assert ('<p class="muted" id="nothing">No help topic contains all these words.'
            in r.text)


@pytest.mark.parametrize("q", ["a", "x" * 201, "!!", "a b - c", "ł"])
def test_search_bad_input_is_422_beside_the_field(admin, q):
    r = admin.get("/skr/help", params={"q": q})
    assert r.status_code == 422, q
    assert field_error(r.text, "q") == "Enter a word of at least 2 letters (at most 200 characters)"
    assert results(r.text) == []


def test_search_echoes_the_query_escaped(admin):
    q = '"><script>alert(1)</script>'
    r = admin.get("/skr/help", params={"q": q})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in r.text
