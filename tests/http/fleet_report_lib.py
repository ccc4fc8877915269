"""fleet_report_lib.py: a small fleet of its own for the dashboard and
report tests, written as root straight into the tables (the pages only
read): units 8801 (a branch under the Olsztyn office, so in `flota`'s
subtree) and 8802 (under Biała Podlaska, `flota.lublin`'s), vehicles with
fixed ids, their status history, documents, damage, trips and monthly
rollup rows whose figures the tests compute by hand. Removed again at the
end of the module (remove()): the other fleet tests count the demo
vehicles of the same subtrees."""
import datetime
import zoneinfo

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
UNIT, OTHER = 8801, 8802


def today():
    return datetime.datetime.now(WARSAW).date()


def unit(stack, uid, parent, code):
    stack.sql("INSERT IGNORE INTO org_unit (id, parent_id, kind, code, name_pl, name_en)"
              " VALUES (?, ?, 'branch', ?, ?, ?)", uid, parent, code,
              "Oddział testowy floty " + code, "Fleet test branch " + code)


def vehicle(stack, vid, uid, plate, make, model, norm, status="in_service"):
    stack.sql("INSERT IGNORE INTO fleet_vehicle (id, unit_id, plate, vin, make, model, kind, marked,"
              " status, odometer_km, fuel, tank_l, norm_l100, equipment, pool, version, created_at,"
              " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'car', 0, ?, 10000, 'diesel', 60, ?, '', 1, 1,"
              " '2025-12-01 10:00:00', '2025-12-01 10:00:00')",
              vid, uid, plate, "TESTFLR%010d" % vid, make, model, status, norm)


def status(stack, vid, since_utc, st):
    stack.sql("INSERT INTO fleet_vehicle_status (vehicle_id, since, status) VALUES (?, ?, ?)",
              vid, since_utc, st)


def month(stack, vid, m, km, trips, litres, fuel_gr, repair_gr, repair_days):
    stack.sql("INSERT INTO fleet_month (vehicle_id, month, km, trips, litres, fuel_cost_gr,"
              " repair_cost_gr, repair_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              vid, m, km, trips, litres, fuel_gr, repair_gr, repair_days)


def document(stack, vid, kind, until):
    stack.sql("INSERT INTO fleet_document (vehicle_id, kind, number, valid_until, created_at)"
              " VALUES (?, ?, 'T/1', ?, UTC_TIMESTAMP())", vid, kind, str(until))


def seed_report(stack):
    """Unit 8801: two vehicles with January and February 2026 in the
    rollup; a third in unit 8802 (Lublin)."""
    if stack.count("fleet_vehicle", "id = 880101"):
        return
    unit(stack, UNIT, 11, "T-FLR")
    unit(stack, OTHER, 21, "T-FLR-L")
    vehicle(stack, 880101, UNIT, "TR 0001", "Škoda", "Octavia", "6.0")
    vehicle(stack, 880102, UNIT, "TR 0002", "Ford", "Transit", "9.0")
    vehicle(stack, 880201, OTHER, "TR 0201", "Kia", "Ceed", "6.5")
    # 1 January 00:00 Warsaw is 31 December 23:00 UTC (CET, +1).
    status(stack, 880101, "2025-12-31 23:00:00", "in_service")
    status(stack, 880101, "2026-01-10 23:00:00", "in_repair")   # 11 January
    status(stack, 880101, "2026-01-20 23:00:00", "in_service")  # 21 January
    status(stack, 880102, "2025-12-31 23:00:00", "in_service")
    status(stack, 880201, "2025-12-31 23:00:00", "in_service")
    month(stack, 880101, "2026-01-01", 1000, 10, "70.00", 45500, 120000, 10)
    month(stack, 880101, "2026-02-01", 500, 5, "30.00", 19500, 0, 0)
    month(stack, 880102, "2026-01-01", 200, 2, "20.00", 13000, 0, 0)
    # Outside the period: never in its figures.
    month(stack, 880101, "2025-12-01", 9999, 99, "999.00", 999999, 0, 0)
    month(stack, 880102, "2026-03-01", 9999, 99, "999.00", 999999, 0, 0)
    month(stack, 880201, "2026-01-01", 300, 3, "20.00", 13000, 0, 0)


def seed_dashboard(stack):
    """Unit 8803 (under the Olsztyn office): one vehicle in service, one in
    repair, one written off; deadlines, damage and trips around today."""
    if stack.count("fleet_vehicle", "id = 880301"):
        return
    unit(stack, 8803, 11, "T-FLD")
    vehicle(stack, 880301, 8803, "TD 0001", "Škoda", "Octavia", "6.0")
    vehicle(stack, 880302, 8803, "TD 0002", "Ford", "Transit", "9.0", "in_repair")
    vehicle(stack, 880303, 8803, "TD 0003", "Kia", "Ceed", "6.5", "written_off")
    t = today()
    d = datetime.timedelta
    document(stack, 880301, "insurance", t - d(days=400))   # renewed since: not overdue
    document(stack, 880301, "insurance", t + d(days=5))     # due (the newest is in force)
    document(stack, 880301, "inspection", t - d(days=3))    # overdue
    document(stack, 880302, "inspection", t + d(days=40))   # later
    document(stack, 880302, "insurance", t + d(days=29))    # due (the 30th day)
    document(stack, 880302, "registration", t + d(days=30))  # not within 30 days
    document(stack, 880303, "inspection", t - d(days=10))   # written off: not counted
    stack.sql("INSERT INTO fleet_damage (vehicle_id, happened_on, place, description, reported_by,"
              " status) VALUES (880301, ?, 'Olsztyn', 'Scratched door', 4, 'open'),"
              " (880302, ?, 'Olsztyn', 'Broken mirror', 4, 'closed')", str(t), str(t))
    stack.sql("INSERT INTO fleet_trip (vehicle_id, unit_id, driver_id, opened_by, purpose, route,"
              " start_utc, planned_end_utc, end_utc, odo_out, odo_in, status, created_at) VALUES"
              " (880301, 8803, 4, 4, 'operation', 'Olsztyn - Grzechotki',"
              "  UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 3 HOUR, NULL,"
              "  10000, NULL, 'open', UTC_TIMESTAMP()),"
              " (880302, 8803, 4, 4, 'transfer', 'Olsztyn - Olsztyn',"
              "  UTC_TIMESTAMP() - INTERVAL 5 HOUR, UTC_TIMESTAMP() - INTERVAL 3 HOUR,"
              "  UTC_TIMESTAMP() - INTERVAL 4 HOUR, 10000, 10020, 'closed', UTC_TIMESTAMP())")


def remove(stack):
    """Every row seed_report and seed_dashboard wrote."""
    ids = "SELECT id FROM fleet_vehicle WHERE unit_id IN (8801, 8802, 8803)"
    for table in ("fleet_month", "fleet_vehicle_status", "fleet_document", "fleet_damage",
                  "fleet_trip"):
        stack.sql("DELETE FROM %s WHERE vehicle_id IN (%s)" % (table, ids))
    stack.sql("DELETE FROM fleet_vehicle WHERE unit_id IN (8801, 8802, 8803)")
    stack.sql("DELETE FROM org_unit WHERE id IN (8801, 8802, 8803)")
