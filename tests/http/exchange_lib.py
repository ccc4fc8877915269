"""exchange_lib.py: what the exchange tests share: the demo partners' keys
(db/seed/42_exchange.sql), exchange files, and posting them signed the way
docs/exchange.md says."""
import hashlib
import hmac
import itertools
import time
from datetime import date, timedelta

import requests

NS = "urn:zsog:risk-exchange:1"
_n = itertools.count(int(time.time() * 1000) % 10**9)


def secret(code):
    """The demo key of a seeded source."""
    return hashlib.sha256(("zsog-demo-" + code).encode()).hexdigest()


def sign(code, sec, ts, body):
    msg = code.encode() + b"\n" + ts.encode() + b"\n" + body
    return hmac.new(bytes.fromhex(sec), msg, hashlib.sha256).hexdigest()


def uid(prefix):
    return "%s-%d" % (prefix, next(_n))


def days(n):
    return (date.today() + timedelta(days=n)).isoformat()


def info(ref, value, obj="plate", category="smuggling", level=3, country="PL",
         valid_from=None, valid_to=None):
    return ('<riskInfo ref="%s" object="%s" value="%s"%s category="%s" level="%d"'
            ' validFrom="%s" validTo="%s"/>'
            % (ref, obj, value, ' country="%s"' % country if country else "",
               category, level, valid_from or days(-1), valid_to or days(30)))


def candidate(ref, value, obj="container", action="report", level=2,
              reason="Seen in case 12/26", valid_from=None, valid_to=None):
    return ('<watchCandidate ref="%s" object="%s" value="%s" action="%s" level="%d"'
            ' validFrom="%s" validTo="%s"><reason>%s</reason></watchCandidate>'
            % (ref, obj, value, action, level, valid_from or days(0),
               valid_to or days(60), reason))


def doc(records, source="PL-KGP", file_id=None, created="2026-12-01T10:00:00Z"):
    if isinstance(records, str):
        records = [records]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<riskExchange xmlns="%s" source="%s" fileId="%s" created="%s">%s</riskExchange>'
            % (NS, source, file_id or uid("F"), created, "".join(records))).encode()


def post(base, code, body, sec=None, ts=None, ctype="application/xml", sig=None):
    ts = ts if ts is not None else str(int(time.time()))
    sec = sec or secret(code)
    headers = {"Content-Type": ctype, "X-Source": code, "X-Timestamp": ts,
               "X-Signature": sig or sign(code, sec, ts, body)}
    return requests.post(base + "/exchange/import", data=body, headers=headers, timeout=30)


def result(r):
    """The attributes of a <result> answer."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(r.content)
    assert root.tag == "{%s}result" % NS, r.text
    return root.attrib


def error(r):
    """(status, code, message) of an <error> answer."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(r.content)
    assert root.tag == "{%s}error" % NS, r.text
    return int(root.get("status")), root.get("code"), root.text
