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


def _fold(key):
    return key.replace("O", "0").replace("I", "1").replace("B", "8")


def test_an_entry_arriving_from_the_centre_matches_the_trucks_already_read(stack):
    """At a node a watch-list entry arrives by replication, approved at the
    centre: nobody approves it here, so the ingest's background process
    matches it against the reads this node already holds (tick.c,
    watch.c: watch_match_arrived) — the alert rises at the node within a
    tick or two, once."""
    from test_ingest_watch import alerts_for, plate_event
    import time
    plate = "ZZ %04dQ" % (int(time.time()) % 10000)
    key = plate.replace(" ", "")
    ev = plate_event(stack, plate)
    assert alerts_for(stack, ev) == []
    staff = int(stack.scalar("SELECT id FROM staff WHERE login = 'analityk'"))
    # What replication writes: the entry, active, and the list's version.
    stack.sql("INSERT INTO watch_entry (subject, value, match_key, fold_key, reason,"
              " action, priority, valid_from, valid_to, unit_id, status, created_by,"
              " created_at, decided_by, decided_at) VALUES ('plate', ?, ?, ?, 'test',"
              " 'stop_inspect', 1, UTC_DATE(), UTC_DATE() + INTERVAL 7 DAY, 1, 'active',"
              " ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP())",
              plate, key, _fold(key), staff, staff)
    entry = int(stack.scalar("SELECT id FROM watch_entry WHERE match_key = ?", key))
    stack.sql("UPDATE watch_state SET version = version + 1 WHERE id = 1")
    deadline = time.time() + 30
    while time.time() < deadline and not alerts_for(stack, ev):
        time.sleep(0.5)
    alerts = alerts_for(stack, ev)
    assert [int(a[1]) for a in alerts] == [entry]
    time.sleep(6)	# another tick: nothing raised twice
    assert len(alerts_for(stack, ev)) == 1
