"""test_skr_staff.py: the intranet's staff accounts through nginx: sign-in
and the wait after failures, the administrator's staff pages with their role checks and
unit scope, the organisational units and the audit log."""
import html
import re
from html.parser import HTMLParser

import pytest

from zsog import DEMO_PASSWORD, field_error, field_value, other_address, unique

NEW_PASSWORD = "Start-Haslo-2026x"
GENERIC_FAILURE = "The login or password is wrong."


def signin(client, login, password=DEMO_PASSWORD, next_=None):
    page = client.get("/skr/signin")
    assert page.status_code == 200
    data = {"login": login, "password": password}
    if next_ is not None:
        data["next"] = next_
    return client.post("/skr/signin", data)


def staff_client(stack, login, password=DEMO_PASSWORD):
    c = stack.client()
    r = signin(c, login, password)
    assert r.status_code == 303, (login, r.status_code, r.text[:300])
    assert "zsog_staff" in c.http.cookies
    return c


def staff_id(stack, login):
    v = stack.scalar("SELECT id FROM staff WHERE login = ?", login)
    return int(v) if v else None


# Given only when a second administrator approves (grant.c).
TWO_ADMIN_ROLES = {"admin", "auditor", "watchlist"}


def create_staff(stack, admin, unit=12, roles=("crossing",), name=None,
                 password=NEW_PASSWORD):
    login = unique("t.")
    data = {"login": login, "full_name": name or "Test " + login,
            "email": login.replace(".", "") + "@skr.test.zsog.pl",
            "password": password, "unit": str(unit), "role": list(roles)}
    r = admin.submit("/skr/admin/staff/new", "/skr/admin/staff/new", data)
    assert r.status_code == 303, (r.status_code, r.text[:2000])
    sid = staff_id(stack, login)
    asked = "pending" if TWO_ADMIN_ROLES & set(roles) else "saved"
    assert r.headers["Location"] == "/skr/admin/staff/%d?%s=1" % (sid, asked)
    return sid, login


def sql_admin(stack, unit, roles=("admin",)):
    """An administrator put in by hand, as docs/operations.md bootstraps
    the first ones (through the pages a second administrator would have to
    approve it). Its password is the demo one."""
    login = unique("a.")
    stack.sql("INSERT INTO staff (login, email, full_name, pwhash, unit_id, created_at)"
              " SELECT ?, ?, ?, pwhash, ?, UTC_TIMESTAMP() FROM staff WHERE id = 1",
              login, login.replace(".", "") + "@skr.test.zsog.pl", "Admin " + login, unit)
    sid = staff_id(stack, login)
    for role in roles:
        stack.sql("INSERT INTO staff_role (staff_id, role) VALUES (?, ?)", sid, role)
    return sid, login


def roles_of(stack, sid):
    return sorted(row[0] for row in stack.sql(
        "SELECT role FROM staff_role WHERE staff_id = ?", sid))


def staff_row(stack, sid):
    return stack.sql("SELECT unit_id, disabled, pwhash FROM staff WHERE id = ?", sid)[0]


def audit_rows(stack, action, obj):
    return stack.sql("SELECT actor_kind, actor_id, actor_name, detail FROM audit_log"
                     " WHERE action = ? AND object = ? ORDER BY id", action, obj)


@pytest.fixture
def admin(stack):
    return staff_client(stack, "admin")


# --- sign-in and sign-out -------------------------------------------------

def test_staff_signin_shows_dashboard_and_signout_ends_it(stack):
    c = stack.client()
    before = stack.count("audit_log", "action = 'staff.signin' AND object = 'staff:1'")
    r = signin(c, "admin")
    assert r.status_code == 303 and r.headers["Location"] == "/skr/"
    assert "/skr/" in r.headers["Set-Cookie"] and "HttpOnly" in r.headers["Set-Cookie"]
    page = c.get("/skr/")
    assert page.status_code == 200
    assert "Marta Adamczyk" in page.text
    assert "Ministry of Finance" in page.text
    assert re.search(r'id="me-roles">.*administrator', page.text)
    assert 'href="/skr/admin/staff"' in page.text and 'href="/skr/audit"' in page.text
    assert stack.count("audit_log", "action = 'staff.signin' AND object = 'staff:1'"
                       " AND actor_kind = 'staff' AND actor_id = 1") == before + 1

    r = c.post("/skr/signout", {})
    assert r.status_code == 303 and r.headers["Location"].startswith("/skr/signin")
    r = c.get("/skr/")
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=/skr/"


def test_dashboard_in_polish_names_the_unit_in_polish(stack):
    c = stack.client(lang="pl")
    assert signin(c, "grzechotki").status_code == 303
    page = c.get("/skr/")
    assert "Oddział Celny w Grzechotkach" in page.text
    assert "obsługa przejścia" in page.text and "lista zastrzeżeń" in page.text
    # A crossing officer gets no administration links.
    assert 'href="/skr/admin/staff"' not in page.text
    assert 'href="/skr/audit"' not in page.text


def test_signin_returns_to_a_local_next_only(stack):
    c = stack.client()
    r = signin(c, "audytor", next_="/skr/audit")
    assert r.headers["Location"] == "/skr/audit"
    c = stack.client()
    r = signin(c, "audytor", next_="//evil.example/x")
    assert r.headers["Location"] == "/skr/"


def test_wrong_password_and_unknown_login_get_the_same_answer(stack, admin):
    sid, login = create_staff(stack, admin)
    c = stack.client()
    wrong = signin(c, login, "Wrong-Password-1")
    assert wrong.status_code == 401
    assert GENERIC_FAILURE in wrong.text
    assert "zsog_staff" not in c.http.cookies
    assert field_value(wrong.text, "login") == login
    assert "Wrong-Password-1" not in wrong.text
    unknown = signin(c, unique("nobody."), "Wrong-Password-1")
    assert unknown.status_code == 401
    assert GENERIC_FAILURE in unknown.text
    assert audit_rows(stack, "staff.signin_failed", "staff:%d" % sid)[0][3] == (
        "@skr.audit.detail.wrong_password")


def test_empty_signin_form_is_422_beside_the_fields(client):
    client.get("/skr/signin")
    r = client.post("/skr/signin", {"login": "", "password": ""})
    assert r.status_code == 422
    assert field_error(r.text, "login") == "This field is required"
    assert field_error(r.text, "password") == "This field is required"


WAIT_RE = re.compile(r"Too many failed sign-ins from your address\. "
                     r"Try again in (\d+) minutes? \(at \d\d:\d\d\)\.")


def signin_message(r):
    return re.search(r'id="signin-error">(.*?)</div>', r.text, re.S).group(1)


def test_failures_make_the_address_wait_not_the_officer(stack, admin):
    """Five failures locked any officer for 15 minutes (429 for a known
    login, 401 for an unknown one), over and over, until an administrator
    stepped in. Now the address that fails waits, the same for a login
    that names nobody, and the officer elsewhere signs in."""
    sid, login = create_staff(stack, admin)
    # The owner is told in the language they read (staff.lang,
    # test_mail_lang.py): this one reads English.
    stack.sql("UPDATE staff SET lang = 'en' WHERE id = ?", sid)
    answers = {}
    for who in (login, unique("nobody.")):
        c = stack.client(source=other_address())
        seen = []
        for _ in range(7):
            r = signin(c, who, "Wrong-Password-1")
            seen.append((r.status_code, re.sub(r"\d\d:\d\d", "HH:MM", signin_message(r))))
        answers[who] = (c, seen)
    attacker, seen = answers[login]
    assert seen == answers[[k for k in answers if k != login][0]][1]
    assert [st for st, _ in seen] == [401] * 5 + [429, 429]
    assert seen[0][1] == GENERIC_FAILURE
    assert WAIT_RE.fullmatch(seen[5][1].replace("HH:MM", "00:00")).group(1) == "1"
    # Waiting: even the right password is refused there, unchecked.
    r = signin(attacker, login, NEW_PASSWORD)
    assert r.status_code == 429 and WAIT_RE.fullmatch(signin_message(r))
    assert "zsog_staff" not in attacker.http.cookies
    # The officer at their own desk is not locked out.
    staff_client_from(stack, login, NEW_PASSWORD)
    assert stack.count("session", "kind = 'staff' AND account_id = ?", sid) == 1

    # The officer is told by e-mail (staff have no reset page of their own).
    mails = stack.mails(login.replace(".", "") + "@skr.test.zsog.pl")
    assert [m[0] for m in mails] == ["Failed sign-ins to your account"]
    assert "Address: %s\n" % attacker.source in mails[0][1]
    assert "ask an administrator for a new one" in mails[0][1]

    # An administrator's new password ends the waits for the officer.
    r = admin.submit("/skr/admin/staff/%d" % sid, "/skr/admin/staff/%d/password" % sid,
                     {"password": "Another-Haslo-77"})
    assert r.status_code == 303
    assert audit_rows(stack, "staff.password_reset", "staff:%d" % sid)[0][2] == "Marta Adamczyk"
    r = signin(attacker, login, "Another-Haslo-77")
    assert r.status_code == 303


def staff_client_from(stack, login, password, source=None):
    c = stack.client(source=source or other_address())
    r = signin(c, login, password)
    assert r.status_code == 303, (login, r.status_code, r.text[:300])
    return c


def test_failed_signin_audit_keeps_no_unknown_login_text(stack, admin):
    """Finding 4: an unknown login was stored as login:<text>, and that
    text is sometimes a password typed into the wrong field."""
    typo = "Moje-Haslo-" + unique("")
    c = stack.client(source=other_address())
    assert signin(c, typo, "x").status_code == 401
    assert stack.count("audit_log", "object LIKE ? OR detail LIKE ?",
                       "%" + typo + "%", "%" + typo + "%") == 0
    assert stack.sql("SELECT object, detail FROM audit_log WHERE action = 'staff.signin_failed'"
                     " AND client_ip = ?", c.source) == [["login:unknown", "@skr.audit.detail.unknown_login"]]


def test_portal_accounts_and_foreign_cookies_do_not_reach_skr(stack):
    c = stack.client()
    c.http.cookies.set("zsog_staff", "a" * 64)
    c.http.cookies.set("zsog_portal", "b" * 64)
    r = c.get("/skr/admin/staff")
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=/skr/admin/staff"
    r = signin(stack.client(), "anna.kowalska@demo.zsog.pl")
    assert r.status_code == 401


# --- role checks ------------------------------------------------------------

def test_admin_routes_refuse_other_roles_and_change_nothing(stack):
    officer = staff_client(stack, "grzechotki")
    officer.get("/skr/")
    for path in ("/skr/admin/staff", "/skr/admin/staff/new", "/skr/admin/staff/5",
                 "/skr/admin/units"):
        assert officer.get(path).status_code == 403, path
    staff_before = stack.count("staff")
    five = staff_row(stack, 5)
    login = unique("t.")
    r = officer.post("/skr/admin/staff/new", {
        "login": login, "full_name": "X Y", "email": "x@skr.test.zsog.pl",
        "password": NEW_PASSWORD, "unit": "12", "role": "admin"})
    assert r.status_code == 403
    assert officer.post("/skr/admin/staff/5", {"unit": "12", "role": "admin"}).status_code == 403
    assert officer.post("/skr/admin/staff/5/status", {"disabled": "1"}).status_code == 403
    assert officer.post("/skr/admin/staff/5/password",
                        {"password": NEW_PASSWORD}).status_code == 403
    # Its own account is no different.
    assert officer.post("/skr/admin/staff/4", {"unit": "12", "role": "admin"}).status_code == 403
    assert stack.count("staff") == staff_before
    assert staff_row(stack, 5) == five
    assert roles_of(stack, 5) == ["crossing"]
    assert roles_of(stack, 4) == ["crossing", "watchlist"]


def test_audit_page_for_auditor_not_for_crossing_officer(stack):
    auditor = staff_client(stack, "audytor")
    r = auditor.get("/skr/audit")
    assert r.status_code == 200
    assert "staff.signin" in r.text
    newest = stack.sql("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")[0][0]
    first = re.search(r'<tbody>\s*<tr data-id="\d+" data-action="([^"]*)"', r.text, re.S)
    assert first and html.unescape(first.group(1)) == newest
    # Read-only: no form on it posts anywhere but sign-out.
    assert re.findall(r'<form method="post" action="([^"]+)"', r.text) == ["/skr/signout"]
    officer = staff_client(stack, "grzechotki")
    assert officer.get("/skr/audit").status_code == 403


def test_audit_filters_and_pages(stack, admin):
    sid, login = create_staff(stack, admin)
    obj = "staff:%d" % sid
    # Two pages' worth of rows about the new officer besides its creation,
    # written straight into the log: sign-ins make no rows fast enough now
    # that a failing address waits.
    stack.sql("INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, object,"
              " detail, request_id, client_ip)"
              " SELECT UTC_TIMESTAMP(6), 'anonymous', 0, '', 'staff.signin_failed', ?,"
              " 'wrong password', 'test', '127.0.0.1'"
              " FROM (WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k"
              " WHERE i < 55) SELECT i FROM k) AS rows_", obj)
    total = stack.count("audit_log", "object = ?", obj)
    assert total >= 56
    r = admin.get("/skr/audit", params={"object": obj})
    assert r.status_code == 200
    ids = [int(x) for x in re.findall(r'<tr data-id="(\d+)"[^>]*>', r.text)]
    assert len(ids) == 50 and ids == sorted(ids, reverse=True)
    assert 'rel="next"' in r.text
    r2 = admin.get("/skr/audit", params={"object": obj, "page": "2"})
    ids2 = [int(x) for x in re.findall(r'<tr data-id="(\d+)"[^>]*>', r2.text)]
    assert len(ids2) == total - 50 and max(ids2) < min(ids)
    assert 'rel="prev"' in r2.text
    # An action (whole, from the list), an area, actor and dates.
    r = admin.get("/skr/audit", params={"object": obj, "action": "staff.create"})
    assert len(re.findall(r'<tr data-id=', r.text)) == 1 and "staff.create" in r.text
    r = admin.get("/skr/audit", params={"object": obj, "action": "staff"})
    assert len(re.findall(r'<tr data-id=', r.text)) == 50
    r = admin.get("/skr/audit", params={"object": obj, "action": "staff.cre"})
    assert r.status_code == 422 and '<tr data-id=' not in r.text
    assert field_error(r.text, "action") == "Choose an action from the list"
    r = admin.get("/skr/audit", params={"object": obj, "actor": "admin"})
    assert len(re.findall(r'<tr data-id=', r.text)) == 1
    today = stack.scalar("SELECT UTC_DATE()")
    r = admin.get("/skr/audit", params={"object": obj, "from": today, "to": today})
    assert len(re.findall(r'<tr data-id=', r.text)) == 50
    r = admin.get("/skr/audit", params={"object": obj, "to": "2000-01-01"})
    assert 'id="audit-none"' in r.text
    r = admin.get("/skr/audit", params={"from": "2026-02-30"})
    assert r.status_code == 422
    assert field_error(r.text, "from") == "Enter a real date as YYYY-MM-DD"
    r = admin.get("/skr/audit", params={"action": "%"})
    assert r.status_code == 422 and 'id="audit-none"' not in r.text
    assert field_error(r.text, "action") == "Choose an action from the list"


# --- creating and editing staff ---------------------------------------------

def test_create_staff_appears_signs_in_and_is_audited(stack, admin):
    sid, login = create_staff(stack, admin, unit=22, roles=("crossing", "risk"))
    assert roles_of(stack, sid) == ["crossing", "risk"]
    row = stack.sql("SELECT unit_id, created_by, pwhash FROM staff WHERE id = ?", sid)[0]
    assert row[0] == "22" and row[1] == "1" and row[2].startswith("$argon2id$")
    lst = admin.get("/skr/admin/staff")
    assert 'href="/skr/admin/staff/%d">%s</a>' % (sid, login) in lst.text
    # Filters: by role and unit it shows; by another role it does not.
    assert login in admin.get("/skr/admin/staff", params={"role": "risk", "unit": "21"}).text
    assert login not in admin.get("/skr/admin/staff", params={"role": "watchlist"}).text
    assert login not in admin.get("/skr/admin/staff", params={"disabled": "1"}).text
    assert login not in admin.get("/skr/admin/staff", params={"unit": "12"}).text
    rows = audit_rows(stack, "staff.create", "staff:%d" % sid)
    assert len(rows) == 1
    assert rows[0][:3] == ["staff", "1", "Marta Adamczyk"]
    assert rows[0][3] == "@skr.audit.detail.staff_create|%s|OCD-KOR (22)|crossing,risk|%s" % (
        login, stack.scalar("SELECT full_name FROM staff WHERE id = ?", sid))
    newbie = staff_client(stack, login, NEW_PASSWORD)
    page = newbie.get("/skr/")
    assert "Road Customs Branch in Koroszczyn" in page.text
    assert newbie.get("/skr/admin/staff").status_code == 403


def test_assign_roles_and_unit(stack, admin):
    sid, login = create_staff(stack, admin, unit=12, roles=("crossing",))
    r = admin.submit("/skr/admin/staff/%d" % sid, "/skr/admin/staff/%d" % sid,
                     {"unit": "22", "role": ["risk", "fleet"]})
    assert r.status_code == 303
    assert staff_row(stack, sid)[0] == "22"
    assert roles_of(stack, sid) == ["fleet", "risk"]
    detail = audit_rows(stack, "staff.update", "staff:%d" % sid)[0][3]
    assert detail == "@skr.audit.detail.unit_roles|OC-GRZ (12)|OCD-KOR (22)|crossing|risk,fleet"
    page = admin.get("/skr/admin/staff/%d" % sid)
    assert "Road Customs Branch in Koroszczyn" in page.text and "staff.update" in page.text
    # Taking every role away is allowed and recorded.
    r = admin.submit("/skr/admin/staff/%d" % sid, "/skr/admin/staff/%d" % sid, {"unit": "22"})
    assert r.status_code == 303 and roles_of(stack, sid) == []


def test_edit_of_unknown_staff_is_404(admin):
    assert admin.get("/skr/admin/staff/999999").status_code == 404
    assert admin.get("/skr/admin/staff/abc").status_code == 404
    admin.get("/skr/")
    assert admin.post("/skr/admin/staff/999999/status", {"disabled": "1"}).status_code == 404


def test_disable_ends_sessions_and_blocks_signin_until_enabled(stack, admin):
    sid, login = create_staff(stack, admin)
    victim = staff_client(stack, login, NEW_PASSWORD)
    assert victim.get("/skr/").status_code == 200
    r = admin.submit("/skr/admin/staff/%d" % sid, "/skr/admin/staff/%d/status" % sid,
                     {"disabled": "1", "confirm": "1"})
    assert r.status_code == 303
    assert staff_row(stack, sid)[1] == "1"
    assert stack.count("session", "kind = 'staff' AND account_id = ?", sid) == 0
    r = victim.get("/skr/")
    assert r.status_code == 303 and r.headers["Location"].startswith("/skr/signin")
    c = stack.client()
    r = signin(c, login, NEW_PASSWORD)
    assert r.status_code == 403 and "disabled" in r.text
    assert "zsog_staff" not in c.http.cookies
    assert len(audit_rows(stack, "staff.disable", "staff:%d" % sid)) == 1
    assert login in admin.get("/skr/admin/staff", params={"disabled": "1"}).text
    r = admin.submit("/skr/admin/staff/%d" % sid, "/skr/admin/staff/%d/status" % sid,
                     {"disabled": "0"})
    assert r.status_code == 303 and staff_row(stack, sid)[1] == "0"
    staff_client(stack, login, NEW_PASSWORD)


def test_administrator_cannot_disable_self_or_change_own_roles(stack, admin):
    r = admin.submit("/skr/admin/staff/1", "/skr/admin/staff/1/status", {"disabled": "1"})
    assert r.status_code == 422
    assert field_error(r.text, "disabled") == "You cannot disable your own account"
    assert staff_row(stack, 1)[1] == "0"
    # Not even taking its own administration away (test_skr_duties.py has
    # the rest): another administrator changes one's roles.
    r = admin.submit("/skr/admin/staff/1", "/skr/admin/staff/1", {"unit": "1", "role": "auditor"})
    assert r.status_code == 403
    assert "You cannot change your own unit or roles: another administrator does it" in r.text
    assert roles_of(stack, 1) == ["admin"]
    assert admin.get("/skr/admin/staff").status_code == 200


def test_chamber_admin_manages_only_its_subtree(stack, admin):
    chamber_id, chamber_login = sql_admin(stack, 20)
    target, target_login = create_staff(stack, admin, unit=22, roles=("crossing",))
    boss = staff_client(stack, chamber_login)
    lst = boss.get("/skr/admin/staff")
    assert lst.status_code == 200
    assert target_login in lst.text and ">koroszczyn<" in lst.text
    assert ">grzechotki<" not in lst.text and ">admin<" not in lst.text
    # Only its own subtree in the unit choices.
    new = boss.get("/skr/admin/staff/new")
    assert 'value="22"' in new.text and 'value="12"' not in new.text

    assert boss.get("/skr/admin/staff/%d" % target).status_code == 200
    r = boss.post("/skr/admin/staff/%d" % target, {"unit": "21", "role": ["crossing", "risk"]})
    assert r.status_code == 303
    assert staff_row(stack, target)[0] == "21" and roles_of(stack, target) == ["crossing", "risk"]
    assert audit_rows(stack, "staff.update", "staff:%d" % target)[0][1] == str(chamber_id)

    # Grzechotki (unit 12) belongs to another chamber: as if it did not exist.
    four = staff_row(stack, 4)
    assert boss.get("/skr/admin/staff/4").status_code == 404
    boss.get("/skr/admin/staff")
    assert boss.post("/skr/admin/staff/4", {"unit": "22", "role": "admin"}).status_code == 404
    assert boss.post("/skr/admin/staff/4/status", {"disabled": "1"}).status_code == 404
    assert boss.post("/skr/admin/staff/4/password", {"password": NEW_PASSWORD}).status_code == 404
    assert boss.get("/skr/admin/staff/1").status_code == 404
    assert staff_row(stack, 4) == four and roles_of(stack, 4) == ["crossing", "watchlist"]
    # Nor can it move its own staff out of its subtree or create staff there.
    r = boss.submit("/skr/admin/staff/%d" % target, "/skr/admin/staff/%d" % target,
                    {"unit": "12", "role": "crossing"})
    assert r.status_code == 422 and field_error(r.text, "unit") == "Choose a unit from the list"
    assert staff_row(stack, target)[0] == "21"
    before = stack.count("staff")
    r = boss.submit("/skr/admin/staff/new", "/skr/admin/staff/new", {
        "login": unique("t."), "full_name": "Out Of Scope", "email": "o@skr.test.zsog.pl",
        "password": NEW_PASSWORD, "unit": "12", "role": "crossing"})
    assert r.status_code == 422 and field_error(r.text, "unit") == "Choose a unit from the list"
    assert stack.count("staff") == before


def test_missing_csrf_token_is_403_and_changes_nothing(stack, admin):
    admin.get("/skr/admin/staff/new")
    before = stack.count("staff")
    login = unique("t.")
    r = admin.post("/skr/admin/staff/new", {
        "login": login, "full_name": "No Token", "email": "n@skr.test.zsog.pl",
        "password": NEW_PASSWORD, "unit": "12"}, csrf=False)
    assert r.status_code == 403
    assert stack.count("staff") == before
    sid, _ = create_staff(stack, admin)
    r = admin.post("/skr/admin/staff/%d/status" % sid, {"disabled": "1", "csrf": "0" * 64})
    assert r.status_code == 403
    assert staff_row(stack, sid)[1] == "0"
    assert admin.post("/skr/signout", {}, csrf=False).status_code == 403
    assert admin.get("/skr/").status_code == 200


BAD_CREATE = [
    ("login", {"login": "with spaces"}, "Use 3 to 64 lower-case letters"),
    ("login", {"login": "admin"}, "This login is already taken"),
    ("password", {"password": "short"}, "Use 10 to 128 characters"),
    ("password", {"password": "alllowercaseletters"}, "Use 10 to 128 characters"),
    ("unit", {"unit": "999"}, "Choose a unit from the list"),
    ("unit", {"unit": "1 OR 1=1"}, "Choose a unit from the list"),
    ("role", {"role": ["crossing", "superuser"]}, "Choose roles from the list"),
    ("email", {"email": "not-an-email"}, "Enter a valid e-mail address"),
    ("full_name", {"full_name": ""}, "This field is required"),
]


@pytest.mark.parametrize("field,override,message", BAD_CREATE,
                         ids=[b[0] + "-" + str(i) for i, b in enumerate(BAD_CREATE)])
def test_bad_input_on_create_is_422_beside_the_field(stack, admin, field, override, message):
    login = unique("t.")
    data = {"login": login, "full_name": "Jan Próbny", "email": login + "@skr.test.zsog.pl",
            "password": NEW_PASSWORD, "unit": "12", "role": ["crossing"]}
    data.update(override)
    before = stack.count("staff")
    roles_before = stack.count("staff_role")
    r = admin.submit("/skr/admin/staff/new", "/skr/admin/staff/new", data)
    assert r.status_code == 422
    assert (field_error(r.text, field) or "").startswith(message)
    assert stack.count("staff") == before and stack.count("staff_role") == roles_before
    # What was typed comes back, except the password.
    if field != "full_name":
        assert field_value(r.text, "full_name") == "Jan Próbny"
    assert NEW_PASSWORD not in r.text


def test_html_and_sql_metacharacters_in_full_name_are_stored_and_shown_escaped(stack, admin):
    name = "<script>alert(1)</script> O'Brien\"; DROP TABLE staff; --"
    sid, login = create_staff(stack, admin, name=name)
    assert stack.scalar("SELECT full_name FROM staff WHERE id = ?", sid) == name
    for page in (admin.get("/skr/admin/staff"), admin.get("/skr/admin/staff/%d" % sid)):
        assert "<script>alert(1)</script>" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    auditor = staff_client(stack, "audytor")
    page = auditor.get("/skr/audit", params={"object": "staff:%d" % sid})
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text


# --- organisational units -------------------------------------------------

class _Tree(HTMLParser):
    """The parent unit of each li id="unit-N" by nesting."""

    def __init__(self):
        super().__init__()
        self.stack, self.parent = [], {}

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            uid = dict(attrs).get("id", "")
            if uid.startswith("unit-"):
                n = int(uid[5:])
                self.parent[n] = self.stack[-1] if self.stack else None
            self.stack.append(int(uid[5:]) if uid.startswith("unit-") else None)

    def handle_endtag(self, tag):
        if tag == "li":
            self.stack.pop()


def test_units_page_nests_ministry_chambers_offices_branches(stack, admin):
    r = admin.get("/skr/admin/units")
    assert r.status_code == 200
    t = _Tree()
    t.feed(r.text)
    assert t.parent[1] is None
    assert t.parent[10] == 1 and t.parent[11] == 10 and t.parent[12] == 11
    assert t.parent[20] == 1 and t.parent[21] == 20 and t.parent[22] == 21
    assert t.parent[32] == 31
    assert "Customs Branch in Grzechotki" in r.text
