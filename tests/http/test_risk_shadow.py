"""test_risk_shadow.py: a profile in testing is evaluated at every
decision like an active one, but its hit is stored only as a shadow hit
(risk_decision_hit.live = 0): colour, score and control task stay what
the active profiles and the random rate make them; the profile's page
counts the objects it would have selected while in testing. Moving
it to testing and back takes effect at once (EPOCH_RISK)."""
import re
import uuid
import xml.etree.ElementTree as ET

import pytest

import ingest_lib as L
from zsog import staff_client, unique

GRZ_CAR = ("GRZ-ANPR-C1", "GRZ", "C1")      # lane kind car
NEW = "/skr/risk/profiles/new"


@pytest.fixture
def no_random(stack):
    """Random selection off at Grzechotki's car lanes, the seeded rate back after."""
    before = stack.sql("SELECT per_mille, colour FROM risk_rate"
                       " WHERE crossing = 'GRZ' AND lane_kind = 'car'")
    stack.sql("REPLACE INTO risk_rate (crossing, lane_kind, per_mille, colour)"
              " VALUES ('GRZ', 'car', 0, 'yellow')")
    yield
    stack.sql("DELETE FROM risk_rate WHERE crossing = 'GRZ' AND lane_kind = 'car'")
    for per_mille, colour in before:
        stack.sql("INSERT INTO risk_rate (crossing, lane_kind, per_mille, colour)"
                  " VALUES ('GRZ', 'car', ?, ?)", per_mille, colour)


def uplate():
    return "SH" + uuid.uuid4().hex[:6].upper().replace("O", "P").replace("I", "J")


def sighting(stack, country):
    """One plate of `country` at Grzechotki: its answer and decision row."""
    code, crossing, lane = GRZ_CAR
    r = L.post(stack.base, code, L.doc(L.event(code, crossing, lane,
                                               L.plate(uplate(), country=country))))
    assert r.status_code == 200
    [a] = [e.attrib for e in ET.fromstring(r.content).findall("{%s}event" % L.NS)]
    dec = stack.sql("SELECT id, colour, score, random FROM risk_decision WHERE event_id = ?",
                    int(a["id"]))[0]
    return a, dec


def move(c, pid, frm, to):
    assert c.get("/skr/risk/profiles/%d" % pid).status_code == 200
    r = c.post("/skr/risk/profiles/%d/state" % pid, {"from": frm, "to": to})
    assert r.status_code == 303, r.text[:500]


def test_a_testing_profile_is_evaluated_without_effect(stack, no_random):
    c = staff_client(stack, "analityk")
    # Iceland: no seeded profile reads it, so only this one can fire.
    r = c.submit(NEW, NEW, {"name": unique("shadow"), "rule": "event.plate_country = 'IS'",
                            "decision": "red", "weight": "", "crossings": "GRZ", "lanes": "",
                            "valid_from": "", "valid_to": ""})
    assert r.status_code == 303, r.text[:800]
    pid = int(re.fullmatch(r"/skr/risk/profiles/(\d+)\?saved=1", r.headers["Location"]).group(1))
    vid = stack.scalar("SELECT version_id FROM risk_profile WHERE id = ?", pid)
    try:
        # A draft is not evaluated at all.
        a, dec = sighting(stack, "IS")
        assert stack.count("risk_decision_hit", "decision_id = ?", dec[0]) == 0
        move(c, pid, "draft", "testing")
        a, dec = sighting(stack, "IS")
        # Fixed red in testing: still green, no score, no task.
        assert a["decision"] == "green" and "task" not in a
        assert dec[1:] == ["green", "0", "0"]
        assert stack.count("control_task", "decision_id = ?", dec[0]) == 0
        assert stack.sql("SELECT profile_version_id, live, used FROM risk_decision_hit"
                         " WHERE decision_id = ?", dec[0]) == \
            [[vid, "0", "event.plate_country=IS"]]
        # The officer's explanation names no testing profile.
        why = staff_client(stack, "grzechotki").get("/skr/control/decisions/%s" % dec[0])
        assert why.status_code == 200
        assert 'id="why-nothing"' in why.text and 'class="why-profile"' not in why.text
        a2, dec2 = sighting(stack, "IS")
        assert dec2[1] == "green"
        _, other = sighting(stack, "LT")  # not selected: no hit
        assert stack.count("risk_decision_hit", "decision_id = ?", other[0]) == 0
        page = c.get("/skr/risk/profiles/%d" % pid).text
        p = re.search(r'<p id="shadow-hits"[^>]*>(.*?)</p>', page, re.S)
        assert p and 'data-count="2"' in p.group(0)
        assert re.sub(r"<[^>]+>", "", p.group(1)) == (
            "In testing this profile would have selected 2 objects;"
            " the decisions were not changed.")
        # Back to draft: evaluated no more, at once.
        move(c, pid, "testing", "draft")
        a, dec = sighting(stack, "IS")
        assert stack.count("risk_decision_hit", "decision_id = ?", dec[0]) == 0
        assert 'id="shadow-hits"' not in c.get("/skr/risk/profiles/%d" % pid).text
        # Testing again: counted on from before; in Polish with its plural.
        move(c, pid, "draft", "testing")
        sighting(stack, "IS")
        c.http.headers["Accept-Language"] = "pl"
        page = c.get("/skr/risk/profiles/%d" % pid).text
        p = re.search(r'<p id="shadow-hits"[^>]*>(.*?)</p>', page, re.S)
        assert re.sub(r"<[^>]+>", "", p.group(1)) == (
            "W testach ten profil wytypowałby 3 obiekty; decyzje nie zostały zmienione.")
    finally:
        stack.sql("UPDATE risk_profile SET state = 'retired' WHERE id = ?", pid)
