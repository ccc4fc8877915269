"""test_cluster_role.py: a stack started as a crossing node
(`scripts/stack start … --role crossing --crossing 1`: Cluster.Role and
Cluster.Crossing in zsog.hdf; issue 17). Its menus lead only to what works
at a crossing (the start page, the crossing's waiting zone and check-in,
alerts, the register of vehicles, control tasks; sign-in and help), and
every other page of every program answers 404 "This is done at the
centre" in the reader's language, before the database is asked (the
node's grants refuse central writes; the page says why instead of a 500)."""
import html
import re

import pytest

from conftest import private_stack
from test_menus import cards, menu
from zsog import staff_client

NODE_PAGES = ["/skr/", "/skr/ebt/", "/skr/alerts", "/skr/register", "/skr/control"]

CENTRE_EN = ("This is done at the centre: this server serves one crossing only"
             " (its officers' pages, alerts, waiting zone, check-in and control"
             " tasks). Open the central system for everything else.")
CENTRE_PL = ("To robi się w centrali: ten serwer obsługuje tylko jedno przejście"
             " (strony jego funkcjonariuszy, alarmy, strefę oczekiwania, odprawę"
             " i zadania kontroli). Wszystko inne w systemie centralnym.")


@pytest.fixture(scope="module")
def stack():
    with private_stack(["--role", "crossing", "--crossing", "1"]) as st:
        yield st


def error_of(page):
    m = re.search(r"<h1>(\d+) · (.*?)</h1>", page.text, re.S)
    return (int(m.group(1)), html.unescape(m.group(2))) if m else None


def test_the_menu_leads_only_to_the_crossing(stack):
    c = staff_client(stack, "grzechotki")
    page = c.get("/skr/?lang=en")
    assert page.status_code == 200
    # At the centre the same officer also has the watch list, devices,
    # reports and the fleet (test_menus.py).
    assert menu(page) == NODE_PAGES
    assert [cid for cid, _, _ in cards(page)] == ["crossing", "alerts",
                                                  "register", "control"]
    for href in NODE_PAGES:
        r = c.get(href)
        assert r.status_code == 200, (href, r.status_code)
        assert menu(r) == NODE_PAGES
    assert c.get("/skr/help").status_code == 200


@pytest.mark.parametrize("login,path", [
    ("grzechotki", "/skr/watchlist"),
    ("grzechotki", "/skr/devices"),
    ("grzechotki", "/skr/reports"),
    ("grzechotki", "/skr/reports/traffic"),
    ("grzechotki", "/skr/fleet"),
    ("grzechotki", "/skr/ebt/1/walkin"),
    ("grzechotki", "/skr/ebt/1/config"),
    ("admin", "/skr/admin/staff"),
    ("audytor", "/skr/audit"),
    ("analityk", "/skr/risk"),
    ("rejestracja", "/skr/ecustomer/queue"),
])
def test_other_intranet_pages_are_done_at_the_centre(stack, login, path):
    c = staff_client(stack, login)
    r = c.get(path + "?lang=en")
    assert (r.status_code, error_of(r)) == (404, (404, CENTRE_EN))
    r = c.get(path + "?lang=pl")
    assert (r.status_code, error_of(r)) == (404, (404, CENTRE_PL))


def test_a_post_elsewhere_is_refused_before_anything_changes(stack):
    c = staff_client(stack, "admin")
    before = stack.count("staff")
    c.get("/skr/?lang=en")
    r = c.post("/skr/admin/staff/new", {"login": "node.new", "full_name": "X",
                                        "email": "node.new@example.pl"})
    assert (r.status_code, error_of(r)) == (404, (404, CENTRE_EN))
    assert stack.count("staff") == before


@pytest.mark.parametrize("path", ["/", "/ecustomer/", "/ebt/", "/portal/signin",
                                  "/puesc/ws"])
def test_the_portal_is_done_at_the_centre(stack, path):
    r = stack.client().get(path + ("&" if "?" in path else "?") + "lang=en")
    assert (r.status_code, error_of(r)) == (404, (404, CENTRE_EN))


def test_health_sign_in_and_devices_work_on_the_node(stack):
    c = stack.client()
    r = c.get("/health")
    assert (r.status_code, r.text) == (200, "ok\n")
    assert c.get("/metrics").status_code == 200
    assert c.get("/skr/signin?lang=en").status_code == 200
    assert c.get("/ingest/events.xsd").status_code == 200
