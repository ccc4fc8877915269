"""test_ebt_crossing.py: e-Booking TRUCK, crossing side: an officer sees
only the crossings of their branch (another branch's is 404 and changes
nothing); check-in by booking number and by plate (O/0 read alike), call
to a lane, served; a walk-in takes the first free place of today; the
occupancy page and CSV; the plate check-in of domain/booking.h refuses a
truck with no booking."""
import re

import pytest

from ebt_lib import ANNA, GRZ, KOR, TRANSPOL, book, local, number_of, portal, staff, state, steps
from zsog import field_error


def status(stack, no):
    return state(stack, no)


@pytest.fixture(scope="module")
def anna(stack):
    return portal(stack, ANNA)


@pytest.fixture(scope="module")
def kor(stack):
    return staff(stack, "koroszczyn")


def test_branch_scope(stack, anna, kor):
    assert "Koroszczyn" in kor.get("/skr/ebt/").text
    assert "Grzechotki" not in kor.get("/skr/ebt/").text
    assert kor.get("/skr/ebt/%d" % KOR).status_code == 200
    for path in ("/skr/ebt/%d", "/skr/ebt/%d/walkin", "/skr/ebt/%d/occupancy",
                 "/skr/ebt/%d/occupancy.csv"):
        assert kor.get(path % GRZ).status_code == 404, path
    # a Koroszczyn booking is out of reach of the Grzechotki officer
    day, hour = local(plus_hours=1)
    no = number_of(book(anna, KOR, day, hour))
    grz = staff(stack, "grzechotki")
    grz.get("/skr/ebt/%d" % GRZ)
    assert grz.get("/skr/ebt/%d/bookings/%s" % (KOR, no)).status_code == 404
    assert grz.get("/skr/ebt/%d/bookings/%s" % (GRZ, no)).status_code == 404
    assert grz.post("/skr/ebt/%d/checkin" % KOR, {"q": no}).status_code == 404
    # at his own crossing the number is answered with where it is for
    # (test_ebt_wrong_crossing.py), and nothing changes
    assert grz.post("/skr/ebt/%d/checkin" % GRZ, {"q": no}).status_code == 409
    assert grz.post("/skr/ebt/%d/bookings/%s/arrived" % (KOR, no), {}).status_code == 404
    assert status(stack, no) == "booked"
    # a portal account and a staff member without the crossing role
    assert anna.get("/skr/ebt/%d" % KOR).status_code in (302, 303, 401)
    rej = staff(stack, "rejestracja")
    assert rej.get("/skr/ebt/%d" % KOR).status_code == 403


def test_checkin_call_served(stack, anna, kor):
    day, hour = local(plus_hours=1)
    r = book(anna, KOR, day, hour, plate="KR0OI12")
    no = number_of(r)
    kor.get("/skr/ebt/%d" % KOR)
    # the camera / officer reads O as 0 and I as 1: still this booking
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": "KR00112"})
    assert r.status_code == 200 and 'data-result="done"' in r.text and no in r.text
    assert status(stack, no) == "arrived"
    page = kor.get("/skr/ebt/%d" % KOR)
    assert 'data-number="%s"' % no in page.text
    # a lane that does not exist changes nothing
    r = kor.post("/skr/ebt/%d/bookings/%s/called" % (KOR, no), {"lane": "99"})
    assert r.status_code == 422 and status(stack, no) == "arrived"
    r = kor.post("/skr/ebt/%d/bookings/%s/called" % (KOR, no), {"lane": "2"})
    assert r.status_code == 303 and status(stack, no) == "called"
    assert stack.scalar("SELECT l.lane FROM booking_lane l JOIN booking b ON b.id = l.booking_id"
                        " WHERE b.number = ?", no) == "2"
    r = kor.post("/skr/ebt/%d/bookings/%s/served" % (KOR, no), {})
    assert r.status_code == 303 and status(stack, no) == "served"
    # served once: a second click is refused
    r = kor.post("/skr/ebt/%d/bookings/%s/served" % (KOR, no), {})
    assert r.status_code == 409
    assert steps(stack, no) == ["created", "arrived", "called", "served"]


def test_day_page_offers_only_what_each_booking_allows(stack, anna, kor):
    """The officer's day offers the buttons domain/booking.h allows
    (Bookings.N.can_no_show, Waiting.N.can_call/can_serve), the same rule
    the actions enforce: no "no-show" for a booking still inside its
    arrival window (it was offered, and refused with 409), one for a booking
    whose window has closed; "call" for an arrived truck, "served" once
    called."""
    day, hour = local(plus_hours=1)
    due = number_of(book(anna, KOR, day, hour))
    late = number_of(book(anna, KOR, local(plus_days=2)[0], 9))
    # Its window (60 min after the hour) closed 30 min ago; the sweep
    # waits for the no-show delay (60 min more).
    stack.sql("UPDATE booking SET day = ?, start_utc = UTC_TIMESTAMP() - INTERVAL 90 MINUTE"
              " WHERE number = ?", local()[0], late)
    no_show = '/skr/ebt/%d/bookings/%s/no_show"'
    page = kor.get("/skr/ebt/%d" % KOR).text
    assert no_show % (KOR, late) in page
    assert no_show % (KOR, due) not in page
    r = kor.post("/skr/ebt/%d/bookings/%s/no_show" % (KOR, due), {})
    assert r.status_code == 409 and status(stack, due) == "booked"
    # Checked in: "call" is offered, "served" not yet.
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": due})
    assert 'data-result="done"' in r.text
    page = kor.get("/skr/ebt/%d" % KOR).text
    assert '/bookings/%s/called"' % due in page and '/bookings/%s/served"' % due not in page
    assert no_show % (KOR, due) not in page
    assert kor.post("/skr/ebt/%d/bookings/%s/called" % (KOR, due), {"lane": "1"}).status_code == 303
    page = kor.get("/skr/ebt/%d" % KOR).text
    assert '/bookings/%s/served"' % due in page and '/bookings/%s/called"' % due not in page
    assert kor.post("/skr/ebt/%d/bookings/%s/no_show" % (KOR, late), {"confirm": "1"}).status_code == 303
    assert status(stack, late) == "no_show"
    assert no_show % (KOR, late) not in kor.get("/skr/ebt/%d" % KOR).text


def test_checkin_by_number_and_unknown_plate(stack, anna, kor):
    day, hour = local(plus_hours=1)
    no = number_of(book(anna, KOR, day, hour))
    kor.get("/skr/ebt/%d" % KOR)
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": no.lower()})
    assert 'data-result="done"' in r.text and status(stack, no) == "arrived"
    n0 = stack.count("booking")
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": "ZZ99999"})
    assert 'data-result="none"' in r.text and stack.count("booking") == n0
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": ""})
    assert r.status_code == 422 and field_error(r.text, "q")
    # a booking far ahead is outside its arrival window: not checked in
    far = number_of(book(anna, KOR, local(plus_days=2)[0], 10))
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": far})
    assert r.status_code == 409 and 'data-result="outside"' in r.text
    assert status(stack, far) == "booked"


def test_walkin_and_occupancy(stack, kor):
    kor.get("/skr/ebt/%d/walkin" % KOR)
    n0 = stack.count("booking")
    bad = kor.post("/skr/ebt/%d/walkin" % KOR, {
        "plate": "WB1234X", "plate_country": "PL", "driver_name": "Jan Nowak",
        "driver_doc": "X1", "driver_phone": "+48 600 100 100",
        "mrns": "26PL00000000000001", "goods": "Drewno", "mass_kg": "9000"})
    assert bad.status_code == 422 and field_error(bad.text, "mrns")
    assert stack.count("booking") == n0
    from ebt_lib import mrn, plate
    p = plate()
    r = kor.post("/skr/ebt/%d/walkin" % KOR, {
        "plate": p, "plate_country": "BY", "driver_name": "Ivan Petrov",
        "driver_doc": "MP1234567", "driver_phone": "+375 29 123 45 67",
        "mrns": mrn(), "goods": "Drewno", "mass_kg": "9000", "packages": "1"})
    assert r.status_code == 303, r.text[:400]
    row = stack.sql("SELECT COALESCE(l.status, b.status), b.walk_in, b.day, b.staff_id IS NOT NULL"
                    " FROM booking b LEFT JOIN booking_lane l ON l.booking_id = b.id WHERE b.plate = ?", p)
    assert row == [["arrived", "1", local()[0], "1"]]
    occ = kor.get("/skr/ebt/%d/occupancy" % KOR)
    assert occ.status_code == 200 and 'id="occupancy"' in occ.text
    csv = kor.get("/skr/ebt/%d/occupancy.csv" % KOR)
    assert csv.status_code == 200 and csv.headers["Content-Type"].startswith("text/csv")
    lines = csv.text.strip().splitlines()
    assert lines[0].startswith("hour,capacity,taken,booked,arrived")
    walk_ins = sum(int(line.split(",")[7]) for line in lines[1:])
    assert walk_ins == stack.count("booking", "crossing_id = 2 AND day = ? AND walk_in = 1", local()[0])
    assert kor.get("/skr/ebt/%d/occupancy?day=nonsense" % KOR).status_code == 422


def config_form(stack, crossing, **over):
    rows = stack.sql("SELECT horizon_days, change_deadline_min, arrive_before_min,"
                     " arrive_after_min, noshow_delay_min, lanes FROM crossing WHERE id = ?", crossing)[0]
    names = ("horizon_days", "change_deadline_min", "arrive_before_min", "arrive_after_min",
             "noshow_delay_min", "lanes")
    data = dict(zip(names, rows))
    for dow, o, c, cap in stack.sql("SELECT dow, open_hour, close_hour, capacity FROM crossing_day"
                                    " WHERE crossing_id = ?", crossing):
        data.update({"open_" + dow: o, "close_" + dow: c, "cap_" + dow: cap})
    data.update(over)
    return data


def test_walkin_of_a_truck_with_a_later_booking_moves_that_booking(stack, anna, kor):
    """A truck arriving outside its window is checked in as a walk-in: its
    booking (one truck, one active booking) moves to the walk-in's place,
    its old hour's place is released, and the history says so."""
    from ebt_lib import fields, mrn, plate
    p = plate()
    day2 = local(plus_days=2)[0]
    no = number_of(book(anna, KOR, day2, 10, plate=p))
    old_slot = stack.scalar("SELECT slot_id FROM booking WHERE number = ?", no)
    taken_before = int(stack.scalar("SELECT booked FROM slot WHERE id = ?", old_slot))
    n0 = stack.count("booking")
    kor.get("/skr/ebt/%d/walkin" % KOR)
    data = fields(plate=p, plate_country="PL", mrns=mrn(), packages="1")
    r = kor.post("/skr/ebt/%d/walkin" % KOR, data)
    assert r.status_code == 303, r.text[:400]
    assert stack.count("booking") == n0
    row = stack.sql("SELECT COALESCE(l.status, b.status), b.walk_in, b.day, b.slot_id = ?"
                    " FROM booking b LEFT JOIN booking_lane l ON l.booking_id = b.id WHERE b.number = ?",
                    old_slot, no)
    assert row == [["arrived", "1", local()[0], "0"]]
    assert int(stack.scalar("SELECT booked FROM slot WHERE id = ?", old_slot)) == taken_before - 1
    assert steps(stack, no) == ["created", "walk_in"]


def test_config_by_own_branch_only(stack, kor):
    grz = staff(stack, "grzechotki")
    assert grz.get("/skr/ebt/%d/config" % KOR).status_code == 404
    assert grz.get("/skr/ebt/%d/config" % GRZ).status_code == 200
    before = stack.sql("SELECT * FROM crossing_day WHERE crossing_id = 2 ORDER BY dow")
    r = grz.post("/skr/ebt/%d/config" % KOR, config_form(stack, KOR, cap_3="1"))
    assert r.status_code == 404
    assert stack.sql("SELECT * FROM crossing_day WHERE crossing_id = 2 ORDER BY dow") == before
    # bad values: nothing changes, the message is beside the field
    page = kor.get("/skr/ebt/%d/config" % KOR)
    assert page.status_code == 200 and 'id="days"' in page.text
    r = kor.post("/skr/ebt/%d/config" % KOR, config_form(stack, KOR, cap_3="lots", open_4="9",
                                                          close_4="8"))
    assert r.status_code == 422 and field_error(r.text, "cap_3") and field_error(r.text, "cap_4")
    assert stack.sql("SELECT * FROM crossing_day WHERE crossing_id = 2 ORDER BY dow") == before
    # a closure of an hour: its slot becomes closed and cannot be booked
    day = local(plus_days=11)[0]
    r = kor.post("/skr/ebt/%d/closures" % KOR, {"day": day, "from_hour": "3", "to_hour": "5",
                                                 "reason": "road works", "confirm": "1"})
    assert r.status_code == 303
    assert stack.scalar("SELECT SUM(closed) FROM slot WHERE crossing_id = 2 AND day = ?", day) == "2"
    bad = kor.post("/skr/ebt/%d/closures" % KOR, {"day": day, "from_hour": "5", "to_hour": "3",
                                                   "reason": "x"})
    assert bad.status_code == 422 and field_error(bad.text, "to_hour")
    assert stack.count("crossing_closure", "crossing_id = 2") == 1


def test_config_saved_places_kept(stack, kor):
    kor.get("/skr/ebt/%d/config" % KOR)
    taken = stack.scalar("SELECT SUM(booked) FROM slot WHERE crossing_id = 2")
    r = kor.post("/skr/ebt/%d/config" % KOR, config_form(stack, KOR, lanes="5"))
    assert r.status_code == 303
    assert stack.scalar("SELECT lanes FROM crossing WHERE id = 2") == "5"
    assert stack.scalar("SELECT SUM(booked) FROM slot WHERE crossing_id = 2") == taken
    kor.get("/skr/ebt/%d/config" % KOR)
    assert kor.post("/skr/ebt/%d/config" % KOR, config_form(stack, KOR, lanes="4")).status_code == 303


def test_no_show_is_marked_in_the_background_without_any_page_view(stack, anna):
    """The ebt program's background process (Services.ebt.TickSeconds, 5 s
    in the test stack) marks a booking whose hour ended more than the
    no-show delay ago, though no page of eBT is asked for meanwhile."""
    import time
    # Any open hour of a later day (at 22:00 local the current hour is
    # past closing): the test moves its time behind the programs' backs.
    day, hour = local(plus_days=2)[0], 12
    no = number_of(book(anna, GRZ, day, hour))
    delay = int(stack.scalar("SELECT noshow_delay_min FROM crossing WHERE id = ?", GRZ))
    # Its hour ended long ago (moved behind the programs' backs: only the
    # sweep may notice).
    stack.sql("UPDATE booking SET start_utc = UTC_TIMESTAMP() - INTERVAL ? MINUTE"
              " WHERE number = ?", 60 + delay + 5, no)
    deadline = time.time() + 20
    while status(stack, no) == "booked" and time.time() < deadline:
        time.sleep(0.5)
    assert status(stack, no) == "no_show"
    assert stack.count("booking_lane l JOIN booking b ON b.id = l.booking_id",
                       "b.number = ? AND l.status = 'no_show' AND l.done_by IS NULL", no) == 1
    page = anna.get("/ebt/bookings/%s" % no)
    assert page.status_code == 200 and "no-show" in page.text
