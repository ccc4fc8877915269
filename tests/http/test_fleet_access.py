"""test_fleet_access.py: who opens the fleet's pages (docs/fleet.md, "Who
may do what"): a fleet manager the vehicles of their unit's subtree, an
administrator and the auditor read, a permitted driver sees the pool of
their own unit, any other officer gets 403 in words, a portal user is sent
to the intranet's sign-in; another unit's record is 404 and nothing
changes."""
import html
import re

import pytest

from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client

# The demo vehicles (db/seed/50_fleet_vehicles.sql): ids 1-6 in unit 11,
# 7-12 in unit 12 (Olsztyn chamber, `flota`), 13-15 in unit 22 (Lublin,
# `flota.lublin`).
OLSZTYN = ["NO 1001A", "NO 1002A", "NO 1003A", "NO 1004A", "NO 1005A",
           "NO 1006A", "NO 1207A", "NO 1208A", "NO 1209A", "NO 1210A",
           "NO 1211A", "NO 1212A"]
LUBLIN = ["LBI 2201", "LBI 2202", "LBI 2203"]


def plates(page):
    return re.findall(r'<tr data-id="\d+">\s*<td><a href="/skr/fleet/vehicles/\d+">([^<]+)</a>',
                      page.text)


@pytest.mark.parametrize("login,expected", [
    ("flota", OLSZTYN),
    ("flota.lublin", LUBLIN),
    ("admin.olsztyn", OLSZTYN),            # reads the chamber's subtree
    ("admin", sorted(LUBLIN + OLSZTYN)),   # the Ministry's administrator
    ("audytor", sorted(LUBLIN + OLSZTYN)), # the auditor reads everything
    # A driver: the pool vehicles of their own unit (11) only.
    ("kierowca", ["NO 1001A", "NO 1003A", "NO 1005A"]),
    ("grzechotki", ["NO 1207A", "NO 1208A"]),
])
@pytest.mark.parametrize("path", ["/skr/fleet/vehicles"])
def test_the_vehicle_list_is_the_scope(stack, login, expected, path):
    c = staff_client(stack, login)
    r = c.get(path + "?lang=en")
    assert r.status_code == 200, r.text[:300]
    assert plates(r) == sorted(expected)
    # The start page's card links the fleet for each of them: the dashboard,
    # or for an officer who only drives their own trips (the dashboard would
    # send them there).
    href = "/skr/fleet/my" if login in ("kierowca", "grzechotki") else "/skr/fleet"
    assert 'id="card-fleet"><h3><a href="%s">' % href in c.get("/skr/").text


def test_only_managers_are_offered_a_new_vehicle(stack):
    assert 'id="vehicle-new"' in staff_client(stack, "flota").get("/skr/fleet/vehicles").text
    assert 'id="vehicle-new"' not in staff_client(stack, "audytor").get("/skr/fleet/vehicles").text
    assert 'id="vehicle-new"' not in staff_client(stack, "kierowca").get("/skr/fleet/vehicles").text


@pytest.mark.parametrize("path", ["/skr/fleet", "/skr/fleet/vehicles",
                                  "/skr/fleet/vehicles.csv"])
@pytest.mark.parametrize("lang,words", [
    ("en", "The fleet's pages are for fleet managers, their superiors, auditors and"
           " officers permitted to drive service vehicles: your account is none of these."),
    ("pl", "Strony floty są dla kierowników floty, ich przełożonych, audytorów i"
           " funkcjonariuszy uprawnionych do prowadzenia pojazdów służbowych: Twoje"
           " konto do nich nie należy."),
])
def test_an_officer_without_fleet_role_or_permission_gets_403_in_words(stack, path, lang, words):
    c = staff_client(stack, "koroszczyn")   # crossing officer, no driver row
    r = c.get(path + "?lang=" + lang)
    assert r.status_code == 403
    assert words in html.unescape(r.text)
    assert 'id="vehicles"' not in r.text
    assert 'id="card-fleet"' not in c.get("/skr/").text


@pytest.mark.parametrize("path", ["/skr/fleet", "/skr/fleet/vehicles",
                                  "/skr/fleet/vehicles.csv"])
def test_portal_user_is_sent_to_the_staff_signin(stack, path):
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    r = anna.get(path)
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=" + path
    assert "NO 1001A" not in r.text


def test_a_lapsed_licence_takes_the_driver_out(stack):
    stack.sql("UPDATE fleet_driver SET licence_until = CURDATE() - INTERVAL 1 DAY"
              " WHERE staff_id = 12")
    try:
        c = staff_client(stack, "kierowca")
        assert c.get("/skr/fleet").status_code == 403
        assert 'id="card-fleet"' not in c.get("/skr/").text
    finally:
        stack.sql("UPDATE fleet_driver SET licence_until = CURDATE() + INTERVAL 3 YEAR"
                  " WHERE staff_id = 12")


# Every route of the vehicles (fleet-core), with a valid form where one is
# posted: only the scope refuses.
GETS = ["/skr/fleet", "/skr/fleet/vehicles", "/skr/fleet/vehicles.csv",
        "/skr/fleet/vehicles/new", "/skr/fleet/vehicles/1", "/skr/fleet/vehicles/1/edit"]
POSTS = [("/skr/fleet/vehicles/new", {"plate": "NO 9999Z", "vin": "WVWZZZ1KZAA999999",
                                      "make": "Fiat", "model": "Panda", "kind": "car",
                                      "unit": "11", "fuel": "petrol", "tank_l": "40",
                                      "norm_l100": "5.5", "odometer_km": "0"}),
         ("/skr/fleet/vehicles/1/edit", {"plate": "NO 1001A", "vin": "WVWZZZAUXJP000101",
                                         "make": "Volkswagen", "model": "Changed",
                                         "kind": "car", "unit": "11", "fuel": "petrol",
                                         "tank_l": "50", "norm_l100": "6.4",
                                         "odometer_km": "48210", "version": "1"}),
         ("/skr/fleet/vehicles/1/status", {"status": "written_off"})]


def snapshot(stack):
    return (stack.sql("SELECT * FROM fleet_vehicle ORDER BY id"),
            stack.count("fleet_vehicle_status"),
            stack.count("audit_log", "action LIKE 'fleet.%'"))


@pytest.mark.parametrize("path", GETS)
def test_every_get_route_sends_a_portal_user_to_the_staff_signin(stack, path):
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    r = anna.get(path)
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=" + path


@pytest.mark.parametrize("path,data", POSTS)
def test_every_post_route_refuses_a_portal_user_and_changes_nothing(stack, path, data):
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    anna.get("/portal/account")                   # a portal page's token
    before = snapshot(stack)
    r = anna.post(path, data)
    # A form post without an intranet session is refused, not replayed
    # after a sign-in (lib/route.c need_session).
    assert r.status_code == 401
    assert "Please sign in to continue" in r.text
    assert snapshot(stack) == before


@pytest.mark.parametrize("path", GETS)
def test_every_get_route_refuses_an_officer_outside_the_fleet(stack, path):
    r = staff_client(stack, "koroszczyn").get(path)
    assert r.status_code == 403
    assert "none of these" in html.unescape(r.text)


@pytest.mark.parametrize("path,data", POSTS)
def test_every_post_route_refuses_an_officer_outside_the_fleet(stack, path, data):
    c = staff_client(stack, "koroszczyn")
    c.get("/skr/")
    before = snapshot(stack)
    r = c.post(path, data)
    assert r.status_code == 403
    assert "none of these" in html.unescape(r.text)
    assert snapshot(stack) == before


NOT_FOUND = "No such vehicle in your units."


@pytest.mark.parametrize("path", ["/skr/fleet/vehicles/1", "/skr/fleet/vehicles/1/edit",
                                  "/skr/fleet/vehicles/999999"])
def test_another_units_manager_gets_404(stack, path):
    r = staff_client(stack, "flota.lublin").get(path)
    assert r.status_code == 404
    assert NOT_FOUND in r.text
    assert "NO 1001A" not in r.text


@pytest.mark.parametrize("path,data", POSTS[1:])
def test_another_units_manager_changes_nothing(stack, path, data):
    c = staff_client(stack, "flota.lublin")
    c.get("/skr/fleet")
    before = snapshot(stack)
    r = c.post(path, data)
    assert r.status_code == 404
    assert NOT_FOUND in r.text
    assert snapshot(stack) == before


def test_another_units_manager_cannot_place_a_vehicle_in_a_unit_not_his(stack):
    c = staff_client(stack, "flota.lublin")
    before = snapshot(stack)
    r = c.submit("/skr/fleet/vehicles/new", "/skr/fleet/vehicles/new", POSTS[0][1])
    assert r.status_code == 422
    assert field_error(r.text, "unit") == "Choose one of your units from the list"
    assert snapshot(stack) == before


READ_ONLY = ("You may read this fleet but not change it: changes are made by the fleet"
             " manager of the vehicle's unit.")


@pytest.mark.parametrize("login", ["admin.olsztyn", "admin", "audytor"])
def test_superiors_and_the_auditor_read_but_cannot_change(stack, login):
    c = staff_client(stack, login)
    page = c.get("/skr/fleet/vehicles/1")
    assert page.status_code == 200
    assert '<h1 id="vehicle-title">NO 1001A' in page.text
    assert 'id="vehicle-edit"' not in page.text and 'id="status-form"' not in page.text
    for path in ("/skr/fleet/vehicles/new", "/skr/fleet/vehicles/1/edit"):
        r = c.get(path)
        assert r.status_code == 403, path
        assert READ_ONLY in html.unescape(r.text)
    before = snapshot(stack)
    for path, data in POSTS:
        r = c.post(path, data)
        assert r.status_code == 403, path
        assert READ_ONLY in html.unescape(r.text)
    assert snapshot(stack) == before


def test_the_auditor_reads_another_chamber_s_vehicle(stack):
    r = staff_client(stack, "audytor").get("/skr/fleet/vehicles/13")
    assert r.status_code == 200
    assert '<h1 id="vehicle-title">LBI 2201' in r.text


def test_a_driver_sees_the_pool_of_his_unit_only_and_changes_nothing(stack):
    c = staff_client(stack, "kierowca")
    assert c.get("/skr/fleet/vehicles/1").status_code == 200      # pool, unit 11
    assert c.get("/skr/fleet/vehicles/2").status_code == 404      # not in the pool
    assert c.get("/skr/fleet/vehicles/7").status_code == 404      # unit 12
    assert c.get("/skr/fleet/vehicles/1/edit").status_code == 403
    before = snapshot(stack)
    for path, data in POSTS:
        assert c.post(path, data).status_code == 403, path
    assert snapshot(stack) == before


def test_only_the_start_page_and_the_fleet_read_the_drivers(stack):
    """Least privilege: the start page's fleet card is drawn by cgi-bin/skr
    alone (access_menu_cards); the other programs' menu bars carry no
    cards and their accounts no grant on fleet_driver (docs/fleet.md)."""
    holders = stack.sql(
        "SELECT DISTINCT User FROM mysql.tables_priv WHERE Db = DATABASE()"
        " AND Table_name = 'fleet_driver' UNION SELECT DISTINCT User FROM"
        " mysql.columns_priv WHERE Db = DATABASE() AND Table_name = 'fleet_driver'"
        " ORDER BY 1")
    assert holders == [["zsog_fleet"], ["zsog_skr"]]
    # a driver alone still gets their card on the start page, and another
    # program's page (eBT's, for an officer of a crossing) draws its menu
    # bar without a look at the drivers
    c = staff_client(stack, "grzechotki")
    assert 'id="card-fleet"><h3><a href="/skr/fleet/my">' in c.get("/skr/").text
    r = c.get("/skr/ebt/")
    assert r.status_code == 200
    assert 'href="/skr/ebt/"' in r.text and 'href="/skr/fleet' not in r.text
