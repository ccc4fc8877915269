"""test_ebt_lane.py: what happens to a booking at the crossing is its own
row, booking_lane (0101, docs/ebt.md "Lane state"): a check-in writes
exactly that row and leaves the booking (central, read-only on a crossing
node) as it was; once the truck is at the crossing the company can no
longer cancel or change (409 and the reason); a served truck's plate books
again; the no-show sweep writes a lane row too."""
import re

import pytest

from ebt_lib import ANNA, KOR, book, local, number_of, plate, portal, staff, state

# Every column of the booking row: a check-in must change none of them.
ROW = ("SELECT number, crossing_id, slot_id, day, hour, start_utc, company_id, status,"
       " walk_in, plate, staff_id, done_at, active_plate, active_fuzzy"
       " FROM booking WHERE number = ?")


@pytest.fixture(scope="module")
def anna(stack):
    return portal(stack, ANNA)


@pytest.fixture(scope="module")
def kor(stack):
    k = staff(stack, "koroszczyn")
    k.get("/skr/ebt/%d" % KOR)
    return k


def lane_rows(stack, no):
    return stack.sql("SELECT l.crossing_id, l.status, l.lane, l.arrived_at IS NOT NULL,"
                     " l.arrived_by IS NOT NULL, l.called_by IS NOT NULL, l.done_by IS NOT NULL"
                     " FROM booking_lane l"
                     " JOIN booking b ON b.id = l.booking_id WHERE b.number = ?", no)


def refusal(r):
    m = re.search(r'<div class="alert" role="alert" id="refusal" data-code="([A-Z_]+)">([^<]*)</div>',
                  r.text)
    return m and (m.group(1), m.group(2))


def test_checkin_writes_one_lane_row_and_leaves_the_booking(stack, anna, kor):
    day, hour = local(plus_hours=1)
    no = number_of(book(anna, KOR, day, hour))
    before = stack.sql(ROW, no)
    assert lane_rows(stack, no) == []
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": no})
    assert r.status_code == 200 and 'data-result="done"' in r.text
    assert lane_rows(stack, no) == [[str(KOR), "arrived", "NULL", "1", "1", "0", "0"]]
    assert stack.sql(ROW, no) == before
    assert before[0][7] == "booked"
    assert state(stack, no) == "arrived"
    # A second check-in finds the row there: still one, nothing else.
    r = kor.post("/skr/ebt/%d/bookings/%s/arrived" % (KOR, no), {})
    assert r.status_code == 409
    assert len(lane_rows(stack, no)) == 1 and stack.sql(ROW, no) == before
    # The call and the service change the lane row only.
    assert kor.post("/skr/ebt/%d/bookings/%s/called" % (KOR, no), {"lane": "1"}).status_code == 303
    assert kor.post("/skr/ebt/%d/bookings/%s/served" % (KOR, no), {}).status_code == 303
    assert lane_rows(stack, no) == [[str(KOR), "served", "1", "1", "1", "1", "1"]]
    assert stack.sql(ROW, no) == before
    # Nor was booking_history (central) written: the steps are the lane row's.
    assert stack.sql("SELECT action FROM booking_history WHERE booking_id ="
                     " (SELECT id FROM booking WHERE number = ?)", no) == [["created"]]
    # The company sees what happened at the lane.
    page = anna.get("/ebt/bookings/%s" % no)
    assert page.status_code == 200 and 'data-status="served"' in page.text


def test_cancel_or_change_after_arrival_is_refused(stack, anna, kor):
    day, hour = local(plus_hours=1)
    no = number_of(book(anna, KOR, day, hour))
    taken = stack.scalar("SELECT booked FROM slot WHERE id = (SELECT slot_id FROM booking"
                         " WHERE number = ?)", no)
    assert kor.post("/skr/ebt/%d/checkin" % KOR, {"q": no}).status_code == 200
    r = anna.post("/ebt/bookings/%s/cancel" % no, {"reason": "", "confirm": "1"})
    assert r.status_code == 409
    assert refusal(r) == ("TRUCK_AT_CROSSING",
                          "The truck is already at the crossing (checked in at the waiting zone):"
                          " the booking can no longer be changed or cancelled")
    r = anna.post("/ebt/bookings/%s/change" % no, {"day": day, "hour": str((hour + 2) % 24),
                                                   "reason": ""})
    assert r.status_code == 409 and refusal(r)[0] == "TRUCK_AT_CROSSING"
    # Nothing changed: still booked on the company side, the place taken.
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", no) == "booked"
    assert state(stack, no) == "arrived"
    assert stack.scalar("SELECT booked FROM slot WHERE id = (SELECT slot_id FROM booking"
                        " WHERE number = ?)", no) == taken
    assert stack.count("booking_history", "booking_id = (SELECT id FROM booking WHERE number = ?)"
                       " AND action IN ('cancelled', 'changed')", no) == 0


def test_served_plate_books_again(stack, anna, kor):
    """The served booking stays "booked" on the company side until the
    centre marks it done: a new booking of the plate does that first."""
    p = plate()
    day, hour = local(plus_hours=1)
    no = number_of(book(anna, KOR, day, hour, plate=p))
    assert kor.post("/skr/ebt/%d/checkin" % KOR, {"q": no}).status_code == 200
    assert kor.post("/skr/ebt/%d/bookings/%s/called" % (KOR, no), {"lane": "1"}).status_code == 303
    assert kor.post("/skr/ebt/%d/bookings/%s/served" % (KOR, no), {}).status_code == 303
    day2 = local(plus_days=2)[0]
    again = number_of(book(anna, KOR, day2, 10, plate=p))
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", no) == "done"
    assert state(stack, no) == "served"
    assert state(stack, again) == "booked"
