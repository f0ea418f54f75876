"""Every one of the game's own screens, at four sizes: inside the screen, no text overflow,
touch targets at least 1/10 of the short side, no overlapping widgets."""

import pytest

from game.ui.scenes.board import BoardScene, PauseScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.setup import AudienceScene, PlayersScene, SeatPlan
from game.ui.scenes.title import ProblemsScene, TitleScene

from ui_helpers import SIZES, frame, layout_problems, make_app


def _board(app, board_id, seats=2, computer=True):
    board = app.library.boards[board_id]
    plans = [SeatPlan(i, board.seats[i].colour, board.seats[i].shape, i + 1, computer and i > 0)
             for i in range(seats)]
    return BoardScene(app, board, plans, None, seed=1)


SCENES = {
    "title": lambda app: TitleScene(app),
    "problems": lambda app: ProblemsScene(app),
    "audience": lambda app: AudienceScene(app),
    "players": lambda app: PlayersScene(app),
    "settings": lambda app: SettingsScene(app),
    "board_path": lambda app: _board(app, "park_simple", 4),
    "board_ring": lambda app: _board(app, "classic_four", 4),
    "pause": None,
}


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def app(request):
    app = make_app(request.param)
    yield app
    app.stack.scenes.clear()


@pytest.mark.parametrize("name", list(SCENES))
def test_screen_layout(app, name):
    if name == "pause":
        app.stack.clear_to(_board(app, "park_simple"))
        app.stack.push(PauseScene(app))
    else:
        app.stack.clear_to(SCENES[name](app))
    frame(app)
    assert app.stack.top.widgets(), "a screen with no widgets cannot be checked"
    assert layout_problems(app, app.stack.top) == []


@pytest.mark.parametrize("text_size", ["large", "extra_large"])
def test_big_text_still_fits(app, text_size):
    app.update_settings(save=False, text_size=text_size)
    try:
        for name in ("title", "audience", "players", "settings", "board_path"):
            app.stack.clear_to(SCENES[name](app))
            frame(app)
            assert layout_problems(app, app.stack.top) == [], name
    finally:
        app.update_settings(save=False, text_size="normal")


def test_move_choice_buttons_fit(app):
    """The token buttons a person picks from (classic board, several planes out)."""
    scene = _board(app, "classic_four", 2, computer=False)
    app.stack.clear_to(scene)
    g = scene.game
    moves = [type("M", (), {"player": 0, "tokens": (k,), "launch": k == 0, "token": k})() for k in range(4)]
    scene._offer(moves)
    frame(app)
    assert all(b.visible for b in scene.choice_buttons)
    assert layout_problems(app, scene) == []
    assert g.phase.value == "roll"


@pytest.mark.parametrize("board_id", ["park_simple", "classic_four", "classroom_teams", "office_path"])
def test_board_keywords_fit_their_squares(app, board_id):
    scene = _board(app, board_id, 2)
    app.stack.clear_to(scene)
    frame(app)
    assert scene.view.text_fits(), scene.view.overflow
    assert scene.view.rect.collidelist([]) == -1
    screen = __import__("pygame").Rect(0, 0, *app.size)
    assert all(screen.contains(r) for r in scene.view.squares)


@pytest.mark.parametrize("board_id", ["park_simple", "classic_four", "office_path"])
def test_board_and_panel_do_not_overlap(app, board_id):
    scene = _board(app, board_id, 4)
    app.stack.clear_to(scene)
    frame(app)
    board = scene.view.rect
    assert [w for w in scene.widgets() if w.rect.colliderect(board)] == []


def test_high_contrast_screens_fit(app):
    app.update_settings(save=False, high_contrast=True)
    try:
        for name in ("title", "audience", "players", "settings", "board_ring"):
            app.stack.clear_to(SCENES[name](app))
            frame(app)
            assert layout_problems(app, app.stack.top) == [], name
    finally:
        app.update_settings(save=False, high_contrast=False)
