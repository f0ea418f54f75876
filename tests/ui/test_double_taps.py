"""A double tap on a button never acts on what the first tap brought up under the finger.

For each screen change of a simple game (title → set-up → board, the board's menu, a scam scene's
last line → its choices, a choice → the feedback card → the next node, a ringing call → the call,
a quiz answer → the explanation, the results), the old button is double-tapped 50–500 ms apart by
mouse, by finger, and by a finger with SDL's mouse copy of it: the second tap changes nothing.
A tap once the new screen is armed still works.
"""

import json

import pygame
import pytest

from game.content.models import Channel
from game.rules import PlayerScore, SessionScore
from game.ui.phone.feedback import FeedbackOverlay
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.scenario import ScenarioScene
from game.ui.scenes.title import TitleScene

from ui_helpers import frame, make_app, wait_until_armed

GAPS_MS = [50, 180, 300, 500]
INPUTS = ["mouse", "finger", "finger_with_mouse_copy"]
HOLD_S = 0.04    # the finger is down this long in each tap


@pytest.fixture(scope="module")
def app():
    app = make_app((1280, 720))
    app.update_settings(save=False, voice=False)
    yield app
    app.stack.scenes.clear()


def _events(app, kind: str, pos, down: bool) -> list:
    if kind == "mouse":
        t = pygame.MOUSEBUTTONDOWN if down else pygame.MOUSEBUTTONUP
        return [pygame.event.Event(t, pos=pos, button=1, touch=False)]
    w, h = app.window_size
    t = pygame.FINGERDOWN if down else pygame.FINGERUP
    out = [pygame.event.Event(t, x=pos[0] / w, y=pos[1] / h, touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0)]
    if kind == "finger_with_mouse_copy":
        mt = pygame.MOUSEBUTTONDOWN if down else pygame.MOUSEBUTTONUP
        out.append(pygame.event.Event(mt, pos=pos, button=1, touch=True))
    return out


def _tap(app, kind, pos) -> None:
    frame(app, 1 / 60, _events(app, kind, pos, True))
    frame(app, HOLD_S, _events(app, kind, pos, False))


def _state(app, choices: list) -> tuple:
    """What the player sees and has done: the screens, the top screen's detail and the choices taken."""
    top = app.stack.top
    return (tuple(id(s) for s in app.stack.scenes), json.dumps(top.trace_detail(), sort_keys=True, default=str),
            len(choices))


def _double_tap(app, kind, pos, gap_ms, choices) -> tuple[tuple, tuple]:
    """(state after the first tap, state after the second)."""
    _tap(app, kind, pos)
    after_first = _state(app, choices)
    waited = HOLD_S + 1 / 60
    while waited < gap_ms / 1000 - 1e-9:
        step = min(1 / 60, gap_ms / 1000 - waited)
        frame(app, step)
        waited += step
    _tap(app, kind, pos)
    for _ in range(3):
        frame(app)
    return after_first, _state(app, choices)


def _recording(app, monkeypatch) -> list:
    choices = []
    monkeypatch.setattr(app, "trace_event", lambda event, **data: choices.append(data) if event == "choice" else None,
                        raising=False)
    return choices


# ---------------------------------------------------------------- the screen changes
def _scenario_at_last_line(app):
    script = next(s for s in app.library.scenarios.values() if len(s.nodes[s.start].lines) > 1
                  and s.nodes[s.start].channel is not Channel.PHONE_CALL)
    scene = ScenarioScene(app, script, None, lambda r: None)
    app.stack.clear_to(scene)
    while scene.shown < len(scene.node.lines) - 1:
        scene.advance()
    wait_until_armed(app)
    return scene.next_button.rect.center


def _scenario_choices(app):
    _scenario_at_last_line(app)
    scene = app.stack.top
    scene.advance()
    wait_until_armed(app)
    return scene.choice_buttons[-1].rect.center


def _feedback_card(app):
    pos = _scenario_choices(app)
    scene = app.stack.top
    scene.choose(len(scene.choice_buttons) - 1)
    wait_until_armed(app)
    assert isinstance(app.stack.top, FeedbackOverlay)
    return app.stack.top.continue_button.rect.center or pos


def _ringing_call(app):
    script = next(s for s in app.library.scenarios.values() if s.nodes[s.start].channel is Channel.PHONE_CALL)
    scene = ScenarioScene(app, script, None, lambda r: None)
    app.stack.clear_to(scene)
    wait_until_armed(app)
    assert scene.ringing
    return scene.phone.hits.areas["answer"].center


def _quiz(app):
    pool = next(iter(app.library.quiz_pools.values()))
    scene = QuizScene(app, pool.items[0], None, lambda r: None)
    app.stack.clear_to(scene)
    wait_until_armed(app)
    return scene.options[-1].rect.center


def _title(app):
    app.stack.clear_to(TitleScene(app))
    wait_until_armed(app)
    return app.stack.top.start.rect.center


def _setup_audience(app):
    pos = _title(app)
    app.stack.top.begin()
    wait_until_armed(app)
    return app.stack.top.next_button.rect.center or pos


def _setup_players(app):
    _setup_audience(app)
    app.stack.top.next()
    wait_until_armed(app)
    return app.stack.top.start_button.rect.center


def _board_menu(app):
    _setup_players(app)
    app.stack.top.start()
    wait_until_armed(app)
    assert app.stack.top.name == "board"
    return app.stack.top.menu_button.rect.center


def _results(app):
    scene = ResultsScene(app, SessionScore.of([PlayerScore()]), players=[("小红", "red", PlayerScore())])
    app.stack.clear_to(scene)
    wait_until_armed(app)
    return scene.again.rect.center


CHANGES = {
    "title_to_setup": _title,
    "setup_audience_to_players": _setup_audience,
    "setup_players_to_board": _setup_players,
    "board_to_its_menu": _board_menu,
    "last_line_to_choices": _scenario_at_last_line,
    "choice_to_feedback": _scenario_choices,
    "feedback_to_next_node": _feedback_card,
    "ringing_call_to_the_call": _ringing_call,
    "quiz_answer_to_explanation": _quiz,
    "results_to_a_new_game": _results,
}


@pytest.mark.parametrize("gap_ms", GAPS_MS)
@pytest.mark.parametrize("kind", INPUTS)
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_the_second_tap_of_a_double_tap_does_nothing(app, monkeypatch, change, kind, gap_ms):
    choices = _recording(app, monkeypatch)
    pos = CHANGES[change](app)
    before = _state(app, choices)
    after_first, after_second = _double_tap(app, kind, pos, gap_ms, choices)
    assert after_first != before, "the first tap did not change the screen"
    assert after_second == after_first


def test_a_tap_after_arming_takes_the_choice_that_appeared(app, monkeypatch):
    choices = _recording(app, monkeypatch)
    pos = _scenario_at_last_line(app)
    _tap(app, "finger", pos)
    wait_until_armed(app)
    _tap(app, "finger", pos)
    assert len(choices) == 1


def test_a_tap_after_arming_closes_the_feedback_card(app, monkeypatch):
    _recording(app, monkeypatch)
    pos = _scenario_choices(app)
    _tap(app, "mouse", pos)
    assert isinstance(app.stack.top, FeedbackOverlay)
    card = app.stack.top
    wait_until_armed(app)
    _tap(app, "mouse", card.continue_button.rect.center)
    assert app.stack.top is not card


def test_a_single_finger_tap_with_its_mouse_copy_counts_once(app, monkeypatch):
    choices = _recording(app, monkeypatch)
    pos = _scenario_choices(app)
    _tap(app, "finger_with_mouse_copy", pos)
    assert len(choices) == 1
