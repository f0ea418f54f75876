"""A class vote shows any quiz item a classroom pack can ask: its question and options fit while the
hands are counted and when the split shows, at the narrowest screens, in the longest languages.

The learning check picks its items at random, so a layout test of one lesson sees one item; this
one takes the items with the longest options (where the room runs out first)."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest

from game.rules.checks import check_candidates
from game.rules.classroom import TEAM_DECIDES

from ui_helpers import layout_problems, make_app

LONGEST = 4      # items per language: those whose longest option is longest


@pytest.fixture(scope="module")
def items():
    app = make_app(mode="classroom")
    app.load_content()
    found = {}
    for pack_id in ("students_junior", "students_senior"):
        for per_type in check_candidates(app.library.packs[pack_id], app.library).values():
            for c in per_type:
                found[c.ref] = c.item
    return list(found.values())


def _longest(app, items):
    return sorted(items, key=lambda item: max(len(app.tr(o)) for o in item.options), reverse=True)[:LONGEST]


@pytest.mark.parametrize("size", [(1024, 768), (800, 1280)])
@pytest.mark.parametrize("locale", ["en", "zh_Hans"])
@pytest.mark.parametrize("split", [False, True], ids=["counting", "split"])
def test_the_longest_check_items_fit_the_class_vote(items, size, locale, split):
    app = make_app(size=size, mode="classroom", locale=locale)
    for item in _longest(app, items):
        scene = app.nav.navigate("class_vote", title="课前小测（举手，不记名）· 第 1/3 题", context=item.question,
                                 options=list(item.options), rule=TEAM_DECIDES, team="", check=True,
                                 on_done=lambda vote: None)
        scene.change(len(item.options) - 1, 12)
        if split:
            scene.end_vote()
        app.step(0.05, [])
        assert layout_problems(app, scene) == [], item.question
        app.nav.back()
