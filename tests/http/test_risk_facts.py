"""test_risk_facts.py: the facts a rule reads beyond the event and the
register are known at the decision where the data exists
(docs/risk-rules.md, "Where the facts come from"): the lane scale's and
radiation portal's readings around the event (domain/devices), the
booking company's age (domain/registry), a near watch-list match below
the alert level (domain/watch). A profile on each fact selects exactly
the events it should."""
import random
import uuid
from datetime import datetime, timedelta, timezone

import pytest

import ingest_lib as L
from ebt_lib import ANNA, KOR, TRANSPOL, book, local, number_of, portal, staff
from conftest import private_stack


@pytest.fixture(scope="module")
def stack():
    """A stack of its own: the check-in test books an hour that other
    modules' bookings may have filled, and profiles here must be the only
    ones active."""
    with private_stack() as st:
        yield st

T1 = ("GRZ-ANPR-T1", "GRZ", "T1")     # trucks at Grzechotki
C1 = ("GRZ-ANPR-C1", "GRZ", "C1")     # cars: no scale, no portal
SCALE = ("GRZ-SCALE-T1", "GRZ", "T1")  # registered here: the seed has none
RAD = ("GRZ-RAD-T1", "GRZ", "T1")


@pytest.fixture
def quiet(stack):
    """No random selection at Grzechotki and Koroszczyn while the test
    runs; the rates and the test's profiles as before afterwards."""
    before = stack.sql("SELECT crossing, lane_kind, per_mille, colour FROM risk_rate")
    stack.sql("UPDATE risk_rate SET per_mille = 0")
    made = []
    yield made
    for pid in made:
        stack.sql("UPDATE risk_profile SET state = 'retired' WHERE id = ?", pid)
    for row in before:
        stack.sql("UPDATE risk_rate SET per_mille = ? WHERE crossing = ? AND lane_kind = ?",
                  row[2], row[0], row[1])


def active_profile(stack, made, rule, crossings="GRZ", lane_kinds=None):
    """An approved fixed-red profile as the approval leaves it (written by
    analityk, approved by analityk2); returns its version id."""
    name = "t-facts-" + uuid.uuid4().hex[:8]
    stack.sql("INSERT INTO risk_profile (name, author_id, state, created_at, changed_at)"
              " VALUES (?, 6, 'active', UTC_TIMESTAMP(), UTC_TIMESTAMP())", name)
    pid = int(stack.scalar("SELECT id FROM risk_profile WHERE name = ?", name))
    stack.sql("INSERT INTO risk_profile_version (profile_id, no, rule_text, fixed, crossings,"
              " lane_kinds, created_by, created_at)"
              " VALUES (?, 1, ?, 'red', ?, ?, 6, UTC_TIMESTAMP())",
              pid, rule, crossings, lane_kinds)
    vid = int(stack.scalar("SELECT id FROM risk_profile_version WHERE profile_id = ?", pid))
    stack.sql("UPDATE risk_profile SET version_id = ?, active_version_id = ? WHERE id = ?",
              vid, vid, pid)
    made.append(pid)
    return vid


def at(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def post(stack, dev, body, t):
    code, crossing, lane = dev
    r = L.post(stack.base, code, L.doc(L.event(code, crossing, lane, body, t=at(t))))
    assert r.status_code == 200, r.text
    [(seq, outcome, reason)] = L.outcomes(r)
    assert outcome == "accepted", reason
    return int(stack.scalar("SELECT MAX(e.id) FROM event e JOIN device d ON d.id = e.device_id"
                            " WHERE d.code = ? AND e.seq = ?", code, seq))


def uplate(prefix="RF"):
    # no O, I or B: the fold leaves it as it is
    return prefix + "".join(random.choice("0123456789") for _ in range(5))


def hit_events(stack, vid):
    return {int(x[0]) for x in stack.sql(
        "SELECT d.event_id FROM risk_decision d JOIN risk_decision_hit h"
        " ON h.decision_id = d.id WHERE h.profile_version_id = ?", vid)}


def used_of(stack, vid, ev):
    return stack.scalar("SELECT h.used FROM risk_decision d JOIN risk_decision_hit h"
                        " ON h.decision_id = d.id WHERE h.profile_version_id = ?"
                        " AND d.event_id = ?", vid, ev)


def test_gross_weight_is_the_lane_scale_s_reading_nearest_in_time(stack, quiet):
    stack.sql("INSERT IGNORE INTO device (code, crossing, lane, lane_kind, device_kind,"
              " secret, heartbeat_seconds, created_at, created_by)"
              " VALUES (?, 'GRZ', 'T1', 'truck', 'scale', ?, 60, UTC_TIMESTAMP(), 4)",
              SCALE[0], L.secret(SCALE[0]))
    heavy = active_profile(stack, quiet, "event.gross_weight > 40000")
    light = active_profile(stack, quiet, "event.gross_weight <= 40000")
    # An hour of its own a day back: no other test's readings near.
    base = datetime.now(timezone.utc) - timedelta(hours=26, minutes=random.randrange(600))
    post(stack, SCALE, '<weight kg="20000"/>', base - timedelta(seconds=100))
    post(stack, SCALE, '<weight kg="42000.5"/>', base - timedelta(seconds=2))
    near = post(stack, T1, L.plate(uplate()), base)
    # 100 s after the light reading, 1 s after a second heavy one: nearest wins.
    post(stack, SCALE, '<weight kg="41000"/>', base + timedelta(seconds=1000))
    post(stack, SCALE, '<weight kg="19000"/>', base + timedelta(seconds=1101))
    second = post(stack, T1, L.plate(uplate()), base + timedelta(seconds=1100))
    later = post(stack, T1, L.plate(uplate()), base + timedelta(seconds=3000))  # none within 120 s
    car = post(stack, C1, L.plate(uplate()), base)     # another lane: no scale
    assert hit_events(stack, heavy) & {near, second, later, car} == {near}
    assert hit_events(stack, light) & {near, second, later, car} == {second}
    assert used_of(stack, heavy, near) == "event.gross_weight=42000.5"
    assert stack.scalar("SELECT colour FROM risk_decision WHERE event_id = ?", later) == "green"


def test_radiation_level_and_alarm_of_the_lane_s_portal(stack, quiet):
    alarm = active_profile(stack, quiet, "event.radiation_alarm")
    level = active_profile(stack, quiet, "event.radiation > 0.5")
    calm = active_profile(stack, quiet, "not event.radiation_alarm")
    base = datetime.now(timezone.utc) - timedelta(hours=40, minutes=random.randrange(600))
    post(stack, RAD, '<radiation level="0.800" alarm="true"/>', base - timedelta(seconds=3))
    hot = post(stack, T1, L.plate(uplate()), base)
    post(stack, RAD, '<radiation level="0.200" alarm="false"/>', base + timedelta(seconds=1000))
    cool = post(stack, T1, L.plate(uplate()), base + timedelta(seconds=1010))
    unread = post(stack, T1, L.plate(uplate()), base + timedelta(seconds=3000))
    car = post(stack, C1, L.plate(uplate()), base)
    mine = {hot, cool, unread, car}
    assert hit_events(stack, alarm) & mine == {hot}
    assert hit_events(stack, level) & mine == {hot}
    # Unknown where no portal read it: neither the alarm nor its absence.
    assert hit_events(stack, calm) & mine == {cool}
    assert used_of(stack, level, hot) == "event.radiation=0.8"


def test_company_age_from_the_registry_at_check_in(stack, quiet):
    young = active_profile(stack, quiet, "ebt.company_age_days < 30",
                           crossings="KOR", lane_kinds="waiting_zone")
    before = stack.scalar("SELECT approved_at FROM company WHERE id = ?", TRANSPOL)
    anna = portal(stack, ANNA)
    kor = staff(stack, "koroszczyn")
    day, hour = local(plus_hours=1)
    kor.get("/skr/ebt/%d" % KOR)

    def checkin():
        no = number_of(book(anna, KOR, day, hour))
        r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": no})
        assert r.status_code == 200 and 'data-result="done"' in r.text
        return stack.scalar("SELECT d.id FROM risk_decision d JOIN booking b"
                            " ON b.id = d.booking_id WHERE b.number = ?", no)

    try:
        stack.sql("UPDATE company SET approved_at = UTC_TIMESTAMP() - INTERVAL 10 DAY"
                  " WHERE id = ?", TRANSPOL)
        d1 = checkin()
        stack.sql("UPDATE company SET approved_at = UTC_TIMESTAMP() - INTERVAL 400 DAY"
                  " WHERE id = ?", TRANSPOL)
        d2 = checkin()
    finally:
        stack.sql("UPDATE company SET approved_at = ? WHERE id = ?", before, TRANSPOL)
    hits = {x[0]: x[1] for x in stack.sql(
        "SELECT decision_id, used FROM risk_decision_hit WHERE profile_version_id = ?", young)}
    assert hits == {d1: "ebt.company_age_days=10"}
    assert stack.scalar("SELECT colour FROM risk_decision WHERE id = ?", d1) == "red"
    assert stack.scalar("SELECT colour FROM risk_decision WHERE id = ?", d2) == "green"


def entry(stack, value, country=None):
    key = value.replace(" ", "")
    fold = key.replace("O", "0").replace("I", "1").replace("B", "8")
    stack.sql("INSERT INTO watch_entry (subject, value, match_key, fold_key, country, reason,"
              " action, priority, valid_from, valid_to, unit_id, status, created_by, created_at,"
              " decided_by, decided_at) VALUES ('plate', ?, ?, ?, ?, 'Test: near match',"
              " 'report', 3, UTC_DATE() - INTERVAL 10 DAY, UTC_DATE() + INTERVAL 10 DAY, 12,"
              " 'active', 4, UTC_TIMESTAMP(), 6, UTC_TIMESTAMP())", value, key, fold, country)
    stack.sql("UPDATE watch_state SET version = version + 1 WHERE id = 1")


def test_watch_near_match_is_a_lookalike_that_raised_no_alert(stack, quiet):
    near = active_profile(stack, quiet, "watch.near_match")
    far = active_profile(stack, quiet, "not watch.near_match")
    d = "".join(random.sample("23456789", 4))
    listed = "NM" + d + "K"                      # e.g. NM2345K
    entry(stack, listed)
    other = "NQ" + d[::-1] + "K"
    entry(stack, other, country="LT")            # Lithuanian: a PL read does not alert
    now = datetime.now(timezone.utc)
    reads = {
        "exact": listed,                          # alerts: not below the level
        "replaced": listed[:-1] + "X",
        "swapped": "NM" + d[0] + d[1] + d[3] + d[2] + "K",
        "added": listed + "7",
        "left_out": "NM" + d[1:] + "K",
        "country": other,
        "far": "NX" + d[::-1] + "Z",
    }
    ev = {k: post(stack, T1, L.plate(v, country="PL"), now) for k, v in reads.items()}
    assert stack.count("alert", "event_id = ?", ev["exact"]) == 1
    assert stack.count("alert", "event_id = ?", ev["country"]) == 0
    assert hit_events(stack, near) & set(ev.values()) == \
        {ev[k] for k in ("replaced", "swapped", "added", "left_out", "country")}
    assert hit_events(stack, far) & set(ev.values()) == {ev["exact"], ev["far"]}
    assert used_of(stack, near, ev["replaced"]) == "watch.near_match=true"
