#!/usr/bin/env python3
"""UI benchmarks: start-up, frame times of the busiest scene, CPU while the title waits.

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python benchmarks/bench_ui.py

Prints figures (no pass/fail: targets are in benchmarks/README.md):

* start-up to the first frame of the title screen, with the shipped content,
  against a bare pygame window (both in fresh interpreters), as a ratio;
* p50 / p99 frame time of the board while planes move (classic board, four
  computer players) at 1920×1080 and 3840×2160;
* CPU share of the process while the title screen, and the kiosk's attract loop with its
  demo game, wait for a touch.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import time, pygame
pygame.init()
s = pygame.display.set_mode((1280, 720))
s.fill((253, 246, 234))
pygame.display.flip()
print(time.time())
"""

GAME = """
import time, argparse
from game.ui import app as m
shown = []
real_present = m.App.present
def present(self):
    real_present(self)
    if not shown:
        shown.append(time.time())
        print(shown[0], flush=True)
        self.request_quit()
m.App.present = present
p = argparse.ArgumentParser(); m.add_arguments(p)
m.run(p.parse_args(["--frames", "1"]))
"""


def _first_frame(code: str) -> float:
    env = dict(os.environ, FANZHA_DATA_DIR=str(Path(os.environ.get("TMPDIR", "/tmp")) / "bench_ui_data"))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def startup(runs: int) -> dict:
    bare = statistics.median(_first_frame(BARE) for _ in range(runs))
    game = statistics.median(_first_frame(GAME) for _ in range(runs))
    return {"bare_s": bare, "game_s": game, "ratio": game / bare}


def _percentile(values, q):
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))
    return values[k]


def board_frames(size, frames: int) -> dict:
    import pygame
    from game.ui.app import App
    from game.content.models import EndingOutcome
    from game.rules.scenes import SceneResult
    from game.ui.scenes.board import BoardScene
    from game.ui.seats import SeatPlan

    app = App(size=size, sound=False, seed=11)
    board = app.library.boards["classic_four"]
    plans = [SeatPlan(i, s.colour, s.shape, i + 1, True) for i, s in enumerate(board.seats)]
    scene = BoardScene(app, board, plans, None, seed=5)
    app.stack.push(scene)
    for _ in range(30):   # warm the text and board caches
        app.step(1 / 60, [])
    times = []
    while len(times) < frames:
        if app.stack.top is not scene:          # a scam scene opened: skip it, we time the board
            while app.stack.top is not scene:
                app.stack.pop()
            scene.scene_done(SceneResult.of_ending(EndingOutcome.ESCAPED)) if scene.scene_open else None
        moving = bool(scene.tweens) or scene.dice.is_rolling
        t0 = time.perf_counter()
        app.step(1 / 60, [])
        dt = time.perf_counter() - t0
        if moving:
            times.append(dt * 1000)
    pygame.display.quit()
    return {"p50_ms": _percentile(times, 50), "p99_ms": _percentile(times, 99), "frames": len(times)}


def waiting_cpu(seconds: float, mode: str = "normal") -> dict:
    """CPU share while the first screen waits: the title (normal) or the attract loop (kiosk)."""
    import asyncio
    import tempfile

    import pygame
    from game.ui.app import App

    os.environ["FANZHA_DATA_DIR"] = tempfile.mkdtemp(prefix="fanzha-bench-")   # default settings, no stats mixed in
    app = App(size=(1920, 1080), sound=False, mode=mode)
    app.library  # loaded before timing, as after the first frame in real use
    app.stack.push(app.home_scene())
    for _ in range(30):   # warm up: the attract loop's demo game, cached pictures, fonts
        app.stack.top.dirty = True
        app.step(1 / 20, [])
    pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), 1)
    if mode == "kiosk":
        app.operator_exit = True   # lets the timer's QUIT end the run
    cpu0, wall0 = time.process_time(), time.perf_counter()
    asyncio.run(app.run())
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    pygame.display.quit()
    return {"cpu_share": cpu / wall, "wall_s": wall, "frames": app.frame}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (median)")
    parser.add_argument("--frames", type=int, default=600, help="animated board frames timed per size")
    parser.add_argument("--idle", type=float, default=6.0, help="seconds on the title screen")
    args = parser.parse_args()

    s = startup(args.runs)
    print(f"start-up to first frame: bare pygame {s['bare_s'] * 1000:.0f} ms, game {s['game_s'] * 1000:.0f} ms, "
          f"ratio {s['ratio']:.2f}x (target <= 2.5x)")
    for size, target in (((1920, 1080), 4), ((3840, 2160), 12)):
        f = board_frames(size, args.frames)
        print(f"board mid-animation {size[0]}x{size[1]}: p50 {f['p50_ms']:.2f} ms, p99 {f['p99_ms']:.2f} ms "
              f"over {f['frames']} frames (target p99 <= {target} ms)")
    for mode, screen in (("normal", "title screen"), ("kiosk", "kiosk attract loop")):
        c = waiting_cpu(args.idle, mode)
        print(f"{screen} waiting: CPU {c['cpu_share'] * 100:.1f}% of one core over {c['wall_s']:.1f} s, "
              f"{c['frames']} loop passes (target <= 3%)")


if __name__ == "__main__":
    main()
