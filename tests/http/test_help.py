"""test_help.py: the officers' help (README.md, "Help pages"): Markdown
files docs/help/<lang>/<topic>.md rendered by cmark in the intranet's
layout at /skr/help/<topic>, the index and its search at /skr/help?q=, and
the header's Help link naming the topic of the page shown (the route's
`help` field, lib/route.h)."""
import html
import re

import pytest

from zsog import field_error, staff_client

INTRANET = '<body class="look-intranet">'


@pytest.fixture(scope="module")
def admin(stack):
    return staff_client(stack, "admin")


def help_link(page):
    m = re.search(r'<a class="help" rel="help" id="help-link" href="([^"]*)">([^<]*)</a>', page)
    return (m.group(1), m.group(2)) if m else None


def results(page):
    """[(href, title)] of the search's results, in order."""
    return re.findall(r'<li class="result"><a href="([^"]+)">([^<]*)</a>', page)


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
