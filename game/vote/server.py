"""``VoteServer``: the phone-voting web server on its own thread and event loop.

The game thread only ever calls methods that take a lock for a few microseconds
(``snapshot``, ``open_question``, ``close_question``) or hand work to the server's loop
(``stop``); nothing it calls does network I/O. asyncio and aiohttp are imported on the server
thread, so a game that never starts phone voting never loads them.
"""

from __future__ import annotations

import io
import ipaddress
import logging
import secrets
import threading
from typing import Callable

from .book import VoteBook, VoteSnapshot

log = logging.getLogger("game.vote")

START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0
KEEPALIVE_SECONDS = 75.0


class VoteServerError(RuntimeError):
    """The server could not start (address in use, not this machine's address…); the message says why."""


class VoteServer:
    """One lesson's phone voting. See the package docstring for the whole API."""

    def __init__(self, host: str, port: int = 0, locale: str = "zh_Hans", *, room_code: str | None = None):
        try:
            address = ipaddress.IPv4Address(host)
        except ValueError:
            raise ValueError(f"host must be an IPv4 address of this machine (got {host!r})") from None
        if not 0 <= int(port) <= 65535:
            raise ValueError(f"port must be 0–65535 (got {port!r})")
        if room_code is not None and not (len(room_code) == 4 and room_code.isascii() and room_code.isdigit()):
            raise ValueError("room_code must be 4 digits")
        self.host = str(address)
        self.locale = locale
        self.room_code = room_code or str(1000 + secrets.randbelow(9000))
        self.book = VoteBook()
        self._port = int(port)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._app = None                           # VoteApp, on the server thread
        self._ready = threading.Event()
        self._done = threading.Event()
        self._error: BaseException | None = None
        self._state = "new"                        # new → starting → listening → stopped (or failed)
        self._lock = threading.Lock()              # guards _state between the game and server threads
        self._bound = False

    # ---- life cycle ----------------------------------------------------------------------------

    def start(self, wait: bool = True, timeout: float = START_TIMEOUT) -> None:
        """Start listening. ``wait=True`` returns once the socket is bound (VoteServerError if it
        cannot be); ``wait=False`` returns at once: watch ``status`` from the game loop."""
        with self._lock:
            if self._state != "new":
                raise RuntimeError("a VoteServer starts once; make a new one for the next lesson")
            self._state = "starting"
        self._thread = threading.Thread(target=self._run, name="vote-server", daemon=True)
        self._thread.start()
        if wait:
            if not self._ready.wait(timeout):
                self.stop()
                raise VoteServerError(f"the vote server did not start within {timeout:.0f} s")
            if self._error is not None:
                raise VoteServerError(self.error) from self._error

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Stop listening; phones waiting are told the voting has ended. Votes stay readable.
        Safe to call more than once, from any state."""
        with self._lock:
            before = self._state
            if before in ("new", "stopped", "failed"):
                self._state = "stopped" if before == "new" else before
                return
            self._state = "stopped"
        loop, thread = self._loop, self._thread
        # While still starting, the server thread sees "stopped" itself and never serves.
        if before == "listening" and loop is not None:
            try:
                loop.call_soon_threadsafe(self._shut_down)
            except RuntimeError:       # the loop closed meanwhile
                pass
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def __enter__(self) -> "VoteServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def status(self) -> str:
        """``new``, ``starting``, ``listening``, ``stopped`` or ``failed`` (see ``error``)."""
        return self._state

    @property
    def error(self) -> str | None:
        """Why the server failed to start, in words a teacher can act on; None otherwise."""
        exc = self._error
        if exc is None:
            return None
        if isinstance(exc, OSError) and exc.errno in (98, 10048):        # EADDRINUSE (Linux, Windows)
            return f"port {self._port} on {self.host} is already in use"
        if isinstance(exc, OSError) and exc.errno in (99, 10049):        # EADDRNOTAVAIL
            return f"{self.host} is not an address of this computer (network changed?)"
        return f"{type(exc).__name__}: {exc}"

    # ---- what the projector shows -------------------------------------------------------------

    @property
    def port(self) -> int | None:
        """The port listened on (chosen by the system when 0 was asked), once listening."""
        return self._port if self._bound else None

    @property
    def url(self) -> str:
        """``http://192.168.1.20:8765/`` — to show under the QR code, for typing by hand."""
        if self.port is None:
            raise RuntimeError("the vote server is not listening yet")
        host = self.host if self.host != "0.0.0.0" else _shown_address()
        return f"http://{host}:{self.port}/"

    @property
    def join_url(self) -> str:
        """The QR code's URL: ``url`` with the room code, so a scan joins without typing."""
        return f"{self.url}?c={self.room_code}"

    def qr_matrix(self) -> tuple[tuple[bool, ...], ...]:
        """The join URL's QR code, True = dark module, without the quiet zone (draw 4 modules
        of light margin around it; ``game.ui.qr.qr_surface(server.join_url, size)`` does)."""
        import segno   # loaded when a vote starts, not at the game's start-up
        code = segno.make_qr(self.join_url, error="m")
        return tuple(tuple(bool(v) for v in row) for row in code.matrix)

    def qr_png(self, scale: int = 8, border: int = 4) -> bytes:
        """The join URL's QR code as PNG bytes (``scale`` pixels per module)."""
        import segno   # loaded when a vote starts, not at the game's start-up
        out = io.BytesIO()
        segno.make_qr(self.join_url, error="m").save(out, kind="png", scale=scale, border=border)
        return out.getvalue()

    # ---- the vote (the game thread) -----------------------------------------------------------

    def open_question(self, question_id: str, options, prompt: str = "", seconds: float | None = None) -> None:
        """Ask the phones: ``options`` are the texts of A, B, C… (2–8). Closes any open question."""
        self.book.open_question(question_id, options, prompt, seconds)

    def close_question(self) -> dict[str, int]:
        """Stop taking ballots; the final letter → count."""
        return self.book.close_question()

    def snapshot(self) -> VoteSnapshot:
        """The live split: a copy made under a lock, never waits on the network."""
        return self.book.snapshot()

    def results(self, question_id: str) -> dict[str, int]:
        return self.book.results(question_id)

    # ---- the server thread --------------------------------------------------------------------

    def _run(self) -> None:
        import asyncio     # here, not at the top: importing game.vote must not slow the game's start-up

        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        runner = None
        serve = False
        try:
            runner = loop.run_until_complete(self._listen())
        except BaseException as exc:              # noqa: BLE001 — reported through status/error
            self._error = exc
            with self._lock:
                self._state = "failed"
            log.warning("vote server failed to start: %s", self.error)
        else:
            with self._lock:
                if self._state == "starting":
                    self._state = "listening"
                    serve = True
        self._ready.set()
        try:
            if serve:
                log.info("vote server listening on %s:%s", self.host, self._port)
                loop.run_forever()
            if runner is not None:
                if self._app is not None:
                    self._app.stop()
                loop.run_until_complete(runner.cleanup())
        finally:
            self.book.on_change = None
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._done.set()

    async def _listen(self):
        import asyncio   # loaded when a vote starts, not at the game's start-up

        from aiohttp import web   # loaded when a vote starts, not at the game's start-up

        from .app import VoteApp   # loaded when a vote starts, not at the game's start-up

        self._app = VoteApp(self.book, self.room_code, self.host, self.locale)
        runner = web.AppRunner(self._app.application(), access_log=None, handle_signals=False,
                               keepalive_timeout=KEEPALIVE_SECONDS, max_line_size=4096, max_field_size=4096,
                               auto_decompress=False, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self._port)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._port = _bound_port(runner, self._port)
        self._app.port = self._port
        self._bound = True
        loop = asyncio.get_running_loop()
        self.book.on_change = _call_on(loop, self._app.wake)
        return runner

    def _shut_down(self) -> None:
        """On the loop: tell waiting phones, then leave ``run_forever`` so ``_run`` cleans up."""
        import asyncio   # loaded when a vote starts, not at the game's start-up

        if self._app is not None:
            self._app.stop()
        loop = asyncio.get_running_loop()
        loop.call_soon(loop.stop)


def _call_on(loop: asyncio.AbstractEventLoop, callback: Callable[[], None]) -> Callable[[], None]:
    def call() -> None:
        try:
            loop.call_soon_threadsafe(callback)
        except RuntimeError:        # the loop has closed: nobody is waiting any more
            pass
    return call


def _bound_port(runner, asked: int) -> int:
    for server in getattr(runner, "addresses", []) or []:
        if isinstance(server, tuple) and len(server) >= 2:
            return int(server[1])
    return asked


def _shown_address() -> str:
    from .net import default_interface   # loaded when a vote starts, not at the game's start-up
    interface = default_interface()
    return interface.address if interface else "127.0.0.1"
