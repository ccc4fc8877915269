"""test_confirm.py: a destructive action asks first, without JavaScript.
Its POST without confirm=1 changes nothing and answers the confirmation
step (200): the question in words naming what will happen, a danger "Yes"
button posting the same form again with confirm=1, and a "No, go back"
link; with confirm=1 it acts. After a booking is moved or cancelled, the
page the user lands on says that it worked."""
import html
import re
import time

import ebt_lib as E
from zsog import portal_client, staff_client


def visible(page_html):
    """The text a person sees in <main>, one space between words."""
    m = re.search(r"<main[^>]*>(.*)</main>", page_html, re.S)
    t = m.group(1) if m else page_html
    t = html.unescape(re.sub(r"<[^>]+>", " ", t))
    return re.sub(r"\s+", " ", t).strip()


def step(r):
    """The confirmation step of a response: question, yes, back, the
    form's action and its hidden fields; asserts it is one."""
    assert r.status_code == 200, (r.status_code, r.text[:400])
    assert 'id="confirm-step"' in r.text, r.text[:400]
    q = re.search(r'<h1 id="confirm-question">(.*?)</h1>', r.text, re.S).group(1)
    yes = re.search(r'<button type="submit" class="danger" id="confirm-yes">(.*?)</button>',
                    r.text, re.S).group(1)
    back = re.search(r'<a class="button secondary" href="([^"]*)" id="confirm-back">(.*?)</a>',
                     r.text, re.S)
    form = re.search(r'<form method="post" action="([^"]*)" id="confirm-form"', r.text).group(1)
    hidden = {html.unescape(k): html.unescape(v) for k, v in re.findall(
        r'<input type="hidden" name="([^"]*)" value="([^"]*)">', r.text)}
    return {"question": html.unescape(q), "yes": html.unescape(yes),
            "back": html.unescape(back.group(1)), "back_text": html.unescape(back.group(2)),
            "action": html.unescape(form), "hidden": hidden}


def status_of(stack, no):
    return stack.scalar("SELECT CONCAT(status, ' ', day, ' ', hour) FROM booking WHERE number = ?", no)


# --- a booking: cancel asks, then cancels and says so; a move says so ---

def test_booking_cancel_asks_first_in_both_languages(stack):
    anna = E.portal(stack, E.ANNA)
    day = E.local(plus_days=7)[0]
    no = E.number_of(E.book(anna, E.KOR, day, 14))
    before = status_of(stack, no)
    mails = len(stack.mails(E.ANNA))
    pl = portal_client(stack, E.ANNA, lang="pl")
    pl.get("/ebt/bookings/%s" % no)
    s = step(pl.post("/ebt/bookings/%s/cancel" % no, {"reason": ""}))
    assert s["question"] == "Anulować rezerwację %s na %s 14:00 (przejście Kukuryki – Koroszczyn)?" % (no, day)
    assert s["yes"] == "Tak, anuluj rezerwację" and s["back_text"] == "Nie, wróć"
    assert status_of(stack, no) == before

    anna.get("/ebt/bookings/%s" % no)
    r = anna.post("/ebt/bookings/%s/cancel" % no, {"reason": ""})
    s = step(r)
    assert s["question"] == "Cancel booking %s for %s 14:00 at Kukuryki – Koroszczyn?" % (no, day)
    assert s["yes"] == "Yes, cancel the booking"
    assert s["back"] == "/ebt/bookings/%s" % no and s["back_text"] == "No, go back"
    assert s["action"] == "/ebt/bookings/%s/cancel" % no
    assert s["hidden"] == {"csrf": anna.csrf, "reason": "", "confirm": "1"}
    assert "Nothing has been changed yet." in visible(r.text)
    assert status_of(stack, no) == before == "booked %s 14" % day
    assert len(stack.mails(E.ANNA)) == mails
    # "No, go back" is a plain link to the booking, still booked.
    back = anna.get(s["back"])
    assert back.status_code == 200 and 'data-status="booked"' in back.text

    # "Yes": the step's own form, as a browser sends it.
    r = anna.post(s["action"], s["hidden"])
    assert r.status_code == 303
    assert r.headers["Location"] == "/ebt/bookings/%s?done=cancelled" % no
    assert status_of(stack, no) == "cancelled %s 14" % day
    page = anna.follow(r)
    assert page.status_code == 200
    assert ('<p class="notice" role="status">The booking has been cancelled; '
            "a confirmation was sent by e-mail.</p>") in page.text
    # The note is for the one who acted, not part of the booking's page.
    assert "has been cancelled" not in anna.get("/ebt/bookings/%s" % no).text
    assert 'class="notice"' not in anna.get("/ebt/bookings/%s?done=%%3Cb%%3E" % no).text


def test_booking_move_says_it_worked(stack):
    anna = E.portal(stack, E.ANNA)
    day = E.local(plus_days=7)[0]
    no = E.number_of(E.book(anna, E.KOR, day, 15))
    anna.get("/ebt/bookings/%s" % no)
    r = anna.post("/ebt/bookings/%s/change" % no, {"day": day, "hour": "16", "reason": ""})
    assert r.status_code == 303
    assert r.headers["Location"] == "/ebt/bookings/%s?done=moved" % no
    assert status_of(stack, no) == "booked %s 16" % day
    page = anna.follow(r)
    assert ('<p class="notice" role="status">The booking has been moved to the new hour; '
            "a confirmation was sent by e-mail.</p>") in page.text
    pl = portal_client(stack, E.ANNA, lang="pl")
    page = pl.get(r.headers["Location"])
    assert ('<p class="notice" role="status">Rezerwacja została przeniesiona na nową godzinę; '
            "potwierdzenie wysłaliśmy e-mailem.</p>") in page.text


# --- the intranet: disable an account, close a crossing, reject a role ---

def test_disable_account_asks_first(stack):
    from test_skr_staff import NEW_PASSWORD, create_staff, staff_row
    admin = staff_client(stack, "admin")
    sid, login = create_staff(stack, admin, name="Zenon Testowy")
    victim = staff_client(stack, login, NEW_PASSWORD)
    admin.get("/skr/admin/staff/%d" % sid)
    r = admin.post("/skr/admin/staff/%d/status" % sid, {"disabled": "1"})
    s = step(r)
    unit = stack.scalar("SELECT name_en FROM org_unit WHERE id = 12")
    assert s["question"] == ("Disable the account of Zenon Testowy (%s, %s)? "
                             "The person is signed out at once." % (login, unit))
    assert s["yes"] == "Yes, disable the account"
    assert s["back"] == "/skr/admin/staff/%d" % sid
    assert s["hidden"] == {"csrf": admin.csrf, "disabled": "1", "confirm": "1"}
    assert 'class="look-intranet"' in r.text
    assert staff_row(stack, sid)[1] == "0"
    assert victim.get("/skr/").status_code == 200
    pl = staff_client(stack, "admin")
    pl.get("/skr/admin/staff/%d?lang=pl" % sid)
    s = step(pl.post("/skr/admin/staff/%d/status" % sid, {"disabled": "1"}))
    assert s["question"].startswith("Wyłączyć konto: Zenon Testowy (%s, " % login)
    assert s["yes"] == "Tak, wyłącz konto" and s["back_text"] == "Nie, wróć"
    assert staff_row(stack, sid)[1] == "0"
    r = admin.post(s["action"], {"disabled": "1", "confirm": "1"})
    assert r.status_code == 303 and staff_row(stack, sid)[1] == "1"
    assert victim.get("/skr/").status_code == 303
    # Enabling again is not destructive: no step.
    admin.get("/skr/admin/staff/%d" % sid)
    r = admin.post("/skr/admin/staff/%d/status" % sid, {"disabled": "0"})
    assert r.status_code == 303 and staff_row(stack, sid)[1] == "0"


def test_close_crossing_asks_first(stack):
    kor = staff_client(stack, "koroszczyn")
    day = E.local(plus_days=12)[0]
    kor.get("/skr/ebt/%d/config" % E.KOR)
    data = {"day": day, "from_hour": "6", "to_hour": "8", "reason": "road <b>works</b>"}
    r = kor.post("/skr/ebt/%d/closures" % E.KOR, data)
    s = step(r)
    assert s["question"] == ("Close Kukuryki – Koroszczyn to bookings on %s from 6:00 to 8:00 "
                             "(reason: road <b>works</b>)?" % day)
    # What the officer typed is text on the page, in the question and the
    # kept field alike.
    assert "<b>works" not in r.text
    assert 'name="reason" value="road &lt;b&gt;works&lt;/b&gt;"' in r.text
    assert s["yes"] == "Yes, close the crossing"
    assert s["back"] == "/skr/ebt/%d/config" % E.KOR
    assert stack.count("crossing_closure", "crossing_id = ? AND day = ?", E.KOR, day) == 0
    assert stack.scalar("SELECT COALESCE(SUM(closed), 0) FROM slot WHERE crossing_id = ?"
                        " AND day = ?", E.KOR, day) == "0"
    del s["hidden"]["csrf"]
    assert s["hidden"] == dict(data, confirm="1")
    r = kor.post(s["action"], s["hidden"])
    assert r.status_code == 303
    assert stack.count("crossing_closure", "crossing_id = ? AND day = ?", E.KOR, day) == 1
    assert stack.scalar("SELECT SUM(closed) FROM slot WHERE crossing_id = ? AND day = ?",
                        E.KOR, day) == "2"
    # test_ebt_crossing counts the crossing's closures: this one goes.
    stack.sql("DELETE FROM crossing_closure WHERE crossing_id = ? AND day = ?", E.KOR, day)


def test_reject_role_request_asks_first(stack):
    from test_skr_staff import create_staff
    admin = staff_client(stack, "admin")
    sid, login = create_staff(stack, admin, roles=("auditor",), name="Olga Testowa")
    grant = stack.scalar("SELECT id FROM staff_grant WHERE staff_id = ? AND status = 'pending'", sid)
    second = staff_client(stack, "admin.olsztyn")
    second.get("/skr/admin/grants")
    s = step(second.post("/skr/admin/grants/%s" % grant, {"decision": "reject"}))
    assert s["question"] == ("Reject admin's request for the “auditor” role for Olga Testowa (%s)? "
                             "The person does not get the role." % login)
    assert s["hidden"]["decision"] == "reject"
    assert stack.scalar("SELECT status FROM staff_grant WHERE id = ?", grant) == "pending"
    r = second.post(s["action"], s["hidden"])
    assert r.status_code == 303
    assert stack.scalar("SELECT status FROM staff_grant WHERE id = ?", grant) == "rejected"


def test_watch_entry_reject_and_withdraw_ask_first(stack):
    from test_ingest_watch import new_entry
    a, b = staff_client(stack, "grzechotki"), staff_client(stack, "analityk")
    entry = new_entry(a, "ZQ %04dW" % (int(time.time()) % 10000))
    value = stack.scalar("SELECT value FROM watch_entry WHERE id = ?", entry)
    b.get("/skr/watchlist/%d" % entry)
    s = step(b.post("/skr/watchlist/%d/decide" % entry, {"decision": "reject"}))
    assert s["question"] == ("Reject watch-list entry no. %d (number plate: %s)? "
                             "It will never take effect." % (entry, value))
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "pending"
    # Approving is not destructive: no step.
    assert b.post("/skr/watchlist/%d/decide" % entry, {"decision": "approve"}).status_code == 303
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "active"
    b.get("/skr/watchlist/%d" % entry)
    s = step(b.post("/skr/watchlist/%d/decide" % entry, {"decision": "withdraw"}))
    assert s["question"] == ("Withdraw watch-list entry no. %d (number plate: %s)? "
                             "The lanes stop looking for it at once." % (entry, value))
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "active"
    assert b.post(s["action"], s["hidden"]).status_code == 303
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "withdrawn"


# --- e-Customer: reject an application, end a representation, deactivate a
# company, revoke a certificate ---

def test_reject_application_asks_first(stack):
    import ecustomer_lib as C
    officer = staff_client(stack, "rejestracja.poznan")
    app = C.app_id_of(C.submit_person(C.new_account(stack)))
    assert C.take(officer, app).status_code == 303
    officer.get("/skr/ecustomer/applications/%d" % app)
    r = officer.post("/skr/ecustomer/applications/%d/decide" % app,
                     {"decision": "reject", "reason": "Dokument nieczytelny"})
    s = step(r)
    assert s["question"] == ("Reject application no. %d (registration of a person) with the reason "
                             "“Dokument nieczytelny”? The applicant is told by e-mail." % app)
    assert s["hidden"]["decision"] == "reject" and s["hidden"]["reason"] == "Dokument nieczytelny"
    assert s["back"] == "/skr/ecustomer/applications/%d" % app
    assert stack.scalar("SELECT status FROM application WHERE id = ?", app) == "under_review"
    r = officer.post(s["action"], s["hidden"])
    assert r.status_code == 303
    assert stack.scalar("SELECT status FROM application WHERE id = ?", app) == "rejected"


def test_end_representation_and_deactivate_company_ask_first(stack):
    import ecustomer_lib as C
    officer = staff_client(stack, "rejestracja.poznan")
    owner = C.approved_person(stack, officer)
    cid = C.approved_company(stack, officer, owner, name="Confirm-Test sp. z o.o.")
    clerk = C.approved_person(stack, officer, first_name="Marta", last_name="Końcowa")
    assert C.add_rep(owner, cid, clerk.email, ["ebt_book"]).status_code == 303
    rid = int(stack.scalar("SELECT id FROM representation WHERE company_id = ?"
                           " AND rep_person_id = ?", cid, clerk.person_id))
    owner.get("/ecustomer/company/%d/reps" % cid)
    s = step(owner.post("/ecustomer/company/%d/reps/%d/end" % (cid, rid), {}))
    assert s["question"] == ("End the representation of Confirm-Test sp. z o.o. by Marta Końcowa "
                             "as of %s? From that day they can no longer act for the company."
                             % C.today())
    assert s["back"] == "/ecustomer/company/%d/reps" % cid
    assert stack.scalar("SELECT valid_to FROM representation WHERE id = ?", rid) == "NULL"
    assert owner.post(s["action"], s["hidden"]).status_code == 303
    assert stack.scalar("SELECT valid_to FROM representation WHERE id = ?", rid) == C.today()

    apps = stack.count("application")
    owner.get("/ecustomer/company/%d" % cid)
    s = step(owner.post("/ecustomer/company/%d/deactivate" % cid, {}))
    nip = stack.scalar("SELECT nip FROM company WHERE id = ?", cid)
    assert s["question"] == ("Request the deactivation of Confirm-Test sp. z o.o. (NIP %s)? Once the "
                             "office approves, the company stops acting in the system." % nip)
    assert s["yes"] == "Yes, request deactivation"
    assert stack.count("application") == apps
    r = owner.post(s["action"], s["hidden"])
    assert r.status_code == 303 and "/ecustomer/applications/" in r.headers["Location"]
    assert stack.count("application") == apps + 1


def test_revoke_certificate_asks_first(stack):
    import test_ecustomer_certs as T
    import tempfile
    anna = T.ensure_person(stack, T.ANNA, "Anna", "Kowalska")
    anna["client"] = portal_client(stack, T.ANNA)
    with tempfile.TemporaryDirectory(prefix="zsog-cert-") as tmp:
        row, _ = T.issue(stack, anna, tmp)
    c = anna["client"]
    c.get("/ecustomer/certificates")
    s = step(c.post("/ecustomer/certificates/%d/revoke" % row["id"], {"reason": "superseded"}))
    assert s["question"] == ("Revoke the certificate with serial number %s (reason: Superseded by a "
                             "new certificate)? Signatures made with it are no longer accepted; "
                             "this cannot be undone." % row["serial"])
    assert s["back"] == "/ecustomer/certificates"
    assert T.cert_row(stack, row["id"])[0] == "NULL"
    pl = portal_client(stack, T.ANNA, lang="pl")
    pl.get("/ecustomer/certificates")
    s = step(pl.post("/ecustomer/certificates/%d/revoke" % row["id"], {"reason": "superseded"}))
    assert s["yes"] == "Tak, unieważnij certyfikat"
    # The office asks too; then revokes.
    officer = staff_client(stack, "rejestracja.poznan")
    officer.get("/skr/ecustomer/certificates")
    s = step(officer.post("/skr/ecustomer/certificates/%d/revoke" % row["id"],
                          {"reason": "keyCompromise"}))
    assert s["back"] == "/skr/ecustomer/certificates?q=%s" % row["serial"]
    assert 'class="look-intranet"' in officer.last.text
    assert T.cert_row(stack, row["id"])[0] == "NULL"
    assert officer.post(s["action"], s["hidden"]).status_code == 303
    assert T.cert_row(stack, row["id"])[1:3] == ["keyCompromise", "staff"]


def test_no_show_asks_first(stack):
    anna = E.portal(stack, E.ANNA)
    late = E.number_of(E.book(anna, E.KOR, E.local(plus_days=2)[0], 9))
    # Its arrival window closed half an hour ago: a no-show can be marked.
    # (As test_ebt_crossing: today's list, its start 90 minutes ago.)
    stack.sql("UPDATE booking SET day = ?, start_utc = UTC_TIMESTAMP() - INTERVAL 90 MINUTE"
              " WHERE number = ?", E.local()[0], late)
    day, hour = stack.sql("SELECT day, hour FROM booking WHERE number = ?", late)[0]
    plate = stack.scalar("SELECT plate FROM booking WHERE number = ?", late)
    kor = staff_client(stack, "koroszczyn")
    page = kor.get("/skr/ebt/%d" % E.KOR)
    assert re.search(r'/bookings/%s/no_show" class="inline"><input type="hidden" name="csrf" '
                     r'value="[0-9a-f]+"><button type="submit" class="danger">' % late, page.text)
    s = step(kor.post("/skr/ebt/%d/bookings/%s/no_show" % (E.KOR, late), {}))
    assert s["question"] == ("Mark booking %s (%s, %s %s:00) as a no-show? "
                             "The booking stops being valid." % (late, plate, day, hour))
    assert s["yes"] == "Yes, mark it a no-show" and s["back"] == "/skr/ebt/%d" % E.KOR
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", late) == "booked"
    assert kor.post(s["action"], s["hidden"]).status_code == 303
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", late) == "no_show"
