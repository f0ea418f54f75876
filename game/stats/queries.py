"""Figures for organisers, read from the statistics database.

Every query takes a ``Filter``. Computer-played (``autoplay``) sessions are
left out unless asked for: they reached nobody. Days are local days of the
machine running the query (organisers think in local days; times are stored
in UTC). Rates are fractions 0–1, or None when there is nothing to divide by.

Definitions:
- a scene is *missed* when a scenario ended ``scammed`` or a quiz item was answered wrong;
- a technique is *missed* when a risky choice tagged with it was taken (or a quiz item
  tagged with it was answered wrong); neutral choices count neither way;
- the safe-choice rate is safe / (safe + risky) choices.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from game.content.models import Audience

from .db import iso_utc, open_for_reading


@dataclass(frozen=True)
class Filter:
    since: date | None = None          # first local day included
    until: date | None = None          # last local day included
    include_autoplay: bool = False

    def where(self, alias: str = "s") -> tuple[str, list]:
        """SQL condition on the sessions table (under ``alias``) and its parameters."""
        parts, params = [], []
        if self.since is not None:
            parts.append(f"{alias}.started_at >= ?")
            params.append(_local_midnight_utc(self.since))
        if self.until is not None:
            parts.append(f"{alias}.started_at < ?")
            params.append(_local_midnight_utc(self.until + timedelta(days=1)))
        if not self.include_autoplay:
            parts.append(f"{alias}.mode <> 'autoplay'")
        return (" AND ".join(parts) or "1"), params


def _local_midnight_utc(day: date) -> str:
    return iso_utc(datetime.combine(day, time.min).astimezone())  # naive → local time zone


def rate(part: int | float, whole: int | float) -> float | None:
    return part / whole if whole else None


# ---------------------------------------------------------------- sessions

def totals(conn: sqlite3.Connection, flt: Filter = Filter()) -> dict:
    """Sessions, people (players), finished sessions, completion rate and average durations."""
    where, params = flt.where()
    row = conn.execute(f"""
        SELECT COUNT(*), COALESCE(SUM(players), 0), COALESCE(SUM(finished), 0),
               AVG(CASE WHEN finished = 1 THEN duration_s END), AVG(duration_s),
               MIN(started_at), MAX(started_at)
        FROM sessions s WHERE {where}""", params).fetchone()
    sessions, players, finished, avg_finished, avg_all, first, last = row
    scenes = conn.execute(f"""
        SELECT COUNT(*), COALESCE(SUM(c.kind = 'scenario'), 0), COALESCE(SUM(c.kind = 'quiz'), 0),
               AVG(c.duration_s)
        FROM scenes c JOIN sessions s ON s.id = c.session_id WHERE {where}""", params).fetchone()
    return {
        "sessions": sessions, "players": players, "finished": finished,
        "completion_rate": rate(finished, sessions),
        "avg_duration_s": avg_finished, "avg_duration_all_s": avg_all,
        "first_started_at": first, "last_started_at": last,
        "scenes": scenes[0], "scenarios": scenes[1], "quiz_items": scenes[2], "avg_scene_duration_s": scenes[3],
    }


def sessions_per_day(conn: sqlite3.Connection, flt: Filter = Filter()) -> list[dict]:
    """One row per local day that has sessions, oldest first."""
    where, params = flt.where()
    rows = conn.execute(f"""
        SELECT date(started_at, 'localtime') AS day, COUNT(*), SUM(players), SUM(finished)
        FROM sessions s WHERE {where} GROUP BY day ORDER BY day""", params).fetchall()
    return [{"day": day, "sessions": n, "players": players, "finished": finished}
            for day, n, players, finished in rows]


def completion_by_mode(conn: sqlite3.Connection, flt: Filter = Filter()) -> list[dict]:
    where, params = flt.where()
    rows = conn.execute(f"""
        SELECT mode, COUNT(*), SUM(finished), AVG(CASE WHEN finished = 1 THEN duration_s END)
        FROM sessions s WHERE {where} GROUP BY mode ORDER BY COUNT(*) DESC, mode""", params).fetchall()
    return [{"mode": mode, "sessions": n, "finished": done, "completion_rate": rate(done, n),
             "avg_duration_s": avg} for mode, n, done, avg in rows]


# ---------------------------------------------------------------- by audience

def by_audience(conn: sqlite3.Connection, flt: Filter = Filter()) -> list[dict]:
    """Per audience: reach, completion, scenes, quiz answers and choices."""
    where, params = flt.where()
    out: dict[str, dict] = {}
    for audience, sessions, players, finished, avg in conn.execute(f"""
            SELECT audience, COUNT(*), SUM(players), SUM(finished), AVG(CASE WHEN finished = 1 THEN duration_s END)
            FROM sessions s WHERE {where} GROUP BY audience""", params):
        out[audience] = {"audience": audience, "sessions": sessions, "players": players, "finished": finished,
                         "completion_rate": rate(finished, sessions), "avg_duration_s": avg,
                         "scenarios": 0, "scammed": 0, "money_lost": 0, "quiz_answered": 0, "quiz_correct": 0,
                         "safe_choices": 0, "risky_choices": 0, "neutral_choices": 0}
    for audience, scenarios, scammed, money, answered, right in conn.execute(f"""
            SELECT s.audience, SUM(c.kind = 'scenario' AND c.ending IS NOT NULL), SUM(c.ending = 'scammed'),
                   SUM(c.money_lost), SUM(c.correct IS NOT NULL), SUM(c.correct = 1)
            FROM scenes c JOIN sessions s ON s.id = c.session_id WHERE {where} GROUP BY s.audience""", params):
        out[audience].update(scenarios=scenarios, scammed=scammed or 0, money_lost=money or 0,
                             quiz_answered=answered or 0, quiz_correct=right or 0)
    for audience, outcome, n in conn.execute(f"""
            SELECT s.audience, h.outcome, COUNT(*)
            FROM choices h JOIN scenes c ON c.id = h.scene_id JOIN sessions s ON s.id = c.session_id
            WHERE {where} GROUP BY s.audience, h.outcome""", params):
        key = f"{outcome}_choices"
        if key in out[audience]:
            out[audience][key] = n
    for row in out.values():
        row["scammed_rate"] = rate(row["scammed"], row["scenarios"])
        row["quiz_correct_rate"] = rate(row["quiz_correct"], row["quiz_answered"])
        row["safe_choice_rate"] = rate(row["safe_choices"], row["safe_choices"] + row["risky_choices"])
    return sorted(out.values(), key=_audience_order)


def audience_order(audience: str) -> tuple:
    """Sort key: the Audience enum's order, unknown values last."""
    order = [a.value for a in Audience]
    return (order.index(audience) if audience in order else len(order), audience)


def _audience_order(row: dict) -> tuple:
    return audience_order(row["audience"])


def missed_scam_types(conn: sqlite3.Connection, flt: Filter = Filter()) -> list[dict]:
    """Per audience and scam type: scenes with a result, missed ones, miss rate. Most missed first."""
    where, params = flt.where()
    rows = conn.execute(f"""
        SELECT s.audience, c.scam_type, COUNT(*),
               SUM(CASE WHEN c.ending = 'scammed' OR c.correct = 0 THEN 1 ELSE 0 END)
        FROM scenes c JOIN sessions s ON s.id = c.session_id
        WHERE {where} AND c.scam_type <> '' AND (c.ending IS NOT NULL OR c.correct IS NOT NULL)
        GROUP BY s.audience, c.scam_type""", params).fetchall()
    out = [{"audience": a, "scam_type": t, "played": n, "missed": m, "miss_rate": rate(m, n)}
           for a, t, n, m in rows]
    return sorted(out, key=lambda r: (_audience_order(r), -r["missed"], -(r["miss_rate"] or 0), r["scam_type"]))


def missed_techniques(conn: sqlite3.Connection, flt: Filter = Filter()) -> list[dict]:
    """Per audience and technique: times met (safe or risky), times missed, miss rate. Most missed first."""
    where, params = flt.where()
    met: dict[tuple[str, str], int] = defaultdict(int)
    missed: dict[tuple[str, str], int] = defaultdict(int)
    # Grouping by the whole comma-separated text first leaves few rows to split in Python.
    choice_rows = conn.execute(f"""
        SELECT s.audience, h.techniques, COUNT(*), SUM(h.outcome = 'risky')
        FROM choices h JOIN scenes c ON c.id = h.scene_id JOIN sessions s ON s.id = c.session_id
        WHERE {where} AND h.techniques <> '' AND h.outcome IN ('safe', 'risky')
        GROUP BY s.audience, h.techniques""", params).fetchall()
    quiz_rows = conn.execute(f"""
        SELECT s.audience, c.techniques, COUNT(*), SUM(c.correct = 0)
        FROM scenes c JOIN sessions s ON s.id = c.session_id
        WHERE {where} AND c.techniques <> '' AND c.correct IS NOT NULL
        GROUP BY s.audience, c.techniques""", params).fetchall()
    for audience, techniques, n, m in choice_rows + quiz_rows:
        for technique in techniques.split(","):
            met[audience, technique] += n
            missed[audience, technique] += m
    out = [{"audience": a, "technique": t, "met": n, "missed": missed[a, t], "miss_rate": rate(missed[a, t], n)}
           for (a, t), n in met.items()]
    return sorted(out, key=lambda r: (_audience_order(r), -r["missed"], -(r["miss_rate"] or 0), r["technique"]))


def combine_audiences(rows: list[dict], key: str, count: str = "met") -> list[dict]:
    """Rows of ``missed_*`` summed over audiences, most missed first."""
    met: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    for row in rows:
        met[row[key]] += row[count]
        missed[row[key]] += row["missed"]
    out = [{key: k, count: n, "missed": missed[k], "miss_rate": rate(missed[k], n)} for k, n in met.items()]
    return sorted(out, key=lambda r: (-r["missed"], -(r["miss_rate"] or 0), r[key]))


# ---------------------------------------------------------------- operator menu

def summary(db: sqlite3.Connection | Path | str | None = None, flt: Filter = Filter(), *, top: int = 5) -> dict:
    """The organiser figures in one dict, for the operator menu. Raises StatsError for a missing/bad DB.

    Keys: everything from ``totals`` plus ``sessions_today``, ``safe_choice_rate``,
    ``by_audience`` (list), ``top_missed_scam_types`` and ``top_missed_techniques``
    (lists over all audiences, at most ``top`` each).
    """
    conn = db if isinstance(db, sqlite3.Connection) else open_for_reading(db)
    try:
        result = totals(conn, flt)
        today = date.today()
        result["sessions_today"] = totals(conn, Filter(today, today, flt.include_autoplay))["sessions"]
        audiences = by_audience(conn, flt)
        safe = sum(r["safe_choices"] for r in audiences)
        risky = sum(r["risky_choices"] for r in audiences)
        result["safe_choice_rate"] = rate(safe, safe + risky)
        result["by_audience"] = audiences
        kinds = combine_audiences(missed_scam_types(conn, flt), "scam_type", "played")
        techniques = combine_audiences(missed_techniques(conn, flt), "technique")
        result["top_missed_scam_types"] = [r for r in kinds if r["missed"]][:top]
        result["top_missed_techniques"] = [r for r in techniques if r["missed"]][:top]
        return result
    finally:
        if conn is not db:
            conn.close()
