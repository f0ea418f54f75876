"""``stats report --html``: one self-contained ``index.html`` for organisers.

Everything is inside the file: CSS, SVG charts (svg.py) and, when fontTools is
installed, the bundled Noto Sans SC font cut down to the characters on the page —
so it opens the same in any browser, with no network. Text is in the report's
locale (Chinese first: zh_Hans is the source language; other locales come from the
game's catalogs).
"""

from __future__ import annotations

import base64
import io
import logging
from html import escape
from pathlib import Path

from game.i18n.catalogs import get_translator

from . import svg
from .chartspec import FONT_FILES
from .labels import audience_name, mode_name, scam_type_name, technique_name
from .queries import MIN_CASES
from .report_charts import build_charts, period_text

log = logging.getLogger("game.stats")

HTML_LANG = {"zh_Hans": "zh-Hans", "zh_Hant": "zh-Hant", "en": "en"}

CSS = """
body{margin:0;background:#f6f2ec;color:#28211c;font-family:FanzhaSans,'Noto Sans SC','Noto Sans CJK SC',
'Microsoft YaHei','PingFang SC',sans-serif;line-height:1.5}
main{max-width:1040px;margin:0 auto;padding:24px 20px 60px}
h1{color:#aa281e;font-size:30px;margin:0 0 4px}h2{font-size:21px;margin:36px 0 10px;color:#aa281e}
.sub{color:#5c524a;margin:0 0 18px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.tile{background:#fff;border-radius:10px;padding:14px 16px;box-shadow:0 1px 2px #0001}
.tile b{display:block;font-size:28px;color:#aa281e}.tile span{color:#5c524a;font-size:14px}
.notice{background:#fff7dc;border-left:5px solid #f0b000;padding:8px 14px;margin:12px 0;border-radius:4px}
figure{background:#fff;border-radius:10px;padding:14px;margin:0 0 16px;box-shadow:0 1px 2px #0001}
figcaption{font-weight:bold;margin-bottom:6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
th,td{padding:6px 10px;border-bottom:1px solid #e2ded8;text-align:right}th:first-child,td:first-child{text-align:left}
th{background:#efe9e1}.muted{color:#8a7f76}footer{color:#5c524a;font-size:13px;margin-top:36px}
"""


def _translator(locale: str):
    if locale == "zh_Hans":
        return lambda s: s
    try:
        return get_translator(locale)
    except Exception as exc:  # noqa: BLE001 — untranslated beats no report
        log.warning("dashboard: no %s translation, the page stays in Chinese: %s", locale, exc)
        return lambda s: s


def _pct(x) -> str:
    return "—" if x is None else f"{x * 100:.1f}%"


def _n(x) -> str:
    return "—" if x is None else f"{x:,}"


def write_dashboard(data: dict, path: Path, locale: str = "zh_Hans") -> Path:
    tr = _translator(locale)
    names = {"scam_type": scam_type_name, "technique": technique_name, "audience": audience_name,
             "mode": mode_name}
    t = data["totals"]
    gain = data["gain"][0] if data["gain"] else None
    tiles = [(_n(t["completed"]), tr("完成的游戏（场）")), (_n(t["people"]), tr("参与人数（真人）")),
             (_n(t["abandoned"]), tr("未玩完（场）")), (_pct(t["completion_rate"]), tr("完成率")),
             (_pct(t["safe_choice_rate"]), tr("安全选择率")),
             (_pct(gain["gain"]) if gain and gain["gain"] is not None else "—", tr("小测验答对率提升"))]
    if t["teams"]:
        tiles.insert(2, (_n(t["teams"]), tr("课堂小组")))
    notices = []
    if t["autoplay_left_out"]:
        notices.append(tr("电脑自动演示的 {n} 场不计入。").format(n=t["autoplay_left_out"]))
    if t["open_games"]:
        notices.append(tr("{n} 场还在进行，结束后才计入。").format(n=t["open_games"]))
    notices.append(tr("少于 {n} 次的比例和结果不显示（“—”），以免认出个人；电脑玩家不算人数。").format(n=MIN_CASES))
    charts = build_charts(data, tr, names)
    captions = [tr("每日完成的游戏"), tr("完成率"), tr("最容易上当的诈骗类型"), tr("最容易得逞的手法"), tr("学习效果")]
    parts = [f"<h1>{escape(tr('反诈飞行棋 · 活动统计'))}</h1>",
             f"<p class='sub'>{escape(period_text(data, tr))}</p>",
             "<div class='tiles'>" + "".join(f"<div class='tile'><b>{escape(v)}</b><span>{escape(k)}</span></div>"
                                             for v, k in tiles) + "</div>",
             *[f"<div class='notice'>{escape(n)}</div>" for n in notices]]
    for caption, chart in zip(captions, charts):
        parts.append(f"<h2>{escape(caption)}</h2><figure class='chart'>{svg.render(chart)}</figure>")
    parts.append(f"<h2>{escape(tr('各地点'))}</h2>" + _table(data["by_site"], "site", tr("地点"), tr))
    parts.append(f"<h2>{escape(tr('各乡镇/街道'))}</h2>" + _table(data["by_district"], "district", tr("乡镇/街道"), tr))
    parts.append(f"<h2>{escape(tr('各人群'))}</h2>"
                 + _table(data["by_audience"], "audience", tr("人群"), tr, lambda v: tr(audience_name(v))))
    parts.append(f"<h2>{escape(tr('各内容包'))}</h2>" + _table(data["by_pack"], "pack", tr("内容包"), tr))
    parts.append(f"<h2>{escape(tr('学习效果（按人群、内容包、诈骗类型）'))}</h2>" + _gain_table(data, tr))
    parts.append(f"<footer>{escape(tr('数据来自各展台、课堂的匿名统计，不含任何个人信息。'))}</footer>")
    body = "".join(parts)
    page = (f"<!DOCTYPE html><html lang='{HTML_LANG.get(locale, 'zh-Hans')}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"<title>{escape(tr('反诈飞行棋 · 活动统计'))}</title><style>{_font_face(body)}{CSS}</style></head>"
            f"<body><main>{body}</main></body></html>")
    path.write_text(page, encoding="utf-8")
    return path


def _table(rows: list[dict], key: str, heading: str, tr, name=lambda v: v) -> str:
    if not rows:
        return f"<p class='muted'>{escape(tr('暂无数据'))}</p>"
    head = [heading, tr("完成"), tr("未玩完"), tr("人数"), tr("完成率"), tr("被骗率"), tr("安全选择率")]
    out = ["<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for r in rows:
        cells = [name(r[key]) or tr("（未设置）"), _n(r["completed"]), _n(r["abandoned"]), _n(r["people"]),
                 _pct(r["completion_rate"]), _pct(r["scammed_rate"]), _pct(r["safe_choice_rate"])]
        out.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>")
    return "".join(out) + "</table>"


def _gain_table(data: dict, tr) -> str:
    names = {"audience": lambda v: tr(audience_name(v)), "pack": lambda v: v,
             "scam_type": lambda v: tr(scam_type_name(v))}
    rows = [(tr(label), names[by](r[by]), r) for by, label in (("audience", "人群"), ("pack", "内容包"),
                                                             ("scam_type", "诈骗类型"))
            for r in data["gain_by"][by]]
    if not rows:
        return f"<p class='muted'>{escape(tr('没有做过游戏前后小测验的场次'))}</p>"
    head = [tr("分组"), "", tr("题目对数"), tr("游戏前答对"), tr("游戏后答对"), tr("提升")]
    out = ["<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for group, value, r in rows:
        gain = "—" if r["gain"] is None else f"{r['gain'] * 100:+.1f}"
        cells = [group, value, _n(r["pairs"]), _pct(r["before_rate"]), _pct(r["after_rate"]), gain]
        out.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>")
    return "".join(out) + "</table>"


def _font_face(text: str) -> str:
    """@font-face with the bundled font cut to ``text``'s characters (small), or '' without fontTools."""
    try:
        from fontTools import subset  # fontTools (the test extra) only to subset the dashboard's font
    except ImportError:
        return ""
    out = []
    for bold, weight in ((False, "normal"), (True, "bold")):
        source = FONT_FILES[bold]
        if not source.exists():
            continue
        try:
            options = subset.Options()
            options.flavor = None
            font = subset.load_font(str(source), options)
            sub = subset.Subsetter(options)
            sub.populate(text="".join(sorted(set(text))) + "0123456789%—·.,:+-（）")
            sub.subset(font)
            buffer = io.BytesIO()
            font.save(buffer)
        except Exception as exc:  # noqa: BLE001 — the page works without it
            log.warning("dashboard font not embedded: %s", exc)
            return ""
        data = base64.b64encode(buffer.getvalue()).decode()
        out.append(f"@font-face{{font-family:FanzhaSans;font-weight:{weight};"
                   f"src:url(data:font/otf;base64,{data}) format('opentype')}}")
    return "".join(out)
