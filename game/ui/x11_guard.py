"""A lost X display is logged, not a silent death.

When the X server goes away or the game's window is destroyed (``xkill``, ``xdotool
windowkill``), Xlib calls its I/O error handler and then ends the process with exit
status 1 — no Python code runs after that. This installs a handler that first logs the
loss, writes a crash report and closes the statistics (the game in progress is recorded),
then lets Xlib exit. In kiosk mode the watchdog (``game.watchdog``) starts the game again.

Only on X11, and only where libX11 can be loaded; elsewhere it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

import pygame

log = logging.getLogger("game.operator")

_installed = []   # the ctypes callback must stay alive as long as Xlib may call it


def install(on_lost) -> bool:
    """Call ``on_lost()`` when the X connection breaks. True if the handler is in place."""
    if pygame.display.get_driver() != "x11":
        return False
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    try:
        xlib = ctypes.CDLL(name)
    except OSError:
        return False
    prototype = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)

    def handler(_display) -> int:
        try:
            log.error("the X display connection was lost (window destroyed or X server gone): the game stops")
            on_lost()
        except BaseException:  # noqa: BLE001 — nothing may escape into Xlib; it exits next
            log.exception("while handling the lost X display")
        return 0

    callback = prototype(handler)
    xlib.XSetIOErrorHandler.argtypes = [prototype]
    xlib.XSetIOErrorHandler(callback)
    _installed.append(callback)
    return True
