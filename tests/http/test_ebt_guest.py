"""test_ebt_guest.py: e-Booking TRUCK without a portal account: the form, a
6-digit code by e-mail and text message, its confirmation making one
booking with the guest's e-mail and no company or person; wrong codes,
too many tries and an expired request are refused; the daily limit per
e-mail, bad input, a missing CSRF token and a full hour store nothing."""
import re

import pytest

from ebt_lib import KOR, fields, local, plate, staff
from zsog import field_error, unique

PHONE = "+48 600 100 200"
SMS = "sms:+48600100200"


def email():
    return "%s@example.com" % unique("guest")


def data(day, hour, mail, crossing=KOR, **over):
    d = fields(**over)
    d.update({"crossing": str(crossing), "day": day, "hour": str(hour),
              "email": mail, "phone": PHONE})
    d.update({k: v for k, v in over.items() if k in ("crossing", "phone")})
    return d


def ask(stack, day, hour, mail, c=None, **over):
    """Opens the form (for the anonymous CSRF token) and sends it."""
    c = c or stack.client()
    assert c.get("/ebt/guest").status_code == 200
    return c, c.post("/ebt/guest", data(day, hour, mail, **over))


def token_of(r):
    m = re.match(r"/ebt/guest/confirm\?r=([0-9a-f]{32})$", r.headers.get("Location", ""))
    assert r.status_code == 303 and m, (r.status_code, r.headers.get("Location"), r.text[:400])
    return m.group(1)


def code_in(body):
    m = re.search(r":\s*(\d{6})\b", body)
    assert m, body
    return m.group(1)


def confirm(c, token, code):
    assert c.get("/ebt/guest/confirm?r=%s" % token).status_code in (200, 404)
    return c.post("/ebt/guest/confirm", {"r": token, "code": code})


def number_of(r):
    m = re.search(r'<span id="number">([A-Z0-9-]+)</span>', r.text)
    assert r.status_code == 200 and m, (r.status_code, r.text[:400])
    return m.group(1)


def requests_of(stack, mail):
    return stack.count("ebt_guest_request", "email = ?", mail.lower())


def guest_bookings(stack, mail):
    return stack.count("booking", "guest_email = ?", mail.lower())


def test_whole_flow_and_confirming_twice_books_once(stack):
    mail = email()
    day = local(plus_days=11)[0]
    home = stack.client().get("/")
    assert 'href="/ebt/guest"' in home.text
    c, r = ask(stack, day, 12, mail)
    token = token_of(r)
    # only the token's hash is stored
    assert stack.count("ebt_guest_request", "token_hash = SHA2(?, 256)", token) == 1
    assert stack.count("ebt_guest_request", "token_hash = ?", token) == 0
    subject, body = stack.outbox(mail)
    code = code_in(body)
    assert "code" in subject.lower()
    _, sms = stack.outbox(SMS)
    assert code_in(sms) == code
    assert stack.count("booking", "guest_email = ?", mail) == 0  # nothing booked yet
    page = c.get("/ebt/guest/confirm?r=%s" % token)
    assert page.status_code == 200 and 'name="code"' in page.text
    slot = "crossing_id = 2 AND day = ? AND hour = 12"
    before = int(stack.scalar("SELECT booked FROM slot WHERE " + slot, day))
    r = c.post("/ebt/guest/confirm", {"r": token, "code": code})
    no = number_of(r)
    assert 'id="qr"' in r.text and "data:image/svg+xml;base64," in r.text
    assert "/ebt/bookings/" not in r.text  # nothing to come back to
    row = stack.sql("SELECT guest_email, company_id, person_id, status, crossing_id, hour"
                    " FROM booking WHERE number = ?", no)[0]
    assert row[0] == mail and row[1] in (None, "NULL") and row[2] in (None, "NULL")
    assert row[3] == "booked" and str(row[4]) == "2" and str(row[5]) == "12"
    assert int(stack.scalar("SELECT booked FROM slot WHERE " + slot, day)) == before + 1
    assert stack.count("booking_history", "booking_id = (SELECT id FROM booking WHERE number = ?)"
                       " AND actor_kind = 'system' AND action = 'created'", no) == 1
    _, body = stack.outbox(mail)
    assert no in body and "/ebt/bookings/" not in body
    # a resent confirmation answers with the same booking
    again = c.post("/ebt/guest/confirm", {"r": token, "code": code})
    assert number_of(again) == no
    assert guest_bookings(stack, mail) == 1
    assert int(stack.scalar("SELECT booked FROM slot WHERE " + slot, day)) == before + 1


def test_officer_checks_a_guest_booking_in(stack):
    mail, p = email(), plate()
    day, hour = local(plus_hours=1)
    c, r = ask(stack, day, hour, mail, plate=p)
    token = token_of(r)
    no = number_of(confirm(c, token, code_in(stack.outbox(mail)[1])))
    kor = staff(stack, "koroszczyn")
    kor.get("/skr/ebt/%d" % KOR)
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": p})
    assert r.status_code == 200 and 'data-result="done"' in r.text and no in r.text
    assert stack.scalar("SELECT l.status FROM booking_lane l JOIN booking b ON b.id = l.booking_id"
                        " WHERE b.number = ?", no) == "arrived"
    # The officer sees whom to reach: the address the code went to.
    page = kor.get("/skr/ebt/%d/bookings/%s" % (KOR, no))
    assert page.status_code == 200
    assert re.search(r'<span id="guest">booked without an account: %s</span>' % re.escape(mail), page.text)


def test_wrong_code_then_too_many_tries(stack):
    mail = email()
    c, r = ask(stack, local(plus_days=11)[0], 13, mail)
    token = token_of(r)
    code = code_in(stack.outbox(mail)[1])
    wrong = "%06d" % ((int(code) + 1) % 1000000)
    r = confirm(c, token, wrong)
    assert r.status_code == 422 and field_error(r.text, "code")
    assert stack.scalar("SELECT attempts FROM ebt_guest_request WHERE email = ?", mail) == "1"
    for _ in range(3):
        assert confirm(c, token, wrong).status_code == 422
    r = c.post("/ebt/guest/confirm", {"r": token, "code": wrong})  # the fifth
    assert r.status_code == 410 and "can no longer be confirmed" in r.text
    # the request is dead: the right code does not book any more
    r = c.post("/ebt/guest/confirm", {"r": token, "code": code})
    assert r.status_code == 410
    assert c.get("/ebt/guest/confirm?r=%s" % token).status_code == 404
    assert guest_bookings(stack, mail) == 0


def test_expired_request_refused(stack):
    mail = email()
    c, r = ask(stack, local(plus_days=11)[0], 14, mail)
    token = token_of(r)
    code = code_in(stack.outbox(mail)[1])
    stack.sql("UPDATE ebt_guest_request SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND"
              " WHERE email = ?", mail)
    assert c.get("/ebt/guest/confirm?r=%s" % token).status_code == 404
    r = c.post("/ebt/guest/confirm", {"r": token, "code": code})
    assert r.status_code == 410
    assert guest_bookings(stack, mail) == 0


def test_unknown_token_404(stack):
    c = stack.client()
    assert c.get("/ebt/guest/confirm?r=%s" % ("0" * 32)).status_code == 404
    assert c.get("/ebt/guest/confirm?r=nothex").status_code == 404
    c.get("/ebt/guest")
    assert c.post("/ebt/guest/confirm", {"r": "0" * 32, "code": "123456"}).status_code == 404


def test_daily_limit_per_email(stack):
    mail = email()
    day = local(plus_days=12)[0]
    for hour in (9, 10, 11):
        token_of(ask(stack, day, hour, mail)[1])
    assert requests_of(stack, mail) == 3
    outbox0 = stack.count("outbox", "recipient = ?", mail)
    # the same address in capitals is the same address
    _, r = ask(stack, day, 12, mail.upper())
    assert r.status_code == 429
    assert "as many bookings without an account" in (field_error(r.text, "email") or "")
    assert requests_of(stack, mail) == 3
    assert stack.count("outbox", "recipient = ?", mail) == outbox0


@pytest.mark.parametrize("name,value", [
    ("email", "not-an-email"),
    ("phone", "call me"),
    ("plate", "!!"),
    ("mrns", "26PL00000000000001"),     # wrong check character
    ("hour", "24"),
    ("day", "2026-02-30"),
    ("crossing", "99"),
])
def test_bad_field_stores_nothing(stack, name, value):
    slot = {"day": local(plus_days=12)[0], "hour": 13, "email": email()}
    over = {}
    if name in slot:
        slot[name] = value
    else:
        over[name] = value
    n0 = stack.count("ebt_guest_request")
    o0 = stack.count("outbox")
    _, r = ask(stack, slot["day"], slot["hour"], slot["email"], **over)
    assert r.status_code == 422, (name, r.status_code)
    assert field_error(r.text, name), (name, value)
    assert stack.count("ebt_guest_request") == n0
    assert stack.count("outbox") == o0


def test_no_csrf_stores_nothing(stack):
    mail = email()
    c = stack.client()
    c.get("/ebt/guest")
    r = c.post("/ebt/guest", data(local(plus_days=12)[0], 14, mail), csrf=False)
    assert r.status_code == 403
    assert requests_of(stack, mail) == 0
    assert stack.count("outbox", "recipient = ?", mail) == 0


def test_full_hour_refused_on_request_and_on_confirm(stack):
    day = local(plus_days=13)[0]
    # a request while the hour has a place, then the hour fills up
    mail = email()
    c, r = ask(stack, day, 15, mail)
    token = token_of(r)
    code = code_in(stack.outbox(mail)[1])
    # arrange: every place of the hour taken (capacity = booked would read
    # as closed when nothing was booked)
    stack.sql("UPDATE slot SET booked = capacity WHERE crossing_id = 2 AND day = ? AND hour = 15", day)
    r = confirm(c, token, code)
    assert r.status_code == 409 and "This hour is full" in r.text
    assert guest_bookings(stack, mail) == 0
    # a new request for the full hour is refused beside the hour
    mail2 = email()
    _, r = ask(stack, day, 15, mail2)
    assert r.status_code == 422 and "This hour is full" in (field_error(r.text, "hour") or "")
    assert requests_of(stack, mail2) == 0


def test_polish_pages_and_code_mail(stack):
    mail = email()
    c = stack.client("pl")
    page = c.get("/ebt/guest")
    assert page.status_code == 200 and "Jednorazowa rezerwacja bez konta" in page.text
    r = c.post("/ebt/guest", data(local(plus_days=14)[0], 10, mail))
    token = token_of(r)
    subject, body = stack.outbox(mail)
    assert "kod" in subject and "Kod potwierdzenia rezerwacji" in body
    page = c.get("/ebt/guest/confirm?r=%s" % token)
    assert page.status_code == 200 and "Potwierdź rezerwację" in page.text


def test_one_client_address_is_rate_limited(stack):
    """nginx limits the guest POSTs per client address (zone "guest": the
    test stack allows 600/min with a burst of 60): a client firing many
    requests is answered 429 and nothing reaches the program. Last in this
    file: it empties the address's allowance for a few seconds."""
    import requests
    before = int(stack.scalar("SELECT COUNT(*) FROM ebt_guest_request"))
    mail = email()
    codes = [requests.post(stack.base + "/ebt/guest", data=data(local(plus_days=15)[0], 9, mail),
                           allow_redirects=False, timeout=30).status_code
             for _ in range(150)]
    assert 429 in codes
    # Without a CSRF token the rest were refused by the program itself.
    assert set(codes) <= {403, 429}
    assert int(stack.scalar("SELECT COUNT(*) FROM ebt_guest_request")) == before
