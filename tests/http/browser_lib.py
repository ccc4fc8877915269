"""browser_lib.py: what the Chromium tests share: Debian's chromium driven
by playwright-core (installed from tests/browser/package.json when
node_modules lacks that version), and where their screenshots go: under the build
directory, never into the tree (`make test` leaves the tree unchanged;
docs/screenshots/ holds committed illustrations no test rewrites)."""
import fcntl
import json
import os
import shutil
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BROWSER = os.path.join(ROOT, "tests", "browser")


def wanted_driver():
    with open(os.path.join(BROWSER, "package.json")) as f:
        return json.load(f)["dependencies"]["playwright-core"]


def installed_driver():
    """The playwright-core in node_modules (None: none): a checkout that
    installed an older pin gets the new one, not the old one kept."""
    try:
        with open(os.path.join(BROWSER, "node_modules", "playwright-core", "package.json")) as f:
            return json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        return None


def node_ready():
    if not os.path.exists("/usr/bin/chromium") or not shutil.which("node"):
        pytest.fail("chromium or node missing: run scripts/deps (etc/packages.txt)")
    # Under xdist (scripts/test) two workers may get here at once: one
    # installs, the other waits for it (a lock on the directory itself)
    # and finds node_modules there.
    fd = os.open(BROWSER, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        if installed_driver() != wanted_driver():
            subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=BROWSER,
                           check=True, timeout=300)
    finally:
        os.close(fd)


def shots_dir(name):
    """An empty BUILD/screenshots/<name>/ for this run's screenshots."""
    build = os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build"))
    d = os.path.join(build, "screenshots", name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def run(script, *args, timeout=300):
    return subprocess.run(["node", os.path.join(BROWSER, script)] + list(args),
                          capture_output=True, text=True, timeout=timeout)
