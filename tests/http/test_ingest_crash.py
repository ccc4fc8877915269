"""test_ingest_crash.py: never lose an acknowledged event. On a stack of
its own, device threads post signed batches (two of them one event a
request: the lone events' rollups wait in report_pending for the ingest
tick, 0108) and retry each until it is acknowledged; mid-run every ingest
process but the master (the workers and the background process that
counts the lone events) and then the MariaDB server are killed with
SIGKILL and the server restarted. Afterwards every event sent is stored
exactly once, and every acknowledged one among them, and the reports'
rollups equal the COUNT over the raw events (docs/reports.md). Then, on
the same stack, the event table's partitions past the retention are
dropped whole and the rollups stay."""
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from datetime import datetime, timezone

import requests

import ingest_lib as L
import report_lib as R
from conftest import ROOT, free_port
from zsog import Stack

DEVICES = [("GRZ-ANPR-T1", "GRZ", "T1"), ("GRZ-ANPR-C1", "GRZ", "C1"),
           ("KOR-ANPR-T1", "KOR", "T1"), ("GRZ-ANPR-WZ", "GRZ", "WZ")]
# These post one event a request.
LONE = ("GRZ-ANPR-C1", "GRZ-ANPR-WZ")


def run(cmd):
    subprocess.run(cmd, check=True, cwd=ROOT)


def device_loop(base, dev, stop, sent, acked, errors):
    code, crossing, lane = dev
    s = requests.Session()
    n = 0
    size = 1 if code in LONE else 5
    while not stop.is_set():
        seqs = [L.next_seq() for _ in range(size)]
        body = L.doc([L.event(code, crossing, lane, L.plate("CR %05d" % ((n + i) % 100000)), seq=q)
                      for i, q in enumerate(seqs)])
        n += size
        sent.extend(seqs)
        # The same body again until acknowledged: the seqs make it safe.
        deadline = time.time() + 90
        while True:
            try:
                r = L.post(base, code, body, session=s)
                if r.status_code == 200:
                    got = L.outcomes(r)
                    assert [g[0] for g in got] == seqs
                    assert all(g[1] in ("accepted", "duplicate") for g in got), got
                    acked.extend(seqs)
                    break
                errors.append(r.status_code)
            except requests.RequestException as e:
                errors.append(type(e).__name__)
                s = requests.Session()
            if time.time() > deadline:
                raise AssertionError("not acknowledged in 90 s")
            time.sleep(0.05)


def test_no_acknowledged_event_is_lost():
    var = tempfile.mkdtemp(prefix="zsog-crash-")
    port, db_port = free_port(), free_port()
    try:
        run([os.path.join(ROOT, "scripts", "stack"), "start", var, "--port", str(port),
             "--db-port", str(db_port), "--workers", "2"])
        run([os.path.join(ROOT, "scripts", "seed"), var])
        st = Stack(ROOT, var, port)
        stop = threading.Event()
        sent, acked, errors = [], [], []
        failures = []

        def guarded(dev):
            try:
                device_loop(st.base, dev, stop, sent, acked, errors)
            except BaseException as e:  # reported below
                failures.append(repr(e))

        threads = [threading.Thread(target=guarded, args=(d,)) for d in DEVICES]
        for t in threads:
            t.start()
        time.sleep(1.5)
        with open(os.path.join(var, "run", "ingest.pid")) as f:
            master = int(f.read())
        workers = subprocess.run(["pgrep", "-P", str(master)], capture_output=True,
                                 text=True).stdout.split()
        assert len(workers) == 3, "2 workers and the background process: %r" % workers
        for w in workers:
            os.kill(int(w), signal.SIGKILL)
        time.sleep(1.5)
        acked_before_db_kill = len(acked)
        with open(os.path.join(var, "run", "mysqld.pid")) as f:
            os.kill(int(f.read()), signal.SIGKILL)
        time.sleep(2)
        # Restarted as scripts/stack starts it: in the background of a
        # shell that exits, so init (not this test) reaps it later.
        subprocess.run(["bash", "-c", 'mariadbd --defaults-file="$1/etc/my.cnf"'
                        ' --user="$(id -un)" >> "$1/log/mariadb.log" 2>&1 &', "-", var],
                       check=True)
        time.sleep(3)
        stop.set()
        for t in threads:
            t.join(120)
        assert not failures, failures
        assert acked_before_db_kill > 0 and len(acked) > acked_before_db_kill
        assert errors, "the kills went unnoticed: the test proved nothing"
        assert sorted(acked) == sorted(sent)
        seqs = [r[0] for r in st.sql(
            "SELECT seq FROM event e JOIN device d ON d.id = e.device_id"
            " WHERE d.code IN ('GRZ-ANPR-T1', 'GRZ-ANPR-C1', 'KOR-ANPR-T1', 'GRZ-ANPR-WZ')")]
        assert len(seqs) == len(set(seqs))             # exactly once
        assert set(seqs) == set(sent)                 # nothing missing, nothing extra
        assert st.count("event e JOIN device d ON d.id = e.device_id",
                        "d.code IN ('GRZ-ANPR-C1', 'GRZ-ANPR-WZ')") > 0
        # Counted in the events' own transactions or from the rows they
        # left in report_pending (R.actual waits for the tick): exactly
        # once too.
        R.assert_all_exact(st)
        retention(st, var)
    finally:
        subprocess.run([os.path.join(ROOT, "scripts", "stack"), "stop", var], cwd=ROOT)
        shutil.rmtree(var, ignore_errors=True)


def partitions(st):
    return [r[0] for r in st.sql(
        "SELECT partition_name FROM information_schema.partitions"
        " WHERE table_schema = DATABASE() AND table_name = 'event'"
        " ORDER BY partition_ordinal_position")]


def month_names(first, last):
    """pYYYYMM from month index first to last (year * 12 + month - 1)."""
    return ["p%04d%02d" % (m // 12, m % 12 + 1) for m in range(first, last + 1)]


def keep(var, day):
    build = os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build"))
    return subprocess.run([os.path.join(build, "zsog-admin"), "partitions",
                           os.path.join(var, "etc", "zsog.hdf"), day],
                          check=True, capture_output=True, text=True).stdout.strip()


def retention(st, var):
    """What the ingest program's hourly tick does (devices_partitions_keep),
    run as on later days by zsog-admin, with Ingest.RetentionMonths 24."""
    today = datetime.now(timezone.utc)
    cur = today.year * 12 + today.month - 1
    # As made at migration (last month on) and kept by the tick: three
    # months ahead.
    got = partitions(st)
    assert got[-4:] == month_names(cur, cur + 3)[1:] + ["p_max"]
    assert keep(var, day_of(cur)) == "event partitions: 0 added, 0 dropped"
    # Two months on: two more months ahead, nothing old enough to drop.
    assert keep(var, day_of(cur + 2)) == "event partitions: 2 added, 0 dropped"
    assert partitions(st)[-3:] == month_names(cur + 4, cur + 5) + ["p_max"]
    events = int(st.scalar("SELECT COUNT(*) FROM event"))
    assert events > 0
    before = {t: R.actual(st, t) for t in R.TABLES}
    # 25 months on: this month's events are past the retention. Their
    # partitions go whole (p_old, last month, this month); the rollups stay.
    dropped = len([p for p in partitions(st) if p != "p_max"]) - len(
        month_names(cur + 1, cur + 5))
    out = keep(var, day_of(cur + 25))
    assert out == "event partitions: %d added, %d dropped" % (
        (cur + 25 + 3) - (cur + 5), dropped)
    assert partitions(st) == month_names(cur + 1, cur + 28) + ["p_max"]
    assert int(st.scalar("SELECT COUNT(*) FROM event")) == 0
    assert {t: R.actual(st, t) for t in R.TABLES} == before
    assert sum(v[0] for v in before["report_device_day"].values()) == events


def day_of(month):
    return "%04d-%02d-15" % (month // 12, month % 12 + 1)
