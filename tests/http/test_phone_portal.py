"""test_phone_portal.py: every page the crawler finds for the anonymous
visitor, the portal's people and the offices that serve them
(rejestracja*), in both languages, fits a 390 px phone and keeps a
signed-in person signed in (phone_lib.py). Also what phone_lib itself
must hold: every demo person in one group, an overflow a failure."""
import functools
import http.server
import os
import threading

import pytest

import crawl_lib
import phone_lib
from browser_lib import node_ready

# The fixture pytest finds by its name and the test it runs, one per
# person and language (phone_lib.group_tests).
measured, test_every_page_fits_a_phone = phone_lib.group_tests("portal")


def test_every_demo_person_is_in_one_group():
    grouped = [who for people in phone_lib.GROUPS.values() for who in people]
    assert sorted(grouped) == sorted(who for who, _, _ in crawl_lib.PEOPLE)


def test_an_overflow_an_error_and_a_lost_session_are_problems():
    """Rows as phone.mjs reports them, read as the test reads them (the
    browser side in the next test): 1 px too wide fails."""
    def row(url, final=None, width=390, culprits=(), **kw):
        return dict(url=url, final=final or url, status=200, scrollWidth=width,
                    clientWidth=390, culprits=list(culprits), **kw)
    rows = [row("/skr/"),
            row("/skr/audit", width=391, culprits=["table.grid 391px"],
                shot="/b/phone-admins/admin-pl/002-skr_audit.png"),
            row("/skr/fleet", final="/skr/signin?next=%2Fskr%2Ffleet"),
            # a portal page sending an officer to the portal's sign-in is
            # not the officer's session lost
            row("/ecustomer/", final="/portal/signin"),
            {"url": "/skr/alerts", "error": "page.goto: Timeout 30000ms exceeded."}]
    assert phone_lib.problems(rows, "staff") == [
        "overflow   /skr/audit: 391 px > 390 px  table.grid 391px  [002-skr_audit.png]",
        "signed-out /skr/fleet: sent to /skr/signin?next=%2Fskr%2Ffleet",
        "error      /skr/alerts: page.goto: Timeout 30000ms exceeded.",
    ]
    assert phone_lib.problems(rows[:1], "staff") == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_a_page_wider_than_a_phone_fails_in_chromium(tmp_path):
    """phone.mjs and the check on two known pages (tests/http/phone_pages/,
    served here, no stack): the one with a 600 px wide block fails, naming it."""
    node_ready()
    pages = os.path.join(os.path.dirname(os.path.abspath(__file__)), "phone_pages")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=pages))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = "http://127.0.0.1:%d" % server.server_address[1]
        jobs = [{"who": "anonymous", "lang": "en", "cookies": {},
                 "pages": ["/fits.html", "/wide.html"]}]
        rows = phone_lib.open_pages(base, jobs, str(tmp_path), "phone-fixtures")
    finally:
        server.shutdown()
        server.server_close()
    measured = {("anonymous", "en"): rows}
    # Only the page that overflows is photographed (the evidence).
    assert [os.path.basename(r.get("shot", "")) for r in rows] == ["", "002-wide_html.png"]
    phone_lib.check({("anonymous", "en"): rows[:1]}, "anonymous", "en")
    with pytest.raises(AssertionError) as e:
        phone_lib.check(measured, "anonymous", "en")
    assert str(e.value).startswith(
        "1 of 2 pages of anonymous (en) at 390 px:\noverflow   /wide.html: ")
    assert "div.strip " in str(e.value) and "px > 390 px" in str(e.value)
