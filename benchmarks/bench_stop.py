"""How long the game takes to stop when asked from outside (target: under 2 s in every mode).

    python benchmarks/bench_stop.py [--runs N]

Starts ``python -m game play --MODE --autoplay`` (dummy SDL drivers, a throw-away data
folder), waits until a game is in progress, sends the signal and times the exit. The kiosk
runs under its watchdog, which passes the signal on, so its figure includes that hop.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def game_in_progress(db: Path) -> bool:
    if not db.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=2)
        try:
            return conn.execute("SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def one_stop(mode: str, signame: str) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "stats.sqlite3"
        env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "FANZHA_DATA_DIR": tmp}
        proc = subprocess.Popen([sys.executable, "-m", "game", "play", f"--{mode}", "--autoplay",
                                 "--stats-db", str(db)], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not game_in_progress(db) and time.monotonic() < deadline:
            time.sleep(0.05)
        began = time.perf_counter()
        proc.send_signal(getattr(signal, signame))
        code = proc.wait(timeout=60)
        return time.perf_counter() - began, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for mode in ("kiosk", "normal", "classroom"):
        for signame in ("SIGTERM", "SIGINT", "SIGHUP"):
            runs = [one_stop(mode, signame) for _ in range(args.runs)]
            times = [t for t, _ in runs]
            codes = sorted({c for _, c in runs})
            print(f"{mode:9} {signame:7} median {statistics.median(times) * 1000:6.0f} ms, "
                  f"worst {max(times) * 1000:6.0f} ms, exit status {codes}")


if __name__ == "__main__":
    main()
