"""The board's list of players: a row each — token, name, money — whose words stay whole and inside
the frame round the current player's row, in any language and at any size.

The amount gets the width it needs on one line ("CN¥100,000", never "CN¥10 / 0,000"); the name gets
the rest: "黄方 2 · 电脑" on one line where it fits, else the name over what kind of player it is
("Yellow 2" / "Computer"), never broken inside a phrase ("Yellow 2 · / Computer")."""

from __future__ import annotations

import pygame

from ...widgets.fitting import role_px


TOKEN_SLOT = 0.8     # a row's token takes this share of its height across, from its left end
TOKEN_RADIUS = 0.36  # … and is drawn with this radius (of the row's height)


def token_centre(row: pygame.Rect) -> tuple[int, int]:
    return round(row.x + row.h * TOKEN_SLOT / 2), row.centery


def text_area(look, row: pygame.Rect) -> pygame.Rect:
    """The part of a row right of its token, clear of the current player's frame."""
    u = look.unit
    token_w = row.h * TOKEN_SLOT
    return pygame.Rect(round(row.x + token_w + u), row.y, round(row.w - token_w - 2.2 * u), row.h)


def amount_width(look, amounts: list[str], area_w: int) -> int:
    """The amounts' column: as wide as the widest amount at the list's own size where half the row
    allows it, else half the row, and never narrower than the amount at the smallest size."""
    want, low = role_px(look, "caption")
    widest = max((look.text.fonts.get(want, False).size(a)[0] for a in amounts), default=0) + look.unit
    floor = max((look.text.fonts.get(low, False).size(a)[0] for a in amounts), default=0) + 2
    return round(min(widest, max(area_w / 2, floor)))


def set_rows(look, rows, name_labels, amount_labels, names: list[str], kinds: list[str], amounts: list[str]) -> None:
    """Place and fill the list's labels: ``names`` ("Yellow 2"), ``kinds`` ("Computer", with a finishing
    place after it), ``amounts`` (money, formatted)."""
    if not rows:
        return
    u = look.unit
    area_w = text_area(look, rows[0]).w
    money_w = amount_width(look, amounts, area_w - u)
    for row, label, amount, name, kind, money in zip(rows, name_labels, amount_labels, names, kinds, amounts):
        area = text_area(look, row)
        label.rect = pygame.Rect(area.x, area.y, area.w - money_w - round(u), area.h)
        amount.rect = pygame.Rect(area.right - money_w, area.y, money_w, area.h)
        amount.max_lines = 1
        amount.set_text(money)
        label.max_lines = 1
        label.set_text(f"{name} · {kind}")
        if label.rect.w > 0 and not label.text_fits():
            label.max_lines = 2
            label.set_text(f"{name}\n{kind}")
