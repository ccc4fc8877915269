"""test_booking_race.py: eBT's capacity guarantee across the Galera centre
(issue 17; docs/ebt.md "Capacity", docs/architecture.md "the booking
scheme"). Two sets of the central ebt program, the cluster's own on g1 and
a second started here with g2 first in Db.Hosts, book the last places of
one hour at once: slot.booked is the certification point, so two Galera
nodes taking the same place conflict at COMMIT (1213), db_tx runs the loser
again and it finds the hour full. Never an overbooking: per round exactly
the free places are booked, the others answered 409 "full", and g1, g2 and
g3 agree. Then what a crossing node may write: its accounts cannot update
a booking (central), while a check-in there is the booking's lane row and
reaches the centre by replication."""
import os
import re
import shutil
import subprocess
import threading
import time

import requests

from ebt_lib import ANNA, KOR, TRANSPOL, book, fields, local, number_of, portal

# Not conftest's: tests/http's conftest.py may shadow the name.
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# The build the cluster runs (a copy, so a rebuild meanwhile changes nothing).
BUILD = os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build"))

ROUNDS, PER_SITE, FREE = 4, 4, 2
HOUR = 15


def start_g2_site(cluster):
    """The central programs (ebt only) once more, connected to g2 first."""
    var = os.path.join(cluster.var, "central-g2")
    os.makedirs(os.path.join(var, "etc"), exist_ok=True)
    shutil.copy(os.path.join(cluster.var, "central", "etc", "secrets.hdf"),
                os.path.join(var, "etc", "secrets.hdf"))
    with open(os.path.join(cluster.var, "central", "etc", "role.hdf")) as f:
        role = f.read()
    # By the servers' sockets, as scripts/cluster's own programs: the
    # accounts are 'zsog_*'@'localhost'.
    g = {n: cluster.socket_of(n) for n in ("g1", "g2", "g3")}
    role = re.sub(r"Socket = \S+", "Socket = %s" % cluster.socket_of("g2"), role)
    role = re.sub(r"Hosts = \S+", "Hosts = %s,%s,%s" % (g["g2"], g["g1"], g["g3"]), role)
    with open(os.path.join(var, "etc", "role.hdf"), "w") as f:
        f.write(role)
    port = cluster.base + 8094
    subprocess.run([os.path.join(ROOT, "scripts", "stack"), "start", var, "--external-db",
                    "--port", str(port), "--workers", "2", "--conf-add",
                    os.path.join(var, "etc", "role.hdf"), "--programs", "portal ebt"],
                   check=True, capture_output=True, text=True, timeout=300)
    site = type(cluster.site("centre"))("centre-g2", port)
    return var, site


def status(cluster, name):
    return {k: int(v) for k, v in cluster.server(name).sql(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_local_cert_failures',"
        " 'wsrep_local_bf_aborts')", db=None)}


def racer(site, user, day, results, i, go):
    s = requests.Session()
    s.cookies.update(user.http.cookies)
    s.headers["Accept-Language"] = "en"
    data = fields()
    data.update({"company": str(TRANSPOL), "crossing": str(KOR), "day": day, "hour": str(HOUR),
                 "idem": os.urandom(16).hex(), "confirm": "1", "csrf": user.csrf})

    def run():
        go.wait()
        try:
            r = s.post(site.base + "/ebt/book", data=data, allow_redirects=False, timeout=60)
            refusal = re.search(r'data-code="([A-Z_]+)"', r.text)
            results[i] = (r.status_code, r.headers.get("Location", ""),
                          refusal.group(1) if refusal else "")
        except requests.RequestException as e:
            results[i] = (repr(e), "", "")
    return threading.Thread(target=run, daemon=True)


def test_last_places_from_two_galera_nodes_never_overbook(cluster):
    """Was xfail until session 19 (about 1 run in 13 a racer got a 500):
    a brute-force abort the server sent among a read's rows (the mail
    callback's booking_get) is kept by Connector/C on the connection only,
    mysql_stmt_errno saying 0, and after the row a db_get wanted it is read
    by mysql_stmt_free_result and reported to nobody. lib/db read the
    statement's error: the read failed with "database 0", the transaction
    was not failed, and the run's own error (BK_ERROR) was not run again.
    lib/db now takes the connection's error there (tests/unit/test-db-tx.c)."""
    g1, g2, g3 = (cluster.server(n) for n in ("g1", "g2", "g3"))
    var, other = start_g2_site(cluster)
    try:
        sites = [cluster.site("centre"), other]
        users = [portal(s, ANNA) for s in sites]
        before = {n: status(cluster, n) for n in ("g1", "g2")}
        for rnd in range(ROUNDS):
            day = local(plus_days=4 + rnd)[0]
            for u in users:
                u.get("/ebt/calendar?company=%d&crossing=%d" % (TRANSPOL, KOR))
                r = u.get("/ebt/book?company=%d&crossing=%d&day=%s&hour=%d"
                          % (TRANSPOL, KOR, day, HOUR))
                assert r.status_code == 200, r.text[:300]
            where = "crossing_id = ? AND day = ? AND hour = ?"
            taken = int(g1.scalar("SELECT booked FROM slot WHERE " + where, KOR, day, HOUR))
            g1.sql("UPDATE slot SET capacity = ? WHERE " + where, taken + FREE, KOR, day, HOUR)
            cluster.flush_caches()
            subprocess.run([os.path.join(BUILD, "zsog-admin"), "flush-caches",
                            os.path.join(var, "etc", "zsog.hdf")], check=True, capture_output=True)
            results = [None] * (2 * PER_SITE)
            go = threading.Event()
            threads = [racer(sites[i % 2], users[i % 2], day, results, i, go)
                       for i in range(2 * PER_SITE)]
            for t in threads:
                t.start()
            go.set()
            for t in threads:
                t.join(90)
            made = [loc.split("?")[0].rsplit("/", 1)[1] for st, loc, _ in results if st == 303]
            time.sleep(1)
            diag = (rnd, taken, results, g1.sql(
                "SELECT b.number, b.slot_id, b.day, b.hour, b.status, s.booked, s.capacity"
                " FROM booking b JOIN slot s ON s.id = b.slot_id WHERE b.number IN (%s)"
                % ",".join("'%s'" % n for n in made)) if made else None,
                g2.sql("SELECT booked, capacity FROM slot WHERE " + where, KOR, day, HOUR))
            assert len(made) == FREE, diag
            assert sorted(code for st, _, code in results if st != 303) == \
                ["SLOT_FULL"] * (2 * PER_SITE - FREE), results
            # Every Galera node holds the same: the hour full, not over.
            for srv in (g1, g2, g3):
                cluster.wait(lambda: srv.count("booking", "number IN (%s)"
                                               % ",".join("'%s'" % n for n in made)) == FREE,
                             10, "%s has the round's bookings" % srv.name)
                booked, cap, rows = (int(x) for x in srv.sql(
                    "SELECT s.booked, s.capacity, (SELECT COUNT(*) FROM booking b"
                    " WHERE b.slot_id = s.id AND b.status <> 'cancelled') FROM slot s"
                    " WHERE s.crossing_id = ? AND s.day = ? AND s.hour = ?", KOR, day, HOUR)[0])
                assert booked == cap == rows == taken + FREE, (srv.name, booked, cap, rows)
        after = {n: status(cluster, n) for n in ("g1", "g2")}
        # Conflicts depend on timing: printed, not asserted.
        print("\nbooking race across g1/g2: %d rounds x %d racers for %d places; certification"
              " failures g1 %d g2 %d, brute-force aborts g1 %d g2 %d (load %.1f)"
              % (ROUNDS, 2 * PER_SITE, FREE,
                 after["g1"]["wsrep_local_cert_failures"] - before["g1"]["wsrep_local_cert_failures"],
                 after["g2"]["wsrep_local_cert_failures"] - before["g2"]["wsrep_local_cert_failures"],
                 after["g1"]["wsrep_local_bf_aborts"] - before["g1"]["wsrep_local_bf_aborts"],
                 after["g2"]["wsrep_local_bf_aborts"] - before["g2"]["wsrep_local_bf_aborts"],
                 os.getloadavg()[0]))
    finally:
        subprocess.run([os.path.join(ROOT, "scripts", "stack"), "stop", var],
                       capture_output=True, timeout=120)


def node_account(cluster, node, program, query):
    with open(os.path.join(cluster.var, "central", "etc", "secrets.hdf")) as f:
        pw = re.search(r"^Db\.Password\.%s = (\S+)$" % program, f.read(), re.M).group(1)
    r = subprocess.run(["mariadb", "--no-defaults", "--socket=%s" % cluster.socket_of(node),
                        "-uzsog_" + program, "-p" + pw, "zsog", "--batch", "--skip-column-names",
                        "-e", query], capture_output=True, text=True)
    return r.returncode, (r.stderr.strip().splitlines() or [""])[-1]


def test_node_checks_in_by_its_own_row(cluster):
    """At Koroszczyn's node (n2) the ebt account may not update a booking;
    a check-in there writes booking_lane, which reaches the centre; the
    booking row stays as the centre wrote it."""
    g1, g3, n2 = cluster.server("g1"), cluster.server("g3"), cluster.server("n2")
    rc, err = node_account(cluster, "n2", "ebt", "UPDATE booking SET walk_in = walk_in WHERE id = 0")
    assert rc == 1 and err == ("ERROR 1142 (42000) at line 1: UPDATE command denied to user"
                               " 'zsog_ebt'@'localhost' for table `zsog`.`booking`"), err
    anna = portal(cluster.site("centre"), ANNA)
    day, hour = local(plus_hours=1)
    anna.get("/ebt/calendar?company=%d&crossing=%d" % (TRANSPOL, KOR))
    no = number_of(book(anna, KOR, day, hour))
    cluster.wait(lambda: n2.count("booking", "number = ?", no) == 1, 30, "the booking at n2")
    row = g1.sql("SELECT status, slot_id, walk_in FROM booking WHERE number = ?", no)
    kor = cluster.site("n2").staff("koroszczyn")
    kor.get("/skr/ebt/%d" % KOR)
    r = kor.post("/skr/ebt/%d/checkin" % KOR, {"q": no})
    assert r.status_code == 200 and 'data-result="done"' in r.text, r.text[:500]
    lane = ("SELECT l.status FROM booking_lane l JOIN booking b ON b.id = l.booking_id"
            " WHERE b.number = ?")
    assert n2.scalar(lane, no) == "arrived"
    t0 = time.monotonic()
    cluster.wait(lambda: g3.scalar(lane, no) == "arrived", 30, "the check-in at g3")
    print("\ncheck-in at n2 seen at g3 after %.2f s" % (time.monotonic() - t0))
    assert g1.sql("SELECT status, slot_id, walk_in FROM booking WHERE number = ?", no) == row
    assert n2.sql("SELECT status, slot_id, walk_in FROM booking WHERE number = ?", no) == row
