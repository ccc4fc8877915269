"""test_report_rollup_bulk.py: the bulk fill of the traffic and device
rollups (db/seed/91_report_traffic.sql, used by scripts/seed and by
scripts/bench-reports after their bulk loads) gives exactly the rows the
live path writes in the ingest transaction (domain/report_events.c), and
puts events around the DST changes and a Warsaw midnight in the Warsaw
day, month, weekday and hour that Python's zoneinfo gives."""
import os
import random
import subprocess
import time

import pytest

import ingest_lib as L
import report_lib as R
from test_report_rollup import new_device, post_ok
from conftest import private_stack


@pytest.fixture(scope="module")
def stack():
    """The whole tables are compared, so a stack of its own: other modules
    seed rollup rows directly (reports of a past month)."""
    with private_stack() as st:
        yield st

FILL = os.path.join(os.path.dirname(__file__), "..", "..", "db", "seed", "91_report_traffic.sql")


def bulk_fill(stack):
    stack.counted()     # the fill refuses while lone events wait (0108)
    with open(FILL, "rb") as f:
        subprocess.run(["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % stack.var,
                        "-uroot", "zsog"], stdin=f, check=True)


def everything(stack):
    return {t: R.actual(stack, t) for t in R.TABLES}


def test_bulk_fill_equals_live_path(stack):
    rng = random.Random(91)
    now = time.time()
    for crossing, lane, kind in (("GRZ", "T8", "truck"), ("KOR", "C8", "car")):
        code, _ = new_device(stack, crossing, lane, kind)
        for size in (1, 5, 80, 200):
            post_ok(stack, code, R.random_events(rng, code, crossing, lane, now, size))
        post_ok(stack, code, [L.event(code, crossing, lane, "<heartbeat/>")])
    # The seeded events were counted by this fill at seed time, the posted
    # ones by the live path: the whole tables must come out the same.
    live = everything(stack)
    assert sum(v[0] for v in live["report_device_day"].values()) == \
        int(stack.scalar("SELECT COUNT(*) FROM event"))
    bulk_fill(stack)
    bulk = everything(stack)
    for table in R.TABLES:
        assert bulk[table] == live[table], (table, R.diff(bulk[table], live[table]))


def test_bulk_fill_local_buckets_across_dst_and_midnight(stack):
    """Raw rows (older than ingest accepts) at Kuźnica: the hour before and
    after each 2026 DST change (29 March, 25 October, 01:00 UTC) and
    either side of a Warsaw midnight that ends a month."""
    code, dev = new_device(stack, "KUZ", "C7", "car")
    times = ["2026-03-29 00:59:59.500", "2026-03-29 01:00:00.000", "2026-03-29 01:30:00.000",
             "2026-10-25 00:59:59.999", "2026-10-25 01:00:00.000", "2026-10-25 01:59:00.000",
             "2026-04-30 21:59:59.000", "2026-04-30 22:00:00.000",
             "2026-01-31 22:59:59.000", "2026-01-31 23:00:00.000"]
    for i, t in enumerate(times):
        stack.sql("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind,"
                  " raw, obj_key, obj_fold, country, confidence, doubtful)"
                  " VALUES (?, ?, ?, UTC_TIMESTAMP(3), 'KUZ', 'C7', ?, 'plate', ?, ?, ?, ?, 0.900, ?)",
                  int(dev), "dst-%d" % i, t, ("entry", "exit")[i % 2], "KZ%05d" % i,
                  "KZ%05d" % i, "KZ%05d" % i, ("BY", "PL", "LT")[i % 3], i % 4 == 0)
    bulk_fill(stack)
    exp = R.expected(stack, "e.device_id = ?", int(dev))
    for table in ("report_device_hour", "report_device_day"):
        got = R.actual(stack, table, "device_id = ?", int(dev))
        assert got == exp[table], (table, R.diff(got, exp[table]))
    exp = R.expected(stack, "e.crossing = 'KUZ'")
    for table in R.TRAFFIC + ("report_plate_country_day", "report_busy_hour"):
        got = R.actual(stack, table, "crossing = 'KUZ'")
        assert got == exp[table], (table, R.diff(got, exp[table]))
    # Spelled out: 00:59:59 UTC on 29 March is 01:59 in Warsaw (winter
    # time), 01:00 UTC is 03:00 (summer time); 22:00 UTC on 30 April is
    # 1 May, 00:00 (a Friday: weekday 5).
    busy = R.actual(stack, "report_busy_hour", "crossing = 'KUZ'")
    assert busy[("KUZ", "2026-03-01", "7", "1")] == [1, 1]
    assert busy[("KUZ", "2026-03-01", "7", "3")] == [2, 2]
    assert busy[("KUZ", "2026-05-01", "5", "0")] == [1, 1]
    assert R.actual(stack, "report_traffic_month", "crossing = 'KUZ' AND month = '2026-02-01'") == {
        ("KUZ", "2026-02-01", "car", "exit", "plate"): [1, 1, 1, 0]}
