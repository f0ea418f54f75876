"""``python -m game stats report``: CSV tables and PNG charts for organisers.

CSV files are UTF-8 with a byte-order mark so spreadsheet programs show the
Chinese names correctly. Rates are percentages with one decimal; empty when
there was nothing to count.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

from . import queries
from .db import StatsError, open_for_reading
from .labels import audience_name, mode_name, scam_type_name, technique_name
from .queries import Filter

CSV_FILES = ("sessions_per_day.csv", "completion.csv", "missed_scam_types.csv", "missed_techniques.csv",
             "by_audience.csv")
PNG_FILES = ("sessions_per_day.png", "completion.png", "missed_scam_types_by_audience.png",
             "missed_techniques.png")
MIN_COUNT = 5          # charts leave out rates computed from fewer cases than this
TOP_SCAM_TYPES = 10


# ---------------------------------------------------------------- command line

def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: '{text}' (expected YYYY-MM-DD, e.g. 2024-05-01)") from None


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=None, metavar="PATH",
                        help="statistics database (default: stats.sqlite3 in the user data folder)")
    parser.add_argument("--since", type=parse_day, default=None, metavar="DATE",
                        help="only sessions on or after this local day (YYYY-MM-DD)")
    parser.add_argument("--until", type=parse_day, default=None, metavar="DATE",
                        help="only sessions on or before this local day (YYYY-MM-DD)")
    parser.add_argument("--include-autoplay", action="store_true",
                        help="also count computer-played (autoplay) sessions")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_filter_arguments(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for the CSV files and PNG charts (created if missing)")


def filter_from(args: argparse.Namespace) -> Filter:
    return Filter(args.since, args.until, args.include_autoplay)


def run(args: argparse.Namespace) -> int:
    flt = filter_from(args)
    if flt.since and flt.until and flt.since > flt.until:
        print(f"stats report: --since {flt.since} is after --until {flt.until}", file=sys.stderr)
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"stats report: --out must be a folder, but {args.out} is a file", file=sys.stderr)
        return 2
    try:
        conn = open_for_reading(args.db)
    except StatsError as exc:
        print(f"stats report: {exc}", file=sys.stderr)
        return 1
    try:
        written = write_report(conn, args.out, flt)
        figures = queries.totals(conn, flt)
    except StatsError as exc:
        print(f"stats report: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"stats report: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print(f"stats report: 读取统计数据库出错：{exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 — organisers get a message, not a traceback
        print(f"stats report: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    print(f"{figures['sessions']} sessions, {figures['players']} players, "
          f"completion {_pct(figures['completion_rate']) or '-'}%, {figures['scenes']} scenes")
    print(f"wrote {len(written)} files to {args.out}")
    return 0


# ---------------------------------------------------------------- the report

def write_report(conn: sqlite3.Connection, out: Path, flt: Filter = Filter()) -> list[Path]:
    """Write every CSV and PNG into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    per_day = queries.sessions_per_day(conn, flt)
    totals = queries.totals(conn, flt)
    modes = queries.completion_by_mode(conn, flt)
    scam_types = queries.missed_scam_types(conn, flt)
    techniques = queries.missed_techniques(conn, flt)
    audiences = queries.by_audience(conn, flt)

    written = [
        _csv(out / "sessions_per_day.csv", ["day", "sessions", "players", "finished"], per_day),
        _csv(out / "completion.csv", ["mode", "mode_name", "sessions", "finished", "completion_pct",
                                      "avg_duration_s"], _completion_rows(totals, modes)),
        _csv(out / "missed_scam_types.csv", ["audience", "audience_name", "scam_type", "scam_type_name",
                                             "played", "missed", "miss_pct"],
             [{**r, "audience_name": audience_name(r["audience"]), "scam_type_name": scam_type_name(r["scam_type"]),
               "miss_pct": _pct(r["miss_rate"])} for r in scam_types]),
        _csv(out / "missed_techniques.csv", ["audience", "audience_name", "technique", "technique_name",
                                             "met", "missed", "miss_pct"],
             [{**r, "audience_name": audience_name(r["audience"]), "technique_name": technique_name(r["technique"]),
               "miss_pct": _pct(r["miss_rate"])} for r in techniques]),
        _csv(out / "by_audience.csv", BY_AUDIENCE_COLUMNS, [_audience_row(r) for r in audiences]),
    ]
    from . import charts  # pygame only when drawing
    subtitle = _period(flt, totals)
    for name, surface in (
        ("sessions_per_day.png", _sessions_chart(charts, per_day, subtitle)),
        ("completion.png", _completion_chart(charts, totals, modes, subtitle)),
        ("missed_scam_types_by_audience.png", _scam_type_chart(charts, scam_types, subtitle)),
        ("missed_techniques.png", _technique_chart(charts, techniques, subtitle)),
    ):
        charts.save(surface, out / name)
        written.append(out / name)
    return written


BY_AUDIENCE_COLUMNS = ["audience", "audience_name", "sessions", "players", "finished", "completion_pct",
                       "avg_duration_s", "scenarios", "scammed", "scammed_pct", "money_lost", "quiz_answered",
                       "quiz_correct", "quiz_correct_pct", "safe_choices", "risky_choices", "neutral_choices",
                       "safe_choice_pct"]


def _pct(fraction: float | None) -> str:
    return "" if fraction is None else f"{fraction * 100:.1f}"


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def _csv(path: Path, columns: list[str], rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _completion_rows(totals: dict, modes: list[dict]) -> list[dict]:
    rows = [{"mode": "all", "mode_name": "全部", "sessions": totals["sessions"], "finished": totals["finished"],
             "completion_rate": totals["completion_rate"], "avg_duration_s": totals["avg_duration_s"]}]
    rows += [{**r, "mode_name": mode_name(r["mode"])} for r in modes]
    return [{**r, "completion_pct": _pct(r["completion_rate"]), "avg_duration_s": _seconds(r["avg_duration_s"])}
            for r in rows]


def _audience_row(row: dict) -> dict:
    return {**row, "audience_name": audience_name(row["audience"]),
            "completion_pct": _pct(row["completion_rate"]), "avg_duration_s": _seconds(row["avg_duration_s"]),
            "scammed_pct": _pct(row["scammed_rate"]), "quiz_correct_pct": _pct(row["quiz_correct_rate"]),
            "safe_choice_pct": _pct(row["safe_choice_rate"])}


# ---------------------------------------------------------------- charts

def _period(flt: Filter, totals: dict) -> str:
    first = flt.since or _local_day(totals["first_started_at"])
    last = flt.until or _local_day(totals["last_started_at"])
    span = f"{first} 至 {last}" if first and last else "全部时间"
    autoplay = "（含自动演示）" if flt.include_autoplay else ""
    return f"{span} · 共 {totals['sessions']:,} 场{autoplay}"


def _local_day(iso: str | None) -> date | None:
    if not iso:
        return None
    from datetime import datetime
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone().date()


def _sessions_chart(charts, per_day: list[dict], subtitle: str):
    counts = {date.fromisoformat(r["day"]): r["sessions"] for r in per_day}
    days: list[date] = []
    if counts:
        day, last = min(counts), max(counts)
        while day <= last:   # days without sessions show as gaps, so the time axis stays honest
            days.append(day)
            day += timedelta(days=1)
    values = [counts.get(d, 0) for d in days]
    series = charts.Series("场次", values, [str(v) if v else "" for v in values])
    fmt = "%Y-%m-%d" if days and days[0].year != days[-1].year else "%m-%d"
    return charts.column_chart("每日游戏场次", [d.strftime(fmt) for d in days], series,
                               x_label="日期", y_label="场次", subtitle=subtitle)


def _completion_chart(charts, totals: dict, modes: list[dict], subtitle: str):
    rows = [("全部", totals)] + [(f"{mode_name(r['mode'])}模式", r) for r in modes] if totals["sessions"] else []
    series = charts.Series("完成率", [r["completion_rate"] or 0 for _, r in rows],
                           [f"{_pct(r['completion_rate'])}%（{r['finished']}/{r['sessions']}）" for _, r in rows])
    return charts.bar_chart("游戏完成率", [name for name, _ in rows], [series], x_label="玩到终点的场次比例",
                            subtitle=subtitle)


def _scam_type_chart(charts, rows: list[dict], subtitle: str):
    combined = queries.combine_audiences(rows, "scam_type", "played")
    ranked = sorted((r for r in combined if r["played"] >= MIN_COUNT),
                    key=lambda r: (-(r["miss_rate"] or 0), -r["missed"]))[:TOP_SCAM_TYPES]
    kinds = [r["scam_type"] for r in ranked]
    audiences = sorted({r["audience"] for r in rows}, key=queries.audience_order)
    cell = {(r["audience"], r["scam_type"]): r for r in rows}
    series = []
    for i, audience in enumerate(audiences):
        values, labels = [], []
        for kind in kinds:
            r = cell.get((audience, kind))
            usable = r is not None and r["played"] >= MIN_COUNT
            values.append(r["miss_rate"] if usable else None)
            labels.append(f"{_pct(r['miss_rate'])}%" if usable else "次数不足" if r else "—")
        series.append(charts.Series(audience_name(audience), values, labels,
                                    charts.SERIES_COLOURS[i % len(charts.SERIES_COLOURS)]))
    return charts.bar_chart("最容易上当的诈骗类型（按人群）", [scam_type_name(k) for k in kinds], series,
                            x_label=f"被骗或答错的比例（少于 {MIN_COUNT} 次的不计）", subtitle=subtitle)


def _technique_chart(charts, rows: list[dict], subtitle: str):
    combined = [r for r in queries.combine_audiences(rows, "technique") if r["met"] >= MIN_COUNT]
    combined.sort(key=lambda r: (-(r["miss_rate"] or 0), -r["missed"]))
    series = charts.Series("上当率", [r["miss_rate"] for r in combined],
                           [f"{_pct(r['miss_rate'])}%（{r['missed']}/{r['met']}）" for r in combined])
    return charts.bar_chart("最容易得逞的诈骗手法", [technique_name(r["technique"]) for r in combined], [series],
                            x_label=f"遇到该手法时选了危险选项的比例（少于 {MIN_COUNT} 次的不计）", subtitle=subtitle)
