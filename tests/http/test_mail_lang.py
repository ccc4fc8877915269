"""test_mail_lang.py: mail goes in the recipient's language, remembered
from their account (issue 13): a portal account reads the language it
signed up in, an officer the one they last switched to while signed in
(staff.lang, migration 0071, 'pl' until then); whoever acts and whatever
page they work in. And the development outbox makes this site's links
clickable, escaped, and nothing else a link."""
import re
import time

import requests

from ecustomer_lib import app_id_of, decide, new_account, submit_person, take
from test_ingest_watch import alerts_for, new_entry, plate_event
from test_ingest_watch import decide as decide_entry
from zsog import staff_client, unique

EN_STATUS = "e-Customer: the status of your application"
PL_STATUS = "e-Klient: status Twojego wniosku"
EN_HIT = "Your unit's watch-list entry: a hit"
PL_HIT = "Zastrzeżenie Twojej jednostki: trafienie"


def officer(stack, login, lang):
    """An officer signed in (the browser says English), then working in
    lang: the layout's switch, ?lang=."""
    c = staff_client(stack, login)
    r = c.get("/skr/", params={"lang": lang})
    assert r.status_code == 200 and ('<html lang="%s"' % lang) in r.text
    return c


def test_switching_language_while_signed_in_is_remembered(stack):
    c = officer(stack, "koroszczyn", "en")
    assert stack.scalar("SELECT lang FROM staff WHERE login = 'koroszczyn'") == "en"
    c.get("/skr/ebt/", params={"lang": "pl"})     # another program's page
    assert stack.scalar("SELECT lang FROM staff WHERE login = 'koroszczyn'") == "pl"
    # The browser's Accept-Language alone remembers nothing.
    c.http.headers["Accept-Language"] = "en"
    c.get("/skr/")
    assert stack.scalar("SELECT lang FROM staff WHERE login = 'koroszczyn'") == "pl"
    p = new_account(stack)                       # signed up in English
    assert stack.scalar("SELECT lang FROM portal_account WHERE email = ?", p.email) == "en"
    assert p.get("/ecustomer/", params={"lang": "pl"}).status_code == 200
    assert stack.scalar("SELECT lang FROM portal_account WHERE email = ?", p.email) == "pl"


def test_polish_officer_approves_in_the_applicant_s_english(stack):
    applicant = new_account(stack)               # signs up on English pages
    app = app_id_of(submit_person(applicant))
    reg = officer(stack, "rejestracja.poznan", "pl")
    assert take(reg, app).status_code == 303
    assert decide(reg, app).status_code == 303
    subject, body = stack.outbox(applicant.email)
    assert subject == EN_STATUS
    assert "is now: approved." in body
    # The officer's own page stayed Polish.
    assert '<html lang="pl"' in reg.get("/skr/ecustomer/queue").text
    # An applicant who reads Polish gets Polish from an English officer.
    pl = new_account(stack)
    pl.get("/ecustomer/", params={"lang": "pl"})
    app = app_id_of(submit_person(pl))
    en = officer(stack, "rejestracja.poznan", "en")
    assert take(en, app).status_code == 303
    assert decide(en, app, "reject", "Brak dokumentu").status_code == 303
    subject, body = stack.outbox(pl.email)
    assert subject == PL_STATUS and "to teraz: odrzucony." in body


def test_reset_mail_in_the_account_s_language(stack):
    p = new_account(stack)                       # English
    c = stack.client("pl")                       # asked from a Polish page
    r = c.submit("/portal/reset", "/portal/reset", {"email": p.email})
    assert r.status_code == 303
    assert stack.outbox(p.email)[0] == "Setting a new password"


def test_unit_s_officers_told_each_in_their_language(stack):
    """A notify_unit entry of Biała Podlaska (unit 21), hit: the officer
    who works in English gets English, the one in Polish Polish."""
    pw = stack.scalar("SELECT pwhash FROM staff WHERE login = 'admin'")
    login = unique("en")
    stack.sql("INSERT INTO staff (login, email, full_name, pwhash, unit_id, created_at)"
              " VALUES (?, ?, 'Emma English', ?, 21, UTC_TIMESTAMP())",
              login, login + "@skr.example", pw)
    sid = int(stack.scalar("SELECT id FROM staff WHERE login = ?", login))
    stack.sql("INSERT INTO staff_role (staff_id, role) VALUES (?, 'risk'), (?, 'watchlist')",
              sid, sid)
    writer = officer(stack, login, "en")
    officer(stack, "rejestracja2", "pl")
    plate = "EN %04dL" % (int(time.time()) % 10000)
    entry = new_entry(writer, plate, action="notify_unit")
    assert decide_entry(staff_client(stack, "analityk"), entry, "approve").status_code == 303
    ev = plate_event(stack, plate)
    (alert,) = [int(x[0]) for x in alerts_for(stack, ev)]
    subject, body = stack.outbox(login + "@skr.example")
    assert subject == EN_HIT
    assert "Alert no. %d\n" % alert in body
    subject, body = stack.outbox("katarzyna.wojcik@skr.demo.zsog.pl")
    assert subject == PL_HIT
    assert "Alert nr %d\n" % alert in body


def test_outbox_links_are_this_site_s_only(stack):
    applicant = new_account(stack)
    app = app_id_of(submit_person(applicant))
    reg = staff_client(stack, "rejestracja.poznan")
    assert take(reg, app).status_code == 303
    page = requests.get(stack.base + "/dev/outbox", params={"to": applicant.email}).text
    link = "%s/ecustomer/applications/%d" % (stack.base, app)
    assert ('<a href="/ecustomer/applications/%d">%s</a>' % (app, link)) in page
    # Another site's address and markup in a mail stay text, escaped.
    stack.sql("INSERT INTO outbox (created_at, recipient, subject, body, lang)"
              " VALUES (UTC_TIMESTAMP(), 'links@example.com', 's',"
              " ?, 'en')",
              'see https://evil.example/x and %s/portal/signin?a=1&b="<i>. end' % stack.base)
    page = requests.get(stack.base + "/dev/outbox", params={"to": "links@example.com"}).text
    body = re.search(r'<pre class="body">(.*?)</pre>', page, re.S).group(1)
    assert body == ('see https://evil.example/x and <a href="/portal/signin?a=1&amp;b=">'
                    '%s/portal/signin?a=1&amp;b=</a>&quot;&lt;i&gt;. end' % stack.base), body
