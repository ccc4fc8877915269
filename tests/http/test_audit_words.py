"""test_audit_words.py: the audit log (/skr/audit and a staff member's
history) names the codes its details quote — authorisations, roles — as
words of the reader's language (issue 13), whoever wrote the row."""
import re

from ecustomer_lib import ANNA, add_rep, approved_person
from test_present import visible
from test_skr_staff import create_staff
from zsog import portal_client, staff_client


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


def test_staff_history_names_roles_in_the_reader_s_language(stack):
    admin = staff_client(stack, "admin")
    sid, _ = create_staff(stack, admin, unit=22, roles=("crossing", "risk"))
    row = stack.scalar("SELECT id FROM audit_log WHERE action = 'staff.create'"
                       " AND object = ?", "staff:%d" % sid)
    page = officer(stack, "admin", "pl").get("/skr/admin/staff/%d" % sid)
    assert page.status_code == 200
    m = re.search(r'<td data-label="Szczegóły">(.*?)</td>', page.text, re.S)
    assert m, page.text[-3000:]
    assert "roles: obsługa przejścia, analityk ryzyka" in visible(m.group(1))
    page = officer(stack, "admin", "en").get("/skr/audit", params={
        "object": "staff:%d" % sid, "action": "staff.create"})
    assert "roles: crossing officer, risk analyst" in detail_cell(page.text, row)
