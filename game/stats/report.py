"""``python -m game stats report``: CSV tables, PNG charts and (``--html``) one dashboard page.

``--db`` is a kiosk's SQLite file or the county's PostgreSQL (a ``postgresql://`` URL,
``service=NAME`` or other libpq settings). CSV files are UTF-8 with a byte-order mark
so spreadsheet programs show the Chinese names. Rates are percentages with one
decimal; empty when there was nothing to count or fewer than 5 cases.
"""

from __future__ import annotations

import argparse
import csv
import logging
import sqlite3
import sys
from datetime import date
from pathlib import Path

from . import queries
from .db import StatsError
from .labels import audience_name, mode_name, scam_type_name, technique_name
from .queries import Filter
from .report_charts import build_charts
from .report_charts import pct_text as _pct
from game.content.validate_cmd import add_content_argument, content_sources
from .central import connect_report, is_postgres_target
from .db import open_for_reading
from game.content.loader import load_library
from game.content.packs import ContentSources
from game.i18n.catalogs import environment_locale, get_translator, use_pack_catalogs
from game.i18n.message import say
from . import labels
from .dashboard import write_dashboard

log = logging.getLogger("game.stats")

CSV_FILES = ("sessions_per_day.csv", "completion.csv", "missed_scam_types.csv", "missed_techniques.csv",
             "by_audience.csv", "by_site.csv", "by_district.csv", "by_pack.csv", "learning_gain.csv")
PNG_FILES = ("sessions_per_day.png", "completion.png", "missed_scam_types_by_audience.png",
             "missed_techniques.png", "learning_gain.png")
HTML_FILE = "index.html"
LOCALES = ("zh_Hans", "zh_Hant", "en")


# ---------------------------------------------------------------- command line

def add_locale_argument(parser: argparse.ArgumentParser, what: str = "messages") -> None:
    parser.add_argument("--locale", choices=LOCALES, default=None,
                        help=f"language of the {what} (default: from LANGUAGE / LC_ALL / LANG, else zh_Hans)")


def command_locale(args: argparse.Namespace) -> str:
    """``--locale``, else the environment's (``game.i18n.environment_locale``)."""
    return getattr(args, "locale", None) or environment_locale()


def translator(args: argparse.Namespace):
    """The ``tr`` for what a ``stats`` command prints."""
    return get_translator(command_locale(args))


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: '{text}' (expected YYYY-MM-DD, e.g. 2024-05-01)") from None


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=None, metavar="PATH|URL",
                        help="statistics database: a SQLite file (default: stats.sqlite3 in the user data "
                             "folder) or PostgreSQL (postgresql://… URL, service=NAME)")
    parser.add_argument("--since", type=parse_day, default=None, metavar="DATE",
                        help="only games on or after this local day (YYYY-MM-DD)")
    parser.add_argument("--until", type=parse_day, default=None, metavar="DATE",
                        help="only games on or before this local day (YYYY-MM-DD)")
    parser.add_argument("--site", default=None, help="only this site")
    parser.add_argument("--district", default=None, help="only this district")
    parser.add_argument("--include-autoplay", action="store_true",
                        help="also count computer-played (autoplay) games (never as people)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_filter_arguments(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for the CSV files and PNG charts (created if missing)")
    parser.add_argument("--html", action="store_true", help="also write index.html, a self-contained dashboard")
    add_locale_argument(parser, "dashboard and of the messages")
    add_content_argument(parser)


def filter_from(args: argparse.Namespace) -> Filter:
    return Filter(args.since, args.until, args.include_autoplay, getattr(args, "site", None),
                  getattr(args, "district", None))


def open_db(db):
    """A SQLite connection (path) or a psycopg connection (URL / libpq settings). StatsError otherwise."""
    if db is not None and is_postgres_target(str(db)):
        return connect_report(str(db))
    return open_for_reading(db)


def run(args: argparse.Namespace) -> int:
    flt = filter_from(args)
    if flt.since and flt.until and flt.since > flt.until:
        print(f"stats report: --since {flt.since} is after --until {flt.until}", file=sys.stderr)
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"stats report: --out must be a folder, but {args.out} is a file", file=sys.stderr)
        return 2
    if not use_content(args):
        return 2
    tr = translator(args)
    try:
        conn = open_db(args.db)
    except StatsError as exc:
        print(f"stats report: {say(exc, tr)}", file=sys.stderr)
        return 1
    try:
        written = write_report(conn, args.out, flt, html=args.html, locale=command_locale(args))
        figures = queries.totals(queries.source_for(conn), flt)
    except StatsError as exc:
        print(f"stats report: {say(exc, tr)}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"stats report: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print("stats report: " + tr("读取统计数据库出错：{reason}").format(reason=exc), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 — organisers get a message, not a traceback
        print(f"stats report: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    print(f"{figures['completed']} games completed, {figures['abandoned']} abandoned, {figures['people']} people, "
          f"completion {_pct(figures['completion_rate']) or '-'}%")
    if figures["autoplay_left_out"]:
        print(f"{figures['autoplay_left_out']} computer-played (autoplay) games left out (--include-autoplay)")
    print(f"wrote {len(written)} files to {args.out}")
    return 0


def use_content(args: argparse.Namespace) -> bool:
    """Scam type names and their translations from every pack the kiosk has, and ``--content``."""
    sources = content_sources(args, "stats report")
    if sources is None:
        return False
    try:
        result = load_library(sources=ContentSources(extra=sources.extra, everything=True), check_font=False)
    except Exception as exc:  # noqa: BLE001 — names are a courtesy; the report itself must come out
        log.warning("report: scam type names from the content packs left out: %s", exc)
        return True
    labels.use_content(result)
    use_pack_catalogs([s.locales_dir for s in result.packs if s.locales_dir and s.locales_dir.is_dir()])
    return True


# ---------------------------------------------------------------- the report

def gather(conn, flt: Filter = Filter()) -> dict:
    """Every table of the report, from the one query module."""
    src = queries.source_for(conn)
    return {
        "totals": queries.totals(src, flt),
        "per_day": queries.breakdown(src, flt, "local_day"),
        "by_mode": queries.breakdown(src, flt, "mode"),
        "by_audience": queries.breakdown(src, flt, "audience"),
        "by_site": queries.breakdown(src, flt, "site"),
        "by_district": queries.breakdown(src, flt, "district"),
        "by_pack": queries.breakdown(src, flt, "pack"),
        "scam_types": queries.scam_types(src, flt),
        "scam_types_by_audience": queries.scam_types(src, flt, "audience"),
        "techniques": queries.techniques(src, flt),
        "gain": queries.learning_gain(src, flt),
        "gain_by": {by: queries.learning_gain(src, flt, by) for by in ("audience", "pack", "scam_type")},
        "filter": flt,
    }


def write_report(conn, out: Path, flt: Filter = Filter(), *, html: bool = False, locale: str = "zh_Hans"
                 ) -> list[Path]:
    """Write every CSV and PNG (and index.html) into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    data = gather(conn, flt)
    t = data["totals"]
    written = [
        _csv(out / "sessions_per_day.csv", ["day", "completed", "abandoned", "people", "teams"],
             [{**r, "day": r["local_day"]} for r in data["per_day"]]),
        _csv(out / "completion.csv", ["mode", "mode_name", "completed", "abandoned", "completion_pct",
                                      "avg_duration_s"], _completion_rows(t, data["by_mode"])),
        _csv(out / "missed_scam_types.csv", ["audience", "audience_name", "scam_type", "scam_type_name",
                                             "played", "missed", "spotted", "miss_pct"],
             [{**r, "audience_name": audience_name(r["audience"]), "scam_type_name": scam_type_name(r["scam_type"]),
               "miss_pct": _pct(r["miss_rate"])} for r in data["scam_types_by_audience"]]),
        _csv(out / "missed_techniques.csv", ["technique", "technique_name", "met", "missed", "miss_pct"],
             [{**r, "technique_name": technique_name(r["technique"]), "miss_pct": _pct(r["miss_rate"])}
              for r in data["techniques"]]),
        _csv(out / "by_audience.csv", ["audience", "audience_name", *BREAKDOWN_COLUMNS],
             [{**_figures_row(r), "audience_name": audience_name(r["audience"])} for r in data["by_audience"]]),
        _csv(out / "by_site.csv", ["site", *BREAKDOWN_COLUMNS], [_figures_row(r) for r in data["by_site"]]),
        _csv(out / "by_district.csv", ["district", *BREAKDOWN_COLUMNS],
             [_figures_row(r) for r in data["by_district"]]),
        _csv(out / "by_pack.csv", ["pack", *BREAKDOWN_COLUMNS], [_figures_row(r) for r in data["by_pack"]]),
        _csv(out / "learning_gain.csv", ["by", "value", "name", "pairs", "before_right", "after_right", "before_pct",
                                         "after_pct", "gain_points"], _gain_rows(data)),
    ]
    from . import charts  # pygame only when drawing PNGs
    for name, chart in zip(PNG_FILES, build_charts(data)):
        charts.save(charts.draw(chart), out / name)
        written.append(out / name)
    if html:
        written.append(write_dashboard(data, out / HTML_FILE, locale))
    return written


BREAKDOWN_COLUMNS = ["completed", "abandoned", "people", "teams", "completion_pct", "avg_duration_s", "scenarios",
                     "scammed", "spotted", "scammed_pct", "money_lost", "quiz_answered", "quiz_right",
                     "quiz_right_pct", "safe_choices", "risky_choices", "neutral_choices", "safe_choice_pct"]


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def _csv(path: Path, columns: list[str], rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows([{k: ("" if v is None else v) for k, v in r.items()} for r in rows])
    return path


def _figures_row(row: dict) -> dict:
    return {**row, "completion_pct": _pct(row["completion_rate"]), "avg_duration_s": _seconds(row["avg_duration_s"]),
            "scammed_pct": _pct(row["scammed_rate"]), "quiz_right_pct": _pct(row["quiz_right_rate"]),
            "safe_choice_pct": _pct(row["safe_choice_rate"])}


def _completion_rows(totals: dict, modes: list[dict]) -> list[dict]:
    rows = [{**totals, "mode": "all", "mode_name": "全部"}] if totals["games"] else []
    rows += [{**r, "mode_name": mode_name(r["mode"])} for r in modes]
    return [{**r, "completion_pct": _pct(r["completion_rate"]), "avg_duration_s": _seconds(r["avg_duration_s"])}
            for r in rows]


def _gain_rows(data: dict) -> list[dict]:
    names = {"audience": audience_name, "scam_type": scam_type_name, "pack": lambda v: v}
    rows = [{**r, "by": "all", "value": "", "name": "全部"} for r in data["gain"]]
    for by, items in data["gain_by"].items():
        rows += [{**r, "by": by, "value": r[by], "name": names[by](r[by])} for r in items]
    return [{**r, "before_pct": _pct(r["before_rate"]), "after_pct": _pct(r["after_rate"]),
             "gain_points": "" if r["gain"] is None else f"{r['gain'] * 100:+.1f}"} for r in rows]
