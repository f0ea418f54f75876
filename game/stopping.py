"""A clean stop on request from outside: the service manager, the terminal or Windows.

``StopRequest.install()`` turns SIGTERM (systemd's stop, ``kill``), SIGINT (Ctrl+C), SIGHUP
(the terminal closed) and, on Windows, Ctrl+Break and the console's close / log-off /
shut-down events into one flag that the main loop looks at between frames. The loop then
ends the way it always ends — the game in progress is written to the statistics — and the
process exits with status 0. A visitor's keys never reach this: only the operating system
does.

No pygame here: the kiosk watchdog uses it too.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

log = logging.getLogger("game.operator")

WINDOWS_CLOSE_WAIT_S = 4.0   # Windows ends the process about 5 s after a console close event


class StopRequest:
    def __init__(self) -> None:
        self.reason: str | None = None
        self._finished = threading.Event()
        self._listeners: list = []
        self._console_handler = None   # kept alive: Windows calls it through ctypes

    @property
    def requested(self) -> bool:
        return self.reason is not None

    def request(self, reason: str) -> None:
        if self.reason is None:
            self.reason = reason
            for listener in self._listeners:
                listener(reason)

    def on_request(self, listener) -> None:
        """``listener(reason)`` is called once, from the signal handler (keep it short)."""
        self._listeners.append(listener)

    def finished(self) -> None:
        """The program has saved what it must: a waiting Windows console handler may return."""
        self._finished.set()

    def install(self) -> "StopRequest":
        names = ["SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK"]
        for name in names:
            signum = getattr(signal, name, None)
            if signum is not None:
                try:
                    signal.signal(signum, self._on_signal)
                except (ValueError, OSError):   # not the main thread, or not allowed here
                    pass
        if sys.platform == "win32":
            self._install_console_handler()
        return self

    def _on_signal(self, signum, _frame) -> None:
        self.request(signal.Signals(signum).name)

    def _install_console_handler(self) -> None:  # pragma: no cover - Windows only
        import ctypes  # Windows only
        from ctypes import wintypes  # Windows only

        events = {2: "console closed", 5: "log-off", 6: "shut-down"}   # CTRL_CLOSE/LOGOFF/SHUTDOWN_EVENT

        @ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)
        def handler(event: int) -> bool:
            if event not in events:
                return False   # Ctrl+C and Ctrl+Break arrive as SIGINT / SIGBREAK
            self.request(events[event])
            self._finished.wait(WINDOWS_CLOSE_WAIT_S)
            return True

        self._console_handler = handler
        if not ctypes.windll.kernel32.SetConsoleCtrlHandler(handler, True):
            log.warning("the console's close event cannot be caught")
