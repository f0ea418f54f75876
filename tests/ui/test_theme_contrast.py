"""Colours: every text/background pair of every theme meets its contrast target (WCAG formula),
the high-contrast theme at least 7:1; text the phone screens draw meets it against the pixels
actually under it; tokens stay apart without colour (shape + number)."""

import pygame
import pytest

from game.ui.phone.gallery import render, stub_app
from game.ui.phone.ink import Ink
from game.ui.phone.samples import sample_nodes
from game.ui.theme import HIGH_CONTRAST, TEXT_PAIRS, THEMES, WARM, colour_fields, contrast_ratio

PLAYER_COLOURS = ("red", "yellow", "blue", "green")


@pytest.fixture(scope="module", autouse=True)
def _pygame():
    pygame.init()
    yield


def test_high_contrast_target_is_at_least_seven():
    assert HIGH_CONTRAST.contrast_target >= 7.0
    assert WARM.contrast_target >= 4.5


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=lambda t: t.name)
@pytest.mark.parametrize("pair", TEXT_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_every_text_pair_meets_the_theme_target(theme, pair):
    fg, bg = (getattr(theme, name) for name in pair)
    ratio = contrast_ratio(fg, bg)
    assert ratio >= theme.contrast_target, f"{theme.name}: {pair} is {ratio:.2f}:1"


def test_pairs_name_real_colour_fields():
    fields = set(colour_fields())
    assert {name for pair in TEXT_PAIRS for name in pair} <= fields


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=lambda t: t.name)
def test_text_on_player_colours(theme):
    """Token numbers and avatar initials use the pair made for each player colour."""
    for name in PLAYER_COLOURS:
        colour = theme.player_colour(name)
        assert theme.text_on(colour) == getattr(theme, f"{name}_text")
        assert contrast_ratio(theme.text_on(colour), colour) >= theme.contrast_target


# ---------------------------------------------------------------- what the phone really draws

def _rgb_pixels(surface: pygame.Surface) -> list[tuple[int, int, int]]:
    data = pygame.image.tobytes(surface, "RGB")
    return [tuple(data[i:i + 3]) for i in range(0, len(data), 3)]


def _distance(a, b) -> int:
    return abs(a[0] - b[0]) + abs(a[1] - b[1]) + abs(a[2] - b[2])


def _percentile_10(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.1 * (len(ordered) - 1))]


def _drawn_text_contrast(theme):
    """(sample, text, ratio) for every text the phone samples draw: the text colour against the
    pixels that were under its glyphs (10th percentile, so a stray edge pixel does not count)."""
    found = []
    original = Ink.text

    def audited(self, surface, text, box, px, colour, **kw):
        area = pygame.Rect(box).clip(surface.get_rect())
        if area.w <= 0 or area.h <= 0 or not text.strip():
            return original(self, surface, text, box, px, colour, **kw)
        before = _rgb_pixels(surface.subsurface(area))
        drawn = original(self, surface, text, box, px, colour, **kw)
        after = _rgb_pixels(surface.subsurface(area))
        colour = tuple(colour[:3])
        # glyph pixels: now the text colour, and changed by the drawing
        under = [b for b, a in zip(before, after) if _distance(a, colour) < 30 and _distance(a, b) > 30]
        if len(under) >= 5:
            ratio_of = {b: contrast_ratio(colour, b) for b in set(under)}
            ratios = [ratio_of[b] for b in under]
            found.append((current, text, _percentile_10(ratios)))
        return drawn

    Ink.text = audited
    try:
        app = stub_app(theme=theme)
        for current in sample_nodes():
            render(current, (1280, 720), app)
    finally:
        Ink.text = original
    return found


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=lambda t: t.name)
def test_phone_text_meets_the_target_against_what_is_behind_it(theme):
    found = _drawn_text_contrast(theme)
    assert found, "no text was measured"
    low = [(name, text, round(r, 2)) for name, text, r in found if r < theme.contrast_target]
    assert low == []


# ---------------------------------------------------------------- colour-blind players

def test_seats_differ_in_shape_on_every_board():
    from game.content.loader import load_library
    lib = load_library().library
    for board in lib.boards.values():
        shapes = [seat.shape for seat in board.seats]
        assert len(set(shapes)) == len(shapes), board.id


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=lambda t: t.name)
def test_tokens_differ_without_colour(theme):
    """Grey pictures of the four seats' tokens are all different (shape), and the number shows."""
    from types import SimpleNamespace

    from game.ui.seats import draw_token
    from game.ui.text import TextService

    app = SimpleNamespace(theme=theme, unit=7.2, text=TextService(), text_scale_key="normal")
    greys = []
    for i, (colour, shape) in enumerate(zip(PLAYER_COLOURS, ("circle", "square", "triangle", "diamond"))):
        with_number = pygame.Surface((80, 80))
        with_number.fill(theme.board)
        draw_token(app, with_number, shape, theme.player_colour(colour), (40, 40), 28, i + 1)
        bare = pygame.Surface((80, 80))
        bare.fill(theme.board)
        draw_token(app, bare, shape, theme.player_colour(colour), (40, 40), 28, None)
        assert pygame.image.tobytes(with_number, "RGB") != pygame.image.tobytes(bare, "RGB")
        greys.append(bytes(contrast_ratio(p, (0, 0, 0)) > 11 for p in _rgb_pixels(bare)))
    assert len(set(greys)) == 4
