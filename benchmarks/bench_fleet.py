"""A county's year in PostgreSQL: 200 kiosks × 365 days, then one kiosk's sync and the county report.

    python benchmarks/bench_fleet.py [--kiosks 200] [--days 365] [--per-day 27] [--sync 10000]

Starts its own throw-away PostgreSQL cluster (tests/pg/pgcluster.py, durable settings:
fsync on), fills it with about ``kiosks × days × per-day`` sessions made by
``game.stats.sample`` with the number of scenarios and quizzes per game drawn from the
simulator's games on the shipped park board, and their facts from ``game.stats.facts``
(exactly what kiosks would send). Then it times:

* a sync of ``--sync`` new sessions from one kiosk's SQLite file (target ≤ 5 s);
* the full county report, CSV + PNG + HTML (target ≤ 3 s).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "pg"))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.stats.facts import (CHECK_MEASURES, DIMS, SCAM_TYPE_MEASURES, SESSION_MEASURES,  # noqa: E402
                              TECHNIQUE_MEASURES, session_facts)
from game.stats.sample import fill_sample, make_session  # noqa: E402
from game.stats.site import SiteInfo  # noqa: E402
from game.stats.sync import TABLES  # noqa: E402

DISTRICTS = ("城关镇", "河西镇", "东坝镇", "南山乡", "北湖街道", "新城街道", "清水镇", "石桥镇")


def simulated_scene_counts(games: int = 300) -> list[tuple[int, int]]:
    """(scenarios, quizzes) per game from the simulator on the shipped park board."""
    from game.content.loader import load_library
    from game.rules.engine import PlayerSpec
    from game.rules.simulate import play_game
    library = load_library().library
    board = library.boards["park_simple"]
    pack = next(p for p in library.packs.values() if board.id in p.boards)
    seeds = random.Random(1)
    out = []
    for _ in range(games):
        g = play_game(board, [PlayerSpec("A", policy="random"), PlayerSpec("B", policy="random")],
                      seeds.getrandbits(32), library=library, pack=pack)
        out.append((g.scenarios, g.quizzes))
    return out


def rows_for(data: dict, uuid: str, site: SiteInfo) -> dict[str, list[tuple]]:
    """The rows a kiosk would send for one closed session (sync.TABLES order)."""
    started = data["started_at"]
    local_day = started.astimezone().date()
    dims = {"local_day": local_day, "device_id": site.device_id, "site": site.site, "district": site.district,
            "mode": data["mode"], "audience": data["audience"], "pack": data["pack"]}
    facts = session_facts(status=data["status"], humans=data["players"] - data["computers"],
                          computers=data["computers"], seat_unit=data["seat_unit"], duration_s=data["duration_s"],
                          scenes=data["scenes"], choices=[c for s in data["scenes"] for c in s["choices"]],
                          checks=data["checks"])
    out: dict[str, list[tuple]] = {t: [] for t in TABLES}
    out["sessions"].append((uuid, *[dims[d] for d in DIMS], started, data["ended_at"], data["locale"], data["board"],
                            data["players"], data["players"] - data["computers"], data["computers"],
                            data["seat_unit"], data["status"], data["duration_s"],
                            *[facts.session[m] for m in SESSION_MEASURES]))
    for seq, scene in enumerate(data["scenes"], 1):
        out["scenes"].append((uuid, seq, site.device_id, scene["kind"], scene["item_id"], scene["scam_type"],
                              scene["ending"], None if scene["correct"] is None else bool(scene["correct"]),
                              scene["money_lost"], scene["furthest"], scene["techniques"], scene["duration_s"]))
        for n, c in enumerate(scene["choices"], 1):
            out["choices"].append((uuid, seq, n, site.device_id, c["node"], c["choice_index"], c["outcome"],
                                   c["ladder"], c["techniques"], c["duration_s"]))
    for n, c in enumerate(data["checks"], 1):
        out["checks"].append((uuid, n, site.device_id, c["phase"], c["item_id"], c["scam_type"], c["correct"]))
    for table, grain, measures in (("scam_type_facts", facts.scam_types, SCAM_TYPE_MEASURES),
                                   ("technique_facts", facts.techniques, TECHNIQUE_MEASURES),
                                   ("check_facts", facts.checks, CHECK_MEASURES)):
        for key, values in sorted(grain.items()):
            out[table].append((uuid, key, *[dims[d] for d in DIMS], *[values[m] for m in measures]))
    return out


def fill_county(url: str, kiosks: int, days: int, per_day: int, scene_counts) -> int:
    """COPY a year of every kiosk into PostgreSQL, one kiosk at a time (the triggers keep the daily totals)."""
    import psycopg
    end = datetime(2026, 11, 30, 20, tzinfo=timezone.utc)
    total = 0
    began = time.perf_counter()
    with psycopg.connect(url) as conn:
        for k in range(kiosks):
            rng = random.Random(k)
            site = SiteInfo(f"{k + 1:032x}", f"展台{k + 1:03d}", DISTRICTS[k % len(DISTRICTS)])
            # A kiosk runs one pack in one mode; one machine in ten is a classroom, a few games are demos.
            audience = rng.choice(("elderly", "students", "workplace", "general"))
            main_mode = "classroom" if k % 10 == 0 else "kiosk"
            batch: dict[str, list[tuple]] = {t: [] for t in TABLES}
            n = 0
            for day in range(days):
                for _ in range(max(0, round(rng.gauss(per_day, per_day / 4)))):
                    mode = "autoplay" if rng.random() < 0.03 else main_mode
                    data = make_session(rng, end - timedelta(days=day), 1, checks=0.25, scene_counts=scene_counts,
                                        audience="students" if mode == "classroom" else audience, mode=mode)
                    ident = f"{int(data['started_at'].timestamp() * 1000):012x}7{rng.getrandbits(76):019x}"
                    for table, rows in rows_for(data, ident, site).items():
                        batch[table].extend(rows)
                    n += 1
            with conn.transaction():
                for table in ("scenes", "choices", "checks", "scam_type_facts", "technique_facts", "check_facts",
                              "sessions"):
                    columns = ", ".join(c for c, _ in TABLES[table])
                    with conn.cursor().copy(f"COPY fanzha.{table} ({columns}) FROM STDIN") as copy:
                        for row in batch[table]:
                            copy.write_row(row)
            total += n
            if (k + 1) % 20 == 0:
                rate = total / (time.perf_counter() - began)
                print(f"  {k + 1} kiosks, {total:,} sessions ({rate:,.0f}/s)", flush=True)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiosks", type=int, default=200)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--per-day", type=float, default=27.4, help="sessions per kiosk and day (≈ 2 M a year)")
    parser.add_argument("--sync", type=int, default=10_000, help="new sessions synced from one kiosk")
    args = parser.parse_args()

    from pgcluster import PgCluster

    from game.cli import main as game_main
    from game.stats.migrate import migrate
    from game.stats.sync import sync_once

    cluster = PgCluster(durable=True, settings={"shared_buffers": "'1GB'", "work_mem": "'64MB'",
                                                "max_wal_size": "'8GB'", "checkpoint_timeout": "'30min'"})
    try:
        url = cluster.admin_url()
        migrate(url)
        counts = simulated_scene_counts()
        mean = (sum(a for a, _ in counts) / len(counts), sum(b for _, b in counts) / len(counts))
        print(f"simulator: {mean[0]:.1f} scenarios and {mean[1]:.1f} quizzes per game on park_simple")
        began = time.perf_counter()
        total = fill_county(url, args.kiosks, args.days, args.per_day, counts)
        print(f"filled {total:,} sessions in {time.perf_counter() - began:.0f} s")

        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "kiosk.sqlite3"
            site = SiteInfo(f"{args.kiosks + 1:032x}", "新展台", DISTRICTS[0])
            fill_sample(db, args.sync, seed=99, days=30, open_sessions=0, site=site)
            began = time.perf_counter()
            result = sync_once(db, url)
            seconds = time.perf_counter() - began
            assert result.ok and result.sent == args.sync, result
            print(f"sync of {args.sync:,} new sessions from one kiosk: {seconds:.2f} s (target ≤ 5 s)")

            for html in (False, True):
                out = Path(folder) / ("report_html" if html else "report")
                began = time.perf_counter()
                quiet = io.StringIO()
                old, sys.stdout = sys.stdout, quiet
                try:
                    code = game_main(["stats", "report", "--db", url, "--out", str(out)] + (["--html"] * html))
                finally:
                    sys.stdout = old
                seconds = time.perf_counter() - began
                assert code == 0
                print(f"county report{' with --html' if html else ''} on {total + args.sync:,} sessions: "
                      f"{seconds:.2f} s (target ≤ 3 s)")
        import psycopg
        with psycopg.connect(url) as conn:
            size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
            rows = {t: conn.execute(f"SELECT reltuples::bigint FROM pg_class WHERE oid = 'fanzha.{t}'::regclass"
                                    ).fetchone()[0] for t in ("sessions", "scenes", "choices", "session_daily",
                                                              "scam_type_daily", "technique_daily")}
        print(f"database {size}; rows " + ", ".join(f"{t} {n:,}" for t, n in rows.items()))
    finally:
        cluster.destroy()


if __name__ == "__main__":
    main()
