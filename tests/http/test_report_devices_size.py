"""test_report_devices_size.py: the devices report's default view on the
reports benchmark's small data set (scripts/bench-reports: 100,000 events
at Grzechotki and Koroszczyn over the past year, db/gen-reports, rollups
filled by the bulk path) stays a page a phone can load: 50 silent periods
of the thousands, each device's count and total, under 100 KB (379 KB
before the list was paged, docs/performance.md). On a stack of its own:
the set would count in other modules' totals."""
import glob
import os
import re
import subprocess

import pytest

from conftest import private_stack
from test_report_registrations import table
from zsog import staff_client

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.fixture(scope="module")
def stack():
    with private_stack() as st:
        out = subprocess.run([os.path.join(ROOT, "db", "gen-reports"), st.var, "--events",
                              "100000", "--tag", "BS", "--bookings", "2000", "--alerts", "200",
                              "--decisions", "2000"], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr[-2000:]
        for path in sorted(glob.glob(os.path.join(ROOT, "db", "seed", "*_report_*.sql"))):
            with open(path, "rb") as f:
                r = subprocess.run(["mariadb", "--no-defaults",
                                    "--socket=%s/run/mysqld.sock" % st.var, "-uroot", "zsog"],
                                   stdin=f, capture_output=True)
            assert r.returncode == 0, r.stderr[-2000:]
        st.flush_caches()
        yield st


def test_default_view_on_the_small_set(stack):
    r = staff_client(stack, "grzechotki").get("/skr/reports/devices?lang=en")
    assert r.status_code == 200, r.text[:300]
    size = len(r.content)
    rows = table(r.text, "table-silent")
    assert len(rows) == 1 + 50
    count = int(re.search(r'<p class="pager">Shown 1–50 of (\d+) · <a rel="next"', r.text).group(1))
    # every device's silent periods are counted, whatever the page shows
    sums = table(r.text, "table-silent-sum")[1:]
    assert sums and all(re.fullmatch(r"\d+ gaps?, (\d+ h( \d+ min)?|\d+ min) in all|none", s)
                        for _, s in sums), sums
    assert sum(int(s.split()[0]) for _, s in sums if s != "none") == count
    assert count > 1000  # the bench devices are silent most of the day
    print("devices report, default view on the small set: %d bytes, %d silent periods"
          % (size, count))
    assert size < 100_000, size
