"""The teacher bar: each button's word on one line, all in one size, in every language and at every size."""

import pytest

from game.rules.classroom import CLASS_MAJORITY, LessonPlan

from test_classroom import class_setup
from ui_helpers import SIZES


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def lesson(request, tmp_path_factory):
    """A lesson started on the board: (app, the bar's buttons)."""
    app, setup = class_setup(tmp_path_factory.mktemp("class"), 4, request.param)
    setup.set_plan(LessonPlan(minutes=25))
    setup.set_rule(CLASS_MAJORITY)
    setup.start()
    app.step(0.1, [])
    yield app, app.controller.buttons
    app.update_settings(save=False, locale="zh_Hans")


def in_locale(app, locale):
    app.update_settings(save=False, locale=locale)
    app.step(0.1, [])


def drawn_px(button) -> int:
    """The size the button's word is drawn at: the largest that fits, within the bar's shared cap."""
    button.label.rect = button._inner()[0]
    return min(button.label.fitted_px(), button.label.max_px or 10 ** 6)


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_every_bar_word_fits_on_one_line(lesson, locale):
    app, buttons = lesson
    in_locale(app, locale)
    assert [b.text for b in buttons if not b.label.text_fits()] == []


def test_the_bar_words_share_one_size(lesson):
    app, buttons = lesson
    in_locale(app, "en")
    assert len({drawn_px(b) for b in buttons}) == 1


def test_the_bar_keeps_one_size_when_pause_becomes_continue(lesson):
    app, buttons = lesson
    in_locale(app, "en")
    app.controller.toggle_pause()
    app.step(0.1, [])
    try:
        assert buttons[1].text == "继续"
        assert len({drawn_px(b) for b in buttons}) == 1 and all(b.label.text_fits() for b in buttons)
    finally:
        app.controller.toggle_pause()
        app.step(0.1, [])
