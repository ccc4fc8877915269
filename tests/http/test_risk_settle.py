"""test_risk_settle.py: a re-inspection order is written only where the
centre is (0106, docs/architecture.md "The layers of the cluster"). A
sighting writes its crossing's reinspection_done row; at a crossing the
centre serves itself the order is done at once, in the same transaction;
a row that arrives from a crossing node (inserted here as replication
would apply it) makes the order done at the ingest program's next tick,
and meanwhile the order can no longer be withdrawn (409)."""
import time

from test_risk_decide import KOR_TRUCK, answers, order, post_plates, rates, set_rate, uplate  # noqa: F401,E501
from zsog import staff_client



def test_sighting_at_the_centre_writes_its_row_and_the_order(stack, rates):
    set_rate(stack, "KOR", "truck", 0)
    p = uplate()
    oid = order(stack, "plate", p)
    [a] = answers(post_plates(stack, KOR_TRUCK, [p]))
    assert a["decision"] == "red"
    dec = stack.scalar("SELECT id FROM risk_decision WHERE event_id = ?", int(a["id"]))
    assert stack.sql("SELECT crossing, decision_id FROM reinspection_done"
                     " WHERE reinspection_id = ?", oid) == [["KOR", dec]]
    assert stack.sql("SELECT status, decision_id FROM reinspection WHERE id = ?", oid) == \
        [["done", dec]]


def test_a_nodes_row_settles_the_order_and_stops_its_withdrawal(stack):
    oid = order(stack, "plate", uplate())
    # As g1 applies a crossing node's row: no program of this server wrote it.
    stack.sql("INSERT INTO reinspection_done (reinspection_id, crossing, decision_id, done_at)"
              " VALUES (?, 'GRZ', 987654321, UTC_TIMESTAMP(3))", oid)
    c = staff_client(stack, "analityk")
    assert c.get("/skr/risk").status_code == 200
    r = c.post("/skr/risk/reinspections/%d/withdraw" % oid)
    assert r.status_code == 409, (r.status_code, r.text[:300])
    # The ingest tick (Services.ingest.TickSeconds, 5 s) marks it done.
    t0 = time.monotonic()
    while stack.sql("SELECT status, decision_id FROM reinspection WHERE id = ?", oid) != \
            [["done", "987654321"]]:
        assert time.monotonic() - t0 < 20, stack.sql("SELECT status, decision_id FROM"
                                                     " reinspection WHERE id = ?", oid)
        time.sleep(0.2)
