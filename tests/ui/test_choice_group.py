"""The choices of one decision (and the answers of one question) are set as a group: one text size for all,
and an order that changes from play to play, so neither size nor place gives the safe one away."""

import dataclasses

import pytest

from game.content.models import Outcome
from game.rules.choice_order import shown_order
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.scenario import ScenarioScene
from game.ui.text import LINE_SPACING
from game.ui.widgets import role_px

from ui_helpers import frame, make_app

GROUP_SIZES = [(1024, 768), (800, 1280)]    # the narrowest: where one long choice would shrink most


@pytest.fixture(scope="module", params=GROUP_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def app(request):
    app = make_app(request.param)
    yield app
    app.stack.scenes.clear()


def _sizes(app, buttons) -> set[int]:
    """The pixel size each visible button's text is drawn at."""
    out = set()
    for b in buttons:
        if not b.visible:
            continue
        b.text_fits()                      # puts the label in the button's text area
        label = b.label
        want, low = role_px(app, label.role)
        top = min(want, label.max_px) if label.max_px else want
        out.add(app.text.fit(label.shown_text(), label.rect.w, label.rect.h, top, min(low, top),
                             bold=label.bold, line_spacing=LINE_SPACING).size)
    return out


def _decisions(library):
    for sid in sorted(library.scenarios):
        scenario = library.scenarios[sid]
        for node_id, node in scenario.nodes.items():
            if node.is_decision:
                yield scenario, node_id


def test_every_decision_is_set_in_one_text_size(app):
    for scenario, node_id in _decisions(app.library):
        scene = ScenarioScene(app, dataclasses.replace(scenario, start=node_id))
        app.stack.clear_to(scene)
        while scene.phase == "lines":
            scene.advance()
        sizes = _sizes(app, scene.choice_buttons)     # laid out as the choices show: no need to draw them
        assert len(sizes) == 1, f"{scenario.id}/{node_id}: {sizes}"
        assert all(b.text_fits() for b in scene.choice_buttons), f"{scenario.id}/{node_id}"


def test_every_quiz_question_is_set_in_one_text_size(app):
    for pool in app.library.quiz_pools.values():
        for index, item in enumerate(pool.items):
            scene = QuizScene(app, item, pool_id=pool.id, index=index)
            app.stack.clear_to(scene)
            frame(app)
            assert len(_sizes(app, scene.options)) == 1, f"{pool.id}/{item.id}"


def test_the_safe_choice_does_not_always_stand_in_the_same_place(app):
    """Over twenty plays, every decision shows its safe choice in more than one place."""
    for scenario, node_id in _decisions(app.library):
        choices = scenario.nodes[node_id].choices
        safe = next(i for i, c in enumerate(choices) if c.outcome is Outcome.SAFE)
        places = {shown_order(len(choices), seed, 0, scenario.id, node_id).index(safe) for seed in range(20)}
        assert len(places) > 1, f"{scenario.id}/{node_id}"


def _shown_texts(app, scenario, node_id):
    scene = ScenarioScene(app, dataclasses.replace(scenario, start=node_id))
    app.stack.clear_to(scene)
    return [b.text for b in scene.choice_buttons]


def test_the_buttons_follow_the_play_seed(app):
    scenario = app.library.scenarios["grandson_face_swap"]
    seed = app.seed
    try:
        seen = set()
        for s in range(12):
            app.seed = s
            first = _shown_texts(app, scenario, "video")
            assert _shown_texts(app, scenario, "video") == first     # stable within a play
            seen.add(tuple(first))
        assert len(seen) > 1
    finally:
        app.seed = seed


def test_a_shown_button_takes_its_own_choice(app):
    scenario = app.library.scenarios["grandson_face_swap"]
    scene = ScenarioScene(app, scenario)
    app.stack.clear_to(scene)
    while scene.phase == "lines":
        scene.advance()
    frame(app)
    assert [c.text for c in scene.shown_choices()] == [b.text for b in scene.choice_buttons]
    button = scene.choice_buttons[-1]
    button.on_click()
    assert scene.runner.taken[-1].text == button.text


def test_quiz_answers_keep_the_right_one_right_in_any_order(app):
    pool = next(iter(app.library.quiz_pools.values()))
    item = pool.items[0]
    seed = app.seed
    try:
        places = set()
        for s in range(12):
            app.seed = s
            scene = QuizScene(app, item, pool_id=pool.id, index=0)
            assert scene.item.options[scene.item.answer] == item.options[item.answer]
            assert sorted(scene.item.options) == sorted(item.options)
            places.add(scene.item.answer)
        assert len(places) > 1
    finally:
        app.seed = seed
