"""test_fleet_kept.py: what a kept fleet page costs the database, and how
soon a change of the reader's driving shows on it (docs/fleet.md,
"Caching"). A manager who also drives is the reader: their scope needs
the fleet_driver look-up (domain/fleet_scope.c) for the kept page's key
and for the fleet's navigation. Once every worker kept the dashboard, the
report and that look-up, a request of either page sends no statement
naming a fleet table; a withdrawal of the permission by another manager
(a write of the fleet program: EPOCH_FLEET) takes "My trips" off the
very next page."""
import os
import re

from fleet_trip_lib import person
from zsog import DEMO_PASSWORD, staff_client

DASH = "/skr/fleet?lang=en"
REPORT = "/skr/fleet/reports/vehicles?lang=en"
MY_TRIPS = 'id="fleet-nav-my"'


def test_a_kept_page_asks_nothing_about_the_fleet(stack):
    """MariaDB's general log over four requests of each kept page: no line
    names a fleet_ table; an uncached list right after does (so the log
    recorded). Switching the log on is a change behind the programs' backs
    (stack.sql flushes the caches): warm up after it, 20 requests a page
    for the 4 workers."""
    login, _ = person(stack, 10, roles=("fleet",), driver=True)
    c = staff_client(stack, login, DEMO_PASSWORD)
    log = os.path.join(stack.var, "log", "fleet-kept-general.log")
    if os.path.exists(log):
        os.unlink(log)
    stack.sql("SET GLOBAL log_output = 'FILE', general_log_file = '%s', general_log = 1" % log)
    try:
        for path in (DASH, REPORT) * 20:
            r = c.get(path)
            assert r.status_code == 200 and MY_TRIPS in r.text
        mark = os.path.getsize(log)
        for path in (DASH, REPORT) * 4:
            r = c.get(path)
            assert r.status_code == 200 and MY_TRIPS in r.text
        kept_end = os.path.getsize(log)
        assert c.get("/skr/fleet/vehicles?lang=en").status_code == 200
    finally:
        stack.sql("SET GLOBAL general_log = 0")
    with open(log, errors="replace") as f:
        f.seek(mark)
        kept = f.read(kept_end - mark)
        after = f.read()
    assert [l for l in kept.splitlines() if re.search(r"\bfleet_[a-z_]+\b", l)] == []
    assert re.search(r"\bfleet_vehicle\b", after)


def test_a_withdrawn_permission_leaves_the_kept_pages_at_once(stack):
    """The reader's driving is kept by each worker (with the pages keyed on
    it); the withdrawal by another manager ends both copies: the next
    dashboard and report, whichever worker answers, have no "My trips"."""
    login, sid = person(stack, 10, roles=("fleet",), driver=True)
    c = staff_client(stack, login, DEMO_PASSWORD)
    for path in (DASH, REPORT) * 8:
        assert MY_TRIPS in c.get(path).text
    flota = staff_client(stack, "flota")
    flota.get("/skr/fleet/drivers")
    r = flota.post("/skr/fleet/drivers/%d/permission" % sid, {"permit": "0"})
    assert r.status_code == 303
    for path in (DASH, REPORT) * 4:
        r = c.get(path)
        assert r.status_code == 200
        assert MY_TRIPS not in r.text
        assert 'id="fleet-nav-dash"' in r.text
