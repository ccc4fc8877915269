"""test_look.py: the look (portal or intranet) follows the route: a staff
route wears the intranet's, and so does any answer under a program's
staff prefix that no route matches (404); portal pages wear the portal's.
Every program is asked."""
import pytest

from zsog import portal_client, staff_client

INTRANET = '<a class="brand" href="/skr/">'
PORTAL = '<a class="brand" href="/">'


@pytest.mark.parametrize("login,page", [
    ("grzechotki", "/skr/ebt/"),            # ebt
    ("rejestracja", "/skr/ecustomer/queue"),  # ecustomer
    ("grzechotki", "/skr/alerts"),          # ingest
    ("admin", "/skr/puesc/archive"),        # puesc
    ("admin", "/skr/admin/staff"),          # skr
])
def test_staff_pages_wear_the_intranet_look(stack, login, page):
    r = staff_client(stack, login).get(page)
    assert r.status_code == 200
    assert INTRANET in r.text and PORTAL not in r.text


@pytest.mark.parametrize("path", [
    "/skr/ebt/no/such/page", "/skr/ecustomer/no-such-page",
    "/skr/alerts/no/such", "/skr/puesc/no-such", "/skr/no-such-page",
])
def test_404_under_a_staff_prefix_wears_the_intranet_look(stack, path):
    r = staff_client(stack, "admin").get(path)
    assert r.status_code == 404
    assert INTRANET in r.text and PORTAL not in r.text


@pytest.mark.parametrize("path,status", [
    ("/ebt/", 200), ("/ecustomer/", 200), ("/portal/account", 200),
    ("/ebt/no-such-page", 404), ("/portal/no-such-page", 404),
])
def test_portal_pages_wear_the_portal_look(stack, path, status):
    r = portal_client(stack, "anna.kowalska@demo.zsog.pl").get(path)
    assert r.status_code == status
    assert PORTAL in r.text and INTRANET not in r.text
