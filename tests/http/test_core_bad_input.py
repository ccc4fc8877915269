"""test_core_bad_input.py: what the shared core (and nginx in front of it)
answers to requests it cannot read: too large, too many fields, broken
percent-encoding, invalid UTF-8, a body type a form route does not read,
unknown routes and wrong methods; each error page names the problem in the
user's language (the message comes from L.err in templates/lang/)."""
import html
import os
import re

import pytest
import requests

from zsog import read_hdf

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def lang_strings(lang):
    """templates/lang/<lang>/core.hdf as a dict of dotted names."""
    return read_hdf(os.path.join(ROOT, "templates", "lang", lang, "core.hdf"), {})


ERR = {"en": lang_strings("en"), "pl": lang_strings("pl")}


def message(key, lang="en"):
    return ERR[lang]["err." + key]


def shows(r, key, lang="en"):
    """The error page in the layout names what is wrong."""
    text = html.unescape(r.text)
    return message(key, lang) in text and 'class="top"' in r.text


def form_route(client):
    """A form route with a CSRF token (R_CSRF) that exists on this tree:
    (form page, action), or None."""
    for page in ("/portal/signin", "/skr/signin", "/portal/signup"):
        r = client.get(page)
        if r.status_code != 200:
            continue
        m = re.search(r'<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>(?:(?!</form>).)*name="csrf"',
                      r.text, re.S)
        if m and not m.group(1).endswith("signout"):
            return page, html.unescape(m.group(1))
    return None


# ---- size ----

def test_body_over_nginx_limit_is_413(stack):
    body = b"a=" + b"x" * (1024 * 1024 + 10)
    r = requests.post(stack.base + "/", data=body,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    # nginx's own page, in both languages
    assert "The request is too large" in r.text
    assert "Żądanie jest za duże" in r.text


def test_too_many_fields_is_400(client):
    body = "&".join("f%d=%d" % (i, i) for i in range(300))
    r = client.post("/", body, csrf=False,
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400
    assert shows(r, "too_many_fields")


def test_many_fields_within_the_limit_reach_the_router(client):
    # 200 fields parse; "/" then answers for the method, not the body.
    body = "&".join("f%d=%d" % (i, i) for i in range(200))
    r = client.post("/", body, csrf=False,
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 405
    assert shows(r, "method")


# ---- encoding ----

@pytest.mark.parametrize("body", ["a=%zz", "a=%4", "a=1&b=%", "%G1=x"])
def test_broken_percent_encoding_in_body_is_400(client, body):
    r = client.post("/", body, csrf=False,
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400
    assert shows(r, "encoding")


class RawResponse:
    """What raw_get answers, shaped like a requests response."""

    def __init__(self, resp):
        self.status_code = resp.status
        self.headers = dict(resp.getheaders())
        self.text = resp.read().decode("utf-8", "replace")

    def json(self):
        import json
        return json.loads(self.text)


def raw_get(stack, target, headers=None):
    """GET with the request target sent byte for byte: requests would
    re-quote a broken escape such as %zz into %25zz."""
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=10)
    try:
        conn.request("GET", target, headers=dict({"Accept-Language": "en"}, **(headers or {})))
        return RawResponse(conn.getresponse())
    finally:
        conn.close()


def test_broken_percent_encoding_in_query_is_400(stack):
    r = raw_get(stack, "/?a=%zz")
    assert r.status_code == 400
    assert shows(r, "encoding")


@pytest.mark.parametrize("query", ["x=%C3%28", "x=%FF", "x=%C0%AF", "x=%ED%A0%80", "x=a%00b", "%FF=1"])
def test_invalid_utf8_or_control_in_query_is_400(client, query):
    r = client.get("/?" + query)
    assert r.status_code == 400
    assert shows(r, "utf8")


def test_invalid_utf8_in_body_is_400(client):
    for body in (b"name=%C3%28", b"name=\xff\xfe", b"name=x%01y"):
        r = client.post("/", body, csrf=False,
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status_code == 400, body
        assert shows(r, "utf8"), body


def test_invalid_utf8_in_multipart_text_field_is_400(client):
    body = (b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
            b"\xc3\x28\r\n--B--\r\n")
    r = client.post("/", body, csrf=False,
                    headers={"Content-Type": "multipart/form-data; boundary=B"})
    assert r.status_code == 400
    assert shows(r, "utf8")


def test_malformed_multipart_is_400(client):
    body = b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv"  # no closing
    r = client.post("/", body, csrf=False,
                    headers={"Content-Type": "multipart/form-data; boundary=B"})
    assert r.status_code == 400
    assert shows(r, "malformed")


def test_error_message_in_polish(stack):
    pl = stack.client(lang="pl-PL,pl;q=0.9")
    r = pl.get("/?x=%FF")
    assert r.status_code == 400
    assert '<html lang="pl">' in r.text
    assert shows(r, "utf8", "pl")


# ---- media type ----

def test_body_without_content_type_is_415(stack):
    # requests sends raw bytes without a Content-Type header.
    r = requests.post(stack.base + "/", data=b"a=1")
    assert r.status_code == 415
    assert message("media_type") in html.unescape(r.text) or \
        message("media_type", "pl") in html.unescape(r.text)


def test_form_route_refuses_text_plain_body_with_415(client, stack):
    found = form_route(client)
    if not found:
        pytest.skip("no form route with a CSRF token on this tree yet")
    _, action = found
    before = stack.count("session")
    r = client.http.post(stack.base + action, data=("csrf=%s" % client.csrf).encode(),
                         headers={"Content-Type": "text/plain"}, allow_redirects=False)
    assert r.status_code == 415
    assert shows(r, "media_type")
    assert stack.count("session") == before


def test_form_route_without_csrf_token_is_403(client, stack):
    found = form_route(client)
    if not found:
        pytest.skip("no form route with a CSRF token on this tree yet")
    _, action = found
    before = stack.count("session")
    r = client.post(action, {"email": "x@example.com", "password": "x"}, csrf=False)
    assert r.status_code == 403
    assert shows(r, "csrf")
    r = client.post(action, {"csrf": "0" * 64, "email": "x@example.com"})
    assert r.status_code == 403
    assert stack.count("session") == before


# ---- routes ----

def test_unknown_route_is_404_page_and_json(client):
    r = client.get("/portal/no-such-page")
    assert r.status_code == 404
    assert shows(r, "not_found")
    r = client.get("/portal/no-such-page", headers={"Accept": "application/json"})
    assert r.status_code == 404
    assert r.headers["Content-Type"] == "application/json"
    assert r.json() == {"status": 404, "error": "not_found",
                        "message": message("not_found"), "fields": {}}


def test_wrong_method_is_405_page_and_json(client):
    r = client.http.delete(client.base + "/", allow_redirects=False)
    assert r.status_code == 405
    assert r.headers["Allow"] == "GET"
    assert shows(r, "method")
    r = client.post("/", {"x": "1"}, csrf=False, headers={"Accept": "application/json"})
    assert r.status_code == 405
    assert r.headers["Allow"] == "GET"
    assert r.json() == {"status": 405, "error": "method",
                        "message": message("method"), "fields": {}}


def test_json_error_for_bad_encoding(stack):
    r = raw_get(stack, "/?a=%zz", {"Accept": "application/json"})
    assert r.status_code == 400
    assert r.json()["error"] == "encoding"
    assert r.json()["message"] == message("encoding")


def test_head_of_a_page_has_no_body(stack):
    r = requests.head(stack.base + "/")
    assert r.status_code == 200
    assert r.text == ""
    assert r.headers["Content-Type"].startswith("text/html")


# ---- sessions ----

def signed_in_portal_client(stack):
    """A client signed in as a demo portal user, and its session token."""
    import zsog
    c = stack.client()
    r = c.submit("/portal/signin", "/portal/signin",
                 {"email": "anna.kowalska@demo.zsog.pl", "password": zsog.DEMO_PASSWORD})
    assert r.status_code == 303, r.text[:300]
    token = c.http.cookies.get("zsog_portal")
    assert token and len(token) == 64
    assert c.get("/portal/account").status_code == 200
    return c, token


def age_session(stack, token, column, seconds):
    import hashlib
    stack.sql("UPDATE session SET %s = UTC_TIMESTAMP() - INTERVAL %d SECOND"
              " WHERE token_hash = UNHEX(?)" % (column, seconds),
              hashlib.sha256(token.encode()).hexdigest())


def session_rows(stack, token):
    import hashlib
    return stack.count("session", "token_hash = UNHEX(?)",
                       hashlib.sha256(token.encode()).hexdigest())


def password_hash(stack):
    return stack.scalar("SELECT pwhash FROM portal_account WHERE email = ?",
                        "anna.kowalska@demo.zsog.pl")


def test_idle_session_redirects_page_to_signin_and_refuses_post(stack):
    idle = int(re.search(r"IdleSeconds = (\d+)",
                         open(os.path.join(stack.var, "etc", "zsog.hdf")).read()).group(1))
    c, token = signed_in_portal_client(stack)
    before = password_hash(stack)
    # Just inside the idle limit, the session still counts.
    age_session(stack, token, "last_seen", idle - 60)
    assert c.get("/portal/account").status_code == 200

    c2, token2 = signed_in_portal_client(stack)
    c2.get("/portal/account")          # a CSRF token of the live session
    age_session(stack, token2, "last_seen", idle + 60)
    # A wrong current password: the shared demo account must not change
    # even if the expiry check were broken.
    r = c2.post("/portal/password", {"current": "x", "password": "Nowe-Haslo-2026-x",
                                     "password2": "Nowe-Haslo-2026-x"})
    assert r.status_code == 401
    assert shows(r, "session_expired")
    assert password_hash(stack) == before
    assert session_rows(stack, token2) == 0, "an idle session is removed"
    r = c2.get("/portal/account")
    assert r.status_code == 303
    assert r.headers["Location"] == "/portal/signin?next=/portal/account"


def test_session_past_absolute_expiry_redirects_to_signin(stack):
    c, token = signed_in_portal_client(stack)
    c.get("/portal/account")
    age_session(stack, token, "expires_at", 1)
    r = c.get("/portal/account")
    assert r.status_code == 303
    assert r.headers["Location"] == "/portal/signin?next=/portal/account"
    r = c.post("/portal/password", {"current": "x", "password": "Nowe-Haslo-2026-x"})
    assert r.status_code == 401
    assert shows(r, "session_expired")
