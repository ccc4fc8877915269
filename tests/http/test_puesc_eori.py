"""test_puesc_eori.py: the public EORI validation (wire-compatible with the
EU service): zeep from the WSDL, raw SOAP 1.1 and 1.2, consent to publish,
the 10-number limit, schema and hostile XML faults, the rate limit, and the
archive of every exchange."""
import os
import requests

import pytest

from puesc_lib import (ATTACKS, NS_EORI, body_child, envelope, eori_body,
                      fault_code, post, xmllint_ok, zeep_client)
from zsog import other_address

TRANSPOL = "PL526025027400000"      # consented to publication (seed)


def test_wsdl_and_xsd_are_served(stack):
    r = requests.get(stack.base + "/puesc/ws?wsdl")
    assert r.status_code == 200
    assert b"validateEORI" in r.content and b"CreateBooking" in r.content
    assert (stack.base + "/puesc/eori").encode() in r.content
    for name in ("eori.xsd", "zsog-puesc.xsd"):
        x = requests.get(stack.base + "/puesc/xsd/" + name)
        assert x.status_code == 200 and b"<xs:schema" in x.content


def test_zeep_validate_eori(stack):
    _, svc, hist = zeep_client(stack, service="EORIValidationService",
                               port="EORIValidationPort")
    res = svc.validateEORI(eori=[TRANSPOL, "PL000000000000000"])
    assert len(res.result) == 2
    ok, bad = res.result
    assert (ok.eori, ok.status, ok.statusDescr) == (TRANSPOL, 0, "Valid")
    assert ok.name == stack.scalar("SELECT name FROM company WHERE eori = ?", TRANSPOL)
    assert ok.postalCode == "10-001" and ok.city == "Olsztyn" and ok.country == "PL"
    assert (bad.status, bad.name) == (1, None)
    assert len(res.requestDate) == 10 and res.requestDate[2] == "/"
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}validateEORIResponse" % NS_EORI))


def test_no_consent_no_name(stack):
    eori = stack.scalar("SELECT eori FROM company WHERE id = 2")
    stack.sql("UPDATE company SET publish_eori_data = 0 WHERE id = 2")
    try:
        r = post(stack, "/puesc/eori", envelope(eori_body(eori)))
    finally:
        stack.sql("UPDATE company SET publish_eori_data = 1 WHERE id = 2")
    assert r.status_code == 200
    res = body_child(r.content).find("return/result")
    assert res.findtext("status") == "0"
    assert res.find("name") is None and res.find("city") is None
    xmllint_ok(r.content)


def test_soap12_answers_in_12(stack):
    r = post(stack, "/puesc/eori", envelope(eori_body(TRANSPOL), "1.2"), ver="1.2")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/soap+xml")
    assert b"http://www.w3.org/2003/05/soap-envelope" in r.content
    xmllint_ok(r.content)


def test_eleven_numbers_fault(stack):
    r = post(stack, "/puesc/eori", envelope(eori_body(*[TRANSPOL] * 11)))
    assert r.status_code == 500
    assert fault_code(r) == "TOO_MANY"
    assert b"faultstring" in r.content


def test_schema_violation_fault(stack):
    body = '<e:validateEORI xmlns:e="%s"><number>X</number></e:validateEORI>' % NS_EORI
    r = post(stack, "/puesc/eori", envelope(body))
    assert r.status_code == 500 and fault_code(r) == "SCHEMA"
    r = post(stack, "/puesc/eori", envelope('<e:validateEORI xmlns:e="%s"/>' % NS_EORI))
    assert fault_code(r) == "SCHEMA"


def test_wrong_media_type_and_not_soap(stack):
    r = post(stack, "/puesc/eori", envelope(eori_body(TRANSPOL)), content_type="application/json")
    assert r.status_code == 500 and fault_code(r) == "MEDIA_TYPE"
    r = post(stack, "/puesc/eori", "<x/>")
    assert fault_code(r) == "VERSION_MISMATCH"
    assert "<faultcode>soap:VersionMismatch</faultcode>" in r.text


@pytest.mark.parametrize("name", sorted(f for f in os.listdir(ATTACKS) if f.endswith(".xml")))
def test_hostile_xml_refused_and_worker_stays_up(stack, name):
    with open(os.path.join(ATTACKS, name), "rb") as f:
        raw = f.read()
    before = stack.count("puesc_message")
    r = post(stack, "/puesc/eori", raw)
    # Too large for nginx (413) or a Fault; never an answer, never a crash.
    assert r.status_code in (413, 500), r.status_code
    if r.status_code == 413:
        # nginx's refusal reaches the client as a Fault too.
        assert r.headers["Content-Type"].startswith("text/xml")
        assert fault_code(r) == "TOO_LARGE"
    if r.status_code == 500:
        assert fault_code(r).startswith("XML_") or fault_code(r) == "VERSION_MISMATCH"
        assert b"/etc/passwd" not in r.content and b"root:" not in r.content
    # The worker answers the next request.
    ok = post(stack, "/puesc/eori", envelope(eori_body(TRANSPOL)))
    assert ok.status_code == 200
    assert stack.count("puesc_message") >= before + 1


def test_archive_keeps_the_exchange(stack):
    r = post(stack, "/puesc/eori", envelope(eori_body("PL999999999999999")))
    assert r.status_code == 200
    row = stack.sql("SELECT operation, outcome, sender,"
                    " LOCATE('PL999999999999999', request_xml) > 0,"
                    " LOCATE('validateEORIResponse', response_xml) > 0"
                    " FROM puesc_message ORDER BY id DESC LIMIT 1")[0]
    assert row[0] == "validateEORI" and row[1] == "ok"
    assert row[2].startswith("ip:127.0.0.1")
    assert row[3:] == ["1", "1"]


def test_validate_eori_only_on_its_endpoint(stack):
    r = post(stack, "/puesc/ws", envelope(eori_body(TRANSPOL)))
    assert r.status_code == 500 and fault_code(r) == "ENDPOINT"


def test_archive_page_for_auditor_escaped_and_filtered(stack):
    from ecustomer_lib import staff_client
    hostile = "PL1<b>x</b>"
    r = post(stack, "/puesc/eori", envelope(eori_body("PL1&lt;b&gt;x&lt;/b&gt;")))
    assert r.status_code == 200
    mid = stack.scalar("SELECT MAX(id) FROM puesc_message")
    aud = staff_client(stack, "audytor")
    page = aud.get("/skr/puesc/archive?operation=validateEORI")
    assert page.status_code == 200
    assert 'data-id="%s"' % mid in page.text
    one = aud.get("/skr/puesc/archive/%s" % mid)
    assert one.status_code == 200
    # The XML is shown as text: the client's markup never becomes ours.
    assert "&lt;e:validateEORI" in one.text and "<e:validateEORI" not in one.text
    assert hostile not in one.text
    # Filters narrow: another operation does not list it.
    other = aud.get("/skr/puesc/archive?operation=CreateBooking")
    assert 'data-id="%s"' % mid not in other.text
    bad = aud.get("/skr/puesc/archive?from=2026-13-45")
    assert bad.status_code == 422
    assert aud.get("/skr/puesc/archive/999999999").status_code == 404


def test_archive_page_needs_admin_or_auditor(stack):
    from ecustomer_lib import staff_client
    r = staff_client(stack, "grzechotki").get("/skr/puesc/archive")
    assert r.status_code == 403
    anon = stack.client().get("/skr/puesc/archive", allow_redirects=False)
    assert anon.status_code == 303 and "/skr/signin" in anon.headers["Location"]


def test_rate_limited_per_address(stack):
    # From an address of its own: the bucket it empties is nobody else's,
    # so nobody after it waits for it to fill again.
    http = stack.client(source=other_address()).http
    answers = [http.post(stack.base + "/puesc/eori", data=envelope(eori_body(TRANSPOL)).encode(),
                         headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=30)
               for _ in range(60)]
    codes = [r.status_code for r in answers]
    assert 429 in codes and 200 in codes
    refused = next(r for r in answers if r.status_code == 429)
    assert fault_code(refused) == "RATE_LIMITED"
