"""The class's results on disk: one CSV row per decision of every scene played (then one per
learning-check item), and a printable A4 summary (PNG, 150 dpi). Both go to ``user_data_dir()/exports/`` and are written on their own
when a game ends and when the teacher ends the class (下课), so nothing is lost.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pygame

from game.paths import user_data_dir
from game.rules.classroom_debrief import (CSV_FIELDS, csv_rows, most_missed_scam_types, most_missed_techniques,
                                          star_teams, team_lines)

from ....i18n.marker import N_
from ...phone.labels import TECHNIQUE_LABELS
from .check_text import CHECK_HEADING, check_csv_rows, check_lines, check_overall
from .state import ClassroomState, team_name

A4 = (1240, 1754)
PAPER, INK, RED, MUTED = (255, 255, 255), (40, 33, 28), (190, 40, 40), (110, 100, 92)

CSV_HEADER = (N_("序号"), N_("第几分钟"), N_("组"), N_("类型"), N_("编号"), N_("场景"), N_("骗局类型"), N_("第几次决定"),
              N_("选项"), N_("全班投票"), N_("选择"), N_("选择结果"), N_("正确选项"), N_("本关结果"), N_("正确做法"))
assert len(CSV_HEADER) == len(CSV_FIELDS)
STAR_RULE = N_("★ 给安全选择率最高的组（至少 2 次决定；相同时比识破的关数）")


def exports_dir() -> Path:
    path = user_data_dir() / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _free(folder: Path, stem: str, suffix: str) -> Path:
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}_{n}{suffix}"
        n += 1
    return path


def export_scene_csv(app, state: ClassroomState, folder: Path | None = None, now: datetime | None = None) -> Path:
    """Every scene played, one row per decision (UTF-8 with BOM, so Excel opens it right)."""
    now = now or datetime.now()
    folder = Path(folder) if folder else exports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = _free(folder, f"class_scenes_{now:%Y%m%d_%H%M%S}", ".csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([app.tr(h) for h in CSV_HEADER])
        out.writerows(csv_rows(state.played, lambda i: team_name(app, i), app.tr))
        out.writerows(check_csv_rows(app.tr, state.check_hands))
    return path


def summary_lines(app, state: ClassroomState, scam_types) -> list[tuple[str, str]]:
    """The A4 page's lines as (style, text): heading, team lines, what was missed, every scene."""
    tr = app.tr
    lines = team_lines(state.played, state.teams)
    stars = star_teams(lines)
    out = [("title", tr("课堂总结")), ("muted", " · ".join(x for x in (state.class_name, f"{state.started:%Y-%m-%d}")
                                                          if x)), ("head", tr("各组"))]
    for line in lines:
        rate = "—" if line.safe_rate is None else f"{line.safe_rate * 100:.0f}%"
        out.append(("text", tr("{team}{star}：{d} 次决定 = 安全 {s} + 还不够 {n} + 冒险 {r}；安全选择率 {rate}；"
                               "识破 {ok} 关，上当 {bad} 关").format(
            team=team_name(app, line.team), star=" ★" if line.team in stars else "", d=line.decisions, s=line.safe,
            n=line.neutral, r=line.risky, rate=rate, ok=line.spotted, bad=line.missed)))
    out.append(("muted", tr(STAR_RULE)))
    missed = most_missed_scam_types(state.played)
    tricks = most_missed_techniques(state.played)
    out.append(("head", tr("全班最常上当")))
    out.append(("text", "；".join(tr("{t}（{m}/{n} 关）").format(t=tr(scam_types[t].name) if t in scam_types else t,
                                                          m=m, n=n)
                                 for t, m, n in missed) or tr("没有上当的骗局")))
    out.append(("text", tr("最常中的套路：") + ("、".join(f"{tr(TECHNIQUE_LABELS.get(t, t))} ×{n}" for t, n in tricks)
                                            or tr("无"))))
    check = check_lines(tr, scam_types, state.check_hands, counts=True)
    if check:
        out.append(("head", tr(CHECK_HEADING)))
        out.extend(("text", line) for line in check)
        total = check_overall(tr, state.check_hands)
        if total:
            out.append(("text", total))
    out.append(("head", tr("逐关回顾")))
    for s in state.played:
        team = tr("全班") if s.team < 0 else team_name(app, s.team)
        result = tr("跳过") if s.skipped else (tr("识破") if s.safe else tr("上当"))
        votes = " ".join(d.split() for d in s.decisions if d.counts is not None)
        missed = s.safe is False and s.right_action      # the right action where the class got it wrong
        out.append(("scene", f"{s.number}. {team} · {tr(s.title)} · {result}" + (f" · {votes}" if votes else "")
                    + (f"\n    {tr('正确做法：')}{tr(s.right_action)}" if missed else "")))
    return out


def render_summary_page(app, state: ClassroomState, scam_types) -> pygame.Surface:
    """The summary on one A4 page (text shrinks when a long lesson needs more room)."""
    w, h = A4
    margin = 90
    styles = {"title": (64, RED, True), "head": (40, INK, True), "text": (28, INK, False), "muted": (26, MUTED, False),
              "scene": (24, INK, False)}
    page = pygame.Surface(A4)
    every = summary_lines(app, state, scam_types)
    scenes = [line for line in every if line[0] == "scene"]
    tries = [(shrink, len(scenes)) for shrink in (1.0, 0.9, 0.8, 0.7)]
    tries += [(0.7, keep) for keep in range(len(scenes) - 1, -1, -1)]
    for shrink, keep in tries:
        lines = [line for line in every if line[0] != "scene"] + scenes[:keep]
        if keep < len(scenes):     # a long lesson: the rest is in the CSV
            lines.append(("muted", app.tr("……其余 {n} 关见逐关表格（CSV）").format(n=len(scenes) - keep)))
        page.fill(PAPER)
        y = margin
        for style, text in lines:
            px, colour, bold = styles[style]
            surf = app.text.render(text, round(px * shrink), bold=bold, colour=colour, max_width=w - 2 * margin,
                                   line_spacing=1.15)
            if style == "head":
                y += round(18 * shrink)
            page.blit(surf, (margin, y))
            y += surf.get_height() + round(10 * shrink)
        if y <= h - margin:
            break
    pygame.draw.rect(page, RED, pygame.Rect(30, 30, w - 60, h - 60), 6)
    return page


def export_all(app, state: ClassroomState, scam_types, folder: Path | None = None) -> tuple[Path, Path]:
    """The scene CSV and the A4 summary; returns both paths (and keeps them in ``state.exported``)."""
    now = datetime.now()
    csv_path = export_scene_csv(app, state, folder, now)
    png_path = _free(csv_path.parent, f"class_summary_{now:%Y%m%d_%H%M%S}", ".png")
    pygame.image.save(render_summary_page(app, state, scam_types), str(png_path))
    state.exported = [csv_path, png_path]
    return csv_path, png_path
