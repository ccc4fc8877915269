"""test_puesc_akcr.py: the XML status service (GetRegistrationStatus,
withAkcr) returns a company's AKC-R registration: zeep reads the excise
number, status, start and activities; the answer is valid against the
published schema, whose new element refuses a malformed number; a client
built on the schema before AKC-R (which never asks) gets the answer it
always got."""
import datetime
import os
import subprocess

import pytest
import requests
from lxml import etree

from ecustomer_lib import ANNA, portal_client
from puesc_lib import NS_Z, XSD, issue_cert, signing, xmllint_ok, zeep_client

TRANSPOL_SISC = "PLC00000000018"
TRANSPOL_AKCR = "PL00000000018"     # db/seed/13_akcr.sql


@pytest.fixture(scope="module")
def anna(stack, tmp_path_factory):
    tmp = str(tmp_path_factory.mktemp("akcr"))
    row = stack.sql("SELECT p.id, p.first_name, p.last_name, p.id_sisc FROM person p"
                    " JOIN portal_account a ON a.id = p.account_id WHERE a.email = ?",
                    ANNA)[0]
    p = {"id": int(row[0]), "first": row[1], "last": row[2], "sisc": row[3]}
    c = portal_client(stack, ANNA)
    p["key"], p["cert"], _, _ = issue_cert(stack, c, p, tmp)
    p["tmp"] = tmp
    return p


def answer(hist):
    return hist.last_received["envelope"].find(
        ".//{%s}GetRegistrationStatusResponse" % NS_Z)


def test_status_returns_akcr_number(stack, anna):
    _, svc, hist = zeep_client(stack, signing(anna["key"], anna["cert"]))
    st = svc.GetRegistrationStatus(idSisc=TRANSPOL_SISC, withAkcr=True)
    xmllint_ok(answer(hist))
    assert (st.kind, st.status, st.eori) == ("company", "approved", "PL526025027400000")
    assert st.akcr.number == TRANSPOL_AKCR
    assert st.akcr.status == "active"
    assert st.akcr.startDate == datetime.date(2026, 2, 1)
    assert st.akcr.activity == ["intermediary", "registered_consignee"]
    # The company's registration application answers it too.
    app = stack.scalar("SELECT id FROM application WHERE kind = 'company' AND subject_id = 1")
    st = svc.GetRegistrationStatus(applicationId=int(app), withAkcr=True)
    assert st.akcr.number == TRANSPOL_AKCR
    # Not asked for: left out, as before AKC-R.
    st = svc.GetRegistrationStatus(idSisc=TRANSPOL_SISC)
    assert st.eori == "PL526025027400000" and st.akcr is None
    assert answer(hist).find("{%s}akcr" % NS_Z) is None
    # A person has none.
    st = svc.GetRegistrationStatus(idSisc=anna["sisc"], withAkcr=True)
    assert st.kind == "person" and st.akcr is None


def xmllint_errors(element):
    path = os.path.join(XSD, "zsog-puesc.xsd")
    p = subprocess.run(["xmllint", "--noout", "--schema", path, "-"],
                       input=etree.tostring(element), capture_output=True)
    return p.returncode


def test_schema_types_the_akcr_element(stack, anna):
    _, svc, hist = zeep_client(stack, signing(anna["key"], anna["cert"]))
    svc.GetRegistrationStatus(idSisc=TRANSPOL_SISC, withAkcr=True)
    el = answer(hist)
    assert xmllint_errors(el) == 0
    for broken in ("number", "status", "activity"):
        bad = etree.fromstring(etree.tostring(el))
        node = bad.find("{%s}akcr/{%s}%s" % (NS_Z, NS_Z, broken))
        if broken == "activity":
            for a in bad.findall("{%s}akcr/{%s}activity" % (NS_Z, NS_Z)):
                a.getparent().remove(a)      # at least one activity
        else:
            node.text = "PL123" if broken == "number" else "suspended"
        assert xmllint_errors(bad) != 0, broken


def test_client_of_the_old_schema_reads_the_answer(stack, anna):
    """A client generated from the schema before AKC-R (withAkcr and akcr
    removed) gets the same fields and no error."""
    import zeep
    tmp = anna["tmp"]
    xsd = requests.get(stack.base + "/puesc/xsd/zsog-puesc.xsd").content
    doc = etree.fromstring(xsd)
    xs = "http://www.w3.org/2001/XMLSchema"
    gone = [e for e in doc.iter("{%s}element" % xs)
            if e.get("name") in ("akcr", "withAkcr")]
    assert len(gone) == 2
    for e in gone:
        e.getparent().remove(e)
    old_xsd = os.path.join(tmp, "zsog-puesc-old.xsd")
    with open(old_xsd, "wb") as f:
        f.write(etree.tostring(doc))
    wsdl = requests.get(stack.base + "/puesc/ws?wsdl").text
    wsdl = wsdl.replace(stack.base + "/puesc/xsd/zsog-puesc.xsd", "zsog-puesc-old.xsd")
    old_wsdl = os.path.join(tmp, "old.wsdl")
    with open(old_wsdl, "w") as f:
        f.write(wsdl)
    client = zeep.Client(old_wsdl, wsse=signing(anna["key"], anna["cert"]))
    svc = client.bind("PuescService", "PuescPort")
    st = svc.GetRegistrationStatus(idSisc=TRANSPOL_SISC)
    assert (st.kind, st.status, st.idSisc, st.eori) == \
        ("company", "approved", TRANSPOL_SISC, "PL526025027400000")
    assert "akcr" not in st.__values__
