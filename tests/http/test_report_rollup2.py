"""test_report_rollup2.py: the reports' rollups of eBT, alerts and control
decisions (0085, domain/report_*.c) are exact: after bookings taken along
every status path (made directly and through an agency, moved, cancelled,
checked in, called, served, no-show, walk-in), alert steps and control
decisions with outcomes, each rollup table holds exactly the rows the bulk
fill (db/seed/90_report_rollup2.sql: INSERT … SELECT … GROUP BY over the
raw rows) gives, and its sums equal plain COUNTs over the raw tables. The
SQL helpers agree with the C rules (Warsaw day over DST, histogram
buckets), and `zsog-admin report-rollup2` prints the readers' figures."""
import datetime
import os
import random
import subprocess
import time
import uuid
import xml.etree.ElementTree as ET
import zoneinfo

import pytest

from conftest import private_stack


@pytest.fixture(scope="module")
def stack():
    """These tests compare rollups with counts over whole tables, so they
    run on a stack of their own: other modules seed rollup rows directly
    (reports of a past month) or drop event partitions (retention)."""
    with private_stack() as st:
        yield st


import ingest_lib as L
from ebt_lib import (AGENCY, ANNA, GRZ, JAN, KOR, TRANSPOL, book, local, mrn,
                     STEPS_SQL, number_of, plate, portal, staff)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FILL = os.path.join(ROOT, "db", "seed", "90_report_rollup2.sql")
TABLES = ("report_ebt_day", "report_ebt_wait", "report_ebt_company_month",
          "report_alert_day", "report_alert_time", "report_decision_day",
          "report_control_day", "report_profile_day")
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


# The decision and alert rollups spread a hot row over `slot` (the writer's
# connection): rows are compared summed over it.
KEYS = {"report_alert_day": "crossing, day, kind, priority, step, outcome",
        "report_decision_day": "crossing, day, lane_kind, colour, random",
        "report_profile_day": "profile_version_id, day, live, what, crossing"}


def snapshot(stack):
    stack.counted()
    snap = {}
    for t in TABLES:
        if t in KEYS:
            q = "SELECT %s, SUM(n) FROM %s GROUP BY %s" % (KEYS[t], t, KEYS[t])
        else:
            q = "SELECT * FROM %s" % t
        snap[t] = sorted(map(tuple, stack.sql(q)))
    return snap


def refill(stack):
    """The bulk fill, run as the seed runs it."""
    stack.counted()     # the fill refuses while lone events wait (0108)
    with open(FILL, "rb") as f:
        subprocess.run(["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % stack.var,
                        "-uroot", "zsog"], stdin=f, check=True)


def assert_live_equals_fill(stack):
    live = snapshot(stack)
    refill(stack)
    filled = snapshot(stack)
    for t in TABLES:
        assert live[t] == filled[t], t


def total(stack, table, where="1", *params):
    stack.counted()
    return int(stack.scalar("SELECT IFNULL(SUM(n), 0) FROM %s WHERE %s" % (table, where), *params))


@pytest.fixture(scope="module")
def anna(stack):
    return portal(stack, ANNA)


@pytest.fixture(scope="module")
def jan(stack):
    return portal(stack, JAN)


@pytest.fixture(scope="module")
def kor(stack):
    return staff(stack, "koroszczyn")


def status(stack, no):
    return stack.scalar("SELECT COALESCE(l.status, b.status) FROM booking b LEFT JOIN booking_lane l"
                        " ON l.booking_id = b.id WHERE b.number = ?", no)


def walk_in(kor):
    kor.get("/skr/ebt/%d/walkin" % KOR)
    r = kor.post("/skr/ebt/%d/walkin" % KOR, {
        "plate": plate(), "plate_country": "BY", "driver_name": "Ivan Petrov",
        "driver_doc": "MP1234567", "driver_phone": "+375 29 123 45 67",
        "mrns": mrn(), "goods": "Drewno", "mass_kg": "9000", "packages": "1"})
    assert r.status_code == 303, r.text[:400]
    return r


def test_ebt_rollups_equal_counts_over_history(stack, anna, jan, kor):
    rnd = random.Random(15)
    before = total(stack, "report_ebt_day", "action = 'created'")
    # Two hours ahead: still inside the arrival window, and the hour the
    # other suites book (one ahead) keeps its places.
    day, hour = local(plus_hours=2)
    later = local(plus_days=3)[0]
    made = []
    for i in range(5):
        made.append(number_of(book(anna, KOR, day, hour)))
    # Jan books for Trans-Pol through the agency he works for.
    via_agency = number_of(book(jan, GRZ, later, 12, company=TRANSPOL))
    own = number_of(book(jan, GRZ, later, 13, company=AGENCY))
    moved = number_of(book(anna, GRZ, later, 10))
    anna.get("/ebt/bookings/%s" % moved)
    assert anna.post("/ebt/bookings/%s/change" % moved,
                     {"day": later, "hour": "11", "reason": ""}).status_code == 303
    anna.get("/ebt/bookings/%s" % moved)
    assert anna.post("/ebt/bookings/%s/cancel" % moved,
                     {"reason": "", "confirm": "1"}).status_code == 303
    assert status(stack, moved) == "cancelled"
    kor.get("/skr/ebt/%d" % KOR)
    # Each of today's bookings goes its own way: left booked, arrived,
    # called, served, or (its hour long past) a no-show.
    for no in made:
        path = rnd.choice(["booked", "arrived", "called", "served", "no_show"])
        if path == "no_show":
            stack.sql("UPDATE booking SET start_utc = UTC_TIMESTAMP() - INTERVAL 90 MINUTE"
                      " WHERE number = ?", no)
            r = kor.post("/skr/ebt/%d/bookings/%s/no_show" % (KOR, no), {"confirm": "1"})
            assert r.status_code == 303 and status(stack, no) == "no_show"
            continue
        if path == "booked":
            continue
        r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": no})
        assert 'data-result="done"' in r.text
        if path == "arrived":
            continue
        r = kor.post("/skr/ebt/%d/bookings/%s/called" % (KOR, no), {"lane": "1"})
        assert r.status_code == 303
        if path == "served":
            r = kor.post("/skr/ebt/%d/bookings/%s/served" % (KOR, no), {})
            assert r.status_code == 303
    # A walk-in, checked in as it is registered, then called.
    walk_in(kor)
    kor.get("/skr/ebt/%d" % KOR)
    wid = stack.scalar("SELECT number FROM booking WHERE crossing_id = ? AND walk_in = 1"
                       " ORDER BY id DESC LIMIT 1", KOR)
    assert kor.post("/skr/ebt/%d/bookings/%s/called" % (KOR, wid), {"lane": "2"}).status_code == 303

    # A plate read at the waiting zone checks a booking in through the
    # ingest program (its own database account) and counts it the same.
    arrived = total(stack, "report_ebt_day", "action = 'arrived'")
    wz = "HR%05d" % (int(time.time() * 7) % 100000)
    stack.sql("INSERT IGNORE INTO slot (crossing_id, day, hour, start_utc, capacity)"
              " VALUES (1, UTC_DATE(), HOUR(UTC_TIMESTAMP()),"
              " DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:00:00'), 5)")
    slot = stack.scalar("SELECT id FROM slot WHERE crossing_id = 1 AND start_utc ="
                        " DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:00:00')")
    stack.sql("INSERT INTO booking (number, crossing_id, slot_id, day, hour, start_utc, status, plate,"
              " plate_country, driver_name, driver_doc, driver_phone, goods, mass_kg, packages, created_at)"
              " SELECT ?, 1, id, day, hour, start_utc, 'booked', ?, 'PL', 'Jan Test', 'X1', '+48600000000',"
              " 'test', 1000, 1, UTC_TIMESTAMP() FROM slot WHERE id = ?", "R" + wz, wz, int(slot))
    seq = L.next_seq()
    r = L.post(stack.base, "GRZ-ANPR-WZ", L.doc(L.event("GRZ-ANPR-WZ", "GRZ", "WZ",
               L.plate(wz[:2] + " " + wz[2:]), seq=seq)))
    assert r.status_code == 200, r.text
    assert status(stack, "R" + wz) == "arrived"
    assert total(stack, "report_ebt_day", "action = 'arrived'") == arrived + 1

    # Per action, the rollup sums to the history's count.
    for action, n in stack.sql("SELECT action, COUNT(*) FROM (" + STEPS_SQL + ") s GROUP BY action"):
        assert total(stack, "report_ebt_day", "action = ?", action) == int(n), action
    assert total(stack, "report_ebt_day", "action = 'created'") == before + 8
    assert total(stack, "report_ebt_wait") == stack.count("booking_lane", "called_at IS NOT NULL")
    assert total(stack, "report_ebt_company_month") == stack.count("booking_history", "action = 'created'")
    # Through the agency: Trans-Pol's booking by Jan names the agency; the
    # agency's own booking by its employee does not.
    month = stack.scalar("SELECT DATE_FORMAT(report_waw_day(UTC_TIMESTAMP()), '%Y-%m-01')")
    assert total(stack, "report_ebt_company_month",
                 "month = ? AND crossing_id = ? AND company_id = ? AND agency_id = ?",
                 month, GRZ, TRANSPOL, AGENCY) >= 1
    assert total(stack, "report_ebt_company_month",
                 "crossing_id = ? AND company_id = ? AND agency_id <> 0", GRZ, AGENCY) == 0
    assert via_agency and own
    assert_live_equals_fill(stack)


def test_alert_rollups_equal_counts_over_steps(stack):
    g = staff(stack, "grzechotki")
    seq = L.next_seq()
    r = L.post(stack.base, "GRZ-ANPR-T1", L.doc(L.event("GRZ-ANPR-T1", "GRZ", "T1",
                                                       L.plate("WX 1234B"), seq=seq)))
    assert r.status_code == 200
    ev = int(stack.scalar("SELECT id FROM event WHERE seq = ?", seq))
    alert = int(stack.scalar("SELECT id FROM alert WHERE event_id = ?", ev))
    g.get("/skr/alerts/%d" % alert)
    assert g.post("/skr/alerts/%d/ack" % alert, {}).status_code == 303
    g.get("/skr/alerts/%d" % alert)
    assert g.post("/skr/alerts/%d/inspect" % alert, {"officer": "4", "lane": "T2"}).status_code == 303
    g.get("/skr/alerts/%d" % alert)
    assert g.post("/skr/alerts/%d/close" % alert, {"outcome": "seizure", "notes": ""}).status_code == 303
    seq = L.next_seq()
    r = L.post(stack.base, "GRZ-RAD-T1", L.doc(L.event("GRZ-RAD-T1", "GRZ", "T1",
               '<radiation level="12.500" alarm="true"/>', seq=seq)))
    assert r.status_code == 200
    for step, n in stack.sql("SELECT step, COUNT(*) FROM alert_step GROUP BY step"):
        assert total(stack, "report_alert_day", "step = ?", step) == int(n), step
    assert total(stack, "report_alert_day", "step = 'closed' AND outcome = 'seizure'") == \
        stack.count("alert_step", "step = 'closed' AND outcome = 'seizure'")
    assert total(stack, "report_alert_time") == \
        stack.count("alert_step", "step IN ('acknowledged', 'closed')")
    assert_live_equals_fill(stack)


def set_rate(stack, crossing, lane_kind, per_mille, colour="yellow"):
    stack.sql("REPLACE INTO risk_rate (crossing, lane_kind, per_mille, colour)"
              " VALUES (?, ?, ?, ?)", crossing, lane_kind, per_mille, colour)


def test_decision_rollups_equal_counts(stack):
    g = staff(stack, "grzechotki")
    before = stack.sql("SELECT per_mille, colour FROM risk_rate"
                       " WHERE crossing = 'GRZ' AND lane_kind = 'car'")
    set_rate(stack, "GRZ", "car", 1000, "red")
    tasks = []
    try:
        code = "GRZ-ANPR-C1"
        # A batch of three events: three decisions in one transaction.
        events = [L.event(code, "GRZ", "C1", L.plate("RP" + uuid.uuid4().hex[:6].upper()))
                  for _ in range(3)]
        r = L.post(stack.base, code, L.doc(events))
        assert r.status_code == 200, r.text[:300]
        for e in ET.fromstring(r.content).findall("{%s}event" % L.NS):
            assert e.attrib["decision"] == "red"
            tasks.append(int(e.attrib["task"]))
    finally:
        if before:
            set_rate(stack, "GRZ", "car", *before[0])
        else:
            stack.sql("DELETE FROM risk_rate WHERE crossing = 'GRZ' AND lane_kind = 'car'")
    for task, outcome in zip(tasks, ("no_irregularity", "seizure")):
        g.get("/skr/control/%d" % task)
        data = {"outcome": outcome, "notes": ""}
        if outcome == "seizure":
            data["category"] = "excise_goods"
        r = g.post("/skr/control/%d/close" % task, data)
        assert r.status_code == 303, r.text[:300]
    assert total(stack, "report_decision_day") == stack.count("risk_decision")
    assert total(stack, "report_decision_day", "random = 1 AND colour = 'red'") == \
        stack.count("risk_decision", "random = 1 AND colour = 'red'")
    assert total(stack, "report_control_day") == \
        stack.count("risk_decision d JOIN control_task t ON t.decision_id = d.id",
                    "d.outcome IS NOT NULL AND t.closed_at IS NOT NULL")
    assert total(stack, "report_control_day", "outcome = 'seizure'") >= 1
    assert total(stack, "report_profile_day", "what = 'fired'") == stack.count("risk_decision_hit")
    # Each crossing its own rows (0094): two crossing nodes counting one
    # profile version's day never write one row.
    assert total(stack, "report_profile_day", "what = 'fired' AND crossing = 'GRZ'") == \
        stack.count("risk_decision_hit h JOIN risk_decision d ON d.id = h.decision_id",
                    "d.crossing = 'GRZ'")
    assert_live_equals_fill(stack)


def test_profile_rows_carry_their_crossing(stack):
    """A profile version fires at every crossing: each crossing's hits are
    its own rows (0094), or two crossing nodes counting one version's day
    would write one row (db/cluster-tables.txt). A batch of two (the
    multi-row path in C) of a container seen at Grzechotki an hour ago:
    profile 1 (two crossings within 24 h) fires twice at Koroszczyn."""
    box = "CSQU3054383"
    stack.sql("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind,"
              " raw, obj_key) VALUES (1, ?, UTC_TIMESTAMP(3) - INTERVAL 1 HOUR,"
              " UTC_TIMESTAMP(3) - INTERVAL 1 HOUR, 'GRZ', 'T1', 'entry', 'container', ?, ?)",
              L.next_seq(), box, box)
    hits = "risk_decision_hit h JOIN risk_decision d ON d.id = h.decision_id"
    before = total(stack, "report_profile_day", "what = 'fired' AND crossing = 'KOR'")
    code = "KOR-CONT-T1"
    r = L.post(stack.base, code, L.doc([L.event(code, "KOR", "T1", "<container>%s</container>" % box)
                                        for _ in range(2)]))
    assert r.status_code == 200, r.text[:300]
    assert stack.count(hits, "d.crossing = 'KOR' AND h.profile_version_id = 1") >= 2
    assert total(stack, "report_profile_day", "what = 'fired' AND crossing = 'KOR'") - before == \
        2
    assert total(stack, "report_profile_day", "what = 'fired' AND crossing = 'KOR'") == \
        stack.count(hits, "d.crossing = 'KOR'")


def test_sql_helpers_agree_with_the_rules(stack):
    """report_waw_day() is the Warsaw date (DST switches at 01:00 UTC on the
    last Sundays of March and October); report_bucket() the buckets of
    report_counts.h (one minute to 2 h, five to 24 h, then longer)."""
    start = datetime.datetime(2026, 3, 28, 20, 0, tzinfo=datetime.timezone.utc)
    times = [start + datetime.timedelta(minutes=30 * k) for k in range(0, 48 * 3)]
    times += [datetime.datetime(2026, 10, 24, 20, 0, tzinfo=datetime.timezone.utc)
              + datetime.timedelta(minutes=30 * k) for k in range(0, 48 * 3)]
    q = " UNION ALL ".join("SELECT %d, report_waw_day('%s')" % (i, t.strftime("%Y-%m-%d %H:%M:%S"))
                           for i, t in enumerate(times))
    got = dict((int(i), d) for i, d in stack.sql(q))
    for i, t in enumerate(times):
        assert got[i] == t.astimezone(WARSAW).strftime("%Y-%m-%d"), t

    def bucket(secs):
        if secs < 0:
            return 0
        if secs < 7200:
            return secs // 60
        if secs < 86400:
            return secs // 300 * 5
        return 1440
    secs = [-5, 0, 59, 60, 119 * 60 + 59, 7199, 7200, 7499, 7500, 86399, 86400, 10 ** 7]
    q = " UNION ALL ".join("SELECT %d, report_bucket(%d)" % (i, s) for i, s in enumerate(secs))
    got = dict((int(i), int(b)) for i, b in stack.sql(q))
    assert [got[i] for i in range(len(secs))] == [bucket(s) for s in secs]


def bucket(secs):
    """report_counts.c's buckets: one minute to 2 h, five to 24 h, then 1440."""
    if secs < 0:
        return 0
    if secs < 7200:
        return secs // 60
    if secs < 86400:
        return secs // 300 * 5
    return 1440


def exact_pct(values, pct):
    """The nearest-rank percentile: the value at rank ceil(pct/100 * n)."""
    v = sorted(values)
    rank = max(1, -(-len(v) * pct // 100))
    return v[rank - 1]


def figures(stack, frm="2020-01-01", to="2030-01-01"):
    stack.counted()
    build = os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build"))
    out = subprocess.run([os.path.join(build, "zsog-admin"), "report-figures",
                          "%s/etc/zsog.hdf" % stack.var, frm, to, "1:GRZ", "2:KOR"],
                         check=True, capture_output=True, text=True).stdout
    return out.splitlines()


def test_readers_give_the_rollups_and_percentiles(stack):
    """The readers (as zsog-admin report-figures prints them, through the
    report program's account) sum the rollups per day and month; the p50
    and p90 of the waits and of the alert times equal the exact percentile
    of the raw durations rounded down to its bucket."""
    lines = figures(stack)
    days = {}
    for line in lines:
        if line.startswith("ebt day "):
            _, _, day, *cols = line.split()
            days[day] = dict(c.split("=") for c in cols)
    raw = stack.sql("SELECT DATE_FORMAT(report_waw_day(s.at), '%Y-%m-%d'), s.action, COUNT(*)"
                    " FROM (" + STEPS_SQL + ") s JOIN booking b ON b.id = s.booking_id"
                    " WHERE b.crossing_id IN (1, 2) GROUP BY 1, 2")
    assert raw
    for day, action, n in raw:
        assert days[day][action] == n, (day, action)
    months = [line for line in lines if line.startswith("ebt month ")]
    total_created = sum(int(dict(c.split("=") for c in m.split()[3:])["created"]) for m in months)
    assert total_created == stack.count("booking_history", "action = 'created'")

    waits = [int(x[0]) for x in stack.sql(
        "SELECT IFNULL(TIMESTAMPDIFF(SECOND, arrived_at, called_at), 0) FROM booking_lane"
        " WHERE called_at IS NOT NULL")]
    assert waits
    expect = "wait all n=%d p50=%d p90=%d" % (len(waits), bucket(exact_pct(waits, 50)),
                                             bucket(exact_pct(waits, 90)))
    assert expect in lines
    for step in ("acknowledged", "closed"):
        secs = [int(x[0]) for x in stack.sql(
            "SELECT TIMESTAMPDIFF(SECOND, a.created_at, s.at) FROM alert_step s"
            " JOIN alert a ON a.id = s.alert_id WHERE s.step = ?"
            " AND a.crossing IN ('GRZ', 'KOR')", step)]
        assert secs, step
        expect = "alert-%s all n=%d p50=%d p90=%d" % (step, len(secs), bucket(exact_pct(secs, 50)),
                                                      bucket(exact_pct(secs, 90)))
        assert expect in lines
    decided = sum(int(line.rsplit("n=", 1)[1]) for line in lines if line.startswith("decision "))
    assert decided == stack.count("risk_decision", "crossing IN ('GRZ', 'KOR')")
    agency = [line for line in lines if line.startswith("company+agency %d agency=%d " % (TRANSPOL, AGENCY))]
    assert agency, lines
    # Capacity per hour comes from eBT's own slots (domain/booking).
    for cid, code in ((GRZ, "GRZ"), (KOR, "KOR")):
        places, taken = stack.sql("SELECT SUM(capacity), SUM(booked) FROM slot"
                                  " WHERE crossing_id = ?", cid)[0]
        assert "capacity %s places=%s taken=%s" % (code, places, taken) in lines


def test_registration_counts_from_their_owners(stack):
    """registry_stats_* and ca_stats_certs (read directly, small tables)
    give what COUNT over application, company and certificate gives for the
    period, scoped to the Ministry's subtree; time to decision as the exact
    percentile rounded to its bucket."""
    lo, hi = "2019-12-31 23:00:00", "2029-12-31 23:00:00"   # Warsaw [2020, 2030)
    lines = figures(stack)
    got = {}
    for line in lines:
        if line.startswith("apps "):
            _, office, kind, *cols = line.split()
            got[(office, kind)] = {k: int(v) for k, v in (c.split("=") for c in cols)}
    want = {}
    for office, kind, s, a, r in stack.sql(
            "SELECT office_unit_id, kind, SUM(created_at >= ? AND created_at < ?),"
            " SUM(status = 'approved' AND decided_at >= ? AND decided_at < ?),"
            " SUM(status = 'rejected' AND decided_at >= ? AND decided_at < ?)"
            " FROM application GROUP BY office_unit_id, kind", lo, hi, lo, hi, lo, hi):
        if int(s) or int(a) or int(r):
            want[(office, kind)] = {"submitted": int(s), "approved": int(a), "rejected": int(r)}
    assert want and got == want
    secs = [int(x[0]) for x in stack.sql(
        "SELECT TIMESTAMPDIFF(SECOND, created_at, decided_at) FROM application"
        " WHERE decided_at >= ? AND decided_at < ?", lo, hi)]
    if secs:
        assert "decided n=%d p50=%d p90=%d" % (len(secs), bucket(exact_pct(secs, 50)),
                                              bucket(exact_pct(secs, 90))) in lines
    eori = stack.count("company c", "c.eori IS NOT NULL AND c.approved_at >= ? AND c.approved_at < ?"
                       " AND EXISTS (SELECT 1 FROM application a WHERE a.kind = 'company'"
                       " AND a.subject_id = c.id AND a.status = 'approved')", lo, hi)
    assert "eori n=%d" % eori in lines
    issued = stack.count("certificate", "created_at >= ? AND created_at < ?", lo, hi)
    revoked = stack.count("certificate", "revoked_at >= ? AND revoked_at < ?", lo, hi)
    assert "certificates issued=%d revoked=%d" % (issued, revoked) in lines
    # A period that holds none of them: zeros, not errors.
    empty = figures(stack, "2001-01-01", "2001-02-01")
    assert "eori n=0" in empty and "certificates issued=0 revoked=0" in empty
    assert not [line for line in empty if line.startswith("apps ")]
