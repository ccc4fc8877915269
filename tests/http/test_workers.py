"""test_workers.py: the process model under stress: a worker killed in the
middle of a load is replaced and the service keeps answering; SIGTERM to a
master lets the request in hand finish, stops its workers and removes its
socket. The SIGTERM test runs on an extra portal master of its own, never
on the shared stack's."""
import os
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time

import requests


def children(pid):
    """The live child pids of pid (a master's workers)."""
    out = set()
    try:
        tasks = os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return out
    for t in tasks:
        try:
            with open("/proc/%d/task/%s/children" % (pid, t)) as f:
                out.update(int(c) for c in f.read().split())
        except FileNotFoundError:
            pass
    return {c for c in out if alive(c)}


def alive(pid):
    """Running, not a zombie waiting for its parent."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_until(cond, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return cond()


def workers_alive_metric(stack):
    text = requests.get(stack.base + "/metrics", timeout=10).text
    for line in text.splitlines():
        if line.startswith('zsog_workers_alive{service="portal"}'):
            return int(line.split()[-1])
    return None


def test_killed_worker_is_replaced_and_service_keeps_answering(stack):
    with open(os.path.join(stack.var, "run", "portal.pid")) as f:
        master = int(f.read())
    before = children(master)
    assert len(before) == 3, before

    statuses, lock, done = [], threading.Lock(), [0]

    def load(n):
        s = requests.Session()
        for _ in range(n):
            try:
                code = s.get(stack.base + "/", timeout=10).status_code
            except requests.RequestException:
                code = 0
            with lock:
                statuses.append(code)
                done[0] += 1

    threads = [threading.Thread(target=load, args=(75,)) for _ in range(4)]
    for t in threads:
        t.start()
    # Kill a worker once the load is well under way.
    assert wait_until(lambda: done[0] >= 60, 60), "load did not start"
    victim = sorted(before)[0]
    os.kill(victim, signal.SIGKILL)
    killed_at = done[0]
    for t in threads:
        t.join(120)
    assert len(statuses) == 300
    assert killed_at < 300, "the kill came after the load had ended"

    # Only requests in flight in the killed worker may have failed.
    bad = [c for c in statuses if c != 200]
    assert len(bad) <= 3, bad
    assert set(bad) <= {502}, bad

    assert wait_until(lambda: len(children(master)) == 3, 10), children(master)
    after = children(master)
    assert victim not in after
    assert len(after - before) == 1, "exactly one new worker"
    assert wait_until(lambda: workers_alive_metric(stack) == 3, 10)
    for _ in range(20):
        assert requests.get(stack.base + "/", timeout=10).status_code == 200
    assert "worker %d ended (signal 9)" % victim in stack.log("portal")


# ---- a minimal FastCGI client, to talk to a master nginx does not know ----

BEGIN, END, PARAMS, STDIN, STDOUT = 1, 3, 4, 5, 6


def record(rtype, body=b"", rid=1):
    pad = (8 - len(body) % 8) % 8
    return struct.pack(">BBHHBB", 1, rtype, rid, len(body), pad, 0) + body + b"\0" * pad


def pairs(env):
    out = b""
    for k, v in env.items():
        k, v = k.encode(), v.encode()
        for n in (len(k), len(v)):
            out += bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)
        out += k + v
    return out


def read_response(sock):
    """STDOUT until END_REQUEST; None if the connection closed first."""
    buf, out = b"", b""
    while True:
        while len(buf) >= 8:
            _, rtype, _, clen, pad, _ = struct.unpack(">BBHHBB", buf[:8])
            if len(buf) < 8 + clen + pad:
                break
            body, buf = buf[8:8 + clen], buf[8 + clen + pad:]
            if rtype == STDOUT:
                out += body
            elif rtype == END:
                return out
        data = sock.recv(65536)
        if not data:
            return None
        buf += data


def fcgi_get(path, uri="/"):
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(30)
    s.connect(path)
    s.sendall(record(BEGIN, struct.pack(">HB5x", 1, 0)) + record(PARAMS, pairs({
        "REQUEST_METHOD": "GET", "REQUEST_URI": uri, "SCRIPT_NAME": uri,
        "HTTP_ACCEPT_LANGUAGE": "en"})) + record(PARAMS) + record(STDIN))
    out = read_response(s)
    s.close()
    assert out is not None, "connection closed without an answer"
    return out


def start_extra_master(stack, tmp):
    """A second portal master on its own socket; its run dir (metrics) is
    its own too, so the shared stack's counters stay untouched."""
    run = os.path.join(tmp, "run")
    os.makedirs(os.path.join(run, "metrics"))
    conf = os.path.join(tmp, "zsog.hdf")
    with open(os.path.join(stack.var, "etc", "zsog.hdf")) as f:
        text = f.read()
    with open(conf, "w") as f:
        f.write(text + "\nPaths.Run = %s\n" % run)
    sock = os.path.join(tmp, "extra.sock")
    log = open(os.path.join(tmp, "extra.log"), "wb")
    proc = subprocess.Popen(
        [os.path.join(stack.root, os.environ.get("ZSOG_BUILD", "build"), "zsog-portal"),
         "-c", conf, "-s", sock, "-w", "2"], stdout=log, stderr=log)
    log.close()
    return proc, sock


def test_sigterm_stops_master_and_workers_after_request_in_hand(stack):
    with tempfile.TemporaryDirectory(prefix="zsog-extra-") as tmp:
        proc, path = start_extra_master(stack, tmp)
        try:
            assert wait_until(lambda: len(children(proc.pid)) == 2, 15), \
                open(os.path.join(tmp, "extra.log")).read()
            assert os.path.exists(path)
            workers = children(proc.pid)
            # A whole request first: a worker is then past its start and
            # back in accept, so the next request is taken at once.
            assert fcgi_get(path).startswith(b"Status: 200")

            # A request in hand: headers sent, half of its body still on
            # the way when the master is told to stop.
            body = b"a=1&b=22222"
            s = socket.socket(socket.AF_UNIX)
            s.settimeout(15)
            s.connect(path)
            s.sendall(record(BEGIN, struct.pack(">HB5x", 1, 0)) + record(PARAMS, pairs({
                "REQUEST_METHOD": "POST", "REQUEST_URI": "/", "SCRIPT_NAME": "/",
                "CONTENT_TYPE": "application/x-www-form-urlencoded",
                "CONTENT_LENGTH": str(len(body)), "HTTP_ACCEPT_LANGUAGE": "en"}))
                + record(PARAMS) + record(STDIN, body[:4]))
            time.sleep(0.5)
            proc.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            s.sendall(record(STDIN, body[4:]) + record(STDIN))
            out = read_response(s)
            s.close()
            assert out is not None, "the request in hand was dropped"
            assert out.startswith(b"Status: 405"), out[:200]

            proc.wait(timeout=15)
            assert proc.returncode == 0
            assert not any(alive(w) for w in workers), workers
            assert not os.path.exists(path), "socket left behind"
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
