"""test_fleet_reservations.py: reservations of pool vehicles
(/skr/fleet/reservations, docs/fleet.md): a permitted driver or a fleet
manager reserves a span of Warsaw time; never two active reservations of
a vehicle overlap, also when many clients race for it (the vehicle row is
locked, the overlap checked and the row inserted in one transaction);
bad input is answered beside its field with nothing stored; cancelling is
for the driver, whoever reserved, or a manager of the unit; everyone else
is refused (403) or told there is no such thing (404)."""
import subprocess
import threading
import time

import pytest
import requests

from fleet_trip_lib import at, local, page_error, person, signin, utc_text, vehicle
from conftest import private_stack
from zsog import DEMO_PASSWORD, field_error, portal_client

OVERLAP = ("The vehicle is already reserved for part of this time: choose another "
           "time or another vehicle.")


@pytest.fixture(scope="module")
def stack():
    """A stack of its own: the vehicles, drivers and reservations made here would
    show in the other modules' whole lists (the vehicles of a scope)."""
    with private_stack() as st:
        yield st


@pytest.fixture(scope="module")
def w(stack):
    """The world of this module: pool vehicles of the Olsztyn office (11),
    one not in the pool, two drivers and an officer without permission
    there, a fleet manager of another chamber (20)."""
    class W:
        pass
    w = W()
    w.v1, w.v2, w.race, w.free = (vehicle(stack, 11) for _ in range(4))
    w.nopool = vehicle(stack, 11, pool=0)
    w.d1, w.d1_id = person(stack, 11, driver=True)
    w.d2, w.d2_id = person(stack, 11, driver=True)
    w.officer, w.officer_id = person(stack, 11)
    w.lublin, w.lublin_id = person(stack, 20, roles=("fleet",))
    w.c = {k: signin(stack, getattr(w, k)) for k in ("d1", "d2", "officer", "lublin")}
    w.c["flota"] = signin(stack, "flota")
    return w


def reserve(c, vehicle_id, start, end, purpose="Zadanie", driver=None, note=""):
    assert c.get("/skr/fleet/reservations/new").status_code == 200
    data = {"vehicle": str(vehicle_id), "start": local(start), "end": local(end),
            "purpose": purpose, "note": note}
    if driver:
        data["driver"] = str(driver)
    return c.post("/skr/fleet/reservations/new", data)


def rows(stack, vehicle_id):
    return stack.sql("SELECT staff_id, created_by, start_utc, end_utc, status, purpose"
                     " FROM fleet_reservation WHERE vehicle_id = ? ORDER BY start_utc",
                     vehicle_id)


def test_a_driver_reserves_in_warsaw_time(stack, w):
    start, end = at(30, 8), at(30, 16, 30)
    r = reserve(w.c["d1"], w.v1, start, end, "Konwój do Gołdapi", note="z psem")
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"].startswith("/skr/fleet/reservations?vehicle=%d&done=" % w.v1)
    assert rows(stack, w.v1) == [[str(w.d1_id), str(w.d1_id), utc_text(start), utc_text(end),
                                  "active", "Konwój do Gołdapi"]]
    page = w.c["d1"].follow(r)
    assert page.status_code == 200
    assert "%s – %s" % (start.strftime("%Y-%m-%d %H:%M"), end.strftime("%Y-%m-%d %H:%M")) in page.text
    assert stack.count("audit_log", "action = 'fleet.reservation' AND object LIKE 'fleet_reservation:%'") >= 1


def test_an_overlap_is_refused_beside_the_start_and_nothing_stored(stack, w):
    before = rows(stack, w.v1)
    r = reserve(w.c["d2"], w.v1, at(30, 15), at(30, 18))
    assert r.status_code == 409
    assert field_error(r.text, "start") == OVERLAP
    assert rows(stack, w.v1) == before
    # inside, around: the same
    for s, e in ((at(30, 9), at(30, 10)), (at(29, 8), at(31, 8))):
        r = reserve(w.c["flota"], w.v1, s, e, driver=w.d2_id)
        assert (r.status_code, field_error(r.text, "start")) == (409, OVERLAP)
    assert rows(stack, w.v1) == before


def test_one_ending_when_the_next_starts_is_no_overlap(stack, w):
    r = reserve(w.c["d2"], w.v1, at(30, 16, 30), at(30, 20))
    assert r.status_code == 303, field_error(r.text, "start")
    assert len(rows(stack, w.v1)) == 2


def test_a_manager_reserves_for_a_driver(stack, w):
    r = reserve(w.c["flota"], w.v2, at(32, 7), at(32, 12), driver=w.d2_id)
    assert r.status_code == 303
    assert rows(stack, w.v2)[0][:2] == [str(w.d2_id), "7"]


@pytest.mark.parametrize("case", ["reversed", "equal", "past", "long", "malformed",
                                  "spring_gap", "no_purpose", "not_pool", "bad_driver"])
def test_bad_input_422_beside_the_field_nothing_stored(stack, w, case):
    c, vid, driver = w.c["d1"], w.v2, None
    s, e, purpose = at(40, 10), at(40, 12), "Zadanie"
    if case == "reversed":
        s, e = e, s
    elif case == "equal":
        e = s
    elif case == "past":
        s, e = at(-3, 8), at(-2, 8)
    elif case == "long":
        e = at(72, 10)
    elif case == "not_pool":
        c, vid = w.c["flota"], w.nopool
    elif case == "no_purpose":
        purpose = ""
    elif case == "bad_driver":
        c, driver = w.c["flota"], w.officer_id
    before = stack.count("fleet_reservation")
    if case in ("malformed", "spring_gap"):
        assert c.get("/skr/fleet/reservations/new").status_code == 200
        r = c.post("/skr/fleet/reservations/new", {
            "vehicle": str(vid), "purpose": purpose, "end": local(e),
            "start": "2026-13-01T10:00" if case == "malformed" else "2027-03-28T02:30"})
    else:
        r = reserve(c, vid, s, e, purpose, driver=driver)
    field, msg = {
        "reversed": ("end", "The end must be after the start."),
        "equal": ("end", "The end must be after the start."),
        "past": ("end", "This span has already ended: choose a time ahead."),
        "long": ("end", "A reservation lasts at most 31 days: split a longer one."),
        "malformed": ("start", "Enter a date and time (local time in Poland), e.g. 2026-12-03 08:00."),
        "spring_gap": ("start", "Enter a date and time (local time in Poland), e.g. 2026-12-03 08:00."),
        "no_purpose": ("purpose", "This field is required"),
        "not_pool": ("vehicle", "This vehicle is not a pool vehicle: it cannot be reserved."),
        "bad_driver": ("driver", "Choose one of the drivers in the list."),
    }[case]
    assert r.status_code == 422, (case, r.status_code, r.text[:300])
    assert field_error(r.text, field) == msg
    assert stack.count("fleet_reservation") == before


N = 24


def race(stack, w, spans):
    """N clients (the two drivers and the manager, each thread its own
    connection) post at the same moment; their (status, message) pairs."""
    pages = {k: w.c[k] for k in ("d1", "d2", "flota")}
    for c in pages.values():
        assert c.get("/skr/fleet/reservations/new").status_code == 200
    keys = sorted(pages)
    barrier = threading.Barrier(N)
    out = [None] * N

    def one(i):
        u = pages[keys[i % 3]]
        s = requests.Session()
        s.cookies.update(u.http.cookies)
        s.headers["Accept-Language"] = "en"
        data = {"vehicle": str(w.race), "start": local(spans[i][0]), "end": local(spans[i][1]),
                "purpose": "Wyścig %d" % i, "csrf": u.csrf}
        barrier.wait()
        r = s.post(stack.base + "/skr/fleet/reservations/new", data=data, allow_redirects=False)
        out[i] = (r.status_code, field_error(r.text, "start") if r.status_code != 303 else None)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def test_race_overlapping_spans_exactly_one_wins(stack, w):
    # every span holds 12:00-12:30 of day 50, each starting a minute apart
    spans = [(at(50, 8, i), at(50, 12, 30 + i)) for i in range(N)]
    out = race(stack, w, spans)
    won = [o for o in out if o[0] == 303]
    lost = [o for o in out if o == (409, OVERLAP)]
    assert len(won) == 1, out
    assert len(lost) == N - 1, out
    assert stack.count("fleet_reservation", "vehicle_id = ? AND status = 'active'", w.race) == 1


def test_race_disjoint_spans_all_succeed(stack, w):
    spans = [(at(60 + i, 9), at(60 + i, 17)) for i in range(N)]
    out = race(stack, w, spans)
    assert out == [(303, None)] * N
    assert stack.count("fleet_reservation", "vehicle_id = ? AND status = 'active'"
                       " AND start_utc >= ?", w.race, utc_text(at(60, 0))) == N


def test_the_vehicle_lock_serialises_a_writer_caught_mid_way(stack, w):
    """Deterministic: another transaction holds the vehicle's row and has
    inserted an overlapping reservation, not yet committed. The request
    waits for the row, then sees that reservation and is refused. Without
    the row lock it would read around the uncommitted row and store a
    second one (303): the race the test above can only hope to catch."""
    vid = vehicle(stack, 11)
    s, e = at(45, 8), at(45, 12)
    db = subprocess.Popen(
        ["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % stack.var, "-uroot",
         "zsog", "--batch", "--skip-column-names", "--unbuffered"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    db.stdin.write("START TRANSACTION;\nSELECT id FROM fleet_vehicle WHERE id = %d FOR UPDATE;\n"
                   "INSERT INTO fleet_reservation (vehicle_id, unit_id, staff_id, created_by,"
                   " start_utc, end_utc, purpose, created_at) VALUES (%d, 11, %d, %d, '%s', '%s',"
                   " 'Pierwszy', UTC_TIMESTAMP());\nSELECT 'held';\n"
                   % (vid, vid, w.d2_id, w.d2_id, utc_text(s), utc_text(e)))
    db.stdin.flush()
    while db.stdout.readline().strip() != "held":
        pass
    out = []
    c = w.c["d1"]
    c.get("/skr/fleet/reservations/new")
    t = threading.Thread(target=lambda: out.append(c.post("/skr/fleet/reservations/new", {
        "vehicle": str(vid), "start": local(at(45, 10)), "end": local(at(45, 14)),
        "purpose": "Drugi"})))
    t.start()
    time.sleep(1.5)
    assert out == []          # waiting for the vehicle's row
    db.stdin.write("COMMIT;\n")
    db.stdin.close()
    db.wait()
    t.join()
    r = out[0]
    assert (r.status_code, field_error(r.text, "start")) == (409, OVERLAP)
    assert stack.sql("SELECT purpose FROM fleet_reservation WHERE vehicle_id = ?", vid) == [["Pierwszy"]]


def res_id(stack, vehicle_id, purpose):
    return int(stack.scalar("SELECT id FROM fleet_reservation WHERE vehicle_id = ?"
                            " AND purpose = ?", vehicle_id, purpose))


def status(stack, rid):
    return stack.scalar("SELECT status FROM fleet_reservation WHERE id = ?", rid)


def test_cancel_own_after_the_confirm_step(stack, w):
    assert reserve(w.c["d1"], w.free, at(33, 8), at(33, 9), "Do odwołania").status_code == 303
    rid = res_id(stack, w.free, "Do odwołania")
    c = w.c["d1"]
    c.get("/skr/fleet/my")
    r = c.post("/skr/fleet/reservations/%d/cancel" % rid, {})
    assert r.status_code == 200 and "Cancel the reservation of" in r.text
    assert status(stack, rid) == "active"
    r = c.post("/skr/fleet/reservations/%d/cancel" % rid, {"confirm": "1"})
    assert (r.status_code, r.headers["Location"]) == (303, "/skr/fleet/my")
    assert status(stack, rid) == "cancelled"
    assert stack.scalar("SELECT cancelled_by FROM fleet_reservation WHERE id = ?", rid) == str(w.d1_id)
    # twice: in words
    r = c.post("/skr/fleet/reservations/%d/cancel" % rid, {"confirm": "1"})
    assert (r.status_code, page_error(r.text)) == (409, "This reservation has already been cancelled.")
    # a cancelled one no longer blocks the span
    assert reserve(w.c["d2"], w.free, at(33, 8), at(33, 9), "Po odwołaniu").status_code == 303


def test_cancel_by_others(stack, w):
    assert reserve(w.c["d1"], w.free, at(34, 8), at(34, 9), "Cudza").status_code == 303
    rid = res_id(stack, w.free, "Cudza")
    # a colleague driver of the unit sees it but may not cancel it
    c = w.c["d2"]
    c.get("/skr/fleet/my")
    r = c.post("/skr/fleet/reservations/%d/cancel" % rid, {"confirm": "1"})
    assert (r.status_code, page_error(r.text)) == (403, (
        "Only the driver, the person who made it or a fleet manager of the unit cancels a reservation."))
    # another chamber's manager: no such reservation
    c = w.c["lublin"]
    c.get("/skr/fleet/reservations")
    r = c.post("/skr/fleet/reservations/%d/cancel" % rid, {"confirm": "1"})
    assert (r.status_code, page_error(r.text)) == (404, "No such reservation in your units.")
    assert status(stack, rid) == "active"
    # the unit's manager may
    c = w.c["flota"]
    c.get("/skr/fleet/reservations")
    r = c.post("/skr/fleet/reservations/%d/cancel" % rid, {"confirm": "1"})
    assert (r.status_code, r.headers["Location"]) == (303, "/skr/fleet/reservations")
    assert status(stack, rid) == "cancelled"


def test_lists_filters_and_csv(stack, w):
    c = w.c["flota"]
    r = c.get("/skr/fleet/reservations?vehicle=%d&from=%s&to=%s" % (
        w.v1, at(30, 0).strftime("%Y-%m-%d"), at(30, 0).strftime("%Y-%m-%d")))
    assert r.status_code == 200
    assert r.text.count('<tr data-id="') == 2
    assert "Konwój do Gołdapi" in r.text
    r = c.get("/skr/fleet/reservations.csv?vehicle=%d&from=%s" % (w.v1, at(30, 0).strftime("%Y-%m-%d")))
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/csv")
    lines = r.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("Registration plate,From,Until,Driver,Purpose,Note,Status")
    assert len(lines) == 3
    assert "%s,%s" % (at(30, 8).strftime("%Y-%m-%d %H:%M"), at(30, 16, 30).strftime("%Y-%m-%d %H:%M")) in lines[1]
    assert lines[1].endswith(",Konwój do Gołdapi,z psem,reserved")
    # reversed dates: 422 beside "to"
    r = c.get("/skr/fleet/reservations?from=2027-02-02&to=2027-02-01")
    assert (r.status_code, field_error(r.text, "to")) == (422, "The end must be after the start.")
    # Polish words
    r = c.get("/skr/fleet/reservations?vehicle=%d&lang=pl" % w.v1)
    assert "<h1>Rezerwacje" in r.text and "aktywna" in r.text


def test_access_per_route(stack, w):
    before = stack.count("fleet_reservation")
    # a portal user is sent to the intranet's sign-in
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    for path in ("/skr/fleet/reservations", "/skr/fleet/reservations/new", "/skr/fleet/my"):
        r = anna.get(path)
        assert (r.status_code, r.headers["Location"]) == (303, "/skr/signin?next=" + path)
    # an officer without a driver's permission: 403 in words, the form too
    c = w.c["officer"]
    for path in ("/skr/fleet/reservations", "/skr/fleet/reservations/new",
                 "/skr/fleet/reservations.csv", "/skr/fleet/my"):
        r = c.get(path)
        assert r.status_code == 403, path
        assert page_error(r.text).startswith("The fleet's pages are for fleet managers")
    c.get("/skr/")
    r = c.post("/skr/fleet/reservations/new", {"vehicle": str(w.v2), "start": local(at(41, 8)),
                                               "end": local(at(41, 9)), "purpose": "x"})
    assert r.status_code == 403
    # another chamber's manager: the vehicle does not exist for them
    c = w.c["lublin"]
    r = c.get("/skr/fleet/reservations?vehicle=%d" % w.v1)
    assert (r.status_code, page_error(r.text)) == (404, "No such vehicle in your units.")
    r = reserve(c, w.v2, at(41, 8), at(41, 9))
    assert (r.status_code, page_error(r.text)) == (404, "No such vehicle in your units.")
    # a driver may not reserve a vehicle outside the pool of their unit
    grz = vehicle(stack, 12)
    r = reserve(w.c["d1"], grz, at(41, 8), at(41, 9))
    assert (r.status_code, page_error(r.text)) == (404, "No such vehicle in your units.")
    assert stack.count("fleet_reservation") == before
