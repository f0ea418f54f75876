"""The kiosk's watchdog: the game runs as a child process and is started again when it dies.

A kiosk must survive what no exception handler sees: the X display lost or the window
destroyed (Xlib ends the process), a crash in C code, the process killed for memory. The
watchdog (a small parent process without pygame) logs each such end, writes a crash report
with the end of what the game printed, and starts the game again after a pause that grows
with each failure (``PAUSES_S``). After ``OUT_OF_ORDER_AFTER`` failures within
``TROUBLE_WINDOW_S`` it stops trying and starts the game's "out of order — please tell the
staff" screen instead, which costs no CPU.

It never restarts a game that ended on purpose (exit status 0: the operator's exit, or a
stop request) or one that says it cannot start here (``EXIT_CANNOT_START``: the message is on
screen and restarting would not help). SIGTERM, SIGINT and SIGHUP are passed on to the game,
which saves its statistics and exits; the watchdog then exits with status 0.

POSIX only: on Windows the kiosk runs without it (Task Scheduler restarts a failed task;
see the operator guide).
"""

from __future__ import annotations

import collections
import logging
import signal
import subprocess
import sys
import threading
import time
from logging.handlers import RotatingFileHandler

from .crashlog import logs_dir, write_report
from .startup_checks import EXIT_CANNOT_START
from .stopping import StopRequest

log = logging.getLogger("game.watchdog")

PAUSES_S = (2.0, 5.0, 15.0, 30.0, 60.0)   # before the 1st, 2nd, … restart of a run of failures
TROUBLE_WINDOW_S = 600.0                   # failures this close together are one run of trouble
OUT_OF_ORDER_AFTER = 5
STOP_WAIT_S = 5.0                          # a game asked to stop gets this long before it is killed
STDERR_LINES = 200                         # the end of the game's output kept for the report


def available() -> bool:
    return sys.platform != "win32"


def game_command(argv: list[str]) -> list[str]:
    """The command that runs ``python -m game ARGV`` the way this process was run (a bundle has no -m)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *argv]
    return [sys.executable, "-m", "game", *argv]


class Watchdog:
    def __init__(self, argv: list[str], stop: StopRequest, pauses=PAUSES_S, clock=time.monotonic):
        self.argv = argv
        self.stop = stop
        self.pauses = pauses
        self.clock = clock
        self.child: subprocess.Popen | None = None
        self.failures: list[float] = []
        self._woken = threading.Event()
        stop.on_request(lambda _reason: self._woken.set())

    def run(self) -> int:
        while True:
            code, output = self._run_child(self.argv + ["--watched"])
            if self.stop.requested:
                log.info("kiosk stopped (%s)", self.stop.reason)
                return 0
            if code == 0:
                return 0
            if code == EXIT_CANNOT_START:
                log.error("the game cannot start here (exit status %d); not restarting", code)
                return code
            self._record_failure(code, output)
            if len(self.failures) >= OUT_OF_ORDER_AFTER:
                log.error("%d failures within %.0f minutes: showing the out-of-order screen",
                          len(self.failures), TROUBLE_WINDOW_S / 60)
                code, _ = self._run_child(self.argv + ["--watched", "--out-of-order"])
                return 0 if self.stop.requested else code
            pause = self.pauses[min(len(self.failures), len(self.pauses)) - 1]
            log.warning("restarting the game in %.0f s", pause)
            self._woken.wait(pause)
            if self.stop.requested:
                return 0

    def _record_failure(self, code: int, output: list[str]) -> None:
        now = self.clock()
        self.failures = [t for t in self.failures if now - t < TROUBLE_WINDOW_S] + [now]
        how = describe_exit(code)
        text = (f"反诈飞行棋 watchdog report\nthe game process ended unexpectedly: {how}\n"
                f"failures in the last {TROUBLE_WINDOW_S / 60:.0f} minutes: {len(self.failures)}\n"
                f"command: {' '.join(game_command(self.argv))}\n\nlast lines the game printed:\n"
                + "".join(output))
        report = write_report(text)
        log.error("the game ended unexpectedly (%s); report %s", how, report or "-")

    def _run_child(self, argv: list[str]) -> tuple[int, list[str]]:
        output: collections.deque[str] = collections.deque(maxlen=STDERR_LINES)
        self.child = subprocess.Popen(game_command(argv), stderr=subprocess.PIPE, text=True,
                                      encoding="utf-8", errors="replace")
        reader = threading.Thread(target=_tee, args=(self.child.stderr, output), daemon=True)
        reader.start()
        forwarded = False
        while self.child.poll() is None:
            self._woken.wait(0.5)
            if self.stop.requested and not forwarded:
                forwarded = True
                self.child.send_signal(signal.SIGTERM)
                try:
                    self.child.wait(STOP_WAIT_S)
                except subprocess.TimeoutExpired:
                    log.error("the game did not stop within %.0f s: killed", STOP_WAIT_S)
                    self.child.kill()
        reader.join(timeout=2)
        self._woken.clear()
        return self.child.returncode, list(output)


def _tee(stream, keep: collections.deque) -> None:
    for line in stream:
        keep.append(line)
        try:
            sys.stderr.write(line)
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    if code == 1:
        return "exit status 1 (an uncaught error, or the X display was lost)"
    return f"exit status {code}"


def supervise(argv: list[str], stop: StopRequest) -> int:
    _log_to_file()
    log.info("kiosk watchdog started: %s", " ".join(argv))
    return Watchdog(argv, stop).run()


def _log_to_file() -> None:
    root = logging.getLogger()
    try:
        handler = RotatingFileHandler(logs_dir() / "watchdog.log", maxBytes=200_000, backupCount=2,
                                      encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    root.addHandler(console)
