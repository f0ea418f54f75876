"""Board captions stay until read, the header follows them, a tap skips the wait, and a roll
that moves nothing says why."""

from game.rules import events as ev
from game.ui.scenes.board import BoardScene
from game.ui.scenes.board.captions import READ_MIN, read_time
from game.ui.seats import SeatPlan

from ui_helpers import frame, make_app


def _scene(app, computer=(False, False)):
    board = app.library.boards["classic_four"]
    plans = [SeatPlan(0, "red", "circle", 1, computer[0]), SeatPlan(2, "blue", "triangle", 3, computer[1])]
    scene = BoardScene(app, board, plans, None, seed=2)
    app.stack.push(scene)
    frame(app)
    return scene


def _roll_nothing(scene, value=3):
    """Red rolls a face that cannot launch (every plane is in the hangar at the start)."""
    scene.caption_read()
    scene.dice.enabled = False
    scene.play(scene.game.roll(value))


def test_read_time_grows_with_the_text_and_has_a_floor():
    assert read_time("好") == READ_MIN
    assert read_time("一" * 20) == 20 * 0.25
    assert read_time("一 二\n三") == read_time("一二三")


def test_a_roll_that_moves_nothing_says_why():
    app = make_app()
    scene = _scene(app)
    _roll_nothing(scene)
    frame(app)
    assert "需要掷出6点才能起飞" in scene.caption.text


def test_the_next_caption_waits_until_the_last_is_read():
    app = make_app()
    scene = _scene(app)
    _roll_nothing(scene)
    frame(app)
    rolled = scene.caption.text
    waited = 0.0
    while scene.caption.text == rolled and waited < 30:
        frame(app, 0.1)
        waited += 0.1
    assert waited >= read_time(rolled) - 0.15


def test_the_header_changes_with_the_caption_not_before():
    app = make_app()
    scene = _scene(app)
    _roll_nothing(scene)
    frame(app)
    assert scene.game.current == 1                 # the rules have moved on to blue
    assert scene.shown_player == 0                 # the header still says red, with red's caption
    for _ in range(300):
        frame(app, 0.1)
        if "蓝方" in scene.caption.text:
            break
    assert scene.shown_player == 1


def test_a_tap_skips_the_reading_wait():
    app = make_app()
    scene = _scene(app)
    _roll_nothing(scene)
    for _ in range(14):
        frame(app, 0.1)                              # the dice has landed; the caption is being read
    rolled = scene.caption.text
    scene.caption_read()
    frame(app, 0.05)
    assert scene.caption.text != rolled


def test_reduced_motion_keeps_the_reading_time():
    app = make_app()
    app.update_settings(save=False, reduced_motion=True)
    scene = _scene(app)
    _roll_nothing(scene)
    frame(app)
    rolled = scene.caption.text
    for _ in range(round(read_time(rolled) * 0.9 / 0.1)):
        frame(app, 0.1)
    assert scene.caption.text == rolled
