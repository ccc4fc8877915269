"""test_relay.py: the relay the link-cut tests stand between a node and the
centre: it relays both ways, a cut resets the open connections at once and
refuses new ones, a heal lets them in again. Needs no cluster."""
import socket
import threading

import pytest

from relay import Relay


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def echo():
    """A server that sends back what it reads, uppercased."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    stop = threading.Event()

    def serve(c):
        with c:
            while True:
                try:
                    data = c.recv(4096)
                except OSError:
                    return
                if not data:
                    return
                c.sendall(data.upper())

    def accept():
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                c, _ = srv.accept()
            except OSError:
                continue
            threading.Thread(target=serve, args=(c,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield srv.getsockname()[1]
    stop.set()
    srv.close()


def talk(port, text):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
        c.sendall(text)
        return c.recv(4096)


def test_relays_cuts_and_heals(echo):
    r = Relay(free_port(), echo).start()
    try:
        assert talk(r.listen_port, b"grzechotki") == b"GRZECHOTKI"
        held = socket.create_connection(("127.0.0.1", r.listen_port), timeout=5)
        held.sendall(b"a")
        assert held.recv(10) == b"A"
        r.cut()
        assert r.is_cut
        # the open connection is reset (or closed) at once, not left hanging
        try:
            held.sendall(b"b")
            got = held.recv(10)
        except (ConnectionResetError, BrokenPipeError):
            got = b""
        assert got == b""
        held.close()
        with pytest.raises(ConnectionRefusedError):
            talk(r.listen_port, b"x")
        r.heal()
        assert talk(r.listen_port, b"koroszczyn") == b"KOROSZCZYN"
        assert r.accepted == 3 and r.bytes >= 2 * len(b"grzechotkiakoroszczyn")
    finally:
        r.close()


def test_target_down_looks_like_no_relay():
    r = Relay(free_port(), free_port()).start()
    try:
        with socket.create_connection(("127.0.0.1", r.listen_port), timeout=5) as c:
            try:
                got = c.recv(10)
            except ConnectionResetError:
                got = b""
        assert got == b""
    finally:
        r.close()
