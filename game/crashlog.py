"""Crash reports in ``user_data_dir()/logs``: what the operator sends us.

Each report is ``crash-<time>.txt``; the newest ``KEEP_REPORTS`` are kept, plus the first
report since the count was last cleared, which is usually the one that explains the rest.
``crashes.json`` counts them (total, first, last), so an operator sees at a glance that a
kiosk has been crashing, even after the reports of one bad day have rotated away.

No pygame here: the kiosk watchdog writes reports too.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

from .paths import user_data_dir

log = logging.getLogger("game.operator")

KEEP_REPORTS = 50
COUNT_FILE = "crashes.json"


def logs_dir() -> Path:
    folder = user_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_report(text: str) -> Path | None:
    """Write one report and count it; None if the disk refuses (the caller logs the text)."""
    try:
        folder = logs_dir()
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        path.write_text(text, encoding="utf-8")
        first = _count(folder, path)
        _prune(folder, keep=first)
        return path
    except OSError as err:
        log.error("crash report not written: %s", err)
        return None


def read_count(folder: Path | None = None) -> dict:
    """{"count": n, "first": {"time", "report"}, "last": {...}}; an empty dict if none yet."""
    try:
        data = json.loads(((folder or logs_dir()) / COUNT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("count"), int) else {}


def reset_count(folder: Path | None = None) -> None:
    """The operator read the reports and cleared the count (the reports themselves stay)."""
    try:
        (folder or logs_dir()).joinpath(COUNT_FILE).unlink()
    except FileNotFoundError:
        pass
    log.info("crash count cleared by the operator")


def _count(folder: Path, report: Path) -> Path:
    data = read_count(folder)
    entry = {"time": datetime.now().isoformat(timespec="seconds"), "report": report.name}
    data = {"count": data.get("count", 0) + 1, "first": data.get("first") or entry, "last": entry}
    tmp = folder / (COUNT_FILE + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, folder / COUNT_FILE)
    return folder / data["first"]["report"]


def _prune(folder: Path, keep: Path) -> None:
    reports = sorted(folder.glob("crash-*.txt"))
    for old in reports[:-KEEP_REPORTS]:
        if old != keep:
            try:
                old.unlink()
            except OSError:
                pass
