"""The quiz scene: layout before and after answering at four sizes, right/wrong by finger."""

import pygame
import pytest

from game.ui.scenes.quiz import QuizScene

from ui_helpers import SIZES, finger_tap, frame, layout_problems, make_app, seat_player


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def app(request):
    app = make_app(request.param)
    yield app
    app.stack.scenes.clear()


def _items(lib):
    """The longest question, the item with most options, and one with two options if any."""
    items = [i for p in lib.quiz_pools.values() for i in p.items]
    picks = {max(items, key=lambda i: len(i.question)).id: None,
             max(items, key=lambda i: (len(i.options), sum(map(len, i.options)))).id: None,
             max(items, key=lambda i: len(i.explanation)).id: None}
    return [i for i in items if i.id in picks]


def tap(app, pos):
    finger_tap(app, pos)
    frame(app, events=pygame.event.get())


def test_quiz_layout_before_and_after(app):
    for item in _items(app.library):
        for pick in {item.answer, (item.answer + 1) % len(item.options)}:
            scene = QuizScene(app, item, seat_player("小明"), lambda c: None)
            app.stack.clear_to(scene)
            frame(app)
            assert layout_problems(app, scene) == [], item.id
            for b in scene.options:
                assert b.rect.h >= min(app.size) / 10
            scene.pick(pick)
            frame(app)
            assert layout_problems(app, scene) == [], item.id
            assert scene.explanation.visible and scene.continue_button.visible


@pytest.mark.parametrize("right", [True, False])
def test_answer_by_finger_reports_correctness(app, right):
    item = _items(app.library)[0]
    done = []
    scene = QuizScene(app, item, None, lambda result: done.append(result.correct))   # on_done gets the SceneResult
    app.stack.clear_to(scene)
    frame(app)
    shown = scene.item                      # the answers in the order this play shows them
    index = shown.answer if right else (shown.answer + 1) % len(shown.options)
    tap(app, scene.options[index].rect.center)
    assert scene.answer is not None and scene.answer.correct is right
    assert scene.badge.text == ("答对了" if right else "答错了")
    tap(app, scene.continue_button.rect.center)
    assert done == [right]
    assert scene not in app.stack.scenes
    assert scene.result().correct is right


def test_extra_large_text_still_fits(app):
    app.update_settings(save=False, text_size="extra_large")
    try:
        for item in _items(app.library):
            scene = QuizScene(app, item)
            app.stack.clear_to(scene)
            frame(app)
            assert layout_problems(app, scene) == [], item.id
            scene.pick(0)
            frame(app)
            assert layout_problems(app, scene) == [], item.id
    finally:
        app.update_settings(save=False, text_size="normal")
