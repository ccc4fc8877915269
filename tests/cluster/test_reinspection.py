"""test_reinspection.py: a re-inspection order made at the centre and
fulfilled at a crossing node (issue 14 rows in the cluster of issue 17;
docs/architecture.md "The layers of the cluster", 0106). The order is
central: only the centre writes it. The node's decision writes its own
reinspection_done row, which goes up; the centre marks the order done from
it (the ingest tick), and that comes down to every node, so the other
crossing's next sighting is an ordinary one. Before 0106 the node's
program updated the central row: its grants refused it and the event was
not stored (503); with the grants of the centre it would have been a row
written in both directions.

The rates of the two lanes are set to 0 at g1 for the test (central rows,
replicated down) and put back after, so the colours are exact."""
import time
import uuid
import xml.etree.ElementTree as ET

import ingest_lib as L

GRZ_CAR = ("GRZ-ANPR-C1", "GRZ", "C1")      # lane kind car, served by n1
KOR_TRUCK = ("KOR-ANPR-T1", "KOR", "T1")    # lane kind truck, served by n2
LANES = (("GRZ", "car"), ("KOR", "truck"))


def answers(r):
    assert r.status_code == 200, (r.status_code, r.text[:300])
    root = ET.fromstring(r.content)
    return [e.attrib for e in root.findall("{%s}event" % L.NS)]


def sight(site, dev, plate):
    code, crossing, lane = dev
    [a] = answers(L.post(site.base, code, L.doc(L.event(code, crossing, lane, L.plate(plate)))))
    assert a["outcome"] == "accepted", a
    return a


def test_order_fulfilled_at_a_node_is_done_everywhere_once(cluster):
    g1, n1 = cluster.server("g1"), cluster.server("n1")
    centre, grz, kor = cluster.site("centre"), cluster.site("n1"), cluster.site("n2")
    rates = {lane: g1.sql("SELECT per_mille, colour FROM risk_rate WHERE crossing = ?"
                          " AND lane_kind = ?", *lane) for lane in LANES}
    try:
        for lane in LANES:
            g1.sql("REPLACE INTO risk_rate (crossing, lane_kind, per_mille, colour)"
                   " VALUES (?, ?, 0, 'yellow')", *lane)
        plate = "RC" + uuid.uuid4().hex[:6].upper().replace("O", "P").replace("I", "J")
        # The analyst orders it at the centre.
        analyst = centre.staff("analityk")
        analyst.get("/skr/risk/reinspections/new")
        today = time.strftime("%Y-%m-%d")
        r = analyst.post("/skr/risk/reinspections/new",
                         {"subject": "plate", "value": plate, "reason": "cluster test",
                          "valid_from": today, "valid_to": "2030-12-31"})
        assert r.status_code == 303, (r.status_code, r.text[:500])
        oid = g1.scalar("SELECT id FROM reinspection WHERE match_key = ?", plate)
        for s in ("n1", "n2"):
            cluster.wait(lambda: cluster.server(s).count("reinspection", "id = ?", oid) == 1
                         and cluster.server(s).count(
                             "risk_rate", "per_mille = 0 AND ((crossing = 'GRZ' AND lane_kind ="
                             " 'car') OR (crossing = 'KOR' AND lane_kind = 'truck'))") == 2,
                         30, "the order and the rates at %s" % s)
        cluster.flush_caches()

        # Sighted at Grzechotki: red at its node, the node's own row.
        a = sight(grz, GRZ_CAR, plate)
        assert a["decision"] == "red" and a["task"], a
        dec = n1.sql("SELECT id, id % 64, reinspection_id FROM risk_decision WHERE event_id = ?",
                     int(a["id"]))
        assert [d[1:] for d in dec] == [["11", oid]]
        dec = dec[0][0]
        assert n1.sql("SELECT crossing, decision_id FROM reinspection_done"
                      " WHERE reinspection_id = ?", oid) == [["GRZ", dec]]

        # The centre marks the order done from it; that comes down.
        row = None
        for s in ("g1", "g2", "g3", "r1", "n1", "n2"):
            srv = cluster.server(s)
            cluster.wait(lambda: srv.sql("SELECT status, decision_id FROM reinspection"
                                         " WHERE id = ?", oid) == [["done", dec]],
                         30, "the order done at %s" % s)
            got = srv.sql("SELECT status, decision_id, done_at FROM reinspection WHERE id = ?",
                          oid)
            assert row is None or got == row, (s, got, row)
            row = got
        assert g1.sql("SELECT crossing, decision_id FROM reinspection_done"
                      " WHERE reinspection_id = ?", oid) == [["GRZ", dec]]

        # Koroszczyn's next sighting is an ordinary one, and writes no row.
        cluster.flush_caches()
        a = sight(kor, KOR_TRUCK, plate)
        assert a["decision"] == "green" and "task" not in a, a
        assert cluster.server("n2").sql("SELECT reinspection_id FROM risk_decision"
                                        " WHERE event_id = ?", int(a["id"])) == [["NULL"]]
        assert cluster.server("n2").count("reinspection_done", "reinspection_id = ?", oid) == 0

        # Replication ran through all of it.
        for srv, names in ((g1, {"grzechotki", "koroszczyn"}), (n1, {""}),
                           (cluster.server("n2"), {""})):
            got = {s["Connection_name"]: (s["Slave_IO_Running"], s["Slave_SQL_Running"],
                                          s["Last_Errno"]) for s in srv.slaves()}
            assert got == {n: ("Yes", "Yes", "0") for n in names}, (srv.name, got)
    finally:
        for lane, old in rates.items():
            for per_mille, colour in old:
                g1.sql("REPLACE INTO risk_rate (crossing, lane_kind, per_mille, colour)"
                       " VALUES (?, ?, ?, ?)", lane[0], lane[1], int(per_mille), colour)
        cluster.flush_caches()
