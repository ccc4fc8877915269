"""test_ebt_browser.py: runs the Chromium test tests/browser/ebt.mjs (the
whole booking path as Anna, with screenshots to build/screenshots/) against
this test stack and expects it to pass. Installs playwright-core from
tests/browser/package.json when node_modules is missing."""
import os
import shutil
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BROWSER = os.path.join(ROOT, "tests", "browser")


def test_booking_in_chromium(stack):
    if not os.path.exists("/usr/bin/chromium") or not shutil.which("node"):
        pytest.fail("chromium or node missing: run scripts/deps (etc/packages.txt)")
    if not os.path.isdir(os.path.join(BROWSER, "node_modules", "playwright-core")):
        subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=BROWSER,
                       check=True, timeout=300)
    # Under the build directory: make test leaves the tree unchanged (the
    # illustrations in docs/screenshots/ are copied from here by hand).
    shots = os.path.join(os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build")), "screenshots")
    os.makedirs(shots, exist_ok=True)
    r = subprocess.run(["node", os.path.join(BROWSER, "ebt.mjs"), stack.base, shots],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok - booking cancelled" in r.stdout
