"""Slow operator work (copying a pack from a USB stick, checking it) off the frame's thread.

A screen starts a ``Job`` and looks at ``done`` in its ``update``: the frame never waits for the
stick or the disk. ``run_now`` makes jobs run at once in the caller's thread (tests).
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

log = logging.getLogger("game.operator")


class Job:
    """``fn()`` in a daemon thread; ``result`` or ``error`` once ``done``."""

    run_now = False     # tests: run in the caller's thread

    def __init__(self, fn: Callable[[], Any], name: str = "operator-job"):
        self.result: Any = None
        self.error: BaseException | None = None
        self._done = threading.Event()
        self._fn = fn
        if self.run_now:
            self._run()
        else:
            threading.Thread(target=self._run, name=name, daemon=True).start()

    def _run(self) -> None:
        try:
            self.result = self._fn()
        except Exception as exc:  # noqa: BLE001 — the screen shows it; the game goes on
            log.warning("operator job failed: %s", exc)
            self.error = exc
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)
