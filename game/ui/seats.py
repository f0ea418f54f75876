"""Seats and tokens as every screen sees them: the colours' names, a seat chosen on the set-up
screen (``SeatPlan``), a player on the board (``PlayerInfo``) and how a token is drawn."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n.marker import N_
from .widgets import draw_shape, render_fitted

LANGUAGES = (("zh_Hans", "简体中文"), ("zh_Hant", "繁體中文"), ("en", "English"))
COLOUR_NAMES = {"red": N_("红方"), "yellow": N_("黄方"), "blue": N_("蓝方"), "green": N_("绿方")}
COMPUTER_POLICY = "cautious"


@dataclass(frozen=True)
class SeatPlan:
    """One seat chosen on the setup screen."""

    seat: int         # index into board.seats
    colour: str
    shape: str
    number: int       # 1-based, printed on the token
    computer: bool


@dataclass(frozen=True)
class PlayerInfo:
    """A player as the screens see it (passed to the scenario and quiz scenes)."""

    index: int          # index into the game's players
    seat: int           # index into board.seats
    colour: str
    shape: str
    number: int         # printed on the token
    computer: bool
    name: str           # e.g. "红方" (shown through app.tr)
    policy: object | None = None   # game.rules.policies.Policy for computer players

    @property
    def is_computer(self) -> bool:
        return self.computer


def player_name(player: PlayerInfo | None) -> str:
    """The name a scene shows for its player (a seat's colour name, a msgid; "" outside a game)."""
    return "" if player is None else player.name


def draw_token(app, surface, shape: str, colour, center, radius: float, number: int | None = None) -> None:
    """A seat's token: its shape in its colour, outlined, with its number on top."""
    t = app.theme
    outline = (255, 255, 255) if t.name != "high_contrast" else t.text
    edge = 1.12 if shape == "circle" else 1.2
    draw_shape(surface, shape, (40, 33, 28) if t.name != "high_contrast" else t.text, center, radius * edge)
    draw_shape(surface, shape, colour, center, radius, outline, max(2, round(radius * 0.12)))
    if number is not None and radius >= 6:
        px = max(8, round(radius * (0.95 if shape != "triangle" else 0.8)))
        s, _ = render_fitted(app, str(number), (round(radius * 2), round(radius * 2)), "body",
                             t.text_on(colour), True, max_px=px, min_px=6)
        r = s.get_rect(center=(round(center[0]), round(center[1] + (radius * 0.22 if shape == "triangle" else 0))))
        surface.blit(s, r)
