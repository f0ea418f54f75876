"""A computer player's scam scene plays itself at a reading pace and never waits for a person,
unless the pack lets the table decide for it (then the screen says so)."""

import dataclasses

import pygame
import pytest

from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.scenario import ScenarioScene
from game.ui.scenes.scenario.computer import PROMPT_TABLE, SHOW_CHOICE, read_time
from game.ui.seats import PlayerInfo

from ui_helpers import finger_tap, frame, make_app

STEP = 0.1


@pytest.fixture(scope="module")
def app():
    app = make_app((1280, 720))
    yield app
    app.stack.scenes.clear()


def computer_player():
    return PlayerInfo(index=1, seat=1, colour="blue", shape="square", number=2, computer=True, name="蓝方")


def _open(app, script="etc_link_sms"):
    results = []
    scene = ScenarioScene(app, app.library.scenarios[script], computer_player(), results.append)
    app.stack.clear_to(scene)
    frame(app)
    return scene, results


def test_a_computer_plays_its_scene_to_the_end_alone(app):
    scene, results = _open(app)
    for _ in range(int(600 / STEP)):
        if results:
            break
        frame(app, dt=STEP)
    assert len(results) == 1
    assert scene.runner.is_over


def test_each_line_stays_long_enough_to_read(app):
    scene, results = _open(app, "grandson_face_swap")
    t, since, last = 0.0, 0.0, (scene.node.id, scene.shown)
    while not results and t < 600:
        frame(app, dt=STEP)
        t += STEP
        now = (scene.node.id, scene.shown)
        if now != last and now[0] == last[0] and scene.phase in ("lines", "choices"):
            text = scene.session.tr(scene.node.lines[last[1] - 1].text)
            assert t - since >= read_time(text) - STEP, text
        if now != last:
            since, last = t, now


def test_a_tap_skips_the_wait(app):
    scene, _ = _open(app, "grandson_face_swap")
    shown = scene.shown
    finger_tap(app, scene.next_button.rect.center)
    frame(app, events=pygame.event.get())
    assert scene.shown == shown + 1


def test_the_computers_pick_is_shown_before_it_is_taken(app):
    scene, _ = _open(app)
    for _ in range(int(120 / STEP)):
        if scene.phase == "choices":
            break
        frame(app, dt=STEP)
    picked = []
    for _ in range(int(3 / STEP)):
        frame(app, dt=STEP)
        picked = [b for b in scene.choice_buttons if b.selected]
        if picked:
            break
    assert len(picked) == 1 and not scene.runner.taken
    for _ in range(int(SHOW_CHOICE / STEP) + 2):
        frame(app, dt=STEP)
    assert scene.runner.taken and scene.runner.taken[0].text == picked[0].text


def test_people_cannot_choose_for_a_computer_that_plays_itself(app):
    scene, _ = _open(app)
    while scene.phase == "lines":
        scene.advance()
    for _ in range(int(5 / STEP)):
        frame(app, dt=STEP)
        others = [b for b in scene.choice_buttons if not b.selected]
        assert others and not any(b.enabled for b in others)


def test_the_table_may_decide_for_the_computer(app):
    pack = app.current_pack()
    settings = dataclasses.replace(pack.settings, table_decides_for_computer=True)
    app.current_pack = lambda: dataclasses.replace(pack, settings=settings)
    try:
        scene, _ = _open(app)
        for _ in range(int(120 / STEP)):
            frame(app, dt=STEP)
        assert scene.phase == "choices" and not scene.runner.taken
        assert scene.prompt.text == PROMPT_TABLE and scene.prompt.visible
        assert all(b.enabled for b in scene.choice_buttons)
    finally:
        del app.current_pack


def _quiz(app):
    pool = next(iter(app.library.quiz_pools.values()))
    done = []
    scene = QuizScene(app, pool.items[0], computer_player(), done.append, pool_id=pool.id, index=0)
    app.stack.clear_to(scene)
    frame(app)
    return scene, done


def test_a_computer_answers_its_quiz_alone(app):
    scene, done = _quiz(app)
    assert not any(b.enabled for b in scene.options)
    for _ in range(int(300 / STEP)):
        if done:
            break
        frame(app, dt=STEP)
    assert len(done) == 1 and scene.answer is not None


def test_the_table_may_answer_the_computers_quiz(app):
    pack = app.current_pack()
    settings = dataclasses.replace(pack.settings, table_decides_for_computer=True)
    app.current_pack = lambda: dataclasses.replace(pack, settings=settings)
    try:
        scene, done = _quiz(app)
        for _ in range(int(60 / STEP)):
            frame(app, dt=STEP)
        assert scene.answer is None and not done
        assert scene.heading.text == PROMPT_TABLE
        assert all(b.enabled for b in scene.options)
    finally:
        del app.current_pack
