"""The teacher's pause leaves what the class discusses in view: the scam's line and the choices (or the
quiz question and its options) stay clear of the pause card, at every projector and screen size."""

import pygame
import pytest

from game.ui.modes.classroom import PausedScene
from game.ui.scenes.quiz import QuizScene

from test_classroom import classroom, open_scenario
from ui_helpers import layout_problems

SIZES = [(1920, 1080), (1280, 720), (3840, 2160), (1080, 1920), (1024, 768), (800, 1280)]


def paused_over(app, scene):
    for _ in range(3):
        app.step(0.05, [])
    app.controller.toggle_pause()
    app.step(0.05, [])
    card = app.stack.top
    assert isinstance(card, PausedScene)
    return card


def clashes(card, scene) -> list[str]:
    discussed = scene.discussed()
    assert discussed, "nothing under discussion to keep clear"
    return [f"{type(w).__name__}({getattr(w, 'text', '')!r}) {w.rect} under the card {card.card.rect}"
            for w in discussed if w.rect.colliderect(card.card.rect)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_pause_card_leaves_the_scams_line_and_the_choices_in_view(tmp_path, size):
    app, board = classroom(tmp_path, teams=4, size=size)
    scene = open_scenario(app, board)
    while scene.phase == "lines":
        scene.advance()
    card = paused_over(app, scene)
    assert clashes(card, scene) == []
    assert pygame.Rect(0, 0, *app.size).contains(card.card.rect)
    assert layout_problems(app, card) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_pause_card_leaves_the_quiz_question_and_its_options_in_view(tmp_path, size):
    app, board = classroom(tmp_path, teams=4, size=size)
    item = app.library.quiz_pools["quiz_basics"].items[0]
    scene = board.scene_open = QuizScene(app, item, board.players[1], None)
    app.stack.push(scene)
    card = paused_over(app, scene)
    assert clashes(card, scene) == []
    assert layout_problems(app, card) == []


def test_the_paused_scene_is_not_dimmed(tmp_path):
    app, board = classroom(tmp_path)
    scene = open_scenario(app, board)
    while scene.phase == "lines":
        scene.advance()
    card = paused_over(app, scene)
    assert card.veil_alpha == 0
