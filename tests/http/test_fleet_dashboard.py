"""test_fleet_dashboard.py: the fleet dashboard (/skr/fleet): each count
of a unit's subtree against the rows seeded for it (only the latest
document of a kind counts, written-off vehicles have no deadlines, the
30th day is the last counted as coming), each a link to the list it
counts; the unit picker holds the manager's subtree; another unit's
manager and an outsider are refused."""
import html
import re

import pytest

import fleet_report_lib as F
from zsog import field_error, staff_client


@pytest.fixture(scope="module")
def seeded(stack):
    F.seed_dashboard(stack)
    yield
    F.remove(stack)


def count(page, what):
    m = re.search(r'<li class="card dash-count[^"]*" id="count-%s"><a href="([^"]+)">'
                  r'<strong class="n">(\d+)</strong> <span>(.*?)</span>' % what, page, re.S)
    assert m, what
    return int(m.group(2)), html.unescape(m.group(1)), html.unescape(m.group(3))


def test_counts_of_a_unit(stack, seeded):
    c = staff_client(stack, "flota")
    r = c.get("/skr/fleet?unit=8803")
    assert r.status_code == 200, r.text[:500]
    assert count(r.text, "in_service") == (
        1, "/skr/fleet/vehicles?unit=8803&status=in_service", "vehicle in service")
    assert count(r.text, "in_repair")[:1] == (1,)
    assert count(r.text, "out_of_service")[0] == 0
    assert count(r.text, "out_of_service")[2] == "vehicles out of service"
    assert count(r.text, "written_off")[0] == 1
    assert count(r.text, "overdue") == (
        1, "/skr/fleet/deadlines?unit=8803&overdue=1", "deadline overdue")
    assert count(r.text, "due") == (
        2, "/skr/fleet/deadlines?unit=8803&within=29", "deadlines in the next 30 days")
    assert count(r.text, "damage")[:1] == (1,)
    assert count(r.text, "on_trip")[:1] == (1,)
    # overdue is shown red, coming amber
    assert re.search(r'class="card dash-count bad" id="count-overdue"', r.text)
    assert re.search(r'class="card dash-count warn" id="count-due"', r.text)


def test_polish_words(stack, seeded):
    c = staff_client(stack, "flota")
    c.get("/?lang=pl")
    r = c.get("/skr/fleet?unit=8803&lang=pl")
    assert r.status_code == 200
    assert count(r.text, "due")[2] == "terminy w ciągu 30 dni"
    assert count(r.text, "overdue")[2] == "termin przekroczony"


def test_default_unit_and_picker(stack, seeded):
    c = staff_client(stack, "flota")
    r = c.get("/skr/fleet")
    assert r.status_code == 200
    opts = re.findall(r'<option value="(\d*)"', r.text)
    # all of flota's units first (chosen), then the chamber (10) and its
    # subtree, not Lublin's
    assert opts[:2] == ["", "10"]
    assert "8803" in opts and "11" in opts and "12" in opts
    assert "20" not in opts and "22" not in opts
    assert '<option value="" selected>' not in r.text
    # every unit: the test branch's vehicles count with the demo's
    assert count(r.text, "in_service")[1] == "/skr/fleet/vehicles?status=in_service"
    assert count(r.text, "written_off")[0] >= 1
    # a unit chosen: that unit's vehicles only, as the lists filter
    r = c.get("/skr/fleet?unit=11")
    assert count(r.text, "written_off")[0] == 0


def test_bad_unit_beside_the_field(stack, seeded):
    c = staff_client(stack, "flota")
    r = c.get("/skr/fleet?unit=12x")
    assert r.status_code == 422
    assert field_error(r.text, "unit") == "Choose one of your units from the list"
    assert 'id="count-due"' not in r.text


def test_scope(stack, seeded):
    r = staff_client(stack, "flota.lublin").get("/skr/fleet?unit=8803")
    assert r.status_code == 403
    assert "This unit is not in your part of the organisation" in html.unescape(r.text)
    assert 'id="count-due"' not in r.text
    r = staff_client(stack, "rejestracja").get("/skr/fleet?unit=8803")
    assert r.status_code == 403
    assert 'id="count-due"' not in r.text


def test_readers_and_drivers(stack, seeded):
    # The auditor and a superior administrator read the dashboard too.
    for login in ("audytor", "admin.olsztyn"):
        r = staff_client(stack, login).get("/skr/fleet?unit=8803")
        assert r.status_code == 200, login
        assert count(r.text, "on_trip")[0] == 1
    # A driver who reads no unit's fleet starts from their own trips.
    r = staff_client(stack, "kierowca").get("/skr/fleet", allow_redirects=False)
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/fleet/my"
