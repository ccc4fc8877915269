"""test_dashboard_today.py: the intranet start page's figures of the
officer's unit for today (issue 15): trucks waiting and booked for the rest
of the day, alerts open by priority, control tasks open, devices down,
applications waiting — exact on a unit of its own, the subtree's for a
chamber, nothing of another unit's; each figure links to its page only when
that opens to the officer, and every link opens (200)."""
import html
import random
import re
import subprocess
import time
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from test_skr_staff import sql_admin
from zsog import staff_client, unique

WARSAW = ZoneInfo("Europe/Warsaw")


def new_unit(stack, parent, kind, code):
    stack.sql("INSERT INTO org_unit (parent_id, kind, code, name_pl, name_en)"
              " VALUES (?, ?, ?, ?, ?)", parent, kind, code,
              "Jednostka " + code, "Unit " + code)
    return int(stack.scalar("SELECT id FROM org_unit WHERE code = ?", code))


def new_crossing(stack, unit, ebt, name):
    cid = random.randint(100000, 999999)
    code = "D%06d" % cid
    stack.sql("INSERT INTO crossing (id, code, name_pl, name_en, to_country, unit_id, ebt)"
              " VALUES (?, ?, ?, ?, 'BY', ?, ?)", cid, code, name + " PL", name, unit, ebt)
    return cid, code


def retried(stack, query, *params):
    """ebt's background sweep may lock the same booking rows: a deadlock
    is retried, as db_tx does."""
    for attempt in range(5):
        try:
            return stack.sql(query, *params)
        except subprocess.CalledProcessError as e:
            if "1213" not in (e.stderr or "") or attempt == 4:
                raise
            time.sleep(0.05)


def booking(stack, cid, day, hour, status):
    start = "%s %02d:00:00" % (day, hour)
    retried(stack, "INSERT IGNORE INTO slot (crossing_id, day, hour, start_utc, capacity)"
              " VALUES (?, ?, ?, ?, 10)", cid, day, hour, start)
    slot = stack.scalar("SELECT id FROM slot WHERE crossing_id = ? AND day = ? AND hour = ?",
                        cid, day, hour)
    number = unique("DB")[:16]
    lane = status in ("arrived", "called", "served", "no_show")
    # What happened at the lane is the booking's lane row (0101); a served
    # or missed booking is "done" on the company side. The booking and its
    # lane row go in one transaction: ebt's sweep marks a past booking
    # without a lane row a no-show (booking_slots.c q_noshow), and between
    # two statements it did (CI: duplicate key on booking_lane).
    insert_booking = ("INSERT INTO booking (number, crossing_id, slot_id, day, hour, start_utc,"
                      " status, plate, plate_country, driver_name, driver_doc, driver_phone,"
                      " goods, mass_kg, packages, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                      " 'PL', 'Jan Test', 'X1', '+48600000000', 'test', 1000, 1,"
                      " UTC_TIMESTAMP())")
    params = [number, cid, int(slot), day, hour, start,
              ("done" if status in ("served", "no_show") else "booked") if lane else status,
              unique("P")[:10].upper()]
    if not lane:
        retried(stack, insert_booking, *params)
        return
    retried(stack, "START TRANSACTION; " + insert_booking + "; INSERT INTO booking_lane"
            " (booking_id, crossing_id, status, arrived_at) SELECT id, crossing_id, ?,"
            " UTC_TIMESTAMP() FROM booking WHERE number = ?; COMMIT",
            *params, status, number)


def alert(stack, code, priority, state):
    stack.sql("INSERT INTO alert (kind, crossing, lane, priority, state, outcome, created_at)"
              " VALUES ('watch', ?, 'T1', ?, ?, ?, UTC_TIMESTAMP(3))", code, priority, state,
              "no_irregularity" if state == "closed" else None)


def task(stack, code, state):
    stack.sql("INSERT INTO control_task (decision_id, crossing, colour, state, outcome,"
              " created_at) VALUES (?, ?, 'yellow', ?, ?, UTC_TIMESTAMP(3))",
              random.randint(10**12, 10**13), code, state,
              "no_irregularity" if state == "closed" else None)


def device(stack, code, seen, disabled=0):
    # down_alerted: ingest's sweep would raise a device_down alert, which
    # is another figure. The liveness is device_seen's (0094).
    dev = unique("DEV")
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind, secret,"
              " heartbeat_seconds, disabled, created_at)"
              " VALUES (?, ?, 'T1', 'truck', 'anpr', REPEAT('a', 64), 3600, ?, UTC_TIMESTAMP())",
              dev, code, disabled)
    if seen != "never":
        stack.sql("INSERT INTO device_seen (device_id, last_seen, down_alerted)"
                  " SELECT id, " + {"down": "UTC_TIMESTAMP(3) - INTERVAL 2 HOUR",
                                     "up": "UTC_TIMESTAMP(3)"}[seen] +
                  ", 1 FROM device WHERE code = ?", dev)


def application(stack, office, status):
    account = stack.scalar("SELECT MIN(id) FROM portal_account")
    stack.sql("INSERT INTO application (kind, subject_id, submitted_by, status, office_unit_id,"
              " created_at) VALUES ('person', 1, ?, ?, ?, UTC_TIMESTAMP())",
              int(account), status, office)


@pytest.fixture(scope="module")
def unit(stack):
    """A chamber of its own with one branch running an eBT crossing and a
    lanes-only crossing, and a sibling chamber with nothing."""
    tag = unique("Q")[:8].upper()
    chamber = new_unit(stack, 1, "chamber", tag + "C")
    branch = new_unit(stack, chamber, "branch", tag + "B")
    other = new_unit(stack, 1, "chamber", tag + "X")
    x, xcode = new_crossing(stack, branch, 1, "Dashboard East")
    y, ycode = new_crossing(stack, branch, 0, "Dashboard West")
    now = datetime.now(WARSAW)
    today = now.strftime("%Y-%m-%d")
    yesterday = (now - timedelta(days=1)).strftime("%Y-%m-%d")
    tomorrow = (now + timedelta(days=1)).strftime("%Y-%m-%d")
    # waiting: arrived or called, yesterday's too (it still waits)
    booking(stack, x, today, 23, "arrived")
    booking(stack, x, today, 23, "called")
    booking(stack, x, yesterday, 23, "arrived")
    # booked for the rest of today: from this hour on
    booking(stack, x, today, 23, "booked")
    booking(stack, x, today, now.hour, "booked")
    booked = 2
    if now.hour > 0:  # an hour that has passed is no longer "the rest"
        booking(stack, x, today, now.hour - 1, "booked")
    booking(stack, x, tomorrow, 10, "booked")
    booking(stack, x, today, 23, "served")
    booking(stack, x, today, 23, "cancelled")
    # alerts: two high and one low open at X, one medium at Y; closed not
    alert(stack, xcode, 1, "new")
    alert(stack, xcode, 1, "acknowledged")
    alert(stack, xcode, 3, "inspection")
    alert(stack, xcode, 1, "closed")
    alert(stack, ycode, 2, "new")
    task(stack, xcode, "open")
    task(stack, ycode, "open")
    task(stack, xcode, "closed")
    device(stack, xcode, "down")
    device(stack, ycode, "never")
    device(stack, xcode, "up")
    device(stack, ycode, "never", disabled=1)
    application(stack, branch, "submitted")
    application(stack, chamber, "under_review")
    application(stack, branch, "approved")
    application(stack, other, "submitted")
    # the last 7 days (today is day 6): rollup rows as the owners write them
    # (test_report_rollup2 proves those), a day outside the week ignored
    def d(back):
        return (now - timedelta(days=back)).strftime("%Y-%m-%d")
    for back, n in ((0, 4), (2, 7), (6, 1), (7, 50)):
        stack.sql("INSERT INTO report_ebt_day (crossing_id, day, action, n)"
                  " VALUES (?, ?, 'arrived', ?)", x, d(back), n)
    stack.sql("INSERT INTO report_ebt_day (crossing_id, day, action, n)"
              " VALUES (?, ?, 'created', 9)", x, d(1))
    for code, back, prio, step, n in ((xcode, 0, 1, "new", 2), (xcode, 0, 3, "new", 1),
                                      (ycode, 0, 2, "new", 1), (xcode, 0, 1, "closed", 5),
                                      (xcode, 3, 1, "new", 6), (ycode, 8, 1, "new", 9)):
        stack.sql("INSERT INTO report_alert_day (crossing, day, kind, priority, step, outcome, n)"
                  " VALUES (?, ?, 'watch', ?, ?, ?, ?)", code, d(back), prio, step,
                  "no_irregularity" if step == "closed" else "", n)
    for code, back, colour, rnd, n in ((xcode, 0, "yellow", 0, 2), (xcode, 0, "yellow", 1, 1),
                                       (ycode, 1, "red", 0, 3), (xcode, 1, "green", 0, 40)):
        stack.sql("INSERT INTO report_decision_day (crossing, day, lane_kind, colour, random, slot, n)"
                  " VALUES (?, ?, 'truck', ?, ?, 0, ?)", code, d(back), colour, rnd, n)
    for back in (3, 3, 10):
        stack.sql("INSERT INTO application (kind, subject_id, submitted_by, status,"
                  " office_unit_id, created_at) VALUES ('person', 1, ?, 'approved', ?,"
                  " UTC_TIMESTAMP() - INTERVAL ? DAY)",
                  int(stack.scalar("SELECT MIN(id) FROM portal_account")), branch, back)
    return {"chamber": chamber, "branch": branch, "other": other, "x": x, "xcode": xcode,
            "ycode": ycode, "booked": booked}


def figures(page):
    """The start page's figures: {id: (number, link or None)}."""
    out = {}
    for m in re.finditer(r'<li id="fig-(\w+)">(.*?)</li>', page, re.S):
        body = m.group(2)
        href = re.match(r'<a href="([^"]+)">', body)
        n = re.search(r'<strong class="num">(\d+)</strong>', body)
        out[m.group(1)] = (int(n.group(1)), href.group(1) if href else None)
    return out


def alerts_by_priority(page):
    return {int(p): int(n) for p, n in re.findall(
        r'id="fig-alerts-(\d)">[^<]*<strong class="num">(\d+)</strong>', page)}


def crossing_rows(page):
    rows = {}
    for m in re.finditer(r'<tr id="today-(\w+)">(.*?)</tr>', page, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip()
                 for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", m.group(2), re.S)]
        link = re.search(r'<a href="([^"]+)">', m.group(2))
        rows[m.group(1)] = (cells, link.group(1) if link else None)
    return rows


def charts(page):
    """Each week chart: (table rows, svg values), both {(series, day): v},
    and the table's day labels; the SVG must parse as XML."""
    out = {}
    for m in re.finditer(r'<figure class="week-chart" id="([\w-]+)-fig">(.*?)</figure>', page, re.S):
        body = m.group(2)
        svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
        root = ET.fromstring(svg)
        drawn = {(int(e.get("data-s")), int(e.get("data-c"))): e.get("data-v")
                 for e in root.iter() if e.get("data-v") is not None}
        rows = re.findall(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', body, re.S)
        table, labels = {}, []
        for c, (label, cells) in enumerate(rows):
            labels.append(label)
            for sidx, v in enumerate(re.findall(r'<td class="num">([^<]*)</td>', cells)):
                table[(sidx, c)] = v
        assert drawn == table, m.group(1)
        out[m.group(1)] = (labels, [[int(table[(sidx, c)]) for c in range(7)]
                                    for sidx in range(len(table) // 7)])
    return out


def test_week_charts_equal_their_tables_and_the_rollups(stack, unit):
    _, login = sql_admin(stack, unit["branch"], roles=("crossing",))
    r = staff_client(stack, login).get("/skr/")
    assert r.status_code == 200
    ch = charts(r.text)
    now = datetime.now(WARSAW)
    days = [(now - timedelta(days=6 - i)).strftime("%d.%m") for i in range(7)]
    assert {k: v[0] for k, v in ch.items()} == {k: days for k in (
        "week-arrived", "week-alerts", "week-tasks", "week-applications")}
    assert ch["week-arrived"][1] == [[1, 0, 0, 0, 7, 0, 4]]
    assert ch["week-alerts"][1] == [[0, 0, 0, 6, 0, 0, 2],   # high
                                    [0, 0, 0, 0, 0, 0, 1],   # medium
                                    [0, 0, 0, 0, 0, 0, 1]]   # low
    assert ch["week-tasks"][1] == [[0, 0, 0, 0, 0, 0, 3],    # yellow
                                   [0, 0, 0, 0, 0, 3, 0]]    # red
    # the branch's own office: today's submitted and approved, two 3 days ago
    assert ch["week-applications"][1] == [[0, 0, 0, 2, 0, 0, 2]]
    assert '<title id="week-alerts-t">Alerts raised</title>' in r.text
    assert '<caption>Alerts raised</caption>' in r.text


def test_branch_crossing_officer_sees_the_units_figures_exactly(stack, unit):
    _, login = sql_admin(stack, unit["branch"], roles=("crossing",))
    c = staff_client(stack, login)
    r = c.get("/skr/")
    assert r.status_code == 200
    f = figures(r.text)
    assert f == {
        "waiting": (3, "/skr/ebt/"),
        "booked": (unit["booked"], "/skr/ebt/"),
        "alerts": (4, "/skr/alerts"),
        "tasks": (2, "/skr/control"),
        "down": (2, "/skr/devices"),
        # the registration queue does not open to a crossing officer: no
        # figure (test_registrations_waiting_only_where_the_queue_opens)
    }
    assert alerts_by_priority(r.text) == {1: 2, 2: 1, 3: 1}
    rows = crossing_rows(r.text)
    assert rows == {
        unit["xcode"]: (["Dashboard East", "3", str(unit["booked"]), "3", "1", "1"],
                        "/skr/ebt/%d" % unit["x"]),
        unit["ycode"]: (["Dashboard West", "no eBT", "no eBT", "1", "1", "1"], None),
    }
    # the time is Warsaw's
    now = datetime.now(WARSAW)
    m = re.search(r"As of (\d\d):(\d\d) \(local time\)", r.text)
    # kept for the unit: the test stack's Report.CacheSeconds (conftest)
    assert "reload the page for newer figures, read again at most every 2 s</p>" in r.text
    assert m and abs((int(m.group(1)) * 60 + int(m.group(2)))
                     - (now.hour * 60 + now.minute)) % 1440 in (0, 1, 1439)
    # every link opens to this officer
    links = {h for _, h in f.values() if h} | {h for _, h in rows.values() if h}
    assert len(links) == 5
    for href in sorted(links):
        assert c.get(href).status_code == 200, href


def test_chamber_officer_sees_the_subtree_and_only_the_pages_that_open(stack, unit):
    _, login = sql_admin(stack, unit["chamber"], roles=("registration",))
    c = staff_client(stack, login)
    r = c.get("/skr/?lang=pl")
    assert r.status_code == 200
    f = figures(r.text)
    assert f == {
        "waiting": (3, None),
        "booked": (unit["booked"], None),
        "alerts": (4, None),
        "tasks": (2, None),
        "down": (2, None),
        # The queue is the one-stop-shop's (Poznań, issue 18): an officer
        # of another unit is not shown its count.
    }
    rows = crossing_rows(r.text)
    # the chamber runs neither crossing itself: no link to their days
    assert rows[unit["xcode"]][1] is None and rows[unit["ycode"]][1] is None
    assert rows[unit["ycode"]][0][1] == "bez eBT"
    assert "Dziś w Twojej jednostce" in r.text and "Otwarte alarmy" in r.text
    assert c.get("/skr/ecustomer/queue").status_code == 403


def test_another_chamber_sees_none_of_it(stack, unit):
    _, login = sql_admin(stack, unit["other"], roles=("crossing", "registration"))
    c = staff_client(stack, login)
    r = c.get("/skr/")
    assert r.status_code == 200
    f = figures(r.text)
    assert f == {
        "waiting": (0, "/skr/ebt/"),
        "booked": (0, "/skr/ebt/"),
        "alerts": (0, "/skr/alerts"),
        "tasks": (0, "/skr/control"),
        "down": (0, "/skr/devices"),
    }
    assert alerts_by_priority(r.text) == {1: 0, 2: 0, 3: 0}
    assert 'id="today-crossings"' not in r.text
    assert unit["xcode"] not in r.text and "Dashboard East" not in r.text
    for _, href in f.values():
        if href:
            assert c.get(href).status_code == 200, href
