"""How the game's window gets its pixels to the screen.

SDL's default on X11 and Windows sends the window's picture through a renderer (on a machine
without a graphics card: software OpenGL) and, whatever changed, uploads and draws the whole
window: 6–9 ms of CPU for every update at 1920×1080 on the test machine, even for the start
button's pulse, and about 100 MB of GL libraries in memory. The window's plain framebuffer (X11
shared memory, Windows GDI) sends just the changed rectangles: 0.02 ms for the pulse.
"""

from __future__ import annotations

import os

HINT = "SDL_FRAMEBUFFER_ACCELERATION"


def use_plain_framebuffer() -> None:
    """Before a window opens: draw into the window's own framebuffer (an operator may still set the
    variable to something else)."""
    os.environ.setdefault(HINT, "0")
