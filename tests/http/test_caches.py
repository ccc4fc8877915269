"""test_caches.py: the workers keep copies of sessions, rights to act and
calendars for seconds (lib/epoch.h, docs/performance.md); none of them may
outlive the change that ends it. Each test warms the workers of the
programs involved with concurrent requests, makes the change through the
programs, and asks again many times at once: not one stale answer."""
import concurrent.futures
import re
import time

import requests

import ingest_lib as L
from ebt_lib import ANNA, KOR, TRANSPOL, book, local, portal
from ecustomer_lib import add_rep, approved_company, approved_person, new_account
from test_skr_staff import NEW_PASSWORD, create_staff, staff_client
from zsog import DEMO_PASSWORD

ROUNDS = 24     # 3 workers per program in the test stack: each gets several


def many(stack, cookies, path):
    """ROUNDS GETs of path at once (8 in flight), with these cookies."""
    def one(_):
        return requests.get(stack.base + path, cookies=cookies,
                            headers={"Accept-Language": "en"},
                            allow_redirects=False, timeout=30)
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(ROUNDS)))


def statuses(responses):
    return sorted({r.status_code for r in responses})


def signed_out(responses):
    """Every answer sends the visitor to sign in again."""
    return all(r.status_code in (302, 303) and "signin" in r.headers.get("Location", "")
               for r in responses)


def test_signout_ends_the_session_in_every_program_at_once(stack):
    c = portal(stack, ANNA)
    cookies = c.http.cookies.get_dict()
    for path in ("/ebt/", "/ecustomer/", "/portal/account"):
        assert statuses(many(stack, cookies, path)) == [200], path
    c.get("/portal/account")
    assert c.post("/portal/signout", {}).status_code == 303
    for path in ("/ebt/", "/ecustomer/", "/portal/account"):
        assert signed_out(many(stack, cookies, path)), path


def test_password_change_ends_the_other_sessions_everywhere_at_once(stack):
    me = new_account(stack)
    other = portal(stack, me.email, "Pierwsze-Haslo-1")
    cookies = other.http.cookies.get_dict()
    for path in ("/ecustomer/", "/portal/account"):
        assert statuses(many(stack, cookies, path)) == [200], path
    me.get("/portal/account")
    r = me.post("/portal/password", {"current": "Pierwsze-Haslo-1",
                                     "password": DEMO_PASSWORD, "password2": DEMO_PASSWORD})
    assert r.status_code == 303, r.text[:300]
    for path in ("/ecustomer/", "/portal/account"):
        assert signed_out(many(stack, cookies, path)), path
    # The one who changed it stays signed in.
    assert statuses(many(stack, me.http.cookies.get_dict(), "/portal/account")) == [200]


def test_role_taken_away_refuses_the_officer_at_once_in_every_program(stack):
    admin = staff_client(stack, "admin")
    sid, login = create_staff(stack, admin, unit=22, roles=("crossing",))
    officer = staff_client(stack, login, NEW_PASSWORD)
    cookies = officer.http.cookies.get_dict()
    for path in ("/skr/ebt/", "/skr/alerts"):
        assert statuses(many(stack, cookies, path)) == [200], path
    r = admin.submit("/skr/admin/staff/%d" % sid, "/skr/admin/staff/%d" % sid,
                     {"unit": "22", "role": ["fleet"]})
    assert r.status_code == 303
    for path in ("/skr/ebt/", "/skr/alerts"):
        assert statuses(many(stack, cookies, path)) == [403], path


def test_disabled_officer_is_signed_out_at_once(stack):
    admin = staff_client(stack, "admin")
    sid, login = create_staff(stack, admin, unit=22, roles=("crossing",))
    cookies = staff_client(stack, login, NEW_PASSWORD).http.cookies.get_dict()
    assert statuses(many(stack, cookies, "/skr/ebt/")) == [200]
    admin.get("/skr/admin/staff/%d" % sid)
    assert admin.post("/skr/admin/staff/%d/status" % sid, {"disabled": "1", "confirm": "1"}).status_code == 303
    assert signed_out(many(stack, cookies, "/skr/ebt/"))


def test_ended_representation_refuses_the_calendar_at_once(stack):
    officer = staff_client(stack, "rejestracja.poznan")
    owner = approved_person(stack, officer)
    cid = approved_company(stack, officer, owner)
    clerk = approved_person(stack, officer)
    assert add_rep(owner, cid, clerk.email, ["ebt_book"]).status_code == 303
    cookies = clerk.http.cookies.get_dict()
    cal = "/ebt/calendar?company=%d&crossing=%d" % (cid, KOR)
    assert statuses(many(stack, cookies, cal)) == [200]
    rid = int(stack.scalar("SELECT id FROM representation WHERE company_id = ?"
                           " AND rep_person_id = ?", cid, clerk.person_id))
    owner.get("/ecustomer/company/%d/reps" % cid)
    assert owner.post("/ecustomer/company/%d/reps/%d/end" % (cid, rid), {"confirm": "1"}).status_code == 303
    assert statuses(many(stack, cookies, cal)) == [403]


HOUR_RE = r'data-hour="%d"><span class="h">\d+:00</span> <span class="n">(\d+)/(\d+) '


def test_a_booking_shows_in_every_workers_calendar_at_once(stack):
    c = portal(stack, ANNA)
    cookies = c.http.cookies.get_dict()
    day, _ = local(plus_days=4)
    cal = "/ebt/calendar?company=%d&crossing=%d&day=%s" % (TRANSPOL, KOR, day)
    page = c.get(cal).text
    hour = next(h for h in range(6, 22)
                if re.search(HOUR_RE % h, page) and int(re.search(HOUR_RE % h, page).group(1)) >= 2)
    free = int(re.search(HOUR_RE % hour, page).group(1))
    seen = {int(re.search(HOUR_RE % hour, r.text).group(1)) for r in many(stack, cookies, cal)}
    assert seen == {free}
    r = book(c, KOR, day, hour)
    assert r.status_code == 303, r.text[:300]
    seen = {int(re.search(HOUR_RE % hour, r.text).group(1)) for r in many(stack, cookies, cal)}
    assert seen == {free - 1}


def post_plates(stack, text, n=ROUNDS):
    """n single plate reads of text from one device at once: their event ids."""
    seqs = [L.next_seq() for _ in range(n)]

    def one(seq):
        body = L.doc(L.event("GRZ-ANPR-T1", "GRZ", "T1", L.plate(text), seq=seq))
        r = L.post(stack.base, "GRZ-ANPR-T1", body)
        assert r.status_code == 200, r.text
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(one, seqs))
    return [int(stack.scalar("SELECT id FROM event WHERE seq = ?", s)) for s in seqs]


def test_an_approved_watch_entry_matches_every_workers_next_read(stack):
    """The ingest workers keep device rows with the watch list's version
    (cgi-bin/ingest/auth.c): an approval must reach all of them at once."""
    from test_ingest_watch import decide, new_entry
    a, b = staff_client(stack, "grzechotki"), staff_client(stack, "analityk")
    text = "CW %04dK" % (int(time.time() * 10) % 10000)
    entry = new_entry(a, text)
    before = post_plates(stack, text)       # every worker now holds the device
    assert decide(b, entry, "approve").status_code == 303
    after = post_plates(stack, text)
    matched = {int(e) for (e,) in stack.sql(
        "SELECT event_id FROM alert WHERE entry_id = ? AND event_id IS NOT NULL", entry)}
    assert set(after) <= matched, "reads after the approval without an alert"
    assert set(before) <= matched           # retro-matched when approved


def test_a_crossing_change_is_used_at_once_by_every_worker(stack):
    """Each ebt worker keeps a crossing's row for a second
    (domain/crossings.c). A change of its settings drops every copy when
    it commits: the slots rebuilt right after it, in the same request,
    already reach the new horizon, and no booking page shows the old
    deadline."""
    from ebt_lib import number_of, staff
    from test_ebt_crossing import config_form
    anna = portal(stack, ANNA)
    no = number_of(book(anna, KOR, local(plus_days=3)[0], 10))
    cookies = anna.http.cookies.get_dict()
    kor = staff(stack, "koroszczyn")
    kor.get("/skr/ebt/%d/config" % KOR)
    beyond = local(plus_days=31)[0]
    assert stack.count("slot", "crossing_id = ? AND day = ?", KOR, beyond) == 0
    form = config_form(stack, KOR, horizon_days="31", change_deadline_min="150")
    try:
        deadline = "possible until %d minutes before"    # L.ebt.booking.deadline_a/_b
        assert all(deadline % 120 in r.text
                   for r in many(stack, cookies, "/ebt/bookings/%s" % no))
        assert kor.post("/skr/ebt/%d/config" % KOR, form).status_code == 303
        assert stack.count("slot", "crossing_id = ? AND day = ? AND capacity > 0",
                           KOR, beyond) > 0
        pages = many(stack, cookies, "/ebt/bookings/%s" % no)
        assert all(deadline % 150 in r.text and deadline % 120 not in r.text for r in pages)
    finally:
        kor.get("/skr/ebt/%d/config" % KOR)
        assert kor.post("/skr/ebt/%d/config" % KOR, config_form(
            stack, KOR, horizon_days="30", change_deadline_min="120")).status_code == 303
