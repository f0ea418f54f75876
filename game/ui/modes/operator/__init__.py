"""The operator's screens: PIN pad, menu, settings, statistics.

Reached in every mode by a 3-second press in the top-left corner (or F12), then the
PIN (``game.settings.verify_pin``; 2468 until the operator sets their own, and the
menu asks for a new one while the default is in use). Five wrong PINs in a row lock
the pad for a minute. Settings are saved at once (``app.save_operator_settings``)."""

from .common import MODE_NAMES, OperatorScreen
from .menu import OperatorMenuScene
from .pin import PinPadScene
from .settings_page import OperatorSettingsScene
from .stats_page import OperatorStatsScene

__all__ = ["MODE_NAMES", "OperatorMenuScene", "OperatorScreen", "OperatorSettingsScene", "OperatorStatsScene",
           "PinPadScene"]
