"""test_ingest_round_trips.py: what storing events costs the database,
counted in MariaDB's general log (every command a client sends is one round
trip; docs/performance.md, "Ingestion"): a batch's decisions, the hits of
the profiles that fired and the control tasks with their first steps are
one statement each, not one per event; a transaction is START TRANSACTION
and COMMIT, without turning autocommit off and on around it. The answers
and rows stay exact."""
import os
import re
import subprocess
import time
import uuid
import xml.etree.ElementTree as ET

import pytest
import requests

import ingest_lib as L

GRZ_CAR = ("GRZ-ANPR-C1", "GRZ", "C1")      # lane kind car


@pytest.fixture
def every_event_chosen(stack):
    """At Grzechotki's car lanes: the random draw chooses every event
    (yellow, a task each), and a testing profile fires on every Icelandic
    plate (a shadow hit each, colour unchanged). Both gone after."""
    yield from chosen(stack, 1000)


@pytest.fixture
def half_chosen(stack):
    """The same with half of the events drawn: a batch's decisions fall on
    two keys of the rollup (green not drawn, yellow drawn)."""
    yield from chosen(stack, 500)


def chosen(stack, per_mille):
    before = stack.sql("SELECT per_mille, colour FROM risk_rate"
                       " WHERE crossing = 'GRZ' AND lane_kind = 'car'")
    stack.sql("REPLACE INTO risk_rate (crossing, lane_kind, per_mille, colour)"
              " VALUES ('GRZ', 'car', ?, 'yellow')", per_mille)
    name = "rt-" + uuid.uuid4().hex[:8]
    stack.sql("INSERT INTO risk_profile (name, author_id, state, created_at, changed_at)"
              " VALUES (?, 6, 'testing', UTC_TIMESTAMP(), UTC_TIMESTAMP())", name)
    pid = int(stack.scalar("SELECT id FROM risk_profile WHERE name = ?", name))
    stack.sql("INSERT INTO risk_profile_version (profile_id, no, rule_text, weight, crossings,"
              " created_by, created_at) VALUES (?, 1, 'event.plate_country = ''IS''', 10,"
              " 'GRZ', 6, UTC_TIMESTAMP())", pid)
    vid = int(stack.scalar("SELECT id FROM risk_profile_version WHERE profile_id = ?", pid))
    stack.sql("UPDATE risk_profile SET version_id = ? WHERE id = ?", vid, pid)
    yield vid
    stack.sql("UPDATE risk_profile SET state = 'retired' WHERE id = ?", pid)
    stack.sql("DELETE FROM risk_rate WHERE crossing = 'GRZ' AND lane_kind = 'car'")
    for per_mille, colour in before:
        stack.sql("INSERT INTO risk_rate (crossing, lane_kind, per_mille, colour)"
                  " VALUES ('GRZ', 'car', ?, ?)", per_mille, colour)


def uplate():
    return "RT" + uuid.uuid4().hex[:6].upper().replace("O", "P").replace("I", "J")


def post_icelandic(stack, n):
    code, crossing, lane = GRZ_CAR
    r = L.post(stack.base, code, L.doc([L.event(code, crossing, lane,
                                                L.plate(uplate(), country="IS"))
                                        for _ in range(n)]))
    assert r.status_code == 200, r.text[:300]
    return [e.attrib for e in ET.fromstring(r.content).findall("{%s}event" % L.NS)]


LINE = re.compile(r"^(?:\d{6}\s+[\d:]+)?\s*(\d+) (Query|Execute|Prepare|Close stmt|Reset stmt"
                  r"|Connect|Quit|Init DB|Ping)\t(.*)$")


def traced(stack, fn):
    """fn() with the general log on: (its result, the commands of the
    connection that stored the events, in order: [(command, text)])."""
    log = os.path.join(stack.var, "log", "rt-general.log")
    if os.path.exists(log):
        os.unlink(log)
    stack.sql("SET GLOBAL log_output = 'FILE', general_log_file = '%s', general_log = 1" % log)
    try:
        res = fn()
    finally:
        stack.sql("SET GLOBAL general_log = 0")
    rows = []
    with open(log, errors="replace") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if m:
                rows.append([int(m.group(1)), m.group(2), m.group(3)])
            elif rows:
                rows[-1][2] += " " + line.strip()
    [tid] = {t for t, c, q in rows if c == "Execute" and "INTO event " in q}
    # The guard's trigger on event notes what it checked with a SET, which
    # the general log shows as a statement of the session: the server runs
    # it inside the INSERT, no round trip (0107_event_served_memo.sql).
    return res, [(c, re.sub(r"\s+", " ", q)) for t, c, q in rows if t == tid
                 and not q.startswith("SET @zsog_served_")]


def inserts(cmds, table):
    return sum(1 for c, q in cmds if c == "Execute"
               and re.match(r"INSERT (IGNORE )?INTO %s \(" % table, q))


def warm(stack, n):
    # every worker prepared its statements and loaded its caches
    for _ in range(6):
        post_icelandic(stack, n)


def test_a_batch_is_a_few_statements_whatever_fires(stack, every_event_chosen):
    vid = every_event_chosen
    warm(stack, 100)
    got, cmds = traced(stack, lambda: post_icelandic(stack, 100))
    # one statement per table for the 100 events
    assert [inserts(cmds, t) for t in ("event", "risk_decision", "risk_decision_hit",
                                       "control_task", "control_step")] == [1, 1, 1, 1, 1]
    queries = [q for c, q in cmds if c == "Query"]
    assert queries == ["START TRANSACTION", "COMMIT"]
    # and the rows are exactly what one statement per event stored
    assert len(got) == 100
    assert {(a["outcome"], a["decision"]) for a in got} == {("accepted", "yellow")}
    ids = [int(a["id"]) for a in got]
    rows = stack.sql("SELECT d.event_id, t.id, d.random, h.profile_version_id, h.live, h.used,"
                     " (SELECT GROUP_CONCAT(s.step) FROM control_step s WHERE s.task_id = t.id)"
                     " FROM risk_decision d JOIN control_task t ON t.decision_id = d.id"
                     " JOIN risk_decision_hit h ON h.decision_id = d.id"
                     " WHERE d.event_id BETWEEN ? AND ? ORDER BY d.event_id", min(ids), max(ids))
    assert rows == [[str(a["id"]), a["task"], "1", str(vid), "0", "event.plate_country=IS", "open"]
                    for a in got]


def test_a_single_event_is_its_statements_between_start_and_commit(stack, every_event_chosen):
    warm(stack, 1)
    [a], cmds = traced(stack, lambda: post_icelandic(stack, 1))
    assert [(c, q.split(" (")[0]) for c, q in cmds if c in ("Query", "Execute")
            and not q.startswith("SELECT") and not q.startswith("UPDATE device ")
            # last_seen moves once a second per device (0094: device_seen)
            and not q.startswith("INSERT INTO device_seen ")] == [
        ("Query", "START TRANSACTION"),
        ("Execute", "INSERT IGNORE INTO event"),
        ("Execute", "INSERT INTO risk_decision"),
        ("Execute", "INSERT INTO control_task"),
        ("Execute", "INSERT INTO control_step"),
        ("Execute", "INSERT INTO risk_decision_hit"),
        # the reports' rollups: the event's and its decision's inputs in
        # one row for the ingest tick to count, in the same commit
        # (docs/reports.md, "Exact, and when"; 0108)
        ("Execute", "INSERT INTO report_pending"),
        ("Query", "COMMIT"),
    ]
    assert a["outcome"] == "accepted" and a["decision"] == "yellow"
    assert stack.sql("SELECT COUNT(*) FROM risk_decision_hit h JOIN risk_decision d"
                     " ON d.id = h.decision_id WHERE d.event_id = ?", int(a["id"])) == [["1"]]


def test_a_batchs_decision_rollups_are_one_statement_each(stack, half_chosen):
    """The decisions' keys (green and yellow) in one multi-row upsert, the
    profile's hits in another, and the sums exact."""
    vid = half_chosen
    warm(stack, 100)
    q = ("SELECT colour, random, IFNULL(SUM(n), 0) FROM report_decision_day WHERE crossing = 'GRZ'"
         " AND lane_kind = 'car' GROUP BY colour, random ORDER BY colour, random")
    before = {(c, r): int(n) for c, r, n in stack.sql(q)}
    fired = int(stack.scalar("SELECT IFNULL(SUM(n), 0) FROM report_profile_day"
                             " WHERE profile_version_id = ? AND what = 'fired'", vid))
    got, cmds = traced(stack, lambda: post_icelandic(stack, 100))
    assert [inserts(cmds, t) for t in ("report_decision_day", "report_profile_day")] == [1, 1]
    drawn = sum(1 for a in got if a["decision"] == "yellow")
    assert 0 < drawn < 100
    after = {(c, r): int(n) for c, r, n in stack.sql(q)}
    assert after.get(("yellow", "1"), 0) - before.get(("yellow", "1"), 0) == drawn
    assert after.get(("green", "0"), 0) - before.get(("green", "0"), 0) == 100 - drawn
    assert int(stack.scalar("SELECT IFNULL(SUM(n), 0) FROM report_profile_day"
                            " WHERE profile_version_id = ? AND what = 'fired'", vid)) == fired + 100


def decision_counts(stack, vid):
    """(GRZ car yellow drawn decisions, version vid's fired hits) in the
    reports' rollups, summed over slot, and the rows they count."""
    return (stack.scalar("SELECT IFNULL(SUM(n), 0) FROM report_decision_day WHERE crossing = 'GRZ'"
                         " AND lane_kind = 'car' AND colour = 'yellow' AND random = 1"),
            stack.scalar("SELECT IFNULL(SUM(n), 0) FROM report_profile_day"
                         " WHERE profile_version_id = ? AND live = 0 AND what = 'fired'", vid),
            stack.scalar("SELECT COUNT(*) FROM risk_decision WHERE crossing = 'GRZ'"
                         " AND lane_kind = 'car' AND colour = 'yellow' AND random = 1"),
            stack.scalar("SELECT COUNT(*) FROM risk_decision_hit WHERE profile_version_id = ?"
                         " AND live = 0", vid))


@pytest.mark.parametrize("heartbeat", [False, True], ids=["alone", "with-a-heartbeat"])
def test_a_single_events_decision_is_counted_once_with_its_rollups(stack, every_event_chosen,
                                                                   heartbeat):
    """The decision's rows held for the event's pending row: counted exactly
    once, alone (by the ingest tick, from report_pending) and beside an
    event without a decision (the held rows written before the multi-row
    rollups); a resend counts nothing."""
    vid = every_event_chosen
    code, crossing, lane = GRZ_CAR
    warm(stack, 1)
    stack.counted()
    before = decision_counts(stack, vid)
    ev = L.event(code, crossing, lane, L.plate(uplate(), country="IS"))
    evs = [ev, L.event(code, crossing, lane, "<heartbeat/>")] if heartbeat else [ev]
    for _ in range(2):      # the second post is a resend: duplicates only
        r = L.post(stack.base, code, L.doc(evs))
        assert r.status_code == 200, r.text[:300]
    got = [e.attrib for e in ET.fromstring(r.content).findall("{%s}event" % L.NS)]
    assert got[0]["outcome"] == "duplicate"
    stack.counted()
    after = decision_counts(stack, vid)
    assert [int(a) - int(b) for a, b in zip(after, before)] == [1, 1, 1, 1]
    assert after[0] == after[2] and after[1] == after[3]


def test_a_batchs_watch_list_hits_are_two_statements(stack):
    """Every 20th plate of the batch is on the watch list (seeded entry 1,
    WX 1234B): five alerts, each on its own event with its first step, from
    one INSERT into alert and one into alert_step."""
    code, crossing, lane = GRZ_CAR
    plates = ["WX 1234B" if i % 20 == 0 else uplate() for i in range(100)]

    def post():
        r = L.post(stack.base, code, L.doc([L.event(code, crossing, lane, L.plate(p))
                                            for p in plates]))
        assert r.status_code == 200, r.text[:300]
        return [e.attrib for e in ET.fromstring(r.content).findall("{%s}event" % L.NS)]
    for _ in range(6):
        post()
    got, cmds = traced(stack, post)
    assert [inserts(cmds, t) for t in ("event", "alert", "alert_step")] == [1, 1, 1]
    hits = [int(a["id"]) for a, p in zip(got, plates) if p == "WX 1234B"]
    assert len(hits) == 5
    rows = stack.sql("SELECT a.event_id, a.entry_id, a.kind, a.crossing, a.lane, a.confidence,"
                     " a.state, (SELECT GROUP_CONCAT(s.step) FROM alert_step s"
                     " WHERE s.alert_id = a.id) FROM alert a"
                     " WHERE a.event_id BETWEEN ? AND ? ORDER BY a.event_id",
                     int(got[0]["id"]), int(got[-1]["id"]))
    assert rows == [[str(e), "1", "watch", "GRZ", "C1", "exact", "new", "new"] for e in hits]


def test_an_alert_does_not_wait_for_another_writers_count(stack):
    """Another writer counting an alert of the same crossing, day and
    priority (a connection whose slot no ingest worker has) holds its
    report_alert_day row until it ends; a watch-list hit stored meanwhile
    neither waits for it nor counts into it (0093: the writer's slot; the
    one shared row made every worker raising an alert wait for the others'
    durable COMMIT: docs/performance.md, "Ingestion")."""
    code, crossing, lane = GRZ_CAR

    def hit():
        r = L.post(stack.base, code, L.doc([L.event(code, crossing, lane, L.plate("WX 1234B"))]))
        assert r.status_code == 200, r.text[:300]
        return ET.fromstring(r.content).find("{%s}event" % L.NS).attrib
    first = hit()
    prio = int(stack.scalar("SELECT priority FROM alert WHERE event_id = ?", int(first["id"])))
    day = stack.scalar("SELECT report_waw_day(UTC_TIMESTAMP())")
    key = ("crossing = 'GRZ' AND day = '%s' AND kind = 'watch' AND priority = %d"
           " AND step = 'new' AND outcome = ''" % (day, prio))
    if stack.sql("SHOW COLUMNS FROM report_alert_day LIKE 'slot'"):
        # Each worker's slot is its own index (lib/db: @zsog_slot), 0 to
        # workers - 1; the test stack runs 3, so 15 is no worker's.
        other = 15
        stack.sql("INSERT INTO report_alert_day (crossing, day, kind, priority, step, outcome,"
                  " slot, n) VALUES ('GRZ', ?, 'watch', ?, 'new', '', ?, 0)"
                  " ON DUPLICATE KEY UPDATE n = n", day, prio, other)
        key += " AND slot = %d" % other
    before = int(stack.scalar("SELECT SUM(n) FROM report_alert_day WHERE " + key))
    holder = subprocess.Popen(
        ["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % stack.var, "-uroot", "zsog",
         "-e", "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION;"
               " UPDATE report_alert_day SET n = n WHERE " + key + "; SELECT SLEEP(6); ROLLBACK"],
        stdout=subprocess.DEVNULL)
    try:
        time.sleep(1.5)
        t0 = time.monotonic()
        got = hit()
        took = time.monotonic() - t0
    finally:
        holder.wait()
    assert got["outcome"] == "accepted"
    assert took < 3, took
    assert stack.count("alert", "event_id = ?", int(got["id"])) == 1
    assert int(stack.scalar("SELECT SUM(n) FROM report_alert_day WHERE " + key)) == before


def test_each_ingest_worker_counts_in_its_own_slot(stack):
    """The rollups' slot is the worker's index (lib/db.h db_set_slot), not
    CONNECTION_ID() % 16: connection ids collide modulo 16 (in a bench
    stack 16 workers had 13 slots), and two workers sharing a slot waited
    on each other's rows. Pairs of events from a new device (a lone event
    is counted by the ingest tick, in slot 16: the next test), spread over
    the workers: every row's slot is a worker index."""
    with open(os.path.join(stack.var, "etc", "zsog.hdf")) as f:
        workers = int(re.search(r"^Services\.ingest\.Workers = (\d+)$", f.read(), re.M).group(1))
    code = ("RTS-" + uuid.uuid4().hex[:10]).upper()
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind, secret,"
              " heartbeat_seconds, created_at) VALUES (?, 'GRZ', 'C1', 'car', 'anpr', ?, 60,"
              " UTC_TIMESTAMP())", code, L.secret(code))
    dev = int(stack.scalar("SELECT id FROM device WHERE code = ?", code))
    for _ in range(8 * workers):
        r = L.post(stack.base, code, L.doc([L.event(code, "GRZ", "C1", "<heartbeat/>")
                                            for _ in range(2)]))
        assert r.status_code == 200, r.text[:300]
    slots = {int(s) for [s] in stack.sql("SELECT DISTINCT slot FROM report_device_day"
                                         " WHERE device_id = ?", dev)}
    assert slots and slots <= set(range(workers)), (slots, workers)
    assert int(stack.scalar("SELECT SUM(events) FROM report_device_day WHERE device_id = ?",
                            dev)) == 16 * workers


def test_lone_events_are_counted_by_the_tick_exactly_once(stack):
    """A lone event's transaction stores one report_pending row (0108); the
    ingest tick counts it into the rollups in its own slot (16, no
    worker's) and deletes it, within about a second: each event counted
    once, the table left empty."""
    code = ("RTL-" + uuid.uuid4().hex[:10]).upper()
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind, secret,"
              " heartbeat_seconds, created_at) VALUES (?, 'GRZ', 'C1', 'car', 'anpr', ?, 60,"
              " UTC_TIMESTAMP())", code, L.secret(code))
    dev = int(stack.scalar("SELECT id FROM device WHERE code = ?", code))
    for i in range(30):
        ev = L.event(code, "GRZ", "C1", L.plate(uplate()) if i % 3 else "<heartbeat/>")
        r = L.post(stack.base, code, L.doc([ev]))
        assert r.status_code == 200, r.text[:300]
    stack.counted(timeout=5)
    assert stack.sql("SELECT slot, SUM(events) FROM report_device_day WHERE device_id = ?"
                     " GROUP BY slot", dev) == [["16", "30"]]
    assert stack.count("report_pending") == 0


def metric(stack, name, service):
    """One line of /metrics: name{service="…"} as a number, None if absent."""
    want = '%s{service="%s"} ' % (name, service)
    for line in requests.get(stack.base + "/metrics", timeout=10).text.splitlines():
        if line.startswith(want):
            return int(line[len(want):])
    return None


def wait_for(fn, timeout=8.0):
    deadline = time.time() + timeout
    while not fn():
        assert time.time() < deadline, "not within %s s" % timeout
        time.sleep(0.1)


def test_the_tick_reports_what_waits_and_a_row_it_cannot_count(stack):
    """/metrics tells what the ingest tick left (zsog_tick_backlog: lone
    events not yet in the reports) and how often it failed. A row the drain
    cannot read blocks it, counted as a failure and named in the log, and
    nothing after it is counted wrongly or lost: once the row is mended,
    the event that waited behind it is counted exactly once."""
    stack.counted(timeout=5)
    wait_for(lambda: metric(stack, "zsog_tick_backlog", "ingest") == 0)
    ticks = metric(stack, "zsog_ticks_total", "ingest")
    failures = metric(stack, "zsog_tick_failures_total", "ingest")
    assert ticks > 0
    wait_for(lambda: metric(stack, "zsog_ticks_total", "ingest") >= ticks + 2)
    assert metric(stack, "zsog_tick_failures_total", "ingest") == failures
    # A program without a background process has no tick lines.
    assert metric(stack, "zsog_ticks_total", "portal") is None

    code = ("RTB-" + uuid.uuid4().hex[:10]).upper()
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind, secret,"
              " heartbeat_seconds, created_at) VALUES (?, 'GRZ', 'C1', 'car', 'anpr', ?, 60,"
              " UTC_TIMESTAMP())", code, L.secret(code))
    dev = int(stack.scalar("SELECT id FROM device WHERE code = ?", code))
    stack.sql("INSERT INTO report_pending (t, device_id, crossing, lane_kind, dir, kind, object,"
              " doubtful, dec_crossing, dec_lane_kind, dec_at, colour, random, hits)"
              " VALUES (UNIX_TIMESTAMP(), ?, 'GRZ', 'car', 'out', 'plate', 1, 0, 'GRZ', 'car',"
              " UNIX_TIMESTAMP(), 'green', 0, 'not hits')", dev)
    bad = int(stack.scalar("SELECT MAX(id) FROM report_pending"))
    try:
        r = L.post(stack.base, code, L.doc([L.event(code, "GRZ", "C1", L.plate(uplate()))]))
        assert r.status_code == 200, r.text[:300]
        wait_for(lambda: metric(stack, "zsog_tick_backlog", "ingest") == 2)
        wait_for(lambda: metric(stack, "zsog_tick_failures_total", "ingest") >= failures + 2)
        assert stack.count("report_pending") == 2
        assert stack.count("report_device_day", "device_id = ?", dev) == 0
        assert ("report_pending row %d: its hits are not \"version:live,...\"; not counted"
                % bad) in stack.log("ingest")
    finally:
        stack.sql("DELETE FROM report_pending WHERE id = ?", bad)
    stack.counted(timeout=5)
    wait_for(lambda: metric(stack, "zsog_tick_backlog", "ingest") == 0)
    assert stack.sql("SELECT SUM(events) FROM report_device_day WHERE device_id = ?",
                     dev) == [["1"]]
