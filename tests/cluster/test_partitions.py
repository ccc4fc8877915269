"""test_partitions.py: replication keeps running across a month's turn
(issue 17, docs/architecture.md "Not carried by replication: DDL"). Every
server's ingest tick adds the event table's next monthly partitions itself:
the centre's ALTER goes down to the regional replica (a node ignores the
event table from g1), a node's ALTER goes up on its connection to g1, which
either made the month already (1517, skipped: slave_skip_errors) or makes
it then (Galera carries it to g2, g3); a month past the retention is
dropped the same way (1507 when g1 dropped it already). Both orders of an
ADD are run here, each for a future month, and a DROP made by a node
first: the tick's own step (`zsog-admin partitions CONF DAY`,
devices_partitions_keep through the ingest account of that role's
configuration) with DAY the first day after the newest partition.

Then rows of those months written at n1 reach the centre and the replica
in their month's partition, not in p_max, and every replica thread runs
with no error. The rows are inserted as root at n1 (the ingest program
refuses an event time months ahead: time_future), so they travel up as
any event of the node does, in n1's binary log; they are deleted at n1
at the end (node rows: the DELETE travels up too)."""
import os
import subprocess

import ingest_lib as L

ALL = ("g1", "g2", "g3", "n1", "n2", "r1")


def partitions(srv):
    return [r[0] for r in srv.sql(
        "SELECT partition_name FROM information_schema.partitions"
        " WHERE table_schema = 'zsog' AND table_name = 'event'"
        " ORDER BY partition_ordinal_position")]


def next_month_day(srv):
    """The first day after the newest monthly partition: a month's turn
    the tick has not prepared yet."""
    bound = srv.scalar(
        "SELECT partition_description FROM information_schema.partitions"
        " WHERE table_schema = 'zsog' AND table_name = 'event'"
        " AND partition_name <> 'p_max' ORDER BY partition_ordinal_position DESC LIMIT 1")
    return bound.strip("'")


def months(day, n):
    """The names of n monthly partitions from day's month on."""
    y, m = int(day[:4]), int(day[5:7])
    out = []
    for _ in range(n):
        out.append("p%04d%02d" % (y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def conf_of(cluster, role):
    return os.path.join(cluster.var, role, "etc", "zsog.hdf")


def tick(cluster, role, day):
    """The ingest tick's partition step at role's server, as of day."""
    build = os.environ.get("ZSOG_BUILD", os.path.join(cluster.root, "build"))
    r = subprocess.run([os.path.join(build, "zsog-admin"), "partitions", conf_of(cluster, role),
                        day], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, (role, day, r.stdout, r.stderr)
    return r.stdout.strip()


def replica_threads(cluster):
    """(server, connection, IO, SQL, Last_Errno) of every replica thread."""
    out = []
    for name in ("g1", "n1", "n2", "r1"):
        for s in cluster.server(name).slaves():
            out.append((name, s.get("Connection_name", ""), s.get("Slave_IO_Running"),
                        s.get("Slave_SQL_Running"), s.get("Last_Errno")))
    return sorted(out)


RUNNING = sorted([("g1", "grzechotki", "Yes", "Yes", "0"), ("g1", "koroszczyn", "Yes", "Yes", "0"),
                  ("n1", "", "Yes", "Yes", "0"), ("n2", "", "Yes", "Yes", "0"),
                  ("r1", "", "Yes", "Yes", "0")])


def same_everywhere(cluster, name):
    """True when every server has partition name."""
    return all(name in partitions(cluster.server(s)) for s in ALL)


def test_replication_runs_across_the_month_turn_in_either_order(cluster):
    g1, n1 = cluster.server("g1"), cluster.server("n1")
    assert replica_threads(cluster) == RUNNING
    before = partitions(g1)
    assert all(partitions(cluster.server(s)) == before for s in ALL), \
        {s: partitions(cluster.server(s))[-3:] for s in ALL}

    # A month's turn the centre prepares first: the nodes' same ALTER
    # reaches g1 after its own (1517 there, skipped).
    m1 = next_month_day(g1)
    first = months(m1, 4)
    assert tick(cluster, "central", m1) == "event partitions: 4 added, 0 dropped"
    for s in ("g2", "g3", "r1"):
        cluster.wait(lambda: partitions(cluster.server(s))[-5:] == first + ["p_max"], 30,
                     "%s at %s" % (first, s))
    # A node does not take the centre's ALTER of a node table: its own
    # tick makes the months.
    assert partitions(n1) == before
    assert tick(cluster, "grzechotki", m1) == "event partitions: 4 added, 0 dropped"
    assert tick(cluster, "koroszczyn", m1) == "event partitions: 4 added, 0 dropped"

    # The next turn a node prepares first: g1 makes it from n1's ALTER
    # (Galera to g2, g3; g1's log to the replica); the centre's own tick
    # then finds it made; n2's ALTER reaches g1 after (1517, skipped).
    m2 = next_month_day(g1)
    second = months(m2, 4)
    assert second[0] > first[-1]
    assert tick(cluster, "grzechotki", m2) == "event partitions: 4 added, 0 dropped"
    for s in ("g1", "g2", "g3", "r1"):
        cluster.wait(lambda: partitions(cluster.server(s))[-5:] == second + ["p_max"], 30,
                     "%s at %s" % (second, s))
    assert tick(cluster, "central", m2) == "event partitions: 0 added, 0 dropped"
    assert tick(cluster, "koroszczyn", m2) == "event partitions: 4 added, 0 dropped"

    # Every server has the same months, and every connection still runs.
    after = before[:-1] + first + second + ["p_max"]
    for s in ALL:
        cluster.wait(lambda: partitions(cluster.server(s)) == after, 30,
                     "the same partitions at %s" % s)
    assert replica_threads(cluster) == RUNNING
    p1, p2 = first[0], second[0]

    # Rows of both new months written at n1 reach the centre and the
    # replica, each in its month's partition; not the other node.
    seqs = []
    for day in (m1, m2):
        seq = L.next_seq()
        n1.sql("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind)"
               " VALUES (1, ?, ?, UTC_TIMESTAMP(3), 'GRZ', 'T1', 'entry', 'heartbeat')",
               seq, day + " 00:00:01")
        seqs.append(seq)
    try:
        for s in ("g1", "g3", "r1"):
            srv = cluster.server(s)
            for seq, p in zip(seqs, (p1, p2)):
                cluster.wait(lambda: srv.scalar("SELECT COUNT(*) FROM event PARTITION (%s)"
                                                " WHERE seq = ?" % p, seq) == "1",
                             30, "n1's row of %s at %s" % (p, s))
            assert srv.scalar("SELECT COUNT(*) FROM event PARTITION (p_max) WHERE seq IN (?, ?)",
                              *seqs) == "0"
        assert cluster.server("n2").count("event", "seq IN (?, ?)", *seqs) == 0
        assert replica_threads(cluster) == RUNNING
    finally:
        n1.sql("DELETE FROM event WHERE seq IN (?, ?) AND crossing = 'GRZ'", *seqs)
    cluster.wait(lambda: g1.count("event", "seq IN (?, ?)", *seqs) == 0, 30,
                 "the test's rows gone at g1")
    assert replica_threads(cluster) == RUNNING



def month_index(day):
    """'YYYY-MM-DD' as year * 12 + month - 1 (domain/devices_partition.c)."""
    return int(day[:4]) * 12 + int(day[5:7]) - 1


def month_day(index):
    return "%04d-%02d-01" % (index // 12, index % 12 + 1)


def bound_of(srv, name):
    return srv.scalar(
        "SELECT partition_description FROM information_schema.partitions"
        " WHERE table_schema = 'zsog' AND table_name = 'event'"
        " AND partition_name = ?", name).strip("'")


def skipped_errors(srv):
    return int(srv.scalar("SELECT VARIABLE_VALUE FROM information_schema.global_status"
                          " WHERE VARIABLE_NAME = 'SLAVE_SKIPPED_ERRORS'"))


def test_a_month_dropped_by_a_node_first_then_by_the_others(cluster):
    """Retention (Ingest.RetentionMonths, 24 here): each server's tick drops
    the months past it. A node's DROP PARTITION goes up to g1, which drops
    the month then (Galera to g2, g3; g1's log to the replica); the centre's
    own tick then finds it gone, and the other node's DROP reaching g1
    after fails there with 1507, which g1's connections skip
    (slave_skip_errors = 1507,1517): every connection keeps running and
    every server ends with the same months."""
    g1 = cluster.server("g1")
    assert replica_threads(cluster) == RUNNING
    before = partitions(g1)
    assert before[0] == "p_old"
    assert all(partitions(cluster.server(s)) == before for s in ALL)
    # The day p_old falls out of a 24-month retention: its bound is the
    # first month it does not hold.
    cur = month_index(bound_of(g1, "p_old")) + 24
    day = month_day(cur)
    newest = month_index(next_month_day(g1))
    added = max(0, cur + 4 - newest)
    ahead = months(month_day(newest), added)

    assert tick(cluster, "grzechotki", day) == "event partitions: %d added, 1 dropped" % added
    after = before[1:-1] + ahead + ["p_max"]
    for s in ("g1", "g2", "g3", "r1", "n1"):
        cluster.wait(lambda: partitions(cluster.server(s)) == after, 60,
                     "p_old dropped and %d months added at %s" % (added, s))
    assert tick(cluster, "central", day) == "event partitions: 0 added, 0 dropped"
    # n2 drops and adds the same: both statements reach g1 after its own
    # (1507 and 1517 there, skipped).
    assert partitions(cluster.server("n2")) == before
    skipped = skipped_errors(g1)
    assert tick(cluster, "koroszczyn", day) == "event partitions: %d added, 1 dropped" % added
    assert partitions(cluster.server("n2")) == after
    marker = L.next_seq()
    # A row written at n2 after its DDL reaches g1: the connection ran past
    # the two refused statements.
    n2 = cluster.server("n2")
    n2.sql("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind)"
           " SELECT id, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(3), 'KOR', lane, 'entry', 'heartbeat'"
           " FROM device WHERE crossing = 'KOR' ORDER BY id LIMIT 1", marker)
    try:
        cluster.wait(lambda: g1.count("event", "seq = ? AND crossing = 'KOR'", marker) == 1, 30,
                     "n2's row at g1")
        # Exactly n2's two statements were refused at g1 and skipped.
        assert skipped_errors(g1) == skipped + 2
        for s in ALL:
            assert partitions(cluster.server(s)) == after, s
        assert replica_threads(cluster) == RUNNING
    finally:
        n2.sql("DELETE FROM event WHERE seq = ? AND crossing = 'KOR'", marker)
    cluster.wait(lambda: g1.count("event", "seq = ? AND crossing = 'KOR'", marker) == 0, 30,
                 "the test's row gone at g1")
    assert replica_threads(cluster) == RUNNING
