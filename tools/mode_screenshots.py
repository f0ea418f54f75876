"""Render the kiosk, operator and classroom screens to PNG, at the four sizes the layout tests use.

    python tools/mode_screenshots.py [OUT_DIR] [--docs]

Without ``--docs`` every screen is saved at 1280×720, 1920×1080, 3840×2160 and 1080×1920 into OUT_DIR
(default /tmp/mode_screenshots), for looking at them side by side. ``--docs`` writes the few
1280×720 pictures the operator guide shows into docs/screenshots/. Uses a throw-away data folder
and a sample statistics database; no window opens.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
DATA = Path(tempfile.mkdtemp(prefix="fanzha-shots-"))
os.environ["FANZHA_DATA_DIR"] = str(DATA)
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

SIZES = [(1280, 720), (1920, 1080), (3840, 2160), (1080, 1920)]
DOCS = {"kiosk_attract", "operator_menu", "operator_stats", "class_board", "class_summary", "class_pledge"}
NOTICE = ("设置文件损坏，已改用默认设置；原文件已保存为 "
          "/home/kiosk/.local/share/fanzha-chess/settings.json.bad-20261123-101500（不是有效的 JSON（第 1 行））")


def render_all(out: Path, sizes, only=None) -> list[Path]:
    from game.stats.sample import fill_sample
    from game.rules.class_check import hands_on
    from game.rules.classroom import Vote
    from game.ui.app import App
    from game.ui.modes.kiosk import CountdownScene
    from game.ui.modes.operator import OperatorMenuScene, OperatorSettingsScene, OperatorStatsScene, PinPadScene
    from game.ui.modes.pledge import PledgeScene
    from game.ui.modes.quiz_round import QuizRoundScene
    from game.ui.scenes.board import BoardScene
    from game.ui.scenes.quiz import QuizScene
    from game.ui.scenes.scenario import ScenarioScene
    from game.ui.seats import SeatPlan

    out.mkdir(parents=True, exist_ok=True)
    db = DATA / "stats.sqlite3"
    if not db.exists():
        fill_sample(db, 150, seed=4)
    written = []

    def shot(app, name, size, steps=3):
        if only and name not in only:
            return
        for _ in range(steps):
            app.step(1 / 20, [])
        app.redraw_all()
        app.draw()
        path = out / (f"mode_{name}.png" if only else f"{name}_{size[0]}x{size[1]}.png")
        pygame.image.save(app.window, str(path))
        written.append(path)

    for size in sizes:
        app = App(size=size, mode="kiosk", sound=False, seed=3, stats_db=db)
        app.stack.push(app.home_scene())
        app.load_content()
        shot(app, "kiosk_attract", size, steps=40)
        board = app.library.boards["park_simple"]
        seats = [SeatPlan(0, board.seats[0].colour, board.seats[0].shape, 1, False),
                 SeatPlan(1, board.seats[1].colour, board.seats[1].shape, 2, True)]
        app.stack.clear_to(BoardScene(app, board, seats, app.library.packs["elderly"]))
        app.stack.push(CountdownScene(app, 15, app.controller))
        shot(app, "kiosk_countdown", size, steps=40)
        app.stack.clear_to(app.home_scene())
        pad = PinPadScene(app, "login")
        app.stack.push(pad)
        pad.digit("2")
        pad.digit("4")
        shot(app, "operator_pin_pad", size)
        app.stack.push(PinPadScene(app, "new", prompt=True))
        shot(app, "operator_pin_new", size)
        app.stack.clear_to(app.home_scene())
        app.settings_notice = NOTICE
        menu = OperatorMenuScene(app)
        menu.prompted = True
        app.stack.push(menu)
        shot(app, "operator_menu", size)
        app.stack.push(OperatorSettingsScene(app))
        shot(app, "operator_settings", size)
        app.stack.pop()
        app.stack.push(OperatorStatsScene(app))
        app.jobs.wait(60)                   # the figures are counted by the operator's worker
        shot(app, "operator_stats", size)
        app.stack.clear_to(app.home_scene())
        app.crash_guard.crashes = 2        # as after two crashes the kiosk recovered from
        app.crash_guard.last_report = DATA / "logs" / "crash-20261203-101500-000000.txt"
        menu = OperatorMenuScene(app)
        menu.prompted = True
        app.stack.push(menu)
        shot(app, "operator_menu_after_crash", size)
        app.shutdown()
        pygame.quit()

        app = App(size=size, mode="classroom", sound=False, seed=5, stats_db=DATA / "class.sqlite3",
                  class_name="初二（3）班")
        app.stack.push(app.home_scene())
        app.load_content()
        shot(app, "class_setup", size)
        app.stack.top.start()
        c = app.controller
        board = c.board()
        app.step(1 / 20, [])                    # the class's learning check opens before the first roll
        shot(app, "class_check", size)
        while app.stack.top.name == "class_vote":   # the hands counted on each check item
            vote = app.stack.top
            for i in range(len(vote.option_texts)):
                vote.change(i, 6 + 5 * ((i + len(c.state.check_hands)) % 3))
            vote.end_vote()
            vote.finish()
        for n, item in enumerate(c.state.check.after if c.state.check else ()):   # … and after the game
            c.state.check_hands.append(hands_on(item, "after", [8 + 6 * ((i + n) % 3) for i in range(len(item.item.options))]))
        for _ in range(3):                      # a few turns, so the board has something on it
            board.game.roll()
            moves = board.game.legal_moves()
            if moves:
                board.game.apply(moves[0])
            if board.game.phase.value == "scene":
                board.game.resolve_scene(True)
        board._sync_tokens()
        board._update_scores()
        shot(app, "class_board", size, steps=10)
        c.toggle_pause()
        shot(app, "class_paused", size)
        c.toggle_pause()
        scene = ScenarioScene(app, app.library.scenarios["free_skin_qr"], board.players[0], None)
        board.scene_open = scene
        app.stack.push(scene)
        while scene.phase == "lines":
            scene.advance()
        shot(app, "class_scenario", size)
        c.reveal()
        shot(app, "class_reveal", size)
        app.stack.pop()
        app.stack.pop()
        item = app.library.quiz_pools["quiz_basics"].items[0]
        board.scene_open = QuizScene(app, item, board.players[1], None)
        app.stack.push(board.scene_open)
        c.reveal()
        shot(app, "class_quiz_reveal", size)
        app.stack.pop()
        app.stack.pop()
        board.scene_open = None
        item = app.library.quiz_pools["quiz_screen_share"].items[0]
        rnd = QuizRoundScene(app, c.state, "quiz_screen_share", 0, item, board)
        app.stack.push(rnd)
        shot(app, "class_quiz_round", size)
        rnd.voted(Vote(len(item.options), [4 + 7 * i for i in range(len(item.options))]))
        shot(app, "class_quiz_round_revealed", size)
        rnd.finish()
        c.end_class()
        shot(app, "class_summary", size)
        app.stack.push(PledgeScene(app, c.state))
        shot(app, "class_pledge", size)
        app.shutdown()
        pygame.quit()
    return written


def main(argv: list[str]) -> int:
    docs = "--docs" in argv
    args = [a for a in argv if a != "--docs"]
    if docs:
        out = ROOT / "docs" / "screenshots"
        written = render_all(out, [(1280, 720)], only=DOCS)
    else:
        out = Path(args[0]) if args else Path(tempfile.gettempdir()) / "mode_screenshots"
        written = render_all(out, SIZES)
    print(f"wrote {len(written)} pictures to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
