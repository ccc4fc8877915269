"""test_report_ebt.py: the e-Booking TRUCK report (issue 15): bookings,
arrivals, no-shows, walk-ins and cancellations per period, the wait from
arrival to the call (p50/p90 from the rollup's histogram), capacity used per
hour — exact on rollup rows of March 2020 for a crossing of a branch of its
own; the SVG well-formed and equal to the table; CSV; print view; 403 for a
crossing of another unit and a role without the report; bad filters 422."""
import csv
import html
import io
import random
import re

import pytest

from test_dashboard_today import new_crossing, new_unit
from test_report_registrations import svg_values, table
from test_skr_staff import sql_admin
from zsog import field_error, staff_client, unique

COLS = ["Bookings made", "Arrivals", "No-shows", "Walk-ins", "Cancellations"]


@pytest.fixture(scope="module")
def seeded(stack):
    tag = unique("E")[:8].upper()
    branch = new_unit(stack, 1, "branch", tag + "B")
    x, code = new_crossing(stack, branch, 1, "Report East")
    for day, action, n in (("2020-03-02", "created", 5), ("2020-03-02", "arrived", 3),
                           ("2020-03-02", "no_show", 1), ("2020-03-02", "walk_in", 2),
                           ("2020-03-02", "cancelled", 1), ("2020-03-09", "created", 4),
                           ("2020-03-09", "arrived", 4), ("2020-03-02", "called", 4),
                           ("2020-04-01", "created", 99)):
        stack.sql("INSERT INTO report_ebt_day (crossing_id, day, action, n) VALUES (?, ?, ?, ?)",
                  x, day, action, n)
    for day, bucket, n in (("2020-03-02", 5, 3), ("2020-03-02", 30, 1), ("2020-03-09", 1440, 1)):
        stack.sql("INSERT INTO report_ebt_wait (crossing_id, day, bucket, n) VALUES (?, ?, ?, ?)",
                  x, day, bucket, n)
    for day, hour, cap, booked, closed in (("2020-03-02", 8, 10, 4, 0), ("2020-03-03", 8, 10, 6, 0),
                                           ("2020-03-03", 9, 5, 5, 0), ("2020-03-03", 10, 10, 0, 1)):
        stack.sql("INSERT INTO slot (crossing_id, day, hour, start_utc, capacity, booked, closed)"
                  " VALUES (?, ?, ?, ? + INTERVAL ? HOUR, ?, ?, ?)",
                  x, day, hour, day, hour - 1, cap, booked, closed)
    _, login = sql_admin(stack, branch, roles=("crossing",))
    return {"login": login, "code": code, "branch": branch}


def test_ebt_by_week_and_day_exact(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/ebt?from=2020-03-02&to=2020-03-15&by=week")
    assert r.status_code == 200, r.text[:300]
    days = table(r.text, "table-days")
    assert days == [["Week from (Monday)"] + COLS,
                    ["2020-03-02", "5", "3", "1", "2", "1"],
                    ["2020-03-09", "4", "4", "0", "0", "0"],
                    ["Total", "9", "7", "1", "2", "1"]]
    assert svg_values(r.text, "chart-days") == {
        (s, i): days[1 + i][1 + s] for s in range(5) for i in range(2)}
    assert re.search(r'id="wait-all">Trucks called: <strong class="num">5</strong> · p50: '
                     r'<strong>5</strong> · p90: <strong>longer than 24 h</strong>', r.text)
    # a week's percentiles are not its days': no table by week
    assert 'id="table-wait"' not in r.text
    hours = table(r.text, "table-hours")
    assert hours[9:12] == [["08:00", "20", "10", "50.0"], ["09:00", "5", "5", "100.0"],
                           ["10:00", "0", "0", "0.0"]]
    drawn = svg_values(r.text, "chart-hours")
    assert drawn == {(0, h): hours[1 + h][3] for h in range(24)}
    d = c.get("/skr/reports/ebt?from=2020-03-01&to=2020-03-10&by=day&crossing=" + seeded["code"])
    assert d.status_code == 200
    assert table(d.text, "table-wait")[1:] == [["2020-03-02", "4", "5", "30"],
                                               ["2020-03-09", "1", "longer than 24 h",
                                                "longer than 24 h"]]
    assert table(d.text, "table-days")[2] == ["2020-03-02", "5", "3", "1", "2", "1"]
    pl = c.get("/skr/reports/ebt?lang=pl&from=2020-03-02&to=2020-03-15&by=week")
    assert pl.status_code == 200 and table(pl.text, "table-days")[0][1] == "Rezerwacje"


def test_ebt_csv_and_print(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/ebt.csv?from=2020-03-02&to=2020-03-15&by=week")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"] == 'attachment; filename="ebt-2020-03-02-2020-03-15.csv"'
    assert list(csv.reader(io.StringIO(r.content.decode("utf-8")))) == [
        ["Period"] + COLS, ["2020-03-02", "5", "3", "1", "2", "1"],
        ["2020-03-09", "4", "4", "0", "0", "0"]]
    p = c.get("/skr/reports/ebt?from=2020-03-02&to=2020-03-15&by=week&view=print")
    assert p.status_code == 200 and 'action="/skr/reports/ebt"' not in p.text
    assert table(p.text, "table-days")[1][1] == "5"


def test_ebt_bad_filters_scope_and_roles(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/ebt?from=2020-03-02&to=2020-03-15&by=hour")
    assert r.status_code == 422
    assert field_error(r.text, "by") == "This report counts by day, week or month: choose one of them"
    r = c.get("/skr/reports/ebt?from=2020-03-15&to=2020-03-02")
    assert r.status_code == 422
    assert field_error(r.text, "to") == "The end of the period must not be before its start"
    r = c.get("/skr/reports/ebt?from=2020-03-32&to=2020-04-02")
    assert r.status_code == 422 and field_error(r.text, "from")
    r = c.get("/skr/reports/ebt?crossing=NOPE")
    assert r.status_code == 422 and field_error(r.text, "crossing") == "No crossing has this code"
    r = c.get("/skr/reports/ebt.csv?by=hour")
    assert r.status_code == 422
    r = c.get("/skr/reports/ebt?crossing=GRZ")
    assert r.status_code == 403
    assert "This crossing is not run by your unit" in html.unescape(r.text)
    _, login = sql_admin(stack, seeded["branch"], roles=("registration",))
    assert staff_client(stack, login).get("/skr/reports/ebt").status_code == 403
