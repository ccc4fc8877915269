"""test_ecustomer_input.py: bad input on e-Customer's forms is refused with
422, the message beside the field, what was typed kept, and nothing
stored: person (PESEL, PESEL against the birth date, postcode, e-mail,
phone, document for non-residents), company (NIP, REGON, IBAN, postcode,
e-mail), representative (unknown, no authorisation, dates)."""
import pytest

from ecustomer_lib import (ANNA, add_rep, company_data, new_account,
                           person_data, portal_client, staff_client,
                           approved_person, today)
from zsog import field_error, field_value


@pytest.fixture(scope="module")
def fresh(stack):
    return new_account(stack, "Adam", "Błędny")


@pytest.fixture(scope="module")
def anna(stack):
    return portal_client(stack, ANNA)


def counts(stack):
    """Rows of every table a refused form could have written (one query:
    each look costs a client process)."""
    return stack.sql(
        "SELECT (SELECT COUNT(*) FROM person), (SELECT COUNT(*) FROM company),"
        " (SELECT COUNT(*) FROM application), (SELECT COUNT(*) FROM representation),"
        " (SELECT COUNT(*) FROM representation_authz),"
        " (SELECT COUNT(*) FROM change_history)")[0]


PERSON_CASES = [
    ("pesel", {"pesel": "85031402864"}),                    # check digit
    ("pesel", {"birth_date": "1985-03-15", "pesel": "85031402863"}),  # other day
    ("pesel", {"pesel": ""}),                               # PL needs one
    ("birth_date", {"birth_date": "1985-02-30"}),
    ("postcode", {"postcode": "10001"}),
    ("email", {"email": "nie-email@"}),
    ("phone", {"phone": "abc"}),
    ("first_name", {"first_name": ""}),
    ("voivodship", {"voivodship": "atlantyda"}),
    ("scope", {"scope": "all"}),
    ("id_doc_number", {"country": "DE", "pesel": "", "id_doc_type": "passport",
                       "id_doc_number": "x!"}),
    ("id_doc_type", {"country": "DE", "pesel": "", "id_doc_number": "C01X00T47"}),
]


@pytest.mark.parametrize("field,bad", PERSON_CASES)
def test_person_bad_field(stack, fresh, field, bad):
    before = counts(stack)
    data = person_data(fresh, **bad)
    r = fresh.submit("/ecustomer/person", "/ecustomer/person", data)
    assert r.status_code == 422, (field, r.status_code)
    assert field_error(r.text, field), field
    assert field_value(r.text, "last_name") == data["last_name"]
    assert counts(stack) == before


COMPANY_CASES = [
    ("nip", {"nip": "5260250275"}),
    ("nip", {"nip": ""}),                                   # PL needs one
    ("regon", {"regon": "123456789"}),
    ("iban", {"iban": "PL00109010140000000012345678"}),
    ("postcode", {"postcode": "1000-1"}),
    ("contact_email", {"contact_email": "biuro@"}),
    ("legal_form", {"legal_form": "kingdom"}),
    ("name", {"name": ""}),
]


@pytest.mark.parametrize("field,bad", COMPANY_CASES)
def test_company_bad_field(stack, anna, field, bad):
    before = counts(stack)
    data = company_data(**bad)
    r = anna.submit("/ecustomer/company/new", "/ecustomer/company/new", data)
    assert r.status_code == 422, (field, r.status_code)
    assert field_error(r.text, field), field
    assert field_value(r.text, "main_activity") == data["main_activity"]
    assert counts(stack) == before


def test_representative_bad_input(stack, anna):
    officer = staff_client(stack, "rejestracja.poznan")
    worker = approved_person(stack, officer)
    before = counts(stack)
    cases = [
        ("rep", dict(rep="nikt@example.com", authz=["ebt_view"])),
        ("rep", dict(rep="PLP99999999999", authz=["ebt_view"])),
        ("rep", dict(rep="PL526025027400000", authz=["ebt_view"])),   # itself
        ("authz", dict(rep=worker.email, authz=[])),
        ("authz", dict(rep=worker.email, authz=["rule_the_world"])),
        ("valid_from", dict(rep=worker.email, authz=["ebt_view"], valid_from="2026-13-01")),
        ("valid_to", dict(rep=worker.email, authz=["ebt_view"], valid_to="2020-01-01")),
    ]
    for field, kw in cases:
        r = add_rep(anna, 1, **kw)
        assert r.status_code == 422, (field, kw, r.status_code)
        assert field_error(r.text, field), (field, kw)
    assert counts(stack) == before
    assert add_rep(anna, 1, worker.email, ["ebt_view"], valid_from=today()).status_code == 303


def test_error_messages_in_polish(stack):
    pl = portal_client(stack, ANNA, lang="pl")
    data = company_data(nip="5260250275")
    r = pl.submit("/ecustomer/company/new", "/ecustomer/company/new", data)
    assert r.status_code == 422
    assert field_error(r.text, "nip").startswith("Ten NIP jest niepoprawny")
    assert "Rejestracja firmy" in r.text
