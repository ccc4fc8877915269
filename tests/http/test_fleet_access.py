"""test_fleet_access.py: who opens the fleet's pages (docs/fleet.md, "Who
may do what"): a fleet manager the vehicles of their unit's subtree, an
administrator and the auditor read, a permitted driver sees the pool of
their own unit, any other officer gets 403 in words, a portal user is sent
to the intranet's sign-in; another unit's record is 404 and nothing
changes."""
import html
import re

import pytest

from zsog import DEMO_PASSWORD, portal_client, staff_client

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
@pytest.mark.parametrize("path", ["/skr/fleet", "/skr/fleet/vehicles"])
def test_the_vehicle_list_is_the_scope(stack, login, expected, path):
    c = staff_client(stack, login)
    r = c.get(path + "?lang=en")
    assert r.status_code == 200, r.text[:300]
    assert plates(r) == sorted(expected)
    # The start page's card links the fleet for each of them.
    assert 'id="card-fleet"><h3><a href="/skr/fleet">' in c.get("/skr/").text


def test_only_managers_are_offered_a_new_vehicle(stack):
    assert 'id="vehicle-new"' in staff_client(stack, "flota").get("/skr/fleet").text
    assert 'id="vehicle-new"' not in staff_client(stack, "audytor").get("/skr/fleet").text
    assert 'id="vehicle-new"' not in staff_client(stack, "kierowca").get("/skr/fleet").text


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
