"""test_report_alerts_profiles.py: the alerts and control report's control
decisions per risk profile (issue 15): exact on report_profile_day rows of
July 2019 (profiles are national), the profiles' names asked of domain/risk
by id, live hits apart from the hits while in testing, the outcomes of the
controls; links to the profiles for an analyst only; SVG equal to the
table; the CSV's rows per profile; both languages."""
import csv
import io

import pytest

from test_dashboard_today import new_crossing, new_unit
from test_report_cache import until_kept
from test_report_registrations import svg_values, table
from test_skr_staff import sql_admin
from zsog import staff_client, unique

Q = "from=2019-07-01&to=2019-07-31&by=day"
OUT = ["no irregularity", "irregularity found", "seizure", "handed over to another service"]


def profile(stack, name, versions):
    stack.sql("INSERT INTO risk_profile (name, author_id, state, created_at, changed_at)"
              " VALUES (?, 1, 'active', '2019-06-01', '2019-06-01')", name)
    pid = int(stack.scalar("SELECT id FROM risk_profile WHERE name = ?", name))
    ids = []
    for no in range(1, versions + 1):
        stack.sql("INSERT INTO risk_profile_version (profile_id, no, rule_text, weight,"
                  " created_by, created_at) VALUES (?, ?, 'kind = \"plate\"', 10, 1,"
                  " '2019-06-01')", pid, no)
        ids.append(int(stack.scalar("SELECT id FROM risk_profile_version WHERE profile_id = ?"
                                    " AND no = ?", pid, no)))
    return pid, ids


@pytest.fixture(scope="module")
def seeded(stack):
    tag = unique("P")[:8].upper()
    branch = new_unit(stack, 1, "branch", tag + "B")
    new_crossing(stack, branch, 0, "Report Profiles")
    pa, (a1, a2) = profile(stack, tag + " Heavy <trucks>", 2)
    pb, (b1,) = profile(stack, tag + " Tobacco", 1)
    for vid, day, live, what, n in (
            (a1, "2019-07-02", 1, "fired", 4), (a1, "2019-07-03", 1, "irregularity", 1),
            (a1, "2019-07-03", 1, "no_irregularity", 2), (a2, "2019-07-10", 1, "fired", 6),
            (a2, "2019-07-10", 0, "fired", 9), (a2, "2019-07-11", 1, "seizure", 1),
            (b1, "2019-07-05", 0, "fired", 3), (b1, "2019-08-01", 1, "fired", 70)):
        stack.sql("INSERT INTO report_profile_day (profile_version_id, day, live, what, slot, n)"
                  " VALUES (?, ?, ?, ?, 0, ?)", vid, day, live, what, n)
    _, officer = sql_admin(stack, branch, roles=("crossing",))
    _, analyst = sql_admin(stack, branch, roles=("risk",))
    return {"officer": officer, "analyst": analyst, "tag": tag, "pa": pa, "pb": pb}


def test_profiles_exact(stack, seeded):
    tag = seeded["tag"]
    c = staff_client(stack, seeded["officer"])
    r = c.get("/skr/reports/alerts?" + Q)
    assert r.status_code == 200, r.text[:300]
    rows = table(r.text, "table-profiles")
    assert rows == [["Risk profile", "version", "Decisions it fired on", "Hits while in testing"] + OUT,
                    [tag + " Heavy <trucks>", "1", "4", "0", "2", "1", "0", "0"],
                    [tag + " Heavy <trucks>", "2", "6", "9", "0", "0", "1", "0"],
                    [tag + " Tobacco", "1", "0", "3", "0", "0", "0", "0"]]
    assert svg_values(r.text, "chart-profiles") == {(0, 0): "4", (0, 1): "6", (0, 2): "0"}
    assert "Heavy &lt;trucks&gt; (version 2)" in r.text  # the chart's label, escaped
    # a crossing officer is not offered the analysts' profile pages
    assert "/skr/risk/profiles/" not in r.text
    a = staff_client(stack, seeded["analyst"]).get("/skr/reports/alerts?" + Q)
    assert a.status_code == 200
    assert 'href="/skr/risk/profiles/%d"' % seeded["pa"] in a.text
    assert 'href="/skr/risk/profiles/%d"' % seeded["pb"] in a.text
    pl = c.get("/skr/reports/alerts?lang=pl&" + Q)
    assert table(pl.text, "table-profiles")[0][:4] == [
        "Profil ryzyka", "wersja", "Decyzje, przy których zadziałał", "Trafienia w fazie testów"]
    assert "Profile ryzyka są krajowe" in pl.text
    # nothing in June: said in words
    j = c.get("/skr/reports/alerts?lang=en&from=2019-06-01&to=2019-06-30")
    assert 'id="profiles-none">No risk profile fired in this period.' in j.text


def test_profiles_csv(stack, seeded):
    tag = seeded["tag"]
    c = staff_client(stack, seeded["officer"])
    r = c.get("/skr/reports/alerts.csv?lang=en&" + Q)
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8"))))
    assert [row for row in rows if row[0] == "Risk profile"] == [
        ["Risk profile", tag + " Heavy <trucks> (version 1)", "4", "2", "1", "0", "0"],
        ["Risk profile", tag + " Heavy <trucks> (version 2)", "6", "0", "0", "1", "0"],
        ["Risk profile", tag + " Tobacco (version 1)", "0", "0", "0", "0", "0"]]


def test_the_kept_copy_is_of_the_readers_roles(stack, seeded):
    """The reports are kept per worker (cgi-bin/report/cache.c): an officer
    and an analyst of the same unit asking the same URL each get what their
    roles offer, never the other's copy (the key has the roles)."""
    officer = staff_client(stack, seeded["officer"])
    analyst = staff_client(stack, seeded["analyst"])
    link = 'href="/skr/risk/profiles/%d"' % seeded["pa"]
    path = "/skr/reports/alerts?roles=1&" + Q
    until_kept(officer, path)                         # a worker keeps the officer's
    for _ in range(12):                               # every worker
        r = analyst.get(path)
        assert r.status_code == 200
        assert link in r.text
    path = "/skr/reports/alerts?roles=2&" + Q
    until_kept(analyst, path)                         # and the other way round
    for _ in range(12):
        r = officer.get(path)
        assert r.status_code == 200
        assert "/skr/risk/profiles/" not in r.text
