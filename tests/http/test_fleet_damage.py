"""test_fleet_damage.py: damage reports and repairs (docs/fleet.md
"Damage and repairs"): a report filed by a driver or a manager, closed by a
manager; a repair puts the vehicle in repair and its closing counts the cost
and the days out of service in fleet_month, month by month, and puts it
back in service; bad input answered 422 with nothing changed; who may do
what."""
import datetime
import re

import pytest

from conftest import private_stack
from fleet_fuel_lib import new_vehicle, visible, warsaw_day
from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client


# Each test makes vehicles of its own; a stack of its own keeps them out of
# the other modules' whole-list comparisons (test_fleet_access.py).
@pytest.fixture(scope="module")
def stack():
    with private_stack() as st:
        yield st


def report(client, vid, **change):
    client.get("/skr/fleet/damage/new")
    data = {"vehicle": str(vid), "day": warsaw_day(3),
            "place": "Olsztyn, ul. Pieniężnego", "description": "Rear bumper dented in the car park."}
    data.update(change)
    return client.post("/skr/fleet/damage", data)


def test_a_driver_reports_damage_and_a_manager_closes_it(stack):
    vid = new_vehicle(stack, unit=11)
    kierowca = staff_client(stack, "kierowca")
    r = report(kierowca, vid, third_party="1",
               third_details="Jan Nowak, NO 12345, PZU policy 123")
    assert r.status_code == 303, r.text[:400]
    did = stack.scalar("SELECT MAX(id) FROM fleet_damage WHERE vehicle_id = ?", vid)
    assert r.headers["Location"] == "/skr/fleet/damage/%s" % did
    assert stack.sql("SELECT happened_on, reported_by, third_party, third_details, status"
                     " FROM fleet_damage WHERE id = ?", did) == \
        [[warsaw_day(3), "12", "1", "Jan Nowak, NO 12345, PZU policy 123", "open"]]
    assert stack.count("audit_log", "action = 'fleet.damage.add' AND object = ?",
                       "fleet_vehicle:%d" % vid) == 1
    page = kierowca.get("/skr/fleet/damage/%s" % did)
    assert page.status_code == 200
    assert 'id="damage-close"' not in page.text
    # The driver may not close it; the manager may, once.
    assert kierowca.post("/skr/fleet/damage/%s/close" % did, {}).status_code == 403
    assert stack.scalar("SELECT status FROM fleet_damage WHERE id = ?", did) == "open"
    flota = staff_client(stack, "flota")
    page = flota.get("/skr/fleet/damage/%s" % did)
    assert 'id="damage-close"' in page.text
    r = flota.post("/skr/fleet/damage/%s/close" % did, {})
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/fleet/damage/%s" % did
    assert stack.scalar("SELECT status FROM fleet_damage WHERE id = ?", did) == "closed"
    r = flota.post("/skr/fleet/damage/%s/close" % did, {})
    assert r.status_code == 409
    # The list, filtered, and its CSV in words.
    page = flota.get("/skr/fleet/damage?vehicle=%d&status=closed" % vid)
    assert re.findall(r'<tr data-id="(\d+)"', page.text) == [did]
    csv = flota.get("/skr/fleet/damage.csv?vehicle=%d" % vid)
    lines = csv.text.strip().split("\r\n")
    assert lines[0] == "Day of the damage,Registration plate,Place,What happened,Third party,The third party's details,State"
    assert lines[1].endswith(",\"Olsztyn, ul. Pieniężnego\",Rear bumper dented in the car park.,yes,\"Jan Nowak, NO 12345, PZU policy 123\",closed")


@pytest.mark.parametrize("change,field,message", [
    ({"day": "future"}, "day", "The damage cannot have happened after today."),
    ({"third_party": "1"}, "third_details", "Give the third party's details, or untick the third party."),
    ({"place": ""}, "place", "This field is required"),
    ({"day": "2026-13-01"}, "day", "Enter a real date as YYYY-MM-DD"),
])
def test_bad_damage_is_422_and_nothing_is_stored(stack, change, field, message):
    vid = new_vehicle(stack, unit=11)
    if change.get("day") == "future":
        change = dict(change, day=warsaw_day(-1))
    r = report(staff_client(stack, "flota"), vid, **change)
    assert r.status_code == 422
    assert field_error(r.text, field) == message
    assert stack.count("fleet_damage", "vehicle_id = %d" % vid) == 0


def months_of(first, last):
    """Days out of service per month, both days included (by hand)."""
    out = {}
    d = first
    while d <= last:
        key = d.replace(day=1).isoformat()
        out[key] = out.get(key, 0) + 1
        d += datetime.timedelta(days=1)
    return out


def test_a_repair_puts_the_vehicle_in_repair_and_its_closing_counts_month_by_month(stack):
    vid = new_vehicle(stack, unit=12)
    flota = staff_client(stack, "flota")
    did = None
    assert report(flota, vid).status_code == 303
    did = stack.scalar("SELECT MAX(id) FROM fleet_damage WHERE vehicle_id = ?", vid)
    # 40 days ago to 25 days ago: over a month's end in most months.
    first, last = warsaw_day(40), warsaw_day(25)
    flota.get("/skr/fleet/repairs/new?vehicle=%d&damage=%s" % (vid, did))
    r = flota.post("/skr/fleet/repairs", {"vehicle": str(vid), "damage": did,
                                          "workshop": "Auto-Serwis Nowak", "from": first})
    assert r.status_code == 303, r.text[:400]
    assert r.headers["Location"] == "/skr/fleet/repairs?vehicle=%d&done=open" % vid
    rid = stack.scalar("SELECT MAX(id) FROM fleet_repair WHERE vehicle_id = ?", vid)
    assert stack.scalar("SELECT status FROM fleet_vehicle WHERE id = ?", vid) == "in_repair"
    assert stack.scalar("SELECT status FROM fleet_vehicle_status WHERE vehicle_id = ?"
                        " ORDER BY id DESC LIMIT 1", vid) == "in_repair"
    # A second repair while one is open is refused.
    r = flota.post("/skr/fleet/repairs", {"vehicle": str(vid), "workshop": "Other",
                                          "from": first})
    assert r.status_code == 422
    assert field_error(r.text, "vehicle") == "This vehicle is already in repair: close that repair first."
    assert stack.count("fleet_repair", "vehicle_id = %d" % vid) == 1
    # Closing before it began, or with a bad cost: nothing changes.
    page = flota.get("/skr/fleet/repairs?vehicle=%d" % vid)
    r = flota.post("/skr/fleet/repairs/%s/close" % rid, {"to_day": warsaw_day(41), "cost": "100"})
    assert r.status_code == 422
    assert field_error(r.text, "to_day") == "The last day is before the repair's first day."
    r = flota.post("/skr/fleet/repairs/%s/close" % rid, {"to_day": last, "cost": "12,345"})
    assert r.status_code == 422
    assert field_error(r.text, "cost") == "Enter the cost in zł as a number with up to two decimals, at most 10,000,000."
    assert stack.sql("SELECT to_day, cost_gr FROM fleet_repair WHERE id = ?", rid) == [["NULL", "NULL"]]
    assert stack.sql("SELECT month FROM fleet_month WHERE vehicle_id = ?", vid) == []
    # Closed: the days in the months they fell in, the cost in the last.
    r = flota.post("/skr/fleet/repairs/%s/close" % rid, {"to_day": last, "cost": "1234,56"})
    assert r.status_code == 303, r.text[:400]
    assert stack.sql("SELECT to_day, cost_gr FROM fleet_repair WHERE id = ?", rid) == [[last, "123456"]]
    expected = months_of(datetime.date.fromisoformat(first), datetime.date.fromisoformat(last))
    keys = sorted(expected)
    assert stack.sql("SELECT month, repair_days, repair_cost_gr FROM fleet_month"
                     " WHERE vehicle_id = ? ORDER BY month", vid) == \
        [[k, str(expected[k]), "123456" if k == keys[-1] else "0"] for k in keys]
    assert sum(expected.values()) == 16
    assert stack.scalar("SELECT status FROM fleet_vehicle WHERE id = ?", vid) == "in_service"
    # Closing twice is refused and counts nothing more.
    r = flota.post("/skr/fleet/repairs/%s/close" % rid, {"to_day": last, "cost": "1"})
    assert r.status_code == 409
    assert stack.scalar("SELECT SUM(repair_cost_gr) FROM fleet_month WHERE vehicle_id = ?", vid) == "123456"
    page = flota.get("/skr/fleet/damage/%s" % did)
    assert re.findall(r'<tr data-id="(\d+)"', page.text) == [rid]
    # The vehicle's page: its open damage report and the repair.
    page = flota.get("/skr/fleet/vehicles/%d" % vid)
    assert page.status_code == 200
    assert re.findall(r'<a href="/skr/fleet/damage/(\d+)">[^<]*</a> <span class="badge warn">open',
                      page.text) == [did]
    assert re.findall(r'<tr data-id="(\d+)"', page.text) == [rid]
    csv = flota.get("/skr/fleet/repairs.csv?vehicle=%d" % vid)
    lines = csv.text.strip().split("\r\n")
    assert lines[0] == "Registration plate,Reason,Workshop,First day out of service,Last day out of service,Days out of service,Cost,Note"
    assert lines[1].endswith(",repair of damage,Auto-Serwis Nowak,%s,%s,16,1234.56," % (first, last))


def test_a_written_off_vehicle_is_not_repaired(stack):
    vid = new_vehicle(stack, unit=11)
    stack.sql("UPDATE fleet_vehicle SET status = 'written_off' WHERE id = ?", vid)
    flota = staff_client(stack, "flota")
    flota.get("/skr/fleet/repairs/new")
    r = flota.post("/skr/fleet/repairs", {"vehicle": str(vid), "workshop": "X",
                                          "from": warsaw_day(1)})
    assert r.status_code == 422
    assert field_error(r.text, "vehicle") == "This vehicle is written off: nothing about it changes any more."
    assert stack.count("fleet_repair", "vehicle_id = %d" % vid) == 0
    assert stack.scalar("SELECT status FROM fleet_vehicle WHERE id = ?", vid) == "written_off"


def test_repairs_are_a_manager_s(stack):
    vid = new_vehicle(stack, unit=11)
    data = {"vehicle": str(vid), "workshop": "X", "from": warsaw_day(1)}
    kierowca = staff_client(stack, "kierowca")
    assert kierowca.get("/skr/fleet/repairs/new").status_code == 403
    kierowca.get("/skr/fleet/repairs")
    assert kierowca.post("/skr/fleet/repairs", data).status_code == 403
    lublin = staff_client(stack, "flota.lublin")
    lublin.get("/skr/fleet/repairs")
    assert lublin.post("/skr/fleet/repairs", data).status_code == 404
    admin = staff_client(stack, "admin.olsztyn")
    admin.get("/skr/fleet/repairs")
    assert admin.post("/skr/fleet/repairs", data).status_code == 403
    assert stack.count("fleet_repair", "vehicle_id = %d" % vid) == 0
    assert stack.scalar("SELECT status FROM fleet_vehicle WHERE id = ?", vid) == "in_service"


def test_damage_access_per_route(stack):
    vid = new_vehicle(stack, unit=11)
    flota = staff_client(stack, "flota")
    assert report(flota, vid).status_code == 303
    did = stack.scalar("SELECT MAX(id) FROM fleet_damage WHERE vehicle_id = ?", vid)
    lublin = staff_client(stack, "flota.lublin")
    assert lublin.get("/skr/fleet/damage/%s" % did).status_code == 404
    assert report(lublin, vid).status_code == 404
    assert lublin.post("/skr/fleet/damage/%s/close" % did, {}).status_code == 404
    assert did not in re.findall(r'<tr data-id="(\d+)"', lublin.get("/skr/fleet/damage").text)
    admin = staff_client(stack, "admin.olsztyn")
    assert admin.get("/skr/fleet/damage/%s" % did).status_code == 200
    assert report(admin, vid).status_code == 403
    assert admin.post("/skr/fleet/damage/%s/close" % did, {}).status_code == 403
    koroszczyn = staff_client(stack, "koroszczyn")
    for path in ("/skr/fleet/damage", "/skr/fleet/damage.csv", "/skr/fleet/damage/new",
                 "/skr/fleet/damage/%s" % did, "/skr/fleet/repairs",
                 "/skr/fleet/repairs.csv", "/skr/fleet/repairs/new"):
        assert koroszczyn.get(path).status_code == 403, path
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    for path in ("/skr/fleet/damage", "/skr/fleet/damage/%s" % did, "/skr/fleet/repairs"):
        r = anna.get(path)
        assert r.status_code == 303
        assert r.headers["Location"] == "/skr/signin?next=" + path
    assert stack.count("fleet_damage", "vehicle_id = %d" % vid) == 1
    assert stack.scalar("SELECT status FROM fleet_damage WHERE id = ?", did) == "open"


def test_the_demo_has_an_open_damage_and_a_repair_under_way(stack):
    flota = staff_client(stack, "flota")
    page = flota.get("/skr/fleet/damage?status=open")
    assert "1" in re.findall(r'<tr data-id="(\d+)"', page.text)
    page = flota.get("/skr/fleet/repairs?state=open")
    assert "1" in re.findall(r'<tr data-id="(\d+)"', page.text)
    assert "Auto-Serwis Nowak" in visible(page.text)
