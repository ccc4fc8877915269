"""test_event_served_guard.py: the cluster's guard on event rows
(db/migrations/0094_cluster.sql, 0107_event_served_memo.sql): a server
stores no event of a crossing another server serves (crossing.node_id;
NULL: the centre, server_id 1 as a one-machine stack's). Since 0107 the
trigger looks a crossing up once per statement instead of once per row;
these pin that every statement and every crossing within one is still
checked. tests/cluster/test_topology.py checks the same across servers.

Each case runs in one client session inside a transaction that is rolled
back: the crossing served elsewhere ('TSTX', node 12) exists for that
session alone, so the shared stack's other tests never see it."""
import subprocess

REFUSED = "event of a crossing served by another server (crossing.node_id)"


def session(stack, statements):
    """The statements in one session, in a transaction rolled back at the
    end (or by the disconnect after an error): (returncode, stderr)."""
    script = ("START TRANSACTION;\n"
              "INSERT INTO crossing (id, code, name_pl, name_en, to_country, unit_id, node_id)"
              " SELECT 9907, 'TSTX', 'Test', 'Test', 'BY', unit_id, 12 FROM crossing"
              " WHERE code = 'GRZ';\n"
              + "\n".join(statements) + "\nROLLBACK;\n")
    r = subprocess.run(["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % stack.var,
                        "-uroot", "zsog"], input=script, capture_output=True, text=True)
    return r.returncode, r.stderr


def rows(*crossings, seq="guard"):
    vals = ",".join("(1, '%s-%d', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), '%s', 'T1', 'entry',"
                    " 'heartbeat')" % (seq, i, c) for i, c in enumerate(crossings))
    return ("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind)"
            " VALUES %s;" % vals)


def test_a_statement_of_a_crossing_served_here_is_stored(stack):
    rc, err = session(stack, [rows("GRZ", "GRZ", "GRZ", seq="guard-a"),
                              "SELECT COUNT(*) FROM event WHERE seq LIKE 'guard-a-%';"])
    assert (rc, err) == (0, "")


def test_a_lone_row_served_elsewhere_is_refused(stack):
    rc, err = session(stack, [rows("TSTX", seq="guard-b")])
    assert rc == 1
    assert REFUSED in err


def test_a_row_served_elsewhere_after_rows_served_here_is_refused(stack):
    # the look-up kept for GRZ's rows does not let TSTX's through
    rc, err = session(stack, [rows("GRZ", "GRZ", "TSTX", "GRZ", seq="guard-c")])
    assert rc == 1
    assert REFUSED in err


def test_the_next_statement_is_checked_again(stack):
    # GRZ then TSTX, each its own statement of the same session
    rc, err = session(stack, [rows("GRZ", seq="guard-d1"), rows("TSTX", seq="guard-d2")])
    assert rc == 1
    assert REFUSED in err
    assert "at line 4" in err  # the second INSERT, not the first


def test_a_crossing_moved_away_within_a_session_is_refused(stack):
    # checked at GRZ's next statement after GRZ was given to node 12
    rc, err = session(stack, [rows("GRZ", "GRZ", seq="guard-e1"),
                              "UPDATE crossing SET node_id = 12 WHERE code = 'GRZ';",
                              rows("GRZ", seq="guard-e2")])
    assert rc == 1
    assert REFUSED in err
    assert "at line 5" in err
