"""Colours: every text/background pair of every theme meets its contrast target (WCAG formula),
the high-contrast theme at least 7:1; text the phone screens draw meets it against the pixels
actually under it; tokens stay apart without colour (shape + number)."""

import numpy as np
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

def _luminance(rgb: np.ndarray) -> np.ndarray:
    c = rgb / 255.0
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * c[..., 0] + 0.7152 * c[..., 1] + 0.0722 * c[..., 2]


def _drawn_text_contrast(theme):
    """(sample, text, ratio) for every text the phone samples draw: the text colour against the
    pixels that were under its glyphs (10th percentile, so a stray edge pixel does not count)."""
    found = []
    original = Ink.text

    def audited(self, surface, text, box, px, colour, **kw):
        area = pygame.Rect(box).clip(surface.get_rect())
        if area.w <= 0 or area.h <= 0 or not text.strip():
            return original(self, surface, text, box, px, colour, **kw)
        before = pygame.surfarray.array3d(surface.subsurface(area)).astype(float)
        drawn = original(self, surface, text, box, px, colour, **kw)
        after = pygame.surfarray.array3d(surface.subsurface(area)).astype(float)
        glyphs = (np.abs(after - np.array(colour, float)).sum(-1) < 30) & (np.abs(after - before).sum(-1) > 30)
        if glyphs.sum() >= 5:
            lt = _luminance(np.array(colour, float))
            lb = _luminance(before[glyphs])
            ratios = (np.maximum(lt, lb) + 0.05) / (np.minimum(lt, lb) + 0.05)
            found.append((current, text, float(np.percentile(ratios, 10))))
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

    from game.ui.scenes.setup import draw_token
    from game.ui.widgets import make_text_system
    fonts, text = make_text_system()

    class App(SimpleNamespace):
        def text_block(self, t, box, max_px, min_px, colour, bold=False, align="center"):
            from game.ui.widgets import render_block
            return render_block(self, t, box, max_px, min_px, colour, bold, align)

    app = App(theme=theme, unit=7.2, fonts=fonts, text=text,
              settings=SimpleNamespace(text_size="normal"))
    greys = []
    for i, (colour, shape) in enumerate(zip(PLAYER_COLOURS, ("circle", "square", "triangle", "diamond"))):
        with_number = pygame.Surface((80, 80))
        with_number.fill(theme.board)
        draw_token(app, with_number, shape, theme.player_colour(colour), (40, 40), 28, i + 1)
        bare = pygame.Surface((80, 80))
        bare.fill(theme.board)
        draw_token(app, bare, shape, theme.player_colour(colour), (40, 40), 28, None)
        assert pygame.surfarray.array3d(with_number).tobytes() != pygame.surfarray.array3d(bare).tobytes()
        greys.append((_luminance(pygame.surfarray.array3d(bare).astype(float)) > 0.5).tobytes())
    assert len(set(greys)) == 4
