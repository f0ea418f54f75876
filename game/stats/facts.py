"""What a closed session counts for: the one place the statistics are defined (docs/statistics.md).

When a session closes (completed, abandoned, or cut off when no end came), its
raw rows — scenes, choices, learning-check answers — are turned into *facts*:
counts on the session row, and one row per scam type, per technique and per
learning-check scam type. Every figure of every report and of the operator
page is a sum of facts, on the kiosk's SQLite file and in the county's
PostgreSQL alike (where triggers add them up per day). A closed session never
changes again (triggers refuse it), so what was synced stays true.

``session_facts`` is pure (no database), so the fleet benchmark makes the very
same facts as a kiosk.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .basics import iso_utc

# Columns that say where and what a session was; every facts row carries them, so each
# figure can be broken down the same way at every grain.
DIMS = ("local_day", "device_id", "site", "district", "mode", "audience", "pack")

# Counts on the session row (all additive: a report sums them).
SESSION_MEASURES = (
    "completed",             # 1: the game was played to its end (results / class summary)
    "abandoned",             # 1: left any other way, or cut off with no end recorded
    "people",                # person seats played by a human, in a completed game
    "teams",                 # team seats (classroom), in a completed game
    "computer_seats",        # seats the computer played (any game): never people
    "duration_completed_s",  # play time of a completed game
    "scenarios",             # scam scenes played to an ending
    "scammed",               # … that ended with the player scammed (missed)
    "spotted",               # … that ended escaped or reported
    "reported",              # … that ended reported
    "money_lost",            # yuan handed over in the scenes (play money)
    "quiz_answered",         # quiz items answered on the board or in a quiz round
    "quiz_right",
    "safe_choices",
    "risky_choices",
    "neutral_choices",
    "checked",               # 1: at least one matched before/after learning-check pair
)
SCAM_TYPE_MEASURES = ("played", "missed", "spotted")
TECHNIQUE_MEASURES = ("met", "missed")
CHECK_MEASURES = ("pairs", "before_right", "after_right")

STALE_AFTER = timedelta(hours=12)   # an open session this old was cut off (crash, power cut)
PHASES = ("before", "after")


@dataclass
class Facts:
    session: dict[str, float] = field(default_factory=dict)          # SESSION_MEASURES
    scam_types: dict[str, dict[str, int]] = field(default_factory=dict)
    techniques: dict[str, dict[str, int]] = field(default_factory=dict)
    checks: dict[str, dict[str, int]] = field(default_factory=dict)


def session_facts(*, status: str, humans: int, computers: int, seat_unit: str, duration_s: float | None,
                  scenes: list[dict], choices: list[dict], checks: list[dict]) -> Facts:
    """The facts of one closed session.

    ``scenes``: dicts with kind, scam_type, ending, correct, money_lost, techniques (comma text);
    ``choices``: dicts with outcome, techniques; ``checks``: dicts with phase, scam_type, correct.
    """
    completed = status == "completed"
    s = dict.fromkeys(SESSION_MEASURES, 0)
    s["completed"] = int(completed)
    s["abandoned"] = int(status == "abandoned")
    if completed:
        s["people" if seat_unit == "person" else "teams"] = humans
        s["duration_completed_s"] = float(duration_s or 0.0)
    s["computer_seats"] = computers
    kinds: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SCAM_TYPE_MEASURES, 0))
    tech: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(TECHNIQUE_MEASURES, 0))
    for scene in scenes:
        s["money_lost"] += scene.get("money_lost") or 0
        if scene["kind"] == "scenario":
            if scene.get("ending") is None:
                continue          # left before its ending: neither spotted nor missed
            missed = scene["ending"] == "scammed"
            s["scenarios"] += 1
            s["scammed"] += missed
            s["spotted"] += not missed
            s["reported"] += scene["ending"] == "reported"
        else:
            if scene.get("correct") is None:
                continue
            missed = not scene["correct"]
            s["quiz_answered"] += 1
            s["quiz_right"] += not missed
            for technique in _split(scene.get("techniques")):
                tech[technique]["met"] += 1
                tech[technique]["missed"] += missed
        if scene.get("scam_type"):
            row = kinds[scene["scam_type"]]
            row["played"] += 1
            row["missed"] += missed
            row["spotted"] += not missed
    for choice in choices:
        outcome = choice["outcome"]
        if outcome in ("safe", "risky", "neutral"):
            s[f"{outcome}_choices"] += 1
        if outcome in ("safe", "risky"):        # neutral choices count neither way
            for technique in _split(choice.get("techniques")):
                tech[technique]["met"] += 1
                tech[technique]["missed"] += outcome == "risky"
    pairs = check_pairs(checks, by_hands=seat_unit == "team")
    s["checked"] = int(bool(pairs))
    return Facts(s, dict(kinds), dict(tech), pairs)


def check_pairs(checks: list[dict], by_hands: bool = False) -> dict[str, dict[str, int]]:
    """Learning-check answers matched per scam type: a type counts only when as many items were
    answered after the game as before it (normally one each); a check left half-way counts nothing.

    ``by_hands``: a classroom's check, one row per hand raised. The hands before and after are not
    the same people one by one, so a type counts when both phases have hands: its pairs are the
    hands before, and the hands right after are scaled to that number (the share right is kept)."""
    answered: dict[str, dict[str, list[bool]]] = defaultdict(lambda: {"before": [], "after": []})
    for check in checks:
        if check.get("correct") is not None and check["phase"] in PHASES:
            answered[check["scam_type"]][check["phase"]].append(bool(check["correct"]))
    out = {}
    for scam_type, phases in answered.items():
        before, after = phases["before"], phases["after"]
        if not before or not after:
            continue
        if len(before) == len(after):
            out[scam_type] = {"pairs": len(before), "before_right": sum(before), "after_right": sum(after)}
        elif by_hands:
            out[scam_type] = {"pairs": len(before), "before_right": sum(before),
                              "after_right": round(sum(after) * len(before) / len(after))}
    return out


def _split(text: str | None) -> list[str]:
    return [t for t in (text or "").split(",") if t]


# ---------------------------------------------------------------- on the kiosk's SQLite file

def close_session(conn: sqlite3.Connection, session_id: int, *, status: str, ended_at: str | None,
                  duration_s: float | None) -> bool:
    """Close an open session and write its facts. Call inside a write transaction.
    False when the session is not open (already closed, or unknown)."""
    row = conn.execute("SELECT humans, computers, seat_unit FROM sessions WHERE id = ? AND status = 'open'",
                       (session_id,)).fetchone()
    if row is None:
        return False
    humans, computers, seat_unit = row
    scenes = [dict(zip(("kind", "scam_type", "ending", "correct", "money_lost", "techniques"), r))
              for r in conn.execute("SELECT kind, scam_type, ending, correct, money_lost, techniques FROM scenes "
                                    "WHERE session_id = ?", (session_id,))]
    choices = [{"outcome": o, "techniques": t} for o, t in conn.execute(
        "SELECT h.outcome, h.techniques FROM choices h JOIN scenes c ON c.id = h.scene_id WHERE c.session_id = ?",
        (session_id,))]
    checks = [dict(zip(("phase", "scam_type", "correct"), r)) for r in conn.execute(
        "SELECT phase, scam_type, correct FROM checks WHERE session_id = ?", (session_id,))]
    facts = session_facts(status=status, humans=humans, computers=computers, seat_unit=seat_unit,
                          duration_s=duration_s, scenes=scenes, choices=choices, checks=checks)
    assignments = ", ".join(f"{m} = ?" for m in SESSION_MEASURES)
    conn.execute(f"""UPDATE sessions SET status = ?, ended_at = ?, finished = ?, duration_s = ?, {assignments},
                            closed_seq = (SELECT COALESCE(MAX(closed_seq), 0) + 1 FROM sessions)
                     WHERE id = ?""",
                 (status, ended_at, int(status == "completed"), duration_s,
                  *[facts.session[m] for m in SESSION_MEASURES], session_id))
    for table, key, rows, measures in (("scam_type_facts", "scam_type", facts.scam_types, SCAM_TYPE_MEASURES),
                                       ("technique_facts", "technique", facts.techniques, TECHNIQUE_MEASURES),
                                       ("check_facts", "scam_type", facts.checks, CHECK_MEASURES)):
        if rows:
            conn.executemany(
                f"""INSERT INTO {table} (session_id, {key}, {', '.join(DIMS)}, {', '.join(measures)})
                    SELECT ?, ?, {', '.join(DIMS)}, {', '.join('?' * len(measures))} FROM sessions WHERE id = ?""",
                [(session_id, k, *[v[m] for m in measures], session_id) for k, v in sorted(rows.items())])
    return True


def cut_off_stale(conn: sqlite3.Connection, now: datetime) -> int:
    """Close as abandoned (no end time) every session left open for longer than ``STALE_AFTER``:
    its game was cut off by a crash, a kill or a power cut. Call inside a write transaction."""
    limit = iso_utc(now - STALE_AFTER)
    stale = [r[0] for r in conn.execute(
        "SELECT id FROM sessions WHERE status = 'open' AND started_at < ? ORDER BY id", (limit,))]
    for session_id in stale:
        close_session(conn, session_id, status="abandoned", ended_at=None, duration_s=None)
    return len(stale)
