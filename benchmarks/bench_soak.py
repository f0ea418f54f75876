"""Long run: 100,000 frames of autoplay, sampling memory (target: RSS growth ≤ 5 MiB after warm-up).

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python benchmarks/bench_soak.py [--frames N] [--size WxH]
        [--mode normal|kiosk|classroom]

Computer players play game after game through every screen (boards, scam scenes, quizzes,
results; in kiosk mode also the attract loop and its idle resets) as fast as the machine
allows on a fixed 60 fps clock. Every 5,000 frames it prints
the process's resident memory, the text cache's entries and pixels and the Python object count.
Growth is measured from the end of the warm-up (the first 20 % of frames: fonts, caches and
content all loaded) to the end.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("FANZHA_DATA_DIR", "/tmp/fanzha-soak")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil  # noqa: E402

MIB = 1024 * 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=100_000)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--every", type=int, default=5_000)
    parser.add_argument("--mode", choices=("normal", "kiosk", "classroom"), default="normal")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))

    from game.ui.app import App
    app = App(size=size, seed=11, autoplay=True, sound=False, mode=args.mode)
    app.fixed_dt = 1 / 60
    app.stack.push(app.home_scene())
    app.load_content()
    process = psutil.Process()
    warm_up = args.frames // 5
    samples = []
    scenes: dict[str, int] = {}
    start = time.perf_counter()
    print(f"{'frame':>7} {'RSS MiB':>8} {'text cache':>10} {'cache Mpx':>9} {'objects':>8}  screen")
    for frame in range(1, args.frames + 1):
        app.step(1 / 60, [])
        if app.quit_requested or app.stack.top is None:
            app.carry_on_after_quit()
            app.stack.clear_to(app.home_scene())
        name = getattr(app.stack.top, "name", "?")
        scenes[name] = scenes.get(name, 0) + 1
        if frame % args.every == 0:
            gc.collect()
            rss = process.memory_info().rss / MIB
            cache = getattr(app, "text", None)
            entries = len(cache) if cache is not None else 0
            pixels = getattr(cache, "pixels", 0) / 1e6
            samples.append((frame, rss))
            print(f"{frame:>7} {rss:>8.1f} {entries:>10} {pixels:>9.2f} {len(gc.get_objects()):>8}  {name}")
    seconds = time.perf_counter() - start
    base = next(r for f, r in samples if f >= warm_up)
    growth = samples[-1][1] - base
    peak = max(r for f, r in samples if f >= warm_up) - base
    print(f"\n{args.mode} mode, {args.size}: {args.frames} frames in {seconds:.0f} s ({args.frames / seconds:.0f} frames/s)")
    print(f"RSS after warm-up (frame {warm_up}): {base:.1f} MiB; at the end: {samples[-1][1]:.1f} MiB; "
          f"growth {growth:+.1f} MiB (peak {peak:+.1f}); target ≤ 5 MiB")
    print("frames per screen: " + ", ".join(f"{k} {v}" for k, v in sorted(scenes.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
