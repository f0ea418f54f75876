#!/usr/bin/env python3
"""The game on a real X screen: CPU while waiting, memory over a long kiosk day, start-up.

    python benchmarks/bench_x11.py [--quick] [--idle S] [--runs N]

Starts its own Xvfb display (1920×1080, needs the Debian package ``xvfb``) and, in that one
run, two bare pygame windows as references — one waiting for events, one redrawing at 60 fps —
and the game:

* CPU (% of one core, process time ÷ wall time) while the title waits and while the kiosk's
  attract loop plays its demo game, full screen at 1920×1080;
* resident memory (RSS) after start (content loaded, title shown), after 5 minutes of autoplay
  and after 30 minutes of kiosk play (``--kiosk --autoplay``: visitors played by the computer,
  the idle reset, the attract loop), sampled every minute so a slope shows;
* start-up to the first frame shown and to "ready" (content loaded), against the bare window's
  first frame (``--trace``: the game writes a line after its first frame and when it is ready).

``--quick`` shortens the long runs (1 and 2 minutes) and the waiting (8 s) to try the script.
Prints figures, never pass/fail: the targets and the latest figures are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "x11"))
import xclient  # noqa: E402  (the real-window tests' Xvfb starter)
SCREEN = (1920, 1080)
MiB = 1024 * 1024

BARE_WAIT = """
import sys, time, pygame
pygame.init()
screen = pygame.display.set_mode((1920, 1080))
screen.fill((253, 246, 234))
pygame.display.flip()
print(time.time(), flush=True)
while True:
    for event in [pygame.event.wait(250)]:
        if event.type == pygame.QUIT:
            sys.exit(0)
"""

BARE_60 = """
import sys, time, pygame
pygame.init()
screen = pygame.display.set_mode((1920, 1080))
clock = pygame.time.Clock()
print(time.time(), flush=True)
shade = 0
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            sys.exit(0)
    shade = (shade + 1) % 64
    screen.fill((190 + shade, 180, 170))
    pygame.display.flip()
    clock.tick(60)
"""


class Run:
    """One process on the X display (a bare window or the game) and its figures."""

    def __init__(self, display: str, argv: list[str], data: Path | None = None):
        self.env = {**os.environ, "DISPLAY": display, "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
        self.env.pop("SDL_VIDEODRIVER", None)
        if data is not None:
            self.env["FANZHA_DATA_DIR"] = str(data)
        self.launched = time.time()
        self.proc = subprocess.Popen(argv, cwd=ROOT, env=self.env, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        self.ps = psutil.Process(self.proc.pid)

    def tree(self) -> list[psutil.Process]:
        """The process and its children (a kiosk runs its game under a watchdog process)."""
        try:
            return [self.ps, *self.ps.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def cpu_seconds(self) -> float:
        total = 0.0
        for p in self.tree():
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.NoSuchProcess:
                pass
        return total

    def rss(self) -> int:
        """Resident memory of the process that draws: the innermost Python process (a kiosk's game
        under its watchdog; not an espeak-ng reading a line aloud)."""
        game = self.ps
        for p in self.tree():
            try:
                if "python" in p.name().lower():
                    game = p
            except psutil.NoSuchProcess:
                pass
        try:
            return game.memory_info().rss
        except psutil.NoSuchProcess:
            return 0

    def cpu_share(self, seconds: float) -> float:
        c0, w0 = self.cpu_seconds(), time.perf_counter()
        time.sleep(seconds)
        return (self.cpu_seconds() - c0) / (time.perf_counter() - w0)

    def first_line(self) -> float:
        return float(self.proc.stdout.readline().strip()) - self.launched

    def stop(self) -> None:
        for p in reversed(self.tree()):
            try:
                p.terminate()
            except psutil.NoSuchProcess:
                pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def game_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "game", "play", *args]


def wait_trace(path: Path, event: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if entry.get("event") == event:
                    return entry
        time.sleep(0.002)
    raise RuntimeError(f"no {event!r} line in {path} within {timeout} s")


def startup(display: str, runs: int, work: Path) -> dict:
    bare, first, ready = [], [], []
    for i in range(runs):
        run = Run(display, [sys.executable, "-c", BARE_WAIT])
        bare.append(run.first_line())
        run.stop()
        trace = work / f"start{i}.jsonl"
        run = Run(display, game_argv("--size", "1920x1080", "--trace", str(trace)), work / f"start{i}")
        first.append(wait_trace(trace, "screen")["t"] - run.launched)
        try:
            ready.append(wait_trace(trace, "ready", timeout=20)["t"] - run.launched)
        except RuntimeError:   # a game from before the trace said when it is ready
            pass
        run.stop()
    return {"bare": statistics.median(bare), "first": statistics.median(first),
            "ready": statistics.median(ready) if ready else None}


def settle(run: Run, seconds: float) -> None:
    """Let a started process get through its start (content, fonts, the demo game)."""
    time.sleep(seconds)


def sample_memory(run: Run, minutes: float, label: str, out: dict) -> None:
    """RSS once a minute (and at the end) while ``run`` plays for ``minutes``."""
    samples = []
    start = time.monotonic()
    end = start + minutes * 60
    while True:
        now = time.monotonic()
        samples.append(((now - start) / 60, run.rss() / MiB))
        if now >= end or run.proc.poll() is not None:
            break
        time.sleep(min(60.0, end - now))
    out[label] = {"samples": samples, "cpu": run.cpu_seconds() / max(1e-6, time.monotonic() - start),
                  "alive": run.proc.poll() is None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short runs (1 and 2 minutes) to try the script")
    parser.add_argument("--idle", type=float, help="seconds of waiting measured (default 30, quick 8)")
    parser.add_argument("--runs", type=int, help="start-up runs, median (default 5, quick 3)")
    args = parser.parse_args()
    idle = args.idle or (8.0 if args.quick else 30.0)
    runs = args.runs or (3 if args.quick else 5)
    autoplay_min, kiosk_min = (1.0, 2.0) if args.quick else (5.0, 30.0)

    server, display = xclient.start_xvfb(*SCREEN)
    work = Path(tempfile.mkdtemp(prefix="bench-x11-"))
    figures: dict = {}
    try:
        # The long runs go first, side by side, in the background: their memory is what counts.
        autoplay = Run(display, game_argv("--size", "1920x1080", "--autoplay"), work / "autoplay")
        kiosk = Run(display, game_argv("--kiosk", "--autoplay"), work / "kiosk")
        long_runs: dict = {}
        threads = [threading.Thread(target=sample_memory, args=(autoplay, autoplay_min, "autoplay", long_runs)),
                   threading.Thread(target=sample_memory, args=(kiosk, kiosk_min, "kiosk", long_runs))]
        for t in threads:
            t.start()

        for name, code in (("bare window, waiting", BARE_WAIT), ("bare window, 60 fps", BARE_60)):
            run = Run(display, [sys.executable, "-c", code])
            run.first_line()
            settle(run, 2)
            figures[name] = {"cpu": run.cpu_share(idle), "rss": run.rss() / MiB}
            run.stop()

        run = Run(display, game_argv("--size", "1920x1080"), work / "title")
        settle(run, 5)
        figures["game, title waiting"] = {"cpu": run.cpu_share(idle), "rss": run.rss() / MiB}
        run.stop()

        run = Run(display, game_argv("--kiosk"), work / "attract")
        settle(run, 8)
        figures["game, kiosk attract loop"] = {"cpu": run.cpu_share(idle), "rss": run.rss() / MiB}
        run.stop()

        start = startup(display, runs, work)
        for t in threads:
            t.join()
        autoplay.stop()
        kiosk.stop()
    finally:
        server.terminate()
        server.wait(timeout=10)

    bare_rss = figures["bare window, waiting"]["rss"]
    print(f"bench_x11: Xvfb {SCREEN[0]}x{SCREEN[1]}, {'quick' if args.quick else 'full'} run, "
          f"waiting measured over {idle:.0f} s; CPU in % of one core")
    print(f"{'':34} {'CPU':>7} {'RSS MiB':>9} {'over bare':>10}")
    for name, f in figures.items():
        print(f"{name:34} {f['cpu'] * 100:6.1f}% {f['rss']:9.0f} {f['rss'] - bare_rss:+10.0f}")
    for label, minutes in (("autoplay", autoplay_min), ("kiosk", kiosk_min)):
        run = long_runs.get(label)
        if not run:
            continue
        samples = run["samples"]
        last = samples[-1][1]
        half = [m for t, m in samples if t >= samples[-1][0] / 2]
        trend = (half[-1] - half[0]) if len(half) > 1 else 0.0
        name = "autoplay 1920x1080" if label == "autoplay" else "kiosk play (--kiosk --autoplay)"
        print(f"{name}, {minutes:g} min: RSS {last:.0f} MiB ({last - bare_rss:+.0f} over bare), "
              f"change over the second half {trend:+.1f} MiB, CPU {run['cpu'] * 100:.1f}%"
              + ("" if run["alive"] else " (the game ended early!)"))
        print("   RSS by minute: " + ", ".join(f"{t:.0f}:{m:.0f}" for t, m in samples))
    ready = (f"{start['ready']:.2f} s after launch, {start['ready'] - start['first']:.2f} s after the first frame"
             if start["ready"] is not None else "not reported")
    print(f"start-up (median of {runs}): bare window first frame {start['bare'] * 1000:.0f} ms; game first frame "
          f"{start['first'] * 1000:.0f} ms ({start['first'] / start['bare']:.2f}x); content loaded (ready) {ready}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
