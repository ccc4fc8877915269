"""test_ebt_book.py: e-Booking TRUCK, company side: the wizard from the
crossing to the confirmation (QR, .ics, mail), the list, change of hour
and cancel with the place freed at once; a resent form makes one booking;
bad input and every refusal of the rules change nothing; nobody without
the authorisation books, and a booking number of another company's is
404 on every route."""
import re
import time

import pytest

from ebt_lib import (AGENCY, MAZURY, ANNA, EWA, GRZ, JAN, KOR, PIOTR, TRANSPOL, book, fields,
                     form_page, local, mrn, number_of, plate, portal)
from zsog import field_error


def bookings(stack):
    return stack.count("booking")


def slot_booked(stack, crossing, day, hour):
    return int(stack.scalar("SELECT booked FROM slot WHERE crossing_id = ? AND day = ?"
                            " AND hour = ?", crossing, day, hour))


@pytest.fixture(scope="module")
def anna(stack):
    return portal(stack, ANNA)


def test_wizard_confirm_list_change_cancel(stack, anna):
    c = anna
    r = c.get("/ebt/book/start")
    assert r.status_code == 200 and "Trans-Pol" in r.text
    day, hour = local(plus_days=4)[0], 10
    cal = c.get("/ebt/calendar?company=%d&crossing=%d" % (TRANSPOL, GRZ))
    assert cal.status_code == 200 and "Free hours" in cal.text and " free</span>" in cal.text
    assert 'href="/ebt/calendar?company=%d&amp;crossing=%d&amp;day=%s#hours"' % (TRANSPOL, GRZ, day) in cal.text
    cal = c.get("/ebt/calendar?company=%d&crossing=%d&day=%s" % (TRANSPOL, GRZ, day))
    assert cal.status_code == 200 and 'data-day="%s" data-hour="10"' % day in cal.text
    idem = form_page(c, GRZ, day, hour)
    data = fields()
    data.update({"company": "1", "crossing": "1", "day": day, "hour": "10", "idem": idem})
    review = c.post("/ebt/book", data)
    assert review.status_code == 200 and 'id="confirm"' in review.text
    assert bookings(stack) == bookings(stack)  # the review stores nothing:
    before = slot_booked(stack, GRZ, day, hour)
    data["confirm"] = "1"
    r = c.post("/ebt/book", data)
    no = number_of(r)
    assert slot_booked(stack, GRZ, day, hour) == before + 1
    page = c.follow(r)
    assert page.status_code == 200 and 'id="made"' in page.text and 'id="qr"' in page.text
    assert "The booking is confirmed" in page.text and ">booked</span>" in page.text
    qr = c.get("/ebt/bookings/%s/qr.svg" % no)
    assert qr.status_code == 200 and qr.headers["Content-Type"].startswith("image/svg+xml")
    assert qr.text.startswith("<svg") and "M" in qr.text
    ics = c.get("/ebt/bookings/%s/ics" % no)
    assert ics.status_code == 200 and "BEGIN:VEVENT" in ics.text and no in ics.text
    subject, body = stack.outbox(ANNA)
    assert no in body
    lst = c.get("/ebt/?company=1&plate=%s" % data["plate"])
    assert no in lst.text
    # change the hour: the old place is free at once
    r = c.post("/ebt/bookings/%s/change" % no, {"day": day, "hour": "11", "reason": "ferry late"})
    assert r.status_code == 303, re.findall(r'(?:id="refusal"|class="error").*', r.text)
    assert slot_booked(stack, GRZ, day, 10) == before
    assert stack.scalar("SELECT hour FROM booking WHERE number = ?", no) == "11"
    assert "ferry late" in c.get("/ebt/bookings/%s" % no).text
    # cancel
    b11 = slot_booked(stack, GRZ, day, 11)
    r = c.post("/ebt/bookings/%s/cancel" % no, {"reason": "", "confirm": "1"})
    assert r.status_code == 303
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", no) == "cancelled"
    assert slot_booked(stack, GRZ, day, 11) == b11 - 1
    assert stack.count("booking_history", "booking_id = (SELECT id FROM booking WHERE number = ?)", no) == 3


def test_resent_form_makes_one_booking(stack, anna):
    day = local(plus_days=5)[0]
    idem = form_page(anna, KOR, day, 9)
    p = plate()
    n0 = bookings(stack)
    r1 = book(anna, KOR, day, 9, idem=idem, plate=p)
    r2 = book(anna, KOR, day, 9, idem=idem, plate=p)
    assert number_of(r1) == number_of(r2)
    assert bookings(stack) == n0 + 1


def test_same_truck_one_active_booking(stack, anna):
    day = local(plus_days=6)[0]
    p = plate()
    number_of(book(anna, KOR, day, 9, plate=p))
    n0 = bookings(stack)
    r = book(anna, KOR, day, 10, plate=p)
    assert r.status_code == 409 and 'data-code="TRUCK_ALREADY_BOOKED"' in r.text
    assert bookings(stack) == n0


@pytest.mark.parametrize("name,value", [
    ("mrns", "26PL00000000000001"),        # wrong check character
    ("mrns", "not-an-mrn"),
    ("plate", "!!"),
    ("driver_phone", "call me"),
    ("mass_kg", "0"),
    ("mass_kg", "60001"),
    ("mass_kg", "heavy"),
    ("plate_country", "XX"),
])
def test_bad_field_changes_nothing(stack, anna, name, value):
    day = local(plus_days=7)[0]
    n0 = bookings(stack)
    r = book(anna, KOR, day, 11, **{name: value})
    assert r.status_code == 422
    assert field_error(r.text, name), (name, value)
    assert value in r.text or name in ("plate",)  # what was typed is kept
    assert bookings(stack) == n0


def test_refused_hours_change_nothing(stack, anna):
    n0 = bookings(stack)
    past_day, past_hour = local(plus_hours=-2)
    r = book(anna, KOR, past_day, past_hour)
    assert r.status_code == 422 and 'data-code="SLOT_IN_PAST"' in r.text
    far = local(plus_days=40)[0]
    r = book(anna, KOR, far, 10)
    assert r.status_code == 422 and 'data-code="BEYOND_HORIZON"' in r.text
    # Grzechotki does not open at 03:00
    r = book(anna, GRZ, local(plus_days=3)[0], 3)
    assert r.status_code == 422 and 'data-code="CROSSING_CLOSED"' in r.text
    assert bookings(stack) == n0


def test_full_hour(stack, anna):
    day = local(plus_days=8)[0]
    number_of(book(anna, KOR, day, 14))
    # arrange: make that hour hold exactly what it has
    stack.sql("UPDATE slot SET capacity = booked WHERE crossing_id = 2 AND day = ? AND hour = 14", day)
    n0 = bookings(stack)
    r = book(anna, KOR, day, 14)
    assert r.status_code == 409 and 'data-code="SLOT_FULL"' in r.text
    assert "This hour is full" in r.text
    assert bookings(stack) == n0


def test_change_after_deadline(stack, anna):
    day, hour = local(plus_hours=1)
    no = number_of(book(anna, KOR, day, hour))
    later_day, later_hour = local(plus_hours=5)
    r = anna.post("/ebt/bookings/%s/change" % no, {"day": later_day, "hour": str(later_hour)})
    assert r.status_code == 422 and "DEADLINE_PASSED" in r.text
    r = anna.post("/ebt/bookings/%s/cancel" % no, {"reason": "x"})
    assert r.status_code == 422
    assert stack.scalar("SELECT CONCAT(status, hour) FROM booking WHERE number = ?", no) == "booked%d" % hour


def test_without_person_no_booking(stack):
    ewa = portal(stack, EWA)
    assert ewa.get("/ebt/book/start").status_code == 403
    assert ewa.get("/ebt/").status_code == 403
    n0 = bookings(stack)
    ewa.get("/portal/")  # a CSRF token of her session
    r = book(ewa, KOR, local(plus_days=3)[0], 12, idem="a" * 32)
    assert r.status_code == 403
    assert bookings(stack) == n0


def test_not_represented_company_and_foreign_numbers(stack, anna):
    """Jan books for the agency (his employer); Anna has no link to the
    agency, so its booking number is 404 to her on every route. Jan cannot
    book for a company neither he nor the agency represents."""
    jan = portal(stack, JAN)
    day = local(plus_days=9)[0]
    no = number_of(book(jan, KOR, day, 12, company=AGENCY))
    n0 = bookings(stack)
    r = book(jan, KOR, local(plus_days=3)[0], 12, company=MAZURY, idem="b" * 32)
    assert r.status_code == 403
    assert bookings(stack) == n0
    for path in ("/ebt/bookings/%s", "/ebt/bookings/%s/qr.svg", "/ebt/bookings/%s/ics"):
        assert anna.get(path % no).status_code == 404, path
    anna.get("/ebt/")
    assert anna.post("/ebt/bookings/%s/cancel" % no, {"reason": ""}).status_code == 404
    assert anna.post("/ebt/bookings/%s/change" % no,
                     {"day": local(plus_days=10)[0], "hour": "10"}).status_code == 404
    assert stack.scalar("SELECT CONCAT(status, day, hour) FROM booking WHERE number = ?", no) == \
        "booked%s12" % day
    assert no not in anna.get("/ebt/?company=%d" % AGENCY).text
    assert jan.get("/ebt/bookings/%s" % no).status_code == 200


def test_no_csrf_no_booking(stack, anna):
    n0 = bookings(stack)
    day = local(plus_days=3)[0]
    data = fields()
    data.update({"company": "1", "crossing": "2", "day": day, "hour": "15",
                 "idem": "c" * 32, "confirm": "1"})
    r = anna.post("/ebt/book", data, csrf=False)
    assert r.status_code == 403
    assert bookings(stack) == n0


def test_polish_pages(stack):
    from zsog import DEMO_PASSWORD
    c = stack.client("pl")
    assert c.submit("/portal/signin", "/portal/signin",
                    {"email": ANNA, "password": DEMO_PASSWORD}).status_code == 303
    cal = c.get("/ebt/calendar?company=%d&crossing=%d" % (TRANSPOL, GRZ))
    assert cal.status_code == 200 and "Wolne godziny" in cal.text
    # Polish counts: 1 and 2-4 (not 12-14) "wolne", the rest "wolnych".
    tiles = re.findall(r'<span class="n">(\d+) (\w+)</span>', cal.text)
    assert tiles
    for n, word in tiles:
        n = int(n)
        few = n == 1 or (n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14))
        assert word == ("wolne" if few else "wolnych"), (n, word)
    assert "Rezerwacje" in c.get("/ebt/").text


def day_free(stack, crossing, day):
    """Free places of the day's open hours still ahead, from the slots."""
    return int(stack.scalar(
        "SELECT COALESCE(SUM(IF(capacity > 0 AND closed = 0 AND start_utc > UTC_TIMESTAMP(),"
        " GREATEST(CAST(capacity AS SIGNED) - booked, 0), 0)), 0) FROM slot"
        " WHERE crossing_id = ? AND day = ?", crossing, day))


def test_calendar_days_and_hours(stack, anna):
    day = local(plus_days=5)[0]
    base = "/ebt/calendar?company=%d&crossing=%d" % (TRANSPOL, KOR)
    anna.get(base)
    keep = [stack.sql("SELECT capacity, booked, closed FROM slot WHERE crossing_id = ? AND day = ?"
                      " AND hour = ?", KOR, day, h)[0] for h in (7, 8, 9)]
    stack.sql("UPDATE slot SET capacity = 3, booked = 3, closed = 0 WHERE crossing_id = ?"
              " AND day = ? AND hour = 7", KOR, day)
    stack.sql("UPDATE slot SET closed = 1 WHERE crossing_id = ? AND day = ? AND hour = 8", KOR, day)
    stack.sql("UPDATE slot SET capacity = 9, booked = 2, closed = 0 WHERE crossing_id = ?"
              " AND day = ? AND hour = 9", KOR, day)
    try:
        time.sleep(1.2)  # a worker keeps a crossing's days for a second
        page = anna.get(base + "&day=" + day).text
        # The day's tile carries the sum of its free places, from one aggregate.
        tile = re.search(r'data-day="%s"[^>]*>(.*?)</a>' % day, page).group(1)
        assert ">%d free</span>" % day_free(stack, KOR, day) in tile
        assert 'aria-current="date"' in page and 'id="cal-day">%s<' % day in page
        hours = page[page.index('id="calendar"'):]
        assert '<li class="hour full"><span class="h">7:00</span>' in hours
        assert '<li class="hour off"><span class="h">8:00</span>' in hours
        assert 'data-hour="9"><span class="h">9:00</span> <span class="n">7/9 free</span>' in hours
        # A day outside the horizon or not a date: the first day with free places.
        first = next(d for d in (local(plus_days=k)[0] for k in range(31))
                     if day_free(stack, KOR, d) > 0)
        for bad in ("2001-01-01", "x", local(plus_days=400)[0]):
            r = anna.get(base + "&day=" + bad)
            assert r.status_code == 200 and 'id="cal-day">%s<' % first in r.text
        # The old week links still answer.
        assert anna.get(base + "&week=2").status_code == 200
    finally:
        for h, (cap, booked, closed) in zip((7, 8, 9), keep):
            stack.sql("UPDATE slot SET capacity = ?, booked = ?, closed = ? WHERE crossing_id = ?"
                      " AND day = ? AND hour = ?", cap, booked, closed, KOR, day, h)
