"""test_exchange.py: the exchange with partner services (docs/exchange.md):
a signed file imported with the provenance of each record, the same file
twice changing nothing, the same record updated and not doubled, every
hostile XML fixture refused (posted and dropped in the inbox) with nothing
imported, unsigned or wrongly signed requests refused, schema errors that
name the element, the inbox read by the background process, watch-list
candidates waiting for four eyes; the export as XML valid against its
schema and as injection-safe CSV, audited; outsiders refused on every
route."""
import csv
import io
import os
import re
import subprocess
import tempfile
import time

import pytest
import requests

import exchange_lib as X
from zsog import DEMO_PASSWORD, portal_client, staff_client

ATTACKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "xml-attacks")
SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "schemas")
# A container number with a right check digit (ISO 6346's own example).
CONTAINER = "CSQU3054383"


def imported_state(stack):
    """Everything an import can change."""
    return (stack.count("exchange_file", "status = 'imported'"),
            stack.count("exchange_record"), stack.count("risk_info"),
            stack.count("watch_entry"),
            stack.scalar("SELECT COALESCE(MAX(updated_at), '') FROM risk_info"))


def test_schemas_served_are_the_docs_copies(stack):
    for name in ("risk-exchange.xsd", "risk-export.xsd"):
        r = requests.get(stack.base + "/exchange/schema/" + name)
        assert r.status_code == 200
        assert r.headers["Content-Type"].startswith("application/xml")
        with open(os.path.join(SCHEMAS, name), "rb") as f:
            assert r.content == f.read()


def test_signed_file_is_imported_with_provenance(stack):
    ref_i, ref_c, fid = X.uid("R"), X.uid("C"), X.uid("F")
    body = X.doc([X.info(ref_i, "WA 1%05d" % (int(ref_i[2:]) % 100000)),
                  X.candidate(ref_c, CONTAINER)], file_id=fid)
    r = X.post(stack.base, "PL-KGP", body)
    assert r.status_code == 200, r.text
    a = X.result(r)
    assert (a["status"], a["fileId"], a["info"], a["candidates"], a["new"],
            a["updated"], a["unchanged"]) == ("imported", fid, "1", "1", "2", "0", "0")
    file_id = int(a["id"])
    assert stack.sql("SELECT source_id, file_ref, channel, status, n_info, n_candidates,"
                     " created FROM exchange_file WHERE id = ?", file_id) == [
        ["1", fid, "post", "imported", "1", "1", "2026-12-01 10:00:00"]]
    # Each record: its source, its file and (through the file) its time.
    assert stack.sql("SELECT kind, ref, source_id, outcome FROM exchange_record"
                     " WHERE file_id = ? ORDER BY id", file_id) == [
        ["info", ref_i, "1", "new"], ["candidate", ref_c, "1", "new"]]
    assert stack.sql("SELECT object_kind, category, level, file_id FROM risk_info"
                     " WHERE source_id = 1 AND ref = ?", ref_i) == [
        ["plate", "smuggling", "3", str(file_id)]]
    page = staff_client(stack, "analityk").get("/skr/risk/exchange/%d" % file_id)
    assert page.status_code == 200
    assert 'data-ref="%s"' % ref_i in page.text and 'data-ref="%s"' % ref_c in page.text
    assert re.search(r'class="provenance">PL-KGP · <code>%s</code> · \d{4}-' % re.escape(fid), page.text)
    listing = staff_client(stack, "analityk").get("/skr/risk/exchange")
    assert 'data-id="%d"' % file_id in listing.text


def test_the_same_file_twice_changes_nothing(stack):
    body = X.doc([X.info(X.uid("R"), "WZ 7%04d" % (int(time.time()) % 10000)),
                  X.candidate(X.uid("C"), CONTAINER)])
    first = X.post(stack.base, "PL-KGP", body)
    assert first.status_code == 200 and X.result(first)["status"] == "imported"
    before = imported_state(stack)
    files = stack.count("exchange_file")
    time.sleep(1.1)     # a new timestamp: a new signature, the same file
    again = X.post(stack.base, "PL-KGP", body)
    assert again.status_code == 200
    a = X.result(again)
    assert (a["status"], a["id"]) == ("already_imported", X.result(first)["id"])
    assert "new" not in a
    assert imported_state(stack) == before
    assert stack.count("exchange_file") == files    # not even a log row


def test_the_same_record_from_the_same_source_is_updated_not_doubled(stack):
    ref = X.uid("R")
    value = "WY 5%04d" % (int(time.time()) % 10000)
    r = X.post(stack.base, "PL-KGP", X.doc(X.info(ref, value, level=1)))
    assert X.result(r)["new"] == "1"
    r = X.post(stack.base, "PL-KGP", X.doc(X.info(ref, value, level=3, category="drugs")))
    a = X.result(r)
    assert (a["new"], a["updated"], a["unchanged"]) == ("0", "1", "0")
    assert stack.sql("SELECT level, category, file_id FROM risk_info WHERE source_id = 1"
                     " AND ref = ?", ref) == [["3", "drugs", a["id"]]]
    r = X.post(stack.base, "PL-KGP", X.doc(X.info(ref, value, level=3, category="drugs")))
    assert (X.result(r)["updated"], X.result(r)["unchanged"]) == ("0", "1")
    assert stack.count("risk_info", "ref = ?", ref) == 1
    # Another source's record of the same reference is its own.
    r = X.post(stack.base, "PL-SG", X.doc(X.info(ref, value), source="PL-SG"))
    assert X.result(r)["new"] == "1"
    assert stack.count("risk_info", "ref = ?", ref) == 2


# What each hostile file is refused as, posted and from the inbox
# (huge-attribute is larger than nginx's body limit and the inbox's;
# libxml2 itself stops at 256 levels, before lib/xmlsafe's limit of 32).
EXPECTED = {
    "billion-laughs.xml": "doctype",
    "deep-nesting.xml": "malformed",
    "huge-attribute.xml": "too_large",
    "invalid-utf8.xml": "malformed",
    "truncated.xml": "malformed",
    "xxe-file.xml": "doctype",
    "xxe-network.xml": "doctype",
}


def test_every_attack_fixture_has_an_expectation():
    assert sorted(EXPECTED) == sorted(f for f in os.listdir(ATTACKS) if f.endswith(".xml"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_xml_posted_is_refused_and_nothing_imported(stack, name):
    with open(os.path.join(ATTACKS, name), "rb") as f:
        body = f.read()
    before = imported_state(stack)
    t0 = time.time()
    r = X.post(stack.base, "PL-KGP", body)
    assert time.time() - t0 < 5
    assert "root:" not in r.text
    if EXPECTED[name] == "too_large":
        assert r.status_code == 413     # nginx: the body limit
    else:
        status, code, msg = X.error(r)
        assert (r.status_code, status, code) == (400, 400, EXPECTED[name]), r.text
        assert msg
        # Logged as a refused file of its sender, with the reason.
        assert stack.sql("SELECT status, error FROM exchange_file WHERE source_id = 1"
                         " ORDER BY id DESC LIMIT 1") == [["rejected", EXPECTED[name]]]
    assert imported_state(stack) == before
    assert requests.get(stack.base + "/exchange/schema/risk-exchange.xsd").status_code == 200


def inbox(stack):
    return os.path.join(stack.var, "exchange", "inbox")


def wait_moved(stack, name, timeout=15):
    """Where the background process moved the file: "done" or "rejected"."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for sub in ("done", "rejected"):
            if os.path.exists(os.path.join(inbox(stack), sub, name)):
                return sub
        time.sleep(0.2)
    raise AssertionError("%s still in the inbox" % name)


def drop(stack, name, body):
    """Written under another name and renamed, as docs/exchange.md asks."""
    os.makedirs(inbox(stack), exist_ok=True)
    tmp = os.path.join(inbox(stack), "." + name + ".part")
    with open(tmp, "wb") as f:
        f.write(body)
    os.rename(tmp, os.path.join(inbox(stack), name))


def test_inbox_file_is_imported_by_the_background_process(stack):
    ref, name = X.uid("R"), X.uid("kgp") + ".xml"
    fid = X.uid("F")
    drop(stack, name, X.doc(X.info(ref, CONTAINER, obj="container", country=None), file_id=fid))
    assert wait_moved(stack, name) == "done"
    assert stack.sql("SELECT s.code, f.channel, f.name, f.status, f.n_new FROM exchange_file f"
                     " JOIN exchange_source s ON s.id = f.source_id WHERE f.file_ref = ?", fid) == [
        ["PL-KGP", "inbox", name, "imported", "1"]]
    assert stack.count("risk_info", "ref = ? AND value_key = ?", ref, CONTAINER) == 1
    # The tick that moved it tells /metrics, right after, that nothing waits.
    deadline = time.time() + 5
    while 'zsog_tick_backlog{service="risk"} 0\n' not in requests.get(stack.base + "/metrics").text:
        assert time.time() < deadline, "the inbox's backlog not 0 on /metrics"
        time.sleep(0.1)
    # The same file again: moved to done/ as well, nothing changes.
    before = imported_state(stack)
    drop(stack, name, X.doc(X.info(ref, CONTAINER, obj="container", country=None), file_id=fid))
    assert wait_moved(stack, name) == "done"
    assert imported_state(stack) == before


def test_inbox_file_of_an_unknown_source_is_rejected_with_its_reason(stack):
    name = X.uid("who") + ".xml"
    drop(stack, name, X.doc(X.info(X.uid("R"), "WA 11111"), source="XX-NOBODY"))
    assert wait_moved(stack, name) == "rejected"
    with open(os.path.join(inbox(stack), "rejected", name + ".reason")) as f:
        assert f.read() == "422 unknown_source: XX-NOBODY\n"
    assert stack.sql("SELECT source_id, status, error FROM exchange_file WHERE name = ?", name) == [
        ["NULL", "rejected", "unknown_source"]]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_xml_in_the_inbox_is_rejected_and_nothing_imported(stack, name):
    with open(os.path.join(ATTACKS, name), "rb") as f:
        body = f.read()
    before = imported_state(stack)
    target = X.uid("attack") + "-" + name
    drop(stack, target, body)
    assert wait_moved(stack, target) == "rejected"
    with open(os.path.join(inbox(stack), "rejected", target + ".reason")) as f:
        reason = f.read()
    assert reason.startswith("400 %s: " % EXPECTED[name]), reason
    assert "root:" not in reason
    assert imported_state(stack) == before


def test_unsigned_or_wrongly_signed_is_refused(stack):
    body = X.doc(X.info(X.uid("R"), "WA 22222"))
    before = imported_state(stack)
    r = requests.post(stack.base + "/exchange/import", data=body,
                      headers={"Content-Type": "application/xml"})
    assert (r.status_code, X.error(r)[1]) == (401, "auth_missing")
    r = X.post(stack.base, "PL-KGP", body, sec=X.secret("PL-SG"))
    assert (r.status_code, X.error(r)[1]) == (401, "auth_signature")
    r = X.post(stack.base, "XX-NOBODY", body)
    assert (r.status_code, X.error(r)[1]) == (401, "auth_signature")
    r = X.post(stack.base, "PL-KGP", body, ts=str(int(time.time()) - 3600))
    assert (r.status_code, X.error(r)[1]) == (401, "auth_timestamp")
    r = X.post(stack.base, "PL-KGP", body, ctype="text/plain")
    assert (r.status_code, X.error(r)[1]) == (415, "media_type")
    # Signed by one partner, naming another: refused whole.
    r = X.post(stack.base, "PL-SG", body)
    assert (r.status_code, X.error(r)[1]) == (403, "other_source")
    assert imported_state(stack) == before


@pytest.mark.parametrize("record,element", [
    (X.info("R1", "WA 33333", category="magic"), "category"),
    ('<teleport to="mars"/>', "teleport"),
    (X.info("R1", "WA 33333", level=7), "level"),
    (X.candidate("C1", "PL526025027400000", obj="company"), "object"),
])
def test_schema_invalid_is_422_naming_the_element(stack, record, element):
    before = imported_state(stack)
    r = X.post(stack.base, "PL-KGP", X.doc(record))
    status, code, msg = X.error(r)
    assert (r.status_code, status, code) == (422, 422, "schema"), r.text
    assert element in msg, msg
    assert imported_state(stack) == before


def test_record_that_fails_a_check_refuses_the_whole_file(stack):
    before = imported_state(stack)
    good = X.info(X.uid("R"), "WA 44444")
    r = X.post(stack.base, "PL-KGP", X.doc([good, X.info("BAD-1", "CSQU3054384", obj="container")]))
    assert (r.status_code, X.error(r)[1:]) == (422, ("record_value", "BAD-1"))
    r = X.post(stack.base, "PL-KGP", X.doc([good, X.info("BAD-2", "WA 44444", valid_from=X.days(5),
                                                          valid_to=X.days(1))]))
    assert (r.status_code, X.error(r)[1:]) == (422, ("record_period", "BAD-2"))
    assert imported_state(stack) == before


def test_watch_list_candidate_waits_for_four_eyes(stack):
    ref = X.uid("C")
    plate = "KR %05d" % (int(time.time()) % 100000)
    r = X.post(stack.base, "PL-SG", X.doc(X.candidate(ref, plate, obj="plate", action="stop_inspect",
                                                      level=3), source="PL-SG"))
    assert X.result(r)["candidates"] == "1"
    entry = stack.scalar("SELECT watch_entry_id FROM exchange_record WHERE ref = ?", ref)
    # A proposal in the partner's name, not in force.
    assert stack.sql("SELECT status, created_by, priority, action FROM watch_entry WHERE id = ?",
                     entry) == [["pending", "101", "1", "stop_inspect"]]
    watch = staff_client(stack, "grzechotki")
    page = watch.get("/skr/watchlist?status=pending")
    assert 'data-id="%s"' % entry in page.text
    # The same candidate again: still one proposal.
    r = X.post(stack.base, "PL-SG", X.doc(X.candidate(ref, plate, obj="plate"), source="PL-SG"))
    assert X.result(r)["unchanged"] == "1"
    assert stack.count("watch_entry", "value = ?", plate) == 1
    # The second pair of eyes: a watch-list officer approves it.
    page = watch.get("/skr/watchlist/%s" % entry)
    assert 'id="decide-form"' in page.text
    r = watch.post("/skr/watchlist/%s/decide" % entry, {"decision": "approve"})
    assert r.status_code == 303
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "active"


def put_event(stack, raw, key, kind="plate"):
    seq = X.uid("s")
    stack.sql("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind,"
              " raw, obj_key, obj_fold, country) VALUES (2, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3),"
              " 'GRZ', 'C1', 'entry', ?, ?, ?, ?, 'PL')", seq, kind, raw, key, key)
    return stack.scalar("SELECT id FROM event WHERE seq = ?", seq)


def export(c, **form):
    page = c.get("/skr/risk/export")
    assert page.status_code == 200
    data = {"from": X.days(-1), "to": X.days(1), "format": "csv"}
    data.update(form)
    return c.post("/skr/risk/export", data)


def test_export_csv_is_injection_safe_and_audited(stack):
    evil = put_event(stack, '=HYPERLINK("http://x")', "HYPERLINKX")
    dash = put_event(stack, "-2+3", "23")
    plain = put_event(stack, "WX 1234B", "WX1234B")
    c = staff_client(stack, "analityk")
    audits = stack.count("audit_log", "action = 'risk.export'")
    r = export(c, crossing="GRZ", kind="plate")
    assert r.status_code == 200, r.text[:500]
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"].startswith('attachment; filename="risk-export-')
    text = r.content.decode("utf-8")
    assert text.startswith('"event_id","time_utc","crossing","lane","direction","kind","value",')
    assert '"\'=HYPERLINK(""http://x"")"' in text
    rows = {row["event_id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows[evil]["value"] == "'=HYPERLINK(\"http://x\")"
    assert rows[dash]["value"] == "'-2+3"
    assert rows[plain]["value"] == "WX 1234B"
    assert rows[plain]["crossing"] == "GRZ"
    assert stack.count("audit_log", "action = 'risk.export'") == audits + 1
    actor, obj, detail = stack.sql(
        "SELECT actor_name, object, detail FROM audit_log WHERE action = 'risk.export'"
        " ORDER BY id DESC LIMIT 1")[0]
    assert (actor, obj) == ("Michał Szymański", "risk_export")
    assert detail == "@skr.audit.detail.risk_export|csv|%s|%s|GRZ|plate|all|all|%d" % (
        X.days(-1), X.days(1), len(rows))


def test_export_carries_decisions_and_filters_by_colour(stack):
    """A plate read through the lanes is decided when stored (domain/risk):
    the export shows that decision, and a colour filter keeps only its
    colour."""
    import ingest_lib as L
    plate = "WE %05d" % (int(time.time() * 10) % 100000)
    r = L.post(stack.base, "GRZ-ANPR-C1", L.doc(L.event("GRZ-ANPR-C1", "GRZ", "C1", L.plate(plate))))
    assert r.status_code == 200, r.text
    ev = stack.scalar("SELECT id FROM event WHERE raw = ?", plate)
    colour, random_, score = stack.sql("SELECT colour, random, score FROM risk_decision"
                                       " WHERE event_id = ?", ev)[0]
    c = staff_client(stack, "analityk")
    rows = {row["event_id"]: row for row in csv.DictReader(io.StringIO(
        export(c, crossing="GRZ").content.decode("utf-8")))}
    assert (rows[ev]["decision"], rows[ev]["random"], rows[ev]["score"]) == (
        colour, "true" if random_ == "1" else "false", score)
    other = [x for x in ("green", "yellow", "red") if x != colour][0]
    only = csv.DictReader(io.StringIO(export(c, colour=colour).content.decode("utf-8")))
    kept = [row for row in only]
    assert ev in [row["event_id"] for row in kept]
    assert {row["decision"] for row in kept} == {colour}
    none = csv.DictReader(io.StringIO(export(c, colour=other).content.decode("utf-8")))
    assert ev not in [row["event_id"] for row in none]


def test_export_xml_is_valid_against_its_schema(stack):
    import ingest_lib as L
    put_event(stack, "<b>&amp;\"x", "BAMPX")
    plate = "WF %05d" % (int(time.time() * 10) % 100000)
    r = L.post(stack.base, "GRZ-ANPR-C1", L.doc(L.event("GRZ-ANPR-C1", "GRZ", "C1", L.plate(plate))))
    assert r.status_code == 200, r.text
    r = export(staff_client(stack, "analityk"), format="xml")
    assert r.status_code == 200, r.text[:500]
    assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
    with tempfile.NamedTemporaryFile(suffix=".xml") as f:
        f.write(r.content)
        f.flush()
        v = subprocess.run(["xmllint", "--noout", "--schema",
                            os.path.join(SCHEMAS, "risk-export.xsd"), f.name],
                           capture_output=True, text=True)
    assert v.returncode == 0, v.stderr
    assert 'value="&lt;b&gt;&amp;amp;&quot;x"' in r.text
    assert re.search(r'<object [^>]*value="%s"[^>]*><decision colour="(green|yellow|red)"' % plate, r.text)
    n = len(re.findall(r"<object ", r.text))
    assert "<count>%d</count>" % n in r.text and n >= 1


@pytest.mark.parametrize("form,field,message", [
    ({"from": X.days(1), "to": X.days(-1)}, "to", "The end of the period must not be before its start"),
    ({"from": X.days(-400), "to": X.days(0)}, "to", "At most 366 days at a time"),
    ({"crossing": "KOR"}, "crossing", None),
    ({"alert": "purple"}, "alert", None),
    ({"colour": "purple"}, "colour", None),
    ({"format": "pdf"}, "format", None),
])
def test_export_bad_input_is_422_beside_the_field_and_not_audited(stack, form, field, message):
    c = staff_client(stack, "analityk")
    audits = stack.count("audit_log", "action = 'risk.export'")
    r = export(c, **form)
    assert r.status_code == 422
    m = re.search(r'<p class="error" id="e-%s">(.*?)</p>' % field, r.text, re.S)
    assert m, r.text[-2000:]
    if message:
        assert m.group(1) == message
    assert stack.count("audit_log", "action = 'risk.export'") == audits


ANALYST_GETS = ["/skr/risk/exchange", "/skr/risk/exchange/1", "/skr/risk/export"]


@pytest.mark.parametrize("login", ["grzechotki", "koroszczyn", "admin", "audytor"])
@pytest.mark.parametrize("path", ANALYST_GETS)
def test_other_officers_get_403(stack, login, path):
    r = staff_client(stack, login).get(path)
    assert r.status_code == 403
    assert 'id="exchange-files"' not in r.text and 'id="export-form"' not in r.text


@pytest.mark.parametrize("login", ["grzechotki", "admin"])
def test_other_officers_cannot_export(stack, login):
    c = staff_client(stack, login)
    c.get("/skr/")      # a CSRF token of their own session
    audits = stack.count("audit_log", "action = 'risk.export'")
    r = c.post("/skr/risk/export", {"from": X.days(-1), "to": X.days(0), "format": "csv"})
    assert r.status_code == 403
    assert "event_id" not in r.text
    assert stack.count("audit_log", "action = 'risk.export'") == audits


@pytest.mark.parametrize("path", ANALYST_GETS)
def test_portal_user_is_sent_to_the_staff_signin(stack, path):
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    r = anna.get(path)
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=" + path


def test_anonymous_export_post_is_401(stack):
    r = requests.post(stack.base + "/skr/risk/export", data={"format": "csv"},
                      allow_redirects=False)
    assert r.status_code == 401
    assert "event_id" not in r.text


def test_unknown_file_is_404(stack):
    r = staff_client(stack, "analityk").get("/skr/risk/exchange/999999999")
    assert r.status_code == 404


def test_imported_risk_information_is_read_by_rules(stack):
    """A profile's rule reads external.listed and external.category
    (domain/exchange: exchange_risk_info) when an event is decided."""
    import uuid
    import xml.etree.ElementTree as ET
    import ingest_lib as L
    from test_risk_decide import active_profile, set_rate
    rates = stack.sql("SELECT crossing, lane_kind, per_mille, colour FROM risk_rate"
                      " WHERE crossing = 'GRZ' AND lane_kind = 'car'")
    set_rate(stack, "GRZ", "car", 0)
    tag = uuid.uuid4().hex[:6].upper().replace("O", "P").replace("I", "J")
    listed, other = "EX" + tag, "EY" + tag
    r = X.post(stack.base, "PL-KGP", X.doc(X.info(X.uid("R"), listed, category="drugs")))
    assert X.result(r)["new"] == "1"
    pid, vid = active_profile(stack, "t-ext-" + tag.lower(),
                              "external.listed and external.category = 'drugs'",
                              fixed="red", crossings="GRZ")
    try:
        decided = {}
        for plate in (listed, other):
            body = L.doc(L.event("GRZ-ANPR-C1", "GRZ", "C1", L.plate(plate)))
            r = L.post(stack.base, "GRZ-ANPR-C1", body)
            assert r.status_code == 200, r.text
            [ev] = ET.fromstring(r.content).findall("{%s}event" % L.NS)
            decided[plate] = (ev.get("decision"), ev.get("id"))
        assert decided[listed][0] == "red" and decided[other][0] == "green"
        used = stack.scalar("SELECT h.used FROM risk_decision_hit h JOIN risk_decision d"
                            " ON d.id = h.decision_id WHERE d.event_id = ? AND"
                            " h.profile_version_id = ?", int(decided[listed][1]), vid)
        assert "external.category=drugs" in used, used
    finally:
        stack.sql("UPDATE risk_profile SET state = 'retired' WHERE id = ?", pid)
        for row in rates:
            set_rate(stack, *row)
