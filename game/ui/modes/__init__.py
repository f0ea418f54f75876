"""How the game is run: normal, kiosk (exhibition booth) or classroom.

``game.ui.navigation.CONTROLLERS`` names each mode's controller (``base.Controller`` and
subclasses). A controller sees every event before the scenes do (``raw_event``,
``intercept``), ticks with the App's clock (``update(dt)``, so tests drive it with
fake time), may keep a strip of the window (``layout``/``draw``: the teacher bar),
and names the mode's first screen (``home``). Every mode opens the operator
menu after a 3-second press in the top-left corner and the operator PIN.

Play statistics (``play_stats.PlayStats``) follow the scene stack in every mode.
"""
