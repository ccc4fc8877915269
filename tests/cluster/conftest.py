"""conftest.py: one whole cluster (docs/scale.md: a 3-node Galera centre,
the crossing nodes Grzechotki and Koroszczyn, the regional replica, every
role's programs and nginx) per test session, started by
`scripts/cluster start DIR --port-base N` in a temp dir on a free port base
and stopped at the end even when a test fails; on a failure the logs are
copied to build/cluster-logs/ first.

Each node's link to the centre runs through two relays (relay.py) that
the tests cut and heal: after the start, every replica connection whose
source is g1 (on a node) or a node (on g1, the multi-source connections)
is re-pointed at a relay by CHANGE MASTER (GTID slave_pos: no position is
lost), with MASTER_CONNECT_RETRY = 1 so a healed link is used again within
a second.

The tests reach the roles over real HTTP and read any server as root
only to check what the requests changed (the programs never run as root).
The shared helpers of tests/http (signing device events, signed-in
clients, eBT's MRNs and plates) are imported from there, not copied."""
import glob
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "http"))

from relay import Relay  # noqa: E402
from zsog import DEMO_PASSWORD, Client  # noqa: E402

# The ports of docs/scale.md before the base is added.
SERVERS = {"g1": 3311, "g2": 3312, "g3": 3313, "n1": 3321, "n2": 3322, "r1": 3331}
GALERA_EXTRA = [4571, 4572, 4573, 4581, 4582, 4583, 4591, 4592, 4593]
WEB = {"centre": 8090, "n1": 8091, "n2": 8092, "r1": 8093}
# node -> (crossing id, crossing code, multi-source connection name at g1)
NODES = {"n1": (1, "GRZ", "grzechotki"), "n2": (2, "KOR", "koroszczyn")}
# The relays: node k's replica of g1 connects to base + 3340 + k, g1's
# connection to node k to base + 3350 + k.
RELAY_UP, RELAY_DOWN = 3340, 3350


def _bindable(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _relay_ports():
    return [RELAY_UP + 1, RELAY_UP + 2, RELAY_DOWN + 1, RELAY_DOWN + 2]


def free_port_base():
    """A base N such that every port of the cluster + N is free and below
    the kernel's ephemeral range (32768-): outgoing connections never take
    one of ours meanwhile."""
    ports = list(SERVERS.values()) + GALERA_EXTRA + list(WEB.values()) + _relay_ports()
    for _ in range(200):
        base = random.randrange(100, 240) * 100
        if max(ports) + base >= 32768:
            continue
        if all(_bindable(p + base) for p in ports):
            return base
    raise RuntimeError("no free port base")


class SqlError(subprocess.CalledProcessError):
    def __str__(self):
        return "%s: %s" % (self.cmd[-1][:200], self.stderr.strip())


class Server:
    """One MariaDB server of the cluster, queried as root through the
    command-line client (as tests/http's Stack does)."""

    def __init__(self, cluster, name):
        self.cluster, self.name = cluster, name
        self.port = SERVERS[name] + cluster.base

    def _conn_args(self):
        sock = self.cluster.socket_of(self.name)
        if sock:
            return ["--socket=%s" % sock]
        return ["--protocol=tcp", "-h127.0.0.1", "-P%d" % self.port]

    def sql(self, query, *params, db="zsog", timeout=30):
        parts = query.split("?")
        assert len(parts) == len(params) + 1, "placeholder count"
        q = parts[0]
        for p, part in zip(params, parts[1:]):
            q += ("NULL" if p is None else _literal(p)) + part
        args = ["mariadb", "--no-defaults"] + self._conn_args() + [
            "-uroot", "--batch", "--skip-column-names", "--raw", "-e", q]
        if db:
            args.insert(-2, db)
        p = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
        if p.returncode:
            raise SqlError(p.returncode, args, p.stdout, p.stderr)
        return [line.split("\t") for line in p.stdout.splitlines()]

    def scalar(self, query, *params, **kw):
        rows = self.sql(query, *params, **kw)
        return rows[0][0] if rows else None

    def count(self, table, where="1", *params):
        return int(self.scalar("SELECT COUNT(*) FROM %s WHERE %s" % (table, where), *params))

    def up(self):
        try:
            return self.scalar("SELECT 1", db=None, timeout=5) == "1"
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            return False

    def slaves(self):
        """SHOW ALL SLAVES STATUS as a list of dicts."""
        args = ["mariadb", "--no-defaults"] + self._conn_args() + [
            "-uroot", "--batch", "-e", "SHOW ALL SLAVES STATUS"]
        out = subprocess.run(args, check=True, capture_output=True, text=True,
                             timeout=30).stdout.splitlines()
        if not out:
            return []
        head = out[0].split("\t")
        return [dict(zip(head, line.split("\t"))) for line in out[1:]]


def _literal(v):
    if isinstance(v, int):
        return str(v)
    return "'%s'" % str(v).replace("\\", "\\\\").replace("'", "\\'")


class Site:
    """One role's nginx: what zsog.staff_client and ebt_lib expect of a
    stack (base, client())."""

    def __init__(self, name, port):
        self.name, self.port = name, port
        self.base = "http://127.0.0.1:%d" % port

    def client(self, lang="en", source=None):
        return Client(self.base, lang, source)

    def staff(self, login, password=DEMO_PASSWORD):
        c = self.client()
        r = c.submit("/skr/signin", "/skr/signin", {"login": login, "password": password})
        assert r.status_code == 303, (self.name, login, r.status_code, r.text[:300])
        return c


class Link:
    """A crossing node's link to the centre: both directions at once."""

    def __init__(self, up, down):
        self.relays = [up, down]

    def cut(self):
        for r in self.relays:
            r.cut()

    def heal(self):
        for r in self.relays:
            r.heal()

    def close(self):
        for r in self.relays:
            r.close()


class Cluster:
    def __init__(self, root, var, base):
        self.root, self.var, self.base = root, var, base
        self.servers = {n: Server(self, n) for n in SERVERS}
        self.sites = {n: Site(n, p + base) for n, p in WEB.items()}
        self.links = {}

    # -- where things are --------------------------------------------------
    def socket_of(self, name):
        """The server's socket under the cluster dir, when there is one."""
        for pat in ("%s/%s/run/mysqld.sock", "%s/%s/mysqld.sock", "%s/run/%s.sock",
                    "%s/%s/run/*.sock"):
            for p in glob.glob(pat % (self.var, name)):
                if os.path.exists(p):
                    return p
        return None

    def server(self, name):
        return self.servers[name]

    def configs(self):
        """Every role's zsog.hdf (scripts/cluster: DIR/<role stack>/etc/)."""
        return sorted(p for p in glob.glob(os.path.join(self.var, "*", "etc", "zsog.hdf"))
                      if "/template/" not in p)

    def flush_caches(self):
        """After rows changed by hand (as root): every role's programs drop
        their copies, as docs/operations.md tells an operator to."""
        build = os.environ.get("ZSOG_BUILD", os.path.join(self.root, "build"))
        for conf in self.configs():
            subprocess.run([os.path.join(build, "zsog-admin"), "flush-caches", conf],
                           check=True, capture_output=True)

    def log_of(self, name):
        """A server's error log (MariaDB's own log file)."""
        for pat in ("%s/%s/log/mariadb.log", "%s/%s/log/*.log", "%s/log/%s.log"):
            for p in sorted(glob.glob(pat % (self.var, name))):
                with open(p, errors="replace") as f:
                    return f.read()
        raise AssertionError("no log of %s under %s" % (name, self.var))

    def pid_of(self, name):
        """The pid of a server (or program) of the cluster, from its pid file."""
        for pat in ("%s/%s/run/mysqld.pid", "%s/%s/*.pid", "%s/run/%s.pid",
                    "%s/%s/run/*.pid"):
            for p in sorted(glob.glob(pat % (self.var, name))):
                with open(p) as f:
                    pid = f.read().strip()
                if pid.isdigit():
                    return int(pid)
        raise AssertionError("no pid file of %s under %s" % (name, self.var))

    def site(self, name):
        return self.sites[name]

    def script(self, *args, check=True, timeout=600):
        return subprocess.run([os.path.join(self.root, "scripts", "cluster")] + list(args),
                              cwd=self.root, check=check, timeout=timeout,
                              capture_output=True, text=True)

    # -- the links -----------------------------------------------------------
    def wire_links(self):
        """Puts a relay on each node's two replica connections."""
        g1 = self.servers["g1"]
        for node in NODES:
            k = int(node[1:])
            srv = self.servers[node]
            up = Relay(self.base + RELAY_UP + k, g1.port).start()
            down = Relay(self.base + RELAY_DOWN + k, srv.port).start()
            self.links[node] = Link(up, down)
            moved = self._repoint(srv, g1.port, up.listen_port)
            assert moved, "%s has no replica connection to g1" % node
            moved = self._repoint(g1, srv.port, down.listen_port)
            assert moved, "g1 has no replica connection to %s" % node

    def unwire_links(self):
        """Points the replica connections at their sources again."""
        g1 = self.servers["g1"]
        for node, link in self.links.items():
            srv = self.servers[node]
            up, down = link.relays
            self._repoint(srv, up.listen_port, g1.port)
            self._repoint(g1, down.listen_port, srv.port)

    @staticmethod
    def _repoint(srv, from_port, to_port):
        n = 0
        for s in srv.slaves():
            if s.get("Master_Port") != str(from_port):
                continue
            name = s.get("Connection_name", "")
            conn = "'%s' " % name if name else ""
            srv.sql("STOP SLAVE %s" % conn, db=None)
            srv.sql("CHANGE MASTER %sTO MASTER_HOST = '127.0.0.1', MASTER_PORT = %d, "
                    "MASTER_CONNECT_RETRY = 1" % (conn, to_port), db=None)
            srv.sql("START SLAVE %s" % conn, db=None)
            n += 1
        return n

    def link(self, node):
        return self.links[node]

    # -- waiting -------------------------------------------------------------
    @staticmethod
    def wait(pred, timeout, what, step=0.2):
        """Polls pred() until true; returns the seconds it took."""
        t0 = time.monotonic()
        last = None
        while True:
            try:
                last = pred()
            except subprocess.CalledProcessError as e:
                last = e.stderr
            if last is True or (last and not isinstance(last, (str, bytes))):
                return time.monotonic() - t0
            if time.monotonic() - t0 > timeout:
                raise AssertionError("%s: not within %.0f s (last: %r)" % (what, timeout, last))
            time.sleep(step)

    def replicating(self, node):
        """True when both replica connections of the node run (IO and SQL)."""
        g1, srv = self.servers["g1"], self.servers[node]
        port_up = self.links[node].relays[0].listen_port
        port_down = self.links[node].relays[1].listen_port
        ok = 0
        for s in srv.slaves():
            if s.get("Master_Port") == str(port_up):
                ok += s.get("Slave_IO_Running") == "Yes" and s.get("Slave_SQL_Running") == "Yes"
        for s in g1.slaves():
            if s.get("Master_Port") == str(port_down):
                ok += s.get("Slave_IO_Running") == "Yes" and s.get("Slave_SQL_Running") == "Yes"
        return ok == 2


# -- the session's cluster -------------------------------------------------------
_failed = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    rep = (yield).get_result()
    if rep.failed:
        _failed.append(item.nodeid)


def _keep_logs(var):
    dest = os.path.join(ROOT, "build", "cluster-logs", time.strftime("%Y%m%d-%H%M%S"))
    for path in glob.glob(os.path.join(var, "**", "*"), recursive=True):
        base = os.path.basename(path)
        if not os.path.isfile(path):
            continue
        if not (base.endswith((".log", ".err", ".conf", ".cnf", ".hdf")) or base == "grastate.dat"):
            continue
        if "secrets" in base:
            continue
        to = os.path.join(dest, os.path.relpath(path, var))
        os.makedirs(os.path.dirname(to), exist_ok=True)
        try:
            shutil.copy(path, to)
        except OSError:
            pass
    print("\ncluster logs kept in", dest)


@pytest.fixture(scope="session")
def cluster():
    """The session's cluster. ZSOG_CLUSTER_DIR=DIR uses one already started
    there (scripts/cluster start DIR; kept running after the tests, its
    relays removed again) instead of starting one."""
    given = os.environ.get("ZSOG_CLUSTER_DIR")
    if not os.path.exists(os.path.join(ROOT, "scripts", "cluster")):
        pytest.skip("scripts/cluster is not there yet")
    if given:
        var = os.path.abspath(given)
        with open(os.path.join(var, "etc", "port-base")) as f:
            base = int(f.read().strip())
    else:
        var = tempfile.mkdtemp(prefix="zsog-cluster-")
        os.chmod(var, 0o755)	# the servers run as mysql
        base = free_port_base()
    c = Cluster(ROOT, var, base)
    t0 = time.monotonic()
    try:
        if not given:
            r = c.script("start", var, "--port-base", str(base), check=False, timeout=900)
            if r.returncode != 0:
                _failed.append("scripts/cluster start")
                raise RuntimeError("scripts/cluster start failed (%d):\n%s\n%s"
                                   % (r.returncode, r.stdout[-3000:], r.stderr[-3000:]))
            print("\ncluster up in %.1f s (port base %d, %s)" % (time.monotonic() - t0, base, var))
        c.wire_links()
        for node in NODES:
            c.wait(lambda: c.replicating(node), 60, "%s replicating through its relays" % node)
        yield c
    finally:
        for link in c.links.values():
            link.heal()
        if given:
            c.unwire_links()
        else:
            if _failed:
                _keep_logs(var)
            c.script("stop", var, check=False, timeout=300)
        for link in c.links.values():
            link.close()
        if given or os.environ.get("ZSOG_KEEP_TEST_VAR"):
            print("cluster kept in", var)
        else:
            shutil.rmtree(var, ignore_errors=True)
