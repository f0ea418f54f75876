"""``python -m game stats report``: CSV tables, PNG charts and (``--html``) one dashboard page.

``--db`` is a kiosk's SQLite file or the county's PostgreSQL (a ``postgresql://`` URL,
``service=NAME`` or other libpq settings). CSV files are UTF-8 with a byte-order mark
so spreadsheet programs show the Chinese names. Rates are percentages with one
decimal; empty when there was nothing to count or fewer than 5 cases.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

from . import queries
from .chartspec import SERIES_COLOURS, Chart, Series
from .db import StatsError
from .labels import audience_name, mode_name, scam_type_name, technique_name
from .queries import MIN_CASES, Filter

CSV_FILES = ("sessions_per_day.csv", "completion.csv", "missed_scam_types.csv", "missed_techniques.csv",
             "by_audience.csv", "by_site.csv", "by_district.csv", "by_pack.csv", "learning_gain.csv")
PNG_FILES = ("sessions_per_day.png", "completion.png", "missed_scam_types_by_audience.png",
             "missed_techniques.png", "learning_gain.png")
HTML_FILE = "index.html"
TOP_SCAM_TYPES = 10
LOCALES = ("zh_Hans", "zh_Hant", "en")


# ---------------------------------------------------------------- command line

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
    parser.add_argument("--locale", choices=LOCALES, default="zh_Hans", help="language of the dashboard")
    from game.content.validate_cmd import add_content_argument
    add_content_argument(parser)


def filter_from(args: argparse.Namespace) -> Filter:
    return Filter(args.since, args.until, args.include_autoplay, getattr(args, "site", None),
                  getattr(args, "district", None))


def open_db(db):
    """A SQLite connection (path) or a psycopg connection (URL / libpq settings). StatsError otherwise."""
    from .central import is_postgres_target
    if db is not None and is_postgres_target(str(db)):
        from .central import connect_report
        return connect_report(str(db))
    from .db import open_for_reading
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
    try:
        conn = open_db(args.db)
    except StatsError as exc:
        print(f"stats report: {exc}", file=sys.stderr)
        return 1
    try:
        written = write_report(conn, args.out, flt, html=args.html, locale=args.locale)
        figures = queries.totals(queries.source_for(conn), flt)
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
    print(f"{figures['completed']} games completed, {figures['abandoned']} abandoned, {figures['people']} people, "
          f"completion {_pct(figures['completion_rate']) or '-'}%")
    if figures["autoplay_left_out"]:
        print(f"{figures['autoplay_left_out']} computer-played (autoplay) games left out (--include-autoplay)")
    print(f"wrote {len(written)} files to {args.out}")
    return 0


def use_content(args: argparse.Namespace) -> bool:
    """Scam type names and their translations from every pack the kiosk has, and ``--content``."""
    from game.content.validate_cmd import content_sources
    sources = content_sources(args, "stats report")
    if sources is None:
        return False
    try:
        from game.content.loader import load_library
        from game.content.packs import ContentSources
        from game.i18n.catalogs import use_pack_catalogs
        from . import labels
        result = load_library(sources=ContentSources(extra=sources.extra, everything=True), check_font=False)
    except Exception:  # noqa: BLE001 — names are a courtesy; the report itself must come out
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
        from .dashboard import write_dashboard
        written.append(write_dashboard(data, out / HTML_FILE, locale))
    return written


BREAKDOWN_COLUMNS = ["completed", "abandoned", "people", "teams", "completion_pct", "avg_duration_s", "scenarios",
                     "scammed", "spotted", "scammed_pct", "money_lost", "quiz_answered", "quiz_right",
                     "quiz_right_pct", "safe_choices", "risky_choices", "neutral_choices", "safe_choice_pct"]


def _pct(fraction: float | None) -> str:
    return "" if fraction is None else f"{fraction * 100:.1f}"


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


# ---------------------------------------------------------------- charts (one spec, PNG and SVG)

def period_text(data: dict, tr=lambda s: s) -> str:
    flt, t = data["filter"], data["totals"]
    first = flt.since or t["first_day"]
    last = flt.until or t["last_day"]
    span = tr("{a} 至 {b}").format(a=first, b=last) if first and last else tr("全部时间")
    text = span + " · " + tr("完成 {n} 场").format(n=f"{t['completed']:,}")
    if flt.include_autoplay:
        text += tr("（含电脑自动演示）")
    return text


def empty_reason(data: dict, tr=lambda s: s, *, small: bool = False) -> str:
    """Why a chart has nothing to show: no games at all, autoplay left out, or too few cases."""
    t = data["totals"]
    if not t["games"]:
        if t["autoplay_left_out"]:
            return (tr("没有真人玩的游戏") + "\n" + tr("电脑自动演示的 {n} 场不计入（加 --include-autoplay 可查看）")
                    .format(n=t["autoplay_left_out"]))
        if t["open_games"]:
            return tr("暂无已结束的游戏") + "\n" + tr("{n} 场还在进行，结束后才计入").format(n=t["open_games"])
        return tr("暂无数据") + "\n" + tr("这段时间没有记录到游戏")
    if small:
        return (tr("次数不足，未画出") + "\n" + tr("每一项至少要有 {n} 次才显示，以免认出个人").format(n=MIN_CASES))
    return tr("暂无数据")


def _notes(data: dict, tr) -> list[str]:
    t = data["totals"]
    notes = []
    if t["autoplay_left_out"]:
        notes.append(tr("电脑自动演示的 {n} 场不计入").format(n=t["autoplay_left_out"]))
    return notes


def build_charts(data: dict, tr=lambda s: s, names=None) -> list[Chart]:
    """The report's charts, in PNG_FILES order."""
    names = names or {"scam_type": scam_type_name, "technique": technique_name, "audience": audience_name,
                      "mode": mode_name}
    subtitle = period_text(data, tr)
    notes = _notes(data, tr)
    return [per_day_chart(data, tr, subtitle, notes), completion_chart(data, tr, subtitle, notes, names),
            scam_type_chart(data, tr, subtitle, notes, names), technique_chart(data, tr, subtitle, notes, names),
            gain_chart(data, tr, subtitle, notes, names)]


def per_day_chart(data: dict, tr, subtitle: str, notes: list[str]) -> Chart:
    counts = {date.fromisoformat(r["local_day"]): r["completed"] for r in data["per_day"]}
    days: list[date] = []
    if counts:
        day, last = min(counts), max(counts)
        while day <= last:   # days without games show as gaps, so the time axis stays honest
            days.append(day)
            day += timedelta(days=1)
    values = [counts.get(d, 0) for d in days]
    fmt = "%Y-%m-%d" if days and days[0].year != days[-1].year else "%m-%d"
    return Chart("columns", tr("每日完成的游戏场次"), [d.strftime(fmt) for d in days],
                 [Series(tr("场次"), values, [str(v) if v else "" for v in values])], x_label=tr("日期"),
                 y_label=tr("场次"), subtitle=subtitle, empty=empty_reason(data, tr), notes=notes)


def _named(tr, names, kind: str, value) -> str:
    """``value``'s name in the report's language. The lookup stays outside ``tr(…)``: older Babel
    releases extract any string inside ``tr(…)`` as a message ("scam_type")."""
    name = names[kind](value)
    return tr(name)


def completion_chart(data: dict, tr, subtitle: str, notes: list[str], names) -> Chart:
    t = data["totals"]
    rows = ([(tr("全部"), t)] + [(_named(tr, names, "mode", r["mode"]), r) for r in data["by_mode"]]) if t["games"] else []
    shown = [(name, r) for name, r in rows if r["completion_rate"] is not None]
    series = Series(tr("完成率"), [r["completion_rate"] for _, r in shown],
                    [f"{_pct(r['completion_rate'])}%（{r['completed']}/{r['games']}）" for _, r in shown])
    return Chart("bars", tr("游戏完成率"), [name for name, _ in shown], [series], x_label=tr("玩到终点的比例"),
                 subtitle=subtitle, percent=True, empty=empty_reason(data, tr, small=bool(rows)), notes=notes)


def scam_type_chart(data: dict, tr, subtitle: str, notes: list[str], names) -> Chart:
    ranked = sorted((r for r in data["scam_types"] if r["miss_rate"] is not None),
                    key=lambda r: (-r["miss_rate"], -r["missed"]))[:TOP_SCAM_TYPES]
    kinds = [r["scam_type"] for r in ranked]
    rows = data["scam_types_by_audience"]
    audiences = sorted({r["audience"] for r in rows if r["scam_type"] in kinds}, key=queries.audience_order)
    cell = {(r["audience"], r["scam_type"]): r for r in rows}
    series = []
    for i, audience in enumerate(audiences):
        values, labels = [], []
        for kind in kinds:
            r = cell.get((audience, kind))
            values.append(r["miss_rate"] if r else None)
            labels.append(f"{_pct(r['miss_rate'])}%" if r and r["miss_rate"] is not None
                          else tr("不足 {n} 次").format(n=MIN_CASES) if r else "—")
        series.append(Series(_named(tr, names, "audience", audience), values, labels,
                             SERIES_COLOURS[i % len(SERIES_COLOURS)]))
    return Chart("bars", tr("最容易上当的诈骗类型（按人群）"), [_named(tr, names, "scam_type", k) for k in kinds], series,
                 x_label=tr("被骗或答错的比例（少于 {n} 次的不计）").format(n=MIN_CASES), subtitle=subtitle,
                 percent=True, empty=empty_reason(data, tr, small=bool(data["scam_types"])), notes=notes)


def technique_chart(data: dict, tr, subtitle: str, notes: list[str], names) -> Chart:
    rows = sorted((r for r in data["techniques"] if r["miss_rate"] is not None),
                  key=lambda r: (-r["miss_rate"], -r["missed"]))
    series = Series(tr("上当率"), [r["miss_rate"] for r in rows],
                    [f"{_pct(r['miss_rate'])}%（{r['missed']}/{r['met']}）" for r in rows])
    return Chart("bars", tr("最容易得逞的诈骗手法"), [_named(tr, names, "technique", r["technique"]) for r in rows], [series],
                 x_label=tr("遇到该手法时选了危险选项或答错的比例（少于 {n} 次的不计）").format(n=MIN_CASES),
                 subtitle=subtitle, percent=True, empty=empty_reason(data, tr, small=bool(data["techniques"])),
                 notes=notes)


def gain_chart(data: dict, tr, subtitle: str, notes: list[str], names) -> Chart:
    rows = [r for r in data["gain_by"]["scam_type"] if r["before_rate"] is not None]
    overall = [r for r in data["gain"] if r["before_rate"] is not None]
    categories = [tr("全部")] * bool(overall) + [_named(tr, names, "scam_type", r["scam_type"]) for r in rows]
    rows = overall + rows
    before = Series(tr("游戏前答对"), [r["before_rate"] for r in rows],
                    [f"{_pct(r['before_rate'])}%" for r in rows], SERIES_COLOURS[5])
    after = Series(tr("游戏后答对"), [r["after_rate"] for r in rows],
                   [f"{_pct(r['after_rate'])}%（{r['gain'] * 100:+.0f}）" for r in rows], SERIES_COLOURS[3])
    if data["totals"]["games"] and not data["gain"]:
        empty = tr("没有做过游戏前后小测验的场次") + "\n" + tr("在内容包设置里打开“前后小测验”即可统计学习效果")
    else:
        empty = empty_reason(data, tr, small=bool(data["gain"]))
    return Chart("bars", tr("学习效果：游戏前后小测验答对率"), categories, [before, after],
                 x_label=tr("同一类诈骗，游戏前后各答一题（少于 {n} 对的不计）").format(n=MIN_CASES),
                 subtitle=subtitle, percent=True, empty=empty, notes=notes)
