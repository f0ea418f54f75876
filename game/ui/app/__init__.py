"""The game window: ``App`` (the window, the session, the loop; scenes see it through the narrow
views of ``game.ui.context``) and the ``play`` command.

``python -m game play [--size WxH] [--fullscreen] [--locale L] [--pack ID] [--seed N]
[--autoplay] [--frames N] [--screenshots DIR] [--kiosk | --classroom] [--stats-db PATH]``.

Modes (``game.ui.modes``): normal, kiosk (attract loop, idle reset, no quitting, operator
menu) and classroom (teams, teacher bar). A mode controller sees every event first and may
keep a strip of the window for itself (the teacher bar); scenes then lay out in the rest,
``app.size``, while ``app.window_size`` is the whole window.

The loop runs at 60 fps only while something moves. When every visible scene
is still it blocks in ``pygame.event.wait`` in short slices, so a waiting
kiosk uses almost no CPU. Each pass ends with ``await asyncio.sleep(0)`` so
the same loop can later run in a browser build.

Modules: ``core`` (App, put together from ``window``, ``session`` and ``loop``) and
``command_line`` (the ``play`` command).
"""

from .command_line import add_arguments, build_app, run
from .core import DEFAULT_SIZE, LOCALES, MIN_SIZE, App
from .loop import IDLE_POLL_S, IDLE_SLICE_MS, CannotStart

__all__ = ["App", "CannotStart", "DEFAULT_SIZE", "IDLE_POLL_S", "IDLE_SLICE_MS", "LOCALES", "MIN_SIZE", "add_arguments",
           "build_app", "run"]
