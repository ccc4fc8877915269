"""test_risk_profile_rate.py: a profile's own random-selection rate
(docs/risk.md, "Risk profiles"): 0-100 % with one decimal, checked beside
the field (422, nothing stored), shown on the profile's page, kept per
version; at the decision it selects among the objects the rule matched by
a CSPRNG draw, and the hit says so with the profile named. Rate 0 selects
none, 100 all, 50 half within statistical bounds."""
import math
import re
import uuid

import pytest

import ingest_lib as L
from test_risk_profiles import NEW, create, form, page
from zsog import field_error, staff_client

KOR_RAIL = ("KOR-WAG-R1", "KOR", "R1")


@pytest.mark.parametrize("rate", ["101", "100.1", "2.55", "-1", "abc", "1e2", "5 %"])
def test_a_bad_rate_is_refused_beside_the_field(stack, rate):
    c = staff_client(stack, "analityk")
    before = stack.count("risk_profile_version")
    name = "t-rate-" + uuid.uuid4().hex[:8]
    r = c.submit(NEW, NEW, form(name, "event.object_kind = 'wagon'", rate=rate))
    assert r.status_code == 422
    assert field_error(r.text, "rate") == \
        "Give a percentage from 0 to 100 with at most one decimal (e.g. 2.5), or leave it empty."
    assert stack.count("risk_profile_version") == before
    assert stack.count("risk_profile", "name = ?", name) == 0


def test_the_rate_is_shown_and_versioned(stack):
    c = staff_client(stack, "analityk")
    name = "t-rate-" + uuid.uuid4().hex[:8]
    pid = create(c, name, "event.object_kind = 'wagon'", rate="2,5")
    assert stack.sql("SELECT no, random_per_mille FROM risk_profile_version WHERE profile_id = ?",
                     pid) == [["1", "25"]]
    html = page(c, pid)
    assert re.search(r'<dd id="profile-rate" data-pct="2.5">2.5 % of the matches</dd>', html)
    assert 'name="rate" type="text" value="2.5"' in html
    r = c.post("/skr/risk/profiles/%d" % pid, form(name, "event.object_kind = 'wagon'", rate="100"))
    assert r.status_code == 303
    r = c.post("/skr/risk/profiles/%d" % pid, form(name, "event.object_kind = 'wagon'", rate=""))
    assert r.status_code == 303
    assert stack.sql("SELECT no, random_per_mille FROM risk_profile_version WHERE profile_id = ?"
                     " ORDER BY no", pid) == [["1", "25"], ["2", "1000"], ["3", "NULL"]]
    html = page(c, pid)
    assert '<dd id="profile-rate" data-pct="">every match</dd>' in html
    rows = dict(re.findall(r'<tr data-no="(\d)">(.*?)</tr>', html, re.S))
    assert "Random selection 2.5 %" in rows["1"] and "Random selection 100 %" in rows["2"]
    assert "Random selection" not in rows["3"]


@pytest.fixture
def rail(stack):
    """No crossing rate at Koroszczyn's rail lane; the test's profiles
    retired and the rate back afterwards."""
    before = stack.scalar("SELECT per_mille FROM risk_rate WHERE crossing = 'KOR'"
                          " AND lane_kind = 'rail'")
    stack.sql("UPDATE risk_rate SET per_mille = 0 WHERE crossing = 'KOR' AND lane_kind = 'rail'")
    made = []
    yield made
    for pid in made:
        stack.sql("UPDATE risk_profile SET state = 'retired' WHERE id = ?", pid)
    if before is not None:
        stack.sql("UPDATE risk_rate SET per_mille = ? WHERE crossing = 'KOR'"
                  " AND lane_kind = 'rail'", before)


def profile(stack, made, per_mille, tag):
    """An approved profile on this test's wagons only, fixed yellow."""
    name = "t-rate-" + uuid.uuid4().hex[:8]
    stack.sql("INSERT INTO risk_profile (name, author_id, state, created_at, changed_at)"
              " VALUES (?, 6, 'active', UTC_TIMESTAMP(), UTC_TIMESTAMP())", name)
    pid = int(stack.scalar("SELECT id FROM risk_profile WHERE name = ?", name))
    stack.sql("INSERT INTO risk_profile_version (profile_id, no, rule_text, fixed,"
              " random_per_mille, crossings, lane_kinds, created_by, created_at)"
              " VALUES (?, 1, 'event.object_kind = ''wagon''', 'yellow', ?, 'KOR', 'rail', 6,"
              " UTC_TIMESTAMP())", pid, per_mille)
    vid = int(stack.scalar("SELECT id FROM risk_profile_version WHERE profile_id = ?", pid))
    stack.sql("UPDATE risk_profile SET version_id = ?, active_version_id = ? WHERE id = ?",
              vid, vid, pid)
    made.append(pid)
    return name, vid


def wagons(stack, n, tag):
    """n wagons read at Koroszczyn; the id of the first decision before."""
    code, crossing, lane = KOR_RAIL
    first = stack.scalar("SELECT COALESCE(MAX(id), 0) FROM risk_decision")
    for b in range(0, n, 1000):
        evs = [L.event(code, crossing, lane, "<wagon>W%s%06d</wagon>" % (tag, i))
               for i in range(b, min(n, b + 1000))]
        r = L.post(stack.base, code, L.doc(evs))
        assert r.status_code == 200
    return first


def counted(stack, first, vid):
    """(decisions, hits of vid, hits marked random, yellow decisions,
    decisions marked random by the crossing's draw)"""
    return tuple(int(x) for x in stack.sql(
        "SELECT COUNT(*), COUNT(h.id), COALESCE(SUM(h.random), 0), SUM(d.colour = 'yellow'),"
        " SUM(d.random) FROM risk_decision d LEFT JOIN risk_decision_hit h"
        " ON h.decision_id = d.id AND h.profile_version_id = ?"
        " WHERE d.id > ? AND d.crossing = 'KOR' AND d.lane_kind = 'rail'", vid, first)[0])


def test_rate_0_selects_none_and_100_all(stack, rail):
    tag = uuid.uuid4().hex[:5].upper()
    _, none = profile(stack, rail, 0, tag)
    first = wagons(stack, 300, tag + "A")
    assert counted(stack, first, none) == (300, 0, 0, 0, 0)
    stack.sql("UPDATE risk_profile SET state = 'retired' WHERE id = ?", rail[-1])
    name, every = profile(stack, rail, 1000, tag)
    first = wagons(stack, 300, tag + "B")
    assert counted(stack, first, every) == (300, 300, 300, 300, 0)
    # The decision names the profile and says it drew.
    dec = stack.scalar("SELECT d.id FROM risk_decision d JOIN risk_decision_hit h"
                       " ON h.decision_id = d.id WHERE h.profile_version_id = ? LIMIT 1", every)
    why = staff_client(stack, "analityk").get("/skr/control/decisions/%s" % dec)
    assert why.status_code == 200
    item = re.search(r'<li class="why-profile" data-version="%d">(.*?)</li>' % every,
                     why.text, re.S).group(1)
    assert name in item
    assert "chosen among its matches by its own random rate (100 %)" in item


def test_rate_50_within_four_sigma(stack, rail):
    """Of 2,000 matches a 50 % rate selects 1000 ± 4σ (σ = √(n·p·(1−p)) ≈ 22)."""
    tag = uuid.uuid4().hex[:5].upper()
    _, half = profile(stack, rail, 500, tag)
    first = wagons(stack, 2000, tag)
    n, hits, drawn, yellow, crossing_random = counted(stack, first, half)
    assert n == 2000 and crossing_random == 0
    assert abs(hits - 1000) <= 4 * math.sqrt(2000 * 0.25), hits
    assert drawn == hits and yellow == hits
