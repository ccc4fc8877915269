"""test_report_alerts.py: the alerts and control report (issue 15): alerts
raised and closed by priority and outcome, time to acknowledgement and to
closing (p50/p90 from the rollup's histogram), control decisions by colour
with the controls' outcomes — exact on rollup rows of March 2020 for a
crossing of a branch of its own; SVG well-formed and equal to the table;
CSV; print view; 403 for another unit's crossing and a role without the
report; bad filters 422."""
import csv
import html
import io

import pytest

from test_dashboard_today import new_crossing, new_unit
from test_report_registrations import svg_values, table
from test_skr_staff import sql_admin
from zsog import field_error, staff_client, unique

OUT = ["no irregularity", "irregularity found", "seizure",
       "handed over to another service"]
Q = "from=2020-03-01&to=2020-03-31&by=day"


@pytest.fixture(scope="module")
def seeded(stack):
    tag = unique("A")[:8].upper()
    branch = new_unit(stack, 1, "branch", tag + "B")
    _, code = new_crossing(stack, branch, 0, "Report North")
    for day, kind, prio, step, outcome, n in (
            ("2020-03-02", "watch", 1, "new", "", 3),
            ("2020-03-02", "watch", 1, "closed", "no_irregularity", 2),
            ("2020-03-03", "radiation", 1, "closed", "seizure", 1),
            ("2020-03-05", "watch", 2, "new", "", 4),
            ("2020-03-05", "watch", 2, "closed", "irregularity", 1),
            ("2020-03-05", "watch", 3, "acknowledged", "", 5),
            ("2020-04-01", "watch", 1, "new", "", 50)):
        stack.sql("INSERT INTO report_alert_day (crossing, day, kind, priority, step, outcome, n)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)", code, day, kind, prio, step, outcome, n)
    for day, step, prio, bucket, n in (("2020-03-02", "acknowledged", 1, 3, 2),
                                       ("2020-03-02", "acknowledged", 1, 10, 1),
                                       ("2020-03-03", "closed", 1, 125, 3)):
        stack.sql("INSERT INTO report_alert_time (crossing, day, step, priority, bucket, n)"
                  " VALUES (?, ?, ?, ?, ?, ?)", code, day, step, prio, bucket, n)
    for day, lane, colour, rnd, n in (("2020-03-02", "truck", "green", 0, 10),
                                      ("2020-03-02", "truck", "yellow", 1, 2),
                                      ("2020-03-03", "car", "yellow", 0, 3),
                                      ("2020-03-03", "truck", "red", 0, 1)):
        stack.sql("INSERT INTO report_decision_day (crossing, day, lane_kind, colour, random, n)"
                  " VALUES (?, ?, ?, ?, ?, ?)", code, day, lane, colour, rnd, n)
    for colour, outcome, n in (("yellow", "no_irregularity", 3), ("red", "seizure", 1)):
        stack.sql("INSERT INTO report_control_day (crossing, day, colour, random, outcome, n)"
                  " VALUES (?, '2020-03-04', ?, 0, ?, ?)", code, colour, outcome, n)
    _, login = sql_admin(stack, branch, roles=("crossing",))
    return {"login": login, "code": code, "branch": branch}


def test_alerts_and_control_exact(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/alerts?" + Q)
    assert r.status_code == 200, r.text[:300]
    alerts = table(r.text, "table-alerts")
    assert alerts == [["Priority", "Raised"] + OUT,
                      ["high", "3", "2", "0", "1", "0"],
                      ["medium", "4", "0", "1", "0", "0"],
                      ["low", "0", "0", "0", "0", "0"]]
    assert svg_values(r.text, "chart-alerts") == {
        (o, p): alerts[1 + p][2 + o] for o in range(4) for p in range(3)}
    assert table(r.text, "table-times")[1:] == [
        ["high", "3", "3", "10", "3", "125", "125"],
        ["medium", "0", "—", "—", "0", "—", "—"],
        ["low", "0", "—", "—", "0", "—", "—"]]
    control = table(r.text, "table-control")
    assert control == [["Decision", "Decisions", "Of them random"] + OUT,
                       ["green: no control", "10", "0", "0", "0", "0", "0"],
                       ["yellow: document control", "5", "2", "3", "0", "0", "0"],
                       ["red: physical control", "1", "0", "0", "0", "1", "0"]]
    assert svg_values(r.text, "chart-control") == {
        (o, k): control[1 + k][3 + o] for o in range(4) for k in range(3)}
    one = c.get("/skr/reports/alerts?" + Q + "&crossing=" + seeded["code"])
    assert one.status_code == 200 and table(one.text, "table-alerts") == alerts
    pl = c.get("/skr/reports/alerts?lang=pl&" + Q)
    assert pl.status_code == 200 and table(pl.text, "table-alerts")[0][1] == "Zgłoszone"


def test_alerts_csv_and_print(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/alerts.csv?" + Q)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"] == 'attachment; filename="alerts-2020-03-01-2020-03-31.csv"'
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8"))))
    assert rows[0] == ["Table", "Row", "Count"] + OUT
    assert rows[1] == ["Priority", "high", "3", "2", "0", "1", "0"]
    assert rows[5] == ["Decision", "yellow: document control", "5", "3", "0", "0", "0"]
    p = c.get("/skr/reports/alerts?" + Q + "&view=print")
    assert p.status_code == 200 and 'action="/skr/reports/alerts"' not in p.text


def test_alerts_bad_filters_scope_and_roles(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/alerts?from=2020-03-31&to=2020-03-01")
    assert r.status_code == 422
    assert field_error(r.text, "to") == "The end of the period must not be before its start"
    r = c.get("/skr/reports/alerts?from=2015-01-01&to=2020-03-01&by=day")
    assert r.status_code == 422
    assert field_error(r.text, "to") == "By day, a period of at most 366 days"
    r = c.get("/skr/reports/alerts?by=fortnight")
    assert r.status_code == 422 and field_error(r.text, "by") == "Choose one of the options in the list"
    r = c.get("/skr/reports/alerts?crossing=GRZ")
    assert r.status_code == 403
    assert "This crossing is not run by your unit" in html.unescape(r.text)
    _, login = sql_admin(stack, seeded["branch"], roles=("registration",))
    assert staff_client(stack, login).get("/skr/reports/alerts").status_code == 403
