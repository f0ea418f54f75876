"""The board at every size: planes never cover a square's words, and the players' list keeps its
names and amounts inside the frame round the current player's row."""

import pygame
import pytest

from game.rules.geometry import Spot
from game.ui.scenes.board import BoardScene
from game.ui.seats import SeatPlan

from ui_helpers import SIZES, frame, make_app, text_lines

BOARDS = ["park_simple", "classic_four", "classroom_teams", "office_path"]


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def app(request):
    app = make_app(request.param)
    yield app
    app.stack.scenes.clear()


def _board(app, board_id):
    board = app.library.boards[board_id]
    n = min(4, len(board.seats))
    plans = [SeatPlan(i, board.seats[i].colour, board.seats[i].shape, i + 1, False) for i in range(n)]
    scene = BoardScene(app, board, plans, None, seed=1)
    app.stack.clear_to(scene)
    frame(app)
    return scene


def _touches(centre, radius, rect: pygame.Rect) -> bool:
    x = min(max(centre[0], rect.left), rect.right)
    y = min(max(centre[1], rect.top), rect.bottom)
    return (x - centre[0]) ** 2 + (y - centre[1]) ** 2 < radius ** 2


def _places(scene):
    """Every square a plane can stand on, and the path boards' parking on the start square, with how many
    planes share it."""
    view = scene.view
    for seat in range(len(scene.board.seats)):
        for i in range(len(view.squares)):
            for count in (1, 2, 4):
                yield seat, Spot("track", i), count
        if view.words_at(seat, Spot("hangar", 0)) is not None:
            yield seat, Spot("hangar", 0), 4


def _covered(scene) -> list:
    view = scene.view
    assert view.word_rects, "the board drew no words to check"
    covered = []
    for seat, spot, count in _places(scene):
        radius = view.token_radius * view.token_scale(seat, spot)
        for slot in range(count):
            xy = view.slot_xy(seat, spot, slot, count)
            hit = [i for i, words in view.word_rects.items() if _touches(xy, radius, words)]
            if hit:
                covered.append((seat, spot, slot, count, hit))
    return covered


@pytest.mark.parametrize("board_id", BOARDS)
def test_planes_never_cover_a_squares_words(app, board_id):
    assert _covered(_board(app, board_id)) == []


def test_planes_never_cover_english_keywords(app):
    """English keywords are longer and set sideways in two lines: the planes still stand clear of them."""
    app.update_settings(save=False, locale="en")
    try:
        assert _covered(_board(app, "classic_four")) == []
    finally:
        app.update_settings(save=False, locale="zh_Hans")


@pytest.mark.parametrize("locale", ["zh_Hans", "en"])
@pytest.mark.parametrize("board_id", ["park_simple", "classic_four"])
def test_names_and_amounts_stay_inside_the_current_players_frame(app, board_id, locale):
    app.update_settings(save=False, locale=locale)
    try:
        _names_and_amounts_inside(_board(app, board_id))
    finally:
        app.update_settings(save=False, locale="zh_Hans")


def test_an_amount_is_never_broken_and_a_name_only_between_name_and_kind(app):
    """"CN¥100,000" on one line, never "CN¥10 / 0,000"; a name on two lines is "Yellow 2" over "Computer"."""
    app.update_settings(save=False, locale="en")
    try:
        scene = _board(app, "classic_four")
        for name, amount in zip(scene.score_labels, scene.money_labels):
            assert text_lines(app, amount)[0] == [amount.text]
            lines = text_lines(app, name)[0]
            assert len(lines) == 1 or "·" not in "".join(lines), lines
    finally:
        app.update_settings(save=False, locale="zh_Hans")


def _names_and_amounts_inside(scene):
    outside = []
    for i, row in enumerate(scene.score_rows):
        frame_rect, width = scene.row_frame(row)
        inside = frame_rect.inflate(-2 * width, -2 * width)
        for label in (scene.score_labels[i], scene.money_labels[i]):
            s, fits = label.rendered()
            x = {"left": "left", "right": "right"}.get(label.align, "centerx")
            at = s.get_rect(**{x: getattr(label.rect, x), "centery": label.rect.centery})
            ink = s.get_bounding_rect().move(at.topleft)
            if not fits or not inside.contains(ink):
                outside.append((label.text, ink, inside))
    assert outside == []


def test_a_plane_beside_words_is_drawn_smaller_than_one_on_a_plain_square(app):
    scene = _board(app, "classic_four")
    view = scene.view
    worded = next(iter(view.worded))
    plain = next(i for i in range(len(view.squares)) if i not in view.worded)
    assert view.token_scale(0, Spot("track", worded)) < view.token_scale(0, Spot("track", plain)) == 1.0
