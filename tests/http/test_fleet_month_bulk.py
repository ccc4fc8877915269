"""test_fleet_month_bulk.py: the bulk fill of the fleet's monthly rollup
(db/seed/59_fleet_month.sql, run by scripts/seed and scripts/bench-fleet)
counts each raw row where the live writers do (docs/fleet.md, "Dashboard
and reports"): a closed trip's km on the Warsaw day it ended (either side
of a Warsaw midnight ending a month), a refuelling on its Warsaw day
(across the summer-time offset), a closed repair's days split by month
with its cost in the month it ended; open trips and repairs not at all; and after trips, refuellings and
repairs entered through the forms, the fill rebuilds exactly the rows the
live writers left. On a stack of its own: the fill rebuilds the whole
table."""
import datetime
import os
import subprocess

import pytest

from conftest import private_stack
from fleet_fuel_lib import refuel, warsaw_day
from fleet_trip_lib import local, now_waw, person, vehicle
from zsog import DEMO_PASSWORD, staff_client

FILL = os.path.join(os.path.dirname(__file__), "..", "..", "db", "seed", "59_fleet_month.sql")
V = 880401


@pytest.fixture(scope="module")
def stack():
    with private_stack() as st:
        yield st


def bulk_fill(stack):
    with open(FILL, "rb") as f:
        subprocess.run(["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % stack.var,
                        "-uroot", "zsog"], stdin=f, check=True)


def rows(stack):
    return stack.sql("SELECT month, km, trips, litres, fuel_cost_gr, repair_cost_gr, repair_days"
                     " FROM fleet_month WHERE vehicle_id = ? ORDER BY month", V)


def test_bulk_fill_counts_where_the_live_writers_do(stack):
    stack.sql("INSERT INTO org_unit (id, parent_id, kind, code, name_pl, name_en)"
              " VALUES (8804, 11, 'branch', 'T-FLB', 'Test', 'Test')")
    stack.sql("INSERT INTO fleet_vehicle (id, unit_id, plate, vin, make, model, kind, status,"
              " odometer_km, fuel, tank_l, norm_l100, created_at, updated_at) VALUES (?, 8804,"
              " 'TB 0001', 'TESTFLB0000880401', 'Kia', 'Ceed', 'car', 'in_service', 1000,"
              " 'diesel', 50, 6.0, '2025-12-01', '2025-12-01')", V)
    trip = ("INSERT INTO fleet_trip (vehicle_id, unit_id, driver_id, opened_by, purpose, route,"
            " start_utc, planned_end_utc, end_utc, odo_out, odo_in, status, created_at) VALUES"
            " (?, 8804, 4, 4, 'operation', 'R', ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())")
    # 31 January 22:30 UTC is 23:30 in Warsaw (January), 23:30 UTC is
    # 00:30 on 1 February.
    stack.sql(trip, V, "2026-01-31 20:00:00", "2026-02-01 02:00:00", "2026-01-31 22:30:00",
              1000, 1050, "closed")
    stack.sql(trip, V, "2026-01-31 23:00:00", "2026-02-01 02:00:00", "2026-01-31 23:30:00",
              1050, 1150, "checked")
    stack.sql(trip, V, "2026-02-10 08:00:00", "2026-02-10 12:00:00", None, 1150, None, "open")
    # 30 April 22:30 UTC is 1 May 00:30 in Warsaw (CEST, +2).
    day = stack.scalar("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema ="
                       " DATABASE() AND table_name = 'fleet_fuel' AND column_name = 'filled_day'")
    stack.sql("INSERT INTO fleet_fuel (vehicle_id, filled_at, litres, price_gr, cost_gr, odo_km,"
              " station, entered_by%s) VALUES (?, '2026-04-30 22:30:00', 40.00, 600, 24000, 1200,"
              " 'S', 4%s)" % ((", filled_day", ", '2026-05-01'") if day == "1" else ("", "")), V)
    repair = ("INSERT INTO fleet_repair (vehicle_id, reason, workshop, from_day, to_day, cost_gr,"
              " opened_by) VALUES (?, 'service', 'W', ?, ?, ?, 4)")
    stack.sql(repair, V, "2026-01-30", "2026-02-02", 100000)   # 2 days in each month
    stack.sql(repair, V, "2026-03-01", None, None)              # still open
    bulk_fill(stack)
    assert rows(stack) == [
        ["2026-01-01", "50", "1", "0.00", "0", "0", "2"],
        ["2026-02-01", "100", "1", "0.00", "0", "100000", "2"],
        ["2026-05-01", "0", "0", "40.00", "24000", "0", "0"],
    ]
    # Idempotent: a second fill gives the same rows.
    bulk_fill(stack)
    assert len(rows(stack)) == 3


def whole_table(stack):
    return stack.sql("SELECT vehicle_id, month, km, trips, litres, fuel_cost_gr, repair_cost_gr,"
                     " repair_days FROM fleet_month ORDER BY vehicle_id, month")


def test_the_live_writers_and_the_bulk_fill_give_the_same_rows(stack):
    """Trips, refuellings and repairs entered through the forms (the live
    writers add to fleet_month in their own transactions): the bulk fill
    run afterwards over the same rows rebuilds exactly the table they left,
    row by row (the demo's rows and this module's others included)."""
    bulk_fill(stack)   # whatever ran before starts consistent
    # a pool vehicle with inspection and insurance valid: a driver takes it
    vid = vehicle(stack, 11, odometer=20000)
    login, _ = person(stack, 11, driver=True)
    driver = staff_client(stack, login, DEMO_PASSWORD)
    flota = staff_client(stack, "flota")
    # In the order they happened (a refuelling's odometer is the reading
    # of its day): trips 10:10-11:40 Warsaw time, one 23:10-00:40 (ending
    # the next Warsaw day); a refuelling at 00:30 (the day before in UTC).
    odo = 20000
    events = (("trip", 70, 10, 130), ("fuel", 60, "08:15", "41.20"), ("trip", 45, 10, 85),
              ("trip", 33, 23, 240), ("fuel", 31, "00:30", "55,5"), ("trip", 12, 10, 57),
              ("fuel", 5, "17:45", "12.34"), ("trip", 2, 10, 9))
    for kind, days_ago, when, amount in events:
        if kind == "fuel":
            r = refuel(driver, vid, days_ago, odo, amount, time=when)
            assert r.status_code == 303, (days_ago, r.status_code, r.text[:300])
            continue
        start = now_waw().replace(hour=when, minute=10) - datetime.timedelta(days=days_ago)
        assert driver.get("/skr/fleet/trips/new").status_code == 200
        r = driver.post("/skr/fleet/trips/new", {
            "vehicle": str(vid), "start": local(start),
            "until": local(start + datetime.timedelta(hours=2)), "purpose": "transfer",
            "route": "Olsztyn – Elbląg – Olsztyn", "odo_out": str(odo)})
        assert r.status_code == 303, (days_ago, r.status_code, r.text[:300])
        tid = int(r.headers["Location"].rsplit("/", 1)[1])
        driver.get("/skr/fleet/trips/%d" % tid)
        odo += amount
        r = driver.post("/skr/fleet/trips/%d/close" % tid, {
            "end": local(start + datetime.timedelta(minutes=90)), "odo_in": str(odo)})
        assert r.status_code == 303, (days_ago, r.status_code, r.text[:300])
    # A repair before them, over a month's end, closed with a cost.
    flota.get("/skr/fleet/repairs/new?vehicle=%d" % vid)
    r = flota.post("/skr/fleet/repairs", {"vehicle": str(vid), "workshop": "Auto-Serwis",
                                          "from": warsaw_day(95)})
    assert r.status_code == 303, r.text[:300]
    rid = stack.scalar("SELECT MAX(id) FROM fleet_repair WHERE vehicle_id = ?", vid)
    flota.get("/skr/fleet/repairs?vehicle=%d" % vid)
    r = flota.post("/skr/fleet/repairs/%s/close" % rid, {"to_day": warsaw_day(75), "cost": "2345,67"})
    assert r.status_code == 303, r.text[:300]
    live = whole_table(stack)
    mine = [row for row in live if row[0] == str(vid)]
    assert sum(int(row[2]) for row in mine) == 130 + 85 + 240 + 57 + 9
    assert sum(int(row[3]) for row in mine) == 5
    assert sum(int(row[6]) for row in mine) == 234567
    bulk_fill(stack)
    assert whole_table(stack) == live
