"""SVG charts for the HTML dashboard: the same ``chartspec.Chart`` as the PNGs, as text.

No pygame: a dashboard can be written on a server with no display libraries.
Text widths are estimated (a CJK character ≈ 1 em, others ≈ 0.6 em); the browser
draws the text with the reader's own fonts.
"""

from __future__ import annotations

import unicodedata
from html import escape

from .chartspec import GRID, INK, MUTED, Chart, tick_text, ticks

WIDTH = 960
FONT = "FanzhaSans,'Noto Sans SC','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"


def _rgb(colour) -> str:
    return "#%02x%02x%02x" % tuple(colour)


def text_width(text: str, px: float) -> float:
    return sum(px if unicodedata.east_asian_width(ch) in "WF" else px * 0.6 for ch in text)


def _fit(text: str, px: float, width: float) -> str:
    if text_width(text, px) <= width:
        return text
    while text and text_width(text + "…", px) > width:
        text = text[:-1]
    return text + "…"


def _t(x, y, text, px=14, colour=INK, anchor="start", weight="normal", baseline="middle") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{px}" fill="{_rgb(colour)}" text-anchor="{anchor}" '
            f'dominant-baseline="{baseline}" font-weight="{weight}">{escape(text)}</text>')


def render(chart: Chart) -> str:
    """One ``<svg>`` element, width 100 % of its container (viewBox scaling)."""
    body, height = (_columns(chart) if chart.kind == "columns" else _bars(chart)) if chart.categories \
        else _empty(chart)
    notes = [_t(WIDTH / 2, height + 20 * i + 14, _fit(n, 13, WIDTH - 40), 13, MUTED, "middle")
             for i, n in enumerate(chart.notes)]
    height += 20 * len(chart.notes) + (10 if chart.notes else 0)
    label = escape(chart.title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-label="{label}" font-family="{escape(FONT)}">'
            f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>' + "".join(body + notes) + "</svg>")


def _empty(chart: Chart) -> tuple[list[str], int]:
    lines = (chart.empty or "暂无数据").split("\n")
    out = [_t(WIDTH / 2, 60 + 34 * i, _fit(line, 20 if i == 0 else 15, WIDTH - 60), 20 if i == 0 else 15, MUTED,
              "middle") for i, line in enumerate(lines)]
    return out, 90 + 34 * len(lines)


def _columns(chart: Chart) -> tuple[list[str], int]:
    series = chart.series[0]
    height = 380
    left, right, top_y, bottom_y = 70, WIDTH - 20, 20, height - 70
    plot_w, plot_h = right - left, bottom_y - top_y
    marks = ticks(chart)
    top = marks[-1] or 1
    out = []
    for value in marks:
        y = bottom_y - plot_h * value / top
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{_rgb(GRID)}"/>')
        out.append(_t(left - 8, y, tick_text(value, chart.percent), 12, MUTED, "end"))
    n = len(chart.categories)
    slot = plot_w / n
    bar_w = max(1.0, min(48.0, slot * 0.7))
    every = max(1, int(-(-max(text_width(c, 12) for c in chart.categories) // max(slot, 1))) + 0)
    show_values = all(text_width(lbl, 11) <= slot * 1.1 for lbl in series.labels)
    for i, (category, value, label) in enumerate(zip(chart.categories, series.values, series.labels)):
        x = left + slot * i + (slot - bar_w) / 2
        h = plot_h * min(value or 0, top) / top
        out.append(f'<rect class="bar" x="{x:.1f}" y="{bottom_y - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                   f'fill="{_rgb(series.colour)}"><title>{escape(category)}: {escape(label)}</title></rect>')
        if show_values and label:
            out.append(_t(x + bar_w / 2, bottom_y - h - 8, label, 11, INK, "middle"))
        if i % every == 0:
            out.append(_t(x + bar_w / 2, bottom_y + 14, category, 12, INK, "middle"))
    out.append(f'<line x1="{left}" y1="{bottom_y}" x2="{right}" y2="{bottom_y}" stroke="{_rgb(INK)}" '
               f'stroke-width="2"/>')
    if chart.x_label:
        out.append(_t(left + plot_w / 2, bottom_y + 42, chart.x_label, 14, INK, "middle"))
    if chart.y_label:
        out.append(f'<g transform="translate(16 {top_y + plot_h / 2:.1f}) rotate(-90)">'
                   + _t(0, 0, chart.y_label, 14, INK, "middle") + "</g>")
    return out, height


def _bars(chart: Chart) -> tuple[list[str], int]:
    series = chart.series
    legend_h = 34 if len(series) > 1 else 0
    row_h = max(30, 18 * len(series) + 12)
    left, right = 210, WIDTH - 150
    top_y = 10 + legend_h
    plot_h = row_h * len(chart.categories)
    bottom_y = top_y + plot_h
    height = bottom_y + 60
    marks = ticks(chart)
    top = marks[-1] or 1
    plot_w = right - left
    out = []
    if len(series) > 1:
        x = (WIDTH - sum(26 + text_width(s.name, 13) + 24 for s in series)) / 2
        for s in series:
            out.append(f'<rect x="{x:.1f}" y="10" width="16" height="16" fill="{_rgb(s.colour)}"/>')
            out.append(_t(x + 22, 18, s.name, 13))
            x += 26 + text_width(s.name, 13) + 24
    for value in marks:
        x = left + plot_w * value / top
        out.append(f'<line x1="{x:.1f}" y1="{top_y}" x2="{x:.1f}" y2="{bottom_y}" stroke="{_rgb(GRID)}"/>')
        out.append(_t(x, bottom_y + 14, tick_text(value, chart.percent), 12, MUTED, "middle"))
    bar_h = min(26.0, (row_h - 8) / len(series))
    for i, category in enumerate(chart.categories):
        row_top = top_y + row_h * i + (row_h - bar_h * len(series)) / 2
        out.append(_t(left - 10, top_y + row_h * i + row_h / 2, _fit(category, 13, left - 20), 13, INK, "end"))
        for j, s in enumerate(series):
            value = s.values[i]
            y = row_top + j * bar_h
            if value is None:
                if s.labels[i]:
                    out.append(_t(left + 6, y + bar_h / 2, s.labels[i], 11, MUTED))
                continue
            w = plot_w * min(value, top) / top
            out.append(f'<rect class="bar" x="{left}" y="{y:.1f}" width="{w:.1f}" height="{bar_h - 2:.1f}" '
                       f'fill="{_rgb(s.colour)}"><title>{escape(category)} · {escape(s.name)}: '
                       f'{escape(s.labels[i])}</title></rect>')
            if s.labels[i]:
                out.append(_t(left + w + 6, y + bar_h / 2 - 1, s.labels[i], 11))
    out.append(f'<line x1="{left}" y1="{top_y}" x2="{left}" y2="{bottom_y}" stroke="{_rgb(INK)}" stroke-width="2"/>')
    if chart.x_label:
        out.append(_t(left + plot_w / 2, bottom_y + 40, _fit(chart.x_label, 14, WIDTH - 40), 14, INK, "middle"))
    return out, height
