"""test_risk_browser.py: runs the Chromium test tests/browser/risk.mjs
against this test stack: two analysts take a profile from draft through
backtest and testing to approval, a lane event it selects is posted here,
and a crossing officer finds the control task and its explanation naming
the profile. Screenshots to build/screenshots/risk/."""
import uuid
import xml.etree.ElementTree as ET

import ingest_lib as L
from browser_lib import node_ready, run, shots_dir
from zsog import unique

GRZ_CAR = ("GRZ-ANPR-C1", "GRZ", "C1")


def test_profile_to_decision_in_chromium(stack):
    node_ready()
    shots = shots_dir("risk")
    name = unique("Browser profile ")
    try:
        r = run("risk.mjs", "analysts", stack.base, shots, name, timeout=180)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "ok - approved by analityk2: active" in r.stdout
        plate = "BR" + uuid.uuid4().hex[:6].upper()
        code, crossing, lane = GRZ_CAR
        p = L.post(stack.base, code, L.doc(L.event(code, crossing, lane,
                                                   L.plate(plate, country="IS"))))
        assert p.status_code == 200
        [a] = [e.attrib for e in ET.fromstring(p.content).findall("{%s}event" % L.NS)]
        assert a["decision"] == "red" and a["task"]
        r = run("risk.mjs", "officer", stack.base, shots, name, plate, timeout=180)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "ok - the explanation names the profile" in r.stdout
    finally:
        stack.sql("UPDATE risk_profile SET state = 'retired' WHERE name = ?", name)
