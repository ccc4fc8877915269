"""test_skr_duties.py: separation of duties in the intranet (issue 11,
finding 4): nobody changes their own roles; the administrator, auditor and
watch-list roles wait for a second administrator (who neither asked nor gets
the role, over the person's unit), also on a new account; the audit log and
the PUESC archive as each kind of administrator sees them."""
import html
import re

import pytest

from puesc_lib import envelope, eori_body, post
from test_skr_staff import (NEW_PASSWORD, audit_rows, create_staff, roles_of,
                            sql_admin, staff_client)
from zsog import unique

SELF_REFUSED = "You cannot change your own unit or roles: another administrator does it"
OWN_REQUEST = "You asked for this role: a second administrator decides on it"
FOR_SELF = "This role is for you: another administrator decides on it"
NOT_YOURS = "Only the administrator who asked can withdraw this request"
DECIDED = "This request was decided already: reload the page"
ARCHIVE_NATIONAL = ("The message archive is national: it opens for auditors"
                    " and the Ministry&#39;s administrators")


@pytest.fixture
def subtree(stack):
    """A chamber of its own under the Ministry with one branch, so what a
    chamber administrator sees can be listed exactly."""
    code = unique("T")[:12].upper()
    stack.sql("INSERT INTO org_unit (parent_id, kind, code, name_pl, name_en)"
              " VALUES (1, 'chamber', ?, 'Izba testowa', 'Test chamber')", code)
    chamber = int(stack.scalar("SELECT id FROM org_unit WHERE code = ?", code))
    stack.sql("INSERT INTO org_unit (parent_id, kind, code, name_pl, name_en)"
              " VALUES (?, 'branch', ?, 'Oddział testowy', 'Test branch')",
              chamber, code + "B")
    branch = int(stack.scalar("SELECT id FROM org_unit WHERE code = ?", code + "B"))
    return chamber, branch


def grants_of(stack, sid):
    return stack.sql("SELECT id, role, status, requested_by, COALESCE(decided_by, '')"
                     " FROM staff_grant WHERE staff_id = ? ORDER BY id", sid)


def decide(c, grant, decision):
    page = c.get("/skr/admin/grants")
    assert page.status_code == 200
    return c.post("/skr/admin/grants/%s" % grant, {"decision": decision, "confirm": "1"})


def ask_roles(admin, sid, unit, roles):
    return admin.submit("/skr/admin/staff/%d" % sid, "/skr/admin/staff/%d" % sid,
                        {"unit": str(unit), "role": list(roles)})


def error_page(r):
    m = re.search(r"<h1>(\d+) · (.*?)</h1>", r.text, re.S)
    return (int(m.group(1)), html.unescape(m.group(2))) if m else None


# --- the finding, step by step ------------------------------------------------

def test_the_finding_is_refused_at_each_step(stack, subtree):
    chamber, branch = subtree
    a_id, a_login = sql_admin(stack, chamber)
    a = staff_client(stack, a_login)
    before = stack.count("staff_grant")

    # 1. It gives itself the auditor and watch-list roles: 403, nothing
    # changes, nothing is asked, the attempt is in the audit log.
    r = ask_roles(a, a_id, chamber, ("admin", "auditor", "watchlist"))
    assert r.status_code == 403 and error_page(r) == (403, SELF_REFUSED)
    assert roles_of(stack, a_id) == ["admin"]
    assert stack.count("staff_grant") == before
    rows = audit_rows(stack, "staff.self_change_refused", "staff:%d" % a_id)
    assert len(rows) == 1 and rows[0][1] == str(a_id)
    # Stored as a key and its codes, shown in the reader's language
    # (test_audit_words.py).
    assert rows[0][3] == "@skr.audit.detail.self_refused|admin|admin,auditor,watchlist"
    # Its own page offers no role form.
    page = a.get("/skr/admin/staff/%d" % a_id)
    assert page.status_code == 200 and 'id="form-roles"' not in page.text

    # 2. A second account with the watch-list role: the account is made,
    # the role only asked for.
    b_id, b_login = create_staff(stack, a, unit=branch, roles=("crossing", "watchlist"))
    assert roles_of(stack, b_id) == ["crossing"]
    [g] = grants_of(stack, b_id)
    assert g[1:] == ["watchlist", "pending", str(a_id), ""]
    page = a.get("/skr/admin/staff/%d?pending=1" % b_id)
    assert "takes effect once a second administrator approves it" in page.text
    assert re.search(r'<ul id="pending">\s*<li data-id="%s"><span class="badge warn">watch list'
                     r'</span> asked by %s, \d{4}-\d\d-\d\d \d\d:\d\d</li>'
                     % (g[0], re.escape(a_login)), page.text)

    # 3. The second account cannot enter a watch-list entry: it has no role.
    b = staff_client(stack, b_login, NEW_PASSWORD)
    assert b.get("/skr/watchlist/new").status_code == 403
    assert 'href="/skr/watchlist"' not in b.get("/skr/").text

    # 4. The one who asked cannot approve it; the person cannot either
    # (not an administrator); nothing changes.
    r = decide(a, g[0], "approve")
    assert r.status_code == 403 and error_page(r) == (403, OWN_REQUEST)
    b.get("/skr/")
    assert b.post("/skr/admin/grants/%s" % g[0], {"decision": "approve"}).status_code == 403
    assert grants_of(stack, b_id)[0][2] == "pending" and roles_of(stack, b_id) == ["crossing"]

    # 5. A second administrator over the branch approves: now it holds.
    second = staff_client(stack, "admin")
    r = decide(second, g[0], "approve")
    assert r.status_code == 303 and r.headers["Location"] == "/skr/admin/grants?done=approve"
    assert roles_of(stack, b_id) == ["crossing", "watchlist"]
    assert grants_of(stack, b_id)[0][2:] == ["approved", str(a_id), "1"]
    assert "Approved: the role is in force." in second.follow(r).text
    assert b.get("/skr/watchlist/new").status_code == 200
    rows = audit_rows(stack, "staff.grant_request", "staff:%d" % b_id)
    assert [x[1] for x in rows] == [str(a_id)]
    assert rows[0][3] == "@skr.audit.detail.grant_asked|watchlist"
    rows = audit_rows(stack, "staff.grant_approve", "staff:%d" % b_id)
    assert [(x[1], x[3]) for x in rows] == [
        ("1", "@skr.audit.detail.grant_answered|watchlist|%s" % stack.scalar(
            "SELECT full_name FROM staff WHERE id = ?", a_id))]

    # 6. Still one person's four eyes? The administrator has no watch-list
    # role, so it cannot approve its second account's entry.
    r = b.submit("/skr/watchlist/new", "/skr/watchlist/new", {
        "subject": "plate", "value": "SOD %s" % unique("")[:4].upper(), "reason": "test",
        "action": "stop_inspect", "priority": "1",
        "valid_from": "2026-01-01", "valid_to": "2027-12-31"})
    assert r.status_code == 303
    entry = int(r.headers["Location"].rsplit("/", 1)[1])
    assert a.get("/skr/watchlist/%d" % entry).status_code == 403
    assert a.post("/skr/watchlist/%d/decide" % entry, {"decision": "approve"}).status_code == 403
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "pending"


def test_an_administrator_asked_for_is_no_administrator_until_approved(stack, subtree):
    chamber, branch = subtree
    _, a_login = sql_admin(stack, chamber)
    a = staff_client(stack, a_login)
    d_id, d_login = create_staff(stack, a, unit=branch, roles=("admin", "auditor"))
    assert roles_of(stack, d_id) == []
    assert sorted(x[1] for x in grants_of(stack, d_id)) == ["admin", "auditor"]
    d = staff_client(stack, d_login, NEW_PASSWORD)
    for path in ("/skr/admin/staff", "/skr/admin/grants", "/skr/audit"):
        assert d.get(path).status_code == 403, path
    page = d.get("/skr/")
    assert 'href="/skr/admin/grants"' not in page.text and 'href="/skr/audit"' not in page.text


def test_the_person_cannot_approve_their_own_grant(stack, subtree):
    chamber, _ = subtree
    t_id, t_login = sql_admin(stack, chamber)
    admin = staff_client(stack, "admin")
    r = ask_roles(admin, t_id, chamber, ("admin", "auditor"))
    assert r.status_code == 303 and r.headers["Location"] == "/skr/admin/staff/%d?pending=1" % t_id
    [g] = grants_of(stack, t_id)
    assert g[1:3] == ["auditor", "pending"]
    target = staff_client(stack, t_login)
    page = target.get("/skr/admin/grants")
    assert re.search(r'<li class="card" data-id="%s">((?!</li>).)*'
                     r'For you: another administrator decides\.' % g[0], page.text, re.S)
    r = decide(target, g[0], "approve")
    assert r.status_code == 403 and error_page(r) == (403, FOR_SELF)
    assert roles_of(stack, t_id) == ["admin"]
    # Neither may a third administrator of the same chamber withdraw it.
    _, other_login = sql_admin(stack, chamber)
    other = staff_client(stack, other_login)
    r = decide(other, g[0], "withdraw")
    assert r.status_code == 403 and error_page(r) == (403, NOT_YOURS)
    # It may decide it: over the person's unit, neither asker nor person.
    r = decide(other, g[0], "approve")
    assert r.status_code == 303
    assert roles_of(stack, t_id) == ["admin", "auditor"]
    r = decide(other, g[0], "reject")
    assert r.status_code == 409 and error_page(r) == (409, DECIDED)


def test_reject_and_withdraw_change_no_roles(stack, subtree):
    chamber, branch = subtree
    a_id, a_login = sql_admin(stack, chamber)
    a = staff_client(stack, a_login)
    sid, _ = create_staff(stack, a, unit=branch, roles=("crossing",))
    # Asking twice keeps one request.
    assert ask_roles(a, sid, branch, ("crossing", "watchlist")).status_code == 303
    assert ask_roles(a, sid, branch, ("crossing", "watchlist")).status_code == 303
    [g] = grants_of(stack, sid)
    admin = staff_client(stack, "admin")
    r = decide(admin, g[0], "reject")
    assert r.status_code == 303 and r.headers["Location"] == "/skr/admin/grants?done=reject"
    assert grants_of(stack, sid)[0][2:] == ["rejected", str(a_id), "1"]
    assert roles_of(stack, sid) == ["crossing"]
    assert len(audit_rows(stack, "staff.grant_reject", "staff:%d" % sid)) == 1

    assert ask_roles(a, sid, branch, ("crossing", "auditor")).status_code == 303
    g2 = grants_of(stack, sid)[1]
    assert g2[1:3] == ["auditor", "pending"]
    r = decide(admin, g2[0], "withdraw")
    assert r.status_code == 403 and error_page(r) == (403, NOT_YOURS)
    r = decide(a, g2[0], "withdraw")
    assert r.status_code == 303 and r.headers["Location"] == "/skr/admin/grants?done=withdraw"
    assert grants_of(stack, sid)[1][2:] == ["withdrawn", str(a_id), str(a_id)]
    assert roles_of(stack, sid) == ["crossing"]
    assert len(audit_rows(stack, "staff.grant_withdraw", "staff:%d" % sid)) == 1
    # The decided list shows both, newest first.
    page = a.get("/skr/admin/grants")
    assert re.findall(r'<tr data-id="(\d+)"[^>]*>', page.text.split('id="grants-decided"')[1])[:2] \
        == [g2[0], g[0]]


def test_ordinary_roles_and_taking_roles_away_are_at_once(stack, subtree):
    chamber, branch = subtree
    _, a_login = sql_admin(stack, chamber)
    a = staff_client(stack, a_login)
    sid, _ = create_staff(stack, a, unit=branch, roles=("crossing",))
    stack.sql("INSERT INTO staff_role (staff_id, role) VALUES (?, 'watchlist')", sid)
    r = ask_roles(a, sid, branch, ("risk", "fleet"))
    assert r.status_code == 303 and r.headers["Location"] == "/skr/admin/staff/%d?saved=1" % sid
    assert roles_of(stack, sid) == ["fleet", "risk"]
    assert grants_of(stack, sid) == []


def test_grants_outside_the_subtree_do_not_exist(stack, subtree):
    chamber, branch = subtree
    _, a_login = sql_admin(stack, chamber)
    a = staff_client(stack, a_login)
    sid, login = create_staff(stack, a, unit=branch, roles=("watchlist",))
    [g] = grants_of(stack, sid)
    # The Olsztyn chamber's administrator does not see it and cannot
    # decide it; the Ministry's does.
    olsztyn = staff_client(stack, "admin.olsztyn")
    page = olsztyn.get("/skr/admin/grants")
    assert page.status_code == 200 and login not in page.text
    r = decide(olsztyn, g[0], "approve")
    assert r.status_code == 404
    assert grants_of(stack, sid)[0][2] == "pending"
    page = staff_client(stack, "admin").get("/skr/admin/grants")
    assert 'href="/skr/admin/staff/%d">%s</a>' % (sid, login) in page.text
    assert decide(olsztyn, "abc", "approve").status_code == 404
    r = decide(staff_client(stack, "admin"), g[0], "maybe")
    assert r.status_code == 422


def test_grants_page_needs_a_token_and_is_in_both_languages(stack, subtree):
    chamber, branch = subtree
    _, a_login = sql_admin(stack, chamber)
    a = staff_client(stack, a_login)
    sid, _ = create_staff(stack, a, unit=branch, roles=("watchlist",))
    [g] = grants_of(stack, sid)
    admin = staff_client(stack, "admin")
    admin.get("/skr/admin/grants")
    r = admin.post("/skr/admin/grants/%s" % g[0], {"decision": "approve", "csrf": "0" * 64})
    assert r.status_code == 403 and grants_of(stack, sid)[0][2] == "pending"
    pl = staff_client(stack, "admin")
    pl.http.headers["Accept-Language"] = "pl"
    page = pl.get("/skr/admin/grants")
    assert "Zatwierdzanie ról" in page.text and "lista zastrzeżeń" in page.text
    assert ">Zatwierdź</button>" in page.text
    # The menu and the start page link it for administrators only.
    dash = admin.get("/skr/")
    assert 'href="/skr/admin/grants"' in dash.text
    assert re.search(r'id="grants-waiting">\d+<', dash.text)
    officer = staff_client(stack, "grzechotki")
    assert 'href="/skr/admin/grants"' not in officer.get("/skr/").text
    assert officer.get("/skr/admin/grants").status_code == 403


# --- what each administrator sees ---------------------------------------------

def audit_ids(client, **params):
    r = client.get("/skr/audit", params=params)
    assert r.status_code == 200
    return r, [x for x in re.findall(r'<tr data-id="(\d+)"[^>]*>', r.text)]


def test_audit_of_a_unit_administrator_is_its_subtree(stack, subtree):
    chamber, branch = subtree
    a_id, a_login = sql_admin(stack, chamber)
    a = staff_client(stack, a_login)
    b_id, b_login = create_staff(stack, a, unit=branch, roles=("crossing",))
    staff_client(stack, b_login, NEW_PASSWORD)
    admin = staff_client(stack, "admin")
    out_id, _ = create_staff(stack, admin, unit=12, roles=("crossing",))
    staff_client(stack, "grzechotki")
    # The Ministry's administrator acting on the chamber's person shows.
    assert ask_roles(admin, b_id, branch, ("risk",)).status_code == 303

    mine = stack.sql(
        "SELECT id FROM audit_log WHERE (actor_kind = 'staff' AND actor_id IN (?, ?))"
        " OR object IN (?, ?) ORDER BY id DESC",
        a_id, b_id, "staff:%d" % a_id, "staff:%d" % b_id)
    expected = [x[0] for x in mine]
    assert 4 <= len(expected) < 50
    r, ids = audit_ids(a)
    assert ids == expected
    assert "You see what the staff of your unit" in r.text
    actions = set(x[0] for x in stack.sql(
        "SELECT action FROM audit_log WHERE id IN (%s)" % ",".join(ids)))
    assert {"staff.signin", "staff.create", "staff.update"} <= actions
    # What lies outside stays outside, whatever the filter asks.
    _, ids = audit_ids(a, object="staff:%d" % out_id)
    assert ids == []
    _, ids = audit_ids(a, actor="grzechotki")
    assert ids == []

    # The auditor and the Ministry's administrator: everything, newest first.
    auditor = staff_client(stack, "audytor")
    everything = [x[0] for x in stack.sql("SELECT id FROM audit_log ORDER BY id DESC LIMIT 50")]
    r, ids = audit_ids(auditor)
    assert ids == everything and 'id="audit-scope"' not in r.text
    r, ids = audit_ids(admin)
    assert ids == everything and 'id="audit-scope"' not in r.text


def test_archive_is_national(stack, subtree):
    chamber, _ = subtree
    r = post(stack, "/puesc/eori", envelope(eori_body("PL526025027400000")))
    assert r.status_code == 200
    newest = [x[0] for x in stack.sql("SELECT id FROM puesc_message ORDER BY id DESC LIMIT 100")]
    for login in ("admin", "audytor"):
        c = staff_client(stack, login)
        page = c.get("/skr/puesc/archive")
        assert page.status_code == 200, login
        assert re.findall(r'<tr data-id="(\d+)"[^>]*>', page.text) == newest, login
        assert 'href="/skr/puesc/archive"' in page.text
        assert c.get("/skr/puesc/archive/%s" % newest[0]).status_code == 200

    # A chamber administrator: refused with the reason, and no link to it.
    _, a_login = sql_admin(stack, chamber)
    for login in (a_login, "admin.olsztyn"):
        c = staff_client(stack, login)
        r = c.get("/skr/puesc/archive")
        assert r.status_code == 403 and ARCHIVE_NATIONAL in r.text, login
        assert c.get("/skr/puesc/archive/%s" % newest[0]).status_code == 403
        assert 'href="/skr/puesc/archive"' not in c.get("/skr/").text
        assert 'href="/skr/puesc/archive"' not in r.text
