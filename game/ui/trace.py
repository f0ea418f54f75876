"""``play --trace FILE``: what the game shows and does, as JSON lines, for tests that drive it
from outside (``tests/x11`` clicks with xdotool where the trace says a control is).

Lines (one JSON object each, flushed at once):

* ``{"event": "start", "pid", "window": [w, h]}`` — the window is open;
* ``{"event": "screen", "frame", "screen", "screens", "window", "controls": [...], "detail"}`` —
  written after a frame whose screens, controls or detail (``Scene.trace_detail``: the next line
  of a scene, …) differ from the last line's. A control is
  ``{"name", "text", "rect": [x, y, w, h], "enabled", "selected", "armed", "screen"}`` in window pixels,
  topmost screen last; only controls a finger can use (visible, interactive) are listed; ``armed`` is
  false while the control has only just appeared and a tap on it is refused (``game.ui.tap_guard``);
  the simulated phone's places are listed as ``phone`` (the rest of it) and ``phone_<area>``
  (``phone_answer``, ``phone_decline``, ``phone_hang_up``, …);
* ``{"event": "ready", "screen"}`` — the content is loaded (after the first frame);
* ``{"event": "choice", "screen", "index", "text", "outcome"}`` — the player took a choice
  or answered a quiz question;
* ``{"event": "end", "reason"}`` — the loop ended.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path


class Trace:
    def __init__(self, path: str | Path):
        self._file = open(path, "a", encoding="utf-8", buffering=1)
        self._last = None

    def write(self, event: str, **data) -> None:
        self._file.write(json.dumps({"event": event, "t": round(time.time(), 3), **data}, ensure_ascii=False) + "\n")

    def start(self, app) -> None:
        self.write("start", pid=os.getpid(), window=list(app.window_size))

    def after_frame(self, app) -> None:
        screens = [getattr(s, "name", type(s).__name__) for s in app.stack.scenes]
        controls = list(_controls(app))
        detail = app.stack.top.trace_detail() if app.stack.top is not None else {}
        snapshot = (tuple(screens), tuple(app.window_size), json.dumps([controls, detail], sort_keys=True))
        if snapshot == self._last:
            return
        self._last = snapshot
        self.write("screen", frame=app.frame, screen=screens[-1] if screens else None, screens=screens,
                   window=list(app.window_size), controls=controls, detail=detail)

    def close(self, reason: str) -> None:
        if not self._file.closed:
            self.write("end", reason=reason)
            self._file.close()


def _controls(app):
    ox, oy = app.screen.get_abs_offset()   # scenes draw below the classroom's teacher bar
    arming = [rect for rect, _ in app.tap_guard.arming()]
    for scene in app.stack.visible():
        name = getattr(scene, "name", type(scene).__name__)
        for widget in scene.widgets():
            areas = getattr(widget, "tap_areas", None)
            if areas is not None and getattr(widget, "visible", True):
                for area, r in areas():   # the phone's own buttons: "phone_decline", "phone_hang_up", …
                    yield {"name": f"phone_{area}" if area != "phone" else "phone", "text": "",
                           "rect": [r.x + ox, r.y + oy, r.w, r.h], "enabled": True, "selected": False,
                           "armed": r not in arming, "screen": name}
                continue
            if not getattr(widget, "focusable", False) or not getattr(widget, "visible", True):
                continue
            r = widget.rect
            if r.w <= 0 or r.h <= 0:
                continue
            yield {"name": getattr(widget, "name", ""), "text": str(getattr(widget, "text", "")),
                   "rect": [r.x + ox, r.y + oy, r.w, r.h], "enabled": bool(getattr(widget, "enabled", True)),
                   "selected": bool(getattr(widget, "selected", False)), "armed": r not in arming,
                   "screen": name}
