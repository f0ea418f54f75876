"""The simulated phone's own buttons, tapped by a finger on every node of every shipped script:
each control either takes the offered choice tied to it (``phone_action``) or is greyed out and
explains itself, and never moves the scam on."""

import dataclasses

import pygame
import pytest

from game.content.loader import load_library
from game.content.models import Channel
from game.content.phone_actions import PHONE_ACTIONS
from game.ui.phone.feedback import FeedbackOverlay
from game.ui.scenes.scenario import ScenarioScene
from game.ui.scenes.scenario.controls import HINT_ANSWER_FIRST, respond

from ui_helpers import finger_tap, frame, make_app


@pytest.fixture(scope="module")
def app():
    app = make_app((1280, 720))
    yield app
    app.stack.scenes.clear()


def _library_scripts():
    return sorted(load_library(check_font=False).library.scenarios)


def _scene_at(app, scenario, node_id):
    """A scene that starts at ``node_id`` (as if the story had just arrived there from another screen)."""
    scene = ScenarioScene(app, dataclasses.replace(scenario, start=node_id))
    app.stack.clear_to(scene)
    frame(app, dt=0.6)
    return scene


def _tap(app, pos):
    finger_tap(app, pos)
    frame(app, events=pygame.event.get())
    frame(app, dt=0.05)


def _to_choices(app, scene):
    while scene.phase == "lines":
        scene.advance()
    frame(app, dt=0.6)


def _state(app, scene):
    return (scene.phase, scene.shown, scene.awaiting_answer, scene.runner.path, len(scene.runner.taken),
            app.stack.top is scene)


def _check_inactive(app, scene, control):
    before = _state(app, scene)
    _tap(app, scene.phone.hits.areas[control].center)
    assert _state(app, scene) == before, f"{control} changed the scene"
    assert scene.phone.hint_showing and scene.phone.hint_area == control


@pytest.mark.parametrize("script", _library_scripts())
def test_every_phone_control_does_what_it_shows_or_nothing(app, script):
    scenario = app.library.scenarios[script]
    for node_id, node in scenario.nodes.items():
        if node.is_ending:
            continue
        # While the lines show (or the phone rings), only the green "answer" of a plain incoming call works.
        scene = _scene_at(app, scenario, node_id)
        for control in sorted(scene.phone.hits.areas):
            assert control in PHONE_ACTIONS[node.channel] or control == "back", f"{node_id}: {control}"
            if scene.phase != "lines":
                break
            if scene.awaiting_answer and control == "answer":
                continue
            _check_inactive(app, scene, control)
        # With the choices on screen: a tied control is drawn, active and takes its choice; the rest are greyed.
        _to_choices(app, scene)
        tied = {c.phone_action: i for i, c in enumerate(scene.runner.choices) if c.phone_action}
        areas = dict(scene.phone.hits.areas)
        assert set(tied) <= set(areas), f"{node_id}: a tied control is not on the phone"
        assert scene.phone.active == frozenset(tied)
        for control in sorted(areas):
            if control not in tied:
                _check_inactive(app, scene, control)
        for control, index in tied.items():
            scene = _scene_at(app, scenario, node_id)
            _to_choices(app, scene)
            _tap(app, scene.phone.hits.areas[control].center)
            assert scene.runner.taken == (node.choices[index],), f"{node_id}: {control}"
            assert isinstance(app.stack.top, FeedbackOverlay)


def test_declining_a_ringing_call_does_not_answer_it(app):
    scene = _scene_at(app, app.library.scenarios["overseas_prize_call"], "call")
    assert scene.awaiting_answer
    _tap(app, scene.phone.hits.areas["decline"].center)
    assert scene.awaiting_answer and scene.shown == 0
    assert scene.phone.hint == HINT_ANSWER_FIRST


def test_the_green_button_answers_a_ringing_call(app):
    scene = _scene_at(app, app.library.scenarios["overseas_prize_call"], "call")
    _tap(app, scene.phone.hits.areas["answer"].center)
    assert not scene.awaiting_answer and scene.shown == 1


def test_a_call_whose_choice_is_to_answer_rings_through_its_lines(app):
    scenario = app.library.scenarios["warning_call_96110"]
    node_id = next(n.id for n in scenario.nodes.values()
                   if any(c.phone_action == "answer" for c in n.choices))
    scene = _scene_at(app, scenario, node_id)
    assert scene.state.ringing and not scene.awaiting_answer and scene.shown == 1
    _to_choices(app, scene)
    assert scene.state.ringing and scene.phone.active == {"answer", "decline"}


def test_a_near_miss_beside_the_hang_up_button_does_not_go_on(app):
    scenario = app.library.scenarios["medical_card_abnormal"]
    scene = _scene_at(app, scenario, "call")
    scene.advance()
    frame(app, dt=0.6)
    shown = scene.shown
    r = scene.phone.hits.areas["hang_up"]
    _tap(app, (r.right + r.w // 5, r.centery))
    assert scene.shown == shown


def test_the_hint_points_to_the_choices_below_in_portrait():
    choices = ()
    side = respond("mute", Channel.PHONE_CALL, "choices", False, choices, portrait=False)
    below = respond("mute", Channel.PHONE_CALL, "choices", False, choices, portrait=True)
    assert side.kind == below.kind == "hint" and side.hint != below.hint
