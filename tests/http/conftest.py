"""conftest.py: one isolated ZSOG stack (MariaDB, the FastCGI programs,
nginx) per test session, in a temp dir with its own sockets and ports, so
the suite runs beside `make run`. Tests reach it only over real HTTP, and
read the database as root only to check what a request changed."""
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile

import pytest

from zsog import Stack

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def stack():
    with private_stack() as st:
        yield st


@contextlib.contextmanager
def private_stack(extra=()):
    """A stack of its own, seeded: for a module that compares totals over
    whole tables (another module's rows would count in them). Use it as
    a module-scoped `stack` fixture in that module. extra: more options
    of scripts/stack start (--role crossing --crossing 1)."""
    var = tempfile.mkdtemp(prefix="zsog-test-")
    port, db_port = free_port(), free_port()
    env = dict(os.environ)
    cmd = [os.path.join(ROOT, "scripts", "stack"), "start", var,
           "--port", str(port), "--db-port", str(db_port), "--workers", "3",
           "--signin-rate", "600r/m", "--signin-burst", "60",
           # reports kept 2 s, not 30: tests that add events and read a
           # report again wait that long at most (test_report_cache.py)
           "--report-cache-seconds", "2",
           # no fsync per commit: a killed server still loses nothing
           # (test_ingest_crash.py, on a durable stack of its own, proves
           # the production setting)
           "--no-sync"] + list(extra)
    try:
        subprocess.run(cmd, check=True, env=env, cwd=ROOT)
        subprocess.run([os.path.join(ROOT, "scripts", "seed"), var],
                       check=True, env=env, cwd=ROOT)
        yield Stack(ROOT, var, port)
    finally:
        subprocess.run([os.path.join(ROOT, "scripts", "stack"), "stop", var],
                       env=env, cwd=ROOT)
        if os.environ.get("ZSOG_KEEP_TEST_VAR"):
            print("test stack kept in", var)
        else:
            shutil.rmtree(var, ignore_errors=True)


@pytest.fixture
def client(stack):
    return stack.client()


# Under xdist (scripts/test) the longest files start first: a file
# runs whole on one worker, and one begun last keeps its worker busy
# long after the other has run out of files. The phone check is four
# files (phone_lib.GROUPS), the longest of the suite. Measured in
# docs/testing.md. One worker (ZSOG_TEST_JOBS=1, one file) keeps the
# plain order.
SLOW_FIRST = ("test_phone_fleet.py", "test_phone_crossings.py", "test_phone_portal.py",
              "test_phone_admins.py", "test_present_browser.py", "test_ingest_crash.py",
              "test_fleet_browser.py", "test_portal_accounts.py", "test_fleet_fuel.py",
              "test_fleet_damage.py", "test_fleet_remind.py", "test_report_rollup2.py")


def pytest_collection_modifyitems(config, items):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    rank = {f: i for i, f in enumerate(SLOW_FIRST)}
    # stable: each file's own order, and the others' alphabetical one, hold
    items.sort(key=lambda it: rank.get(it.nodeid.split("::")[0], len(rank)))


# Where the run's time goes, by file (setup and teardown included: a
# module's own stack counts in its file). --durations names the slowest
# tests; this names the slowest files. Under xdist the reports reach the
# controller, which prints the table once.
_file_seconds = {}


def pytest_runtest_logreport(report):
    f = report.nodeid.split("::")[0]
    _file_seconds[f] = _file_seconds.get(f, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter):
    if not _file_seconds:
        return
    tr = terminalreporter
    tr.write_sep("=", "slowest 15 files (s, setup and teardown included)")
    for f, sec in sorted(_file_seconds.items(), key=lambda x: -x[1])[:15]:
        tr.write_line("%8.1f  %s" % (sec, f))
