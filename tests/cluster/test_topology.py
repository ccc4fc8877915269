"""test_topology.py: the layers of issue 17 (scripts/cluster,
docs/architecture.md "The layers of the cluster"): Galera of three, an
event of a crossing node going up to the centre and the regional replica
and not across to the other node, a watch-list entry going down to both
nodes, and the writes each server must refuse.

On the session's cluster (conftest.py: started once for the suite, or the
one ZSOG_CLUSTER_DIR names): nothing here needs a cluster of its own —
every assertion is about rows it writes itself, the servers' wsrep state
and the replica threads, which the other files leave running (they heal
the links they cut and restart the servers they stop). The replica
connections run through the session's relays: the same connections, only
their port differs."""
import os
import random
import subprocess
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "http"))
import ingest_lib as L  # noqa: E402


class Topology:
    def __init__(self, d):
        self.dir = d
        with open(os.path.join(d, "etc", "port-base")) as f:
            self.base = int(f.read())

    def url(self, role):
        return "http://127.0.0.1:%d" % (self.base + {"centre": 8090, "n1": 8091, "n2": 8092,
                                                      "r1": 8093}[role])

    def sql(self, server, query, user="root", password=None, check=True):
        """The query's rows (tab-separated lines) as root, or as a
        program's account with its password."""
        cmd = ["mariadb", "--no-defaults", "--socket=%s/%s/run/mysqld.sock" % (self.dir, server),
               "-u" + user, "-N", "-B", "zsog", "-e", query]
        if password:
            cmd.insert(3, "-p" + password)
        r = subprocess.run(cmd, capture_output=True, text=True)
        if check and r.returncode != 0:
            raise AssertionError("%s on %s: %s" % (query, server, r.stderr))
        return r if not check else r.stdout.strip()

    def password(self, program):
        with open(os.path.join(self.dir, "template", "etc", "secrets.hdf")) as f:
            for line in f:
                if line.startswith("Db.Password.%s = " % program):
                    return line.split(" = ", 1)[1].strip()
        raise KeyError(program)

    def wait(self, server, query, want, timeout=30):
        """Seconds until query answers want on server."""
        t0 = time.time()
        while True:
            got = self.sql(server, query)
            if got == want:
                return time.time() - t0
            if time.time() - t0 > timeout:
                raise AssertionError("%s on %s: %r, not %r after %d s" % (query, server, got, want,
                                                                         timeout))
            time.sleep(0.05)


@pytest.fixture(scope="module")
def cluster(cluster):
    """The session's cluster (conftest.py), seen through this file's
    helpers: root and the programs' accounts on each server's socket.
    A file before this one may have just restarted a server (test_replica
    stops g1): first every server back and every replica thread
    reconnected, as after a start; then the tests assert as strictly."""
    def settled():
        for g in ("g1", "g2", "g3"):
            if cluster.server(g).scalar("SELECT variable_value FROM"
                                        " information_schema.global_status WHERE"
                                        " variable_name = 'wsrep_local_state_comment'",
                                        db=None) != "Synced":
                return False
        for s in ("g1", "n1", "n2", "r1"):
            if not all(c["Slave_IO_Running"] == "Yes" and c["Slave_SQL_Running"] == "Yes"
                       for c in cluster.server(s).slaves()):
                return False
        return True

    cluster.wait(settled, 120, "every server synced and replicating")
    return Topology(cluster.var)


def test_galera_has_three_synced_nodes(cluster):
    for g in ("g1", "g2", "g3"):
        assert cluster.sql(g, "SELECT LOWER(variable_name), variable_value"
                              " FROM information_schema.global_status WHERE variable_name IN"
                              " ('wsrep_cluster_size', 'wsrep_local_state_comment',"
                              " 'wsrep_cluster_status') ORDER BY 1") == \
            "wsrep_cluster_size\t3\nwsrep_cluster_status\tPrimary\nwsrep_local_state_comment\tSynced"


def test_every_replication_connection_runs(cluster):
    for server, names in (("g1", ["grzechotki", "koroszczyn"]), ("n1", [""]), ("n2", [""]),
                          ("r1", [""])):
        for name in names:
            r = subprocess.run(["mariadb", "--no-defaults", "--socket=%s/%s/run/mysqld.sock"
                                % (cluster.dir, server), "-uroot", "-e",
                                "SHOW SLAVE '%s' STATUS\\G" % name], capture_output=True, text=True)
            status = dict(line.strip().partition(":")[::2] for line in r.stdout.splitlines()
                          if ":" in line)
            status = {k: v.strip() for k, v in status.items()}
            assert (status["Slave_IO_Running"], status["Slave_SQL_Running"],
                    status["Last_Errno"]) == ("Yes", "Yes", "0"), (server, name, status)


def test_event_at_a_node_goes_up_not_across(cluster):
    text = "CL%05d" % random.randrange(100000)
    seq = L.next_seq()
    body = L.doc(L.event("GRZ-ANPR-T1", "GRZ", "T1", L.plate(text), seq=seq))
    r = L.post(cluster.url("n1"), "GRZ-ANPR-T1", body)
    assert r.status_code == 200, r.text
    assert L.outcomes(r) == [(seq, "accepted", None)]
    q = "SELECT COUNT(*) FROM event WHERE seq = '%s' AND raw = '%s'" % (seq, text)
    assert cluster.sql("n1", q) == "1"
    up = cluster.wait("g3", q, "1")
    down = cluster.wait("r1", q, "1")
    print("n1 -> g1 -> g3: %.2f s, -> r1: %.2f s" % (up, down))
    # The key tells its origin: id mod 64 is n1's offset, 11.
    assert cluster.sql("g3", "SELECT id % 64 FROM event WHERE seq = '" + seq + "'") == "11"
    # Koroszczyn never receives Grzechotki's events (it has the row g1
    # applied by now: both read g1's binary log in order).
    time.sleep(0.5)
    assert cluster.sql("n2", q) == "0"
    # The device's liveness went up with it; the register stayed central.
    assert cluster.sql("g1", "SELECT COUNT(*) FROM device_seen s JOIN device d ON"
                             " d.id = s.device_id WHERE d.code = 'GRZ-ANPR-T1'"
                             " AND s.last_seen > UTC_TIMESTAMP() - INTERVAL 1 MINUTE") == "1"


def test_watch_entry_at_the_centre_goes_down_to_every_node(cluster):
    value = "CLW%05d" % random.randrange(100000)
    # At g2: Galera carries it to g1, whose binary log the nodes read.
    cluster.sql("g2", "INSERT INTO watch_entry (subject, value, match_key, fold_key, reason,"
                      " action, priority, valid_from, valid_to, unit_id, status, created_by,"
                      " created_at) VALUES ('plate', '%s', '%s', '%s', 'cluster test', 'report',"
                      " 2, '2026-01-01', '2030-12-31', 12, 'pending', 4, UTC_TIMESTAMP())"
                % (value, value, value))
    q = "SELECT id % 64 FROM watch_entry WHERE value = '" + value + "'"
    t1 = cluster.wait("n1", q, "2")
    t2 = cluster.wait("n2", q, "2")
    print("g2 -> g1 -> n1: %.2f s, n2: %.2f s" % (t1, t2))


def test_a_server_refuses_rows_it_does_not_serve(cluster):
    ins = ("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind)"
           " VALUES (1, '%s', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), '%s', 'T1', 'entry', 'heartbeat')")
    # The centre stores no event of Grzechotki (served by n1) ...
    r = cluster.sql("g1", ins % (L.next_seq(), "GRZ"), check=False)
    assert r.returncode == 1
    assert "event of a crossing served by another server" in r.stderr
    # ... nor does n1 store Koroszczyn's ...
    r = cluster.sql("n1", ins % (L.next_seq(), "KOR"), check=False)
    assert "event of a crossing served by another server" in r.stderr
    # ... but the centre stores those of Kuźnica, which has no node.
    cluster.sql("g1", ins % (L.next_seq(), "KUZ"))


def test_a_node_program_cannot_write_a_central_table(cluster):
    pw = cluster.password("ingest")
    r = cluster.sql("n1", "UPDATE device SET heartbeat_seconds = 61 WHERE id = 1",
                    user="zsog_ingest", password=pw, check=False)
    assert r.returncode == 1
    assert "UPDATE command denied to user 'zsog_ingest'@'localhost' for table `zsog`.`device`" \
        in r.stderr, r.stderr
    # The same account writes it at the centre (registering devices).
    r = cluster.sql("g1", "UPDATE device SET heartbeat_seconds = 60 WHERE id = 1",
                    user="zsog_ingest", password=pw, check=False)
    assert r.returncode == 0, r.stderr
