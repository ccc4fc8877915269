"""test_ingest_events.py: POST /ingest/events through nginx: signed
documents are stored once (duplicates are safe), a batch keeps its good
events, and every bad request (auth, hostile or invalid XML, bad times) is
refused with an XML error, stores nothing and leaves the worker up."""
import os
import time

import pytest
import requests

import ingest_lib as L

# The hostile XML every parser must refuse (a copy of the project's own).
ATTACKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "xml-attacks")
DEV, X, LANE = "GRZ-ANPR-C1", "GRZ", "C1"


def n_events(stack):
    return stack.count("event")


def healthy(stack):
    r = requests.get(stack.base + "/health", timeout=10)
    assert r.status_code == 200
    # The ingest workers answer too (the schema is served by them).
    r = requests.get(stack.base + "/ingest/events.xsd", timeout=10)
    assert r.status_code == 200


def refused(stack, r, status, code=None):
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["Content-Type"].startswith("application/xml")
    assert "<error" in r.text
    if code:
        assert 'code="%s"' % code in r.text, r.text


def test_xsd_served_is_the_docs_copy(stack):
    r = requests.get(stack.base + "/ingest/events.xsd")
    assert r.status_code == 200
    with open(os.path.join(stack.root, "docs", "ingest-events.xsd"), "rb") as f:
        assert r.content == f.read()


def test_accepts_then_duplicate_and_register(stack):
    seq = L.next_seq()
    body = L.doc(L.event(DEV, X, LANE, L.plate("ka 777-xy", country="PL"), seq=seq))
    before = n_events(stack)
    r = L.post(stack.base, DEV, body)
    assert r.status_code == 200, r.text
    assert L.outcomes(r) == [(seq, "accepted", None)]
    assert n_events(stack) == before + 1
    assert stack.scalar("SELECT obj_key FROM event WHERE seq = ?", seq) == "KA777XY"
    # Sent again (a lost acknowledgement): stored once.
    r = L.post(stack.base, DEV, body)
    assert r.status_code == 200
    assert L.outcomes(r) == [(seq, "duplicate", None)]
    assert n_events(stack) == before + 1
    # The liveness lives beside the register (0094): device_seen.
    assert stack.scalar("SELECT s.last_seen IS NOT NULL FROM device_seen s"
                        " JOIN device d ON d.id = s.device_id WHERE d.code = ?", DEV) == "1"


def test_batch_keeps_good_events(stack):
    good1, bad, good2, past = L.next_seq(), L.next_seq(), L.next_seq(), L.next_seq()
    body = L.doc([
        L.event(DEV, X, LANE, L.plate("GD 1111A"), seq=good1),
        L.event(DEV, X, LANE, L.plate("GD 2222A"), seq=bad, t=L.now_iso(3600)),
        L.event(DEV, X, LANE, L.plate("GD 3333A"), seq=good2),
        L.event(DEV, X, LANE, L.plate("GD 4444A"), seq=past, t=L.now_iso(-30 * 86400)),
    ])
    before = n_events(stack)
    r = L.post(stack.base, DEV, body)
    assert r.status_code == 200, r.text
    assert L.outcomes(r) == [(good1, "accepted", None), (bad, "rejected", "time_future"),
                             (good2, "accepted", None), (past, "rejected", "time_past")]
    assert n_events(stack) == before + 2
    assert stack.count("event", "seq IN (?, ?)", bad, past) == 0


def test_all_rejected_is_422_and_nothing_stored(stack):
    for t, reason in ((L.now_iso(10 * 86400), "time_future"), ("1999-01-01T00:00:00Z", "time_past")):
        before = n_events(stack)
        r = L.post(stack.base, DEV, L.doc(L.event(DEV, X, LANE, L.plate("TT 1234"), t=t)))
        assert r.status_code == 422, r.text
        assert L.outcomes(r)[0][1:] == ("rejected", reason)
        assert n_events(stack) == before
        healthy(stack)


def test_wrong_check_digit_is_kept_but_doubtful(stack):
    dev, x, lane = "KOR-CONT-T1", "KOR", "T1"
    good, wrong = L.next_seq(), L.next_seq()
    body = L.doc([L.event(dev, x, lane, "<container>CSQU3054383</container>", seq=good),
                  L.event(dev, x, lane, "<container>CSQU3054384</container>", seq=wrong)])
    r = L.post(stack.base, dev, body)
    assert r.status_code == 200, r.text
    assert 'doubtful="true"' in r.text
    assert stack.scalar("SELECT doubtful FROM event WHERE seq = ?", good) == "0"
    assert stack.scalar("SELECT doubtful FROM event WHERE seq = ?", wrong) == "1"
    # The same for a UIC wagon number (31 51 3320 167-5 is valid).
    wdev = "KOR-WAG-R1"
    ok, bad = L.next_seq(), L.next_seq()
    r = L.post(stack.base, wdev, L.doc([
        L.event(wdev, x, "R1", "<wagon>31 51 3320 167-5</wagon>", seq=ok),
        L.event(wdev, x, "R1", "<wagon>31 51 3320 167-3</wagon>", seq=bad)]))
    assert r.status_code == 200, r.text
    assert stack.scalar("SELECT doubtful FROM event WHERE seq = ?", ok) == "0"
    assert stack.scalar("SELECT doubtful FROM event WHERE seq = ?", bad) == "1"


@pytest.mark.parametrize("case", ["unknown", "bad_signature", "stale", "future_ts",
                                  "missing", "wrong_secret"])
def test_auth_failures_store_nothing(stack, case):
    body = L.doc(L.event(DEV, X, LANE, L.plate("AU 1234")))
    before = n_events(stack)
    ts = str(int(time.time()))
    if case == "unknown":
        r = L.post(stack.base, "NO-SUCH-DEV", body, sec=L.secret("NO-SUCH-DEV"))
    elif case == "bad_signature":
        r = L.post(stack.base, DEV, body, sig="0" * 64)
    elif case == "stale":   # a replay of an old request
        r = L.post(stack.base, DEV, body, ts=str(int(time.time()) - 3600))
    elif case == "future_ts":
        r = L.post(stack.base, DEV, body, ts=str(int(time.time()) + 3600))
    elif case == "missing":
        r = requests.post(stack.base + "/ingest/events", data=body,
                          headers={"Content-Type": "application/xml"})
    else:
        r = L.post(stack.base, DEV, body, sec=L.secret("GRZ-ANPR-T1"))
    refused(stack, r, 401)
    assert n_events(stack) == before


def test_signature_covers_the_body(stack):
    body = L.doc(L.event(DEV, X, LANE, L.plate("AU 1111")))
    ts = str(int(time.time()))
    sig = L.sign(DEV, L.secret(DEV), ts, body)
    tampered = body.replace(b"AU 1111", b"AU 2222")
    before = n_events(stack)
    r = L.post(stack.base, DEV, tampered, ts=ts, sig=sig)
    refused(stack, r, 401, "auth_signature")
    assert n_events(stack) == before


def test_event_for_another_crossing_or_device_is_403(stack):
    before = n_events(stack)
    # Signed correctly by DEV, but speaking for a lane it is not on.
    r = L.post(stack.base, DEV, L.doc(L.event(DEV, "KOR", "T1", L.plate("AB 1234"))))
    refused(stack, r, 403, "other_lane")
    r = L.post(stack.base, DEV, L.doc([L.event(DEV, X, LANE, L.plate("AB 1234")),
                                       L.event("GRZ-ANPR-T1", X, "T1", L.plate("AB 1235"))]))
    refused(stack, r, 403, "other_device")
    assert n_events(stack) == before


@pytest.mark.parametrize("name", sorted(f for f in os.listdir(ATTACKS) if f.endswith(".xml")))
def test_hostile_xml_files(stack, name):
    with open(os.path.join(ATTACKS, name), "rb") as f:
        body = f.read()
    before = n_events(stack)
    t0 = time.time()
    r = L.post(stack.base, DEV, body)
    assert time.time() - t0 < 5
    # Too big for the program (413), or refused as XML (400) or schema (422).
    assert r.status_code in (400, 413, 422), (name, r.status_code, r.text[:300])
    if r.status_code != 413:
        refused(stack, r, r.status_code)
    assert "root:" not in r.text    # no /etc/passwd in any answer
    assert n_events(stack) == before
    healthy(stack)


@pytest.mark.parametrize("body,status,code", [
    (b"<events xmlns='urn:zsog:lane:1'><event", 400, "malformed"),
    (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", 400, "doctype"),
    (b"<events xmlns='urn:zsog:lane:1'/>", 422, "schema"),
    (b"<other xmlns='urn:zsog:lane:1'/>", 422, "schema"),
])
def test_malformed_and_schema(stack, body, status, code):
    before = n_events(stack)
    refused(stack, L.post(stack.base, DEV, body), status, code)
    assert n_events(stack) == before
    healthy(stack)


def test_unknown_kind_fails_the_schema(stack):
    body = L.doc(L.event(DEV, X, LANE, '<teleport to="mars"/>'))
    before = n_events(stack)
    refused(stack, L.post(stack.base, DEV, body), 422, "schema")
    assert n_events(stack) == before


def test_wrong_media_type_is_415(stack):
    body = L.doc(L.event(DEV, X, LANE, L.plate("MT 1234")))
    before = n_events(stack)
    r = L.post(stack.base, DEV, body, ctype="text/plain")
    refused(stack, r, 415)
    assert n_events(stack) == before


def test_50mb_body_is_413(stack):
    before = n_events(stack)
    body = b"<events xmlns='urn:zsog:lane:1'>" + b" " * (50 * 1024 * 1024) + b"</events>"
    try:
        r = L.post(stack.base, DEV, body)
        assert r.status_code == 413
    except requests.exceptions.ConnectionError:
        pass    # nginx may close the connection while the body is still going
    assert n_events(stack) == before
    healthy(stack)


def test_all_kinds_stored(stack):
    devs = {"GRZ-RAD-T1": ("T1", '<radiation level="0.120" alarm="false"/>'),
            "GRZ-DOC-C1": ("C1", '<document type="passport" number="AB 123456" nationality="LT" name="Jonas Jonaitis" birth="1975-02-03"/>')}
    for code, (lane, payload) in devs.items():
        seq = L.next_seq()
        r = L.post(stack.base, code, L.doc(L.event(code, X, lane, payload, seq=seq)))
        assert r.status_code == 200, r.text
        assert L.outcomes(r) == [(seq, "accepted", None)]
    assert stack.scalar("SELECT person_key FROM event WHERE obj_key = 'AB123456'") == "JONAS JONAITIS|1975-02-03"
    for payload in ('<weight kg="41200.5"/>', '<laneState state="open"/>', "<heartbeat/>"):
        seq = L.next_seq()
        r = L.post(stack.base, "GRZ-ANPR-T1", L.doc(L.event("GRZ-ANPR-T1", X, "T1", payload, seq=seq)))
        assert r.status_code == 200, r.text
        assert L.outcomes(r)[0][1] == "accepted"
