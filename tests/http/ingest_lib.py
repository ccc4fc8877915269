"""ingest_lib.py: what the ingest tests share: demo device secrets, event
documents, and posting them signed the way docs/ingest.md says."""
import hashlib
import hmac
import itertools
import time
from datetime import datetime, timedelta, timezone

import requests

NS = "urn:zsog:lane:1"
_seq = itertools.count(int(time.time() * 1000) % 10**12 * 1000)


def secret(code):
    """The demo secret of a seeded device (db/seed/30_ingest.sql)."""
    return hashlib.sha256(("zsog-demo-" + code).encode()).hexdigest()


def sign(code, sec, ts, body):
    msg = code.encode() + b"\n" + ts.encode() + b"\n" + body
    return hmac.new(bytes.fromhex(sec), msg, hashlib.sha256).hexdigest()


def now_iso(delta_s=0):
    t = datetime.now(timezone.utc) + timedelta(seconds=delta_s)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def next_seq():
    return str(next(_seq))


def event(device, crossing, lane, body, seq=None, t=None, direction="entry"):
    return ('<event device="%s" seq="%s" time="%s" crossing="%s" lane="%s" dir="%s">%s</event>'
            % (device, seq or next_seq(), t or now_iso(), crossing, lane, direction, body))


def plate(text, country="PL", conf="0.950", image="img/x.jpg"):
    return '<plate country="%s" confidence="%s" image="%s">%s</plate>' % (country, conf, image, text)


def doc(events):
    if isinstance(events, str):
        events = [events]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<events xmlns="%s">%s</events>'
            % (NS, "".join(events))).encode()


def post(base, code, body, sec=None, ts=None, ctype="application/xml", sig=None, session=None):
    ts = ts if ts is not None else str(int(time.time()))
    sec = sec or secret(code)
    headers = {"Content-Type": ctype, "X-Device": code, "X-Timestamp": ts,
               "X-Signature": sig or sign(code, sec, ts, body)}
    return (session or requests).post(base + "/ingest/events", data=body, headers=headers, timeout=30)


def outcomes(r):
    """[(seq, outcome, reason-or-None)] from a result document."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(r.content)
    return [(e.get("seq"), e.get("outcome"), e.get("reason"))
            for e in root.findall("{%s}event" % NS)]
