"""Slow work (reading the content packs, copying one from a USB stick, loading the library again)
off the frame's thread.

``Job`` runs one function in a daemon thread; whoever started it looks at ``done``. ``JobRunner``
(one per App, ``services.jobs``) runs the operator's slow actions one at a time: ``start`` refuses
a second while one runs, and the App ``poll``s it at the start of every frame, so the job's
``then`` (using the result: showing it, swapping in a library loaded in the worker) runs on the
frame's thread between two frames, never in the middle of one. ``Job.run_now`` makes jobs run at
once in the caller's thread (tests); a runner then uses the result at once too.

The pattern is the county sync's (``game.stats.sync.BackgroundSyncer``): the worker only
computes, the frame thread only looks at what is finished.
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
        self.name = name
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
        except Exception as exc:  # noqa: BLE001 — the screen shows it (``error``); the game goes on
            log.warning("%s failed: %s", self.name, exc, exc_info=True)
            self.error = exc
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)


class JobRunner:
    """At most one slow job at a time; its ``then(job)`` runs on the frame's thread when ``poll``
    finds it finished (the job's ``error`` set instead of its ``result`` when it failed)."""

    def __init__(self) -> None:
        self._job: Job | None = None
        self._then: Callable[[Job], None] | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def running(self) -> str:
        """The name of the job running, '' when none."""
        return self._job.name if self._job is not None else ""

    def start(self, fn: Callable[[], Any], then: Callable[[Job], None], name: str) -> bool:
        """Run ``fn`` in a worker unless a job is running already (then False: nothing started)."""
        if self._job is not None:
            log.info("%s not started: %s is still running", name, self._job.name)
            return False
        self._job, self._then = Job(fn, name), then
        if self._job.done:       # Job.run_now
            self.poll()
        return True

    def poll(self) -> None:
        """The App, once per frame: a finished job's ``then`` runs now. The runner is free again
        before it runs, so ``then`` may start the next job."""
        job, then = self._job, self._then
        if job is None or not job.done:
            return
        self._job = self._then = None
        then(job)

    def wait(self, timeout: float | None = None) -> bool:
        """Tests and shut-down: wait for the running job to finish (its ``then`` runs at the next ``poll``)."""
        return self._job is None or self._job.wait(timeout)
