"""The board scene: captions say what happened and why, walks go square by square,
reduced motion is quicker, a person picks a plane by touching it."""

from game.rules import events as ev
from game.rules.engine import Phase
from game.rules.geometry import Spot
from game.rules.scenes import SceneResult
from game.content.models import EndingOutcome
from game.ui.scenes.board import BoardScene
from game.ui.seats import SeatPlan

from ui_helpers import finger_tap, frame, make_app
import pygame


def _scene(app, board_id="classic_four", human=True):
    board = app.library.boards[board_id]
    plans = [SeatPlan(0, "red", "circle", 1, not human), SeatPlan(2, "blue", "triangle", 3, True)]
    scene = BoardScene(app, board, plans, None, seed=2)
    app.stack.push(scene)
    frame(app)
    return scene


def _run(scene, event):
    return list(scene._show(event))


def test_captions_explain_jump_fly_and_capture():
    app = make_app()
    scene = _scene(app)
    start = scene.game.spot(0, 0)
    _run(scene, ev.Jumped(0, (0,), Spot("track", 4), Spot("track", 8)))
    assert "红方" in scene.caption.text and "跳" in scene.caption.text and "颜色" in scene.caption.text
    _run(scene, ev.Flew(0, (0,), Spot("track", 16), Spot("track", 28)))
    assert "飞行格" in scene.caption.text
    _run(scene, ev.Captured(0, 1, (0,), Spot("track", 3)))
    assert "蓝方" in scene.caption.text and "机库" in scene.caption.text
    assert scene.drawn[(1, 0)] == scene.game.spot(1, 0)
    assert start.area == "hangar"


def test_a_walk_goes_square_by_square():
    app = make_app()
    scene = _scene(app, "park_simple")
    path = (Spot("track", 1), Spot("track", 2), Spot("track", 3))
    steps = scene._show(ev.Moved(0, (0,), path))
    seen = []
    for _ in steps:
        seen.append(scene.tweens[(0, 0)].to)
    assert seen == list(path)
    assert scene.drawn[(0, 0)] == path[-1]


def test_reduced_motion_is_quicker():
    app = make_app()
    scene = _scene(app)
    scene.caption_read()   # reading time is the same in both: this is about motion
    slow = sum(_run(scene, ev.Rolled(0, 5, 0)))
    scene.caption_read()
    app.update_settings(save=False, reduced_motion=True)
    quick = sum(_run(scene, ev.Rolled(0, 5, 0)))
    assert quick < slow / 2


def test_a_person_picks_a_plane_by_touching_it():
    app = make_app()
    scene = _scene(app)
    g = scene.game
    rolls = [6, 3, 6]
    for _ in range(3000):
        frame(app, events=pygame.event.get())
        if app.stack.top is not scene:        # a scam scene: settle it, this test is about the board
            while app.stack.top is not scene:
                app.stack.pop()
            scene.scene_done(SceneResult.of_ending(EndingOutcome.ESCAPED))
        if scene.dice.enabled and scene._human_to_roll():
            scene.dice.enabled = False
            scene.play(g.roll(rolls.pop(0) if rolls else 6))
        if scene.choosing:
            break
    assert len(scene.choosing) >= 2, "a launch and a move on the track"
    on_track = next(m for m in scene.choosing if not m.launch)
    xy = scene.token_positions()[(0, on_track.token)]
    finger_tap(app, xy)
    frame(app, events=pygame.event.get())
    assert not scene.choosing
    assert g.phase is not Phase.MOVE or g.current != 0


def test_computer_players_wait_visibly_before_rolling():
    app = make_app()
    scene = _scene(app, human=False)
    frame(app, dt=0.1)
    assert scene.game.last_roll == 0, "no instant roll: a person watching sees whose turn it is"
    for _ in range(60):
        frame(app)
    assert scene.game.last_roll != 0


def test_autoplay_plays_only_the_chosen_packs_scenes():
    app = make_app()
    for pack in app.library.packs.values():
        board = app.library.boards[pack.boards[0]]
        plans = [SeatPlan(0, board.seats[0].colour, board.seats[0].shape, 1, True)]
        scene = BoardScene(app, board, plans, pack, seed=2)
        own = set(app.library.scenarios_of(pack))
        for picked in sorted(own):
            assert scene._autoplay_scenario(picked) in own, pack.id
