"""The one-stop-shop (issue 18): every registration application goes to
the configured registration unit (the Poznań chamber's, 41), not to an
office by voivodship; only that unit's registration officers open the
office side; the Ministry's administrator hands the role to another
office at /skr/ecustomer/office (the open applications move with it)."""
import re

import pytest

from ecustomer_lib import (app_id_of, approved_person, decide, new_account,
                           staff_client, submit_company, submit_person, take)
from zsog import field_error

POZNAN = 41
OLSZTYN = 11


@pytest.fixture(scope="module")
def poznan(stack):
    return staff_client(stack, "rejestracja.poznan")


@pytest.fixture(scope="module")
def bialystok(stack):
    """A registration officer of the Białystok office (31): another unit."""
    stack.sql("INSERT IGNORE INTO staff (id, login, email, full_name, pwhash,"
              " unit_id, created_at) SELECT 90, 'rejestracja.bialystok',"
              " 'rej.bialystok@skr.demo.zsog.pl', 'Rejestracja Białystok',"
              " pwhash, 31, UTC_TIMESTAMP() FROM staff WHERE id = 2")
    stack.sql("INSERT IGNORE INTO staff_role (staff_id, role) VALUES (90, 'registration')")
    return staff_client(stack, "rejestracja.bialystok")


def queue_ids(officer, query=""):
    r = officer.get("/skr/ecustomer/queue" + query)
    assert r.status_code == 200, r.status_code
    return [int(x) for x in re.findall(r'<tr class="app" data-id="(\d+)">', r.text)]


def office_of(stack, app):
    return int(stack.scalar("SELECT office_unit_id FROM application WHERE id = ?", app))


def refused(officer, app):
    """Every office page and action of app answers 403 to officer, with
    the reason, and nothing changes."""
    r = officer.get("/skr/ecustomer/applications/%d" % app)
    assert r.status_code == 403
    assert "one-stop-shop" in r.text
    # The token of the refusal page is good for the actions' forms: the
    # refusal is the unit's, not the token's.
    for r in (officer.post("/skr/ecustomer/applications/%d/take" % app, {}),
              officer.post("/skr/ecustomer/applications/%d/decide" % app,
                           {"decision": "approve", "confirm": "1"}),
              officer.get("/skr/ecustomer/queue")):
        assert r.status_code == 403 and "one-stop-shop" in r.text


def test_lublin_company_lands_in_poznan(stack, poznan, bialystok):
    owner = approved_person(stack, poznan, voivodship="lubelskie",
                            town="Lublin", postcode="20-001")
    app = app_id_of(submit_company(owner, voivodship="lubelskie",
                                   town="Biała Podlaska", postcode="21-500"))
    assert office_of(stack, app) == POZNAN
    assert app in queue_ids(poznan) and app in queue_ids(poznan, "?office=41")
    assert app not in queue_ids(poznan, "?office=21")
    # The Lublin office (the voivodship's, before) and Białystok: refused.
    before = stack.sql("SELECT status, assigned_to FROM application WHERE id = ?", app)
    refused(staff_client(stack, "rejestracja2"), app)
    refused(bialystok, app)
    assert stack.sql("SELECT status, assigned_to FROM application WHERE id = ?", app) == before
    # The one-stop-shop decides it, four eyes as ever.
    assert take(poznan, app).status_code == 303
    assert decide(poznan, app).status_code == 303
    assert stack.scalar("SELECT status FROM application WHERE id = ?", app) == "approved"


def test_other_units_get_no_registrations_card(stack, bialystok):
    page = bialystok.get("/skr/").text
    assert 'id="card-registrations"' not in page
    assert "/skr/ecustomer/queue" not in page
    assert bialystok.get("/skr/ecustomer/search?q=Trans").status_code == 403
    assert bialystok.get("/skr/ecustomer/companies/1").status_code == 403


def test_only_the_ministry_admin_sets_it(stack, poznan):
    assert poznan.get("/skr/ecustomer/office").status_code == 403
    r = staff_client(stack, "admin.olsztyn").get("/skr/ecustomer/office")
    assert r.status_code == 403
    assert "Only an administrator of the Ministry" in r.text
    admin = staff_client(stack, "admin")
    r = admin.get("/skr/ecustomer/office")
    assert r.status_code == 200
    assert re.search(r'id="oss-now">.*UCS-POZ-REJ', r.text)
    assert 'id="card-oss"' in admin.get("/skr/").text


def test_reassigning_moves_open_and_new_applications(stack, poznan):
    admin = staff_client(stack, "admin")
    waiting = app_id_of(submit_person(new_account(stack)))
    taken = app_id_of(submit_person(new_account(stack)))
    assert take(poznan, taken).status_code == 303
    decided = app_id_of(submit_person(new_account(stack)))
    assert decide(poznan, decided, "reject", "brak danych").status_code == 303

    # Not an office (a chamber, a branch, nothing): beside the field, nothing changed.
    assert admin.get("/skr/ecustomer/office").status_code == 200
    for bad in ("10", "12", "999999", "x"):
        r = admin.post("/skr/ecustomer/office", {"unit": bad})
        assert r.status_code == 422, bad
        assert field_error(r.text, "unit") == "Choose an office (not a chamber or a branch)"
    assert stack.scalar("SELECT unit_id FROM registry_office") == str(POZNAN)

    try:
        r = admin.post("/skr/ecustomer/office", {"unit": str(OLSZTYN)})
        assert r.status_code == 303
        assert r.headers["Location"] == "/skr/ecustomer/office"
        assert stack.scalar("SELECT unit_id FROM registry_office") == str(OLSZTYN)
        # The waiting ones moved (the taken one back to the queue), the
        # decided one stays with the office that decided it.
        assert stack.sql("SELECT office_unit_id, status, IFNULL(assigned_to, '-')"
                         " FROM application WHERE id IN (?, ?) ORDER BY id",
                         waiting, taken) == [["11", "submitted", "-"], ["11", "submitted", "-"]]
        assert office_of(stack, decided) == POZNAN
        assert stack.sql("SELECT old_value, new_value, changed_by FROM change_history"
                         " WHERE entity = 'application' AND entity_id = ? AND field = 'office'",
                         taken) == [["UCS-POZ-REJ", "UCS-OLS", "Marta Adamczyk"]]
        assert stack.count("audit_log", "action = 'ecustomer.office.set'"
                           " AND object = 'org_unit:11'") == 1
        # New applications go to Olsztyn; Olsztyn's officer works them,
        # Poznań's is refused.
        new = app_id_of(submit_person(new_account(stack)))
        assert office_of(stack, new) == OLSZTYN
        olsztyn = staff_client(stack, "rejestracja")
        assert new in queue_ids(olsztyn) and taken in queue_ids(olsztyn)
        refused(poznan, new)
    finally:
        admin.get("/skr/ecustomer/office")
        assert admin.post("/skr/ecustomer/office", {"unit": str(POZNAN)}).status_code == 303
    assert office_of(stack, new) == POZNAN
