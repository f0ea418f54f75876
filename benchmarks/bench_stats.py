"""Statistics speed: choices recorded per second and ``stats report`` time on 10,000 sessions.

    python benchmarks/bench_stats.py [--choices N] [--sessions N] [--keep DIR]

Each recorded choice is its own transaction, as in the game (WAL, synchronous=NORMAL).
The report database is generated (about 5 scenes and 10 choices per session).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.cli import main as game_main  # noqa: E402
from game.stats import StatsRecorder, summary  # noqa: E402
from game.stats.db import open_for_writing  # noqa: E402
from game.stats.sample import fill_sample  # noqa: E402


def bench_choices(folder: Path, n: int) -> None:
    with StatsRecorder(folder / "choices.sqlite3") as recorder:
        session = recorder.start_session(mode="kiosk", audience="elderly", players=1)
        scene = recorder.begin_scene(session, kind="scenario", item_id="police_safe_account", scam_type="fake_police")
        start = time.perf_counter()
        for i in range(n):
            recorder.record_choice(scene, node="call", choice_index=i % 3, outcome="risky", ladder="engaged",
                                   techniques=["authority", "fear"], duration_s=3.2)
        seconds = time.perf_counter() - start
        assert recorder.last_error is None, recorder.last_error
    print(f"record_choice: {n} choices in {seconds:.2f} s = {n / seconds:,.0f} per second "
          f"({seconds / n * 1000:.2f} ms each)")


def bench_report(folder: Path, sessions: int) -> None:
    db = folder / "report.sqlite3"
    start = time.perf_counter()
    fill_sample(db, sessions, seed=1, days=90)
    print(f"generated {sessions:,} sessions in {time.perf_counter() - start:.1f} s "
          f"({db.stat().st_size / 1e6:.1f} MB)")

    start = time.perf_counter()
    conn, _ = open_for_writing(db)   # what the game pays at start-up: quick_check + schema check
    conn.close()
    print(f"open for recording (quick_check): {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    summary(db)
    print(f"summary (operator menu): {time.perf_counter() - start:.2f} s")

    out = folder / "report"
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = game_main(["stats", "report", "--db", str(db), "--out", str(out)])
    seconds = time.perf_counter() - start
    assert code == 0, code
    print(f"stats report: {seconds:.2f} s for {sessions:,} sessions ({len(list(out.iterdir()))} files)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--choices", type=int, default=5000)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=None, help="keep the databases and report in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_stats_"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        bench_choices(folder, args.choices)
        bench_report(folder, args.sessions)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
