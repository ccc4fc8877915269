"""test_ecustomer_akcr.py: AKC-R (excise registration) in the same
e-Customer application (issue 18): a company asks for EORI and AKC-R
together and gets both numbers in one decision; a registered company asks
later and changes its activities and places through the same path; bad
activities, places and dates are refused beside the field (422, nothing
stored); refusal with a reason; deactivation ends the registration;
nobody else reaches the page; nobody decides their own."""
import datetime
import re

import pytest

from ecustomer_lib import (JAN, EWA, app_id_of, approved_company,
                           approved_person, decide, luhn_ok, new_account,
                           portal_client, staff_client, submit_company)
from zsog import field_error

# The one-stop-shop's two officers (the second decides what concerns the
# first).
OFFICER, OFFICER2 = "rejestracja.poznan", "rejestracja2.poznan"
OFFICER_EMAIL = "aleksandra.nowicka@skr.demo.zsog.pl"
# A registration officer of another unit (Olsztyn).
ELSEWHERE = "rejestracja"


@pytest.fixture(scope="module")
def officer(stack):
    return staff_client(stack, OFFICER)


@pytest.fixture(scope="module")
def officer2(stack):
    return staff_client(stack, OFFICER2)


def later(days=30):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def akcr_fields(**kw):
    """A valid AKC-R request: two activities, two places."""
    data = [("akcr_start", kw.pop("akcr_start", later())),
            ("activity", "intermediary"), ("activity", "registered_consignee"),
            ("p1_postcode", "10-001"), ("p1_town", "Olsztyn"),
            ("p1_street", "Składowa"), ("p1_house_no", "3"),
            ("p2_postcode", "14-500"), ("p2_town", "Braniewo"),
            ("p2_street", ""), ("p2_house_no", "12a")]
    if "activity" in kw:
        data = [d for d in data if d[0] != "activity"]
        data += [("activity", a) for a in kw.pop("activity")]
    keys = {k for k, _ in data}
    for k, v in kw.items():
        if k in keys:
            data = [(n, v if n == k else old) for n, old in data]
        else:
            data.append((k, v))
    return data


def post_list(client, path, data):
    """A form with repeated fields (checkboxes), after its page's token."""
    return client.http.post(client.base + path,
                            data=list(data) + [("csrf", client.csrf)],
                            allow_redirects=False)


def apply_akcr(client, company, **kw):
    page = client.get("/ecustomer/company/%d/akcr" % company)
    assert page.status_code == 200, page.status_code
    return post_list(client, "/ecustomer/company/%d/akcr" % company,
                     akcr_fields(**kw))


def submit_company_with_akcr(client, **kw):
    from ecustomer_lib import company_data
    page = client.get("/ecustomer/company/new")
    assert page.status_code == 200
    data = list(company_data(**kw.pop("company", {})).items())
    data += [("akcr_requested", "1")] + akcr_fields(**kw)
    return post_list(client, "/ecustomer/company/new", data)


def akcr_of(stack, company):
    rows = stack.sql("SELECT number, status, start_date FROM excise_registration"
                     " WHERE company_id = ?", company)
    return rows[0] if rows else None


def activities(stack, company):
    return sorted(r[0] for r in stack.sql(
        "SELECT code FROM excise_activity WHERE company_id = ?", company))


def places(stack, company):
    return [tuple(r) for r in stack.sql(
        "SELECT town, postcode, street, house_no FROM excise_place"
        " WHERE company_id = ? ORDER BY id", company)]


def contact_email(stack, company):
    return stack.scalar("SELECT contact_email FROM company WHERE id = ?", company)


def test_eori_and_akcr_in_one_application_one_decision(stack, officer):
    admin = approved_person(stack, officer)
    r = submit_company_with_akcr(admin)
    app = app_id_of(r)
    cid = int(stack.scalar("SELECT subject_id FROM application WHERE id = ?", app))
    assert stack.scalar("SELECT kind FROM application WHERE id = ?", app) == "company"
    # Nothing registered before the decision; the office sees the request.
    assert akcr_of(stack, cid) is None
    page = officer.get("/skr/ecustomer/applications/%d" % app)
    assert page.status_code == 200 and 'id="akcr-request"' in page.text
    assert "intermediary trader of excise goods" in page.text
    assert "Składowa 3, 10-001 Olsztyn" in page.text
    assert "12a, 14-500 Braniewo" in page.text
    mine = admin.get("/ecustomer/applications/%d" % app)
    assert 'id="akcr-request"' in mine.text

    assert decide(officer, app).status_code == 303
    eori, status = stack.sql("SELECT eori, status FROM company WHERE id = ?", cid)[0]
    number, st, start = akcr_of(stack, cid)
    assert status == "approved" and eori.startswith("PL")
    assert re.fullmatch(r"PL\d{11}", number) and luhn_ok(number[2:]), number
    assert (st, start) == ("active", later())
    assert activities(stack, cid) == ["intermediary", "registered_consignee"]
    assert places(stack, cid) == [("Olsztyn", "10-001", "Składowa", "3"),
                                  ("Braniewo", "14-500", "NULL", "12a")]
    # One decision: both numbers in the same moment of the history.
    hist = dict(stack.sql("SELECT field, changed_at FROM change_history"
                          " WHERE entity = 'company' AND entity_id = ?"
                          " AND field IN ('eori', 'akcr_number')", cid))
    assert hist["eori"] == hist["akcr_number"]
    # Shown on the company's page (portal and office), in its history.
    page = admin.get("/ecustomer/company/%d" % cid)
    assert re.search(r'id="c-akcr">%s<' % number, page.text)
    assert 'data-label="Field">Excise number (AKC-R)</td>' in page.text
    assert 'data-label="After">registered consignee</td>' in page.text
    office = officer.get("/skr/ecustomer/companies/%d" % cid)
    assert re.search(r'id="c-akcr">%s<' % number, office.text)
    # Mailed to the company, with the number.
    subject, body = stack.outbox(contact_email(stack, cid))
    assert "excise registration" in subject and number in body
    assert "has been approved" in body
    # ...and filed in the company's inbox (the submitter's status mail goes
    # to her own: the company was not registered when she applied).
    # (A mail's title keeps its subject's key before the words sent:
    # "@key|words", shown in the reader's language: domain/inbox.c.)
    assert stack.sql("SELECT kind, SUBSTRING_INDEX(title, '|', -1) FROM inbox_item"
                     " WHERE subject_type = 'C'"
                     " AND subject_id = ? AND application_id = ?", cid, app) == \
        [["decision", subject]]


def test_registered_company_adds_akcr_then_changes_it(stack, officer):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    page = admin.get("/ecustomer/company/%d" % cid)
    assert 'id="akcr-none"' in page.text and 'id="akcr-link"' in page.text
    before = int(stack.scalar("SELECT next_val FROM ecustomer_sequence WHERE name = 'akcr'"))

    app = app_id_of(apply_akcr(admin, cid, activity=["tax_warehouse"]))
    assert stack.sql("SELECT kind, subject_id, status FROM application WHERE id = ?",
                     app)[0] == ["akcr", str(cid), "submitted"]
    # One application at a time.
    r = apply_akcr(admin, cid)
    assert r.status_code == 409 and "already waits" in r.text
    assert admin.get("/ecustomer/company/%d/akcr" % cid).text.count('id="akcr-pending"') == 1
    queue = officer.get("/skr/ecustomer/queue?kind=akcr")
    assert queue.status_code == 200 and 'data-id="%d"' % app in queue.text

    assert decide(officer, app).status_code == 303
    number = akcr_of(stack, cid)[0]
    assert number == "PL%010d%s" % (before, number[-1]) and luhn_ok(number[2:])
    assert activities(stack, cid) == ["tax_warehouse"]
    assert "has been approved" in stack.outbox(contact_email(stack, cid))[1]

    # A change: other activities and one place; the number stays.
    app2 = app_id_of(apply_akcr(admin, cid, activity=["importer", "tax_warehouse"],
                                p2_postcode="", p2_town="", p2_house_no=""))
    assert decide(officer, app2).status_code == 303
    assert akcr_of(stack, cid)[0] == number
    assert activities(stack, cid) == ["importer", "tax_warehouse"]
    assert places(stack, cid) == [("Olsztyn", "10-001", "Składowa", "3")]
    gone = stack.sql("SELECT old_value FROM change_history WHERE entity = 'company'"
                     " AND entity_id = ? AND field = 'akcr_place' AND new_value IS NULL",
                     cid)
    assert gone == [["12a, 14-500 Braniewo"]]
    assert stack.count("change_history", "entity = 'company' AND entity_id = ?"
                       " AND field = 'akcr_number'", cid) == 1


BAD = [
    # (what, form changes, field, message)
    ("no activity", {"activity": []}, "activity", "Choose at least one excise activity"),
    ("unknown activity", {"activity": ["smuggler"]}, "activity", None),
    ("bad postcode", {"p1_postcode": "10001"}, "p1_postcode", "Enter a postcode as 00-000"),
    ("half a place", {"p2_postcode": "", "p2_house_no": ""}, "p2_postcode",
     "This field is required"),
    ("no place", {"p1_postcode": "", "p1_town": "", "p1_street": "", "p1_house_no": "",
                  "p2_postcode": "", "p2_town": "", "p2_house_no": ""}, "p1_town",
     "Give at least one place of activity: town, postcode and house number"),
    ("start in the past", {"akcr_start": "2020-01-01"}, "akcr_start",
     "The excise activity cannot start before today: registration comes first"),
    ("no date", {"akcr_start": "31.12.2027"}, "akcr_start", "Enter a real date as YYYY-MM-DD"),
]


@pytest.mark.parametrize("what,change,field,message", BAD, ids=[b[0] for b in BAD])
def test_bad_akcr_input_422_beside_the_field(stack, officer, what, change, field, message):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    apps = stack.count("application")
    r = apply_akcr(admin, cid, **change)
    assert r.status_code == 422, (what, r.status_code)
    got = field_error(r.text, field)
    assert got == (message or "This value is not valid"), (what, got)
    assert stack.count("application") == apps
    assert akcr_of(stack, cid) is None


def test_bad_akcr_in_company_application_stores_nothing(stack, officer):
    admin = approved_person(stack, officer)
    companies, apps = stack.count("company"), stack.count("application")
    r = submit_company_with_akcr(admin, p1_postcode="1O-001", activity=[])
    assert r.status_code == 422
    assert field_error(r.text, "p1_postcode") == "Enter a postcode as 00-000"
    assert field_error(r.text, "activity") == "Choose at least one excise activity"
    assert (stack.count("company"), stack.count("application")) == (companies, apps)
    # Without the tick the AKC-R fields are not looked at.
    from ecustomer_lib import company_data
    admin.get("/ecustomer/company/new")
    data = list(company_data().items()) + akcr_fields(activity=[])
    r = post_list(admin, "/ecustomer/company/new", data)
    app = app_id_of(r)
    assert stack.scalar("SELECT payload FROM application WHERE id = ?", app) == "NULL"


def test_refusal_with_reason_registers_nothing(stack, officer):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    app = app_id_of(apply_akcr(admin, cid))
    r = decide(officer, app, "reject", "Brak tytułu prawnego do miejsca")
    assert r.status_code == 303
    assert akcr_of(stack, cid) is None
    assert stack.sql("SELECT status, reason FROM application WHERE id = ?", app)[0] == \
        ["rejected", "Brak tytułu prawnego do miejsca"]
    subject, body = stack.outbox(contact_email(stack, cid))
    assert "has been rejected" in body and "Brak tytułu prawnego do miejsca" in body
    page = admin.get("/ecustomer/applications/%d" % app)
    assert "Brak tytułu prawnego do miejsca" in page.text


def test_deactivation_ends_akcr_number_kept(stack, officer):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    assert decide(officer, app_id_of(apply_akcr(admin, cid))).status_code == 303
    number = akcr_of(stack, cid)[0]
    admin.get("/ecustomer/company/%d" % cid)
    r = admin.post("/ecustomer/company/%d/deactivate" % cid, {"confirm": "1"})
    app = app_id_of(r)
    assert decide(officer, app).status_code == 303
    assert akcr_of(stack, cid)[:2] == [number, "ended"]
    assert stack.sql("SELECT old_value, new_value FROM change_history WHERE"
                     " entity = 'company' AND entity_id = ? AND field = 'akcr_status'"
                     " ORDER BY id DESC LIMIT 1", cid)[0] == ["active", "ended"]
    page = officer.get("/skr/ecustomer/companies/%d" % cid)
    assert re.search(r'id="c-akcr">%s<' % number, page.text)
    assert "ended (company deactivated)" in page.text
    # Nobody acts for a deactivated company: no further AKC-R application.
    assert admin.get("/ecustomer/company/%d/akcr" % cid).status_code == 403


def test_akcr_page_refused_to_others(stack, officer):
    """Jan acts for Trans-Pol (through the agency) without company_update,
    Ewa for nobody: 403 on both routes and nothing stored; an unknown
    company 404."""
    apps = stack.count("application")
    for email in (JAN, EWA):
        c = portal_client(stack, email)
        c.get("/ecustomer/")
        assert c.get("/ecustomer/company/1/akcr").status_code == 403, email
        r = post_list(c, "/ecustomer/company/1/akcr", akcr_fields())
        assert r.status_code == 403, (email, r.status_code)
        assert c.get("/ecustomer/company/999999/akcr").status_code == 404
    assert stack.count("application") == apps
    # Another company's administrator: 403 as well.
    admin = approved_person(stack, officer)
    approved_company(stack, officer, admin)
    admin.get("/ecustomer/")
    assert admin.get("/ecustomer/company/1/akcr").status_code == 403
    assert post_list(admin, "/ecustomer/company/1/akcr", akcr_fields()).status_code == 403
    assert stack.count("application") == apps + 2   # only the two registrations


def test_officer_of_another_unit_refused(stack, officer):
    """The AKC-R queue is the one-stop-shop's: an officer of another unit
    neither sees nor decides it (403), and nothing changes."""
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    app = app_id_of(apply_akcr(admin, cid))
    other = staff_client(stack, ELSEWHERE)
    assert other.get("/skr/ecustomer/queue?kind=akcr").status_code == 403
    assert other.get("/skr/ecustomer/applications/%d" % app).status_code == 403
    other.get("/skr/")
    for action, data in (("take", {}), ("decide", {"decision": "approve", "confirm": "1"})):
        r = other.post("/skr/ecustomer/applications/%d/%s" % (app, action), data)
        assert r.status_code == 403, (action, r.status_code)
    assert stack.sql("SELECT status, assigned_to FROM application WHERE id = ?",
                     app)[0] == ["submitted", "NULL"]
    assert akcr_of(stack, cid) is None


def test_officer_cannot_decide_own_akcr(stack, officer, officer2):
    """A company whose registrant gave the officer's e-mail as her own:
    the officer may not decide its AKC-R application; the other may."""
    c = new_account(stack)
    own = approved_person(stack, officer2, c, email=OFFICER_EMAIL)
    cid = approved_company(stack, officer2, own)
    app = app_id_of(apply_akcr(own, cid))
    page = officer.get("/skr/ecustomer/applications/%d" % app)
    assert page.status_code == 200 and 'id="own"' in page.text
    r = officer.post("/skr/ecustomer/applications/%d/decide" % app,
                     {"decision": "approve", "confirm": "1"})
    assert r.status_code == 403
    assert akcr_of(stack, cid) is None
    assert decide(officer2, app).status_code == 303
    assert akcr_of(stack, cid)[1] == "active"
