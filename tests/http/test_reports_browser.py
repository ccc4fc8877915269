"""test_reports_browser.py: runs the Chromium test tests/browser/reports.mjs
against this test stack: the officers' start page (/skr/) and the traffic
and eBT reports, at 1280 and 390 px, do not scroll sideways and show each
chart's title (issue 15). Screenshots go to build/screenshots/reports/;
with ZSOG_DOC_SCREENSHOTS=1 they are also copied to docs/screenshots/reports/
(the committed illustrations, refreshed by hand: `make test` leaves the
tree unchanged)."""
import os
import shutil

from browser_lib import ROOT, node_ready, run, shots_dir


def test_dashboard_and_reports_fit_and_show_their_charts(stack):
    node_ready()
    shots = shots_dir("reports")
    r = run("reports.mjs", stack.base, shots, "grzechotki", timeout=240)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "not ok" not in r.stdout
    for name in ("dashboard", "report-traffic", "report-ebt"):
        assert "ok - %s phone: no horizontal scroll" % name in r.stdout
        assert "ok - %s desktop: no horizontal scroll" % name in r.stdout
        for look in ("desktop", "phone"):
            assert os.path.getsize(os.path.join(shots, "%s-%s.png" % (name, look))) > 0
    assert "ok - report-traffic phone: the title of chart-time visible" in r.stdout
    assert "ok - report-ebt phone: the title of chart-days visible" in r.stdout
    if os.environ.get("ZSOG_DOC_SCREENSHOTS") == "1":
        docs = os.path.join(ROOT, "docs", "screenshots", "reports")
        os.makedirs(docs, exist_ok=True)
        for f in sorted(os.listdir(shots)):
            shutil.copy(os.path.join(shots, f), os.path.join(docs, f))
