"""Kill a statistics-writing process at random moments, then check the database survived.

Reusable: point ``kill_repeatedly`` at any command that writes to a statistics
database and prints a line after each session it has committed as finished,
e.g. ``python -m game play --autoplay --stats-db X`` once the game prints
``FINISHED <session id>`` lines. ``check_database`` then asserts the file is
intact and every reported session is in it.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHILD_WRITER = Path(__file__).with_name("stats_child_writer.py")
FINISHED_LINE = r"^FINISHED (\d+)\b"


@dataclass
class KillReport:
    kills: int = 0                                  # children killed while running
    exited: int = 0                                 # children that ended on their own (a problem)
    reported: set[int] = field(default_factory=set)  # session ids the children said were committed
    lines: list[str] = field(default_factory=list)   # the matching lines themselves
    stderr: list[str] = field(default_factory=list)


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_DIR), env.get("PYTHONPATH", "")]))
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env.update(extra)
    return env


def kill_repeatedly(command: list[str], *, kills: int = 10, min_delay: float = 0.05, max_delay: float = 0.6,
                    seed: int | None = None, env: dict[str, str] | None = None, cwd: Path | None = None,
                    finished_pattern: str = FINISHED_LINE, wait_for_report_every: int = 0,
                    report_timeout: float = 60.0) -> KillReport:
    """Start ``command`` ``kills`` times; SIGKILL each run after a random delay.

    Each run continues the same database. Only lines the child wrote before it
    died count as reports (the child must flush after each commit).
    With ``wait_for_report_every=N``, every Nth run first waits (up to
    ``report_timeout`` seconds) for its first report line and only then starts
    its random delay: a child that needs a while before its first commit worth
    reporting (a whole game) still gets killed at random moments, and some of
    its sessions are known to be committed.
    """
    rng = random.Random(seed)
    pattern = re.compile(finished_pattern)
    report = KillReport()
    for run in range(kills):
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env if env is not None else child_env(), cwd=cwd or PROJECT_DIR)
        lines: list[str] = []
        errors: list[str] = []
        readers = [threading.Thread(target=_drain, args=(proc.stdout, lines), daemon=True),
                   threading.Thread(target=_drain, args=(proc.stderr, errors), daemon=True)]
        for reader in readers:
            reader.start()
        if wait_for_report_every and run % wait_for_report_every == wait_for_report_every - 1:
            deadline = time.monotonic() + report_timeout
            while (time.monotonic() < deadline and proc.poll() is None
                   and not any(pattern.match(line) for line in list(lines))):
                time.sleep(0.02)
        time.sleep(rng.uniform(min_delay, max_delay))
        if proc.poll() is None:
            proc.kill()  # SIGKILL on POSIX: no clean-up code runs in the child
            report.kills += 1
        else:
            report.exited += 1
        proc.wait()
        for reader in readers:
            reader.join(timeout=10)
        report.stderr.extend(errors)
        for line in lines:
            match = pattern.match(line)
            if match:
                report.reported.add(int(match.group(1)))
                report.lines.append(line)
    return report


def _drain(stream, into: list[str]) -> None:
    for line in stream:
        into.append(line.rstrip("\n"))


def check_database(db: Path, reported: set[int]) -> None:
    """Assert: no corruption, nothing set aside, every reported session there and finished."""
    assert not [p.name for p in db.parent.iterdir() if ".bad-" in p.name], "the database was set aside"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finished = {row[0] for row in conn.execute("SELECT id FROM sessions WHERE finished = 1")}
    finally:
        conn.close()
    missing = reported - finished
    assert not missing, f"sessions reported finished but not in the database: {sorted(missing)[:20]}"


def child_writer_command(db: Path) -> list[str]:
    return [sys.executable, str(CHILD_WRITER), str(db)]
