"""Every figure shown anywhere — operator page, ``stats summary``, ``stats report``, the dashboard.

The definitions are in docs/statistics.md and game/stats/facts.py; this module only
adds up facts, with the same SQL on a kiosk's SQLite file (the session rows and
facts tables) and on the county's PostgreSQL (the per-day totals its triggers keep).

* Computer-played (autoplay / monkey) games are left out unless asked for, and the
  totals say how many were left out.
* Open games (still playing) count nowhere until they close.
* Small counts: a rate, and a count of what people did (scammed, spotted, right
  answers …), is shown only when it rests on at least ``MIN_CASES`` cases; otherwise
  it is None. Counts of games and people are always shown: they say nothing about
  anyone's choices.
* Days are the kiosk's local calendar days (recorded with each game).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from game.content.models import Audience

from .db import open_for_reading
from .facts import CHECK_MEASURES, DIMS, SCAM_TYPE_MEASURES, SESSION_MEASURES, TECHNIQUE_MEASURES, check_pairs

MIN_CASES = 5
BREAKDOWNS = ("local_day", "site", "district", "audience", "pack", "mode", "device_id")

# Which figures of a session row are about what people did, and the count each rests on.
SESSION_PRIVATE = {
    "scammed": "scenarios", "spotted": "scenarios", "reported": "scenarios", "money_lost": "scenarios",
    "quiz_right": "quiz_answered",
    "safe_choices": "choices", "risky_choices": "choices", "neutral_choices": "choices",
}


# ---------------------------------------------------------------- where the figures come from

class Source:
    """A statistics database to read. ``tables`` maps a grain to its table; every table has the
    columns of ``facts.DIMS`` and the grain's measures."""

    kind = ""
    tables: dict[str, str] = {}
    closed_only: dict[str, str] = {}     # extra condition per grain (SQLite: open games have no facts yet)

    def fetch(self, sql: str, params: list) -> list[tuple]:
        raise NotImplementedError

    def day(self, day: date):
        return day


class SqliteSource(Source):
    kind = "sqlite"
    tables = {"sessions": "sessions", "scam_types": "scam_type_facts", "techniques": "technique_facts",
              "checks": "check_facts"}
    closed_only = {"sessions": "status <> 'open'"}

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def fetch(self, sql: str, params: list) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def day(self, day: date) -> str:
        return day.isoformat()

    def open_games(self, flt: Filter) -> int:
        where, params = flt.where(self, "sessions", closed=False)
        return self.fetch(f"SELECT COUNT(*) FROM sessions WHERE {where} AND status = 'open'", params)[0][0]


class PostgresSource(Source):
    kind = "postgresql"
    tables = {"sessions": "fanzha.session_daily", "scam_types": "fanzha.scam_type_daily",
              "techniques": "fanzha.technique_daily", "checks": "fanzha.check_daily"}

    def __init__(self, conn):
        self.conn = conn

    def fetch(self, sql: str, params: list) -> list[tuple]:
        return self.conn.execute(sql.replace("?", "%s"), params).fetchall()

    def open_games(self, flt: Filter) -> int:
        return 0          # only closed games are ever sent


def source_for(conn) -> Source:
    return SqliteSource(conn) if isinstance(conn, sqlite3.Connection) else PostgresSource(conn)


@dataclass(frozen=True)
class Filter:
    since: date | None = None          # first local day included
    until: date | None = None          # last local day included
    include_autoplay: bool = False
    site: str | None = None
    district: str | None = None
    device_id: str | None = None

    def where(self, src: Source, grain: str, *, autoplay: bool | None = None, closed: bool = True
              ) -> tuple[str, list]:
        parts, params = [], []
        if closed and grain in src.closed_only:
            parts.append(src.closed_only[grain])
        if self.since is not None:
            parts.append("local_day >= ?")
            params.append(src.day(self.since))
        if self.until is not None:
            parts.append("local_day <= ?")
            params.append(src.day(self.until))
        for column in ("site", "district", "device_id"):
            if getattr(self, column) is not None:
                parts.append(f"{column} = ?")
                params.append(getattr(self, column))
        if autoplay is True:
            parts.append("mode = 'autoplay'")
        elif not self.include_autoplay:
            parts.append("mode <> 'autoplay'")
        return " AND ".join(parts) or "1 = 1", params


def rate(part, whole) -> float | None:
    return part / whole if whole else None


def shown_rate(part, whole) -> float | None:
    """A rate only when it rests on at least MIN_CASES cases."""
    return part / whole if whole and whole >= MIN_CASES else None


def _sum_columns(measures) -> str:
    return ", ".join(f"COALESCE(SUM({m}), 0)" for m in measures)


def _number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


# Per grain, the columns one scan groups by; every breakdown over a subset of them is added up from that
# scan in Python (a county report then reads each per-day table about once, not once per breakdown).
WIDE = {"sessions": ("mode", "audience", "pack", "site", "district"),
        "scam_types": ("mode", "audience", "pack", "scam_type"),
        "techniques": ("mode", "audience", "pack", "technique"),
        "checks": ("mode", "audience", "pack", "scam_type")}


def _grouped(src: Source, grain: str, measures, flt: Filter, by: tuple[str, ...] = (), **where) -> list[dict]:
    if set(by) <= set(WIDE[grain]):
        return _from_wide(src, grain, tuple(measures), flt, by, where.get("autoplay"))
    return _scan(src, grain, measures, flt, by, **where)


def _from_wide(src: Source, grain: str, measures: tuple, flt: Filter, by: tuple, autoplay) -> list[dict]:
    key = (grain, measures, flt.since, flt.until, flt.site, flt.district, flt.device_id)
    memo = src.__dict__.setdefault("_memo", {})
    if key not in memo:
        wide = Filter(flt.since, flt.until, True, flt.site, flt.district, flt.device_id)
        memo[key] = _scan(src, grain, measures, wide, WIDE[grain])
    if autoplay is True:
        keep = [r for r in memo[key] if r["mode"] == "autoplay"]
    elif flt.include_autoplay:
        keep = memo[key]
    else:
        keep = [r for r in memo[key] if r["mode"] != "autoplay"]
    sums: dict[tuple, dict] = {}
    for r in keep:
        k = tuple(r[b] for b in by)
        row = sums.get(k)
        if row is None:
            sums[k] = {**dict(zip(by, k)), **{m: r[m] for m in measures}}
        else:
            for m in measures:
                row[m] += r[m]
    if not by and not sums:
        return [{m: 0 for m in measures}]
    return list(sums.values())


def _scan(src: Source, grain: str, measures, flt: Filter, by: tuple[str, ...] = (), **where) -> list[dict]:
    condition, params = flt.where(src, grain, **where)
    keys = ", ".join(by)
    rows = src.fetch(f"SELECT {keys + ', ' if keys else ''}{_sum_columns(measures)} FROM {src.tables[grain]} "
                     f"WHERE {condition}" + (f" GROUP BY {keys}" if keys else ""), params)
    out = []
    for row in rows:
        values = [_number(v) for v in row]
        item = {k: (str(v) if k == "local_day" else v) for k, v in zip(by, values[:len(by)])}
        item.update(zip(measures, values[len(by):]))
        out.append(item)
    return out


# ---------------------------------------------------------------- games and people

def _session_figures(row: dict) -> dict:
    """Add the games count, rates and small-count suppression to a row of summed session measures."""
    row["games"] = row["completed"] + row["abandoned"]
    row["choices"] = row["safe_choices"] + row["risky_choices"] + row["neutral_choices"]
    row["completion_rate"] = shown_rate(row["completed"], row["games"])
    row["avg_duration_s"] = (row["duration_completed_s"] / row["completed"]
                             if row["completed"] >= MIN_CASES else None)
    row["scammed_rate"] = shown_rate(row["scammed"], row["scenarios"])
    row["spotted_rate"] = shown_rate(row["spotted"], row["scenarios"])
    row["quiz_right_rate"] = shown_rate(row["quiz_right"], row["quiz_answered"])
    row["safe_choice_rate"] = shown_rate(row["safe_choices"], row["safe_choices"] + row["risky_choices"])
    for key, base in SESSION_PRIVATE.items():
        if row[base] < MIN_CASES:
            row[key] = None
    return row


def totals(src: Source, flt: Filter = Filter()) -> dict:
    """Sums over every closed game in the filter, with rates; plus how many computer games were
    left out (``autoplay_left_out``) and how many games are still open (``open_games``)."""
    [row] = _grouped(src, "sessions", SESSION_MEASURES, flt)
    row = _session_figures(row)
    days = [r["local_day"] for r in _days(src, flt)]
    row["first_day"] = min(days) if days else None
    row["last_day"] = max(days) if days else None
    row["autoplay_left_out"] = 0
    if not flt.include_autoplay:
        [auto] = _grouped(src, "sessions", ("completed", "abandoned"), flt, autoplay=True)
        row["autoplay_left_out"] = auto["completed"] + auto["abandoned"]
    row["open_games"] = src.open_games(flt)
    return row


def _days(src: Source, flt: Filter) -> list[dict]:
    key = ("days", flt)
    memo = src.__dict__.setdefault("_memo", {})
    if key not in memo:
        memo[key] = [r for r in _scan(src, "sessions", SESSION_MEASURES, flt, ("local_day",))
                     if r["completed"] + r["abandoned"]]
    return [dict(r) for r in memo[key]]


def breakdown(src: Source, flt: Filter, by: str) -> list[dict]:
    """Session figures per site, district, day, audience, pack, mode or device (``BREAKDOWNS``)."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    rows = _days(src, flt) if by == "local_day" else _grouped(src, "sessions", SESSION_MEASURES, flt, (by,))
    rows = [_session_figures(r) for r in rows]
    rows = [r for r in rows if r["games"]]
    if by == "audience":
        return sorted(rows, key=lambda r: audience_order(r["audience"]))
    if by == "local_day":
        return sorted(rows, key=lambda r: r["local_day"])
    return sorted(rows, key=lambda r: (-r["games"], r[by]))


def audience_order(audience: str) -> tuple:
    """Sort key: the Audience enum's order, unknown values last."""
    order = [a.value for a in Audience]
    return (order.index(audience) if audience in order else len(order), audience)


# ---------------------------------------------------------------- scam types, techniques

def scam_types(src: Source, flt: Filter = Filter(), by: str | None = None) -> list[dict]:
    """Per scam type (and ``by``): scenes played to a result, missed (scammed or answered wrong),
    spotted, miss rate. Most missed first; small counts suppressed."""
    rows = _grouped(src, "scam_types", SCAM_TYPE_MEASURES, flt, tuple(filter(None, (by, "scam_type"))))
    for r in rows:
        r["miss_rate"] = shown_rate(r["missed"], r["played"])
        if r["played"] < MIN_CASES:
            r["missed"] = r["spotted"] = None
    return sorted(rows, key=lambda r: (audience_order(r[by]) if by == "audience" else str(r.get(by, "")),
                                       -(r["missed"] or 0), -(r["miss_rate"] or 0), r["scam_type"]))


def techniques(src: Source, flt: Filter = Filter(), by: str | None = None) -> list[dict]:
    """Per technique (and ``by``): times met (a safe or risky choice tagged with it, or a quiz item),
    times missed (the risky choice, or a wrong answer), miss rate. Most missed first."""
    rows = _grouped(src, "techniques", TECHNIQUE_MEASURES, flt, tuple(filter(None, (by, "technique"))))
    for r in rows:
        r["miss_rate"] = shown_rate(r["missed"], r["met"])
        if r["met"] < MIN_CASES:
            r["missed"] = None
    return sorted(rows, key=lambda r: (audience_order(r[by]) if by == "audience" else str(r.get(by, "")),
                                       -(r["missed"] or 0), -(r["miss_rate"] or 0), r["technique"]))


def learning_gain(src: Source, flt: Filter = Filter(), by: str | None = None) -> list[dict]:
    """Matched before/after check pairs (per ``by``: audience, pack, scam_type, district, site …):
    right before, right after, both rates and the gain (after − before, in rate points)."""
    rows = _grouped(src, "checks", CHECK_MEASURES, flt, (by,) if by else ())
    out = []
    for r in rows:
        if not r["pairs"]:
            continue
        r["before_rate"] = shown_rate(r["before_right"], r["pairs"])
        r["after_rate"] = shown_rate(r["after_right"], r["pairs"])
        r["gain"] = None if r["before_rate"] is None else r["after_rate"] - r["before_rate"]
        if r["pairs"] < MIN_CASES:
            r["before_right"] = r["after_right"] = None
        out.append(r)
    if by == "audience":
        return sorted(out, key=lambda r: audience_order(r["audience"]))
    return sorted(out, key=lambda r: (-r["pairs"], str(r.get(by, ""))))


def top_missed(rows: list[dict], count: str, top: int) -> list[dict]:
    """Rows that may be shown (enough cases) with at least one miss, most missed first."""
    shown = [r for r in rows if r["missed"]]
    return sorted(shown, key=lambda r: (-r["missed"], -(r["miss_rate"] or 0)))[:top]


# ---------------------------------------------------------------- one class's check (classroom summary)

def session_check(conn: sqlite3.Connection, session_id: int) -> dict:
    """A game's learning check so far (open or closed), for the class summary:
    ``{"pairs", "before_right", "after_right", "before_answered", "after_answered"}``."""
    checks = [dict(zip(("phase", "scam_type", "correct"), r)) for r in conn.execute(
        "SELECT phase, scam_type, correct FROM checks WHERE session_id = ?", (session_id,))]
    unit = conn.execute("SELECT seat_unit FROM sessions WHERE id = ?", (session_id,)).fetchone()
    pairs = check_pairs(checks, by_hands=unit is not None and unit[0] == "team")
    return {"pairs": sum(p["pairs"] for p in pairs.values()),
            "before_right": sum(p["before_right"] for p in pairs.values()),
            "after_right": sum(p["after_right"] for p in pairs.values()),
            "before_answered": sum(c["phase"] == "before" for c in checks),
            "after_answered": sum(c["phase"] == "after" for c in checks)}


# ---------------------------------------------------------------- the operator page

def summary(db=None, flt: Filter = Filter(), *, top: int = 5, today: date | None = None) -> dict:
    """The operator page's figures in one dict. ``db``: a path, a SQLite or psycopg connection.
    Raises StatsError for a missing or unreadable database.

    Keys: everything from ``totals``; ``games_today``, ``people_today``, ``people_week``;
    ``by_audience`` (list); ``top_missed_scam_types`` and ``top_missed_techniques``
    (at most ``top`` each, only types with enough cases); ``learning_gain`` (one row or None).
    """
    conn = open_for_reading(db) if db is None or isinstance(db, (str, Path)) else db
    try:
        src = source_for(conn)
        today = today or date.today()
        result = totals(src, flt)
        on_day = totals(src, Filter(today, today, flt.include_autoplay, flt.site, flt.district, flt.device_id))
        week = totals(src, Filter(today - timedelta(days=6), today, flt.include_autoplay, flt.site, flt.district,
                                  flt.device_id))
        result["games_today"] = on_day["games"]
        result["people_today"] = on_day["people"]
        result["people_week"] = week["people"]
        result["by_audience"] = breakdown(src, flt, "audience")
        result["top_missed_scam_types"] = top_missed(scam_types(src, flt), "played", top)
        result["top_missed_techniques"] = top_missed(techniques(src, flt), "met", top)
        result["scam_types_counted"] = sum(1 for r in scam_types(src, flt) if r["miss_rate"] is not None)
        result["techniques_counted"] = sum(1 for r in techniques(src, flt) if r["miss_rate"] is not None)
        gain = learning_gain(src, flt)
        result["learning_gain"] = gain[0] if gain else None
        return result
    finally:
        if conn is not db:
            conn.close()
