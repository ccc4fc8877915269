"""test_fleet_nav.py: the fleet's own navigation on every fleet page
(templates/fleet/nav.cs, filled by cgi-bin/fleet/nav.c): exactly the pages
that open for this officer (a manager, a reading superior or auditor, a
permitted driver; "My trips" only for someone who drives), the current page marked with aria-current, the words in
both languages, on the pages kept by the dashboard's and reports' cache as
on the others, none for an officer outside the fleet nor in a print view."""
import html
import re

import pytest

from fleet_trip_lib import person
from zsog import DEMO_PASSWORD, staff_client

ALL = ["dash", "vehicles", "deadlines", "drivers", "reservations", "trips",
       "fuel", "anomalies", "damage", "repairs", "reports", "my"]
# A reader who does not drive has no trips of their own: no "my".
READER = [e for e in ALL if e != "my"]
# A driver alone reads no dashboard, deadlines, drivers or reports: their
# handlers answer 403 (or send the driver to their own trips).
DRIVER = ["vehicles", "reservations", "trips", "fuel", "anomalies", "damage",
          "repairs", "my"]
HREF = {"dash": "/skr/fleet", "reports": "/skr/fleet/reports/vehicles",
        "my": "/skr/fleet/my"}
EN = {"dash": "Dashboard", "vehicles": "Vehicles", "deadlines": "Deadlines",
      "drivers": "Drivers", "reservations": "Reservations",
      "trips": "Trip cards", "fuel": "Refuellings", "anomalies": "Anomalies",
      "damage": "Damage", "repairs": "Repairs", "reports": "Reports",
      "my": "My trips"}
PL = {"dash": "Pulpit", "vehicles": "Pojazdy", "deadlines": "Terminy",
      "drivers": "Kierowcy", "reservations": "Rezerwacje",
      "trips": "Karty drogowe", "fuel": "Tankowania",
      "anomalies": "Nieprawidłowości", "damage": "Szkody",
      "repairs": "Naprawy", "reports": "Raporty", "my": "Moje wyjazdy"}

ENTRY = re.compile(r'<li><a href="([^"]+)" id="fleet-nav-([a-z]+)"'
                   r'(?: aria-current="([a-z]+)")?>([^<]+)</a></li>')


def nav(page):
    """The fleet navigation's entries as (id, href, aria-current, words),
    or None when the page has none."""
    m = re.search(r'<nav class="subnav" id="fleet-nav" aria-label="[^"]+">(.*?)</nav>',
                  page.text, re.S)
    if not m:
        return None
    return [(i, h, cur, html.unescape(w)) for h, i, cur, w in ENTRY.findall(m.group(1))]


def href(entry):
    return HREF.get(entry, "/skr/fleet/" + entry)


@pytest.mark.parametrize("login,expected", [
    ("flota", READER),          # manager of the Olsztyn chamber
    ("flota.lublin", READER),   # manager of the Lublin chamber
    ("admin.olsztyn", READER),  # a superior: reads the chamber's subtree
    ("audytor", READER),        # reads everything
    ("kierowca", DRIVER),       # a permitted driver of the Olsztyn office
    ("driving-manager", ALL),   # a manager who also drives in their unit
])
def test_the_nav_offers_exactly_the_pages_that_open(stack, login, expected):
    if login == "driving-manager":
        login, _ = person(stack, 10, roles=("fleet",), driver=True)
    # A reader whom another test of the run made a permitted driver in
    # their own unit drives too: "My trips" is theirs then (nav.c, N_DRIVE).
    if "my" not in expected and int(stack.scalar(
            "SELECT COUNT(*) FROM fleet_driver d JOIN staff s ON s.id = d.staff_id"
            " WHERE s.login = ? AND d.permitted = 1 AND d.unit_id = s.unit_id"
            " AND (d.licence_until IS NULL OR d.licence_until >= UTC_DATE())", login)):
        expected = expected + ["my"]
    c = staff_client(stack, login, DEMO_PASSWORD)
    page = c.get("/skr/fleet/vehicles?lang=en")
    assert page.status_code == 200
    assert nav(page) == [(e, href(e), "page" if e == "vehicles" else "", EN[e])
                         for e in expected]
    # Every entry offered opens for this officer, and shows the same
    # navigation with itself marked.
    for e in expected:
        r = c.get(href(e))
        assert r.status_code == 200, (login, e, r.status_code, r.text[:300])
        assert nav(r) == [(x, href(x), "page" if x == e else "", EN[x])
                          for x in expected], (login, e)


def test_the_words_in_polish(stack):
    c = staff_client(stack, "kierowca")
    page = c.get("/skr/fleet/my?lang=pl")
    assert page.status_code == 200
    assert nav(page) == [(e, href(e), "page" if e == "my" else "", PL[e])
                         for e in DRIVER]
    assert 'aria-label="Strony floty"' in page.text


def test_a_sub_page_marks_its_section(stack):
    c = staff_client(stack, "flota")
    entries = nav(c.get("/skr/fleet/vehicles/1?lang=en"))
    assert [(e, cur) for e, _, cur, _ in entries if cur] == [("vehicles", "true")]
    entries = nav(c.get("/skr/fleet/trips/new?lang=en"))
    assert [(e, cur) for e, _, cur, _ in entries if cur] == [("trips", "true")]


def test_kept_pages_carry_the_nav_of_their_reader(stack):
    """The dashboard and the report are kept by a cache (fleet_cache.c)
    keyed by unit and roles: the second answer, from the cache, has the
    same navigation as the first."""
    c = staff_client(stack, "admin.olsztyn")
    for path, cur in (("/skr/fleet", "dash"), ("/skr/fleet/reports/vehicles", "reports")):
        for _ in range(2):
            r = c.get(path + "?lang=en")
            assert r.status_code == 200
            assert nav(r) == [(e, href(e), "page" if e == cur else "", EN[e])
                              for e in READER]


def test_none_outside_the_fleet_nor_in_print(stack):
    r = staff_client(stack, "koroszczyn").get("/skr/fleet/vehicles?lang=en")
    assert r.status_code == 403
    assert nav(r) is None
    r = staff_client(stack, "flota").get("/skr/fleet/reports/vehicles?view=print&lang=en")
    assert r.status_code == 200
    assert nav(r) is None
