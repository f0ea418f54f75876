"""Screenshots of the same screens in every language, and with large text + high contrast.

    python tools/i18n_screenshots.py [OUT_DIR]     # default /tmp/i18n_screenshots

Writes ``i18n_<locale>_<scene>.png`` for zh_Hans, zh_Hant and en and
``a11y_<scene>.png`` (zh_Hans, large text, high contrast) at 1280×720, for the
scenes title, board, phone (a scam script waiting for a choice), feedback and
results. Runs without a window (SDL dummy drivers) and never touches the
player's settings file. The README's pictures of these screens come from the real window instead
(``tools/window_screenshots.py``); this is the quick look, with no X display needed.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["FANZHA_DATA_DIR"] = tempfile.mkdtemp(prefix="fanzha-shots-")   # a throw-away settings file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

SIZE = (1280, 720)
SCENES = ("title", "board", "phone", "feedback", "results")
SCRIPT = "police_safe_account"          # a phone call, then a choice
BOARD = "classic_four"


def _app(locale: str, text_size: str = "normal", high_contrast: bool = False):
    from game.settings import Settings
    from game.ui.app import App
    settings = Settings(locale=locale, text_size=text_size, high_contrast=high_contrast, voice=False)
    return App(size=SIZE, settings=settings, sound=False, seed=3)


def _frame(app, n: int = 1, dt: float = 1 / 60) -> None:
    for _ in range(n):
        app.step(dt, [])


def _title(app):
    from game.ui.scenes.title import TitleScene
    app.stack.clear_to(TitleScene(app))
    _frame(app)


def _board(app):
    from game.ui.scenes.board import BoardScene
    from game.ui.seats import SeatPlan
    board = app.library.boards[BOARD]
    plans = [SeatPlan(i, s.colour, s.shape, i + 1, i > 0) for i, s in enumerate(board.seats[:4])]
    scene = BoardScene(app, board, plans, None, seed=11)
    scene.demo = False
    app.stack.clear_to(scene)
    # Play until a person has to choose a plane or roll again, with some planes out.
    for _ in range(6000):
        _frame(app)
        if app.stack.top is not scene:      # a scam scene opened: settle it at once, as a computer would
            while app.stack.top is not scene:
                app.stack.pop()
            scene.scene_open = None
            from game.rules.policies import get_policy, play_pending_scene
            scene.scene_result = play_pending_scene(scene.game, get_policy("cautious"), scene.game.ai_rng)

        out = sum(1 for p in range(len(scene.players)) for t in range(len(scene.game.positions(p)))
                  if scene.game.spot(p, t).area != "hangar")
        if scene._human_to_roll():
            if out >= 3:
                break
            scene.roll()                     # the person at seat 1 rolls …
        elif scene.choosing:
            scene.choose(0)                  # … and moves the first plane offered
    _frame(app, 2)


def _walk_to_choices(app):
    from game.ui.scenes.scenario import ScenarioScene
    from game.ui.seats import PlayerInfo
    player = PlayerInfo(index=0, seat=0, colour="red", shape="circle", number=1, computer=False, name="红方")
    scene = ScenarioScene(app, app.library.scenarios[SCRIPT], player, lambda r: None)
    app.stack.clear_to(scene)
    for _ in range(50):
        _frame(app)
        if scene.phase == "choices":
            break
        scene.advance()
    scene.state.t += 2.0          # past the reveal animation
    _frame(app, 2)
    return scene


def _phone(app):
    _walk_to_choices(app)


def _feedback(app):
    scene = _walk_to_choices(app)
    order = {"risky": 0, "neutral": 1, "safe": 2}
    choices = scene.runner.choices
    scene.choose(min(range(len(choices)), key=lambda i: order[choices[i].outcome.value]))
    _frame(app, 2)


def _results(app):
    from game.rules import PlayerScore, SessionScore, get_policy, play_scenario
    from game.ui.scenes.results import ResultsScene
    lib = app.library
    rng = random.Random(5)
    ids = sorted(lib.scenarios)
    scores = []
    for p, policy in enumerate(("cautious", "naive")):
        score = PlayerScore()
        for sid in ids[p * 4: p * 4 + 7]:
            score.record(play_scenario(get_policy(policy), lib.scenarios[sid], rng))
        scores.append(score)
    tr = app.tr
    rows = [(f"{tr('红方')} 1", "red", scores[0]), (f"{tr('蓝方')} 2", "blue", scores[1])]
    app.stack.clear_to(ResultsScene(app, SessionScore.of(scores), players=rows))
    _frame(app)


MAKERS = {"title": _title, "board": _board, "phone": _phone, "feedback": _feedback, "results": _results}


def shoot(app, scene: str, out: Path) -> Path:
    MAKERS[scene](app)
    app.draw()
    pygame.image.save(app.screen, str(out))
    return out


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else Path("/tmp/i18n_screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        app = _app(locale)
        for scene in SCENES:
            print(shoot(app, scene, out_dir / f"i18n_{locale}_{scene}.png"))
        app.stack.scenes.clear()
    app = _app("zh_Hans", text_size="large", high_contrast=True)
    for scene in SCENES:
        print(shoot(app, scene, out_dir / f"a11y_{scene}.png"))
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
