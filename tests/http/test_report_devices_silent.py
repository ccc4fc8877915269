"""test_report_devices_silent.py: the devices report's silent periods on
the page: per device their number and total length in words, and the list
of every one, newest first, 50 a page, the page links keeping the report's
filters; the CSV keeps the whole list (docs/reports.md, "The devices
report"). Exact on rollup rows of 2-3 March 2020 (CET) for the devices of
a crossing of its own: one device silent in 63 periods, one heard within
its heartbeat all the time, one whose heartbeat is looked up after its
rows were read (it has hour rows and no day rows)."""
import csv
import datetime
import html
import io
import re

import pytest

from test_dashboard_today import new_crossing, new_unit
from test_report_registrations import table
from test_skr_staff import sql_admin
from zsog import staff_client, unique

Q = "from=2020-03-02&to=2020-03-03"
ALL = (1 << 60) - 1
# the period in UTC: 2020-03-01 23:00 to 2020-03-03 23:00 (CET, UTC+1)
START = datetime.datetime(2020, 3, 1, 23, 0)
END = datetime.datetime(2020, 3, 3, 23, 0)
EVERY3 = sum(1 << m for m in range(0, 60, 3))
EVERY5 = sum(1 << m for m in range(0, 60, 5))


def device(stack, code, heartbeat):
    dev = unique("RQ").upper()
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind, secret,"
              " heartbeat_seconds, created_at) VALUES (?, ?, 'T1', 'truck', 'anpr',"
              " REPEAT('a', 64), ?, UTC_TIMESTAMP())", dev, code, heartbeat)
    return int(stack.scalar("SELECT id FROM device WHERE code = ?", dev)), dev


def hour_row(stack, dev, code, hour, alive):
    stack.sql("INSERT INTO report_device_hour (device_id, hour, crossing, events, doubtful,"
              " alive) VALUES (?, ?, ?, 1, 0, ?)", dev, hour.strftime("%Y-%m-%d %H:%M:%S"),
              code, alive)


def local(t):
    return (t + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")


@pytest.fixture(scope="module")
def seeded(stack):
    tag = unique("Q")[:8].upper()
    branch = new_unit(stack, 1, "branch", tag + "B")
    _, code = new_crossing(stack, branch, 0, "Report Quiet")
    p, pcode = device(stack, code, 60)   # allows 1 silent minute
    q, qcode = device(stack, code, 300)  # allows 5
    r, rcode = device(stack, code, 60)
    # p: heard every third minute 08:00-10:57 UTC on 2 March, else silent
    for h in (8, 9, 10):
        hour_row(stack, p, code, datetime.datetime(2020, 3, 2, h), EVERY3)
    stack.sql("INSERT INTO report_device_day (device_id, day, crossing, events, doubtful)"
              " VALUES (?, '2020-03-02', ?, 3, 0)", p, code)
    # q: every five minutes of the whole period: never longer than allowed
    t = START
    while t < END:
        hour_row(stack, q, code, t, EVERY5)
        t += datetime.timedelta(hours=1)
    # r: half an hour heard, 12:00-12:29 UTC on 2 March
    hour_row(stack, r, code, datetime.datetime(2020, 3, 2, 12), (1 << 30) - 1)
    _, login = sql_admin(stack, branch, roles=("crossing",))
    # every silent period, as (device's place in the table, from, to) in UTC
    heard = [datetime.datetime(2020, 3, 2, h, m) for h in (8, 9, 10) for m in range(0, 60, 3)]
    runs = [(0, START, heard[0])]
    runs += [(0, a + datetime.timedelta(minutes=1), b) for a, b in zip(heard, heard[1:])]
    runs += [(0, heard[-1] + datetime.timedelta(minutes=1), END),
             (2, START, datetime.datetime(2020, 3, 2, 12)),
             (2, datetime.datetime(2020, 3, 2, 12, 30), END)]
    return {"login": login, "code": code, "branch": branch, "codes": (pcode, qcode, rcode),
            "runs": runs}


def rows_of(seeded, runs):
    return [[seeded["codes"][d], local(a), local(b), str(int((b - a).total_seconds() // 60))]
            for d, a, b in runs]


def newest_first(seeded):
    return rows_of(seeded, sorted(seeded["runs"], key=lambda x: (-x[1].timestamp(), x[0])))


def pagers(page):
    return [html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
            for p in re.findall(r'<p class="pager">(.*?)</p>', page, re.S)]


def link(page, rel):
    m = re.search(r'<a rel="%s" href="([^"]*)"' % rel, page)
    return html.unescape(m.group(1)) if m else None


def test_counts_and_totals_per_device(stack, seeded):
    p, q, r = seeded["codes"]
    cl = staff_client(stack, seeded["login"])
    page = cl.get("/skr/reports/devices?lang=en&" + Q)
    assert page.status_code == 200, page.text[:300]
    # p: 540 + 59 x 2 + 2162 = 2820 minutes in 61 periods; r: 780 + 2070
    assert table(page.text, "table-silent-sum") == [
        ["Device", "Silent periods"],
        [p, "61 gaps, 47 h in all"],
        [q, "none"],
        [r, "2 gaps, 47 h 30 min in all"]]
    pl = cl.get("/skr/reports/devices?lang=pl&" + Q)
    assert table(pl.text, "table-silent-sum")[1:] == [
        [p, "61 przerw, razem 47 h"], [q, "brak"], [r, "2 przerwy, razem 47 h 30 min"]]
    assert len(seeded["runs"]) == 63


def test_the_list_is_paged_newest_first_with_the_filters_kept(stack, seeded):
    cl = staff_client(stack, seeded["login"])
    code = seeded["code"]
    want = newest_first(seeded)
    first = cl.get("/skr/reports/devices?lang=en&by=week&crossing=%s&%s" % (code, Q))
    assert first.status_code == 200
    header = ["Device", "Silent from", "Heard again at", "Length (minutes)"]
    assert table(first.text, "table-silent") == [header] + want[:50]
    assert want[:2] == [[seeded["codes"][2], "2020-03-02 13:30", "2020-03-04 00:00", "2070"],
                        [seeded["codes"][0], "2020-03-02 11:58", "2020-03-04 00:00", "2162"]]
    assert pagers(first.text) == ["Shown 1–50 of 63 · older"] * 2
    assert link(first.text, "prev") is None
    nxt = link(first.text, "next")
    assert nxt == ("/skr/reports/devices?from=2020-03-02&to=2020-03-03&by=week&crossing=%s"
                   "&compare=none&page=2#silent-list" % code)
    second = cl.get(nxt.split("#")[0])
    assert second.status_code == 200
    assert table(second.text, "table-silent") == [header] + want[50:]
    assert len(want[50:]) == 13
    assert pagers(second.text) == ["Shown 51–63 of 63 · newer"] * 2
    assert link(second.text, "next") is None
    assert link(second.text, "prev") == nxt.replace("page=2", "page=1")
    # the filters stay: by week, this crossing
    assert table(second.text, "table-series")[0][0] == "Week from (Monday)"
    assert 'value="%s" selected' % code in second.text
    # past the last page: the last
    late = cl.get("/skr/reports/devices?lang=en&%s&page=9" % Q)
    assert late.status_code == 200
    assert table(late.text, "table-silent")[1:] == want[50:]


def test_bad_page_and_access(stack, seeded):
    cl = staff_client(stack, seeded["login"])
    for bad in ("0", "x", "-1", "02", "100001"):
        r = cl.get("/skr/reports/devices?lang=en&%s&page=%s" % (Q, bad))
        assert r.status_code == 422, bad
        m = re.search(r'<p class="alert" role="alert" id="e-page">(.*?)</p>', r.text)
        assert html.unescape(m.group(1)) == (
            "This page of the silent periods does not exist: open the report again from its"
            " first page.")
        assert 'id="table-silent"' not in r.text
    _, login = sql_admin(stack, seeded["branch"], roles=("registration",))
    assert staff_client(stack, login).get(
        "/skr/reports/devices?page=2&" + Q).status_code == 403
    assert cl.get("/skr/reports/devices?page=2&crossing=GRZ&" + Q).status_code == 403


def test_the_csv_keeps_every_period(stack, seeded):
    cl = staff_client(stack, seeded["login"])
    r = cl.get("/skr/reports/devices.csv?part=silent&page=2&" + Q)
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8"))))
    assert rows[0] == ["Device", "Silent from", "Heard again at", "Length (minutes)"]
    # device by device (the table's order), then by time
    assert rows[1:] == rows_of(seeded, sorted(seeded["runs"], key=lambda x: (x[0], x[1])))
