"""test_wait.py: whoever is told to wait is told for how long, in words and
in the page's language, as Retry-After says: a portal or intranet sign-in
after failures, and the limit of e-mails to one address ("Try again in 4
minutes (at 14:05)." / "Spróbuj ponownie za 4 minuty (o 14:05)."), with
Polish plural forms from the view layer."""
import html
import re

from test_portal_accounts import active_user, sign_in
from test_skr_staff import NEW_PASSWORD, create_staff, signin as staff_signin
from zsog import field_error, other_address, staff_client, unique

HHMM = r"\d\d:\d\d"


def message(r):
    return html.unescape(re.search(r'id="signin-error">(.*?)</div>', r.text, re.S).group(1))


def wait_left(stack, address, seconds):
    """The address's wait ends in `seconds` from now."""
    stack.sql("UPDATE signin_backoff SET wait_until = UTC_TIMESTAMP() + INTERVAL ? SECOND"
              " WHERE client_ip = ? AND wait_until IS NOT NULL", seconds, address)


def test_portal_signin_wait_in_minutes_both_languages(stack):
    email = active_user(stack)
    c = stack.client(source=other_address())
    for i in range(5):
        assert sign_in(c, email, "Zle-Haslo-%05d" % i).status_code == 401
    r = sign_in(c, email, "Zle-Haslo-99999")
    assert r.status_code == 429 and r.headers["Retry-After"] == "60"
    assert re.fullmatch(r"Too many failed sign-ins from your address\. "
                        r"Try again in 1 minute \(at %s\)\." % HHMM, message(r)), message(r)
    pl = stack.client(lang="pl", source=c.source)
    for seconds, words in ((60, "1 minutę"), (150, "3 minuty"), (290, "5 minut"),
                           (1320, "22 minuty"), (780, "13 minut")):
        wait_left(stack, c.source, seconds)
        r = sign_in(pl, email, "Zle-Haslo-99999")
        assert r.status_code == 429
        left = int(r.headers["Retry-After"])
        assert seconds - 2 <= left <= seconds
        assert re.fullmatch(r"Zbyt wiele nieudanych logowań z Twojego adresu\. "
                            r"Spróbuj ponownie za %s \(o %s\)\." % (words, HHMM),
                            message(r)), (seconds, message(r))
    wait_left(stack, c.source, 290)
    r = sign_in(c, email, "Zle-Haslo-99999")
    assert re.fullmatch(r"Too many failed sign-ins from your address\. "
                        r"Try again in 5 minutes \(at %s\)\." % HHMM, message(r)), message(r)


def test_intranet_signin_wait_in_minutes(stack):
    sid, login = create_staff(stack, staff_client(stack, "admin"))
    c = stack.client(source=other_address())
    for _ in range(5):
        assert staff_signin(c, login, "Wrong-Password-1").status_code == 401
    r = staff_signin(c, login, "Wrong-Password-1")
    assert r.status_code == 429 and r.headers["Retry-After"] == "60"
    assert re.fullmatch(r"Too many failed sign-ins from your address\. "
                        r"Try again in 1 minute \(at %s\)\." % HHMM, message(r)), message(r)
    wait_left(stack, c.source, 240)
    pl = stack.client(lang="pl", source=c.source)
    r = staff_signin(pl, login, NEW_PASSWORD)
    assert r.status_code == 429
    assert re.fullmatch(r"Zbyt wiele nieudanych logowań z Twojego adresu\. "
                        r"Spróbuj ponownie za 4 minuty \(o %s\)\." % HHMM, message(r)), message(r)


def test_mail_limit_wait_in_minutes(stack):
    email = unique("limit") + "@example.com"
    c = stack.client(source=other_address())
    for i in range(5):
        assert c.submit("/portal/reset", "/portal/reset", {"email": email}).status_code == 303, i
    r = c.submit("/portal/reset", "/portal/reset", {"email": email})
    assert r.status_code == 429
    left = int(r.headers["Retry-After"])
    assert 3590 <= left <= 3600
    minutes = (left + 59) // 60
    assert re.fullmatch(r"This address has had as many messages from us within an hour as we send\. "
                        r"Try again in %d minutes \(at %s\)\." % (minutes, HHMM),
                        field_error(r.text, "email")), field_error(r.text, "email")
    # Nearer the end of the hour, fewer minutes, in Polish forms.
    stack.sql("UPDATE mail_request SET at = UTC_TIMESTAMP() - INTERVAL 3480 SECOND"
              " WHERE client_ip = ?", c.source)
    pl = stack.client(lang="pl", source=other_address())
    r = pl.submit("/portal/reset", "/portal/reset", {"email": email})
    assert r.status_code == 429
    assert 115 <= int(r.headers["Retry-After"]) <= 120
    assert re.fullmatch(r"Na ten adres wysłaliśmy już w ciągu godziny tyle wiadomości, ile wysyłamy\. "
                        r"Spróbuj ponownie za 2 minuty \(o %s\)\." % HHMM,
                        field_error(r.text, "email")), field_error(r.text, "email")
