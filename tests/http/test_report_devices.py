"""test_report_devices.py: the devices report (issue 15): per device, the
share of the period's minutes it was heard from, its silent hours, its
events and its share of doubtful reads — exact on rollup rows of March 2020
for the devices of a crossing of a branch of its own; SVG well-formed and
equal to the table; CSV; print view; 403 for another unit's crossing and a
role without the report; bad filters 422."""
import csv
import html
import io

import pytest

from test_dashboard_today import new_crossing, new_unit
from test_report_registrations import svg_values, table
from test_skr_staff import sql_admin
from zsog import field_error, staff_client, unique

# 2 and 3 March 2020 in Warsaw (CET): 2020-03-01 23:00 to 2020-03-03 23:00 UTC,
# 48 hours, 2880 minutes
Q = "from=2020-03-02&to=2020-03-03&by=day"


def device(stack, code):
    dev = unique("RD").upper()
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind, secret,"
              " heartbeat_seconds, created_at) VALUES (?, ?, 'T1', 'truck', 'anpr',"
              " REPEAT('a', 64), 60, UTC_TIMESTAMP())", dev, code)
    return int(stack.scalar("SELECT id FROM device WHERE code = ?", dev)), dev


@pytest.fixture(scope="module")
def seeded(stack):
    tag = unique("D")[:8].upper()
    branch = new_unit(stack, 1, "branch", tag + "B")
    _, code = new_crossing(stack, branch, 0, "Report South")
    a, acode = device(stack, code)
    b, bcode = device(stack, code)
    for dev, hour, alive in ((a, "2020-03-02 08:00:00", (1 << 60) - 1),
                             (a, "2020-03-02 09:00:00", 15),
                             (a, "2020-03-01 22:00:00", (1 << 60) - 1)):  # before the period
        stack.sql("INSERT INTO report_device_hour (device_id, hour, crossing, events, doubtful,"
                  " alive) VALUES (?, ?, ?, 1, 0, ?)", dev, hour, code, alive)
    for dev, day, events, doubtful in ((a, "2020-03-02", 100, 5), (a, "2020-03-03", 50, 0),
                                       (a, "2020-03-04", 999, 9), (b, "2020-03-03", 10, 10)):
        stack.sql("INSERT INTO report_device_day (device_id, day, crossing, events, doubtful)"
                  " VALUES (?, ?, ?, ?, ?)", dev, day, code, events, doubtful)
    _, login = sql_admin(stack, branch, roles=("crossing",))
    return {"login": login, "code": code, "branch": branch, "a": acode, "b": bcode}


def test_devices_exact(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/devices?" + Q)
    assert r.status_code == 200, r.text[:300]
    rows = table(r.text, "table-devices")
    assert rows == [
        ["Device", "Crossing", "Heard from (% of the time)", "Silent hours", "Events",
         "Doubtful reads", "Doubtful (%)"],
        [seeded["a"], "Report South", "2.2", "46", "150", "5", "3.3"],
        [seeded["b"], "Report South", "0.0", "48", "10", "10", "100.0"],
    ]
    assert svg_values(r.text, "chart-avail") == {(0, 0): "2.2", (0, 1): "0.0"}
    assert svg_values(r.text, "chart-doubtful") == {(0, 0): "3.3", (0, 1): "100.0"}
    # a: silent 00:00-09:00 (540 minutes) and 10:04 to the end (2276); b: never
    # heard from, one silence of the whole 2880 minutes
    assert table(r.text, "table-silent-sum") == [
        ["Device", "Silent periods"],
        [seeded["a"], "2 gaps, 46 h 56 min in all"],
        [seeded["b"], "1 gap, 48 h in all"]]
    pl = c.get("/skr/reports/devices?lang=pl&" + Q)
    assert pl.status_code == 200 and table(pl.text, "table-devices")[0][0] == "Urządzenie"
    assert table(pl.text, "table-silent-sum")[1:] == [
        [seeded["a"], "2 przerwy, razem 46 h 56 min"],
        [seeded["b"], "1 przerwa, razem 48 h"]]


def test_devices_csv_and_print(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/devices.csv?" + Q)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"] == 'attachment; filename="devices-2020-03-02-2020-03-03.csv"'
    assert list(csv.reader(io.StringIO(r.content.decode("utf-8"))))[1:] == [
        [seeded["a"], seeded["code"], "2.2", "46", "150", "5", "3.3"],
        [seeded["b"], seeded["code"], "0.0", "48", "10", "10", "100.0"]]
    p = c.get("/skr/reports/devices?" + Q + "&view=print")
    assert p.status_code == 200 and 'action="/skr/reports/devices"' not in p.text


def test_devices_bad_filters_scope_and_roles(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/devices?from=2020-03-03&to=2020-03-02")
    assert r.status_code == 422
    assert field_error(r.text, "to") == "The end of the period must not be before its start"
    r = c.get("/skr/reports/devices?from=2020-01-01&to=2020-03-01&by=hour")
    assert r.status_code == 422
    assert field_error(r.text, "to") == "By hour, a period of at most 31 days"
    r = c.get("/skr/reports/devices?crossing=GRZ")
    assert r.status_code == 403
    assert "This crossing is not run by your unit" in html.unescape(r.text)
    _, login = sql_admin(stack, seeded["branch"], roles=("registration",))
    assert staff_client(stack, login).get("/skr/reports/devices").status_code == 403
