"""Keeping approved data current (issue 18): an approved person changes
the address, phone or e-mail, a company its address, bank account,
contacts, NIP or name, each through an application the one-stop-shop
approves; nothing changes before; the old -> new values on both sides;
one change of a subject at a time; bad values 422 beside the field."""
import re

import pytest

from ecustomer_lib import (EWA, app_id_of, approved_company, approved_person,
                           decide, nip, portal_client, staff_client, take)
from puesc_lib import body_child, envelope, eori_body, post
from zsog import field_error

PERSON_FIELDS = ("voivodship", "county", "municipality", "town", "postcode",
                 "street", "house_no", "phone", "email")


@pytest.fixture(scope="module")
def officer(stack):
    return staff_client(stack, "rejestracja.poznan")


@pytest.fixture(scope="module")
def second(stack):
    return staff_client(stack, "rejestracja2.poznan")


def person_form(client):
    page = client.get("/ecustomer/person/edit")
    assert page.status_code == 200, page.status_code
    data = dict(re.findall(r'<input id="f-[a-z_]+" name="([a-z_]+)" type="[a-z]+" value="([^"]*)"',
                           page.text))
    data["voivodship"] = re.search(r'<option value="([a-z_]+)" selected>', page.text).group(1)
    assert set(data) == set(PERSON_FIELDS), data
    return data


def person_row(stack, client):
    return stack.sql("SELECT town, postcode, street, phone, email FROM person WHERE id = ?",
                     client.person_id)[0]


def apps_of(stack, kind, subject):
    return int(stack.scalar("SELECT COUNT(*) FROM application WHERE kind = ? AND subject_id = ?",
                            kind, subject))


def test_person_change_waits_for_the_office_then_applies(stack, officer, second):
    p = approved_person(stack, officer)
    assert 'href="/ecustomer/person/edit"' in p.get("/ecustomer/person").text
    before = person_row(stack, p)
    data = person_form(p)
    data.update(town="Poznań", postcode="61-001", street="Półwiejska", phone="+48 61 222 33 44")
    app = app_id_of(p.post("/ecustomer/person/edit", data))
    # Submitted: nothing changed, the application waits at the one-stop-shop.
    assert person_row(stack, p) == before
    assert stack.sql("SELECT kind, status, office_unit_id FROM application WHERE id = ?", app) == [
        ["person_update", "submitted", "41"]]
    assert stack.scalar("SELECT payload FROM application WHERE id = ?", app) == \
        "town=Pozna%C5%84&postcode=61-001&street=P%C3%B3%C5%82wiejska&phone=%2B48%2061%20222%2033%2044"
    # Both sides see old -> new while it waits.
    mine = p.get("/ecustomer/applications/%d" % app).text
    assert "change of personal data" in mine
    assert re.search(r'id="change-town"><span class="old">Olsztyn</span> → Poznań</dd>', mine)
    office = officer.get("/skr/ecustomer/applications/%d" % app).text
    assert re.search(r'id="change-postcode"><span class="old">10-001</span> → 61-001</dd>', office)
    # A second change of the same person is refused with the reason, nothing stored.
    page = p.get("/ecustomer/person/edit")
    assert 'id="pending"' in page.text and "/ecustomer/applications/%d" % app in page.text
    r = p.post("/ecustomer/person/edit", dict(data, town="Gniezno"))
    assert r.status_code == 409
    assert "A change of these data waits for the office" in r.text
    assert apps_of(stack, "person_update", p.person_id) == 1
    # The other officer approves: changed, with history on both sides, and mail.
    assert take(second, app).status_code == 303
    assert decide(second, app).status_code == 303
    assert person_row(stack, p) == ["Poznań", "61-001", "Półwiejska", "+48 61 222 33 44", before[4]]
    assert stack.sql("SELECT field, old_value, new_value FROM change_history"
                     " WHERE entity = 'person' AND entity_id = ? AND field <> 'status'"
                     " AND field <> 'id_sisc' ORDER BY id", p.person_id) == [
        ["town", "Olsztyn", "Poznań"], ["postcode", "10-001", "61-001"],
        ["street", "Prosta", "Półwiejska"], ["phone", "+48 601 222 333", "+48 61 222 33 44"]]
    page = p.get("/ecustomer/person/edit").text
    assert ('data-label="Field">Town</td><td data-label="Before">Olsztyn</td>'
            '<td data-label="After">Poznań</td>') in page
    office = officer.get("/skr/ecustomer/applications/%d" % app).text
    assert '<td data-label="Before">10-001</td><td data-label="After">61-001</td>' in office
    subject, body = stack.outbox(p.email)
    assert "approved" in body and str(app) in body


def test_person_change_rejected_leaves_the_data(stack, officer, second):
    p = approved_person(stack, officer)
    before = person_row(stack, p)
    data = person_form(p)
    data.update(email="nowy." + p.email)
    app = app_id_of(p.post("/ecustomer/person/edit", data))
    assert decide(second, app, "reject", "Adres e-mail nie do potwierdzenia").status_code == 303
    assert person_row(stack, p) == before
    assert stack.sql("SELECT status, reason FROM application WHERE id = ?", app) == [
        ["rejected", "Adres e-mail nie do potwierdzenia"]]
    assert "Adres e-mail nie do potwierdzenia" in stack.outbox(p.email)[1]
    # Decided: another change may be asked for.
    assert 'id="pending"' not in p.get("/ecustomer/person/edit").text


def test_person_change_bad_input_beside_the_field(stack, officer):
    p = approved_person(stack, officer)
    good = person_form(p)
    for field, value, message in (
            ("postcode", "61001", "Postcode"),
            ("email", "not-an-address", None),
            ("phone", "call me", None),
            ("voivodship", "atlantyda", None),
            ("town", "", None)):
        r = p.post("/ecustomer/person/edit", dict(good, **{field: value}))
        assert r.status_code == 422, field
        assert field_error(r.text, field), field
    # Nothing changed at all: said so, nothing stored.
    r = p.post("/ecustomer/person/edit", good)
    assert r.status_code == 422 and "Nothing was changed" in r.text
    assert apps_of(stack, "person_update", p.person_id) == 0


def test_person_change_needs_an_approved_registration(stack):
    ewa = portal_client(stack, EWA)      # an account, no registration
    r = ewa.get("/ecustomer/person/edit")
    assert r.status_code == 409 and "Only an approved registration" in r.text
    maria = portal_client(stack, "maria.lewandowska@demo.zsog.pl")   # waiting
    assert maria.get("/ecustomer/person/edit").status_code == 409
    r = maria.post("/ecustomer/person/edit", {"town": "Poznań"})
    assert r.status_code == 409


def company_form(client, cid):
    page = client.get("/ecustomer/company/%d/edit" % cid)
    assert page.status_code == 200
    data = dict(re.findall(r'<input id="f-[a-z_]+" name="([a-z_]+)" type="[a-z]+" value="([^"]*)"',
                           page.text))
    data.update({"legal_form": "sp_zoo", "country": "PL",
                 "voivodship": "warminsko_mazurskie", "publish_eori_data": "1"})
    return data


def eori_name(stack, eori):
    r = post(stack, "/puesc/eori", envelope(eori_body(eori)))
    assert r.status_code == 200
    return body_child(r.content).find("return/result").findtext("name")


def test_company_name_nip_and_bank_change_through_the_office(stack, officer, second):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin, name="Stara Nazwa Sp. z o.o.")
    eori, old_nip = stack.sql("SELECT eori, nip FROM company WHERE id = ?", cid)[0]
    new_nip = nip()
    data = company_form(admin, cid)
    # A bad IBAN (a foreign one with a wrong check) and a bad postcode: beside the field.
    for field, value in (("iban", "GB82WEST12345698765433"), ("iban", "PL61109010140000071219812875"),
                         ("postcode", "6-1001"), ("nip", "5260250275")):
        r = admin.post("/ecustomer/company/%d/edit" % cid, dict(data, **{field: value}))
        assert r.status_code == 422 and field_error(r.text, field), (field, value)
    assert apps_of(stack, "company_update", cid) == 0
    # A foreign account is fine when its check is.
    data.update(name="Nowa Nazwa Sp. z o.o.", nip=new_nip, iban="GB82WEST12345698765432",
                contact_phone="+48 61 700 00 00")
    app = app_id_of(admin.post("/ecustomer/company/%d/edit" % cid, data))
    # Pending: the company's page and PUESC's EORI check still say the old data.
    assert stack.sql("SELECT name, nip FROM company WHERE id = ?", cid)[0] == ["Stara Nazwa Sp. z o.o.", old_nip]
    assert 'id="c-name">Stara Nazwa Sp. z o.o.<' in admin.get("/ecustomer/company/%d" % cid).text
    assert eori_name(stack, eori) == "Stara Nazwa Sp. z o.o."
    page = admin.get("/ecustomer/applications/%d" % app).text
    assert re.search(r'id="change-nip"><span class="old">%s</span> → %s</dd>' % (old_nip, new_nip), page)
    # One change at a time: another change, or a deactivation, refused.
    r = admin.post("/ecustomer/company/%d/edit" % cid, dict(data, town="Gniezno"))
    assert r.status_code == 409 and "A change of these data waits for the office" in r.text
    r = admin.post("/ecustomer/company/%d/deactivate" % cid, {"confirm": "1"})
    assert r.status_code == 409
    assert apps_of(stack, "company_update", cid) == 1
    assert apps_of(stack, "company_deactivation", cid) == 0
    assert 'id="pending"' in admin.get("/ecustomer/company/%d/edit" % cid).text
    # Approved by the other officer: changed everywhere, history, mail; the EORI stays.
    assert decide(second, app).status_code == 303
    assert stack.sql("SELECT name, nip, iban, eori FROM company WHERE id = ?", cid)[0] == [
        "Nowa Nazwa Sp. z o.o.", new_nip, "GB82WEST12345698765432", eori]
    assert eori_name(stack, eori) == "Nowa Nazwa Sp. z o.o."
    page = admin.get("/ecustomer/company/%d" % cid).text
    assert ('data-label="Field">NIP</td><td data-label="Before">%s</td>'
            '<td data-label="After">%s</td>' % (old_nip, new_nip)) in page
    assert "approved" in stack.outbox(admin.email)[1]


def test_company_change_rejected_leaves_the_data(stack, officer, second):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    before = stack.sql("SELECT name, iban, town FROM company WHERE id = ?", cid)
    data = company_form(admin, cid)
    data.update(town="Kalisz", postcode="62-800")
    app = app_id_of(admin.post("/ecustomer/company/%d/edit" % cid, data))
    assert decide(second, app, "reject", "Brak dokumentu").status_code == 303
    assert stack.sql("SELECT name, iban, town FROM company WHERE id = ?", cid) == before
    assert "Brak dokumentu" in stack.outbox(admin.email)[1]


def test_another_company_s_person_cannot_ask(stack, officer):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    stranger = approved_person(stack, officer)
    assert stranger.get("/ecustomer/company/%d/edit" % cid).status_code == 403
    r = stranger.post("/ecustomer/company/%d/edit" % cid, {"town": "Kalisz"})
    assert r.status_code == 403
    assert apps_of(stack, "company_update", cid) == 0


def test_the_author_cannot_decide_their_own_change(stack, officer):
    """An officer who is also the applicant (their staff e-mail is the
    person's) may not decide it, nor take it."""
    p = approved_person(stack, officer, email="tomasz.wieczorek@skr.demo.zsog.pl")
    data = person_form(p)
    data.update(town="Września", postcode="62-300")
    app = app_id_of(p.post("/ecustomer/person/edit", data))
    own = staff_client(stack, "rejestracja2.poznan")
    assert 'id="own"' in own.get("/skr/ecustomer/applications/%d" % app).text
    assert own.post("/skr/ecustomer/applications/%d/decide" % app,
                    {"decision": "approve", "confirm": "1"}).status_code == 403
    assert stack.scalar("SELECT status FROM application WHERE id = ?", app) == "submitted"
