"""test_node_grants.py: on a crossing node the program accounts hold only
SELECT on central tables (scripts/node-grants filters db/grants/*.sql by
db/cluster-tables.txt): a write to a central table (a booking, a slot) by
a node's account is refused by the server, and the lane's path still works
because it writes node-class rows only: an officer signs in, checks a
booking in, calls it to a lane and serves it (booking_lane), the booking
row untouched. A stack of its own: the grants are changed for the whole
server."""
import re
import subprocess

import pytest

from conftest import private_stack
from ebt_lib import ANNA, KOR, book, local, number_of, portal, staff, state


@pytest.fixture(scope="module")
def stack():
    with private_stack() as st:
        yield st


def password(stack, program):
    with open("%s/etc/secrets.hdf" % stack.var, encoding="utf-8") as f:
        return re.search(r"^Db\.Password\.%s = (\S+)$" % program, f.read(), re.M).group(1)


def as_account(stack, program, query):
    """Runs query as the program's own database account: (exit code, stderr)."""
    r = subprocess.run(["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % stack.var,
                        "-uzsog_" + program, "-p" + password(stack, program), "zsog",
                        "--batch", "--skip-column-names", "-e", query],
                       capture_output=True, text=True)
    return r.returncode, r.stderr.strip()


def node_grants(stack):
    subprocess.run([stack.root + "/scripts/node-grants", stack.var], check=True,
                   capture_output=True, text=True)


def test_central_writes_refused_lane_path_works(stack):
    anna = portal(stack, ANNA)
    day, hour = local(plus_hours=1)
    no = number_of(book(anna, KOR, day, hour))
    # Before: the ebt account may update a booking (the centre's grants).
    assert as_account(stack, "ebt", "UPDATE booking SET walk_in = walk_in WHERE id = 0") == (0, "")

    node_grants(stack)
    for program, query, table in (
            ("ebt", "UPDATE booking SET walk_in = walk_in WHERE id = 0", "booking"),
            ("ebt", "UPDATE slot SET booked = booked WHERE id = 0", "slot"),
            ("ingest", "INSERT INTO booking_history (booking_id, at, actor_kind, action)"
                       " VALUES (0, NOW(), 'system', 'arrived')", "booking_history"),
            ("puesc", "DELETE FROM booking WHERE id = 0", "booking"),
            ("ebt", "UPDATE crossing SET lanes = lanes WHERE id = 0", "crossing")):
        rc, err = as_account(stack, program, query)
        verb = query.split()[0]
        assert rc == 1 and err == (
            "ERROR 1142 (42000) at line 1: %s command denied to user 'zsog_%s'@'localhost'"
            " for table `zsog`.`%s`" % (verb, program, table)), (program, query, err)
    # Reading them stays.
    rc, _ = as_account(stack, "ebt", "SELECT COUNT(*) FROM booking")
    assert rc == 0
    # Node tables keep their writes: the lane's path works end to end.
    before = stack.sql("SELECT status, slot_id, start_utc, walk_in FROM booking WHERE number = ?", no)
    kor = staff(stack, "koroszczyn")
    kor.get("/skr/ebt/%d" % KOR)
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": no})
    assert r.status_code == 200 and 'data-result="done"' in r.text
    assert kor.post("/skr/ebt/%d/bookings/%s/called" % (KOR, no), {"lane": "1"}).status_code == 303
    assert kor.post("/skr/ebt/%d/bookings/%s/served" % (KOR, no), {}).status_code == 303
    assert state(stack, no) == "served"
    assert stack.sql("SELECT status, slot_id, start_utc, walk_in FROM booking WHERE number = ?",
                     no) == before
