"""test_fleet_trips.py: trip cards (karta drogowa, /skr/fleet/trips,
docs/fleet.md): a permitted driver opens their own, a fleet manager may
open one for a driver; refused in words beside the field, with nothing
stored, when the odometer goes back, the dates are reversed, the vehicle
or the driver is on another trip (an open trip lasts until closed),
someone else reserved the vehicle, its inspection or insurance lapsed, the
licence lapsed or the permission is missing, or the card starts later than
now (more than ten minutes ahead: a trip planned ahead is a reservation). The driver closes the trip:
the vehicle's odometer moves up and the month's rollup counts the km in
the same transaction; a manager who did not drive checks it (nobody
checks their own). Per route: a portal user, an officer without
permission and another chamber's manager are refused, nothing changed."""
import datetime

import pytest

from fleet_trip_lib import (UTC, WAW, drive, local, now_waw, page_error, person,
                            signin, vehicle)
from conftest import private_stack
from zsog import DEMO_PASSWORD, field_error, portal_client


@pytest.fixture(scope="module")
def stack():
    """A stack of its own: the vehicles, drivers and trips made here would
    show in the other modules' whole lists (the vehicles of a scope)."""
    with private_stack() as st:
        yield st


@pytest.fixture(scope="module")
def w(stack):
    class W:
        pass
    w = W()
    w.va, w.vb, w.vc, w.vd = (vehicle(stack, 11, odometer=10000) for _ in range(4))
    w.vinsp = vehicle(stack, 11, inspection=-1)
    w.vins = vehicle(stack, 11, insurance=-1)
    w.vrep = vehicle(stack, 11, status="in_repair")
    w.d1, w.d1_id = person(stack, 11, driver=True)
    w.d2, w.d2_id = person(stack, 11, driver=True)
    w.d3, w.d3_id = person(stack, 11, driver=True)
    w.lapsed, w.lapsed_id = person(stack, 11, driver=True, licence=-1)
    w.officer, w.officer_id = person(stack, 11)
    w.boss2, w.boss2_id = person(stack, 10, roles=("fleet",))
    w.lublin, w.lublin_id = person(stack, 20, roles=("fleet",))
    drive(stack, 7, 11)   # flota also drives in the Olsztyn office
    w.c = {k: signin(stack, getattr(w, k)) for k in ("d1", "d2", "d3", "officer", "boss2", "lublin")}
    w.c["flota"] = signin(stack, "flota")
    return w


def open_trip(c, vehicle_id, start, until, odo, driver=None, purpose="operation",
              route="Olsztyn – Gołdap – Olsztyn", passengers=()):
    assert c.get("/skr/fleet/trips/new").status_code == 200
    data = {"vehicle": str(vehicle_id), "start": local(start), "until": local(until),
            "purpose": purpose, "route": route, "odo_out": str(odo)}
    if driver:
        data["driver"] = str(driver)
    if passengers:
        data["passenger"] = [str(p) for p in passengers]
    return c.post("/skr/fleet/trips/new", data)


def close_trip(c, tid, end, odo_in):
    c.get("/skr/fleet/trips/%d" % tid)
    return c.post("/skr/fleet/trips/%d/close" % tid, {"end": local(end), "odo_in": str(odo_in)})


def trip_id(r):
    assert r.status_code == 303, (r.status_code, r.text[:300])
    return int(r.headers["Location"].rsplit("/", 1)[1])


def trips(stack):
    return stack.count("fleet_trip")


def test_open_close_moves_the_odometer_and_the_month(stack, w):
    # two trips of vehicle c, hand-computed: 120 km then 35 km
    t0 = now_waw(-6 * 60)
    r = open_trip(w.c["d1"], w.vc, t0, t0 + datetime.timedelta(hours=2), 10000,
                  passengers=(w.d2_id, w.officer_id))
    t1 = trip_id(r)
    assert stack.sql("SELECT driver_id, opened_by, purpose, odo_out, status, end_utc IS NULL"
                     " FROM fleet_trip WHERE id = ?", t1) == [[str(w.d1_id), str(w.d1_id),
                                                               "operation", "10000", "open", "1"]]
    assert stack.count("fleet_trip_passenger", "trip_id = ?", t1) == 2
    e1 = t0 + datetime.timedelta(minutes=70)
    r = close_trip(w.c["d1"], t1, e1, 10120)
    assert (r.status_code, r.headers["Location"]) == (303, "/skr/fleet/trips/%d" % t1)
    s2 = t0 + datetime.timedelta(hours=2)
    t2 = trip_id(open_trip(w.c["d1"], w.vc, s2, s2 + datetime.timedelta(hours=1), 10120,
                           purpose="transfer"))
    e2 = s2 + datetime.timedelta(minutes=45)
    assert close_trip(w.c["d1"], t2, e2, 10155).status_code == 303
    assert stack.scalar("SELECT odometer_km FROM fleet_vehicle WHERE id = ?", w.vc) == "10155"
    # the rollup: per Warsaw month of each trip's end
    want = {}
    for end, km in ((e1, 120), (e2, 35)):
        m = end.astimezone(WAW).strftime("%Y-%m-01")
        k, n = want.get(m, (0, 0))
        want[m] = (k + km, n + 1)
    got = {row[0]: (int(row[1]), int(row[2])) for row in stack.sql(
        "SELECT month, km, trips FROM fleet_month WHERE vehicle_id = ?", w.vc)}
    assert got == want
    # the card shows it in local time and words
    page = w.c["d1"].get("/skr/fleet/trips/%d" % t1)
    assert page.status_code == 200
    assert '<dd id="card-km">120 km</dd>' in page.text
    assert '<dd id="card-start">%s</dd>' % t0.strftime("%Y-%m-%d %H:%M") in page.text
    assert 'id="card-status" data-status="closed">closed<' in page.text
    assert "operation" in page.text and "Olsztyn – Gołdap – Olsztyn" in page.text
    # the list's CSV, the same rows
    r = w.c["flota"].get("/skr/fleet/trips.csv?vehicle=%d" % w.vc)
    lines = r.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0] == ("No.,Registration plate,Driver,Purpose,Route,Departure,Return,"
                        "Odometer at departure (km),Odometer on return (km),Distance,Status")
    assert [l.split(",")[-2] for l in lines[1:]] == ["35", "120"]
    assert lines[1].split(",")[3] == "transfer"


@pytest.mark.parametrize("case", [
    "odo_back", "reversed", "future", "malformed", "inspection", "insurance", "in_repair",
    "licence", "no_permission", "passenger"])
def test_bad_opening_422_beside_the_field_nothing_stored(stack, w, case):
    c, vid, odo, driver, pax = w.c["d3"], w.va, 10000, None, ()
    s = now_waw(-30)
    u = s + datetime.timedelta(hours=3)
    if case == "odo_back":
        odo = 9999
    elif case == "reversed":
        u = s - datetime.timedelta(minutes=1)
    elif case == "future":
        # beyond the ten minutes a fast clock is allowed
        s = now_waw(12)
        u = s + datetime.timedelta(hours=3)
    elif case == "inspection":
        vid = w.vinsp
    elif case == "insurance":
        vid = w.vins
    elif case == "in_repair":
        vid = w.vrep
    elif case == "licence":
        c, driver = w.c["flota"], w.lapsed_id
    elif case == "no_permission":
        c, driver = w.c["flota"], w.officer_id
    elif case == "passenger":
        pax = (5,)   # koroszczyn: staff of another chamber
    before = trips(stack)
    if case == "malformed":
        assert c.get("/skr/fleet/trips/new").status_code == 200
        r = c.post("/skr/fleet/trips/new", {"vehicle": str(vid), "start": "2026-12-02 25:00",
                                            "until": local(u), "purpose": "operation",
                                            "route": "x", "odo_out": "10000"})
    else:
        r = open_trip(c, vid, s, u, odo, driver=driver, passengers=pax)
    field, msg = {
        "odo_back": ("odo_out", "The odometer cannot go back: enter at least the vehicle's last reading."),
        "reversed": ("until", "The end must be after the start."),
        "future": ("start", "A trip card cannot start later than now: to plan a trip ahead,"
                            " reserve the vehicle."),
        "malformed": ("start", "Enter a date and time (local time in Poland), e.g. 2026-12-03 08:00."),
        "inspection": ("vehicle", "The vehicle's technical inspection has lapsed."),
        "insurance": ("vehicle", "The vehicle's third-party insurance has lapsed."),
        "in_repair": ("vehicle", "The vehicle is not in service."),
        "licence": ("driver", "The driver's licence has lapsed or is not on record."),
        "no_permission": ("driver", "This person is not a driver permitted in the vehicle's unit."),
        "passenger": ("passenger", "Choose passengers from the staff of the vehicle's unit "
                                   "(the driver is not a passenger; at most 8)."),
    }[case]
    assert r.status_code == 422, (case, r.status_code, r.text[:300])
    assert field_error(r.text, field) == msg
    assert trips(stack) == before
    assert stack.scalar("SELECT odometer_km FROM fleet_vehicle WHERE id = ?", w.va) == "10000"


def test_start_ahead_refused_in_polish_within_the_tolerance_accepted(stack, w):
    # a vehicle and a driver of its own: the card stays open
    vid = vehicle(stack, 11, odometer=10000)
    login, _ = person(stack, 11, driver=True)
    c = signin(stack, login)
    c.get("/skr/fleet/trips/new?lang=pl")
    before = trips(stack)
    s = now_waw(15)
    r = open_trip(c, vid, s, s + datetime.timedelta(hours=1), 10000)
    assert (r.status_code, field_error(r.text, "start")) == (422, (
        "Karta drogowa nie może zaczynać się później niż teraz: aby zaplanować wyjazd,"
        " zarezerwuj pojazd."))
    assert trips(stack) == before
    # eight minutes ahead: a clock running fast, the card opens
    s = now_waw(8)
    tid = trip_id(open_trip(c, vid, s, s + datetime.timedelta(hours=1), 10000))
    assert stack.scalar("SELECT status FROM fleet_trip WHERE id = ?", tid) == "open"


@pytest.fixture(scope="module")
def on_road(stack, w):
    """d1 on the road in vehicle a since half an hour ago."""
    s = now_waw(-30)
    return trip_id(open_trip(w.c["d1"], w.va, s, s + datetime.timedelta(hours=4), 10000))


def test_overlaps_are_refused(stack, w, on_road):
    before = trips(stack)
    # a card starts now at the latest (a few minutes of a fast clock)
    s = now_waw(5)
    # the vehicle is on the road (until closed, whatever was announced)
    r = open_trip(w.c["d2"], w.va, s, s + datetime.timedelta(hours=1), 10000)
    assert (r.status_code, field_error(r.text, "start")) == (409, (
        "The vehicle is on another trip at this time (an open trip lasts until it is closed)."))
    # so is the driver
    r = open_trip(w.c["d1"], w.vb, s, s + datetime.timedelta(hours=1), 10000)
    assert (r.status_code, field_error(r.text, "driver")) == (409, (
        "The driver is on another trip at this time (an open trip lasts until it is closed)."))
    # a trip starting before a closed one ended overlaps it
    r = open_trip(w.c["d2"], w.vc, now_waw(-6 * 60 + 10), now_waw(-60), 10155)
    assert r.status_code == 409 and field_error(r.text, "start").startswith("The vehicle is on another trip")
    # someone else's reservation of vehicle b
    c = w.c["d2"]
    c.get("/skr/fleet/reservations/new")
    assert c.post("/skr/fleet/reservations/new", {
        "vehicle": str(w.vb), "start": local(s + datetime.timedelta(hours=1)),
        "end": local(s + datetime.timedelta(hours=5)), "purpose": "Zasadzka"}).status_code == 303
    r = open_trip(w.c["d3"], w.vb, s, s + datetime.timedelta(hours=2), 10000)
    assert (r.status_code, field_error(r.text, "start")) == (409, (
        "Someone else has reserved this vehicle for part of this time."))
    assert trips(stack) == before
    # one's own reservation does not stand in one's way
    tid = trip_id(open_trip(w.c["d2"], w.vb, s, s + datetime.timedelta(hours=2), 10000))
    assert stack.scalar("SELECT driver_id FROM fleet_trip WHERE id = ?", tid) == str(w.d2_id)


def started(stack, tid):
    t = stack.scalar("SELECT DATE_FORMAT(start_utc, '%Y-%m-%d %H:%i') FROM fleet_trip WHERE id = ?", tid)
    return datetime.datetime.strptime(t, "%Y-%m-%d %H:%M").replace(tzinfo=UTC).astimezone(WAW)


def test_bad_closing_and_closing_by_others(stack, w, on_road):
    s = started(stack, on_road)
    for end, odo, field, msg in (
            (s - datetime.timedelta(minutes=1), 10050, "end", "The trip cannot end before it started."),
            (now_waw(), 9999, "odo_in", "The odometer on return cannot be below the odometer at departure."),
            (now_waw(), 15001, "odo_in", "More than 5,000 km on one trip: check the odometer on return.")):
        r = close_trip(w.c["d1"], on_road, end, odo)
        assert (r.status_code, field_error(r.text, field)) == (422, msg)
    r = close_trip(w.c["d1"], on_road, now_waw(), "12a")
    assert (r.status_code, field_error(r.text, "odo_in")) == (422, "Enter whole kilometres (digits only).")
    # the manager sees it but only the driver closes it; a colleague
    # driver and another chamber's manager do not see it
    r = close_trip(w.c["flota"], on_road, now_waw(), 10050)
    assert (r.status_code, page_error(r.text)) == (403, "Only the driver closes their trip.")
    c = w.c["d2"]
    c.get("/skr/fleet/my")
    r = c.post("/skr/fleet/trips/%d/close" % on_road, {"end": local(now_waw()), "odo_in": "10050"})
    assert (r.status_code, page_error(r.text)) == (404, "No such trip card in your units.")
    c = w.c["lublin"]
    c.get("/skr/fleet/trips")
    r = c.post("/skr/fleet/trips/%d/close" % on_road, {"end": local(now_waw()), "odo_in": "10050"})
    assert (r.status_code, page_error(r.text)) == (404, "No such trip card in your units.")
    assert stack.sql("SELECT status, odo_in FROM fleet_trip WHERE id = ?", on_road) == [["open", "NULL"]]
    assert stack.scalar("SELECT odometer_km FROM fleet_vehicle WHERE id = ?", w.va) == "10000"
    # checking an open trip: in words
    c = w.c["flota"]
    c.get("/skr/fleet/trips/%d" % on_road)
    r = c.post("/skr/fleet/trips/%d/check" % on_road, {})
    assert (r.status_code, page_error(r.text)) == (409, "Only a closed trip can be checked.")


def test_my_page_closes_the_open_trip(stack, w, on_road):
    c = w.c["d1"]
    page = c.get("/skr/fleet/my")
    assert page.status_code == 200
    assert 'action="/skr/fleet/trips/%d/close"' % on_road in page.text
    r = c.post("/skr/fleet/trips/%d/close" % on_road, {"end": local(now_waw()), "odo_in": "10042"})
    assert r.status_code == 303
    assert stack.scalar("SELECT odometer_km FROM fleet_vehicle WHERE id = ?", w.va) == "10042"
    page = c.get("/skr/fleet/my")
    assert 'id="my-no-open"' in page.text
    assert 'action="/skr/fleet/trips/%d/close"' % on_road not in page.text
    # closed twice: in words, nothing changed
    r = c.post("/skr/fleet/trips/%d/close" % on_road, {"end": local(now_waw()), "odo_in": "10099"})
    assert (r.status_code, page_error(r.text)) == (409, "This trip is already closed.")
    assert stack.scalar("SELECT odo_in FROM fleet_trip WHERE id = ?", on_road) == "10042"


def test_nobody_checks_their_own_trip(stack, w):
    c = w.c["flota"]
    s = now_waw(-120)
    tid = trip_id(open_trip(c, w.vd, s, s + datetime.timedelta(hours=1), 10000))
    assert close_trip(c, tid, s + datetime.timedelta(minutes=50), 10030).status_code == 303
    page = c.get("/skr/fleet/trips/%d" % tid)
    assert 'id="trip-check"' not in page.text
    r = c.post("/skr/fleet/trips/%d/check" % tid, {})
    assert (r.status_code, page_error(r.text)) == (403, (
        "Nobody checks their own trip: another fleet manager checks it."))
    assert stack.scalar("SELECT status FROM fleet_trip WHERE id = ?", tid) == "closed"
    # a superior reads it but is no fleet manager; a driver of the unit
    # and another chamber's manager do not see it
    w.c["admin.olsztyn"] = signin(stack, "admin.olsztyn")
    for k, code, msg in (("admin.olsztyn", 403, "Only a fleet manager of the vehicle's unit checks trips."),
                         ("d1", 404, "No such trip card in your units."),
                         ("lublin", 404, "No such trip card in your units.")):
        w.c[k].get("/skr/fleet/trips/%d" % tid)
        r = w.c[k].post("/skr/fleet/trips/%d/check" % tid, {})
        assert (r.status_code, page_error(r.text)) == (code, msg)
    assert stack.scalar("SELECT status FROM fleet_trip WHERE id = ?", tid) == "closed"
    # the second manager of the chamber checks it
    c2 = w.c["boss2"]
    page = c2.get("/skr/fleet/trips/%d" % tid)
    assert 'id="trip-check"' in page.text
    r = c2.post("/skr/fleet/trips/%d/check" % tid, {})
    assert r.status_code == 303
    assert stack.sql("SELECT status, checked_by FROM fleet_trip WHERE id = ?", tid) == [
        ["checked", str(w.boss2_id)]]
    assert stack.count("audit_log", "action = 'fleet.trip.check' AND object = ?", "fleet_trip:%d" % tid) == 1


def test_printable_card(stack, w):
    tid = int(stack.scalar("SELECT MIN(id) FROM fleet_trip WHERE vehicle_id = ?", w.vc))
    r = w.c["flota"].get("/skr/fleet/trips/%d?view=print" % tid)
    assert r.status_code == 200
    assert "Driver&#39;s signature" in r.text
    assert 'id="trip-close"' not in r.text and 'class="wrap print-view"' in r.text
    r = w.c["d1"].get("/skr/fleet/trips/%d?lang=pl" % tid)
    assert "Karta drogowa" in r.text and "działania" in r.text


def test_access_per_route(stack, w):
    tid = int(stack.scalar("SELECT MIN(id) FROM fleet_trip WHERE vehicle_id = ?", w.vc))
    before = stack.sql("SELECT id, status, odo_in FROM fleet_trip ORDER BY id")
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    for path in ("/skr/fleet/trips", "/skr/fleet/trips/new", "/skr/fleet/trips/%d" % tid):
        r = anna.get(path)
        assert (r.status_code, r.headers["Location"]) == (303, "/skr/signin?next=" + path)
    c = w.c["officer"]
    for path in ("/skr/fleet/trips", "/skr/fleet/trips/new", "/skr/fleet/trips.csv",
                 "/skr/fleet/trips/%d" % tid):
        r = c.get(path)
        assert r.status_code == 403, path
        assert page_error(r.text).startswith("The fleet's pages are for fleet managers")
    c.get("/skr/")
    for path in ("/skr/fleet/trips/new", "/skr/fleet/trips/%d/close" % tid,
                 "/skr/fleet/trips/%d/check" % tid):
        assert c.post(path, {"vehicle": str(w.vb), "end": local(now_waw()), "odo_in": "1"}).status_code == 403
    c = w.c["lublin"]
    for path in ("/skr/fleet/trips/%d" % tid, "/skr/fleet/trips?vehicle=%d" % w.vc,
                 "/skr/fleet/trips.csv?vehicle=%d" % w.vc):
        r = c.get(path)
        assert r.status_code == 404, path
    r = open_trip(c, w.vb, now_waw(), now_waw(60), 10000)
    assert (r.status_code, page_error(r.text)) == (404, "No such vehicle in your units.")
    # the other chamber's list holds none of these trips
    r = c.get("/skr/fleet/trips")
    assert r.status_code == 200 and 'href="/skr/fleet/trips/%d"' % tid not in r.text
    assert stack.sql("SELECT id, status, odo_in FROM fleet_trip ORDER BY id") == before


def test_the_vehicle_page_shows_its_trips_and_reservations(stack, w):
    ids = [int(r[0]) for r in stack.sql("SELECT id FROM fleet_trip WHERE vehicle_id = ? ORDER BY id", w.vc)]
    page = w.c["flota"].get("/skr/fleet/vehicles/%d" % w.vc)
    assert page.status_code == 200
    assert 'id="vehicle-trips"' in page.text
    for tid in ids:
        assert 'href="/skr/fleet/trips/%d"' % tid in page.text
    assert 'href="/skr/fleet/trips/new?vehicle=%d"' % w.vc in page.text
    # vehicle b: d2's reservation ahead, by name
    page = w.c["d2"].get("/skr/fleet/vehicles/%d" % w.vb)
    assert page.status_code == 200 and "Zasadzka" in page.text
