"""test_replica.py: the regional replica (Lublin chamber) serves its
region's reports (issue 17, "Replica"; docs/scale.md). Events written at
the centre show in the traffic report served by the regional nginx within
MAX_DELAY seconds, and while g1 (the replica's source) is stopped the
report still answers 200 from the replica, with its "data as of" line.

A report is kept by each worker for Report.CacheSeconds: every reading
here asks a period never asked before (its first day moves back one day
per reading), so each one is read from the database, not from the copy."""
import os
import re
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import ingest_lib as L
from test_report_traffic import new_crossing, new_device, table

MAX_DELAY = 5.0
# The "data as of" line of a page read from a regional copy (c-app's
# fresh() macro): asserted when this tree has it.
with open(os.path.join(os.path.dirname(__file__), "..", "..", "templates", "macros.cs")) as _f:
    FRESH_LINE = "def:fresh()" in _f.read()
WAW = ZoneInfo("Europe/Warsaw")
_back = [0]


def traffic_total(officer, code):
    """Today's events of the crossing in the traffic report, and the page."""
    today = datetime.now(WAW).date()
    _back[0] += 1
    start = today - timedelta(days=_back[0])
    r = officer.get("/skr/reports/traffic?from=%s&to=%s&crossing=%s&by=day&lang=en"
                    % (start, today, code))
    assert r.status_code == 200, (r.status_code, r.text[:500])
    rows = {row[0]: row[1] for row in table(r.text, "table-time")}
    return int(rows.get(str(today), "0")), r


def post_events(centre, dev, code, n):
    r = L.post(centre.base, dev, L.doc([L.event(dev, code, "T1", L.plate("LU %05d" % i))
                                        for i in range(n)]))
    assert r.status_code == 200, r.text[:300]
    assert [o for _, o, _ in L.outcomes(r)] == ["accepted"] * n


def test_report_at_the_replica_follows_the_centre(cluster):
    centre, regional = cluster.site("centre"), cluster.site("r1")
    g1 = cluster.server("g1")
    code = new_crossing(g1)		# run by Grzechotki's branch (12)
    dev = new_device(g1, code, "T1", "truck")
    cluster.flush_caches()
    officer = regional.staff("grzechotki")
    cluster.wait(lambda: traffic_total(officer, code)[0] == 0, 30, "the crossing at r1")
    post_events(centre, dev, code, 3)
    t0 = time.monotonic()
    took = cluster.wait(lambda: traffic_total(officer, code)[0] == 3, 30,
                        "3 events in the regional report", step=0.1)
    print("\nregional report shows the centre's events after %.2f s" % took)
    assert took <= MAX_DELAY, took
    assert time.monotonic() - t0 <= MAX_DELAY + 1


def test_report_answers_while_the_centre_source_is_away(cluster):
    centre, regional = cluster.site("centre"), cluster.site("r1")
    g1 = cluster.server("g1")
    code = new_crossing(g1)
    dev = new_device(g1, code, "T1", "truck")
    cluster.flush_caches()
    officer = regional.staff("grzechotki")
    post_events(centre, dev, code, 2)
    cluster.wait(lambda: traffic_total(officer, code)[0] == 2, 30, "2 events at r1")
    r = cluster.script("stop-node", cluster.var, "g1", check=False, timeout=120)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    try:
        assert not g1.up()
        for _ in range(3):
            total, page = traffic_total(officer, code)
            assert total == 2
            if FRESH_LINE:
                fresh = re.search(r'<p id="fresh" class="muted">(.*?)</p>', page.text, re.S)
                assert fresh and re.match(r"Data as of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(local time; \d+ seconds?"
                                          r" behind the centre\)", fresh.group(1)), \
                    fresh and fresh.group(1)
            time.sleep(1)
    finally:
        r = cluster.script("restart-node", cluster.var, "g1", check=False, timeout=300)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    cluster.wait(lambda: g1.up() and g1.sql(
        "SHOW STATUS LIKE 'wsrep_local_state_comment'", db=None) == [["wsrep_local_state_comment", "Synced"]],
        120, "g1 synced again")
