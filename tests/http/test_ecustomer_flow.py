"""test_ecustomer_flow.py: e-Customer through nginx on a real database: a
person registers, the office approves (ID SISC), the person registers a
company and the office gives it an EORI, the administrator names
representatives, an agency in between gives only what both links share
and loses it when either ends, a rejection's reason reaches the user."""
import re

import pytest

from ecustomer_lib import (ALL_AUTHZ, acts_for, add_rep, app_id_of,
                           approved_company, approved_person, decide,
                           luhn_ok, new_account, nip, staff_client,
                           submit_company, submit_person, take, today)
from zsog import field_error


@pytest.fixture(scope="module")
def officer(stack):
    return staff_client(stack, "rejestracja.poznan")


def test_person_registration_approved_with_id_sisc(stack, officer):
    c = new_account(stack, "Zofia", "Nowicka")
    page = c.get("/ecustomer/")
    assert page.status_code == 200 and 'id="me-status"' not in page.text
    # Until approved, no company may be registered.
    assert c.get("/ecustomer/company/new").status_code == 403

    app = app_id_of(submit_person(c, first_name="Zofia", last_name="Nowicka"))
    row = stack.sql("SELECT a.kind, a.status, p.status, p.id_sisc, p.email"
                    " FROM application a JOIN person p ON p.id = a.subject_id"
                    " WHERE a.id = ?", app)[0]
    assert row[:4] == ["person", "submitted", "submitted", "NULL"]
    subject, body = stack.outbox(c.email)
    assert "#%d" % app in body and "submitted" in body

    queue = officer.get("/skr/ecustomer/queue")
    assert queue.status_code == 200 and 'data-id="%d"' % app in queue.text
    assert take(officer, app).status_code == 303
    assert stack.scalar("SELECT status FROM application WHERE id = ?", app) == "under_review"
    assert int(stack.scalar("SELECT assigned_to FROM application WHERE id = ?", app)) == 20
    r = decide(officer, app)
    assert r.status_code == 303, r.text[:300]

    sisc = stack.scalar("SELECT p.id_sisc FROM person p JOIN application a"
                        " ON a.subject_id = p.id WHERE a.id = ?", app)
    assert re.fullmatch(r"PLP\d{11}", sisc), sisc
    assert luhn_ok(sisc[3:])
    assert "approved" in stack.outbox(c.email)[1]
    page = c.get("/ecustomer/applications/%d" % app)
    assert page.status_code == 200
    assert "approved" in re.search(r'id="app-status">(.*?)</dd>', page.text, re.S).group(1)
    # The history shows every transition, in words.
    for st in ("submitted", "under review", "approved"):
        assert 'data-label="After">%s</td>' % st in page.text
    assert sisc in c.get("/ecustomer/").text
    # A second registration of the same account is refused.
    assert submit_person(c).status_code == 409


def test_company_approval_gives_eori_from_nip_and_admin(stack, officer):
    admin = approved_person(stack, officer)
    n = nip()
    app = app_id_of(submit_company(admin, nip=n, name="Przewozy Testowe Sp. z o.o."))
    assert stack.scalar("SELECT status FROM application WHERE id = ?", app) == "submitted"
    assert acts_for(admin) == {}
    assert decide(officer, app).status_code == 303

    cid, eori, sisc, status = stack.sql(
        "SELECT c.id, c.eori, c.id_sisc, c.status FROM company c"
        " JOIN application a ON a.subject_id = c.id WHERE a.id = ?", app)[0]
    assert eori == "PL%s00000" % n
    assert re.fullmatch(r"PLC\d{11}", sisc) and luhn_ok(sisc[3:])
    assert status == "approved"
    # The registrant now administers the company with every authorisation.
    assert acts_for(admin) == {int(cid): set(ALL_AUTHZ)}
    page = admin.get("/ecustomer/company/%s" % cid)
    assert page.status_code == 200 and eori in page.text
    assert 'data-label="Field">EORI</td>' in page.text     # the history shows the number


def test_foreign_company_draws_eori_from_sequence(stack, officer):
    admin = approved_person(stack, officer)
    ids = []
    for _ in range(2):
        app = app_id_of(submit_company(admin, country="DE", nip="", regon="",
                                       voivodship="", postcode="10115",
                                       iban="DE89370400440532013000"))
        assert decide(officer, app).status_code == 303
        ids.append(stack.scalar("SELECT c.eori FROM company c JOIN application"
                                " a ON a.subject_id = c.id WHERE a.id = ?", app))
    for e in ids:
        assert re.fullmatch(r"PL\d{14}Z", e), e
    assert ids[0] != ids[1]


def test_no_eori_when_not_requested(stack, officer):
    admin = approved_person(stack, officer)
    app = app_id_of(submit_company(admin, eori_requested="0"))
    assert decide(officer, app).status_code == 303
    assert stack.scalar("SELECT c.eori FROM company c JOIN application a"
                        " ON a.subject_id = c.id WHERE a.id = ?", app) == "NULL"


def test_representation_added_and_ended(stack, officer):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    worker = approved_person(stack, officer)

    r = add_rep(admin, cid, worker.email, ["ebt_view", "ebt_book"])
    assert r.status_code == 303, r.text[:500]
    assert acts_for(worker) == {cid: {"ebt_view", "ebt_book"}}
    # Found by ID SISC too; a later start is not valid today.
    other = approved_person(stack, officer)
    r = add_rep(admin, cid, other.sisc, ["declare"], valid_from="2099-01-01")
    assert r.status_code == 303
    assert acts_for(other) == {}

    page = admin.get("/ecustomer/company/%d/reps" % cid)
    rid = int(stack.scalar("SELECT id FROM representation WHERE company_id = ?"
                           " AND rep_person_id = ?", cid, worker.person_id))
    assert 'id="rep-%d"' % rid in page.text
    r = admin.post("/ecustomer/company/%d/reps/%d/end" % (cid, rid), {"confirm": "1"})
    assert r.status_code == 303
    assert stack.scalar("SELECT valid_to FROM representation WHERE id = ?", rid) == today()
    assert acts_for(worker) == {}
    # Ending it again: nothing left to end.
    admin.get("/ecustomer/company/%d/reps" % cid)
    assert admin.post("/ecustomer/company/%d/reps/%d/end" % (cid, rid), {}).status_code == 409


def test_agency_double_link_intersection_and_loss(stack, officer):
    owner = approved_person(stack, officer)
    haulier = approved_company(stack, officer, owner)
    boss = approved_person(stack, officer)
    agency = approved_company(stack, officer, boss, legal_form="sp_zoo")
    clerk = approved_person(stack, officer)
    agency_eori = stack.scalar("SELECT eori FROM company WHERE id = ?", agency)

    assert add_rep(boss, agency, clerk.email,
                   ["ebt_book", "ebt_view", "xml_exchange"]).status_code == 303
    r = add_rep(owner, haulier, agency_eori,
                ["ebt_book", "declare", "xml_exchange"])
    assert r.status_code == 303, r.text[:500]
    link = int(stack.scalar("SELECT id FROM representation WHERE company_id = ?"
                            " AND rep_company_id = ?", haulier, agency))
    # Only what both links give.
    acts = acts_for(clerk)
    assert acts[haulier] == {"ebt_book", "xml_exchange"}
    assert acts[agency] == {"ebt_book", "ebt_view", "xml_exchange"}
    # The agency employee cannot manage the haulier's representatives.
    assert clerk.get("/ecustomer/company/%d/reps" % haulier).status_code == 403

    # The haulier ends the agency's link: the clerk loses the haulier.
    owner.get("/ecustomer/company/%d/reps" % haulier)
    assert owner.post("/ecustomer/company/%d/reps/%d/end" % (haulier, link), {"confirm": "1"}).status_code == 303
    assert haulier not in acts_for(clerk)
    # A new link, then the agency ends the clerk's: lost again.
    assert add_rep(owner, haulier, agency_eori, ["ebt_book"]).status_code == 303
    assert acts_for(clerk)[haulier] == {"ebt_book"}
    emp = int(stack.scalar("SELECT id FROM representation WHERE company_id = ?"
                           " AND rep_person_id = ?", agency, clerk.person_id))
    boss.get("/ecustomer/company/%d/reps" % agency)
    assert boss.post("/ecustomer/company/%d/reps/%d/end" % (agency, emp), {"confirm": "1"}).status_code == 303
    assert acts_for(clerk) == {}


def test_seeded_agency_employee_acts_for_haulier(stack):
    from ecustomer_lib import JAN, portal_client
    acts = acts_for(portal_client(stack, JAN))
    assert acts[1] == {"ebt_book", "ebt_view", "xml_exchange"}
    assert acts[2] == {"ebt_book", "ebt_view", "xml_exchange"}


def test_rejection_with_reason_reaches_user(stack, officer):
    c = new_account(stack)
    app = app_id_of(submit_person(c))
    before = stack.sql("SELECT status, reason FROM application WHERE id = ?", app)
    # A rejection needs a reason: refused beside the field, nothing changed.
    r = decide(officer, app, "reject", "")
    assert r.status_code == 422
    assert field_error(r.text, "reason")
    assert stack.sql("SELECT status, reason FROM application WHERE id = ?", app) == before

    reason = "Dokument nieczytelny <b>skan</b>"
    assert decide(officer, app, "reject", reason).status_code == 303
    assert stack.sql("SELECT a.status, p.status FROM application a JOIN person p"
                     " ON p.id = a.subject_id WHERE a.id = ?", app)[0] == ["rejected", "rejected"]
    page = c.get("/ecustomer/applications/%d" % app)
    assert "Dokument nieczytelny &lt;b&gt;skan&lt;/b&gt;" in page.text
    assert "<b>skan</b>" not in page.text
    assert reason in stack.outbox(c.email)[1]
    # Corrected and sent again: a new application.
    again = app_id_of(submit_person(c))
    assert again != app
    assert stack.scalar("SELECT status FROM person WHERE account_id ="
                        " (SELECT submitted_by FROM application WHERE id = ?)", app) == "submitted"


def test_company_update_and_deactivation_through_office(stack, officer):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    eori = stack.scalar("SELECT eori FROM company WHERE id = ?", cid)
    form = admin.get("/ecustomer/company/%d/edit" % cid)
    assert form.status_code == 200
    data = {k: v for k, v in re.findall(r'<input id="f-[a-z_]+" name="([a-z_]+)" type="[a-z]+" value="([^"]*)"', form.text)}
    data.update({"legal_form": "sp_zoo", "country": "PL", "voivodship": "warminsko_mazurskie",
                 "town": "Elbląg", "publish_eori_data": "1"})
    r = admin.post("/ecustomer/company/%d/edit" % cid, data)
    app = app_id_of(r)
    assert stack.scalar("SELECT town FROM company WHERE id = ?", cid) == "Olsztyn"
    assert decide(officer, app).status_code == 303
    assert stack.scalar("SELECT town FROM company WHERE id = ?", cid) == "Elbląg"
    page = admin.get("/ecustomer/company/%d" % cid)
    assert ('data-label="Field">Town</td><td data-label="Before">Olsztyn</td>'
            '<td data-label="After">Elbląg</td>') in page.text

    r = admin.post("/ecustomer/company/%d/deactivate" % cid, {"confirm": "1"})
    app = app_id_of(r)
    assert decide(officer, app).status_code == 303
    assert stack.sql("SELECT status, eori FROM company WHERE id = ?", cid)[0] == ["deactivated", eori]
    assert acts_for(admin) == {}


def test_office_search_and_company_picture(stack, officer):
    r = officer.get("/skr/ecustomer/search?q=PL526025027400000")
    assert r.status_code == 200 and "Trans-Pol Sp. z o.o." in r.text
    r = officer.get("/skr/ecustomer/search?q=Trans-Pol")
    assert "Trans-Pol Sp. z o.o." in r.text
    r = officer.get("/skr/ecustomer/search?q=x")
    assert r.status_code == 422 and field_error(r.text, "q")
    r = officer.get("/skr/ecustomer/companies/1")
    assert r.status_code == 200
    assert "Agencja Celna Graniczna Sp. z o.o." in r.text   # a representative today
    assert officer.get("/skr/ecustomer/companies/999999").status_code == 404


def test_pages_in_polish_and_english(stack):
    from ecustomer_lib import ANNA, portal_client
    pl = portal_client(stack, ANNA, lang="pl")
    pl.http.headers["Accept-Language"] = "pl"
    assert "Firmy, w imieniu których mogę działać" in pl.get("/ecustomer/").text
    en = portal_client(stack, ANNA)
    assert "Companies I may act for" in en.get("/ecustomer/").text
    assert "Rejestracja firmy" in pl.get("/ecustomer/company/new").text


def test_queue_filters_and_oldest_first(stack, officer):
    def ids(query=""):
        r = officer.get("/skr/ecustomer/queue" + query)
        assert r.status_code == 200, (query, r.status_code)
        return [int(x) for x in re.findall(r'<tr class="app" data-id="(\d+)">', r.text)]

    open_ids = ids()
    # The seeded pending person (100) and company (101), oldest first.
    assert 100 in open_ids and 101 in open_ids
    created = [stack.scalar("SELECT created_at FROM application WHERE id = ?", i)
               for i in open_ids]
    assert created == sorted(created)
    kinds = ids("?kind=company")
    assert 101 in kinds and 100 not in kinds
    assert all(stack.scalar("SELECT kind FROM application WHERE id = ?", i) == "company"
               for i in kinds)
    # Waiting applications are the one-stop-shop's (41) since 0096.
    assert 100 not in ids("?office=11") and 100 in ids("?office=41")
    window = ids("?from=2026-01-09&to=2026-01-10")
    assert 101 in window and 100 not in window
    assert 3 in ids("?status=approved") and 3 not in open_ids
    r = officer.get("/skr/ecustomer/queue?kind=everything")
    assert r.status_code == 422 and field_error(r.text, "kind")
