"""test_fleet_drivers.py: the drivers (issue 16): a fleet manager records
another officer's licence and grants or withdraws the permission to drive
(never their own: another manager must), a lapsed licence is shown red and
takes the driver's access away (fleet_scope reads the same rows as
fleet_trip_blockers), every bad field, and who may do what."""
import re

import pytest

from fleet_docs_lib import day, make_manager
from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client

REJESTRACJA = 2     # Piotr Nowak, unit 11, registration only
FLOTA = 7
KIEROWCA = 12       # unit 11, crossing, a permitted driver in the demo


@pytest.fixture(scope="module")
def flota(stack):
    return staff_client(stack, "flota")


def row(page_html, staff_id):
    m = re.search(r'<tr data-id="%d"[^>]*>(.*?)</tr>' % staff_id, page_html, re.S)
    assert m, "no row %d" % staff_id
    return m.group(0)


def save(c, staff_id, **fields):
    r = c.get("/skr/fleet/drivers/%d" % staff_id)
    assert r.status_code == 200, r.status_code
    data = dict(fields)
    cats = data.pop("cat", [])
    # Several boxes of one name: Client.post takes a dict, so the list goes
    # straight to requests.
    body = list(data.items()) + [("cat", x) for x in cats] + [("csrf", c.csrf)]
    return c._seen(c.http.post(c.base + "/skr/fleet/drivers/%d" % staff_id, data=body,
                               allow_redirects=False))


def permit(c, staff_id, value):
    c.get("/skr/fleet/drivers")
    return c.post("/skr/fleet/drivers/%d/permission" % staff_id, {"permit": value})


def driver(stack, staff_id):
    return stack.sql("SELECT categories, licence_until, permitted, IFNULL(granted_by, '-')"
                     " FROM fleet_driver WHERE staff_id = ?", staff_id)


def test_the_demo_drivers_may_drive(stack, flota):
    page = flota.get("/skr/fleet/drivers?lang=en").text
    for sid in (4, KIEROWCA):
        assert 'data-permitted="1"' in row(page, sid)
        assert "may drive" in row(page, sid)


def test_record_a_licence_then_grant_and_withdraw(stack, flota):
    r = save(flota, REJESTRACJA, cat=["B", "C1"], licence_until=day(700))
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/fleet/drivers"
    assert driver(stack, REJESTRACJA) == [["B,C1", day(700), "0", "-"]]
    assert permit(flota, REJESTRACJA, "1").status_code == 303
    assert driver(stack, REJESTRACJA) == [["B,C1", day(700), "1", str(FLOTA)]]
    page = flota.get("/skr/fleet/drivers?lang=en").text
    assert "granted by Paweł Dąbrowski" in row(page, REJESTRACJA)
    # The driver now opens the fleet's pages (their pool vehicles).
    piotr = staff_client(stack, "rejestracja")
    assert piotr.get("/skr/fleet/vehicles").status_code == 200
    assert permit(flota, REJESTRACJA, "0").status_code == 303
    assert driver(stack, REJESTRACJA)[0][2] == "0"
    assert piotr.get("/skr/fleet/vehicles").status_code == 403
    actions = [a for (a,) in stack.sql(
        "SELECT action FROM audit_log WHERE object = ? ORDER BY id",
        "fleet_driver:%d" % REJESTRACJA)]
    assert actions == ["fleet.driver.save", "fleet.driver.grant", "fleet.driver.withdraw"]


def test_nobody_permits_themselves_another_manager_must(stack, flota):
    before = driver(stack, FLOTA)
    page = flota.get("/skr/fleet/drivers?lang=en").text
    assert 'href="/skr/fleet/drivers/%d"' % FLOTA not in page
    assert "another fleet manager changes your own" in row(page, FLOTA)
    r = flota.get("/skr/fleet/drivers/%d" % FLOTA)
    assert r.status_code == 403
    assert "another fleet manager must" in r.text
    flota.get("/skr/fleet/drivers")
    r = flota.post("/skr/fleet/drivers/%d" % FLOTA,
                   [("cat", "B"), ("licence_until", day(900)), ("csrf", flota.csrf)])
    assert r.status_code == 403
    r = flota.post("/skr/fleet/drivers/%d/permission" % FLOTA, {"permit": "1"})
    assert r.status_code == 403
    assert "another fleet manager must" in r.text
    assert driver(stack, FLOTA) == before
    # A manager over flota's unit (the Ministry's) does it.
    _, login, _ = make_manager(stack, 1)
    boss = staff_client(stack, login)
    assert save(boss, FLOTA, cat=["B"], licence_until=day(900)).status_code == 303
    assert permit(boss, FLOTA, "1").status_code == 303
    assert driver(stack, FLOTA)[0][2] == "1"
    assert driver(stack, FLOTA)[0][3] != str(FLOTA)


def test_a_lapsed_licence_is_red_and_blocks_driving(stack, flota):
    kierowca = staff_client(stack, "kierowca")
    assert kierowca.get("/skr/fleet/vehicles").status_code == 200
    old = driver(stack, KIEROWCA)[0]
    assert save(flota, KIEROWCA, cat=old[0].split(","), licence_until=day(-1)).status_code == 303
    page = flota.get("/skr/fleet/drivers?lang=en").text
    assert 'class="lapsed"' in row(page, KIEROWCA)
    assert '<span class="badge bad" data-state="lapsed">licence lapsed on %s</span>' % day(-1) \
        in row(page, KIEROWCA)
    # Still permitted, but the licence lapsed: no driving (fleet_scope's
    # fleet_driver_permitted, the same rule as fleet_trip_blockers).
    assert driver(stack, KIEROWCA)[0][2] == "1"
    r = kierowca.get("/skr/fleet/vehicles")
    assert r.status_code == 403
    # A permission is not granted on a lapsed licence.
    permit(flota, KIEROWCA, "0")
    r = permit(flota, KIEROWCA, "1")
    assert r.status_code == 422
    assert field_error(r.text, "licence_until") == (
        "The licence has lapsed: record the renewed one before granting the permission")
    assert driver(stack, KIEROWCA)[0][2] == "0"
    # Renewed: drives again.
    assert save(flota, KIEROWCA, cat=old[0].split(","), licence_until=old[1]).status_code == 303
    assert permit(flota, KIEROWCA, "1").status_code == 303
    assert kierowca.get("/skr/fleet/vehicles").status_code == 200


def test_no_permission_without_a_licence_recorded(stack, flota):
    sid = int(stack.scalar("SELECT id FROM staff WHERE login = 'analityk2'"))
    r = permit(flota, sid, "1")
    assert r.status_code == 422
    assert field_error(r.text, "licence_until") == (
        "Record the licence before granting the permission")
    assert driver(stack, sid) == []


@pytest.mark.parametrize("fields,field,message", [
    ({"licence_until": day(300)}, "cat", "Tick at least one licence category"),
    ({"cat": ["B", "Z"], "licence_until": day(300)}, "cat",
     "Choose one of the options in the list"),
    ({"cat": ["B"]}, "licence_until", "This field is required"),
    ({"cat": ["B"], "licence_until": "2027-02-29"}, "licence_until",
     "Give a date as YYYY-MM-DD"),
    ({"cat": ["B"], "licence_until": "1970-01-01"}, "licence_until",
     "This date is out of range: check the year"),
])
def test_bad_fields(stack, flota, fields, field, message):
    sid = int(stack.scalar("SELECT id FROM staff WHERE login = 'analityk'"))
    before = driver(stack, sid)
    r = save(flota, sid, **fields)
    assert r.status_code == 422
    assert field_error(r.text, field) == message
    assert driver(stack, sid) == before


def test_bad_permission_value(stack, flota):
    r = permit(flota, KIEROWCA, "yes")
    assert r.status_code == 422
    assert driver(stack, KIEROWCA)[0][2] == "1"


# ---- who may do what ----

def test_a_portal_user_is_sent_to_the_staff_signin(stack):
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    for path in ("/skr/fleet/drivers", "/skr/fleet/drivers/%d" % KIEROWCA):
        r = anna.get(path)
        assert r.status_code == 303
        assert r.headers["Location"] == "/skr/signin?next=" + path


def test_an_officer_without_a_fleet_role_gets_403(stack):
    c = staff_client(stack, "analityk")
    before = driver(stack, KIEROWCA)
    assert c.get("/skr/fleet/drivers").status_code == 403
    assert c.get("/skr/fleet/drivers/%d" % KIEROWCA).status_code == 403
    c.get("/skr/")
    assert c.post("/skr/fleet/drivers/%d/permission" % KIEROWCA,
                  {"permit": "0"}).status_code == 403
    assert driver(stack, KIEROWCA) == before


def test_a_driver_reads_no_driver_list(stack):
    r = staff_client(stack, "kierowca").get("/skr/fleet/drivers")
    assert r.status_code == 403


def test_another_unit_s_manager_gets_404_and_changes_nothing(stack):
    lublin = staff_client(stack, "flota.lublin")
    before = driver(stack, KIEROWCA)
    page = lublin.get("/skr/fleet/drivers").text
    assert 'data-id="%d"' % KIEROWCA not in page
    assert lublin.get("/skr/fleet/drivers/%d" % KIEROWCA).status_code == 404
    assert lublin.post("/skr/fleet/drivers/%d/permission" % KIEROWCA,
                       {"permit": "0"}).status_code == 404
    assert lublin.post("/skr/fleet/drivers/%d" % KIEROWCA,
                       [("cat", "B"), ("licence_until", day(5)),
                        ("csrf", lublin.csrf)]).status_code == 404
    assert driver(stack, KIEROWCA) == before


def test_a_superior_reads_but_does_not_change(stack):
    boss = staff_client(stack, "admin.olsztyn")
    before = driver(stack, KIEROWCA)
    page = boss.get("/skr/fleet/drivers").text
    assert 'data-id="%d"' % KIEROWCA in page
    assert 'href="/skr/fleet/drivers/%d"' % KIEROWCA not in page
    assert boss.get("/skr/fleet/drivers/%d" % KIEROWCA).status_code == 403
    assert boss.post("/skr/fleet/drivers/%d/permission" % KIEROWCA,
                     {"permit": "0"}).status_code == 403
    assert driver(stack, KIEROWCA) == before
