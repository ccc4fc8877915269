"""test_cluster_db.py: the programs on more than one database server
(lib/db.c, lib/dbstate.c; issue 17). A stack of its own gets a second
MariaDB, a replica of the first made from a copy of its datadir (as the
cluster's servers are), and its programs are restarted with
    Db.Hosts = <first socket>,<second socket>   (writes: first live one)
    Db.Read.Hosts = <second socket>             (reports: the copy)
Then: /metrics shows the copy's replication threads, lag and errors; a
report read from the copy says how fresh it is, and says it reads the
centre while the copy is away; and after SIGKILL of the server the
programs were connected to, the next requests are answered from the other.
(The second server accepts writes here, unlike a real replica, so that it
can stand in for the next Galera node of Db.Hosts.)"""
import os
import re
import signal
import subprocess
import time

import pytest

from conftest import ROOT, free_port, private_stack
from zsog import staff_client

REPL_PW = "repl-test-only"


def root_sql(sock, q):
    return subprocess.run(
        ["mariadb", "--no-defaults", "--socket=" + sock, "-uroot", "--batch",
         "--skip-column-names", "-e", q],
        check=True, capture_output=True, text=True).stdout.strip()


def wait_until(what, fn, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if fn():
                return
        except (subprocess.CalledProcessError, OSError):
            pass
        time.sleep(0.2)
    raise AssertionError("timed out waiting for " + what)


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


class Two:
    """The stack and its second server."""

    def __init__(self, st):
        self.st = st
        self.var = st.var
        self.sock1 = "%s/run/mysqld.sock" % self.var
        self.sock2 = "%s/run/db2.sock" % self.var

    def sql1(self, q):
        return root_sql(self.sock1, q)

    def sql2(self, q):
        return root_sql(self.sock2, q)

    def pid1(self):
        return int(open("%s/run/mysqld.pid" % self.var).read())


def start_second(two):
    var = two.var
    port1 = int(two.sql1("SELECT @@port"))
    two.sql1("CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY '%s';"
             " GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'" % REPL_PW)
    # The copy's position: no heartbeat may land between reading it and
    # the clean stop.
    two.sql1("SET GLOBAL event_scheduler = OFF")
    time.sleep(1.2)
    pos = two.sql1("SELECT @@gtid_binlog_pos")
    pid = two.pid1()
    subprocess.run(["mariadb-admin", "--no-defaults", "--socket=" + two.sock1,
                    "-uroot", "shutdown"], check=True)
    wait_until("first server stopped", lambda: not pid_alive(pid))
    subprocess.run(["cp", "-a", "%s/db" % var, "%s/db2" % var], check=True)
    for f in os.listdir("%s/db2" % var):
        if f.startswith("binlog."):
            os.unlink("%s/db2/%s" % (var, f))
    with open("%s/etc/my2.cnf" % var, "w") as f:
        f.write("""[mariadbd]
datadir = {var}/db2
socket = {var}/run/db2.sock
pid-file = {var}/run/db2.pid
port = {port}
bind-address = 127.0.0.1
log-error = {var}/log/mariadb2.log
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-time-zone = '+00:00'
log-bin = {var}/db2/binlog
binlog_format = ROW
server-id = 2
log_slave_updates = ON
event_scheduler = OFF
""".format(var=var, port=free_port()))
    for cnf, sock in (("my.cnf", two.sock1), ("my2.cnf", two.sock2)):
        # Through a shell that exits at once: the server is nobody's
        # child here, so a SIGKILL leaves no zombie behind for kill(0).
        subprocess.run(["bash", "-c", 'mariadbd --defaults-file="$1" --user=root'
                        ' >/dev/null 2>&1 &', "-", "%s/etc/%s" % (var, cnf)],
                       check=True)
        wait_until("server " + cnf, lambda s=sock: root_sql(s, "SELECT 1") == "1")
    two.sql2("SET GLOBAL gtid_slave_pos = '%s';"
             " CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = %d,"
             " MASTER_USER = 'repl', MASTER_PASSWORD = '%s',"
             " MASTER_USE_GTID = slave_pos; START SLAVE" % (pos, port1, REPL_PW))
    wait_until("replica running", lambda: replica_running(two))


def replica_running(two):
    out = subprocess.run(
        ["mariadb", "--no-defaults", "--socket=" + two.sock2, "-uroot", "-e",
         "SHOW SLAVE STATUS\\G"], check=True, capture_output=True, text=True).stdout
    return ("Slave_IO_Running: Yes" in out and "Slave_SQL_Running: Yes" in out)


def use_both(two):
    """Db.Hosts and Db.Read.Hosts in the stack's config (Db.Socket kept:
    a program that ignored Db.Hosts would go on using the first server
    alone), then the programs restarted with it."""
    conf = "%s/etc/zsog.hdf" % two.var
    with open(conf, "a") as f:
        f.write("Db.Hosts = %s,%s\nDb.Read.Hosts = %s\n"
                % (two.sock1, two.sock2, two.sock2))
    subprocess.run([os.path.join(ROOT, "scripts", "stack"), "restart",
                    two.var, "portal", "skr", "report", "ecustomer"],
                   check=True, cwd=ROOT)


@pytest.fixture(scope="module")
def two():
    with private_stack() as st:
        t = Two(st)
        try:
            start_second(t)
            use_both(t)
            yield t
        finally:
            if os.path.exists("%s/run/db2.pid" % t.var):
                pid = int(open("%s/run/db2.pid" % t.var).read())
                if pid_alive(pid):
                    os.kill(pid, signal.SIGTERM)
                    wait_until("second server stopped", lambda: not pid_alive(pid), 60)


def metric(text, name, labels):
    m = re.search(r"^%s\{%s\} (\S+)$" % (re.escape(name), re.escape(labels)),
                  text, re.M)
    return m.group(1) if m else None


def test_metrics_show_the_replication_of_the_copy(two):
    r = two.st.client().get("/metrics")
    assert r.status_code == 200
    lab = 'db="read",connection=""'
    assert metric(r.text, "zsog_db_monitor_up", 'db="main"') == "1"
    assert metric(r.text, "zsog_db_monitor_up", 'db="read"') == "1"
    assert metric(r.text, "zsog_replication_io_running", lab) == "1"
    assert metric(r.text, "zsog_replication_sql_running", lab) == "1"
    assert metric(r.text, "zsog_replication_seconds_behind", lab) == "0"
    assert metric(r.text, "zsog_replication_last_io_errno", lab) == "0"
    assert metric(r.text, "zsog_replication_last_sql_errno", lab) == "0"
    # The first server replicates from nobody: no connection of its own.
    assert 'zsog_replication_io_running{db="main"' not in r.text
    # Without Galera, no Galera lines.
    assert "zsog_galera_cluster_size{" not in r.text

    two.sql2("STOP SLAVE SQL_THREAD")
    try:
        r = two.st.client().get("/metrics")
        assert metric(r.text, "zsog_replication_io_running", lab) == "1"
        assert metric(r.text, "zsog_replication_sql_running", lab) == "0"
        assert metric(r.text, "zsog_replication_seconds_behind", lab) == "NaN"
    finally:
        two.sql2("START SLAVE SQL_THREAD")


def fresh_line(page):
    m = re.search(r'<p id="fresh" class="muted">(.*?)</p>', page, re.S)
    return m.group(1) if m else None


def test_a_report_from_the_copy_says_how_fresh_it_is(two):
    c = staff_client(two.st, "audytor")
    wait_until("heartbeat on the copy", lambda: two.sql2(
        "SELECT COUNT(*) FROM zsog.cluster_heartbeat"
        " WHERE ts > UTC_TIMESTAMP() - INTERVAL 3 SECOND") != "0")
    r = c.get("/skr/reports/traffic?lang=en")
    assert r.status_code == 200
    line = fresh_line(r.text)
    assert line is not None, r.text[-2000:]
    assert re.fullmatch(r"Data as of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d"
                        r" \(local time; [012] seconds?"
                        r" behind the centre\)", line), line
    # The copy stops applying: the page tells by how much it is behind.
    two.sql2("STOP SLAVE SQL_THREAD")
    try:
        time.sleep(4.5)  # also past the report's kept copy (2 s in tests)
        r = c.get("/skr/reports/traffic?lang=pl")
        assert r.status_code == 200
        m = re.fullmatch(r"Dane według stanu na (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)"
                         r" \(czas lokalny;"
                         r" (\d+) (sekund|sekundy) opóźnienia względem centrali\)",
                         fresh_line(r.text) or "")
        assert m, fresh_line(r.text)
        assert 4 <= int(m.group(2)) <= 30
    finally:
        two.sql2("START SLAVE SQL_THREAD")


def test_the_office_search_from_the_copy_says_how_fresh_it_is(two):
    c = staff_client(two.st, "rejestracja.poznan")
    r = c.get("/skr/ecustomer/search?lang=en&q=Kowalska")
    assert r.status_code == 200
    assert re.fullmatch(r"Data as of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d"
                        r" \(local time; \d+ seconds? behind the centre\)",
                        fresh_line(r.text) or ""), fresh_line(r.text)
    # The form alone reads nothing and says nothing.
    assert fresh_line(c.get("/skr/ecustomer/search?lang=en").text) is None


def test_a_report_while_the_copy_is_away_says_it_reads_the_centre(two):
    c = staff_client(two.st, "audytor")
    # The copy refuses the report program (as if it were down) and drops
    # the connections it has.
    two.sql2("ALTER USER 'zsog_report'@'localhost' ACCOUNT LOCK")
    try:
        for ident in two.sql2("SELECT ID FROM information_schema.PROCESSLIST"
                              " WHERE USER = 'zsog_report'").split():
            two.sql2("KILL %s" % ident)
        time.sleep(2.5)  # past the kept copy of the page
        for lang, words in (("en", "The regional copy is not answering: these"
                                   " data come from the centre."),
                            ("pl", "Kopia regionalna nie odpowiada: te dane"
                                   " pochodzą z centrali.")):
            r = c.get("/skr/reports/traffic?lang=" + lang)
            assert r.status_code == 200
            assert fresh_line(r.text) == words
    finally:
        two.sql2("ALTER USER 'zsog_report'@'localhost' ACCOUNT UNLOCK")


def test_the_next_server_answers_when_the_first_is_killed(two):
    c = staff_client(two.st, "audytor")
    assert c.get("/skr/").status_code == 200
    os.kill(two.pid1(), signal.SIGKILL)
    wait_until("first server gone", lambda: not pid_alive(two.pid1()))
    # Each worker finds its connection lost and takes the next server:
    # reads, and writes (a sign-in writes its session), all answered.
    for _ in range(6):
        r = two.st.client().get("/health")
        assert (r.status_code, r.text) == (200, "ok\n")
    for _ in range(3):
        assert c.get("/skr/").status_code == 200
    c2 = staff_client(two.st, "admin")
    r = c2.get("/skr/")
    assert r.status_code == 200
    assert two.sql2("SELECT COUNT(*) FROM zsog.session s JOIN zsog.staff t"
                    " ON t.id = s.account_id WHERE s.kind = 'staff'"
                    " AND t.login = 'admin'") != "0"
    # The monitor follows: it now asks the second server.
    r = two.st.client().get("/metrics")
    assert metric(r.text, "zsog_db_monitor_up", 'db="main"') == "1"
