"""The report's charts, one spec each (``chartspec.Chart``), drawn as PNG by ``charts`` and as SVG
by ``svg``: sessions per day, completion, missed scam types, missed techniques, learning gain."""

from __future__ import annotations

from datetime import date, timedelta

from . import queries
from .chartspec import SERIES_COLOURS, Chart, Series
from .labels import audience_name, mode_name, scam_type_name, technique_name
from .queries import MIN_CASES

TOP_SCAM_TYPES = 10


def pct_text(fraction: float | None) -> str:
    """A share as percent text with one decimal ('' for none)."""
    return "" if fraction is None else f"{fraction * 100:.1f}"

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
                    [f"{pct_text(r['completion_rate'])}%（{r['completed']}/{r['games']}）" for _, r in shown])
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
            labels.append(f"{pct_text(r['miss_rate'])}%" if r and r["miss_rate"] is not None
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
                    [f"{pct_text(r['miss_rate'])}%（{r['missed']}/{r['met']}）" for r in rows])
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
                    [f"{pct_text(r['before_rate'])}%" for r in rows], SERIES_COLOURS[5])
    after = Series(tr("游戏后答对"), [r["after_rate"] for r in rows],
                   [f"{pct_text(r['after_rate'])}%（{r['gain'] * 100:+.0f}）" for r in rows], SERIES_COLOURS[3])
    if data["totals"]["games"] and not data["gain"]:
        empty = tr("没有做过游戏前后小测验的场次") + "\n" + tr("在内容包设置里打开“前后小测验”即可统计学习效果")
    else:
        empty = empty_reason(data, tr, small=bool(data["gain"]))
    return Chart("bars", tr("学习效果：游戏前后小测验答对率"), categories, [before, after],
                 x_label=tr("同一类诈骗，游戏前后各答一题（少于 {n} 对的不计）").format(n=MIN_CASES),
                 subtitle=subtitle, percent=True, empty=empty, notes=notes)
