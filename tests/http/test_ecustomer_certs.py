"""test_ecustomer_certs.py: e-Customer certificates for signing messages
through nginx: a person approved with the extended scope sends a PKCS#10
request made with the openssl CLI, downloads the certificate, which the
openssl CLI verifies against the CA from /ecustomer/ca/ca.pem; revocation
by the owner and by the registration office puts it in the CRL; bad
requests are refused beside the field with nothing stored; nobody else
reaches a certificate."""
import html
import os
import re
import subprocess
import tempfile
import uuid

import pytest
import requests

from test_audit_words import detail_cell
from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client, unique

ANNA = "anna.kowalska@demo.zsog.pl"
REASONS = ("keyCompromise", "affiliationChanged", "superseded",
           "cessationOfOperation", "unspecified")


# ---- arrange ----



def sisc():
    return "PLP%011d" % (uuid.uuid4().int % 10 ** 11)


def person_of(stack, email):
    rows = stack.sql("SELECT p.id, p.first_name, p.last_name, p.id_sisc,"
                     " p.scope, p.status FROM person p"
                     " JOIN portal_account a ON a.id = p.account_id"
                     " WHERE a.email = ?", email)
    return rows[0] if rows else None


def ensure_person(stack, email, first, last, scope="extended"):
    """The person registered for a portal account: the demo seed's when it
    has one, else made here (the registration flow is tested elsewhere)."""
    p = person_of(stack, email)
    if p is None:
        stack.sql("INSERT INTO person (account_id, id_sisc, first_name,"
                  " last_name, birth_date, country, town, postcode, house_no,"
                  " phone, email, scope, status, created_at, approved_at)"
                  " SELECT id, ?, ?, ?, '1980-05-17', 'PL', 'Olsztyn',"
                  " '10-001', '1', '+48 600 100 200', email, ?, 'approved',"
                  " UTC_TIMESTAMP(), UTC_TIMESTAMP()"
                  " FROM portal_account WHERE email = ?",
                  sisc(), first, last, scope, email)
        p = person_of(stack, email)
    assert p is not None, email
    return {"id": int(p[0]), "first": p[1], "last": p[2], "sisc": p[3],
            "scope": p[4], "status": p[5]}


def new_account(stack, first, last):
    """A confirmed portal account of a new user, signed in."""
    email = unique("c") + "@example.com"
    pw = "Pierwsze-Haslo-1"
    c = stack.client()
    r = c.submit("/portal/signup", "/portal/signup", {
        "first_name": first, "last_name": last, "country": "PL",
        "email": email, "phone": "+48 601 222 333",
        "password": pw, "password2": pw})
    assert r.status_code == 303, r.text[:300]
    link = stack.link_in_outbox(email, "/portal/confirm")
    page = c.get(link)
    token = re.search(r'name="t" value="([0-9a-f]{64})"', page.text).group(1)
    assert c.post("/portal/confirm", {"t": token}).status_code == 303
    return email, portal_client(stack, email, pw)


@pytest.fixture(scope="module")
def tmp():
    with tempfile.TemporaryDirectory(prefix="zsog-cert-") as d:
        yield d


@pytest.fixture(scope="module")
def anna(stack):
    p = ensure_person(stack, ANNA, "Anna", "Kowalska")
    assert (p["scope"], p["status"]) == ("extended", "approved"), p
    p["client"] = portal_client(stack, ANNA)
    p["email"] = ANNA
    return p


@pytest.fixture(scope="module")
def other(stack):
    """Another approved extended person, with a Polish name (UTF-8 CN)."""
    email, c = new_account(stack, "Łukasz", "Żółć")
    p = ensure_person(stack, email, "Łukasz", "Żółć")
    p["client"], p["email"] = c, email
    return p


@pytest.fixture(scope="module")
def ca_pem(stack, tmp):
    r = requests.get(stack.base + "/ecustomer/ca/ca.pem")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/x-pem-file")
    path = os.path.join(tmp, "ca.pem")
    with open(path, "wb") as f:
        f.write(r.content)
    return path


# ---- openssl CLI ----

def openssl(*args, check=True):
    return subprocess.run(["openssl"] + list(args), capture_output=True,
                          text=True, check=check)


def make_csr(tmp, subj, key="ec:P-256"):
    """A fresh key and a CSR for subj; the CSR's PEM text."""
    name = os.path.join(tmp, uuid.uuid4().hex)
    kind, _, size = key.partition(":")
    if kind == "rsa":
        newkey = ["-newkey", "rsa:" + size]
    else:
        newkey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:" + size]
    openssl("req", "-new", *newkey, "-nodes", "-keyout", name + ".key",
            "-utf8", "-subj", subj, "-out", name + ".csr")
    with open(name + ".csr") as f:
        return f.read()


def subj_of(p):
    return "/CN=%s %s/serialNumber=%s" % (p["first"], p["last"], p["sisc"])


def save(tmp, text, suffix=".pem"):
    path = os.path.join(tmp, uuid.uuid4().hex + suffix)
    with open(path, "w" if isinstance(text, str) else "wb") as f:
        f.write(text)
    return path


# ---- actions and looks ----

def certs_of(stack, person_id):
    return stack.count("certificate", "person_id = ?", person_id)


def newest(stack, person_id):
    row = stack.sql("SELECT id, serial_hex, revoked_at, revoke_reason,"
                    " revoked_by_kind FROM certificate WHERE person_id = ?"
                    " ORDER BY id DESC LIMIT 1", person_id)[0]
    return {"id": int(row[0]), "serial": row[1], "revoked_at": row[2],
            "reason": row[3], "by": row[4]}


def cert_row(stack, cid):
    return stack.sql("SELECT revoked_at, revoke_reason, revoked_by_kind,"
                     " revoked_by_id FROM certificate WHERE id = ?", cid)[0]


def request_cert(c, csr):
    page = c.get("/ecustomer/certificates")
    assert page.status_code == 200, page.status_code
    return c.post("/ecustomer/certificates", {"csr": csr})


def issue(stack, p, tmp, key="ec:P-256"):
    """Issues a certificate for p; (row, PEM path)."""
    before = certs_of(stack, p["id"])
    r = request_cert(p["client"], make_csr(tmp, subj_of(p), key))
    assert r.status_code == 303, (r.status_code, r.text[:600])
    assert r.headers["Location"] == "/ecustomer/certificates?done=issued"
    assert certs_of(stack, p["id"]) == before + 1
    row = newest(stack, p["id"])
    d = p["client"].get("/ecustomer/certificates/%d/pem" % row["id"])
    assert d.status_code == 200
    return row, save(tmp, d.text)


def revoke(c, cid, reason, staff=False):
    prefix = "/skr/ecustomer" if staff else "/ecustomer"
    page = c.get(prefix + "/certificates" + ("?q=" if staff else ""))
    assert page.status_code == 200, page.status_code
    return c.post("%s/certificates/%d/revoke" % (prefix, cid),
                  {"reason": reason, "confirm": "1"} if reason is not None else {})


def revoke_audit(stack, cid, lang):
    """The detail of certificate cid's revocation on /skr/audit in lang."""
    audit = stack.scalar("SELECT id FROM audit_log WHERE action = 'cert.revoke'"
                         " AND object = ?", "certificate:%d" % cid)
    admin = staff_client(stack, "admin")
    admin.http.headers["Accept-Language"] = lang
    page = admin.get("/skr/audit", params={"object": "certificate:%d" % cid,
                                           "action": "cert.revoke"})
    assert page.status_code == 200
    return detail_cell(page.text, audit)


def fetch_crl(stack, tmp):
    r = requests.get(stack.base + "/ecustomer/ca/crl.pem")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/x-pem-file")
    return save(tmp, r.content)


def crl_serials(crl_path):
    out = openssl("crl", "-in", crl_path, "-noout", "-text").stdout
    return set(re.findall(r"Serial Number: ([0-9A-F]+)", out)), out


def verify(ca, cert, crl=None):
    args = ["verify", "-CAfile", ca]
    if crl:
        args += ["-crl_check", "-CRLfile", crl]
    return openssl(*(args + [cert]), check=False)


# ---- the whole life of a certificate ----

def test_issue_download_verify_revoke_and_crl(stack, anna, tmp, ca_pem):
    row, cert = issue(stack, anna, tmp)
    assert re.fullmatch(r"[0-9A-F]{32}", row["serial"]), row
    assert row["revoked_at"] == "NULL"

    # The download: the owner's PEM, as an attachment.
    d = anna["client"].get("/ecustomer/certificates/%d/pem" % row["id"])
    assert d.headers["Content-Type"].startswith("application/x-pem-file")
    assert d.headers["Content-Disposition"].startswith("attachment")
    assert d.text.startswith("-----BEGIN CERTIFICATE-----")

    # It chains to the CA the site publishes.
    v = verify(ca_pem, cert)
    assert v.returncode == 0 and ": OK" in v.stdout, v.stdout + v.stderr
    text = openssl("x509", "-in", cert, "-noout", "-text", "-nameopt",
                   "RFC2253,-esc_msb").stdout
    subject = re.search(r"Subject: (.*)", text).group(1)
    assert "serialNumber=%s" % anna["sisc"] in subject, subject
    assert "CN=Anna Kowalska" in subject and "C=PL" in subject
    assert "O=ZSOG PUESC" in subject
    serial = openssl("x509", "-in", cert, "-noout", "-serial").stdout
    assert serial.strip() == "serial=" + row["serial"]
    assert "CA:FALSE" in text
    assert "Digital Signature, Non Repudiation" in text
    assert "/ecustomer/ca/crl.pem" in text
    assert "Subject Key Identifier" in text
    assert "Authority Key Identifier" in text

    # Listed on my page; issue announced by mail and in the audit log.
    page = anna["client"].get("/ecustomer/certificates")
    assert row["serial"] in page.text
    subject_line, body = stack.outbox(ANNA)
    assert row["serial"] in body, body
    assert stack.count("audit_log", "action = 'cert.issue' AND object = ?",
                       "certificate:%d" % row["id"]) == 1

    # Not yet in the CRL, which verifies.
    crl = fetch_crl(stack, tmp)
    assert row["serial"] not in crl_serials(crl)[0]
    assert verify(ca_pem, cert, crl).returncode == 0

    # The owner revokes it with a reason.
    r = revoke(anna["client"], row["id"], "keyCompromise")
    assert r.status_code == 303, (r.status_code, r.text[:500])
    assert r.headers["Location"] == "/ecustomer/certificates?done=revoked"
    after = newest(stack, anna["id"])
    assert after["id"] == row["id"] and after["revoked_at"] != "NULL"
    assert (after["reason"], after["by"]) == ("keyCompromise", "portal")
    assert stack.count("audit_log", "action = 'cert.revoke' AND object = ?",
                       "certificate:%d" % row["id"]) == 1
    # The audit page names the reason in words (its code before).
    for lang, words in (("pl", "certyfikat %s; powód: Klucz skompromitowany (utracony lub ujawniony)"),
                        ("en", "certificate %s; reason: Key compromised (lost or disclosed)")):
        assert revoke_audit(stack, row["id"], lang) == words % row["serial"]
    _, body = stack.outbox(ANNA)
    assert row["serial"] in body and "revoked" in body, body

    crl = fetch_crl(stack, tmp)
    serials, crl_text = crl_serials(crl)
    assert row["serial"] in serials, crl_text
    assert "Key Compromise" in crl_text
    v = verify(ca_pem, cert, crl)
    assert v.returncode != 0
    assert "certificate revoked" in v.stdout + v.stderr

    # Revoking twice is a conflict and changes nothing.
    before = cert_row(stack, row["id"])
    r = anna["client"].post("/ecustomer/certificates/%d/revoke" % row["id"],
                            {"reason": "superseded"})
    assert r.status_code == 409
    assert cert_row(stack, row["id"]) == before


def test_upload_file_rsa_2048_and_utf8_name(stack, other, tmp, ca_pem):
    """The file-upload alternative (multipart, blank textarea beside it),
    an RSA key, a Polish name in the CN."""
    c = other["client"]
    assert c.get("/ecustomer/certificates").status_code == 200
    csr = make_csr(tmp, subj_of(other), "rsa:2048")
    before = certs_of(stack, other["id"])
    r = c.http.post(stack.base + "/ecustomer/certificates",
                    data={"csrf": c.csrf, "csr": ""},
                    files={"csr": ("me.csr", csr.encode(), "application/pkcs10")},
                    allow_redirects=False)
    assert r.status_code == 303, (r.status_code, r.text[:600])
    assert certs_of(stack, other["id"]) == before + 1
    row = newest(stack, other["id"])
    cert = save(tmp, c.get("/ecustomer/certificates/%d/pem" % row["id"]).text)
    assert verify(ca_pem, cert).returncode == 0
    subject = openssl("x509", "-in", cert, "-noout", "-subject", "-nameopt",
                      "RFC2253,-esc_msb,utf8").stdout
    assert "CN=Łukasz Żółć" in subject, subject


# ---- refusals: 422 beside the field, nothing stored ----

def tampered_csr(tmp, subj):
    """A valid RSA request with one byte of its signature flipped."""
    pem = save(tmp, make_csr(tmp, subj, "rsa:2048"))
    der = subprocess.run(["openssl", "req", "-in", pem, "-outform", "DER"],
                         capture_output=True, check=True).stdout
    bad = bytearray(der)
    bad[-5] ^= 0x01
    out = subprocess.run(["openssl", "req", "-inform", "DER", "-outform", "PEM"],
                         input=bytes(bad), capture_output=True,
                         check=True).stdout.decode()
    # openssl itself now finds the signature wrong.
    v = openssl("req", "-in", save(tmp, out), "-noout", "-verify", check=False)
    assert "verify failure" in v.stdout + v.stderr, v.stdout + v.stderr
    return out


def private_key_text(tmp):
    path = os.path.join(tmp, uuid.uuid4().hex + ".key")
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt",
            "ec_paramgen_curve:P-256", "-out", path)
    with open(path) as f:
        return f.read()


REFUSALS = {
    "rsa_1024": (lambda tmp, p: make_csr(tmp, subj_of(p), "rsa:1024"),
                 "too weak"),
    "ec_secp256k1": (lambda tmp, p: make_csr(tmp, subj_of(p), "ec:secp256k1"),
                     "too weak"),
    "ec_p192": (lambda tmp, p: make_csr(tmp, subj_of(p), "ec:prime192v1"),
                "too weak"),
    "tampered_signature": (lambda tmp, p: tampered_csr(tmp, subj_of(p)),
                           "signature is invalid"),
    "someone_elses_cn": (lambda tmp, p: make_csr(
        tmp, "/CN=Jan Wiśniewski/serialNumber=%s" % p["sisc"]),
        "does not match you"),
    "someone_elses_sisc": (lambda tmp, p: make_csr(
        tmp, "/CN=%s %s/serialNumber=PLP99999999999" % (p["first"], p["last"])),
        "does not match you"),
    "private_key": (lambda tmp, p: private_key_text(tmp),
                    "Never send your private key"),
    "private_key_with_csr": (lambda tmp, p: private_key_text(tmp) +
                             make_csr(tmp, subj_of(p)),
                             "Never send your private key"),
    "garbage": (lambda tmp, p: "hello, this is not a request <b>x</b>",
                "not a certificate request"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_bad_request_refused_beside_field(stack, anna, tmp, case):
    make, message = REFUSALS[case]
    csr = make(tmp, anna)
    before = certs_of(stack, anna["id"])
    audits = stack.count("audit_log", "action = 'cert.issue'")
    r = request_cert(anna["client"], csr)
    assert r.status_code == 422, (case, r.status_code)
    err = field_error(r.text, "csr")
    assert err and message in err, (case, err)
    assert certs_of(stack, anna["id"]) == before
    assert stack.count("audit_log", "action = 'cert.issue'") == audits
    if "private_key" in case:
        # A pasted key is never shown back.
        assert "PRIVATE KEY" not in r.text
    else:
        # What the user sent is kept in the form (escaped).
        assert "<b>x</b>" not in r.text


def test_empty_request_and_too_large(stack, anna):
    before = certs_of(stack, anna["id"])
    r = request_cert(anna["client"], "   ")
    assert r.status_code == 422
    assert field_error(r.text, "csr")
    r = request_cert(anna["client"], "-----BEGIN CERTIFICATE REQUEST-----\n" +
                     "A" * 17000)
    assert r.status_code == 413
    assert "16 KiB" in field_error(r.text, "csr")
    assert certs_of(stack, anna["id"]) == before


def test_missing_csrf_is_refused(stack, anna, tmp):
    before = certs_of(stack, anna["id"])
    r = anna["client"].post("/ecustomer/certificates",
                            {"csr": make_csr(tmp, subj_of(anna))}, csrf=False)
    assert r.status_code == 403
    assert certs_of(stack, anna["id"]) == before


def test_basic_scope_person_is_refused(stack, tmp):
    email, c = new_account(stack, "Piotr", "Basic")
    p = ensure_person(stack, email, "Piotr", "Basic", scope="basic")
    page = c.get("/ecustomer/certificates")
    assert page.status_code == 200
    assert "extended scope" in page.text
    assert 'name="csr"' not in page.text
    r = c.post("/ecustomer/certificates", {"csr": make_csr(tmp, subj_of(p))})
    assert r.status_code == 403
    assert "extended scope" in r.text
    assert certs_of(stack, p["id"]) == 0


def test_account_without_person_is_refused(stack, tmp):
    email, c = new_account(stack, "Ola", "Nobody")
    page = c.get("/ecustomer/certificates")
    assert page.status_code == 200 and 'name="csr"' not in page.text
    r = c.post("/ecustomer/certificates",
               {"csr": make_csr(tmp, "/CN=Ola Nobody")})
    assert r.status_code == 403
    assert stack.count("certificate c JOIN person p ON p.id = c.person_id"
                       " JOIN portal_account a ON a.id = p.account_id",
                       "a.email = ?", email) == 0


def test_signed_out_cannot_reach_certificates(stack, anna):
    c = stack.client()
    row = newest(stack, anna["id"])
    r = c.get("/ecustomer/certificates")
    assert r.status_code in (302, 303) and "signin" in r.headers["Location"]
    r = c.get("/ecustomer/certificates/%d/pem" % row["id"])
    assert r.status_code in (302, 303, 401)
    assert "BEGIN CERTIFICATE" not in r.text


# ---- nobody else's certificate ----

def test_other_user_cannot_download_or_revoke(stack, anna, other, tmp):
    row, _ = issue(stack, anna, tmp)
    c = other["client"]
    assert c.get("/ecustomer/certificates").status_code == 200
    r = c.get("/ecustomer/certificates/%d/pem" % row["id"])
    assert r.status_code == 404
    assert "BEGIN CERTIFICATE" not in r.text
    before = cert_row(stack, row["id"])
    r = c.post("/ecustomer/certificates/%d/revoke" % row["id"],
               {"reason": "keyCompromise"})
    assert r.status_code == 404
    assert cert_row(stack, row["id"]) == before
    # My list does not show it.
    assert row["serial"] not in c.get("/ecustomer/certificates").text
    # Ids that do not exist or are not numbers: 404 too.
    for bad in ("999999999", "abc", "0"):
        assert c.get("/ecustomer/certificates/%s/pem" % bad).status_code == 404


def test_revoke_needs_a_known_reason(stack, anna, tmp):
    row, _ = issue(stack, anna, tmp)
    before = cert_row(stack, row["id"])
    for reason in (None, "", "becauseISaySo", "removeFromCRL"):
        r = revoke(anna["client"], row["id"], reason)
        assert r.status_code == 422, (reason, r.status_code)
        assert field_error(r.text, "reason") == "Choose the reason for revocation"
        assert cert_row(stack, row["id"]) == before


# ---- the registration office ----

def test_registration_officer_finds_and_revokes(stack, anna, tmp, ca_pem):
    row, cert = issue(stack, anna, tmp)
    # Revoked by an officer, the mail goes in the language the holder's
    # account reads (test_mail_lang.py): here English.
    stack.sql("UPDATE portal_account SET lang = 'en' WHERE email = ?", ANNA)
    officer = staff_client(stack, "rejestracja.poznan")
    page = officer.get("/skr/ecustomer/certificates?q=" + anna["sisc"])
    assert page.status_code == 200
    assert row["serial"] in page.text
    # A serial as openssl prints it, with colons and lower case.
    colons = ":".join(row["serial"][i:i + 2] for i in range(0, 32, 2)).lower()
    page = officer.get("/skr/ecustomer/certificates?q=" + colons)
    assert page.status_code == 200 and row["serial"] in page.text
    page = officer.get("/skr/ecustomer/certificates?q=%3Cscript%3E")
    assert page.status_code == 422 and "<script>" not in page.text

    r = revoke(officer, row["id"], None, staff=True)
    assert r.status_code == 422
    assert cert_row(stack, row["id"])[0] == "NULL"
    r = revoke(officer, row["id"], "affiliationChanged", staff=True)
    assert r.status_code == 303, (r.status_code, r.text[:500])
    revoked_at, reason, kind, by_id = cert_row(stack, row["id"])
    assert revoked_at != "NULL"
    assert (reason, kind) == ("affiliationChanged", "staff")
    assert by_id == stack.scalar("SELECT id FROM staff WHERE login = 'rejestracja.poznan'")
    _, body = stack.outbox(ANNA)
    assert row["serial"] in body and "registration office" in body
    crl = fetch_crl(stack, tmp)
    assert row["serial"] in crl_serials(crl)[0]
    assert verify(ca_pem, cert, crl).returncode != 0


def test_crossing_officer_gets_403_on_staff_pages(stack, anna, tmp):
    row, _ = issue(stack, anna, tmp)
    officer = staff_client(stack, "grzechotki")
    assert officer.get("/skr/ecustomer/certificates").status_code == 403
    # A token from a page the officer may see.
    assert officer.get("/skr/").status_code == 200
    r = officer.post("/skr/ecustomer/certificates/%d/revoke" % row["id"],
                     {"reason": "keyCompromise"})
    assert r.status_code == 403
    assert cert_row(stack, row["id"])[0] == "NULL"


NOT_OFFICE = ("Registrations are handled by the one-stop-shop's"
              " registration unit; your unit is not it")


def refusal(r):
    """The error page's message (its heading after the status)."""
    m = re.search(r"<h1>(\d+) · (.*?)</h1>", r.text, re.S)
    return (int(m.group(1)), html.unescape(m.group(2))) if m else None


def test_registration_officer_of_another_unit_gets_403_on_the_list(stack):
    """The office's certificate pages are the one-stop-shop's (Poznań, 41),
    as its queue: a registration officer of Olsztyn (11) is refused."""
    officer = staff_client(stack, "rejestracja")
    r = officer.get("/skr/ecustomer/certificates")
    assert r.status_code == 403
    assert refusal(r) == (403, NOT_OFFICE)
    assert "data-serial" not in r.text


def test_registration_officer_of_another_unit_gets_403_on_revoke(stack, anna, tmp):
    row, _ = issue(stack, anna, tmp)
    officer = staff_client(stack, "rejestracja2")
    # A token from a page the officer may see.
    assert officer.get("/skr/").status_code == 200
    for form in ({"reason": "keyCompromise"},
                 {"reason": "keyCompromise", "confirm": "1"}):
        r = officer.post("/skr/ecustomer/certificates/%d/revoke" % row["id"], form)
        assert r.status_code == 403
        assert refusal(r) == (403, NOT_OFFICE)
    assert cert_row(stack, row["id"])[0] == "NULL"
    assert "/skr/ecustomer/certificates" not in officer.get("/skr/").text


def test_portal_user_gets_nothing_from_staff_pages(stack, anna):
    r = anna["client"].get("/skr/ecustomer/certificates")
    assert r.status_code in (302, 303, 401)
    assert "data-serial" not in r.text


# ---- public files ----

def test_ca_and_crl_are_public_and_signed_by_the_ca(stack, tmp, ca_pem):
    text = openssl("x509", "-in", ca_pem, "-noout", "-text").stdout
    assert "CA:TRUE" in text
    crl = fetch_crl(stack, tmp)
    out = openssl("crl", "-in", crl, "-noout", "-CAfile", ca_pem,
                  check=False)
    assert "verify OK" in out.stdout + out.stderr
    text = openssl("crl", "-in", crl, "-noout", "-text").stdout
    assert "Next Update" in text


def test_pages_in_polish(stack, anna):
    c = portal_client(stack, ANNA)
    c.http.headers["Accept-Language"] = "pl"
    page = c.get("/ecustomer/certificates")
    assert page.status_code == 200
    assert '<html lang="pl"' in page.text
    assert "Certyfikaty" in page.text


def test_seeded_demo_certificate_is_anna_s_and_verifies(stack):
    """scripts/seed issues Anna a certificate from this stack's CA (the
    demo data promises one) and leaves its key in VAR/demo/."""
    import os
    import subprocess
    pem = os.path.join(stack.var, "demo", "anna.pem")
    assert os.path.exists(os.path.join(stack.var, "demo", "anna.key"))
    r = subprocess.run(["openssl", "verify", "-CAfile",
                        os.path.join(stack.var, "ca", "ca.pem"), pem],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    serial = subprocess.run(["openssl", "x509", "-in", pem, "-noout", "-serial"],
                            capture_output=True, text=True, check=True).stdout
    serial = serial.strip().split("=", 1)[1]
    rows = stack.sql("SELECT p.email FROM certificate c JOIN person p ON p.id = c.person_id"
                     " WHERE c.serial_hex = ? AND c.revoked_at IS NULL", serial)
    assert [tuple(x) for x in rows] == [("anna.kowalska@demo.zsog.pl",)]
