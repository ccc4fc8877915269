"""test_portal_home.py: a signed-in person's home page (/) says what to
do next, never "Open an account" (issue 13): the registration's state
(none: start it; waiting: since when; approved: ID SISC and what follows),
the companies acted for with their EORI and what the person may do there,
the bookings to come, certificates expiring within 30 days; every link it
offers opens for that person."""
import re

import ebt_lib as E
import ecustomer_lib as C
from ecustomer_lib import ANNA, app_id_of, new_account, submit_person
from test_present import local, visible
from zsog import portal_client, staff_client, unique

OPEN_ACCOUNT = "Open an account, register yourself"


def section(page, sid):
    m = re.search(r'<article class="card" id="%s">(.*?)</article>' % sid, page, re.S)
    return m.group(1) if m else None


def links_open(client, page):
    """Every link of the home's cards answers 200 to the same person."""
    m = re.search(r'<section class="cards" id="next">(.*?)</section>', page, re.S)
    assert m, "no next steps"
    hrefs = set(re.findall(r'href="([^"]+)"', m.group(1)))
    assert hrefs
    for href in hrefs:
        assert client.get(href.replace("&amp;", "&")).status_code == 200, href
    return hrefs


def test_anonymous_home_is_the_portal_s_presentation(stack):
    page = stack.client().get("/").text
    assert OPEN_ACCOUNT in page and 'id="next"' not in page


def test_without_registration_the_home_says_register(stack):
    c = new_account(stack)
    r = c.get("/")
    assert r.status_code == 200
    assert OPEN_ACCOUNT not in r.text
    reg = visible(section(r.text, "home-reg"))
    assert reg.startswith("Your registration You have not registered yourself yet")
    assert '<a class="button" href="/ecustomer/person">Register yourself</a>' in r.text
    assert section(r.text, "home-bookings") is None      # no eBT before approval
    assert links_open(c, r.text) == {"/ecustomer/person"}


def test_waiting_registration_says_since_when(stack):
    c = new_account(stack)
    app = app_id_of(submit_person(c))
    since = stack.scalar("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s')"
                         " FROM application WHERE id = ?", app)
    for lang, text in (
            ("en", "Your registration waits for the customs office's decision since %s (submitted)."),
            ("pl", "Twoja rejestracja czeka na decyzję urzędu celnego od %s (złożony).")):
        c.http.headers["Accept-Language"] = lang
        page = c.get("/").text
        assert (text % local(since)) in visible(section(page, "home-reg"))
    assert links_open(c, page) == {"/ecustomer/"}


def test_approved_person_sees_companies_bookings_and_expiring_certificates(stack):
    anna = portal_client(stack, ANNA)
    person = int(stack.scalar("SELECT p.id FROM person p JOIN portal_account a"
                              " ON a.id = p.account_id WHERE a.email = ?", ANNA))
    day, _ = E.local(plus_days=5)
    number = E.number_of(E.book(anna, E.KOR, day, 11))
    serial = unique("HOME").upper()
    stack.sql("INSERT INTO certificate (serial_hex, person_id, subject_dn, pem, not_before,"
              " not_after, created_at) VALUES (?, ?, 'CN=x', 'x', UTC_TIMESTAMP(),"
              " UTC_TIMESTAMP() + INTERVAL 10 DAY, UTC_TIMESTAMP())", serial, person)
    until = stack.scalar("SELECT DATE_FORMAT(not_after, '%Y-%m-%d %H:%i:%s') FROM certificate"
                         " WHERE serial_hex = ?", serial)
    page = anna.get("/").text
    assert OPEN_ACCOUNT not in page
    sisc = stack.scalar("SELECT id_sisc FROM person WHERE id = ?", person)
    assert re.search(r'<dd id="home-sisc">%s</dd>' % sisc, page)
    acts = visible(section(page, "home-acts"))
    assert ("Trans-Pol Sp. z o.o. · EORI PL526025027400000 You may: Book the export"
            " border service (eBT), View the company's bookings") in acts
    # The five soonest of hers still to come (the demo data has some).
    soonest = stack.sql("SELECT number, day, hour, crossing_id FROM booking"
                        " WHERE person_id = ? AND day >= ? AND status IN"
                        " ('booked', 'arrived', 'called') ORDER BY start_utc, id LIMIT 5",
                        person, E.local()[0])
    assert number in [b[0] for b in stack.sql(
        "SELECT number FROM booking WHERE person_id = ?", person)]
    bookings = section(page, "home-bookings")
    assert re.findall(r'data-number="([A-Z0-9-]+)"', bookings) == [b[0] for b in soonest]
    first, fday, fhour, fcrossing = soonest[0]
    name = {"1": "Grzechotki – Mamonovo II", "2": "Kukuryki – Koroszczyn"}[fcrossing]
    assert ('<a href="/ebt/bookings/%s" class="nowrap">%s</a>' % (first, first)) in bookings
    assert ("%s · %s %02d:00 · %s" % (first, fday, int(fhour), name)) in visible(bookings)
    assert (fday == E.local()[0]) == ("today %s" % first in visible(bookings))
    certs = visible(section(page, "home-certs"))
    assert "%s · valid until %s" % (serial, local(until)) in certs
    hrefs = links_open(anna, page)
    assert {"/ecustomer/company/1", "/ebt/", "/ebt/bookings/%s" % first,
            "/ecustomer/certificates"} <= hrefs
    # Polish words, no codes.
    pl = visible(portal_client(stack, ANNA, lang="pl").get("/").text)
    assert "Możesz: Rezerwacja usługi granicznej (eBT)" in pl
    for code in ("ebt_book", "approved", "booked", "extended"):
        assert code not in pl


def test_home_shows_a_booking_change_at_once(stack):
    """Each worker keeps a person's home for a second (ui-home.c), but
    never past a change: a booking cancelled after the home was shown by
    every worker is gone from the very next view. A new person and
    company, so no other test's bookings crowd the five the home lists."""
    officer = staff_client(stack, "rejestracja.poznan")
    owner = C.approved_person(stack, officer)
    cid = C.approved_company(stack, officer, owner)
    day, _ = E.local(plus_days=2)
    number = E.number_of(E.book(owner, E.KOR, day, 12, company=cid))
    for _ in range(12):     # every worker has a copy with the booking
        assert 'data-number="%s"' % number in section(owner.get("/").text, "home-bookings")
    r = owner.post("/ebt/bookings/%s/cancel" % number, {"confirm": "1"}, allow_redirects=False)
    assert r.status_code == 303
    for _ in range(12):
        assert 'data-number="%s"' % number not in (section(owner.get("/").text, "home-bookings") or "")
