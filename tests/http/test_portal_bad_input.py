"""test_portal_bad_input.py: the sign-up and sign-in forms against bad
input: each invalid field, hostile text, CSRF, oversize and malformed
bodies, and the sign-in rate limit. Every refusal leaves the database as
it was."""
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from zsog import field_error, field_value, other_address, unique

PASSWORD = "Pierwsze-Haslo-1"
HOSTILE = ["O'Brien\"; DROP TABLE x; --", "</title><script>alert(1)</script>"]


def good(email=None):
    return {"first_name": "Tomasz", "last_name": "Nowak", "country": "DE",
            "email": email or unique("bad") + "@example.com",
            "phone": "+48 601 222 333", "password": PASSWORD, "password2": PASSWORD}


def accounts(stack):
    return stack.count("portal_account")


# field, bad value, expected message (English)
INVALID = [
    ("first_name", "", "This field is required"),
    ("first_name", "x" * 101, "This is too long: at most 100 characters"),
    ("first_name", "   ", "This field is required"),
    ("last_name", "", "This field is required"),
    ("country", "", "This field is required"),
    ("country", "XX", "Choose a country"),
    ("country", "pl", "Choose a country"),
    ("email", "", "This field is required"),
    ("email", "not-an-email", "Enter a valid e-mail address, e.g. name@example.com"),
    ("email", "a@b", "Enter a valid e-mail address, e.g. name@example.com"),
    ("phone", "", "This field is required"),
    ("phone", "12", "Enter a phone number in international form, e.g. +48 600 100 200"),
    ("phone", "+48 600 abc 200", "Enter a phone number in international form, e.g. +48 600 100 200"),
    ("password", "", "This field is required"),
    ("password", "short1", None),
    ("password", "onlylowercaseletters", None),
    ("password2", "", "This field is required"),
    ("password2", "Inne-Haslo-999", "The two passwords differ"),
]


@pytest.mark.parametrize("field,value,message", INVALID,
                         ids=["%s-%d" % (f, i) for i, (f, _, _) in enumerate(INVALID)])
def test_signup_invalid_field(stack, client, field, value, message):
    data = good()
    data[field] = value
    if field == "password":
        data["password2"] = value
    before = accounts(stack)
    r = client.submit("/portal/signup", "/portal/signup", data)
    assert r.status_code == 422
    err = field_error(r.text, field)
    assert err, "no message beside %s" % field
    if message:
        assert err == message
    else:
        assert "10 to 128 characters" in err
    # Only that field is wrong.
    others = [f for f in ("first_name", "last_name", "country", "email", "phone",
                          "password", "password2")
              if f != field and not (field == "password" and f == "password2")]
    for f in others:
        assert field_error(r.text, f) is None, f
    # What was typed comes back, passwords never.
    for f in ("first_name", "last_name", "email", "phone"):
        if f != field:
            assert field_value(r.text, f) == data[f]
    assert 'value="%s"' % PASSWORD not in r.text and PASSWORD not in r.text
    assert '<option value="DE" selected>' in r.text or field == "country"
    assert accounts(stack) == before
    assert stack.count("outbox", "recipient = ?", data["email"]) == 0


def test_signup_with_a_taken_address_answers_like_a_new_one(stack, client):
    """An address that has an account gets "check your e-mail", like a new
    one (it answered 422 "cannot be opened with this address", which told
    anyone who has an account); the owner is the one told, by e-mail."""
    before = accounts(stack)
    anna = "anna.kowalska@demo.zsog.pl"
    pw = stack.scalar("SELECT pwhash FROM portal_account WHERE email = ?", anna)
    # The owner is told in the language the account reads
    # (test_mail_lang.py): here English.
    stack.sql("UPDATE portal_account SET lang = 'en' WHERE email = ?", anna)
    sent_before = len(stack.mails(anna))
    new = client.submit("/portal/signup", "/portal/signup", good())
    taken = client.submit("/portal/signup", "/portal/signup", good(anna))
    # Case does not make a new address.
    upper = client.submit("/portal/signup", "/portal/signup", good("Anna.Kowalska@DEMO.zsog.pl"))
    for r in (new, taken, upper):
        assert (r.status_code, r.headers.get("Location"), r.text) == \
            (303, "/portal/signup/sent", "")
    assert accounts(stack) == before + 1
    assert stack.scalar("SELECT pwhash FROM portal_account WHERE email = ?", anna) == pw
    mails = stack.mails(anna)
    assert len(mails) == sent_before + 2
    subject, body = mails[0]
    assert subject == "Your account in the customs e-services portal"
    assert body.startswith("Hello Anna,")
    assert "The address already has an account, so no new one was opened." in body
    assert re.search(r"Sign in here: https?://[^/\s]+/portal/signin\n", body)
    assert re.search(r"set a new one here: https?://[^/\s]+/portal/reset\n", body)
    assert stack.count("audit_log", "action = 'portal.signup_taken' AND object = 'portal_account:1'") >= 2


def test_signup_mails_per_address_are_limited(stack):
    """Accounts.MailsPerHour (5) per address, whether it has an account
    or not: the sixth sign-up is refused beside the field, typed values
    kept, nothing changed."""
    email = unique("many") + "@example.com"
    c = stack.client(source=other_address())
    for i in range(5):
        r = c.submit("/portal/signup", "/portal/signup", good(email))
        assert r.status_code == 303, (i, r.text[:300])
    before = (accounts(stack), stack.count("outbox"))
    r = c.submit("/portal/signup", "/portal/signup", good(email))
    assert r.status_code == 429
    assert re.fullmatch(r"This address has had as many messages from us within an hour"
                        r" as we send\. Try again in \d+ minutes? \(at \d\d:\d\d\)\.",
                        field_error(r.text, "email")), field_error(r.text, "email")
    assert field_value(r.text, "first_name") == "Tomasz" and PASSWORD not in r.text
    assert (accounts(stack), stack.count("outbox")) == before
    # One confirmation, then four mails to the owner.
    assert [m[0] for m in stack.mails(email)] == \
        ["Your account in the customs e-services portal"] * 4 + ["Confirm your e-mail address"]


def test_hostile_text_is_stored_and_shown_back_escaped(stack, client):
    for bad in HOSTILE:
        email = unique("hostile") + "@example.com"
        data = good(email)
        data["first_name"] = bad
        data["last_name"] = bad
        # Invalid e-mail as well, so the form comes back with the values.
        data["email"] = bad
        r = client.submit("/portal/signup", "/portal/signup", data)
        assert r.status_code == 422
        assert "<script>alert" not in r.text
        assert field_value(r.text, "first_name") == bad
        assert field_value(r.text, "email") == bad
        if "<script>" in bad:
            assert "&lt;script&gt;" in r.text

        # Stored as typed, byte for byte, and shown back escaped.
        data["email"] = email
        r = client.submit("/portal/signup", "/portal/signup", data)
        assert r.status_code == 303, r.text[:400]
        assert stack.sql("SELECT first_name, last_name FROM portal_account WHERE email = ?",
                         email) == [[bad, bad]]
        link = stack.link_in_outbox(email, "/portal/confirm")
        c = stack.client()
        page = c.get(link)
        c.post("/portal/confirm", {"t": link.split("t=")[1]})
        c.submit("/portal/signin", "/portal/signin", {"email": email, "password": PASSWORD})
        page = c.get("/portal/account")
        assert page.status_code == 200
        assert "<script>alert" not in page.text
        if "<script>" in bad:
            assert "&lt;script&gt;" in page.text
        else:
            assert "O&#39;Brien&quot;; DROP TABLE x; --" in page.text or \
                "O&#x27;Brien&quot;; DROP TABLE x; --" in page.text
    # The table the SQL tried to drop is still there.
    assert stack.count("portal_account") > 0


def test_hostile_text_in_signin_and_reset(stack, client):
    for bad in HOSTILE:
        r = client.submit("/portal/signin", "/portal/signin",
                          {"email": bad, "password": bad, "next": bad})
        assert r.status_code == 401
        assert "<script>alert" not in r.text
        r = client.submit("/portal/reset", "/portal/reset", {"email": bad})
        assert r.status_code == 422 and field_error(r.text, "email")
        assert "<script>alert" not in r.text


def test_signup_without_csrf_token_is_403(stack, client):
    before = accounts(stack)
    client.get("/portal/signup")
    r = client.post("/portal/signup", good(), csrf=False)
    assert r.status_code == 403
    assert accounts(stack) == before


def test_signup_with_wrong_csrf_token_is_403(stack, client):
    before = accounts(stack)
    client.get("/portal/signup")
    for token in ("0" * 64, client.csrf[:-1] + ("0" if client.csrf[-1] != "0" else "1"), "x"):
        data = good()
        data["csrf"] = token
        r = client.post("/portal/signup", data)
        assert r.status_code == 403
    # Another visitor's token is not ours either.
    other = stack.client()
    other.get("/portal/signup")
    data = good()
    data["csrf"] = other.csrf
    assert client.post("/portal/signup", data).status_code == 403
    assert accounts(stack) == before


def test_signin_and_reset_need_csrf(stack, client):
    client.get("/portal/signin")
    r = client.post("/portal/signin", {"email": "anna.kowalska@demo.zsog.pl",
                                       "password": "Demo-Haslo-2026"}, csrf=False)
    assert r.status_code == 403
    assert "zsog_portal=" not in r.headers.get("Set-Cookie", "")
    before = stack.count("outbox")
    r = client.post("/portal/reset", {"email": "anna.kowalska@demo.zsog.pl"}, csrf=False)
    assert r.status_code == 403
    assert stack.count("outbox") == before


def test_oversize_body_is_413(stack, client):
    before = accounts(stack)
    client.get("/portal/signup")
    data = good()
    data["first_name"] = "A" * (1024 * 1024 + 10)
    r = client.post("/portal/signup", data)
    assert r.status_code == 413
    assert accounts(stack) == before


def test_too_many_fields_is_400(stack, client):
    before = accounts(stack)
    client.get("/portal/signup")
    data = good()
    for i in range(300):
        data["f%d" % i] = "x"
    r = client.post("/portal/signup", data)
    assert r.status_code == 400
    assert "too many fields" in r.text
    assert accounts(stack) == before


def raw_post(client, body):
    client.get("/portal/signup")
    return client.http.post(client.base + "/portal/signup", data=body.encode(),
                            headers={"Content-Type": "application/x-www-form-urlencoded"},
                            allow_redirects=False)


def good_body(client, first):
    d = good()
    rest = "&".join("%s=%s" % (k, requests.utils.quote(v, safe=""))
                    for k, v in d.items() if k != "first_name")
    return "first_name=%s&%s&csrf=%s" % (first, rest, client.csrf)


def test_broken_percent_encoding_is_400(stack, client):
    before = accounts(stack)
    client.get("/portal/signup")
    r = raw_post(client, good_body(client, "%zz"))
    assert r.status_code == 400
    assert "percent-encoding" in r.text
    assert accounts(stack) == before


def test_invalid_utf8_is_400(stack, client):
    before = accounts(stack)
    client.get("/portal/signup")
    r = raw_post(client, good_body(client, "%ff%fe"))
    assert r.status_code == 400
    assert "not valid UTF-8" in r.text
    assert accounts(stack) == before


def test_the_good_body_alone_is_accepted(stack, client):
    """The raw bodies above fail only for their broken part."""
    client.get("/portal/signup")
    r = raw_post(client, good_body(client, "Tomasz"))
    assert r.status_code == 303


def test_signin_burst_gets_429(stack):
    """nginx's limit_req (test stack: 600r/m, burst 60, per client address)
    answers the excess with 429. nginx counts attempts before the program
    sees them, so the attempts carry a wrong CSRF token: the program refuses
    them at once (403) instead of spending an argon2id verification each,
    which on a loaded machine would keep the rate under the limit. An
    address of its own: the bucket it empties is nobody else's, so no test
    after it waits for it to drain."""
    c = stack.client(source=other_address())
    c.get("/portal/signin")

    def attempt(i):
        r = c.http.post(c.base + "/portal/signin",
                        data={"email": unique("burst") + "@example.com",
                              "password": "Zle-Haslo-12345", "csrf": "0" * 64},
                        allow_redirects=False)
        return r.status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(attempt, range(150)))
    assert 429 in codes, codes
    assert set(codes) <= {403, 429}, set(codes)


@pytest.mark.parametrize("path", ["/portal/reset", "/portal/signup"])
def test_mail_form_burst_gets_429(stack, path):
    """The forms that send e-mail have their own limit_req zone (test
    stack: 600r/m, burst 60, per client address): the excess gets nginx's
    429 page before the program sees it. Wrong CSRF tokens again keep the
    program's share cheap; an address of its own keeps other tests out of
    this bucket, and the showing of the form is not counted."""
    c = stack.client(source=other_address())
    assert c.get(path).status_code == 200

    def attempt(i):
        r = c.http.post(c.base + path,
                        data={"email": unique("burst") + "@example.com", "csrf": "0" * 64},
                        allow_redirects=False)
        return r.status_code, r.text

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(attempt, range(150)))
    codes = [s for s, _ in answers]
    assert 429 in codes, codes
    assert set(codes) <= {403, 429}, set(codes)
    assert all("Too many attempts" in t for s, t in answers if s == 429)
    assert c.get(path).status_code == 200
    # Other addresses are not held back.
    assert stack.client().get(path).status_code == 200
