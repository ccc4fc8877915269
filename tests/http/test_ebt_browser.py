"""test_ebt_browser.py: runs the Chromium test tests/browser/ebt.mjs (the
whole booking path as Anna, with screenshots to build/screenshots/ebt/)
against this test stack and expects it to pass."""
from browser_lib import node_ready, run, shots_dir


def test_booking_in_chromium(stack):
    node_ready()
    r = run("ebt.mjs", stack.base, shots_dir("ebt"), timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok - booking cancelled" in r.stdout
