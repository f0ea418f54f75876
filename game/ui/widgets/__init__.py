"""Widgets every screen is built from: buttons, labels, text boxes, cards, the dice, a focus ring.

Widgets are positioned by the scene's ``layout()`` (set ``widget.rect``) and
drawn with ``widget.draw(surface)``. A widget is given only the drawing context
(``game.ui.context.Drawing``); sizes come from its ``unit`` (1/100 of the short side) so the
same code serves a 1280×720 kiosk and a 4K projector.
Text is always fitted to its box (``game.ui.text``: Chinese line breaking,
then shrinking down to a minimum size); ``text_fits()`` says whether it
fitted at or above that minimum.
Rendered text comes from the text service (``look.text``: one cache for every screen and
the phone).

Modules: ``base`` (Widget, Label, TextBox, Panel), ``button``, ``dice``, ``focus`` (keyboard focus,
WidgetScene), ``read_aloud`` (朗读 that shows it speaks), ``screen`` (the backdrop, ScreenScene),
``fitting`` (text roles), ``shapes``, ``colours``.
"""

from .base import Card, Label, Panel, TextBox, Widget
from .button import BUTTON_STYLES, Button, same_label_size, same_text_size
from .colours import darker, lighter, mix
from .dice import PIPS, Dice
from .fitting import MAX_LINE_EMS, MIN_TEXT_UNITS, TEXT_ROLES, TEXT_SCALE, render_fitted, role_px
from .focus import FocusRing, WidgetScene
from .read_aloud import ReadAloudButton
from .screen import Backdrop, ScreenScene, draw_backdrop, frame_inset
from .shapes import draw_icon, draw_shape

__all__ = ["BUTTON_STYLES", "Backdrop", "Button", "Card", "Dice", "FocusRing", "Label", "MIN_TEXT_UNITS", "PIPS",
           "Panel", "ReadAloudButton", "ScreenScene", "TEXT_ROLES", "TEXT_SCALE", "TextBox", "Widget", "WidgetScene",
           "darker", "draw_backdrop", "draw_icon", "draw_shape", "frame_inset", "lighter", "mix", "render_fitted",
           "role_px", "same_label_size", "same_text_size", "MAX_LINE_EMS"]
