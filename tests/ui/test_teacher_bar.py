"""The teacher bar: each button's word on one line, all in one size, in every language and at every size."""

import pytest

from game.rules.classroom import CLASS_MAJORITY, LessonPlan

from ui_helpers import SIZES, make_app


def drawn_px(button) -> int:
    """The size the button's word is drawn at: the largest that fits, within the bar's shared cap."""
    button.label.rect = button._inner()[0]
    return min(button.label.fitted_px(), button.label.max_px or 10 ** 6)


def bar_after_start(tmp_path, size, locale):
    app = make_app(size, mode="classroom", locale=locale, stats_db=tmp_path / "s.sqlite3", class_name="初二（3）班")
    app.stack.push(app.home_scene())
    setup = app.stack.top
    setup.set_teams(4)
    setup.set_plan(LessonPlan(minutes=25))
    setup.set_rule(CLASS_MAJORITY)
    setup.start()
    app.step(0.1, [])
    return app, app.controller.buttons




@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_bar_word_fits_on_one_line(tmp_path, size, locale):
    app, buttons = bar_after_start(tmp_path, size, locale)
    assert [b.text for b in buttons if not b.label.text_fits()] == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_bar_words_share_one_size(tmp_path, size):
    app, buttons = bar_after_start(tmp_path, size, "en")
    assert len({drawn_px(b) for b in buttons}) == 1


def test_the_bar_keeps_one_size_when_pause_becomes_continue(tmp_path):
    app, buttons = bar_after_start(tmp_path, (1024, 768), "en")
    app.controller.toggle_pause()
    app.step(0.1, [])
    assert buttons[1].text == "继续"
    assert len({drawn_px(b) for b in buttons}) == 1 and all(b.label.text_fits() for b in buttons)
