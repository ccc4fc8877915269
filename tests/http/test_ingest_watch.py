"""test_ingest_watch.py: the watch list with two-officer approval, matching
events to alerts (exact, normalised, lookalike), retro-matching an approved
entry, the alert list and feed, the suspect-object procedure with its
append-only history, the register, and device pages, each within the
officer's crossings."""
import re
import subprocess
import time

import pytest

import ingest_lib as L
from zsog import DEMO_PASSWORD, field_error, unique


def staff(stack, login):
    c = stack.client()
    c.get("/skr/signin")
    r = c.post("/skr/signin", {"login": login, "password": DEMO_PASSWORD})
    assert r.status_code == 303, (login, r.status_code)
    return c


def new_entry(c, value, subject="plate", **kw):
    data = {"subject": subject, "value": value, "reason": "test <b>reason</b>",
            "action": "stop_inspect", "priority": "1",
            "valid_from": "2026-01-01", "valid_to": "2027-12-31"}
    data.update(kw)
    r = c.submit("/skr/watchlist/new", "/skr/watchlist/new", data)
    assert r.status_code == 303, r.text[:500]
    return int(r.headers["Location"].rsplit("/", 1)[1])


def decide(c, entry, decision):
    c.get("/skr/watchlist/%d" % entry)
    return c.post("/skr/watchlist/%d/decide" % entry, {"decision": decision, "confirm": "1"})


def plate_event(stack, text, dev="GRZ-ANPR-T1", lane="T1", country="PL"):
    seq = L.next_seq()
    r = L.post(stack.base, dev, L.doc(L.event(dev, dev[:3], lane, L.plate(text, country=country), seq=seq)))
    assert r.status_code == 200, r.text
    return int(stack.scalar("SELECT id FROM event WHERE seq = ?", seq))


def alerts_for(stack, event_id):
    return stack.sql("SELECT id, entry_id, confidence, priority FROM alert WHERE event_id = ?", event_id)


def test_two_officer_approval_and_matching(stack):
    a, b = staff(stack, "grzechotki"), staff(stack, "analityk")
    plate = "ZZ %04dQ" % (int(time.time()) % 10000)
    key = plate.replace(" ", "")
    entry = new_entry(a, plate)
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "pending"
    # Pending: not yet in force.
    ev = plate_event(stack, plate)
    assert alerts_for(stack, ev) == []
    # The creator cannot approve their own entry; nothing changes.
    r = decide(a, entry, "approve")
    assert r.status_code == 403
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "pending"
    page = a.get("/skr/watchlist/%d" % entry).text
    assert 'id="entry-mine"' in page and 'id="decide-form"' not in page
    # The second officer approves: the read of a minute ago is matched now.
    r = decide(b, entry, "approve")
    assert r.status_code == 303, r.text[:300]
    assert stack.scalar("SELECT status FROM watch_entry WHERE id = ?", entry) == "active"
    retro = alerts_for(stack, ev)
    assert len(retro) == 1 and int(retro[0][1]) == entry
    assert stack.count("audit_log", "action = 'watch.approve' AND object = ?", "watch:%d" % entry) == 1
    assert stack.count("audit_log", "action = 'watch.create' AND object = ?", "watch:%d" % entry) == 1
    # New reads match in the same request: exact, normalised, lookalike.
    exact = plate_event(stack, plate)
    norm = plate_event(stack, plate.lower().replace(" ", "-"))
    look = plate_event(stack, key.replace("0", "O").replace("1", "I"))
    if look == norm:
        pytest.skip("plate without confusable characters")
    assert alerts_for(stack, exact)[0][2] == "exact"
    assert alerts_for(stack, norm)[0][2] == "normalised"
    lk = alerts_for(stack, look)
    assert lk and lk[0][2] in ("confusion", "normalised")
    # Withdrawn: no more alerts.
    r = decide(a, entry, "withdraw")
    assert r.status_code == 303
    after = plate_event(stack, plate)
    assert alerts_for(stack, after) == []


def test_lookalike_only_through_fold(stack):
    a, b = staff(stack, "grzechotki"), staff(stack, "analityk")
    entry = new_entry(a, "BO 10%03dI" % (int(time.time()) % 1000))
    assert decide(b, entry, "approve").status_code == 303
    value = stack.scalar("SELECT match_key FROM watch_entry WHERE id = ?", entry)
    misread = value.replace("B", "8").replace("O", "0").replace("I", "1")
    ev = plate_event(stack, misread)
    got = alerts_for(stack, ev)
    assert len(got) == 1 and got[0][2] == "confusion"
    other = plate_event(stack, "XQ 99999")
    assert alerts_for(stack, other) == []


def test_watch_form_errors_keep_input_and_store_nothing(stack):
    a = staff(stack, "grzechotki")
    before = stack.count("watch_entry")
    r = a.submit("/skr/watchlist/new", "/skr/watchlist/new",
                 {"subject": "person", "value": "Jan <Kowalski>", "reason": "",
                  "action": "x", "priority": "9", "valid_from": "2026-02-30",
                  "valid_to": "2026-01-01"})
    assert r.status_code == 422
    assert field_error(r.text, "reason") and field_error(r.text, "action")
    assert field_error(r.text, "priority") and field_error(r.text, "valid_from")
    assert "Jan &lt;Kowalski&gt;" in r.text
    assert stack.count("watch_entry") == before
    # Without the right role: 403; without CSRF: 403; nothing stored.
    k = staff(stack, "koroszczyn")
    assert k.get("/skr/watchlist/new").status_code == 403
    r = a.post("/skr/watchlist/new", {"subject": "plate", "value": "AA1", "csrf": "0" * 64})
    assert r.status_code == 403
    assert stack.count("watch_entry") == before


def procedure_alert(stack):
    """A fresh watch hit at GRZ on the seeded entry 1 (WX 1234B)."""
    ev = plate_event(stack, "WX 1234B")
    got = alerts_for(stack, ev)
    assert got, "seeded entry did not match"
    return int(got[0][0])


def test_procedure_steps_and_append_only_history(stack):
    alert = procedure_alert(stack)
    g = staff(stack, "grzechotki")
    page = g.get("/skr/alerts/%d" % alert)
    assert page.status_code == 200
    assert "WX 1234B" in page.text and 'id="ack-form"' in page.text
    # Closing before an inspection is a conflict; nothing changes.
    r = g.post("/skr/alerts/%d/close" % alert, {"outcome": "seizure"})
    assert r.status_code in (409, 422)
    assert stack.scalar("SELECT state FROM alert WHERE id = ?", alert) == "new"
    assert g.post("/skr/alerts/%d/ack" % alert, {}).status_code == 303
    g.get("/skr/alerts/%d" % alert)
    r = g.post("/skr/alerts/%d/inspect" % alert, {"officer": "5", "lane": "T1"})
    assert r.status_code == 422    # koroszczyn is not of this branch
    assert field_error(r.text, "officer")
    r = g.post("/skr/alerts/%d/inspect" % alert, {"officer": "4", "lane": "T2"})
    assert r.status_code == 303
    g.get("/skr/alerts/%d" % alert)
    # No outcome, no closing.
    r = g.post("/skr/alerts/%d/close" % alert, {"outcome": "", "notes": "kept"})
    assert r.status_code == 422
    assert field_error(r.text, "outcome")
    assert "kept" in r.text
    assert stack.scalar("SELECT state FROM alert WHERE id = ?", alert) == "inspection"
    r = g.post("/skr/alerts/%d/close" % alert, {"outcome": "seizure", "notes": "300 cartons <found>"})
    assert r.status_code == 303
    rows = stack.sql("SELECT step, staff_id, assigned_to, lane, outcome FROM alert_step WHERE alert_id = ? ORDER BY id", alert)
    assert [x[0] for x in rows] == ["new", "acknowledged", "inspection", "closed"]
    assert rows[1][1] == "4" and rows[2][2] == "4" and rows[2][3] == "T2" and rows[3][4] == "seizure"
    assert stack.sql("SELECT state, outcome FROM alert WHERE id = ?", alert) == [["closed", "seizure"]]
    page = g.get("/skr/alerts/%d" % alert).text
    assert "300 cartons &lt;found&gt;" in page
    # The history refuses change even to root.
    for q in ("UPDATE alert_step SET notes = 'x' WHERE alert_id = %d" % alert,
              "DELETE FROM alert_step WHERE alert_id = %d" % alert):
        with pytest.raises(subprocess.CalledProcessError):
            stack.sql(q)
    assert stack.count("alert_step", "alert_id = ?", alert) == 4


def test_other_crossing_officer_sees_nothing(stack):
    alert = procedure_alert(stack)
    k = staff(stack, "koroszczyn")
    assert k.get("/skr/alerts/%d" % alert).status_code == 404
    page = k.get("/skr/alerts")
    assert page.status_code == 200
    assert 'data-id="%d"' % alert not in page.text
    feed = k.get("/skr/alerts/feed?after=0").text
    assert 'data-id="%d"' % alert not in feed
    k.get("/skr/alerts")
    assert k.post("/skr/alerts/%d/ack" % alert, {}).status_code == 404
    assert stack.scalar("SELECT state FROM alert WHERE id = ?", alert) == "new"
    # Portal users and anonymous visitors never get there.
    anon = stack.client()
    assert anon.get("/skr/alerts").status_code in (302, 303)
    # The crossing's own officer does.
    g = staff(stack, "grzechotki")
    assert 'data-id="%d"' % alert in g.get("/skr/alerts").text


def test_feed_returns_only_newer_rows(stack):
    g = staff(stack, "grzechotki")
    page = g.get("/skr/alerts").text
    newest = int(re.search(r'data-newest="(\d+)"', page).group(1))
    assert g.get("/skr/alerts/feed?after=%d" % newest).text.count("<tr") == 0
    alert = procedure_alert(stack)
    feed = g.get("/skr/alerts/feed?after=%d" % newest)
    assert feed.status_code == 200
    assert 'data-id="%d"' % alert in feed.text and "prio-1" in feed.text
    assert g.get("/skr/alerts/feed?after=x").status_code == 400


def test_radiation_alarm_raises_alert(stack):
    seq = L.next_seq()
    r = L.post(stack.base, "GRZ-RAD-T1", L.doc(L.event("GRZ-RAD-T1", "GRZ", "T1",
               '<radiation level="12.500" alarm="true"/>', seq=seq)))
    assert r.status_code == 200
    ev = stack.scalar("SELECT id FROM event WHERE seq = ?", seq)
    assert stack.count("alert", "event_id = ? AND kind = 'radiation'", int(ev)) == 1


def test_person_entry_matches_document_read(stack):
    seq = L.next_seq()
    r = L.post(stack.base, "GRZ-DOC-C1", L.doc(L.event("GRZ-DOC-C1", "GRZ", "C1",
               '<document type="passport" number="RU 77 1234" nationality="RU" name="IVAN  petrov" birth="1980-05-12"/>', seq=seq)))
    assert r.status_code == 200
    ev = int(stack.scalar("SELECT id FROM event WHERE seq = ?", seq))
    assert stack.count("alert", "event_id = ? AND entry_id = 3", ev) == 1


def test_register_search_and_history(stack):
    p = "RG %05d" % (int(time.time() * 10) % 100000)
    plate_event(stack, p)
    plate_event(stack, p.lower(), dev="GRZ-ANPR-C1", lane="C1")
    g = staff(stack, "grzechotki")
    r = g.get("/skr/register", params={"kind": "plate", "q": p.replace(" ", "-")})
    assert r.status_code == 200
    assert re.search(r'id="object-count">2<', r.text)
    assert 'id="history"' in r.text and "GRZ" in r.text
    r = g.get("/skr/register", params={"kind": "plate", "q": "<script>"})
    assert r.status_code == 422 and "<script>" not in r.text
    assert staff(stack, "audytor").get("/skr/register").status_code == 403


def test_device_registration_secret_and_status(stack):
    g = staff(stack, "grzechotki")
    code = "GRZ-T-" + unique("").upper()[:8]
    before = stack.count("device")
    r = g.submit("/skr/devices", "/skr/devices", {"code": code, "crossing": "KOR", "lane": "T9",
                 "lane_kind": "truck", "device_kind": "anpr", "heartbeat": "60"})
    assert r.status_code == 422 and field_error(r.text, "crossing")    # not their crossing
    assert stack.count("device") == before
    r = g.post("/skr/devices", {"code": code, "crossing": "GRZ", "lane": "T9",
               "lane_kind": "truck", "device_kind": "anpr", "heartbeat": "10"})
    assert r.status_code == 201, r.text[:300]
    secret = re.search(r'id="device-secret">([0-9a-f]{64})<', r.text).group(1)
    # The audit log (a page people read) names the crossing, not its code:
    # both names, each language's words show its own (test_audit_words.py).
    assert stack.scalar("SELECT detail FROM audit_log WHERE action = 'device.create'"
                        " ORDER BY id DESC LIMIT 1") == (
        "@skr.audit.detail.device_create|%s|Grzechotki – Mamonowo II|%s|T9"
        % (code, stack.scalar("SELECT name_en FROM crossing WHERE code = 'GRZ'")))
    # The new device posts with its secret.
    r = L.post(stack.base, code, L.doc(L.event(code, "GRZ", "T9", "<heartbeat/>")), sec=secret)
    assert r.status_code == 200, r.text
    page = g.get("/skr/devices").text
    assert re.search(r'class="dev-up" data-code="%s"' % code, page)
    assert secret not in page    # shown once only
    # Silent past its interval: down, and one alert for the crossing.
    stack.sql("UPDATE device_seen s JOIN device d ON d.id = s.device_id"
              " SET s.last_seen = UTC_TIMESTAMP(3) - INTERVAL 1 HOUR WHERE d.code = ?", code)
    time.sleep(3.2)
    page = g.get("/skr/devices").text
    assert re.search(r'class="dev-down" data-code="%s"' % code, page)
    dev_id = int(stack.scalar("SELECT id FROM device WHERE code = ?", code))
    deadline = time.time() + 8
    while stack.count("alert", "kind = 'device_down' AND device_id = ?", dev_id) == 0 and time.time() < deadline:
        time.sleep(1)
        g.get("/skr/alerts")
    assert stack.count("alert", "kind = 'device_down' AND device_id = ?", dev_id) == 1
    k = staff(stack, "koroszczyn")
    assert code not in k.get("/skr/devices").text


def test_waiting_zone_plate_read_checks_the_booking_in(stack):
    """eBT: a plate read at GRZ's waiting-zone entry (device GRZ-ANPR-WZ)
    checks in the truck's booking for the hour that is starting now."""
    plate = "HK%05d" % (int(time.time() * 7) % 100000)
    stack.sql("INSERT IGNORE INTO slot (crossing_id, day, hour, start_utc, capacity)"
              " VALUES (1, UTC_DATE(), HOUR(UTC_TIMESTAMP()), DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:00:00'), 5)")
    slot = stack.scalar("SELECT id FROM slot WHERE crossing_id = 1 AND start_utc ="
                        " DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:00:00')")
    stack.sql("INSERT INTO booking (number, crossing_id, slot_id, day, hour, start_utc, status, plate,"
              " plate_country, driver_name, driver_doc, driver_phone, goods, mass_kg, packages, created_at)"
              " SELECT ?, 1, id, day, hour, start_utc, 'booked', ?, 'PL', 'Jan Test', 'X1', '+48600000000',"
              " 'test', 1000, 1, UTC_TIMESTAMP() FROM slot WHERE id = ?", "T" + plate, plate, int(slot))
    seq = L.next_seq()
    r = L.post(stack.base, "GRZ-ANPR-WZ", L.doc(L.event("GRZ-ANPR-WZ", "GRZ", "WZ",
               L.plate(plate[:2] + " " + plate[2:]), seq=seq)))
    assert r.status_code == 200, r.text
    assert L.outcomes(r)[0][1] == "accepted"
    assert stack.scalar("SELECT l.status FROM booking_lane l JOIN booking b ON b.id = l.booking_id"
                        " WHERE b.number = ?", "T" + plate) == "arrived"
    # A read on an ordinary lane checks nothing in.
    plate2 = "HL%05d" % (int(time.time() * 7) % 100000)
    stack.sql("INSERT INTO booking (number, crossing_id, slot_id, day, hour, start_utc, status, plate,"
              " plate_country, driver_name, driver_doc, driver_phone, goods, mass_kg, packages, created_at)"
              " SELECT ?, 1, id, day, hour, start_utc, 'booked', ?, 'PL', 'Jan Test', 'X1', '+48600000000',"
              " 'test', 1000, 1, UTC_TIMESTAMP() FROM slot WHERE id = ?", "T" + plate2, plate2, int(slot))
    plate_event(stack, plate2)
    assert stack.scalar("SELECT COALESCE(l.status, b.status) FROM booking b LEFT JOIN booking_lane l"
                        " ON l.booking_id = b.id WHERE b.number = ?", "T" + plate2) == "booked"
    # An entry approved now is matched against the bookings at the
    # crossings too: the checked-in truck raises an alert naming it.
    a, b = staff(stack, "grzechotki"), staff(stack, "analityk")
    entry = new_entry(a, plate[:2] + "-" + plate[2:])
    assert decide(b, entry, "approve").status_code == 303
    assert stack.count("alert", "entry_id = ? AND booking_number = ?", entry, "T" + plate) == 1
    alert = int(stack.scalar("SELECT id FROM alert WHERE booking_number = ?", "T" + plate))
    assert ('id="alert-booking">T%s<' % plate) in a.get("/skr/alerts/%d" % alert).text


HIT_SUBJECT = "Zastrzeżenie Twojej jednostki: trafienie"


def hit_mails(stack, alert):
    """Recipients of the notify_unit e-mails of one alert, sorted."""
    return sorted(r[0] for r in stack.sql(
        "SELECT recipient FROM outbox WHERE subject = ? AND body LIKE ?",
        HIT_SUBJECT, "%%Alert nr %d\n%%" % alert))


def notices_of(page):
    m = re.search(r'<ul id="notices">(.*?)</ul>', page, re.S)
    return re.findall(r'<li class="notice">(.*?)</li>', m.group(1), re.S) if m else []


def test_notify_unit_tells_the_issuing_units_officers(stack):
    """An entry whose action is notify_unit, hit: each active officer of
    its issuing unit (the writer's: analityk's UCS Olsztyn, 11) gets an
    e-mail and a line on the intranet's start page, linked to the alert
    where the officer may open it; nobody else is told, a resent read
    tells no one twice, other actions tell no one."""
    import datetime
    from zoneinfo import ZoneInfo
    a, b = staff(stack, "analityk"), staff(stack, "grzechotki")
    # A disabled officer of the unit is not told.
    stack.sql("INSERT INTO staff (login, email, full_name, pwhash, unit_id, disabled,"
              " created_at) VALUES (?, ?, 'Wyłączony Funkcjonariusz', 'x', 11, 1,"
              " UTC_TIMESTAMP())", unique("off"), unique("off") + "@skr.example")
    unit = sorted(r[0] for r in stack.sql(
        "SELECT email FROM staff WHERE unit_id = 11 AND disabled = 0"))
    assert "michal.szymanski@skr.demo.zsog.pl" in unit and "piotr.nowak@skr.demo.zsog.pl" in unit
    # Each officer is told in the language they last chose (staff.lang,
    # test_mail_lang.py); the crawl switches the demo officers' language:
    # here the unit reads Polish.
    stack.sql("UPDATE staff SET lang = 'pl' WHERE unit_id = 11")
    plate = "NU %04dK" % (int(time.time()) % 10000)
    early = plate_event(stack, plate)
    entry = new_entry(a, plate, action="notify_unit")
    assert stack.scalar("SELECT unit_id FROM watch_entry WHERE id = ?", entry) == "11"
    # Approved (in an English page) by the second officer: the read of a
    # moment ago is matched, and the unit is told in its own Polish.
    assert decide(b, entry, "approve").status_code == 303
    (grz,) = [int(x[0]) for x in alerts_for(stack, early)]
    assert hit_mails(stack, grz) == unit
    subject, body = stack.outbox("michal.szymanski@skr.demo.zsog.pl")
    assert subject == HIT_SUBJECT
    assert "Zastrzeżenie nr %d: tablica rejestracyjna %s" % (entry, plate) in body
    # The crossing by its name, not its code (issue 13).
    assert "Przejście: Grzechotki – Mamonowo II, pas T1" in body and "(GRZ)" not in body
    assert "Zgodność: dokładne\n" in body
    assert "Alert nr %d\n" % grz in body and "/skr/\n" in body
    # The time is the alert's, in Warsaw.
    at = re.search(r"Czas alertu: (\d{4}-\d\d-\d\d \d\d:\d\d) \(czas lokalny\)", body).group(1)
    created = datetime.datetime.strptime(
        stack.scalar("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM alert"
                     " WHERE id = ?", grz), "%Y-%m-%d %H:%M:%S")
    local = created.replace(tzinfo=datetime.timezone.utc).astimezone(ZoneInfo("Europe/Warsaw"))
    shown = datetime.datetime.strptime(at, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Europe/Warsaw"))
    assert abs((shown - local.replace(second=0)).total_seconds()) <= 60
    # A notice per told officer, on the alert.
    told = sorted(r[0] for r in stack.sql(
        "SELECT s.email FROM staff_notice n JOIN staff s ON s.id = n.staff_id"
        " WHERE n.alert_id = ?", grz))
    assert told == unit
    # A new read at Koroszczyn (a unit outside UCS Olsztyn's subtree).
    seq = L.next_seq()
    body_kor = L.doc(L.event("KOR-ANPR-T1", "KOR", "T1", L.plate(plate), seq=seq))
    assert L.post(stack.base, "KOR-ANPR-T1", body_kor).status_code == 200
    kor_ev = int(stack.scalar("SELECT id FROM event WHERE seq = ?", seq))
    (kor,) = [int(x[0]) for x in alerts_for(stack, kor_ev)]
    assert hit_mails(stack, kor) == unit
    # Sent again: stored once, told once.
    r = L.post(stack.base, "KOR-ANPR-T1", body_kor)
    assert L.outcomes(r) == [(seq, "duplicate", None)]
    assert hit_mails(stack, kor) == unit
    # The analyst (risk role) sees both, newest first; the alert at
    # Grzechotki (in the unit's subtree) is a link, Koroszczyn's is not.
    page = a.get("/skr/").text
    mine = notices_of(page)
    assert '<h2 id="notices-title">Hits of your unit&#39;s watch-list entries</h2>' in page
    assert len(mine) >= 2
    assert re.fullmatch(r'<span class="nowrap">\d{4}-\d\d-\d\d \d\d:\d\d</span> · number plate'
                        r' <code>%s</code> · Grzechotki – Mamonovo II · <a href="/skr/alerts/%d">alert no. %d</a>'
                        % (re.escape(plate), grz, grz), mine[1]), mine[1]
    assert mine[0].endswith("<code>%s</code> · Kukuryki – Koroszczyn · alert no. %d <span class=\"muted\">"
                            "(handled by the crossing&#39;s officers)</span>" % (plate, kor)), mine[0]
    assert "/skr/alerts/%d" % kor not in page
    assert a.get("/skr/alerts/%d" % grz).status_code == 200
    # The registration officer of the unit is told, but the alert pages
    # do not open to the role: no link.
    reg = staff(stack, "rejestracja")
    page = reg.get("/skr/").text
    assert len(notices_of(page)) >= 2 and "/skr/alerts/%d" % grz not in page
    assert ('Grzechotki – Mamonovo II · alert no. %d <span class="muted">(handled by the crossing&#39;s officers)'
            '</span>' % grz) in page
    assert reg.get("/skr/alerts/%d" % grz).status_code == 403
    # Officers of other units (the approver's branch, 12) hear nothing.
    assert "tomasz.lewandowski@skr.demo.zsog.pl" not in hit_mails(stack, grz)
    assert notices_of(b.get("/skr/").text) == []
    # Another action notifies no one.
    other = "NV %04dK" % (int(time.time()) % 10000)
    quiet = new_entry(a, other, action="report")
    assert decide(b, quiet, "approve").status_code == 303
    (q,) = [int(x[0]) for x in alerts_for(stack, plate_event(stack, other))]
    assert hit_mails(stack, q) == []
    assert stack.count("staff_notice", "alert_id = ?", q) == 0
