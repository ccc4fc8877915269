"""test_fleet_month_bulk.py: the bulk fill of the fleet's monthly rollup
(db/seed/59_fleet_month.sql, run by scripts/seed and scripts/bench-fleet)
counts each raw row where the live writers do (docs/fleet.md, "Dashboard
and reports"): a closed trip's km on the Warsaw day it ended (either side
of a Warsaw midnight ending a month), a refuelling on its Warsaw day
(across the summer-time offset), a closed repair's days split by month
with its cost in the month it ended; open trips and repairs not at all.
On a stack of its own: the fill rebuilds the whole table."""
import os
import subprocess

import pytest

from conftest import private_stack

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
