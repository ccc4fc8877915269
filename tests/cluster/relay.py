#!/usr/bin/python3
"""relay.py: a TCP relay that a test can cut and heal, standing for the
link between a crossing node and the centre (tests/cluster/, docs/scale.md).

A cut closes the listening socket and aborts every relayed connection
(the peers see a reset at once, as when a router between them restarts);
while cut, a connection attempt is refused. A heal listens again: the
replica threads of MariaDB reconnect on their own (MASTER_CONNECT_RETRY).

Python's standard library only (asyncio), so the tests need no package
beyond Debian's python3. Two ways to use it:

  in a test:   r = Relay(listen_port, target_port); r.start(); r.cut(); r.heal(); r.close()
  by hand:     tests/cluster/relay.py LISTEN:TARGET [LISTEN:TARGET ...]
               (SIGUSR1 cuts, SIGUSR2 heals, SIGTERM ends)
"""
import asyncio
import signal
import sys
import threading

HOST = "127.0.0.1"
CHUNK = 65536


class Relay:
    """One listening port relayed to one target port on loopback. Its own
    event loop runs in a daemon thread; every method may be called from
    any other thread and returns when the change is done."""

    def __init__(self, listen_port, target_port, host=HOST):
        self.listen_port, self.target_port, self.host = listen_port, target_port, host
        self.loop = None
        self.thread = None
        self.server = None
        self.conns = set()		# (reader-side writer, target-side writer)
        self.accepted = 0		# connections relayed since start
        self.bytes = 0			# bytes relayed, both ways

    # -- the controlling thread's side ------------------------------------
    def start(self):
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run():
            asyncio.set_event_loop(self.loop)
            self.loop.call_soon(ready.set)
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, name="relay-%d" % self.listen_port, daemon=True)
        self.thread.start()
        ready.wait()
        self._call(self._listen())
        return self

    def cut(self):
        """Stops listening and resets every relayed connection."""
        self._call(self._cut())

    def heal(self):
        """Listens again; a no-op when not cut."""
        self._call(self._listen())

    @property
    def is_cut(self):
        return self.server is None

    def close(self):
        if self.loop is None:
            return
        self._call(self._cut())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()
        self.loop = None

    def _call(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)

    # -- the loop's side ---------------------------------------------------
    async def _listen(self):
        if self.server is None:
            self.server = await asyncio.start_server(
                self._accept, self.host, self.listen_port, reuse_address=True)

    async def _cut(self):
        if self.server is not None:
            self.server.close()
            self.server = None
        for a, b in list(self.conns):
            for w in (a, b):
                w.transport.abort()
        self.conns.clear()

    async def _accept(self, reader, writer):
        try:
            t_reader, t_writer = await asyncio.open_connection(self.host, self.target_port)
        except OSError:
            # The target is down: the peer sees the same as without a relay.
            writer.transport.abort()
            return
        pair = (writer, t_writer)
        self.conns.add(pair)
        self.accepted += 1
        await asyncio.gather(self._pump(reader, t_writer), self._pump(t_reader, writer))
        self.conns.discard(pair)

    async def _pump(self, reader, writer):
        try:
            while True:
                data = await reader.read(CHUNK)
                if not data:
                    break
                self.bytes += len(data)
                writer.write(data)
                await writer.drain()
        except (OSError, asyncio.CancelledError):
            pass
        finally:
            # One side closed: the other follows, as a direct link would.
            writer.transport.abort()


def main(argv):
    pairs = []
    for a in argv:
        listen, _, target = a.partition(":")
        if not (listen.isdigit() and target.isdigit()):
            print("usage: relay.py LISTEN:TARGET [LISTEN:TARGET ...]", file=sys.stderr)
            return 2
        pairs.append((int(listen), int(target)))
    if not pairs:
        print("usage: relay.py LISTEN:TARGET [LISTEN:TARGET ...]", file=sys.stderr)
        return 2
    relays = [Relay(l, t).start() for l, t in pairs]
    done = threading.Event()
    signal.signal(signal.SIGUSR1, lambda *_: [r.cut() for r in relays])
    signal.signal(signal.SIGUSR2, lambda *_: [r.heal() for r in relays])
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    while not done.wait(1):
        pass
    for r in relays:
        r.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
