"""How the game is run: normal, kiosk (exhibition booth) or classroom.

``make_controller(app)`` gives the App its mode controller (``base.Controller`` and
subclasses). A controller sees every event before the scenes do (``raw_event``,
``intercept``), ticks with the App's clock (``update(dt)``, so tests drive it with
fake time), may keep a strip of the window (``layout``/``draw``: the teacher bar),
and names the mode's first screen (``home_scene``). Every mode opens the operator
menu after a 3-second press in the top-left corner and the operator PIN.

Play statistics (``play_stats.PlayStats``) follow the scene stack in every mode.
"""

from __future__ import annotations


from ...i18n.marker import N_  # noqa: F401 (re-exported for the mode screens)


def make_controller(app):
    mode = getattr(app, "mode", "normal")
    if mode == "kiosk":
        from .kiosk import KioskController
        return KioskController(app)
    if mode == "classroom":
        from .classroom import ClassroomController
        return ClassroomController(app)
    from .base import Controller
    return Controller(app)


def switch_mode(app, mode: str) -> None:
    """The operator chose another mode: a new controller, and its first screen."""
    if mode == app.mode:
        return
    old = app.controller
    if old is not None:
        old.detach()
    app.mode = mode
    app.kiosk = mode == "kiosk"
    app.save_player_settings = True
    app.settings = app.saved_settings = app.settings_for_mode(mode)   # each mode keeps its own
    app.sound.settings = app.settings
    app.apply_settings()
    app.controller = make_controller(app)
    app._layout_window()
    app.stack.clear_to(app.home_scene())
    app.redraw_all()
