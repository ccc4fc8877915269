"""test_portal_accounts.py: portal accounts end to end through nginx:
sign-up, e-mail confirmation, sign-in, password change, sign-out, the wait
after failed sign-ins, password reset, session cookies and expiry.

Status conventions these tests pin down: a failed sign-in (unknown e-mail
or wrong password) answers 401 with one form-level message, too many
failures from one client address 429 with until when to wait, a right
password for an account that may not sign in (unconfirmed, disabled) 403;
a form with a missing or invalid field answers 422 with the message beside
the field; a dead e-mail link (unknown, used, expired) answers 400."""
import datetime
import re
import statistics
import time
from zoneinfo import ZoneInfo

from zsog import DEMO_PASSWORD, field_error, other_address, unique

NEW_PASSWORD = "Nowe-Haslo-2027"


def signup_data(email, password="Pierwsze-Haslo-1"):
    return {"first_name": "Tomasz", "last_name": "Nowak", "country": "PL",
            "email": email, "phone": "+48 601 222 333",
            "password": password, "password2": password}


def sign_up(stack, email, password="Pierwsze-Haslo-1"):
    c = stack.client()
    r = c.submit("/portal/signup", "/portal/signup", signup_data(email, password))
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"] == "/portal/signup/sent"
    return c


def confirm(stack, c, email):
    link = stack.link_in_outbox(email, "/portal/confirm")
    page = c.get(link)
    assert page.status_code == 200
    token = re.search(r'name="t" value="([0-9a-f]{64})"', page.text).group(1)
    return c.post("/portal/confirm", {"t": token})


def sign_in(c, email, password, **extra):
    data = {"email": email, "password": password}
    data.update(extra)
    return c.submit("/portal/signin", "/portal/signin", data)


def signed_in_as(c, email):
    r = c.get("/portal/account")
    return r.status_code == 200 and email in r.text


def account(stack, email, cols):
    rows = stack.sql("SELECT %s FROM portal_account WHERE email = ?" % cols, email)
    return rows[0] if rows else None


def active_user(stack, password="Pierwsze-Haslo-1"):
    email = unique("u") + "@example.com"
    c = sign_up(stack, email, password)
    assert confirm(stack, c, email).status_code == 303
    return email


def test_signup_confirm_signin_change_password_signout(stack):
    email = unique("flow") + "@example.com"
    c = sign_up(stack, email)
    sent = c.get("/portal/signup/sent")
    assert sent.status_code == 200 and "Check your e-mail" in sent.text
    status, pwhash = account(stack, email, "status, pwhash")
    assert status == "unconfirmed"
    assert pwhash.startswith("$argon2id$") and "Pierwsze" not in pwhash
    assert stack.count("audit_log", "action = 'portal.signup' AND detail = ?", email) == 1

    # Only the hash of the token is stored: the link's token is not.
    link = stack.link_in_outbox(email, "/portal/confirm")
    token = link.split("t=")[1]
    assert stack.count("account_token", "token_hash = UNHEX(SHA2(?, 256))", token) == 1
    assert stack.count("account_token", "HEX(token_hash) = ?", token.upper()) == 0

    # The link's GET changes nothing (mail scanners prefetch links).
    assert c.get(link).status_code == 200
    assert account(stack, email, "status")[0] == "unconfirmed"
    r = confirm(stack, c, email)
    assert r.status_code == 303 and r.headers["Location"].startswith("/portal/signin")
    status, confirmed = account(stack, email, "status, confirmed_at")
    assert status == "active" and confirmed != "NULL"

    r = sign_in(c, email, "Pierwsze-Haslo-1")
    assert r.status_code == 303 and r.headers["Location"] == "/"
    assert signed_in_as(c, email)

    # A second browser signed in before the change is signed out by it.
    other = sign_in_client(stack, email, "Pierwsze-Haslo-1")
    assert signed_in_as(other, email)

    c.get("/portal/account")
    r = c.post("/portal/password", {"current": "Pierwsze-Haslo-1",
                                    "password": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert r.status_code == 303
    page = c.follow(r)
    assert "password has been changed" in page.text
    assert signed_in_as(c, email), "the session that changed it stays"
    assert not signed_in_as(other, email), "other sessions end"
    assert stack.count("audit_log", "action = 'portal.password_change' AND object = ?",
                       "portal_account:%s" % account(stack, email, "id")[0]) == 1

    c.get("/portal/account")
    r = c.post("/portal/signout", {})
    assert r.status_code == 303 and r.headers["Location"] == "/"
    assert not signed_in_as(c, email)

    assert sign_in(c, email, "Pierwsze-Haslo-1").status_code == 401
    r = sign_in(c, email, NEW_PASSWORD)
    assert r.status_code == 303
    assert signed_in_as(c, email)


def sign_in_client(stack, email, password):
    c = stack.client()
    r = sign_in(c, email, password)
    assert r.status_code == 303, r.text[:500]
    return c


def test_demo_accounts_sign_in(stack):
    c = sign_in_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    page = c.get("/portal/account")
    assert "Anna" in page.text and "Kowalska" in page.text and "+48 600 100 201" in page.text
    assert "Poland" in page.text


def test_unconfirmed_cannot_sign_in(stack):
    email = unique("unc") + "@example.com"
    c = sign_up(stack, email)
    r = sign_in(c, email, "Pierwsze-Haslo-1")
    assert r.status_code == 403
    assert "not been confirmed" in r.text
    assert "zsog_portal=" not in r.headers.get("Set-Cookie", "")
    assert not signed_in_as(c, email)
    # A wrong password does not reveal the account's state.
    r = sign_in(c, email, "Zle-Haslo-12345")
    assert r.status_code == 401 and "not been confirmed" not in r.text


def test_unknown_email_and_wrong_password_say_the_same(stack):
    email = active_user(stack)
    c = stack.client()
    wrong = sign_in(c, email, "Zle-Haslo-12345")
    unknown = sign_in(c, unique("nobody") + "@example.com", "Zle-Haslo-12345")
    assert wrong.status_code == unknown.status_code == 401
    msg = lambda r: re.search(r'id="signin-error">(.*?)<', r.text).group(1)
    assert msg(wrong) == msg(unknown)
    # The e-mail is kept, the password is not.
    assert 'value="%s"' % email in wrong.text
    assert "Zle-Haslo" not in wrong.text


FAILED = "The e-mail address or the password is wrong."
WARSAW = ZoneInfo("Europe/Warsaw")
WAIT_RE = re.compile(r"Too many failed sign-ins from your address\. "
                     r"Try again in (?P<min>\d+) minutes? \(at (\d\d):(\d\d)\)\.")


def signin_message(r):
    return re.search(r'id="signin-error">(.*?)</div>', r.text, re.S).group(1)


def pair_failures(stack, address):
    return stack.sql("SELECT failures FROM signin_backoff WHERE kind = 'portal'"
                     " AND scope = 'pair' AND client_ip = ?", address)


def test_failures_make_the_address_wait_not_the_account(stack):
    email = active_user(stack)
    attacker = stack.client(source=other_address())
    for i in range(5):
        r = sign_in(attacker, email, "Zle-Haslo-%05d" % i)
        assert r.status_code == 401 and signin_message(r) == FAILED
    # The sixth failure makes this address wait a minute.
    r = sign_in(attacker, email, "Zle-Haslo-99999")
    started = time.monotonic()
    assert r.status_code == 429 and r.headers["Retry-After"] == "60"
    assert WAIT_RE.fullmatch(signin_message(r)).group("min") == "1"
    # While it waits, nothing is checked: not even the right password.
    r = sign_in(attacker, email, "Pierwsze-Haslo-1")
    assert r.status_code == 429 and WAIT_RE.fullmatch(signin_message(r)).group("min") == "1"
    # What is left of the minute (the database counts whole seconds).
    left = 60 - (time.monotonic() - started)
    assert left - 2 <= int(r.headers["Retry-After"]) <= 60
    assert not signed_in_as(attacker, email)

    # The owner, from anywhere else, signs in as usual.
    owner = stack.client(source=other_address())
    assert sign_in(owner, email, "Pierwsze-Haslo-1").status_code == 303
    assert signed_in_as(owner, email)

    # Each further failure doubles the wait of that address.
    stack.sql("UPDATE signin_backoff SET wait_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND"
              " WHERE client_ip = ?", attacker.source)
    r = sign_in(attacker, email, "Zle-Haslo-77777")
    assert r.status_code == 429 and r.headers["Retry-After"] == "120"
    assert WAIT_RE.fullmatch(signin_message(r)).group("min") == "2"
    # When the wait is over, the right password works from there too and
    # the count of that address for the account starts again.
    stack.sql("UPDATE signin_backoff SET wait_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND"
              " WHERE client_ip = ?", attacker.source)
    assert pair_failures(stack, attacker.source) == [["7"]]
    assert sign_in(attacker, email, "Pierwsze-Haslo-1").status_code == 303
    assert pair_failures(stack, attacker.source) == []


def test_wait_names_local_time_and_minutes(stack):
    """The time is Warsaw's, as every time on screen: the first whole
    minute after the wait (60 s) ends."""
    email = active_user(stack)
    c = stack.client(source=other_address())
    for i in range(4):
        sign_in(c, email, "Zle-Haslo-%05d" % i)
    # The fifth failure earns the wait: it ends 60 s after that failure's
    # whole second (the database's clock), shown as the minute after.
    before = datetime.datetime.now(WARSAW)
    sign_in(c, email, "Zle-Haslo-00004")
    r = sign_in(c, email, "Zle-Haslo-99999")
    after = datetime.datetime.now(WARSAW)
    m = WAIT_RE.fullmatch(signin_message(r))
    assert r.status_code == 429 and m and m.group("min") == "1"

    def shown(t):
        t = t.replace(microsecond=0) + datetime.timedelta(seconds=60)
        if t.second:
            t += datetime.timedelta(minutes=1)
        return t.strftime("%H:%M")
    assert "%s:%s" % m.group(2, 3) in (shown(before), shown(after))


def test_known_and_unknown_accounts_get_the_same_answers(stack):
    email = active_user(stack)
    ghost = unique("ghost") + "@example.com"
    answers = {}
    for who in (email, ghost):
        c = stack.client(source=other_address())
        seen = []
        for i in range(7):
            r = sign_in(c, who, "Zle-Haslo-%05d" % i)
            # The clock time may tick between the two runs, and the
            # seconds left of a wait with it.
            seen.append((r.status_code, re.sub(r"\d\d:\d\d", "HH:MM", signin_message(r)),
                         "Retry-After" in r.headers))
        answers[who] = seen
    assert answers[email] == answers[ghost]
    assert [s for s, _, _ in answers[email]] == [401] * 5 + [429, 429]


def test_one_address_trying_many_accounts_waits(stack):
    """Beyond Signin.ClientFreeFailures (20) failures, an address waits
    whatever login it types next; other addresses do not."""
    c = stack.client(source=other_address())
    for i in range(20):
        r = sign_in(c, unique("spray") + "@example.com", "Zle-Haslo-12345")
        assert r.status_code == 401, i
    r = sign_in(c, unique("spray") + "@example.com", "Zle-Haslo-12345")
    assert r.status_code == 429 and r.headers["Retry-After"] == "60"
    # Even the demo user's right password waits at that address …
    r = sign_in(c, "jan.wisniewski@demo.zsog.pl", DEMO_PASSWORD)
    assert r.status_code == 429 and WAIT_RE.fullmatch(signin_message(r))
    # … and not at any other.
    assert sign_in(stack.client(source=other_address()),
                   "jan.wisniewski@demo.zsog.pl", DEMO_PASSWORD).status_code == 303


def test_owner_is_told_once_by_mail_when_an_address_starts_to_wait(stack):
    email = active_user(stack)
    first = other_address()
    c = stack.client(source=first)
    for i in range(5):
        sign_in(c, email, "Zle-Haslo-%05d" % i)
    assert [s for s, _ in stack.mails(email)] == ["Confirm your e-mail address"], \
        "no mail before a wait"
    assert sign_in(c, email, "Zle-Haslo-55555").status_code == 429
    mails = [m for m in stack.mails(email) if m[0] == "Failed sign-ins to your account"]
    assert len(mails) == 1
    body = mails[0][1]
    assert body.startswith("Hello Tomasz Nowak,")
    assert "this many times in a row from one address: 6." in body
    assert "Address: %s\n" % first in body
    assert re.search(r"Time \(in Poland\): \d{4}-\d\d-\d\d \d\d:\d\d\n", body)
    assert re.search(r"set a new one here: https?://[^/\s]+/portal/reset\n", body)
    # A second address guessing within the hour: no second mail.
    c2 = stack.client(source=other_address())
    for i in range(6):
        sign_in(c2, email, "Zle-Haslo-%05d" % i)
    assert len([m for m in stack.mails(email)
                if m[0] == "Failed sign-ins to your account"]) == 1


def test_failed_signin_audit_keeps_no_unknown_login_text(stack):
    """Finding 4: the login text of a failed sign-in is stored only as the
    account it names; a login that names none is often a password typed
    into the wrong field."""
    typo = "Moje-Tajne-Haslo-" + unique("")
    email = active_user(stack)
    c = stack.client(source=other_address())
    c.get("/portal/signin")
    r = c.post("/portal/signin", {"email": typo + "@x.pl", "password": "x"})
    assert r.status_code == 401
    r = c.post("/portal/signin", {"email": email, "password": "Zle-Haslo-12345"})
    assert r.status_code == 401
    assert stack.count("audit_log", "object LIKE ? OR detail LIKE ?",
                       "%" + typo.lower() + "%", "%" + typo.lower() + "%") == 0
    rows = stack.sql("SELECT object, detail FROM audit_log WHERE action = 'portal.signin_failed'"
                     " AND client_ip = ? ORDER BY id", c.source)
    uid = account(stack, email, "id")[0]
    assert rows == [["login:unknown", "@skr.audit.detail.unknown_login"],
                    ["portal_account:%s" % uid, "@skr.audit.detail.wrong_password"]]


def request_reset(stack, email):
    c = stack.client()
    r = c.submit("/portal/reset", "/portal/reset", {"email": email})
    assert r.status_code == 303 and r.headers["Location"] == "/portal/reset/sent"
    return c


def set_new_password(c, link, password):
    page = c.get(link)
    if page.status_code != 200:
        return page
    return c.post("/portal/reset/confirm", {
        "t": link.split("t=")[1], "password": password, "password2": password})


def test_reset_flow_single_use(stack):
    email = active_user(stack)
    before = sign_in_client(stack, email, "Pierwsze-Haslo-1")
    # Make an address wait for the account: a new password ends the wait
    # (the owner who forgot the password may be at that address).
    waiting = stack.client(source=other_address())
    for i in range(6):
        r = sign_in(waiting, email, "Zle-Haslo-%05d" % i)
    assert r.status_code == 429

    c = request_reset(stack, email)
    link = stack.link_in_outbox(email, "/portal/reset/confirm")
    r = set_new_password(c, link, NEW_PASSWORD)
    assert r.status_code == 303 and r.headers["Location"] == "/portal/signin?done=reset"
    assert not signed_in_as(before, email), "every session of the account ends"
    assert sign_in(waiting, email, NEW_PASSWORD).status_code == 303

    # Second use: refused, and the password stays as set.
    pw = account(stack, email, "pwhash")[0]
    again = set_new_password(stack.client(), link, "Trzecie-Haslo-3")
    assert again.status_code == 400 and "already been used" in again.text
    # Even posting straight away, without the form.
    c2 = stack.client()
    c2.get("/portal/reset")
    r = c2.post("/portal/reset/confirm", {"t": link.split("t=")[1],
                                          "password": "Trzecie-Haslo-3",
                                          "password2": "Trzecie-Haslo-3"})
    assert r.status_code == 400
    assert account(stack, email, "pwhash")[0] == pw


def test_reset_expired_token_refused(stack):
    email = active_user(stack)
    c = request_reset(stack, email)
    link = stack.link_in_outbox(email, "/portal/reset/confirm")
    token = link.split("t=")[1]
    pw = account(stack, email, "pwhash")[0]
    # The form was open when the link expired.
    page = c.get(link)
    assert page.status_code == 200
    stack.sql("UPDATE account_token SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND"
              " WHERE token_hash = UNHEX(SHA2(?, 256))", token)
    r = c.post("/portal/reset/confirm", {"t": token, "password": NEW_PASSWORD,
                                         "password2": NEW_PASSWORD})
    assert r.status_code == 400 and "expired" in r.text
    assert account(stack, email, "pwhash")[0] == pw
    assert c.get(link).status_code == 400
    assert stack.scalar("SELECT used_at FROM account_token WHERE token_hash = UNHEX(SHA2(?, 256))",
                        token) == "NULL"


def test_reset_answers_the_same_for_unknown_email(stack):
    email = unique("ghost") + "@example.com"
    c = stack.client(source=other_address())
    r = c.submit("/portal/reset", "/portal/reset", {"email": email})
    assert r.status_code == 303 and r.headers["Location"] == "/portal/reset/sent"
    known = active_user(stack)
    request_reset(stack, known)
    # Both redirect to the same page (asserted in request_reset). The
    # address without an account learns it from its e-mail, with no link
    # that sets anything; the account gets its link.
    [(subject, body)] = stack.mails(email)
    assert subject == "Setting a new password"
    assert "but no account that can have a new password uses it." in body
    assert re.search(r"To open an account with this address: https?://[^/\s]+/portal/signup\n",
                     body)
    assert "/portal/reset/confirm" not in body
    assert [m[0] for m in stack.mails(known)] == ["Setting a new password",
                                                  "Confirm your e-mail address"]
    assert "/portal/reset/confirm?t=" in stack.mails(known)[0][1]
    # The audit names no unknown address.
    assert stack.count("audit_log", "action = 'portal.reset_request' AND object = ?",
                       "portal_account:%s" % account(stack, known, "id")[0]) == 1
    assert stack.sql("SELECT object, detail FROM audit_log WHERE action = 'portal.reset_request'"
                     " AND client_ip = ?", c.source) == [["login:unknown", "NULL"]]
    assert stack.count("audit_log", "object LIKE ? OR detail LIKE ?",
                       "%" + email + "%", "%" + email + "%") == 0


def test_reset_takes_as_long_for_an_unknown_address(stack):
    """The answer's timing must not tell which addresses have accounts:
    before, a known address took 5.5 ms (median) and an unknown one 2.1;
    doing the same work but two statements fewer still gave 22 against 14
    on a loaded machine, so both run the same statements now.
    40 interleaved samples of each, each pair from an address of its own
    (nginx's limit and the per-address count stay out of the way); the
    medians must be within 1.5x of each other on a loaded 2-core box."""
    n = 40
    tag = unique("")
    stack.sql("INSERT INTO portal_account (email, first_name, last_name, country, phone,"
              " pwhash, status, created_at, confirmed_at)"
              " WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)"
              " SELECT CONCAT('timing', i, ?, '@example.com'), 'Tomasz', 'Nowak', 'PL',"
              " '+48 601 222 333', 'x', 'active', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM k",
              n, tag)
    known, unknown, answers = [], [], set()
    for i in range(n):
        c = stack.client(source=other_address())
        assert c.get("/portal/reset").status_code == 200
        pair = [("known", "timing%d%s@example.com" % (i + 1, tag)),
                ("unknown", "nobody%d%s@example.com" % (i + 1, tag))]
        for kind, email in (pair if i % 2 else pair[::-1]):
            t0 = time.perf_counter()
            r = c.post("/portal/reset", {"email": email})
            took = time.perf_counter() - t0
            answers.add((r.status_code, r.headers.get("Location"), r.text))
            (known if kind == "known" else unknown).append(took)
    assert answers == {(303, "/portal/reset/sent", "")}
    assert stack.count("outbox", "recipient LIKE ?", "timing%" + tag + "@example.com") == n
    assert stack.count("account_token", "account_id IN (SELECT id FROM portal_account"
                       " WHERE email LIKE ?)", "timing%" + tag + "@example.com") == n
    k, u = statistics.median(known), statistics.median(unknown)
    assert max(k, u) / min(k, u) < 1.5, "known %.2f ms, unknown %.2f ms" % (k * 1e3, u * 1e3)


def test_reset_mails_per_address_are_limited(stack):
    """At most Accounts.MailsPerHour (5) sign-up and reset requests per
    address an hour, known or not, with the same answer: 40 in a row once
    sent 40 mails."""
    known = active_user(stack)   # its sign-up was one of the five
    for email, allowed in ((known, 4), (unique("ghost") + "@example.com", 5)):
        c = stack.client(source=other_address())
        for i in range(allowed):
            r = c.submit("/portal/reset", "/portal/reset", {"email": email})
            assert r.status_code == 303, i
        before = stack.count("outbox")
        r = c.submit("/portal/reset", "/portal/reset", {"email": email})
        assert r.status_code == 429
        assert re.fullmatch(r"This address has had as many messages from us within an hour"
                            r" as we send\. Try again in \d+ minutes? \(at \d\d:\d\d\)\.",
                            field_error(r.text, "email")), field_error(r.text, "email")
        assert 'value="%s"' % email in r.text
        assert stack.count("outbox") == before
    assert len([m for m in stack.mails(known) if m[0] == "Setting a new password"]) == 4
    assert len([m for m in stack.mails(email) if m[0] == "Setting a new password"]) == 5
    # Another address is not held back by them.
    request_reset(stack, unique("other") + "@example.com")


def test_confirm_link_refused_when_used_expired_or_unknown(stack):
    email = unique("tok") + "@example.com"
    c = sign_up(stack, email)
    link = stack.link_in_outbox(email, "/portal/confirm")
    token = link.split("t=")[1]
    stack.sql("UPDATE account_token SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND"
              " WHERE token_hash = UNHEX(SHA2(?, 256))", token)
    r = c.get(link)
    assert r.status_code == 400 and "expired" in r.text
    r = c.post("/portal/confirm", {"t": token})
    assert r.status_code == 400
    assert account(stack, email, "status")[0] == "unconfirmed"

    r = c.get("/portal/confirm?t=" + "0" * 64)
    assert r.status_code == 400 and "not valid" in r.text
    assert c.get("/portal/confirm?t=<script>").status_code == 400

    email2 = unique("tok") + "@example.com"
    c2 = sign_up(stack, email2)
    assert confirm(stack, c2, email2).status_code == 303
    again = c2.get(stack.link_in_outbox(email2, "/portal/confirm"))
    assert again.status_code == 400 and "already been used" in again.text


def set_cookies(r):
    return r.raw.headers.getlist("Set-Cookie")


def test_session_cookie_flags_and_new_id_each_signin(stack):
    email = active_user(stack)
    c = stack.client()
    r = sign_in(c, email, "Pierwsze-Haslo-1")
    cookie = [h for h in set_cookies(r) if h.startswith("zsog_portal=")]
    assert len(cookie) == 1
    flags = [f.strip() for f in cookie[0].split(";")]
    assert "HttpOnly" in flags and "SameSite=Lax" in flags and "Path=/" in flags
    assert "Secure" not in flags, "plain http: a Secure cookie would never come back"
    first = c.http.cookies.get("zsog_portal")

    # Signing in again, already signed in: a new id, and the old one dies.
    r = sign_in(c, email, "Pierwsze-Haslo-1")
    second = c.http.cookies.get("zsog_portal")
    assert r.status_code == 303 and second != first
    assert stack.count("session", "token_hash = UNHEX(SHA2(?, 256))", first) == 0
    stale = stack.client()
    stale.http.cookies.set("zsog_portal", first)
    assert not signed_in_as(stale, email)

    # A token planted before sign-in (fixation) is not the one after.
    c3 = stack.client()
    c3.http.cookies.set("zsog_portal", "a" * 64, domain="127.0.0.1", path="/")
    r = sign_in(c3, email, "Pierwsze-Haslo-1")
    given = [h.split(";")[0].split("=", 1)[1] for h in set_cookies(r)
             if h.startswith("zsog_portal=")]
    assert len(given) == 1 and given[0] not in ("a" * 64, first, second)


def test_expired_session_get_redirects_post_401_nothing_changes(stack):
    email = active_user(stack)
    c = sign_in_client(stack, email, "Pierwsze-Haslo-1")
    page = c.get("/portal/account")
    assert page.status_code == 200
    stack.sql("UPDATE session s JOIN portal_account a ON a.id = s.account_id"
              " SET s.last_seen = UTC_TIMESTAMP() - INTERVAL 2 HOUR WHERE a.email = ?", email)
    pw = account(stack, email, "pwhash")[0]
    # The form's token was valid for the session; the session is gone.
    r = c.post("/portal/password", {"current": "Pierwsze-Haslo-1",
                                    "password": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert r.status_code == 401
    assert "session has expired" in r.text
    assert account(stack, email, "pwhash")[0] == pw
    r = c.get("/portal/account")
    assert r.status_code == 303
    assert r.headers["Location"] == "/portal/signin?next=/portal/account"


def test_next_goes_back_to_local_paths_only(stack):
    email = active_user(stack)
    c = stack.client()
    r = sign_in(c, email, "Pierwsze-Haslo-1", next="/portal/account")
    assert r.status_code == 303 and r.headers["Location"] == "/portal/account"

    for evil in ("//evil.example", "https://evil.example/", "/\\evil.example",
                 "javascript:alert(1)"):
        c = stack.client()
        form = c.get("/portal/signin", params={"next": evil})
        assert "evil" not in form.text and "javascript" not in form.text
        r = sign_in(c, email, "Pierwsze-Haslo-1", next=evil)
        assert r.status_code == 303, evil
        assert r.headers["Location"] == "/", evil


def test_signin_form_keeps_next_from_query(stack):
    c = stack.client()
    form = c.get("/portal/signin?next=/portal/account")
    assert '<input type="hidden" name="next" value="/portal/account">' in form.text


def test_change_password_wrong_current_or_weak_changes_nothing(stack):
    email = active_user(stack)
    c = sign_in_client(stack, email, "Pierwsze-Haslo-1")
    other = sign_in_client(stack, email, "Pierwsze-Haslo-1")
    pw = account(stack, email, "pwhash")[0]
    c.get("/portal/account")
    r = c.post("/portal/password", {"current": "Zle-Haslo-12345",
                                    "password": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert r.status_code == 422
    assert field_error(r.text, "current") == "The current password is wrong"
    r = c.post("/portal/password", {"current": "Pierwsze-Haslo-1",
                                    "password": "short", "password2": "short"})
    assert r.status_code == 422 and field_error(r.text, "password")
    r = c.post("/portal/password", {"current": "Pierwsze-Haslo-1",
                                    "password": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"})
    assert r.status_code == 422 and field_error(r.text, "password2") == "The two passwords differ"
    assert NEW_PASSWORD not in r.text and "Pierwsze-Haslo-1" not in r.text
    assert account(stack, email, "pwhash")[0] == pw
    assert signed_in_as(other, email)


def test_account_page_shows_only_own_account(stack):
    anna = sign_in_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    page = anna.get("/portal/account")
    assert "anna.kowalska@demo.zsog.pl" in page.text
    assert "jan.wisniewski" not in page.text
    # The password form acts on the session's account only: a smuggled id
    # field is ignored.
    jan_pw = account(stack, "jan.wisniewski@demo.zsog.pl", "pwhash")[0]
    r = anna.post("/portal/password", {"current": "Zle-Haslo-12345", "id": "2",
                                       "account_id": "2", "password": NEW_PASSWORD,
                                       "password2": NEW_PASSWORD})
    assert r.status_code == 422
    assert account(stack, "jan.wisniewski@demo.zsog.pl", "pwhash")[0] == jan_pw


def test_signed_out_cannot_reach_account_pages(stack):
    c = stack.client()
    r = c.get("/portal/account")
    assert r.status_code == 303 and r.headers["Location"] == "/portal/signin?next=/portal/account"
    c.get("/portal/signin")
    r = c.post("/portal/password", {"current": "x", "password": NEW_PASSWORD,
                                    "password2": NEW_PASSWORD})
    assert r.status_code == 401
    r = c.post("/portal/signout", {})
    assert r.status_code == 401


def test_pages_in_polish(stack):
    c = stack.client(lang="pl")
    assert "Załóż konto" in c.get("/portal/signup").text
    assert "Logowanie" in c.get("/portal/signin").text
    assert "Nie pamiętasz hasła" in c.get("/portal/reset").text
    r = c.get("/portal/confirm?t=" + "1" * 64)
    assert r.status_code == 400 and "nieprawidłowy" in r.text
