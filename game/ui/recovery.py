"""A crash is not the end: what the loop does with an exception nobody expected.

Every mode writes a crash report (traceback, screens on the stack, seed, frame) to
``user_data_dir()/logs/crash-<time>.txt`` so the operator can send it to us. In kiosk
mode the game then goes back to the attract loop instead of exiting: a park kiosk must
never show a desktop to the public. Other modes exit as before (a teacher or developer
is at the machine and sees the message).

If the attract screen itself keeps crashing (say, a board file that breaks the demo), the
next resets start the attract loop without its demo game; reports of a crash already
written in the last minute are counted, not written again, so a crash loop cannot fill the disk.
Crashes that keep coming slow the kiosk down (a pause before each new start, growing with
each crash: ``PAUSES_S``) instead of spinning a core, and after ``OUT_OF_ORDER_AFTER`` of them
the loop ends and the "out of order — please tell the staff" screen takes over.
"""

from __future__ import annotations

import hashlib
import logging
import time
import traceback
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..crashlog import write_report

log = logging.getLogger("game.operator")

SAME_CRASH_QUIET_S = 60.0  # a crash seen within this many seconds is counted, not written again
LOOP_WINDOW_S = 10.0       # this many crashes within this window mean the attract screen is the problem
LOOP_COUNT = 3
TROUBLE_WINDOW_S = 300.0   # crashes this close together are one run of trouble
PAUSES_S = (0.0, 1.0, 3.0, 10.0, 30.0)   # after the 1st, 2nd, … crash of a run
OUT_OF_ORDER_AFTER = 6


class CrashGuard:
    """Keeps a running kiosk alive through unexpected exceptions."""

    def __init__(self, app, clock=time.monotonic):
        self.app = app
        self.clock = clock
        self.crashes = 0                   # since the game started (shown to the operator)
        self.recent: list[float] = []      # times of the last crashes
        self.written: dict[str, float] = {}   # crash signature -> when its report was written
        self.last_report: Path | None = None
        self.demo_off = False
        self.trouble: list[float] = []     # times of the crashes of the current run of trouble
        self.pause_s = 0.0                 # the loop waits this long before the next frame
        self.out_of_order = False

    def recover(self, exc: BaseException) -> bool:
        """Report ``exc``; True if the game carries on (kiosk), False if it should stop."""
        self.crashes += 1
        self.last_report = self._report(exc)
        if self.app.controller.mode != "kiosk":
            return False
        now = self.clock()
        self.trouble = [t for t in self.trouble if now - t < TROUBLE_WINDOW_S] + [now]
        if len(self.trouble) >= OUT_OF_ORDER_AFTER:
            log.error("kiosk: %d crashes in %.0f minutes: out of order", len(self.trouble), TROUBLE_WINDOW_S / 60)
            self.out_of_order = True
            return True
        self.pause_s = PAUSES_S[min(len(self.trouble), len(PAUSES_S)) - 1]
        self.recent = [t for t in self.recent if now - t < LOOP_WINDOW_S] + [now]
        if len(self.recent) >= LOOP_COUNT and not self.demo_off:
            self.demo_off = True
            log.error("kiosk: %d crashes in %.0f s: the attract loop runs without its demo game from now on",
                      len(self.recent), LOOP_WINDOW_S)
        try:
            self._back_to_attract()
        except Exception:  # noqa: BLE001 — the reset itself failed: try again next frame
            log.exception("kiosk: could not go back to the attract loop")
        return True

    def take_pause(self) -> float:
        """The pause the loop owes after the last crash (then none until the next)."""
        pause, self.pause_s = self.pause_s, 0.0
        return pause

    def _back_to_attract(self) -> None:
        app = self.app
        controller = app.controller
        controller.frozen = False
        controller.reset()        # a new attract screen: it leaves the demo out once demo_off is set
        app.redraw_all()

    # ------------------------------------------------------------ report
    def _report(self, exc: BaseException) -> Path | None:
        text = "".join(traceback.format_exception(exc))
        signature = hashlib.sha1("".join(traceback.format_tb(exc.__traceback__)).encode()).hexdigest()[:12]
        now = self.clock()
        seen = self.written.get(signature)
        if seen is not None and now - seen < SAME_CRASH_QUIET_S:
            log.error("crash %s again (%d since start): %s", signature, self.crashes, exc)
            return self.last_report
        self.written[signature] = now
        path = write_report(self._describe(signature) + "\n" + text)
        log.error("crash %s (%d since start), report %s:\n%s", signature, self.crashes, path or "-", text)
        return path

    def _describe(self, signature: str) -> str:
        app = self.app
        screens = " > ".join(getattr(s, "name", type(s).__name__) for s in app.stack.scenes) or "(none)"
        return (f"反诈飞行棋 {__version__} crash report {signature}\n"
                f"time: {datetime.now().isoformat(timespec='seconds')}\n"
                f"mode: {app.controller.mode}, locale: {app.locale}, seed: {app.seed}, "
                f"frame: {app.frame}, window: {app.window_size[0]}x{app.window_size[1]}\n"
                f"screens: {screens}\n")

