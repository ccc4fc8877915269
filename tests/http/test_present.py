"""test_present.py: what a person reads: messages found in the language
files (never their keys), codes shown as words in both languages, Polish
plural forms, Warsaw time where the database keeps UTC, a cancelled
booking without its ticket, an application's history without doubled
rows, the favicon. Every assertion is on the visible text of a page."""
import datetime
import html
import re
import zoneinfo

import pytest

import ebt_lib as E
import ingest_lib as L
from ecustomer_lib import app_id_of, new_account, submit_person
from test_ingest_watch import alerts_for, plate_event
from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
ANNA = "anna.kowalska@demo.zsog.pl"


def visible(page_html):
    """The text a person sees in <main>, one space between words."""
    m = re.search(r"<main[^>]*>(.*)</main>", page_html, re.S)
    t = m.group(1) if m else page_html
    t = re.sub(r"<(script|style)\b.*?</\1>", " ", t, flags=re.S)
    t = html.unescape(re.sub(r"<[^>]+>", " ", t))
    return re.sub(r"\s+", " ", t).strip()


def dd(page_html, dd_id):
    m = re.search(r'<dd id="%s"[^>]*>(.*?)</dd>' % re.escape(dd_id), page_html, re.S)
    assert m, "no dd#%s" % dd_id
    return visible(m.group(1))


def local(utc):
    """A UTC 'YYYY-MM-DD HH:MM[:SS]' from the database in Warsaw time."""
    fmt = "%Y-%m-%d %H:%M:%S" if len(utc) > 16 else "%Y-%m-%d %H:%M"
    t = datetime.datetime.strptime(utc[:19], fmt).replace(tzinfo=datetime.timezone.utc)
    return t.astimezone(WARSAW).strftime(fmt)


def staff(stack, login, lang="en"):
    c = staff_client(stack, login)
    c.http.headers["Accept-Language"] = lang
    return c


# --- messages come from the language files, whatever form the key has ---

@pytest.mark.parametrize("lang,message", [
    ("en", "This cannot be a number of that kind (letters and digits; a person needs a name)"),
    ("pl", "To nie może być numer tego rodzaju (litery i cyfry; osoba wymaga imienia i nazwiska)"),
])
def test_register_bad_number_names_the_problem(stack, lang, message):
    g = staff(stack, "grzechotki", lang)
    r = g.get("/skr/register", params={"kind": "plate", "q": "<b>x</b>"})
    assert r.status_code == 422
    assert field_error(r.text, "q") == message
    assert "ingest_value" not in r.text


def test_watch_entry_period_names_the_problem(stack):
    a = staff(stack, "analityk")
    before = stack.count("watch_entry")
    r = a.submit("/skr/watchlist/new", "/skr/watchlist/new", {
        "subject": "plate", "value": "AB 12345", "reason": "a test", "action": "report",
        "priority": "3", "valid_from": "2026-06-01", "valid_to": "2026-05-01"})
    assert r.status_code == 422
    assert field_error(r.text, "valid_to") == "The end of the period must not be before its start"
    assert "ingest_period" not in r.text
    assert stack.count("watch_entry") == before


def test_too_long_says_the_limit(stack):
    for lang, message in (("en", "This is too long: at most 100 characters"),
                          ("pl", "Wartość jest za długa: najwyżej 100 znaków")):
        c = stack.client(lang)
        r = c.submit("/portal/signup", "/portal/signup", {
            "first_name": "x" * 101, "last_name": "Nowak", "country": "PL",
            "email": "too-long@example.com", "phone": "+48 601 222 333",
            "password": "Pierwsze-Haslo-1", "password2": "Pierwsze-Haslo-1"})
        assert r.status_code == 422
        assert field_error(r.text, "first_name") == message


# --- a cancelled booking has no ticket; a valid one prints without inline script ---

def test_cancelled_booking_offers_no_ticket(stack):
    anna = portal_client(stack, ANNA)
    day, _ = E.local(plus_days=6)
    no = E.number_of(E.book(anna, E.KOR, day, 13))
    page = anna.get("/ebt/bookings/%s" % no).text
    assert 'id="qr"' in page and 'id="ics"' in page
    assert '<button type="button" class="print" id="print" hidden>Print</button>' in page
    assert '<script src="/static/print.js" defer></script>' in page
    assert "javascript:" not in page
    assert anna.post("/ebt/bookings/%s/cancel" % no, {"reason": "", "confirm": "1"}).status_code == 303
    page = anna.get("/ebt/bookings/%s" % no).text
    assert dd(page, "when") == "%s 13:00 (local time)" % day
    assert 'id="qr"' not in page and "/qr.svg" not in page
    assert 'id="ics"' not in page and "/ics" not in page
    assert 'id="print"' not in page
    assert ("This booking is no longer valid: it has no code to show or print."
            in visible(page))


def test_guest_confirmation_prints_without_inline_script(stack):
    text = open(stack.root + "/templates/ebt/guest-done.cs").read()
    assert "javascript:" not in text
    assert 'set:Page.Script = "print.js"' in text and 'class="print"' in text


# --- an application's history: each row once, in words, in local time ---

def test_new_application_shows_submitted_once(stack):
    c = new_account(stack)
    app = app_id_of(submit_person(c))
    page = c.get("/ecustomer/applications/%d" % app).text
    history = page[page.index("<tbody>", page.index('class="list history')):]
    rows = re.findall(r"<tr>(.*?)</tr>", history, re.S)
    assert len(rows) == 1, rows
    cells = [visible(x) for x in re.findall(r"<td[^>]*>(.*?)</td>", rows[0], re.S)]
    created = stack.scalar("SELECT DATE_FORMAT(changed_at, '%Y-%m-%d %H:%i:%s')"
                           " FROM change_history WHERE entity = 'application'"
                           " AND entity_id = ?", app)
    assert cells == [local(created), "Status", "", "submitted", "Test Osoba"]


def test_company_history_in_words(stack):
    anna = portal_client(stack, ANNA, lang="pl")
    page = anna.get("/ecustomer/company/1").text
    text = visible(page[page.index('class="list history'):])
    # seeded: 2026-01-07 09:00 UTC, status under_review -> approved
    assert "2026-01-07 10:00:00 Status w rozpatrzeniu zatwierdzony Piotr Nowak" in text
    assert ("Przedstawicielstwo Agencja Celna Graniczna Sp. z o.o.: Rezerwacja usługi"
            " granicznej (eBT), Podgląd rezerwacji firmy, Składanie zgłoszeń, Wymiana"
            " komunikatów XML (2026-01-10 – …)") in text
    for code in ("under_review", "approved", "ebt_book", "xml_exchange", "representation"):
        assert code not in text
    en = portal_client(stack, ANNA, lang="en").get("/ecustomer/company/1").text
    text = visible(en[en.index('class="list history'):])
    assert "2026-01-07 10:00:00 Status under review approved Piotr Nowak" in text
    assert "Representation Agencja Celna Graniczna Sp. z o.o.: Book the export border" in text


def test_ecustomer_home_in_words(stack):
    page = portal_client(stack, ANNA, lang="pl").get("/ecustomer/").text
    assert "ID SISC PLP00000000018 Zakres rozszerzony " in visible(page)
    acts = visible(page[page.index('id="acts"'):page.index('id="apps"')])
    assert ("Rezerwacja usługi granicznej (eBT) Podgląd rezerwacji firmy Aktualizacja"
            " danych firmy Zarządzanie reprezentantami Podgląd wszystkich reprezentantów"
            " Składanie zgłoszeń Wymiana komunikatów XML") in acts
    assert "ebt_book" not in acts and "company_update" not in acts
    # seeded application 1: 2026-01-05 09:00 UTC
    assert "rejestracja osoby Anna Kowalska zatwierdzony 2026-01-05 10:00:00" in visible(page)
    page = portal_client(stack, ANNA, lang="en").get("/ecustomer/").text
    assert "ID SISC PLP00000000018 Scope extended " in visible(page)
    assert "Book the export border service (eBT) View the company's bookings" in visible(page)


def test_countries_by_name(stack):
    anna = portal_client(stack, ANNA, lang="pl")
    person = visible(anna.get("/ecustomer/person").text)
    assert "Kraj zamieszkania Polska" in person
    assert "Zakres rejestracji rozszerzony" in person
    company = visible(anna.get("/ecustomer/company/1").text)
    assert "Adres Towarowa 7, 10-001 Olsztyn, Polska" in company
    en = visible(portal_client(stack, ANNA).get("/ecustomer/company/1").text)
    assert "Address Towarowa 7, 10-001 Olsztyn, Poland" in en


def test_office_checks_name_fields(stack):
    r = staff(stack, "rejestracja.poznan", "pl")
    # seeded: Maria's person application 100, Piotr's company application 101
    person = r.get("/skr/ecustomer/applications/100").text
    start = person.index('class="list checks')
    checks = visible(person[start:person.index("</table>", start)])
    assert "PESEL" in checks and "Telefon" in checks and "E-mail" in checks
    assert not re.search(r"\b(pesel|phone|email)\b", checks)
    company = r.get("/skr/ecustomer/applications/101").text
    start = company.index('class="list checks')
    checks = visible(company[start:company.index("</table>", start)])
    assert "Telefon kontaktowy" in checks and "E-mail kontaktowy" in checks
    assert "Rachunek bankowy (IBAN)" in checks
    assert not re.search(r"\b(contact_phone|contact_email|iban|nip|regon)\b", checks)


# --- the register and alerts: words and local time ---

def test_register_history_in_words_and_local_time(stack):
    plate = "WX 1234B"
    ev = plate_event(stack, plate)
    alert = int(alerts_for(stack, ev)[0][0])
    g = staff(stack, "grzechotki", "pl")
    g.get("/skr/alerts/%d" % alert)
    assert g.post("/skr/alerts/%d/ack" % alert, {}).status_code == 303
    g.get("/skr/alerts/%d" % alert)
    assert g.post("/skr/alerts/%d/inspect" % alert, {"officer": "4", "lane": "T1"}).status_code == 303
    g.get("/skr/alerts/%d" % alert)
    assert g.post("/skr/alerts/%d/close" % alert,
                  {"outcome": "handed_over", "notes": ""}).status_code == 303
    t = stack.scalar("SELECT DATE_FORMAT(t, '%Y-%m-%d %H:%i:%s') FROM event WHERE id = ?", ev)
    page = g.get("/skr/register", params={"kind": "plate", "q": plate}).text
    row = re.search(r"<tr[^>]*>(<td[^>]*>%s</td>.*?)</tr>" % re.escape(local(t)),
                    page[page.index('id="history"'):], re.S)
    assert row, "no row at %s (local time of %s UTC)" % (local(t), t)
    text = visible(row.group(1))
    # The crossing, the lane's kind and the country by name (no codes).
    assert "Grzechotki – Mamonowo II, pas T1 (ciężarowe) wjazd WX 1234B (Polska)" in text
    assert "GRZ /" not in text and "(PL)" not in text
    assert "Alarm %d: zamknięty, przekazano innej służbie" % alert in text
    assert "handed_over" not in text and "closed" not in text and "entry" not in text
    # The alert itself: raised, read and each step in local time; the country by name.
    created = stack.scalar("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM alert"
                           " WHERE id = ?", alert)
    page = g.get("/skr/alerts/%d" % alert).text
    facts = visible(page)
    assert "Zgłoszono (czas lokalny) %s" % local(created) in facts
    assert "Odczyt (czas lokalny) %s" % local(t) in facts
    assert "Kraj Polska" in facts
    assert "Stan zamknięty: przekazano innej służbie" in facts
    listing = visible(g.get("/skr/alerts").text)
    assert local(created) in listing


def test_booking_history_in_local_time(stack):
    anna = portal_client(stack, ANNA)
    day, _ = E.local(plus_days=7)
    no = E.number_of(E.book(anna, E.KOR, day, 14))
    at = stack.scalar("SELECT DATE_FORMAT(h.at, '%Y-%m-%d %H:%i') FROM booking_history h"
                      " JOIN booking b ON b.id = h.booking_id WHERE b.number = ?", no)
    page = anna.get("/ebt/bookings/%s" % no).text
    history = visible(page[page.index('<ul id="history">'):page.index('</ul>', page.index('<ul id="history">'))])
    assert history.startswith("%s: booked" % local(at)), history
    assert "UTC" not in history
    assert "History (local time)" in visible(page)


# --- Polish plural forms, English sentences, one word for alerts ---

@pytest.mark.parametrize("i,packages,word", [
    (0, 1, "opakowanie"), (1, 3, "opakowania"), (2, 12, "opakowań"), (3, 22, "opakowania"),
    (4, 25, "opakowań"), (5, 112, "opakowań"),
])
def test_packages_in_polish_plural(stack, i, packages, word):
    anna = portal_client(stack, ANNA, lang="pl")
    day, _ = E.local(plus_days=10 + i)
    no = E.number_of(E.book(anna, E.KOR, day, 17, packages=str(packages)))
    page = anna.get("/ebt/bookings/%s" % no).text
    assert "Meble drewniane; 18000 kg, %d %s" % (packages, word) in visible(page)


def polish_form(n):
    if n == 1:
        return "one"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "few"
    return "many"


def test_calendar_free_places_in_polish_plural(stack):
    anna = portal_client(stack, ANNA, lang="pl")
    page = anna.get("/ebt/calendar?company=%d&crossing=%d" % (E.TRANSPOL, E.KOR)).text
    words = {"one": "wolne", "few": "wolne", "many": "wolnych"}
    tiles = re.findall(r'<span class="n">(\d+) (\w+)</span>', page)
    assert tiles
    for n, w in tiles:
        assert w == words[polish_form(int(n))], (n, w)


def test_english_sentences(stack):
    anna = portal_client(stack, ANNA)
    day, _ = E.local(plus_days=9)
    no = E.number_of(E.book(anna, E.KOR, day, 15))
    page = anna.get("/ebt/bookings/%s" % no).text
    assert ("Changes and cancellation are possible until 120 minutes before the booked hour."
            in visible(page))
    pl = visible(portal_client(stack, ANNA, lang="pl").get("/ebt/bookings/%s" % no).text)
    assert "Zmiana i anulowanie są możliwe najpóźniej 120 minut przed zarezerwowaną godziną." in pl
    # The password-reset mail names the minutes in a sentence (in the
    # language the account reads, test_mail_lang.py: here English).
    stack.sql("UPDATE portal_account SET lang = 'en' WHERE email = ?",
              "ewa.zielinska@demo.zsog.pl")
    c = stack.client()
    assert c.submit("/portal/reset", "/portal/reset",
                    {"email": "ewa.zielinska@demo.zsog.pl"}).status_code == 303
    _, body = stack.outbox("ewa.zielinska@demo.zsog.pl")
    assert "The link works once, for 60 minutes." in body


def test_alerts_are_one_word_in_menu_and_page(stack):
    g = staff(stack, "grzechotki", "pl")
    page = g.get("/skr/alerts").text
    assert '<a href="/skr/alerts">Alarmy</a>' in page
    assert "<h1>Alarmy</h1>" in page
    assert "Alerty" not in page
    dash = g.get("/skr/").text
    assert ">Alarmy</a></h3>" in dash and "Alerty" not in dash


def test_crossing_names_where_names_belong(stack):
    anna = portal_client(stack, ANNA)
    page = anna.get("/ebt/").text
    table = page[page.index('id="bookings"'):]
    names = [stack.scalar("SELECT name_en FROM crossing WHERE code = ?", code)
             for code in ("GRZ", "KOR")]
    assert re.search(r'data-label="Crossing">(%s)</td>' % "|".join(map(re.escape, names)), table)
    assert not re.search(r'<td[^>]*>(GRZ|KOR)</td>', table)
    k = staff(stack, "koroszczyn")
    assert ("<h1>Crossing configuration: %s</h1>" % names[1]
            in k.get("/skr/ebt/2/config").text)


def test_favicon_is_an_icon(stack):
    import requests
    r = requests.get(stack.base + "/favicon.ico")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "image/x-icon"
    assert r.content[:4] == b"\x00\x00\x01\x00" and len(r.content) > 1000
