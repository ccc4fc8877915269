"""test_ecustomer_grants.py: a representation grants no more than its
granter holds (issue 11, finding 2; docs/ecustomer.md "Who may grant
what"). The escalation the review reproduced, step by step through the
real pages and SOAP ListBookings: the agency's administrator gives another
company's person ebt_book, ebt_view, reps_manage and company_update on the
agency; she may not widen her own representation, nor give anyone what she
lacks (declare, xml_exchange: Trans-Pol's through the agency link) or
reps_manage, nor end the administrator's; every attempt is 403 with its
message and nothing stored, and Trans-Pol's bookings stay AUTHZ_DENIED to
her signature. A grant within what she holds still works. zsog-admin
check-representations finds such grants made before the rule (by hand here),
chained ones included."""
import os
import re
import subprocess

import pytest
import zeep.exceptions

from ecustomer_lib import (ALL_AUTHZ, add_rep, approved_company, approved_person,
                           portal_client, staff_client)
from puesc_lib import NS_Z, issue_cert, signing, zeep_client
from zsog import field_error

PIOTR = "piotr.zajac@demo.zsog.pl"     # administrator of the agency
AGENCY = 2                             # Agencja Celna Graniczna
AGENCY_ADMIN_REP = 2                   # Piotr's representation of the agency
TRANSPOL_EORI = "PL526025027400000"    # represented by the agency with
                                       # ebt_book, ebt_view, declare, xml_exchange
GIVEN = ["ebt_book", "ebt_view", "reps_manage", "company_update"]

SELF = "You cannot add a representation for yourself; the company's administrator can"
NOT_HELD = "You may grant only authorisations you hold yourself for this company"
ADMIN_ONLY = ("Only an administrator of the company may grant the management of"
              " representatives")
END_BEYOND = ("This representation holds more than you may grant; only an"
              " administrator of the company may end it")


def snapshot(stack):
    """Everything a refused grant could have changed."""
    return stack.sql(
        "SET SESSION group_concat_max_len = 16777216;"
        " SELECT (SELECT GROUP_CONCAT(id, ':', company_id, ':', IFNULL(valid_to, '-')"
        "  ORDER BY id) FROM representation),"
        " (SELECT COUNT(*) FROM representation_authz),"
        " (SELECT COUNT(*) FROM change_history),"
        " (SELECT COUNT(*) FROM audit_log WHERE action LIKE 'ecustomer.rep.%')")[0]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return str(tmp_path_factory.mktemp("grants"))


@pytest.fixture(scope="module")
def people(stack, tmp):
    """Ela, who administers a company of her own, is given GIVEN on the
    agency by its administrator Piotr (a legitimate grant: he holds every
    authorisation of it); Olek is a bystander she might give things to."""
    officer = staff_client(stack, "rejestracja.poznan")
    ela = approved_person(stack, officer, first_name="Ela", last_name="Eskalacja")
    ela.company = approved_company(stack, officer, ela)
    ela.eori = stack.scalar("SELECT eori FROM company WHERE id = ?", ela.company)
    olek = approved_person(stack, officer, first_name="Olek", last_name="Obok")
    piotr = portal_client(stack, PIOTR)
    r = add_rep(piotr, AGENCY, ela.email, GIVEN)
    assert r.status_code == 303, field_error(r.text, "authz")
    ela.rep = int(stack.scalar("SELECT id FROM representation WHERE company_id = ?"
                               " AND rep_person_id = ?", AGENCY, ela.person_id))
    assert stack.sql("SELECT origin, granted_by FROM representation WHERE id = ?",
                     ela.rep) == [["grant", "100"]]
    p = {"id": ela.person_id, "first": "Ela", "last": "Eskalacja", "sisc": ela.sisc}
    key, cert, _, _ = issue_cert(stack, ela, p, tmp)
    ela.soap = zeep_client(stack, signing(key, cert))[1]
    return {"ela": ela, "olek": olek, "piotr": piotr}


def soap_code(svc):
    """ListBookings of Trans-Pol under the signer's certificate: the fault
    code, or "200" when answered."""
    try:
        svc.ListBookings(companyEori=TRANSPOL_EORI)
    except zeep.exceptions.Fault as e:
        return e.detail.find(".//{%s}code" % NS_Z).text
    return "200"


def offered(page_html):
    return set(re.findall(r'name="authz" value="([a-z_]+)"', page_html))


def refused(stack, people, rep, authz, field, message):
    """One step of the escalation: 403, the message beside the field,
    nothing stored, and Trans-Pol's bookings still closed to Ela."""
    before = snapshot(stack)
    r = add_rep(people["ela"], AGENCY, rep, authz)
    assert r.status_code == 403, (rep, authz, r.status_code)
    assert field_error(r.text, field) == message, (rep, authz)
    assert snapshot(stack) == before
    assert soap_code(people["ela"].soap) == "AUTHZ_DENIED"


def test_before_any_attempt(stack, people):
    ela = people["ela"]
    # Through the agency link she holds Trans-Pol's ebt_book and ebt_view
    # only: no xml_exchange, so no SOAP for Trans-Pol.
    assert soap_code(ela.soap) == "AUTHZ_DENIED"
    # Her form offers only what she may grant: what she holds, less
    # reps_manage (she is no administrator of the agency).
    page = ela.get("/ecustomer/company/%d/reps" % AGENCY)
    assert page.status_code == 200
    assert offered(page.text) == {"ebt_book", "ebt_view", "company_update"}
    assert "You may grant only what you hold yourself" in page.text
    # No End beside her own, Jan's or Piotr's representation.
    assert "/reps/%d/end" % AGENCY_ADMIN_REP not in page.text
    assert "/reps/%d/end" % ela.rep not in page.text
    # The administrator is offered everything.
    page = people["piotr"].get("/ecustomer/company/%d/reps" % AGENCY)
    assert offered(page.text) == set(ALL_AUTHZ)


def test_widening_her_own_representation_refused(stack, people):
    ela = people["ela"]
    # Herself, as the review did it: all seven, by e-mail and by ID SISC.
    refused(stack, people, ela.email, ALL_AUTHZ, "rep", SELF)
    refused(stack, people, ela.sisc, ALL_AUTHZ, "rep", SELF)
    # Only the two that open Trans-Pol's SOAP; and even what she holds.
    refused(stack, people, ela.email, ["declare", "xml_exchange"], "rep", SELF)
    refused(stack, people, ela.email, ["ebt_view"], "rep", SELF)


def test_giving_what_she_lacks_refused(stack, people):
    olek = people["olek"]
    refused(stack, people, olek.email, ALL_AUTHZ, "authz", NOT_HELD)
    refused(stack, people, olek.email, ["declare", "xml_exchange"], "authz", NOT_HELD)
    refused(stack, people, olek.sisc, ["ebt_book", "xml_exchange"], "authz", NOT_HELD)
    # Her own company as the agency's representative: the same rule.
    refused(stack, people, people["ela"].eori, ["xml_exchange"], "authz", NOT_HELD)


def test_making_managers_refused(stack, people):
    olek = people["olek"]
    refused(stack, people, olek.email, ["reps_manage"], "authz", ADMIN_ONLY)
    refused(stack, people, olek.email, ["ebt_book", "reps_manage"], "authz", ADMIN_ONLY)


def test_refusal_in_polish(stack, people):
    ela = portal_client(stack, people["ela"].email, "Pierwsze-Haslo-1", lang="pl")
    before = snapshot(stack)
    r = add_rep(ela, AGENCY, people["olek"].email, ["declare"])
    assert r.status_code == 403
    assert field_error(r.text, "authz") == \
        "Możesz nadać tylko upoważnienia, które sam masz w tej firmie"
    r = add_rep(ela, AGENCY, people["ela"].email, ["ebt_book"])
    assert r.status_code == 403
    assert field_error(r.text, "rep") == \
        "Nie możesz dodać przedstawicielstwa dla siebie; może to zrobić administrator firmy"
    assert snapshot(stack) == before


def test_ending_the_administrator_refused(stack, people):
    ela = people["ela"]
    before = snapshot(stack)
    ela.get("/ecustomer/company/%d/reps" % AGENCY)
    for rid in (AGENCY_ADMIN_REP, ela.rep):
        r = ela.post("/ecustomer/company/%d/reps/%d/end" % (AGENCY, rid), {})
        assert r.status_code == 403, rid
        assert END_BEYOND in r.text
    assert snapshot(stack) == before
    assert soap_code(ela.soap) == "AUTHZ_DENIED"


def test_trans_pol_itself_stays_closed(stack, people):
    """Through the agency she may view Trans-Pol, not manage it."""
    ela = people["ela"]
    before = snapshot(stack)
    assert ela.get("/ecustomer/company/1/reps").status_code == 403
    ela.get("/ecustomer/")
    r = ela.post("/ecustomer/company/1/reps",
                 {"rep": ela.email, "valid_from": "2026-01-01", "authz": "xml_exchange"})
    assert r.status_code == 403
    assert snapshot(stack) == before


def test_grant_within_what_she_holds_works(stack, people):
    ela, olek = people["ela"], people["olek"]
    r = add_rep(ela, AGENCY, olek.email, ["ebt_view", "company_update"])
    assert r.status_code == 303, field_error(r.text, "authz")
    rid = int(stack.scalar("SELECT id FROM representation WHERE company_id = ?"
                           " AND rep_person_id = ?", AGENCY, olek.person_id))
    assert stack.sql("SELECT origin, granted_by FROM representation WHERE id = ?", rid) == \
        [["grant", str(ela.person_id)]]
    assert stack.sql("SELECT authz_code FROM representation_authz WHERE representation_id = ?"
                     " ORDER BY authz_code", rid) == [["company_update"], ["ebt_view"]]
    # She may end what she could give.
    page = ela.get("/ecustomer/company/%d/reps" % AGENCY)
    assert "/reps/%d/end" % rid in page.text
    r = ela.post("/ecustomer/company/%d/reps/%d/end" % (AGENCY, rid), {"confirm": "1"})
    assert r.status_code == 303
    assert soap_code(ela.soap) == "AUTHZ_DENIED"


def check(stack):
    build = os.environ.get("ZSOG_BUILD", os.path.join(stack.root, "build"))
    p = subprocess.run([os.path.join(build, "zsog-admin"), "check-representations",
                        "%s/etc/zsog.hdf" % stack.var], capture_output=True, text=True)
    found = {int(m.group(1)): m.group(2) for m in
             re.finditer(r"^representation (\d+): (.*)$", p.stdout, re.M)}
    return p.returncode, found, p.stdout + p.stderr


def grant_by_hand(stack, rep_person, granted_by, authz):
    """A representation of the agency as the page made them before the
    rule: whatever was ticked, granted_by the one who ticked it."""
    stack.sql("INSERT INTO representation (company_id, rep_person_id, valid_from,"
              " origin, granted_by, created_by, created_at) VALUES (?, ?, UTC_DATE(),"
              " 'grant', ?, 'test', UTC_TIMESTAMP())", AGENCY, rep_person, granted_by)
    rid = int(stack.scalar("SELECT MAX(id) FROM representation"))
    for a in authz:
        stack.sql("INSERT INTO representation_authz VALUES (?, ?)", rid, a)
    return rid


def test_check_finds_grants_beyond_the_granter(stack, people):
    ela, olek = people["ela"], people["olek"]
    rc, found, out = check(stack)
    for rid in (1, 2, 3, 4, ela.rep):      # the seed's and Piotr's grant to Ela
        assert rid not in found, out
    # The review's escalation, laundered through Olek: Ela gives Olek all
    # seven (she held four), Olek gives them back to Ela (he "held" them
    # only through the first); and a legitimate one by Piotr beside them.
    to_olek = grant_by_hand(stack, olek.person_id, ela.person_id, ALL_AUTHZ)
    back = grant_by_hand(stack, ela.person_id, olek.person_id, ALL_AUTHZ)
    fine = grant_by_hand(stack, olek.person_id, 100, ["ebt_view"])
    stack.sql("INSERT INTO representation (company_id, rep_person_id, valid_from,"
              " created_by, created_at) VALUES (?, ?, UTC_DATE(), 'test', UTC_TIMESTAMP())",
              AGENCY, olek.person_id)
    unknown = int(stack.scalar("SELECT MAX(id) FROM representation"))
    stack.sql("INSERT INTO representation_authz VALUES (?, 'ebt_view')", unknown)
    # What the rule is there for: with such data her signature opens
    # Trans-Pol's bookings (declare and xml_exchange through the agency).
    assert soap_code(ela.soap) == "200"

    rc, found, out = check(stack)
    assert rc == 1, out
    assert found[to_olek] == (
        "company 2 (Agencja Celna Graniczna Sp. z o.o.), for Olek Obok, %s:"
        " granted by person %d (Ela Eskalacja), who did not hold declare"
        % (",".join(sorted(ALL_AUTHZ)), ela.person_id))
    assert re.search(r"granted by person %d \(Olek Obok\), who did not hold [a-z_]+$"
                     % olek.person_id, found[back]), found[back]
    assert found[unknown].endswith("granter unknown (made before migration 0060 or by"
                                   " hand): set granted_by or end it")
    assert fine not in found and ela.rep not in found
    assert "representation(s) beyond their granter's authorisations" in out

    # Ended from their first day (they never held), the others known: clean.
    stack.sql("UPDATE representation SET valid_to = valid_from WHERE id IN (?, ?)",
              to_olek, back)
    stack.sql("UPDATE representation SET granted_by = 100 WHERE id = ?", unknown)
    assert soap_code(ela.soap) == "AUTHZ_DENIED"
    rc, found, out = check(stack)
    for rid in (to_olek, back, unknown, fine):
        assert rid not in found, out
    assert rc == (1 if found else 0), out
