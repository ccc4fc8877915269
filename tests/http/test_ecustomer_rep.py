"""test_ecustomer_rep.py: representation as declared rights (issue 18;
docs/ecustomer.md "Requests and powers of attorney"): the type in words, a
customs agent's power of attorney (a PDF checked and kept outside the web
root) that takes effect only once the one-stop-shop verified it (four
eyes), a person's request to represent a company that its administrator
accepts or refuses, mail to both sides, and bad input: 422 beside the
field and nothing stored."""
import pytest
import requests

from ecustomer_lib import (ANNA, JAN, acts_for, app_id_of, approved_company,
                           approved_person, decide, new_account, portal_client,
                           staff_client, submit_person, take, today)
from rep_lib import (POA_MAX, add_rep, newest_rep, pdf, pdf_with_hidden_script,
                     pending_ids, poa_app, rep_row, request_rep)
from zsog import field_error

TRANSPOL = 1
TRANSPOL_EORI = "PL526025027400000"
SUBJECT = "e-Customer: a representation"


def snapshot(stack):
    """Everything a refused step could have changed."""
    return stack.sql(
        "SELECT (SELECT COUNT(*) FROM representation),"
        " (SELECT GROUP_CONCAT(id, ':', state ORDER BY id) FROM representation),"
        " (SELECT COUNT(*) FROM representation_authz),"
        " (SELECT COUNT(*) FROM application),"
        " (SELECT COUNT(*) FROM change_history)")[0]


def told(stack, email, en, pl):
    """The newest mail to email says en or pl, as its account reads."""
    lang = stack.scalar("SELECT IFNULL(lang, '') FROM portal_account WHERE email = ?", email)
    body = stack.outbox(email)[1]
    return (pl if lang == "pl" else en) in body


@pytest.fixture(scope="module")
def officer(stack):
    return staff_client(stack, "rejestracja.poznan")


@pytest.fixture(scope="module")
def officer2(stack):
    return staff_client(stack, "rejestracja2.poznan")


@pytest.fixture(scope="module")
def anna(stack):
    return portal_client(stack, ANNA)


def test_grant_type_in_words_on_the_pages(stack, anna, officer):
    emp = approved_person(stack, officer)
    r = add_rep(anna, TRANSPOL, emp.email, ["ebt_view"], rep_type="employee")
    assert r.status_code == 303, field_error(r.text, "rep_type")
    rid = newest_rep(stack, TRANSPOL)
    assert rep_row(stack, rid) == ("active", "employee", "")
    # In force at once (not an agent), and the type in words on the list,
    # the company's page and the office's picture.
    assert acts_for(emp) == {TRANSPOL: {"ebt_view"}}
    for c, path in ((anna, "/ecustomer/company/1/reps"), (anna, "/ecustomer/company/1"),
                    (officer, "/skr/ecustomer/companies/1")):
        page = c.get(path)
        assert page.status_code == 200, path
        row = page.text.split('id="rep-%d"' % rid)[1].split("</tr>")[0]
        assert "employee of the company" in row, path
    # The demo agency is a direct representative (db/seed/12_ecustomer_rep.sql).
    assert "customs agent, direct representative" in anna.get("/ecustomer/company/1").text
    pl = portal_client(stack, ANNA, lang="pl")
    assert "pracownik firmy" in pl.get("/ecustomer/company/1/reps").text


def test_agent_grant_waits_for_the_office_then_counts(stack, anna, officer, officer2):
    agent = approved_person(stack, officer)
    r = add_rep(anna, TRANSPOL, agent.email, ["ebt_book", "ebt_view"],
                rep_type="agent_direct", poa=("pelnomocnictwo.pdf", pdf()))
    assert r.status_code == 303, (r.status_code, field_error(r.text, "poa"))
    rid = newest_rep(stack, TRANSPOL)
    assert rep_row(stack, rid) == ("poa_pending", "agent_direct", "")
    sha = stack.scalar("SELECT poa_sha256 FROM representation WHERE id = ?", rid)
    assert len(sha) == 64
    # Not in force before the office verified it: nothing on the start
    # page, no booking for Trans-Pol.
    assert acts_for(agent) == {}
    # Both sides told.
    assert stack.outbox(agent.email)[0] == SUBJECT
    # Each in the language their account reads.
    assert told(stack, ANNA, "waits for the office",
                "czeka na weryfikację pełnomocnictwa")
    # One application in the one queue, at the one-stop-shop.
    app = poa_app(stack, rid)
    assert stack.scalar("SELECT office_unit_id FROM application WHERE id = ?", app) == "41"
    q = officer.get("/skr/ecustomer/queue?kind=representation_poa")
    assert q.status_code == 200 and 'data-id="%d"' % app in q.text
    assert "power of attorney of a representative" in q.text
    page = officer.get("/skr/ecustomer/applications/%d" % app)
    assert page.status_code == 200
    assert "customs agent, direct representative" in page.text
    assert "/skr/ecustomer/applications/%d/poa" % app in page.text
    d = officer.get("/skr/ecustomer/applications/%d/poa" % app)
    assert d.status_code == 200
    assert d.headers["Content-Type"] == "application/pdf"
    assert d.headers["Content-Disposition"] == 'attachment; filename="poa-%d.pdf"' % rid
    assert d.headers["X-Content-Type-Options"] == "nosniff"
    assert d.content == pdf()
    # Verified: in force from now on, for what was granted.
    assert take(officer2, app).status_code == 303
    assert decide(officer2, app).status_code == 303
    assert rep_row(stack, rid) == ("active", "agent_direct", "")
    assert acts_for(agent) == {TRANSPOL: {"ebt_book", "ebt_view"}}
    assert "the representation is in force" in stack.outbox(agent.email)[1]
    assert told(stack, ANNA, "the representation is in force",
                "przedstawicielstwo obowiązuje")
    # The history says so in words.
    hist = anna.get("/ecustomer/company/1").text
    assert "waiting for the office to verify the power of attorney" in hist
    assert "in force" in hist


def test_office_refuses_a_power_of_attorney(stack, anna, officer):
    agent = approved_person(stack, officer)
    r = add_rep(anna, TRANSPOL, agent.email, ["ebt_view"],
                rep_type="agent_indirect", poa=("p.pdf", pdf(b"/Lang (pl) ")))
    assert r.status_code == 303
    rid = newest_rep(stack, TRANSPOL)
    app = poa_app(stack, rid)
    # A rejection needs its reason, asked beside the field.
    r = decide(officer, app, "reject", "")
    assert r.status_code == 422
    assert field_error(r.text, "reason") == "Give the reason for the rejection"
    assert rep_row(stack, rid)[0] == "poa_pending"
    assert decide(officer, app, "reject", "Brak podpisu mocodawcy").status_code == 303
    assert rep_row(stack, rid) == ("poa_refused", "agent_indirect",
                                   "Brak podpisu mocodawcy")
    assert acts_for(agent) == {}
    assert "Brak podpisu mocodawcy" in stack.outbox(agent.email)[1]
    page = anna.get("/ecustomer/company/1/reps")
    sec = page.text.split('id="pending-%d"' % rid)[1].split("</section>")[0]
    assert "power of attorney refused by the office" in sec
    assert "Brak podpisu mocodawcy" in sec


BAD_FILES = [
    ("not_pdf", ("p.pdf", b"GIF89a not a pdf at all"), "This file is not a PDF"),
    ("too_large", ("p.pdf", pdf(pad=POA_MAX + 1)), "The file is larger than 5 MB"),
    ("javascript", ("p.pdf", pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ")),
     "The PDF contains scripts, actions or embedded files; send a plain PDF"
     " (e.g. printed to PDF again)"),
    ("hidden_script", ("p.pdf", pdf_with_hidden_script()),
     "The PDF contains scripts, actions or embedded files; send a plain PDF"
     " (e.g. printed to PDF again)"),
    ("missing", None, "A customs agent's representation needs the power of attorney"
     " (a PDF file)"),
]


@pytest.mark.parametrize("case,poa,message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_power_of_attorney_is_refused_beside_the_field(stack, anna, officer,
                                                           case, poa, message):
    agent = approved_person(stack, officer)
    before = snapshot(stack)
    r = add_rep(anna, TRANSPOL, agent.email, ["ebt_view"], rep_type="agent_direct",
                poa=poa)
    assert r.status_code == 422, r.status_code
    assert field_error(r.text, "poa") == message
    assert snapshot(stack) == before
    # The same through a request.
    r = request_rep(agent, TRANSPOL_EORI, "agent_direct", poa)
    assert r.status_code == 422, r.status_code
    assert field_error(r.text, "poa") == message
    assert snapshot(stack) == before


def test_exactly_5_mb_passes_and_a_larger_body_is_413(stack, anna, officer):
    agent = approved_person(stack, officer)
    r = request_rep(agent, TRANSPOL_EORI, "agent_direct", ("p.pdf", pdf(pad=POA_MAX)))
    assert r.status_code == 303, field_error(r.text, "poa")
    assert rep_row(stack, newest_rep(stack, TRANSPOL)) == ("requested", "agent_direct", "")
    # Past what nginx lets through to the form at all.
    before = snapshot(stack)
    r = request_rep(agent, TRANSPOL_EORI, "agent_direct",
                    ("p.pdf", pdf(pad=7 * 1024 * 1024)))
    assert r.status_code == 413
    assert snapshot(stack) == before


def test_request_accepted_by_the_company(stack, anna, officer):
    p = approved_person(stack, officer)
    r = request_rep(p, TRANSPOL_EORI, "employee", valid_to="2099-01-01")
    assert r.status_code == 303, field_error(r.text, "eori")
    rid = newest_rep(stack, TRANSPOL)
    assert rep_row(stack, rid) == ("requested", "employee", "")
    assert acts_for(p) == {}
    # Both sides told; the person sees it waiting, the company to answer.
    assert stack.outbox(p.email)[0] == SUBJECT
    assert told(stack, ANNA, "asks to represent the company",
                "Osoba prosi o reprezentowanie firmy.")
    mine = p.get("/ecustomer/represent").text
    assert "waiting for the company&#39;s answer" in mine or \
        "waiting for the company's answer" in mine
    page = anna.get("/ecustomer/company/1/reps")
    assert rid in pending_ids(page.text)
    # No authorisation ticked: 422 beside the boxes, nothing changes.
    before = snapshot(stack)
    r = anna.post("/ecustomer/company/1/reps/%d/accept" % rid, {})
    assert r.status_code == 422
    assert field_error(r.text, "answer_authz") == "Choose at least one authorisation"
    assert snapshot(stack) == before
    anna.get("/ecustomer/company/1/reps")
    r = anna.http.post(anna.base + "/ecustomer/company/1/reps/%d/accept" % rid,
                       data=[("csrf", anna.csrf), ("authz", "ebt_view"),
                             ("authz", "ebt_book")], allow_redirects=False)
    assert r.status_code == 303
    assert rep_row(stack, rid) == ("active", "employee", "")
    assert acts_for(p) == {TRANSPOL: {"ebt_view", "ebt_book"}}
    assert "accepted the request" in stack.outbox(p.email)[1]
    # Answered once: again is 404 (no request any more).
    anna.get("/ecustomer/company/1/reps")
    r = anna.post("/ecustomer/company/1/reps/%d/refuse" % rid, {"reason": "x"})
    assert r.status_code == 404


def test_request_refused_with_a_reason(stack, anna, officer):
    p = approved_person(stack, officer)
    assert request_rep(p, TRANSPOL_EORI, "other").status_code == 303
    rid = newest_rep(stack, TRANSPOL)
    anna.get("/ecustomer/company/1/reps")
    before = snapshot(stack)
    r = anna.post("/ecustomer/company/1/reps/%d/refuse" % rid, {"reason": "  "})
    assert r.status_code == 422
    assert field_error(r.text, "reason") == "Give the reason for the rejection"
    assert snapshot(stack) == before
    r = anna.post("/ecustomer/company/1/reps/%d/refuse" % rid,
                  {"reason": "Nie znamy tej osoby"})
    assert r.status_code == 303
    assert rep_row(stack, rid) == ("refused", "other", "Nie znamy tej osoby")
    assert acts_for(p) == {}
    subject, body = stack.outbox(p.email)
    assert "refused the request" in body and "Nie znamy tej osoby" in body
    mine = p.get("/ecustomer/represent").text
    row = mine.split('id="mine-%d"' % rid)[1].split("</tr>")[0]
    assert "refused by the company" in row and "Nie znamy tej osoby" in row


def test_agent_request_accepted_then_verified(stack, anna, officer, officer2):
    p = approved_person(stack, officer)
    r = request_rep(p, TRANSPOL_EORI, "agent_indirect", ("p.pdf", pdf()))
    assert r.status_code == 303
    rid = newest_rep(stack, TRANSPOL)
    # The representative reads her own power of attorney.
    d = p.get("/ecustomer/company/1/reps/%d/poa" % rid)
    assert d.status_code == 200 and d.content == pdf()
    anna.get("/ecustomer/company/1/reps")
    r = anna.http.post(anna.base + "/ecustomer/company/1/reps/%d/accept" % rid,
                       data=[("csrf", anna.csrf), ("authz", "ebt_view")],
                       allow_redirects=False)
    assert r.status_code == 303
    assert rep_row(stack, rid)[0] == "poa_pending"
    assert acts_for(p) == {}
    app = poa_app(stack, rid)
    assert decide(officer2, app).status_code == 303
    assert rep_row(stack, rid)[0] == "active"
    assert acts_for(p) == {TRANSPOL: {"ebt_view"}}


def test_request_bad_input(stack, officer):
    p = approved_person(stack, officer)
    before = snapshot(stack)
    cases = [
        ({"eori": "PL123"}, "eori", "This EORI number is not valid"),
        ({"eori": "PL999999999900000"}, "eori",
         "No approved person or company with this e-mail, ID SISC or EORI"),
        ({"rep_type": "boss"}, "rep_type", "This value is not valid"),
        ({"rep_type": ""}, "rep_type", "This field is required"),
        ({"valid_from": "2026-02-30"}, "valid_from", "Enter a real date as YYYY-MM-DD"),
        ({"valid_to": "2020-01-01"}, "valid_to", "The end must come after the start"),
    ]
    for change, field, message in cases:
        p.get("/ecustomer/represent")
        data = {"eori": TRANSPOL_EORI, "rep_type": "employee",
                "valid_from": today(), "valid_to": ""}
        data.update(change)
        r = p.post("/ecustomer/represent", data)
        assert r.status_code == 422, change
        assert field_error(r.text, field) == message, change
    assert snapshot(stack) == before
    # A second request while the first waits.
    assert request_rep(p, TRANSPOL_EORI).status_code == 303
    before = snapshot(stack)
    r = request_rep(p, TRANSPOL_EORI)
    assert r.status_code == 422
    assert field_error(r.text, "eori") == ("You have asked to represent this company"
                                           " already; wait for the answer")
    assert snapshot(stack) == before
    # A company is nobody's employee (the grant form names companies too).
    anna = portal_client(stack, ANNA)
    r = add_rep(anna, TRANSPOL, "PL739300124600000", ["ebt_view"], rep_type="employee")
    assert r.status_code == 422
    assert field_error(r.text, "rep_type") == ("A company cannot be an employee;"
                                               " choose another type")


def test_unregistered_person_may_not_request(stack):
    c = new_account(stack)
    assert c.get("/ecustomer/represent").status_code == 403
    c.get("/ecustomer/")
    r = c.post("/ecustomer/represent", {"eori": TRANSPOL_EORI, "rep_type": "employee",
                                        "valid_from": today()})
    assert r.status_code == 403


@pytest.fixture(scope="module")
def poa_case(stack, anna, officer):
    """A power of attorney waiting at Trans-Pol, and its application."""
    agent = approved_person(stack, officer)
    r = add_rep(anna, TRANSPOL, agent.email, ["ebt_view"], rep_type="agent_direct",
                poa=("p.pdf", pdf(b"/Lang (en) ")))
    assert r.status_code == 303
    rid = newest_rep(stack, TRANSPOL)
    return {"agent": agent, "rid": rid, "app": poa_app(stack, rid)}


def test_power_of_attorney_only_to_whom_it_concerns(stack, anna, officer, poa_case):
    rid, app = poa_case["rid"], poa_case["app"]
    path = "/ecustomer/company/1/reps/%d/poa" % rid
    assert anna.get(path).status_code == 200
    assert poa_case["agent"].get(path).status_code == 200
    # Jan acts for Trans-Pol (through the agency) but does not manage it.
    assert portal_client(stack, JAN).get(path).status_code == 403
    # Another company's person, under Trans-Pol's or under her own company.
    other = approved_person(stack, officer)
    own = approved_company(stack, officer, other)
    assert other.get(path).status_code == 403
    assert other.get("/ecustomer/company/%d/reps/%d/poa" % (own, rid)).status_code == 404
    assert anna.get("/ecustomer/company/2/reps/%d/poa" % rid).status_code in (403, 404)
    assert anna.get("/ecustomer/company/999999/reps/%d/poa" % rid).status_code == 404
    # A representation without one.
    assert anna.get("/ecustomer/company/1/reps/1/poa").status_code == 404
    # The office: the one-stop-shop's officers only.
    assert officer.get("/skr/ecustomer/applications/%d/poa" % app).status_code == 200
    olsztyn = staff_client(stack, "rejestracja")
    r = olsztyn.get("/skr/ecustomer/applications/%d/poa" % app)
    assert r.status_code == 403
    assert staff_client(stack, "grzechotki").get(
        "/skr/ecustomer/applications/%d/poa" % app).status_code == 403
    # An application that is no power of attorney has none.
    assert officer.get("/skr/ecustomer/applications/100/poa").status_code == 404
    # Not signed in: sent to sign in, nothing served.
    anon = requests.get(stack.base + path, allow_redirects=False)
    assert anon.status_code in (303, 401) and b"%PDF" not in anon.content


def test_answers_only_by_the_company_manager(stack, anna, officer):
    p = approved_person(stack, officer)
    assert request_rep(p, TRANSPOL_EORI).status_code == 303
    rid = newest_rep(stack, TRANSPOL)
    jan = portal_client(stack, JAN)
    jan.get("/ecustomer/")
    other = approved_person(stack, officer)
    own = approved_company(stack, officer, other)
    other.get("/ecustomer/")
    before = snapshot(stack)
    for c in (jan, other, p):
        for action, data in (("accept", {"authz": "ebt_view"}), ("refuse", {"reason": "x"})):
            r = c.post("/ecustomer/company/1/reps/%d/%s" % (rid, action), data)
            assert r.status_code == 403, (action, r.status_code)
    # Her own company's manager, naming her company: the request is not
    # there.
    other.get("/ecustomer/company/%d/reps" % own)
    r = other.post("/ecustomer/company/%d/reps/%d/accept" % (own, rid), {"authz": "ebt_view"})
    assert r.status_code == 404
    assert snapshot(stack) == before


def test_officer_of_another_unit_and_four_eyes(stack, officer, poa_case):
    app = poa_case["app"]
    olsztyn = staff_client(stack, "rejestracja")
    assert olsztyn.get("/skr/ecustomer/applications/%d" % app).status_code == 403
    before = snapshot(stack)
    olsztyn.get("/skr/")
    assert olsztyn.post("/skr/ecustomer/applications/%d/decide" % app,
                        {"decision": "approve"}).status_code == 403
    assert snapshot(stack) == before


def test_officer_does_not_verify_a_power_of_attorney_she_submitted(stack, officer):
    """Her portal account (the staff e-mail) administers a company and
    grants an agent: the application is hers, another officer decides."""
    own = new_account(stack, "Tomasz", "Wieczorek", email="tomasz.wieczorek@skr.demo.zsog.pl")
    own = approved_person(stack, officer, client=own)
    company = approved_company(stack, officer, own)
    agent = approved_person(stack, officer)
    r = add_rep(own, company, agent.email, ["ebt_view"], rep_type="agent_direct",
                poa=("p.pdf", pdf()))
    assert r.status_code == 303
    rid = newest_rep(stack, company)
    app = poa_app(stack, rid)
    mine = staff_client(stack, "rejestracja2.poznan")
    page = mine.get("/skr/ecustomer/applications/%d" % app)
    assert page.status_code == 200 and 'id="own"' in page.text
    before = snapshot(stack)
    r = mine.post("/skr/ecustomer/applications/%d/decide" % app, {"decision": "approve"})
    assert r.status_code == 403
    assert snapshot(stack) == before
    assert rep_row(stack, rid)[0] == "poa_pending"
    assert decide(officer, app).status_code == 303
    assert rep_row(stack, rid)[0] == "active"
