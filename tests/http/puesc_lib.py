"""puesc_lib.py: what the PUESC SOAP tests share: raw SOAP posts, fault
parsing, response validation with xmllint, and a signing zeep client with a
certificate issued through the e-Customer flow."""
import datetime
import os
import re
import subprocess
import tempfile
import time
import uuid

from lxml import etree

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
XSD = os.path.join(ROOT, "docs", "puesc", "xsd")
NS11 = "http://schemas.xmlsoap.org/soap/envelope/"
NS12 = "http://www.w3.org/2003/05/soap-envelope"
NS_EORI = "http://eori.ws.eos.dds.s/"
NS_Z = "urn:zsog:puesc:1"
# The hostile XML every parser must refuse (a copy of the project's own).
ATTACKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "xml-attacks")


def envelope(body, ver="1.1"):
    ns = NS11 if ver == "1.1" else NS12
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<soap:Envelope xmlns:soap="%s"><soap:Body>%s</soap:Body>'
            '</soap:Envelope>' % (ns, body))


def eori_body(*numbers):
    return ('<e:validateEORI xmlns:e="%s">%s</e:validateEORI>'
            % (NS_EORI, "".join("<eori>%s</eori>" % n for n in numbers)))


def post(stack, path, xml, ver="1.1", content_type=None):
    """One SOAP message, sent as a well-behaved business system sends it:
    the public EORI check is limited per address (5 a second, 20 at once:
    etc/nginx/puesc.conf.in), and a file of tests sends more than that in
    a few seconds from 127.0.0.1 — refused with 429, it waits and sends
    again. test_rate_limited_per_address sends from an address of its own
    without this, to see the refusal."""
    import requests
    ctype = content_type or ("text/xml; charset=utf-8" if ver == "1.1"
                             else "application/soap+xml; charset=utf-8")
    data = xml.encode() if isinstance(xml, str) else xml
    for attempt in range(20):
        r = requests.post(stack.base + path, data=data,
                          headers={"Content-Type": ctype}, timeout=30)
        if r.status_code != 429:
            return r
        time.sleep(0.25)
    return r


def body_child(content):
    doc = etree.fromstring(content)
    body = doc.find("{%s}Body" % NS11)
    if body is None:
        body = doc.find("{%s}Body" % NS12)
    assert body is not None, content[:300]
    return body[0]


def fault_code(resp):
    """The machine-readable code of a Fault answer."""
    el = body_child(resp.content)
    assert el.tag.endswith("}Fault"), resp.text[:500]
    code = el.find(".//{%s}code" % NS_Z)
    assert code is not None, resp.text[:500]
    xmllint_ok(code.getparent())    # the detail is our schema's z:fault
    return code.text


def xmllint_ok(element_or_bytes):
    """Validates the answer element against our XSDs with xmllint."""
    el = element_or_bytes
    if isinstance(el, (bytes, str)):
        el = body_child(el)
    ns = etree.QName(el).namespace
    xsd = os.path.join(XSD, "eori.xsd" if ns == NS_EORI else "zsog-puesc.xsd")
    with tempfile.NamedTemporaryFile(suffix=".xml", delete=False) as f:
        f.write(etree.tostring(el))
        name = f.name
    try:
        p = subprocess.run(["xmllint", "--noout", "--schema", xsd, name],
                           capture_output=True, text=True)
    finally:
        os.unlink(name)
    assert p.returncode == 0, p.stderr
    return True


def openssl(*args):
    return subprocess.run(["openssl"] + list(args), capture_output=True,
                          text=True, check=True)


def rsa_key_and_csr(tmp, subj):
    name = os.path.join(tmp, uuid.uuid4().hex)
    openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout",
            name + ".key", "-utf8", "-subj", subj, "-out", name + ".csr")
    with open(name + ".csr") as f:
        return name + ".key", f.read()


def issue_cert(stack, client, person, tmp):
    """A key and a certificate for person through POST /ecustomer/certificates:
    (key path, cert path, serial)."""
    subj = "/CN=%s %s/serialNumber=%s" % (person["first"], person["last"], person["sisc"])
    key, csr = rsa_key_and_csr(tmp, subj)
    assert client.get("/ecustomer/certificates").status_code == 200
    r = client.post("/ecustomer/certificates", {"csr": csr})
    assert r.status_code == 303, (r.status_code, r.text[:500])
    cid, serial = stack.sql("SELECT id, serial_hex FROM certificate WHERE person_id = ?"
                            " ORDER BY id DESC LIMIT 1", person["id"])[0]
    d = client.get("/ecustomer/certificates/%s/pem" % cid)
    assert d.status_code == 200
    cert = os.path.join(tmp, uuid.uuid4().hex + ".pem")
    with open(cert, "w") as f:
        f.write(d.text)
    return key, cert, serial, int(cid)


def foreign_cert(tmp, subj):
    """A key and a self-made CA's certificate with the same subject."""
    d = os.path.join(tmp, uuid.uuid4().hex)
    os.mkdir(d)
    openssl("req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout",
            d + "/ca.key", "-subj", "/CN=Other CA", "-days", "30", "-out", d + "/ca.pem")
    key, csr = rsa_key_and_csr(tmp, subj)
    with open(d + "/req.csr", "w") as f:
        f.write(csr)
    openssl("x509", "-req", "-in", d + "/req.csr", "-CA", d + "/ca.pem", "-CAkey",
            d + "/ca.key", "-CAcreateserial", "-days", "30", "-out", d + "/cert.pem")
    return key, d + "/cert.pem"


def signing(key, cert, created=None, ttl=300):
    """A zeep BinarySignature (RSA-SHA256) that adds and signs a wsu:Timestamp."""
    import xmlsec
    from zeep import ns
    from zeep.wsse import utils
    from zeep.wsse.signature import BinarySignature

    class Signed(BinarySignature):
        def apply(self, env, headers):
            security = utils.get_security_header(env)
            now = created or datetime.datetime.now(datetime.timezone.utc)
            ts = utils.WSU("Timestamp")
            ts.append(utils.WSU("Created", now.strftime("%Y-%m-%dT%H:%M:%SZ")))
            ts.append(utils.WSU("Expires", (now + datetime.timedelta(seconds=ttl))
                                .strftime("%Y-%m-%dT%H:%M:%SZ")))
            security.append(ts)
            return super().apply(env, headers)

        def verify(self, env):
            return env   # answers are not signed

    return Signed(key, cert, signature_method=xmlsec.constants.TransformRsaSha256,
                  digest_method=xmlsec.constants.TransformSha256)


def zeep_client(stack, wsse=None, service="PuescService", port="PuescPort"):
    import zeep
    from zeep.plugins import HistoryPlugin
    hist = HistoryPlugin()
    c = zeep.Client(stack.base + "/puesc/ws?wsdl", wsse=wsse, plugins=[hist])
    svc = c.bind(service, port)
    return c, svc, hist


def signed_envelope(stack, key, cert, op, **kw):
    """The signed request zeep would send, as bytes (for tampering)."""
    c, svc, _ = zeep_client(stack, signing(key, cert))
    node = c.create_message(svc, op, **kw)
    return etree.tostring(node)


def mrn(seed=None):
    """A valid MRN (ISO 6346 check character): 26PL + 13 digits + check."""
    import random
    letters = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                       [10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25,
                        26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38]))
    s = "26PL" + "".join(random.choice("0123456789") for _ in range(13))
    total = sum((int(c) if c.isdigit() else letters[c]) << i for i, c in enumerate(s))
    return s + str(total % 11 % 10)


def plate():
    import random
    return "WOT%05d" % random.randint(0, 99999)


def local_tomorrow():
    # Europe/Warsaw is UTC+1 or +2: two days ahead is safely bookable.
    return (datetime.datetime.now(datetime.timezone.utc).date()
            + datetime.timedelta(days=2)).isoformat()
