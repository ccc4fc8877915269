"""test_report_devices_series.py: the devices report's events per device
per period as a series (a line chart and its table, by day, week and hour)
and its silent periods as intervals, from-to in Warsaw time, longer than
each device's heartbeat allows (issue 15) — exact on rollup rows of 2-3
March 2020 (CET) for the devices of a crossing of its own; CSV of each."""
import csv
import io

import pytest

from test_dashboard_today import new_crossing, new_unit
from test_report_registrations import svg_values, table
from test_skr_staff import sql_admin
from zsog import staff_client, unique

Q = "from=2020-03-02&to=2020-03-03"
ALL = (1 << 60) - 1


def device(stack, code, heartbeat):
    dev = unique("RS").upper()
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind, secret,"
              " heartbeat_seconds, created_at) VALUES (?, ?, 'T1', 'truck', 'anpr',"
              " REPEAT('a', 64), ?, UTC_TIMESTAMP())", dev, code, heartbeat)
    return int(stack.scalar("SELECT id FROM device WHERE code = ?", dev)), dev


def bits(*minutes):
    return sum(1 << m for m in minutes)


@pytest.fixture(scope="module")
def seeded(stack):
    tag = unique("S")[:8].upper()
    branch = new_unit(stack, 1, "branch", tag + "B")
    _, code = new_crossing(stack, branch, 0, "Report Silence")
    a, acode = device(stack, code, 60)    # allows 1 silent minute
    c, ccode = device(stack, code, 300)   # allows 5
    for dev, hour, events, alive in (
            # a: minute 30 missed alone (jitter, not a silent period)
            (a, "2020-03-02 08:00:00", 60, ALL & ~(1 << 30)),
            (a, "2020-03-02 09:00:00", 4, bits(0, 1, 2, 3)),
            (a, "2020-03-03 12:00:00", 1, bits(30)),
            # c: every 5 minutes, then a 5-minute gap (allowed) and a 7-minute one
            (c, "2020-03-02 10:00:00", 12, bits(*range(0, 60, 5))),
            (c, "2020-03-02 11:00:00", 2, bits(1, 9)),
            (a, "2020-03-04 08:00:00", 9, ALL)):  # after the period
        stack.sql("INSERT INTO report_device_hour (device_id, hour, crossing, events, doubtful,"
                  " alive) VALUES (?, ?, ?, ?, 0, ?)", dev, hour, code, events, alive)
    for dev, day, events in ((a, "2020-03-02", 64), (a, "2020-03-03", 1), (c, "2020-03-02", 14),
                             (a, "2020-03-04", 9)):
        stack.sql("INSERT INTO report_device_day (device_id, day, crossing, events, doubtful)"
                  " VALUES (?, ?, ?, ?, 0)", dev, day, code, events)
    _, login = sql_admin(stack, branch, roles=("crossing",))
    return {"login": login, "code": code, "a": acode, "c": ccode}


def test_series_by_day_week_and_hour(stack, seeded):
    a, c = seeded["a"], seeded["c"]
    cl = staff_client(stack, seeded["login"])
    r = cl.get("/skr/reports/devices?by=day&" + Q)
    assert r.status_code == 200, r.text[:300]
    rows = table(r.text, "table-series")
    assert rows == [["Day", a, c], ["2020-03-02", "64", "14"], ["2020-03-03", "1", "0"]]
    assert svg_values(r.text, "chart-series") == {
        (s, k): rows[1 + k][1 + s] for s in range(2) for k in range(2)}
    w = cl.get("/skr/reports/devices?by=week&" + Q)
    assert table(w.text, "table-series")[1:] == [["2020-03-02", "65", "14"]]
    h = cl.get("/skr/reports/devices?by=hour&" + Q)
    hours = table(h.text, "table-series")
    assert len(hours) == 1 + 48
    # UTC 08:00 is 09:00 in Warsaw (CET)
    assert [row for row in hours[1:] if row[1] != "0" or row[2] != "0"] == [
        [hours[10][0], "60", "0"], [hours[11][0], "4", "0"], [hours[12][0], "0", "12"],
        [hours[13][0], "0", "2"], [hours[38][0], "1", "0"]]
    assert "09:00" in hours[10][0] and "13:00" in hours[38][0]
    pl = cl.get("/skr/reports/devices?lang=pl&by=day&" + Q)
    assert "Zdarzenia według urządzenia" in pl.text


def test_silent_periods_longer_than_the_heartbeat(stack, seeded):
    a, c = seeded["a"], seeded["c"]
    cl = staff_client(stack, seeded["login"])
    r = cl.get("/skr/reports/devices?lang=en&by=day&" + Q)
    # the page lists them newest first (the same start: the table's device order)
    assert table(r.text, "table-silent") == [
        ["Device", "Silent from", "Heard again at", "Length (minutes)"],
        [a, "2020-03-03 13:31", "2020-03-04 00:00", "629"],
        [c, "2020-03-02 12:10", "2020-03-04 00:00", "2150"],
        [c, "2020-03-02 12:02", "2020-03-02 12:09", "7"],
        [a, "2020-03-02 10:04", "2020-03-03 13:30", "1646"],
        [a, "2020-03-02 00:00", "2020-03-02 09:00", "540"],
        [c, "2020-03-02 00:00", "2020-03-02 11:00", "660"]]
    # per device: 540 + 1646 + 629 = 2815 and 660 + 7 + 2150 = 2817 minutes
    assert table(r.text, "table-silent-sum") == [
        ["Device", "Silent periods"],
        [a, "3 gaps, 46 h 55 min in all"],
        [c, "3 gaps, 46 h 57 min in all"]]
    # six periods: one page, no link to another
    assert 'rel="next"' not in r.text and 'rel="prev"' not in r.text
    s = cl.get("/skr/reports/devices.csv?by=day&part=silent&" + Q)
    assert s.status_code == 200
    assert s.headers["Content-Disposition"] == (
        'attachment; filename="devices-silent-2020-03-02-2020-03-03.csv"')
    # the CSV: every period, device by device, then by time
    assert list(csv.reader(io.StringIO(s.content.decode("utf-8"))))[1:] == [
        [a, "2020-03-02 00:00", "2020-03-02 09:00", "540"],
        [a, "2020-03-02 10:04", "2020-03-03 13:30", "1646"],
        [a, "2020-03-03 13:31", "2020-03-04 00:00", "629"],
        [c, "2020-03-02 00:00", "2020-03-02 11:00", "660"],
        [c, "2020-03-02 12:02", "2020-03-02 12:09", "7"],
        [c, "2020-03-02 12:10", "2020-03-04 00:00", "2150"]]
    t = cl.get("/skr/reports/devices.csv?by=day&part=series&" + Q)
    assert list(csv.reader(io.StringIO(t.content.decode("utf-8")))) == [
        ["Period", a, c], ["2020-03-02", "64", "14"], ["2020-03-03", "1", "0"]]
