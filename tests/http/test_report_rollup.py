"""test_report_rollup.py: the traffic and device rollups are exact. Random
events from new devices (batches of many sizes, single events, heartbeats,
re-sent batches and batches half re-sent, times out of order over six
days) through the ingest path; afterwards what the rollups gained equals
the COUNT over the raw events stored (docs/reports.md)."""
import random
import time

import ingest_lib as L
import report_lib as R
from zsog import unique

DEVICES = (("GRZ", "T9", "truck"), ("KOR", "C9", "car"), ("GRZ", "B9", "bus"))


def new_device(stack, crossing, lane, lane_kind):
    code = unique("RPT-")[:24].upper()
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind,"
              " secret, heartbeat_seconds, created_at) VALUES (?, ?, ?, ?, 'anpr', ?, 60,"
              " UTC_TIMESTAMP())", code, crossing, lane, lane_kind, L.secret(code))
    return code, stack.scalar("SELECT id FROM device WHERE code = ?", code)


def post_ok(stack, code, events):
    r = L.post(stack.base, code, L.doc(events))
    assert r.status_code == 200, (r.status_code, r.text[:300])
    got = L.outcomes(r)
    assert len(got) == len(events)
    assert all(o in ("accepted", "duplicate") for _, o, _ in got), got
    return got


def snapshot(stack):
    return {t: R.actual(stack, t, "crossing IN ('GRZ', 'KOR')")
            for t in R.TRAFFIC + ("report_plate_country_day", "report_busy_hour")}


def test_rollups_equal_counts_over_raw(stack):
    rng = random.Random(15)
    now = time.time()
    devs = [new_device(stack, *d) for d in DEVICES]
    ids = [d[1] for d in devs]
    before = snapshot(stack)
    first = int(stack.scalar("SELECT IFNULL(MAX(id), 0) FROM event"))
    dupes = 0
    for (code, _), (crossing, lane, _) in zip(devs, DEVICES):
        sent = []
        for size in (1, 2, 7, 60, 150, 1, 1, 33):
            evs = R.random_events(rng, code, crossing, lane, now, size)
            post_ok(stack, code, evs)
            sent.extend(evs)
        # A lone heartbeat, then whole batches and halves of them again.
        post_ok(stack, code, [L.event(code, crossing, lane, "<heartbeat/>")])
        got = post_ok(stack, code, sent[10:70])
        assert {o for _, o, _ in got} == {"duplicate"}
        dupes += len(got)
        fresh = R.random_events(rng, code, crossing, lane, now, 40)
        got = post_ok(stack, code, sent[100:140] + fresh)
        assert [o for _, o, _ in got] == ["duplicate"] * 40 + ["accepted"] * 40
        post_ok(stack, code, [sent[0]])
    stored = int(stack.scalar("SELECT COUNT(*) FROM event WHERE id > ?", first))
    assert stored == 3 * (255 + 1 + 40)
    exp = R.expected(stack, "e.id > ?", first)
    after = snapshot(stack)
    for table in before:
        assert R.minus(after[table], before[table]) == exp[table], table
    where = "device_id IN (%s)" % ", ".join(ids)
    for table in ("report_device_hour", "report_device_day"):
        got = R.actual(stack, table, where)
        assert got == exp[table], (table, R.diff(got, exp[table]))
    # The re-sent events counted nothing: events in the rollups = stored.
    assert sum(v[0] for v in R.actual(stack, "report_device_day", where).values()) == stored
    assert dupes == 180
