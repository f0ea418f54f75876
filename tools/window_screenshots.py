"""The README's screenshots, taken from the game's real window on a virtual X display.

    python tools/window_screenshots.py [OUT_DIR] [--size WxH] [--seed N]   # default docs/screenshots, 1920x1080

Plays one game per language (zh_Hans, zh_Hant, en) and one with large text and high contrast, each
in the real window of ``python -m game play --trace FILE`` on an Xvfb display of its own (the four
at once: a window another covers cannot be grabbed), driven as a visitor would with xdotool clicks
where the trace says the controls are (the harness of ``tests/x11``), and grabs the window with
XGetImage when a wanted screen has settled: the title, the board with planes out, the phone waiting
for a choice, the feedback on the choice and the results. Writes ``i18n_<locale>_<screen>.png`` and
``a11y_<screen>.png``.

Needs the Debian packages ``xvfb`` and ``xdotool``, and the test extra (pytest). Each game runs in a
throw-away data folder whose settings file says the language and text size, so the player's own
settings are never read or changed.
"""

from __future__ import annotations

import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "x11"))

import xclient  # noqa: E402  (the x11 tests' Xlib helpers: Xvfb, XGetImage)
from conftest import Game  # noqa: E402  (the x11 tests' game in a window, read through its trace)
from test_real_window import armed, next_move  # noqa: E402  (what a visitor taps on each screen, and when)

SETTLE_S = 0.6       # after the trace shows a screen: let it finish fading in
GAME_S = 900           # a whole game on the park board, computer turns and all, takes a few minutes
BOARD_AFTER_ROLLS = 4   # the board's picture once a few planes are out on the squares


def _settings_file(data: Path, accessible: bool, locale: str) -> None:
    from game.settings import Settings, save_settings
    settings = Settings(locale=locale, voice=False, text_size="large" if accessible else "normal",
                        text_size_chosen=accessible, high_contrast=accessible)
    data.mkdir(parents=True, exist_ok=True)
    save_settings(settings, data / "settings.json", mode="normal")


def _wanted(screen: dict, rolls: int) -> str | None:
    names = {c["name"] for c in screen["controls"] if c["screen"] == screen["screen"]}
    if screen["screen"] == "title":
        return "title"
    if screen["screen"] == "board" and "dice" in names and rolls >= BOARD_AFTER_ROLLS:
        return "board"
    if screen["screen"] == "scenario" and any(n.startswith("choice_") for n in names):
        return "phone"
    if screen["screen"] in ("feedback", "results"):
        return screen["screen"]
    return None


def shoot_run(display: str, out: Path, prefix: str, locale: str, accessible: bool, size, seed: int) -> list[Path]:
    """One game in a real window, played by pointer: a PNG of each wanted screen, the first time it shows."""
    work = Path(tempfile.mkdtemp(prefix="fanzha-window-"))
    _settings_file(work / "data", accessible, locale)
    game = Game(display, work, work / "data", "--normal", "--seed", str(seed), size=size)
    rng, state, rolls = random.Random(seed), {}, 0
    todo = {"title", "board", "phone", "feedback", "results"}
    written: list[Path] = []
    try:
        deadline = time.monotonic() + GAME_S
        while todo and time.monotonic() < deadline:
            # a visitor reads the screen first: a control that has only just appeared refuses taps
            screen = game.wait_for(armed, "a screen ready for taps")
            name = _wanted(screen, rolls)
            if name in todo:
                time.sleep(SETTLE_S)
                if game.screen == screen:       # still the same screen: it has settled
                    path = xclient.screenshot(display, out / f"{prefix}_{name}.png", game.window_id())
                    written.append(path)
                    print(path, flush=True)
                    todo.discard(name)
                continue
            move = next_move(game, screen, rng, state)
            if move is None:
                time.sleep(0.2)
                continue
            rolls += move["name"] == "dice"
            before = len(game.poll())
            game.tap(move)
            answered = time.monotonic() + 2   # most taps change the screen; the next line of a scene may not
            while len(game.poll()) == before and time.monotonic() < answered:
                time.sleep(0.05)
        if todo:
            raise RuntimeError(f"never saw {sorted(todo)} in {GAME_S} s")
    finally:
        game.stop()
    return written


def main(argv: list[str]) -> int:
    args = list(argv)
    out, size, seed = ROOT / "docs" / "screenshots", (1920, 1080), 3
    while args:
        a = args.pop(0)
        if a == "--size":
            w, h = args.pop(0).lower().split("x")
            size = (int(w), int(h))
        elif a == "--seed":
            seed = int(args.pop(0))
        else:
            out = Path(a)
    out.mkdir(parents=True, exist_ok=True)
    runs = [(f"i18n_{locale}", locale, False) for locale in ("zh_Hans", "zh_Hant", "en")] + [("a11y", "zh_Hans", True)]
    failures = []

    def run(prefix, locale, accessible):
        server, display = xclient.start_xvfb(*size)
        try:
            shoot_run(display, out, prefix, locale, accessible, size, seed)
        except Exception as exc:   # reported below, after the other runs have finished
            failures.append(f"{prefix}: {exc}")
        finally:
            server.terminate()
            server.wait(timeout=10)

    threads = [threading.Thread(target=run, args=r) for r in runs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
