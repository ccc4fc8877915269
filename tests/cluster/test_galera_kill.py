"""test_galera_kill.py: SIGKILL of a centre node under load (issue 17,
"Galera kill"; docs/scale.md). While the central programs take a booking
race for one hour of capacity 7 and a device of a crossing the centre
serves itself (no node: crossing.node_id NULL) streams events, g2 dies by
SIGKILL. No acknowledged booking or event is lost (read at g3 and, after
its rejoin, at g2), the hour is never over its capacity, and g2 rejoins
by IST (`scripts/cluster restart-node`: --wsrep-recover, then
--wsrep-start-position), not by a full copy.

A device that got no answer sends the same events again with the same
sequence numbers, as a real one does (docs/ingest.md): so "not lost" is
"every event acknowledged once is stored once", whatever the retries."""
import os
import random
import re
import signal
import threading
import time

import requests

import ingest_lib as L
from ebt_lib import ANNA, JAN, KOR, TRANSPOL, fields, local, portal
from test_report_traffic import new_crossing, new_device

RACERS, CAPACITY, HOUR = 40, 7, 14


def booking_race(centre, cid, day, users, results, start):
    def one(i):
        u = users[i % len(users)]
        s = requests.Session()
        s.cookies.update(u.http.cookies)
        s.headers["Accept-Language"] = "en"
        data = fields()
        data.update({"company": str(TRANSPOL), "crossing": str(cid), "day": day,
                     "hour": str(HOUR), "idem": "%032x" % random.getrandbits(128),
                     "confirm": "1", "csrf": u.csrf})
        start.wait()
        try:
            r = s.post(centre.base + "/ebt/book", data=data, allow_redirects=False, timeout=60)
            results[i] = (r.status_code, r.headers.get("Location", ""))
        except requests.RequestException as e:
            results[i] = (repr(e), "")

    return [threading.Thread(target=one, args=(i,), daemon=True) for i in range(RACERS)]


class Stream(threading.Thread):
    """One event every 50 ms; an event without an answer is sent again
    (same seq) until it is acknowledged."""

    def __init__(self, base, device, crossing):
        super().__init__(daemon=True)
        self.base, self.device, self.crossing = base, device, crossing
        self.stop = threading.Event()
        self.acked = {}			# seq -> id
        self.unanswered = 0		# answers other than 200 accepted/duplicate
        self.statuses = {}

    def send(self, seq):
        try:
            r = L.post(self.base, self.device,
                       L.doc(L.event(self.device, self.crossing, "T1", L.plate("KL %s" % seq[-5:]),
                                     seq=seq)))
        except requests.RequestException:
            self.statuses["no answer"] = self.statuses.get("no answer", 0) + 1
            return False
        self.statuses[r.status_code] = self.statuses.get(r.status_code, 0) + 1
        if r.status_code != 200:
            return False
        (_, outcome, _), = L.outcomes(r)
        if outcome in ("accepted", "duplicate"):
            m = re.search(r'outcome="accepted" id="(\d+)"', r.text)
            self.acked.setdefault(seq, int(m.group(1)) if m else None)
            return True
        return False

    def run(self):
        while not self.stop.is_set():
            seq = L.next_seq()
            while not self.send(seq):
                self.unanswered += 1
                if self.stop.wait(0.2):
                    return
            self.stop.wait(0.05)


def test_sigkill_g2_under_bookings_and_events(cluster):
    centre = cluster.site("centre")
    g1, g2, g3 = (cluster.server(n) for n in ("g1", "g2", "g3"))
    # Events: a crossing the centre serves itself (no node), with a device.
    code = new_crossing(g1)
    assert g1.scalar("SELECT node_id IS NULL FROM crossing WHERE code = ?", code) == "1"
    dev = new_device(g1, code, "T1", "truck")
    # Bookings are central whatever serves the crossing: race at Koroszczyn.
    cid = KOR
    # an hour nobody booked yet (ZSOG_CLUSTER_DIR may reuse a cluster);
    # a day whose slots are not made yet is made by the form's page below
    day = next(d for d in (local(plus_days=k)[0] for k in range(10, 30))
               if g1.scalar("SELECT booked FROM slot WHERE crossing_id = ? AND day = ? AND hour = ?",
                            cid, d, HOUR) in (None, "0"))
    users = [portal(centre, ANNA), portal(centre, JAN)]
    for u in users:
        u.get("/ebt/calendar?company=%d&crossing=%d" % (TRANSPOL, cid))
        r = u.get("/ebt/book?company=%d&crossing=%d&day=%s&hour=%d" % (TRANSPOL, cid, day, HOUR))
        assert r.status_code == 200, r.text[:300]
    g1.sql("UPDATE slot SET capacity = ? WHERE crossing_id = ? AND day = ? AND hour = ?",
           CAPACITY, cid, day, HOUR)
    cluster.flush_caches()
    assert g1.scalar("SELECT booked FROM slot WHERE crossing_id = ? AND day = ? AND hour = ?",
                     cid, day, HOUR) == "0"

    stream = Stream(centre.base, dev, code)
    stream.start()
    time.sleep(2)
    results = [None] * RACERS
    start = threading.Event()
    threads = booking_race(centre, cid, day, users, results, start)
    for t in threads:
        t.start()
    pid = cluster.pid_of("g2")
    start.set()
    time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    t_kill = time.monotonic()
    for t in threads:
        t.join(90)
    time.sleep(3)
    r = cluster.script("restart-node", cluster.var, "g2", check=False, timeout=300)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    cluster.wait(lambda: g2.up() and g2.sql(
        "SHOW STATUS LIKE 'wsrep_local_state_comment'", db=None) == [["wsrep_local_state_comment", "Synced"]],
        120, "g2 synced again")
    print("\ng2 killed; back and synced %.1f s after the kill" % (time.monotonic() - t_kill))
    time.sleep(2)
    stream.stop.set()
    stream.join(30)
    print("events: %d acknowledged, %d sends without an acknowledgement, answers %s"
          % (len(stream.acked), stream.unanswered, stream.statuses))

    # Bookings: only answers the race allows; the made ones all there.
    statuses = sorted({s for s, _ in results}, key=str)
    assert set(statuses) <= {303, 409, 503}, results
    made = [re.match(r"/ebt/bookings/([A-Z0-9-]+)", loc).group(1) for s, loc in results if s == 303]
    assert 0 < len(made) <= CAPACITY, results
    for srv in (g3, g2):
        assert srv.count("booking", "number IN (%s)" % ",".join("'%s'" % n for n in made)) == len(made)
        booked, active = (int(x) for x in srv.sql(
            "SELECT s.booked, (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id"
            " AND b.status <> 'cancelled') FROM slot s"
            " WHERE s.crossing_id = ? AND s.day = ? AND s.hour = ?", cid, day, HOUR)[0])
        assert booked == active <= CAPACITY, (srv.name, booked, active)
        assert active >= len(made)
    # Events: every acknowledged one stored once, at g3 and at g2.
    assert len(stream.acked) > 20
    seqs = ",".join(stream.acked)
    devid = int(g1.scalar("SELECT id FROM device WHERE code = ?", dev))
    for srv in (g3, g2):
        got = srv.sql("SELECT seq, id FROM event WHERE device_id = ? AND seq IN (%s)" % seqs, devid)
        assert len(got) == len(stream.acked), srv.name
        assert {s for s, _ in got} == set(stream.acked)
    # g2 rejoined by IST: its log says so and it holds the cluster's size.
    assert g1.sql("SHOW STATUS LIKE 'wsrep_cluster_size'", db=None)[0][1] == "3"
    log = cluster.log_of("g2")
    assert "IST received" in log or "Receiving IST" in log, log[-2000:]
