"""test_puesc_signed.py: the signed operations with real clients: zeep
signs with a certificate obtained through e-Customer in the test itself
(WS-Security X.509, RSA-SHA256 over Body and Timestamp); bookings go
through domain/booking.c; idempotency by messageId; and every refusal is a
Fault that changes nothing: tampering, revocation, expired timestamp,
another CA, no authorisation."""
import datetime
import uuid

import pytest
import requests
import zeep.exceptions

from ecustomer_lib import ANNA, portal_client
from puesc_lib import (NS_Z, body_child, fault_code, foreign_cert, issue_cert,
                       local_tomorrow, mrn, plate, signed_envelope, signing,
                       xmllint_ok, zeep_client)
from zsog import DEMO_PASSWORD, unique

TRANSPOL = "PL526025027400000"


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return str(tmp_path_factory.mktemp("puesc"))


def person(stack, email):
    row = stack.sql("SELECT p.id, p.first_name, p.last_name, p.id_sisc FROM person p"
                    " JOIN portal_account a ON a.id = p.account_id WHERE a.email = ?",
                    email)[0]
    return {"id": int(row[0]), "first": row[1], "last": row[2], "sisc": row[3]}


@pytest.fixture(scope="module")
def anna(stack, tmp):
    p = person(stack, ANNA)
    c = portal_client(stack, ANNA)
    p["key"], p["cert"], p["serial"], p["cid"] = issue_cert(stack, c, p, tmp)
    p["client"] = c
    return p


def booking_args(**kw):
    args = dict(messageId="m-" + uuid.uuid4().hex, companyEori=TRANSPOL,
                crossingId=2, day=local_tomorrow(), hour=12, plate=plate(),
                plateCountry="PL", driverName="Jan Kierowca",
                driverDocument="ABC123456", driverPhone="+48 601 222 333",
                mrn=[mrn()], goods="Meble", massKg=12000, packages=33)
    args.update(kw)
    return args


def signed(stack, p):
    return zeep_client(stack, signing(p["key"], p["cert"]))


def raw_fault(r):
    assert r.status_code == 500, (r.status_code, r.text[:400])
    return fault_code(r)


def test_create_get_cancel_with_zeep(stack, anna):
    _, svc, hist = signed(stack, anna)
    args = booking_args()
    res = svc.CreateBooking(**args)
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}CreateBookingResponse" % NS_Z))
    number = res.booking.number
    assert res.receipt.messageId == args["messageId"]
    assert res.receipt.number.startswith("UPO")
    row = stack.sql("SELECT status, plate, company_id, person_id FROM booking WHERE number = ?",
                    number)[0]
    assert row == ["booked", args["plate"], "1", str(anna["id"])]

    got = svc.GetBooking(number=number)
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}GetBookingResponse" % NS_Z))
    assert got.number == number and got.plate == args["plate"]
    assert got.mrn == args["mrn"]

    lst = svc.ListBookings(companyEori=TRANSPOL)
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}ListBookingsResponse" % NS_Z))
    assert number in [b.number for b in lst]

    slots = svc.ListFreeSlots(crossingId=2, **{"from": args["day"], "to": args["day"]})
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}ListFreeSlotsResponse" % NS_Z))
    assert any(s.hour == 12 for s in slots)

    ch = svc.ChangeBooking(messageId="m-" + uuid.uuid4().hex, number=number,
                           day=args["day"], hour=13)
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}ChangeBookingResponse" % NS_Z))
    assert ch.booking.hour == 13
    assert stack.scalar("SELECT hour FROM booking WHERE number = ?", number) == "13"

    cancel = svc.CancelBooking(messageId="m-" + uuid.uuid4().hex, number=number)
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}CancelBookingResponse" % NS_Z))
    assert cancel.booking.number == number
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", number) == "cancelled"
    msg = stack.sql("SELECT sender, outcome FROM puesc_message WHERE operation = 'CancelBooking'"
                    " ORDER BY id DESC LIMIT 1")[0]
    assert msg == [anna["sisc"], "ok"]


def test_same_message_id_twice_one_booking_same_receipt(stack, anna):
    _, svc, _ = signed(stack, anna)
    args = booking_args()
    first = svc.CreateBooking(**args)
    again = svc.CreateBooking(**args)
    assert again.receipt.number == first.receipt.number
    assert again.booking.number == first.booking.number
    assert stack.count("booking", "plate = ? AND status = 'booked'", args["plate"]) == 1
    assert stack.count("puesc_receipt", "message_id = ?", args["messageId"]) == 1
    assert stack.scalar("SELECT outcome FROM puesc_message WHERE message_id = ?"
                        " ORDER BY id DESC LIMIT 1", args["messageId"]) == "replay"


def test_full_slot_is_a_fault_with_booking_code(stack, anna):
    _, svc, _ = signed(stack, anna)
    with pytest.raises(zeep.exceptions.Fault) as e:
        svc.CreateBooking(**booking_args(hour=2, crossingId=1))   # Grzechotki closed at 2
    assert "refused" in e.value.message
    assert e.value.detail.find(".//{%s}code" % NS_Z).text.startswith("BK_")


def test_tampered_body_refused(stack, anna):
    args = booking_args()
    env = signed_envelope(stack, anna["key"], anna["cert"], "CreateBooking", **args)
    bad = env.replace(args["plate"].encode(), b"WOT99X99")
    r = requests.post(stack.base + "/puesc/ws", data=bad,
                      headers={"Content-Type": "text/xml; charset=utf-8"})
    assert raw_fault(r) == "AUTH_SIGNATURE"
    assert stack.count("booking", "plate IN (?, ?)", args["plate"], "WOT99X99") == 0
    # Untouched, the same message is accepted: the refusal was the change.
    r = requests.post(stack.base + "/puesc/ws", data=env,
                      headers={"Content-Type": "text/xml; charset=utf-8"})
    assert r.status_code == 200, r.text[:400]
    xmllint_ok(r.content)


def test_unsigned_refused(stack):
    from puesc_lib import envelope
    body = ('<z:GetBooking xmlns:z="%s"><z:number>X1</z:number></z:GetBooking>' % NS_Z)
    r = requests.post(stack.base + "/puesc/ws", data=envelope(body),
                      headers={"Content-Type": "text/xml"})
    assert raw_fault(r) == "AUTH_SIGNATURE"


def test_expired_timestamp_refused(stack, anna):
    _, svc, _ = zeep_client(stack, signing(anna["key"], anna["cert"],
                            created=datetime.datetime.now(datetime.timezone.utc)
                            - datetime.timedelta(minutes=20), ttl=60))
    args = booking_args()
    with pytest.raises(zeep.exceptions.Fault) as e:
        svc.CreateBooking(**args)
    assert e.value.detail.find(".//{%s}code" % NS_Z).text == "AUTH_TIMESTAMP"
    assert stack.count("booking", "plate = ?", args["plate"]) == 0
    # Archived as refused, without a receipt.
    assert stack.sql("SELECT outcome, receipt_no IS NULL FROM puesc_message"
                     " WHERE message_id = ?", args["messageId"]) == [["AUTH_TIMESTAMP", "1"]]
    assert stack.count("puesc_receipt", "message_id = ?", args["messageId"]) == 0


def test_other_ca_refused(stack, anna, tmp):
    key, cert = foreign_cert(tmp, "/CN=Anna Kowalska/serialNumber=%s" % anna["sisc"])
    _, svc, _ = zeep_client(stack, signing(key, cert))
    args = booking_args()
    with pytest.raises(zeep.exceptions.Fault) as e:
        svc.CreateBooking(**args)
    assert e.value.detail.find(".//{%s}code" % NS_Z).text == "AUTH_CERT_UNKNOWN_CA"
    assert stack.count("booking", "plate = ?", args["plate"]) == 0


def test_no_authorisation_refused(stack, anna, tmp):
    # A new approved person with a certificate but no link to Trans-Pol.
    from ecustomer_lib import new_account
    c = new_account(stack, first="Obcy", last="Nadawca")
    stack.sql("INSERT INTO person (account_id, id_sisc, first_name, last_name, birth_date,"
              " country, town, postcode, house_no, phone, email, scope, status, created_at,"
              " approved_at) SELECT id, ?, 'Obcy', 'Nadawca', '1980-01-01', 'PL', 'Olsztyn',"
              " '10-001', '1', '+48 600 100 200', email, 'extended', 'approved',"
              " UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM portal_account WHERE email = ?",
              "PLP9%010d" % (uuid.uuid4().int % 10 ** 10), c.email)
    p = person(stack, c.email)
    p["key"], p["cert"], _, _ = issue_cert(stack, c, p, tmp)
    _, svc, _ = signed(stack, p)
    args = booking_args()
    with pytest.raises(zeep.exceptions.Fault) as e:
        svc.CreateBooking(**args)
    assert e.value.detail.find(".//{%s}code" % NS_Z).text == "AUTHZ_DENIED"
    assert stack.count("booking", "plate = ?", args["plate"]) == 0
    with pytest.raises(zeep.exceptions.Fault) as e:
        svc.ListBookings(companyEori=TRANSPOL)
    assert e.value.detail.find(".//{%s}code" % NS_Z).text == "AUTHZ_DENIED"
    with pytest.raises(zeep.exceptions.Fault) as e:
        svc.GetRepresentations(companyEori=TRANSPOL)
    assert e.value.detail.find(".//{%s}code" % NS_Z).text == "AUTHZ_DENIED"
    # Another company's booking is not even found, nor changed.
    _, asvc, _ = signed(stack, anna)
    number = asvc.CreateBooking(**booking_args()).booking.number
    for call in (lambda: svc.GetBooking(number=number),
                 lambda: svc.CancelBooking(messageId="m-" + uuid.uuid4().hex, number=number)):
        with pytest.raises(zeep.exceptions.Fault) as e:
            call()
        assert e.value.detail.find(".//{%s}code" % NS_Z).text == "BK_NOT_FOUND"
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", number) == "booked"
    # Another person's application and another company's ID SISC: not found.
    for ask in ({"applicationId": 1}, {"idSisc": "PLC00000000018"}):
        with pytest.raises(zeep.exceptions.Fault) as e:
            svc.GetRegistrationStatus(**ask)
        assert e.value.detail.find(".//{%s}code" % NS_Z).text == "NOT_FOUND"


def test_revoked_certificate_refused(stack, anna, tmp):
    # A second certificate of Anna's, revoked by her.
    key, cert, serial, cid = issue_cert(stack, anna["client"], anna, tmp)
    anna["client"].get("/ecustomer/certificates")
    r = anna["client"].post("/ecustomer/certificates/%d/revoke" % cid,
                            {"reason": "keyCompromise", "confirm": "1"})
    assert r.status_code == 303, r.status_code
    _, svc, _ = zeep_client(stack, signing(key, cert))
    args = booking_args()
    with pytest.raises(zeep.exceptions.Fault) as e:
        svc.CreateBooking(**args)
    assert e.value.detail.find(".//{%s}code" % NS_Z).text == "AUTH_CERT_REVOKED"
    assert stack.count("booking", "plate = ?", args["plate"]) == 0


def test_ecustomer_operations(stack, anna):
    _, svc, hist = signed(stack, anna)
    st = svc.GetRegistrationStatus(idSisc=anna["sisc"])
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}GetRegistrationStatusResponse" % NS_Z))
    assert (st.kind, st.status, st.idSisc) == ("person", "approved", anna["sisc"])
    app = stack.scalar("SELECT id FROM application WHERE kind = 'company' AND subject_id = 1")
    st = svc.GetRegistrationStatus(applicationId=int(app))
    assert (st.kind, st.eori) == ("company", TRANSPOL)
    reps = svc.GetRepresentations(companyEori=TRANSPOL)
    xmllint_ok(hist.last_received["envelope"].find(".//{%s}GetRepresentationsResponse" % NS_Z))
    mine = [r for r in reps if r.idSisc == anna["sisc"]]
    assert mine and "reps_manage" in mine[0].authorisation
    assert len(reps) == int(stack.scalar(
        "SELECT COUNT(*) FROM representation r JOIN company c ON c.id = r.company_id"
        " WHERE c.eori = ? AND r.state = 'active' AND (r.valid_to IS NULL OR r.valid_to > UTC_DATE())", TRANSPOL))


def test_soap12_fault_for_signed_operation(stack):
    from puesc_lib import envelope, post
    body = '<z:GetBooking xmlns:z="%s"><z:number>X1</z:number></z:GetBooking>' % NS_Z
    r = post(stack, "/puesc/ws", envelope(body, "1.2"), ver="1.2")
    assert r.status_code == 400
    assert r.headers["Content-Type"].startswith("application/soap+xml")
    assert fault_code(r) == "AUTH_SIGNATURE"


def test_signature_wrapping_refused(stack, anna):
    """The signed Body moved into the header and a forged Body with the same
    wsu:Id put in its place: the references must resolve to the real Body."""
    from lxml import etree
    from puesc_lib import NS11
    wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
    args = booking_args()
    env = etree.fromstring(signed_envelope(stack, anna["key"], anna["cert"],
                                           "CreateBooking", **args))
    body = env.find("{%s}Body" % NS11)
    forged = etree.fromstring(etree.tostring(body))
    forged.find(".//{%s}plate" % NS_Z).text = "WOT77X77"
    forged.find(".//{%s}messageId" % NS_Z).text = "forged-" + uuid.uuid4().hex
    hdr = env.find("{%s}Header" % NS11)
    wrapper = etree.SubElement(hdr, "{urn:x}Wrapper")
    env.remove(body)
    wrapper.append(body)
    env.append(forged)
    assert forged.get("{%s}Id" % wsu) == body.get("{%s}Id" % wsu)
    r = requests.post(stack.base + "/puesc/ws", data=etree.tostring(env),
                      headers={"Content-Type": "text/xml; charset=utf-8"})
    assert raw_fault(r) == "AUTH_SIGNATURE"
    assert stack.count("booking", "plate IN (?, ?)", args["plate"], "WOT77X77") == 0


def test_same_message_concurrently_one_booking(stack, anna):
    """Five copies of one signed CreateBooking at once, on different
    workers: one booking, one receipt, and every copy gets that answer."""
    from concurrent.futures import ThreadPoolExecutor
    args = booking_args()
    env = signed_envelope(stack, anna["key"], anna["cert"], "CreateBooking", **args)

    def send(_):
        return requests.post(stack.base + "/puesc/ws", data=env,
                             headers={"Content-Type": "text/xml; charset=utf-8"})
    with ThreadPoolExecutor(5) as ex:
        answers = list(ex.map(send, range(5)))
    assert [a.status_code for a in answers] == [200] * 5, [a.text[:300] for a in answers]
    receipts = {body_child(a.content).findtext(".//{%s}receipt/{%s}number" % (NS_Z, NS_Z))
                for a in answers}
    assert len(receipts) == 1 and None not in receipts
    assert stack.count("booking", "plate = ?", args["plate"]) == 1
    assert stack.count("puesc_receipt", "message_id = ?", args["messageId"]) == 1


def test_signature_not_covering_timestamp_refused(stack, anna, tmp):
    """A correct signature over the Body alone (docs' sign.py with one
    reference): the Timestamp could be swapped, so it is refused."""
    import re
    import subprocess
    from puesc_lib import ROOT, envelope
    with open(ROOT + "/docs/puesc-api.md") as f:
        sign = re.search(r"```python\n(.*?)```", f.read(), re.S).group(1)
    assert 'for node_id in ("body", "ts"):' in sign
    sign = sign.replace('for node_id in ("body", "ts"):', 'for node_id in ("body",):')
    script = tmp + "/sign_body_only.py"
    with open(script, "w") as f:
        f.write(sign)
    body = '<z:GetBooking xmlns:z="%s"><z:number>X1</z:number></z:GetBooking>' % NS_Z
    out = subprocess.run(["/usr/bin/python3", script, anna["key"], anna["cert"]],
                         input=envelope(body).encode(), capture_output=True, check=True).stdout
    r = requests.post(stack.base + "/puesc/ws", data=out,
                      headers={"Content-Type": "text/xml; charset=utf-8"})
    assert raw_fault(r) == "AUTH_SIGNATURE"
    assert b"Body and the Timestamp" in r.content


def new_signer(stack, tmp, first, last):
    from ecustomer_lib import new_account
    c = new_account(stack, first=first, last=last)
    stack.sql("INSERT INTO person (account_id, id_sisc, first_name, last_name, birth_date,"
              " country, town, postcode, house_no, phone, email, scope, status, created_at,"
              " approved_at) SELECT id, ?, ?, ?, '1980-01-01', 'PL', 'Olsztyn',"
              " '10-001', '1', '+48 600 100 200', email, 'extended', 'approved',"
              " UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM portal_account WHERE email = ?",
              "PLP8%010d" % (uuid.uuid4().int % 10 ** 10), first, last, c.email)
    p = person(stack, c.email)
    p["key"], p["cert"], _, _ = issue_cert(stack, c, p, tmp)
    return p


def test_booking_rights_without_xml_exchange_refused(stack, anna, tmp):
    p = new_signer(stack, tmp, "Bez", "Xml")
    # As Anna, Trans-Pol's administrator, would have granted it.
    stack.sql("INSERT INTO representation (company_id, rep_person_id, valid_from, granted_by,"
              " created_by, created_at) VALUES (1, ?, UTC_DATE() - INTERVAL 1 DAY, 1, 'test',"
              " UTC_TIMESTAMP())", p["id"])
    rep = stack.scalar("SELECT MAX(id) FROM representation WHERE rep_person_id = ?", p["id"])
    stack.sql("INSERT INTO representation_authz VALUES (?, 'ebt_book'), (?, 'ebt_view')",
              int(rep), int(rep))
    # Anna's booking for Trans-Pol, which this person may see on the web.
    _, asvc, _ = signed(stack, anna)
    number = asvc.CreateBooking(**booking_args()).booking.number
    _, svc, _ = signed(stack, p)
    args = booking_args()
    for call in (lambda: svc.CreateBooking(**args),
                 lambda: svc.GetBooking(number=number),
                 lambda: svc.CancelBooking(messageId="m-" + uuid.uuid4().hex, number=number)):
        with pytest.raises(zeep.exceptions.Fault) as e:
            call()
        assert e.value.detail.find(".//{%s}code" % NS_Z).text == "AUTHZ_DENIED"
        assert "XML" in e.value.message
    assert stack.count("booking", "plate = ?", args["plate"]) == 0
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", number) == "booked"


def represent(stack, company, person_id, *authz):
    stack.sql("INSERT INTO representation (company_id, rep_person_id, valid_from, created_by,"
              " created_at) VALUES (?, ?, UTC_DATE() - INTERVAL 1 DAY, 'test', UTC_TIMESTAMP())",
              company, person_id)
    rep = int(stack.scalar("SELECT MAX(id) FROM representation WHERE rep_person_id = ?"
                           " AND company_id = ?", person_id, company))
    for a in authz:
        stack.sql("INSERT INTO representation_authz VALUES (?, ?)", rep, a)


def fault_of(call):
    with pytest.raises(zeep.exceptions.Fault) as e:
        call()
    return e.value.detail.find(".//{%s}code" % NS_Z).text, e.value.message


def test_representations_need_xml_exchange(stack, anna, tmp):
    """GetRepresentations names a company: like every such operation it
    needs xml_exchange for it besides reps_view / reps_manage."""
    p = new_signer(stack, tmp, "Bez", "Wymiany")
    represent(stack, 1, p["id"], "reps_view", "reps_manage")
    _, svc, _ = signed(stack, p)
    assert fault_of(lambda: svc.GetRepresentations(companyEori=TRANSPOL)) == (
        "AUTHZ_DENIED", "The signer may not exchange XML messages for the company")
    # With xml_exchange as well, the same signer gets the list.
    q = new_signer(stack, tmp, "Z", "Wymiana")
    represent(stack, 1, q["id"], "reps_view", "xml_exchange")
    _, svc, _ = signed(stack, q)
    reps = svc.GetRepresentations(companyEori=TRANSPOL)
    assert [r.authorisation for r in reps if r.idSisc == q["sisc"]] == [
        ["reps_view", "xml_exchange"]]
    # xml_exchange alone does not show the representatives.
    x = new_signer(stack, tmp, "Tylko", "Wymiana")
    represent(stack, 1, x["id"], "xml_exchange")
    _, svc, _ = signed(stack, x)
    assert fault_of(lambda: svc.GetRepresentations(companyEori=TRANSPOL)) == (
        "AUTHZ_DENIED", "The signer may not view the company's representatives")


def test_representations_of_deactivated_company_unknown(stack, anna, tmp):
    """A deactivated company is "company unknown" (no active company with
    that EORI) to GetRepresentations as to the booking operations."""
    eori = "PL%014dZ" % (uuid.uuid4().int % 10 ** 14)
    stack.sql("INSERT INTO company (eori, name, legal_form, country, town, postcode, house_no,"
              " iban, main_activity, contact_email, contact_phone, status, created_at,"
              " approved_at) VALUES (?, 'Zamknieta Sp. z o.o.', 'sp_zoo', 'PL', 'Olsztyn',"
              " '10-001', '1', 'PL61109010140000071219812874', 'transport', 'z@example.com',"
              " '+48 600 100 200', 'approved', UTC_TIMESTAMP(), UTC_TIMESTAMP())", eori)
    company = int(stack.scalar("SELECT id FROM company WHERE eori = ?", eori))
    p = new_signer(stack, tmp, "Byly", "Administrator")
    represent(stack, company, p["id"], "reps_manage", "reps_view", "xml_exchange", "ebt_view")
    _, svc, _ = signed(stack, p)
    assert [r.idSisc for r in svc.GetRepresentations(companyEori=eori)] == [p["sisc"]]
    stack.sql("UPDATE company SET status = 'deactivated' WHERE id = ?", company)
    unknown = ("COMPANY_UNKNOWN", "No active company with EORI %s" % eori)
    assert fault_of(lambda: svc.GetRepresentations(companyEori=eori)) == unknown
    assert fault_of(lambda: svc.ListBookings(companyEori=eori)) == unknown
