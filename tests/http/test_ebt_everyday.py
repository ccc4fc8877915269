"""test_ebt_everyday.py: e-Booking TRUCK as people meet it (issue 13): an
agency's employee sees the booking he has just made in his list (all the
companies he may see when he acts for several, never another company's);
a check-in at the wrong crossing says which crossing, day and hour the
booking is for (409, nothing changed); the booking without an account and
the change of hour offer exactly the free hours of the chosen day as radio
buttons (full ones shown as full, closed ones not at all), in both
languages, and an hour that filled up meanwhile is refused beside the
field with nothing stored."""
import re

import pytest

from ebt_lib import (AGENCY, ANNA, GRZ, JAN, KOR, TRANSPOL, book, fields, local,
                     number_of, plate, portal, staff)
from zsog import DEMO_PASSWORD, field_error, unique

RADIO = re.compile(r'<input type="radio" name="hour" value="(\d+)"')
FULL = re.compile(r'data-full="(\d+)"')


@pytest.fixture(scope="module")
def anna(stack):
    return portal(stack, ANNA)


@pytest.fixture(scope="module")
def jan(stack):
    return portal(stack, JAN)


def state(stack, no):
    return stack.scalar("SELECT CONCAT(status, ' ', day, ' ', hour) FROM booking"
                        " WHERE number = ?", no)


def history(stack, no):
    return stack.count("booking_history",
                       "booking_id = (SELECT id FROM booking WHERE number = ?)", no)


# --- Jan's list ---------------------------------------------------------

def test_jan_sees_his_booking_right_after_booking(stack, jan, anna):
    """Jan acts for the agency (his employer) and for Trans-Pol through it:
    without a company chosen his list holds both companies' bookings, each
    row naming its company; a company he does not represent never shows."""
    day = local(plus_days=6)[0]
    no = number_of(book(jan, GRZ, day, 12, company=TRANSPOL))
    own = number_of(book(jan, KOR, day, 13, company=AGENCY))
    # a booking of a company neither Jan nor the agency represents
    stack.sql("INSERT INTO booking (number, crossing_id, slot_id, day, hour, start_utc,"
              " company_id, company_name, status, plate, plate_country, driver_name,"
              " driver_doc, driver_phone, goods, mass_kg, packages, created_at)"
              " SELECT 'GRZ-FOREIGN1', crossing_id, slot_id, day, hour, start_utc, 100,"
              " 'Spedycja Mazury Sp. z o.o.', 'booked', 'WXX99991', plate_country,"
              " driver_name, driver_doc, driver_phone, goods, mass_kg, packages,"
              " created_at FROM booking WHERE number = ?", no)
    page = jan.get("/ebt/")
    assert page.status_code == 200
    assert 'id="list-empty"' not in page.text and "No bookings match." not in page.text
    assert no in page.text and own in page.text
    assert "GRZ-FOREIGN1" not in page.text and "Spedycja Mazury" not in page.text
    row = re.search(r"<tr>(?:(?!</tr>).)*%s(?:(?!</tr>).)*</tr>" % no, page.text, re.S).group(0)
    assert 'data-label="Company">Trans-Pol Sp. z o.o.</td>' in row
    assert '<option value="">All companies</option>' in page.text
    # one company chosen: that company's only
    only = jan.get("/ebt/?company=%d" % AGENCY)
    assert only.status_code == 200 and own in only.text and no not in only.text
    assert '<option value="%d" selected>' % AGENCY in only.text
    # a company he does not represent: refused, as before
    assert jan.get("/ebt/?company=100").status_code == 403
    # in Polish
    pl = portal(stack, JAN, lang="pl")
    page = pl.get("/ebt/")
    assert page.status_code == 200 and no in page.text
    assert '<option value="">Wszystkie firmy</option>' in page.text
    assert 'data-label="Firma">Trans-Pol Sp. z o.o.</td>' in page.text


def test_one_company_is_preselected(stack, anna, jan):
    """Anna acts for Trans-Pol alone: it is chosen, no "all" choice, and
    her list shows Jan's Trans-Pol booking but not the agency's."""
    day = local(plus_days=6)[0]
    tp = number_of(book(jan, GRZ, day, 14, company=TRANSPOL))
    ag = number_of(book(jan, KOR, day, 15, company=AGENCY))
    page = anna.get("/ebt/")
    assert page.status_code == 200
    assert '<option value="%d" selected>Trans-Pol Sp. z o.o.</option>' % TRANSPOL in page.text
    assert "All companies" not in page.text
    assert tp in page.text and ag not in page.text


# --- check-in at the wrong crossing --------------------------------------

def staff_pl(stack, login):
    c = stack.client("pl")
    r = c.submit("/skr/signin", "/skr/signin", {"login": login, "password": DEMO_PASSWORD})
    assert r.status_code == 303
    return c


def test_checkin_at_wrong_crossing_names_the_crossing(stack, anna):
    """A Grzechotki booking checked in at Koroszczyn, by number (typed or
    its QR text) and by plate: 409 naming Grzechotki, the day and the hour
    (local), and the booking is unchanged."""
    day = local(plus_days=2)[0]
    truck = plate()
    no = number_of(book(anna, GRZ, day, 12, plate=truck))
    before, hist = state(stack, no), history(stack, no)
    kor = staff(stack, "koroszczyn")
    kor.get("/skr/ebt/%d" % KOR)
    for q in (no, no.lower(), truck):
        r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": q})
        assert r.status_code == 409, (q, r.status_code)
        assert 'data-result="elsewhere"' in r.text
        m = re.search(r'<div class="alert" role="status" id="checkin-result"[^>]*>(.*?)</div>',
                      r.text, re.S)
        text = re.sub(r"<[^>]+>", "", m.group(1))
        assert text == ("Booking %s is for Grzechotki – Mamonovo II, %s 12:00 (local time); status: booked."
                        " Check it in at that crossing; nothing was changed here." % (no, day)), text
        assert "No active booking" not in r.text
    assert state(stack, no) == before and history(stack, no) == hist
    # in Polish
    pl = staff_pl(stack, "koroszczyn")
    pl.get("/skr/ebt/%d" % KOR)
    r = pl.post("/skr/ebt/%d/checkin" % KOR, {"q": no})
    assert r.status_code == 409
    text = re.sub(r"<[^>]+>", "", re.search(r'id="checkin-result"[^>]*>(.*?)</div>', r.text, re.S).group(1))
    assert text == ("Rezerwacja %s dotyczy przejścia Grzechotki – Mamonowo II, %s 12:00 (czas lokalny); status: zarezerwowana."
                    " Przyjazd odprawia tamto przejście; tutaj niczego nie zmieniono." % (no, day)), text
    assert state(stack, no) == before
    # at the right crossing the same number still checks in (in its window)
    # and an unknown number or plate is still "none"
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": "KOR-ZZZZZZZZ"})
    assert r.status_code == 404 and 'data-result="none"' in r.text
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": "ZZ12345"})
    assert r.status_code == 200 and 'data-result="none"' in r.text


# --- the hour pickers --------------------------------------------------

def db_hours(stack, crossing, day):
    """The day's free and full hours as the slots say (open, ahead)."""
    rows = stack.sql("SELECT hour, booked >= capacity FROM slot WHERE crossing_id = ?"
                     " AND day = ? AND capacity > 0 AND closed = 0"
                     " AND start_utc > UTC_TIMESTAMP() ORDER BY hour", crossing, day)
    free = {int(h) for h, full in rows if str(full) == "0"}
    full = {int(h) for h, full in rows if str(full) == "1"}
    return free, full


@pytest.fixture
def arranged(stack):
    """Koroszczyn, five days ahead: 07 full, 08 closed, 09 with 2 of 9
    taken; restored afterwards."""
    day = local(plus_days=5)[0]
    keep = {h: stack.sql("SELECT capacity, booked, closed FROM slot WHERE crossing_id = ?"
                         " AND day = ? AND hour = ?", KOR, day, h)[0] for h in (7, 8, 9)}
    stack.sql("UPDATE slot SET capacity = 3, booked = 3, closed = 0 WHERE crossing_id = ?"
              " AND day = ? AND hour = 7", KOR, day)
    stack.sql("UPDATE slot SET closed = 1 WHERE crossing_id = ? AND day = ? AND hour = 8", KOR, day)
    stack.sql("UPDATE slot SET capacity = 9, booked = 2, closed = 0 WHERE crossing_id = ?"
              " AND day = ? AND hour = 9", KOR, day)
    yield day
    for h, (cap, booked, closed) in keep.items():
        stack.sql("UPDATE slot SET capacity = ?, booked = ?, closed = ? WHERE crossing_id = ?"
                  " AND day = ? AND hour = ?", cap, booked, closed, KOR, day, h)


@pytest.mark.parametrize("lang,free_word", [("en", "free"), ("pl", "wolnych")])
def test_guest_form_offers_exactly_the_free_hours(stack, arranged, lang, free_word):
    day = arranged
    c = stack.client(lang)
    page = c.get("/ebt/guest?crossing=%d&day=%s" % (KOR, day))
    assert page.status_code == 200
    free, full = db_hours(stack, KOR, day)
    assert 7 in full and 8 not in free | full and 9 in free
    assert {int(h) for h in RADIO.findall(page.text)} == free
    assert {int(h) for h in FULL.findall(page.text)} == full
    assert 'data-hour="8"' not in page.text and 'data-full="8"' not in page.text
    assert 'type="number"' not in re.search(r'<form method="post" action="/ebt/guest".*?</fieldset>',
                                            page.text, re.S).group(0)
    assert '<input type="hidden" name="day" value="%s">' % day in page.text
    assert "<span class=\"n\">7/9 %s</span>" % free_word in page.text


def test_guest_form_without_a_crossing_asks_for_one(stack):
    page = stack.client().get("/ebt/guest")
    assert page.status_code == 200 and 'id="pick-first"' in page.text
    assert not RADIO.findall(page.text)


def guest_data(day, hour):
    d = fields()
    d.update({"crossing": str(KOR), "day": day, "hour": str(hour),
              "email": "%s@example.com" % unique("pick"), "phone": "+48 600 100 200"})
    return d


def test_guest_full_hour_refused_beside_the_field(stack, arranged):
    """The page offered 09; it filled up before the form came back."""
    day = arranged
    c = stack.client()
    page = c.get("/ebt/guest?crossing=%d&day=%s" % (KOR, day))
    assert "9" in RADIO.findall(page.text)
    stack.sql("UPDATE slot SET booked = capacity WHERE crossing_id = ? AND day = ? AND hour = 9",
              KOR, day)
    n0 = stack.count("ebt_guest_request")
    data = guest_data(day, 9)
    r = c.post("/ebt/guest", data)
    assert r.status_code == 422
    assert field_error(r.text, "hour") == "This hour is full: every place is taken. Choose another hour"
    assert stack.count("ebt_guest_request") == n0
    assert stack.count("ebt_guest_request", "email = ?", data["email"]) == 0
    # the form again: 09 now shown as full, not offered
    assert "9" not in RADIO.findall(r.text) and 'data-full="9"' in r.text


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_change_form_offers_exactly_the_free_hours(stack, anna, arranged, lang):
    day = arranged
    c = anna if lang == "en" else portal(stack, ANNA, lang="pl")
    no = number_of(book(anna, KOR, day, 10))
    page = c.get("/ebt/bookings/%s" % no)
    assert page.status_code == 200
    free, full = db_hours(stack, KOR, day)
    # its own hour is shown, not offered
    assert {int(h) for h in RADIO.findall(page.text)} == free - {10}
    assert 'data-held="10"' in page.text
    assert {int(h) for h in FULL.findall(page.text)} == full
    assert 'data-hour="8"' not in page.text
    # another day, chosen by the GET form
    other = local(plus_days=6)[0]
    page = c.get("/ebt/bookings/%s?day=%s" % (no, other))
    assert page.status_code == 200
    free, full = db_hours(stack, KOR, other)
    assert {int(h) for h in RADIO.findall(page.text)} == free
    assert '<input type="hidden" name="day" value="%s">' % other in page.text
    assert "data-held" not in page.text


def test_change_to_a_full_hour_refused_beside_the_field(stack, anna, arranged):
    day = arranged
    no = number_of(book(anna, KOR, day, 11))
    page = anna.get("/ebt/bookings/%s" % no)
    assert "9" in RADIO.findall(page.text)
    stack.sql("UPDATE slot SET booked = capacity WHERE crossing_id = ? AND day = ? AND hour = 9",
              KOR, day)
    before, hist = state(stack, no), history(stack, no)
    b11 = stack.scalar("SELECT booked FROM slot WHERE crossing_id = ? AND day = ? AND hour = 11",
                       KOR, day)
    r = anna.post("/ebt/bookings/%s/change" % no, {"day": day, "hour": "9", "reason": ""})
    assert r.status_code == 409
    assert field_error(r.text, "hour") == "This hour is full: every place is taken. Choose another hour"
    assert "9" not in RADIO.findall(r.text) and 'data-full="9"' in r.text
    assert state(stack, no) == before and history(stack, no) == hist
    assert stack.scalar("SELECT booked FROM slot WHERE crossing_id = ? AND day = ? AND hour = 11",
                        KOR, day) == b11
    # no hour picked: beside the field too
    r = anna.post("/ebt/bookings/%s/change" % no, {"day": day, "reason": ""})
    assert r.status_code == 422 and field_error(r.text, "hour") == "Choose one of the free hours"
    assert state(stack, no) == before
