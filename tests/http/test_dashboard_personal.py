"""test_dashboard_personal.py: the start page's two personal parts, kept by
each worker (issue 15): the officer's notices (domain/notice.c, under
EPOCH_NOTICE) and the menu's fleet card (domain/fleet_scope.c, under
EPOCH_FLEET). A change made through the programs shows on the very next
request; a request served from the copies asks the database nothing
about either."""
import os
import re
import time

from fleet_docs_lib import day
from fleet_trip_lib import person
from test_fleet_drivers import permit, save
from test_ingest_watch import alerts_for, decide, new_entry, notices_of, plate_event, staff
from zsog import staff_client

MY_TRIPS = 'href="/skr/fleet/my"'


def test_a_new_hit_s_notice_shows_on_the_next_request(stack):
    a, b = staff(stack, "analityk"), staff(stack, "grzechotki")
    plate = "NK %04dP" % (int(time.time() * 7) % 10000)
    entry = new_entry(a, plate, action="notify_unit")
    assert decide(b, entry, "approve").status_code == 303
    before = [len(notices_of(a.get("/skr/?lang=en").text)) for _ in range(6)]
    assert len(set(before)) == 1, before  # every worker keeps the same list
    (alert,) = [int(x[0]) for x in alerts_for(stack, plate_event(stack, plate))]
    page = a.get("/skr/?lang=en").text
    mine = notices_of(page)
    assert len(mine) == min(before[0] + 1, 10)
    assert '<a href="/skr/alerts/%d">alert no. %d</a>' % (alert, alert) in mine[0], mine[0]


def test_a_new_permitted_driver_gets_my_trips_on_the_next_request(stack):
    login, sid = person(stack, 10, roles=())
    c = staff_client(stack, login)
    for _ in range(6):  # every worker keeps "does not drive"
        r = c.get("/skr/?lang=en")
        assert r.status_code == 200
        assert MY_TRIPS not in r.text
    boss = staff_client(stack, "flota")
    assert save(boss, sid, cat=["B"], licence_until=day(900)).status_code == 303
    assert permit(boss, sid, "1").status_code == 303
    r = c.get("/skr/?lang=en")
    assert r.status_code == 200
    assert MY_TRIPS in r.text
    assert c.get("/skr/fleet/my").status_code == 200


def test_a_kept_start_page_asks_nothing_about_notices_or_the_fleet(stack):
    """kierowca drives (the card's look-up) and has notices read; once
    every worker kept both, four requests run no statement naming either
    table (MariaDB's general log). Switching the log on is a change behind
    the programs' backs (stack.sql flushes the caches): warm up after it."""
    c = staff_client(stack, "kierowca")
    log = os.path.join(stack.var, "log", "dash-general.log")
    if os.path.exists(log):
        os.unlink(log)
    stack.sql("SET GLOBAL log_output = 'FILE', general_log_file = '%s', general_log = 1" % log)
    try:
        for _ in range(12):
            assert MY_TRIPS in c.get("/skr/?lang=en").text
        mark = os.path.getsize(log)
        for _ in range(4):
            r = c.get("/skr/?lang=en")
            assert r.status_code == 200 and MY_TRIPS in r.text
    finally:
        stack.sql("SET GLOBAL general_log = 0")
    with open(log, errors="replace") as f:
        f.seek(mark)
        text = f.read()
    assert "Execute" in text  # the log did record the four requests
    assert [l for l in text.splitlines()
            if re.search(r"\b(staff_notice|fleet_driver)\b", l)] == []
