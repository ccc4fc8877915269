"""test_audit_words.py: the audit log (/skr/audit and a staff member's
history) names the codes its details quote — authorisations, roles — as
words of the reader's language (issue 13), whoever wrote the row; the
words of a detail too (a key and its parameters, domain/audit.h), while
rows written before keep showing as stored."""
import re
import time

from ecustomer_lib import ANNA, add_rep, approved_person
from test_present import visible
from test_skr_staff import create_staff, signin
from test_ingest_watch import decide as watch_decide
from test_ingest_watch import new_entry as watch_entry
from zsog import other_address, portal_client, staff_client


def officer(stack, login, lang):
    c = staff_client(stack, login)
    c.http.headers["Accept-Language"] = lang
    return c


def detail_cell(page_html, row_id):
    m = re.search(r'<tr data-id="%s">(.*?)</tr>' % row_id, page_html, re.S)
    assert m, "no audit row %s" % row_id
    return visible(re.findall(r"<td[^>]*>(.*?)</td>", m.group(1), re.S)[4])


def test_audit_names_authorisations_in_the_reader_s_language(stack):
    clerk = approved_person(stack, staff_client(stack, "rejestracja.poznan"))
    anna = portal_client(stack, ANNA)
    assert add_rep(anna, 1, clerk.email, ["ebt_book", "ebt_view"]).status_code == 303
    rep, row = stack.sql("SELECT SUBSTRING(object, 16), id FROM audit_log"
                         " WHERE action = 'ecustomer.rep.add'"
                         " ORDER BY id DESC LIMIT 1")[0]
    for lang, words in (
            ("pl", "company:1 Rezerwacja usługi granicznej (eBT), Podgląd rezerwacji firmy"),
            ("en", "company:1 Book the export border service (eBT), View the company's bookings")):
        page = officer(stack, "admin", lang).get(
            "/skr/audit", params={"object": "representation:%s" % rep})
        assert page.status_code == 200
        assert detail_cell(page.text, row) == words
        assert "ebt_book" not in visible(page.text)


def history_detail(page_html, action):
    """The newest detail of action on a staff member's page (Polish)."""
    for row in re.findall(r"<tr>(.*?)</tr>", page_html, re.S):
        if action in row:
            m = re.search(r'<td data-label="Szczegóły">(.*?)</td>', row, re.S)
            return visible(m.group(1)) if m else None
    return None


def audit_detail(stack, lang, action, obj):
    """The detail of the newest row (action, obj) on /skr/audit, as a
    reader of lang sees it."""
    row = stack.scalar("SELECT MAX(id) FROM audit_log WHERE action = ?"
                       " AND object = ?", action, obj)
    page = officer(stack, "admin", lang).get("/skr/audit", params={
        "object": obj, "action": action})
    assert page.status_code == 200
    return detail_cell(page.text, row)


def test_staff_history_names_roles_in_the_reader_s_language(stack):
    admin = staff_client(stack, "admin")
    sid, login = create_staff(stack, admin, unit=22, roles=("crossing", "risk"))
    name = stack.scalar("SELECT full_name FROM staff WHERE id = ?", sid)
    page = officer(stack, "admin", "pl").get("/skr/admin/staff/%d" % sid)
    assert page.status_code == 200
    assert history_detail(page.text, "staff.create") == (
        "login: %s; imię i nazwisko: %s; jednostka: OCD-KOR (22);"
        " role: obsługa przejścia, analityk ryzyka" % (login, name))
    assert audit_detail(stack, "en", "staff.create", "staff:%d" % sid) == (
        "login: %s; name: %s; unit: OCD-KOR (22);"
        " roles: crossing officer, risk analyst" % (login, name))


def test_staff_changes_read_in_the_reader_s_language(stack):
    """What an administrator did to an account — unit and roles, a role
    asked for, disabled and enabled, a new password — in Polish on a
    Polish page, in English on an English one."""
    admin = staff_client(stack, "admin")
    sid, _ = create_staff(stack, admin, unit=12, roles=("crossing",))
    obj = "staff:%d" % sid
    page = "/skr/admin/staff/%d" % sid
    assert admin.submit(page, page, {"unit": "22", "role": ["risk", "watchlist"]}).status_code == 303
    assert admin.submit(page, page + "/status", {"disabled": "1", "confirm": "1"}).status_code == 303
    assert admin.submit(page, page + "/status", {"disabled": "0"}).status_code == 303
    assert admin.submit(page, page + "/password", {"password": "Another-Haslo-77"}).status_code == 303
    grant = stack.scalar("SELECT MAX(id) FROM staff_grant WHERE staff_id = ?", sid)
    for lang, words in (
            ("pl", {
                "staff.update": "jednostka: OC-GRZ (12) → OCD-KOR (22);"
                                " role: obsługa przejścia → analityk ryzyka",
                "staff.grant_request": "rola: lista zastrzeżeń; wniosek %s;"
                                       " czeka na drugiego administratora" % grant,
                "staff.disable": "status: aktywne → wyłączone; sesje zakończone",
                "staff.enable": "status: wyłączone → aktywne",
                "staff.password_reset": "hasło ustawione przez administratora;"
                                        " blokady logowania zniesione; sesje zakończone"}),
            ("en", {
                "staff.update": "unit: OC-GRZ (12) → OCD-KOR (22);"
                                " roles: crossing officer → risk analyst",
                "staff.grant_request": "role: watch list; request %s;"
                                       " waits for a second administrator" % grant,
                "staff.disable": "status: enabled → disabled; sessions ended",
                "staff.enable": "status: disabled → enabled",
                "staff.password_reset": "password set by an administrator;"
                                        " sign-in waits cleared; sessions ended"})):
        for action, text in words.items():
            assert audit_detail(stack, lang, action, obj) == text, (lang, action)


def test_failed_signin_reads_in_the_reader_s_language(stack):
    """The audit's most common line, a failed sign-in, was English on
    every page."""
    sid, login = create_staff(stack, staff_client(stack, "admin"))
    c = stack.client(source=other_address())
    assert signin(c, login, "Not-The-Password-1").status_code == 401
    obj = "staff:%d" % sid
    assert audit_detail(stack, "pl", "staff.signin_failed", obj) == "błędne hasło"
    assert audit_detail(stack, "en", "staff.signin_failed", obj) == "wrong password"


def test_watch_decision_reads_in_the_reader_s_language(stack):
    plate = "AW %04dK" % (int(time.time()) % 10000)
    entry = watch_entry(staff_client(stack, "grzechotki"), plate)
    assert watch_decide(staff_client(stack, "analityk"), entry, "approve").status_code == 303
    obj = "watch:%d" % entry
    assert audit_detail(stack, "pl", "watch.approve", obj) == "zgłoszone alerty: 0"
    assert audit_detail(stack, "en", "watch.approve", obj) == "alerts raised: 0"


def test_rows_written_before_keys_show_as_stored(stack):
    """Old rows (free text) and a key no language knows: the text as
    stored, codes still as words."""
    admin = staff_client(stack, "admin")
    sid, _ = create_staff(stack, admin)
    obj = "staff:%d" % sid
    for action, detail in (("staff.enable", "status: disabled → enabled"),
                           ("staff.update", "roles: crossing → risk"),
                           ("staff.disable", "@skr.audit.detail.no_such_key|x")):
        stack.sql("INSERT INTO audit_log (at, actor_kind, actor_id, actor_name,"
                  " action, object, detail, request_id) VALUES (UTC_TIMESTAMP(6), 'staff', 1,"
                  " 'Test', ?, ?, ?, 'test')", action, obj, detail)
    assert audit_detail(stack, "pl", "staff.enable", obj) == "status: disabled → enabled"
    assert audit_detail(stack, "pl", "staff.update", obj) == (
        "roles: obsługa przejścia → analityk ryzyka")
    assert audit_detail(stack, "pl", "staff.disable", obj) == (
        "@skr.audit.detail.no_such_key|x")
