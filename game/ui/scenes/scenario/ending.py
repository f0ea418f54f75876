"""The scam scene's ending card: how it ended, the money, the choices, the tricks used, the advice."""

from __future__ import annotations

import pygame

from ....rules import money as money_rules
from ... import layout
from ...phone.labels import (
    ENDING_LABELS,
    ENDING_STYLES,
    N_,
    outcome_key,
    technique_label,
)
from ...phone.numbers import locale_of, money_short
from ...text import LINE_SPACING
from ...widgets import role_px


class ScenarioEnding:
    """The ending card of ``ScenarioScene`` (a mixin)."""

    # ================================================================ ending
    def _fill_ending(self) -> None:
        ending = self.node.ending
        key = ending.outcome.value
        face, text, icon = ENDING_STYLES.get(key, ENDING_STYLES["escaped"])
        self.end_badge.set(ENDING_LABELS.get(key, key), face, text, icon)
        self.end_summary.set_text(ending.summary)
        tr = self.session.tr
        company = self.scenario.company_money
        if self.money_lost > 0:
            words = N_("公司损失 {money}") if company else N_("损失 {money}")
            self.end_money.set(tr(words).replace("{money}", money_short(self.money_lost, locale_of(self.look))),
                               "risky", "risky_text", "minus")
        else:
            kept = self.scenario.at_stake if ending.outcome.is_safe else 0
            words = N_("守住公司 {money}") if company else N_("守住了 {money}")
            self.end_money.set(tr(words).replace("{money}", money_short(kept, locale_of(self.look))),
                               "safe", "safe_text", "check")
            self.end_money.visible = kept > 0
        # Only decisions count: a step with one choice tests nothing.
        decided = self.runner.decisions
        safe = sum(1 for c in decided if outcome_key(c.outcome) == "safe")
        counted = sum(1 for c in decided if outcome_key(c.outcome) in ("safe", "risky"))
        self.end_rate.set_text(tr(N_("安全的选择 {safe} / {total}")).replace("{safe}", str(safe))
                               .replace("{total}", str(counted)) if counted else "")
        techniques = []
        for c in decided:
            for t in c.techniques:
                if t not in techniques:
                    techniques.append(t)
        if not techniques:
            scam = self._scam_type()
            techniques = list(scam.techniques) if scam else []
        self._chip_labels = [technique_label(t) for t in techniques]
        self.end_chips.labels = list(self._chip_labels)
        scam = self._scam_type()
        advice = scam.advice if scam else ""
        self.end_advice.set_text(tr(N_("记住：")) + tr(advice) if advice else "")
        self.end_tech_title.visible = self.end_chips.visible = bool(techniques)
        self.end_advice.visible = bool(advice)
        self.end_rate.visible = bool(counted)

    @property
    def money_lost(self) -> int:
        """What the choices taken so far cost, as the scoring counts it (capped at the player's savings;
        a choice taken after the teacher's reveal costs nothing)."""
        return money_rules.money_lost(money_rules.paid_out(self.runner.scored_taken), self.savings,
                                      self.scenario.company_money)

    def _scam_type(self):
        return self.session.library.scam_types.get(self.scenario.scam_type)

    def _title_need(self, width: int) -> int:
        """Height the script's title needs at its smallest heading size."""
        return self.look.text.height(self.session.tr(self.title.text), width, role_px(self.look, "heading")[1], True, LINE_SPACING) + 2

    def _place_ending(self, size) -> None:
        """The summary card: badge and title, the story's end, money, choices, techniques, advice."""
        u = layout.unit_for(size)
        area = self.content_rect()
        touch = layout.touch_min(size)
        gap = round(2.5 * u)
        portrait = layout.is_portrait(size)
        panel = pygame.Rect(0, 0, round(min(area.w, 170 * u)), area.h)
        panel.center = area.center
        self.end_panel.rect = panel
        self.end_panel.visible = True
        inner = layout.inset(panel, 5 * u, 4 * u)
        # Top: the outcome badge, the money badge beside it, then the title.
        badge_h = round(10 * u)
        bw = min(inner.w * 0.48, max(self.end_badge.natural_width(badge_h), 36 * u))
        self.end_badge.rect = pygame.Rect(inner.x, inner.y, round(bw), badge_h)
        self.end_badge.visible = True
        y = inner.y + badge_h + gap
        if self.end_money.text and (self.money_lost > 0 or self.end_money.face_key == "safe"):
            want = max(self.end_money.natural_width(badge_h), 30 * u)
            if bw + gap + want <= inner.w:      # beside the outcome badge
                mw = min(inner.w - bw - gap, want)
                self.end_money.rect = pygame.Rect(round(inner.right - mw), inner.y, round(mw), badge_h)
            else:                               # a long amount (CN¥…, big text): on its own line below
                self.end_money.rect = pygame.Rect(inner.x, y, round(min(inner.w, want)), badge_h)
                y += badge_h + gap
            self.end_money.visible = True
        self.end_title.rect = pygame.Rect(inner.x, y, inner.w, max(round(8 * u), min(round(16 * u),
                                                                                 self._title_need(inner.w))))
        self.end_title.align = "left"
        self.end_title.visible = True
        y = self.end_title.rect.bottom + gap
        # Bottom: the button.
        button_h = max(touch, round(12 * u))
        bw2 = round(min(inner.w, 50 * u))
        self.done_button.rect = pygame.Rect(inner.right - bw2, inner.bottom - button_h, bw2, button_h)
        self.done_button.visible = True
        rw = round(min(30 * u, inner.w - bw2 - gap))
        self.read_button.rect = pygame.Rect(inner.x, inner.bottom - button_h, rw, button_h)
        self.read_button.visible = rw >= touch
        body = pygame.Rect(inner.x, y, inner.w, self.done_button.rect.y - gap - y)
        # Two columns in landscape (story | lessons), one column in portrait.
        if portrait or body.w < 120 * u:
            told = self.session.tr(self.end_summary.text)
            want_px, low_px = role_px(self.look, "body")
            want = self.look.text.height(told, body.w, want_px, False, LINE_SPACING)
            least = self.look.text.height(told, body.w, low_px, False, LINE_SPACING) + round(2 * u)
            # the lesson to remember comes first: the story gives way so that it fits at its smallest
            keep = gap
            if self.end_advice.text:
                keep += self.look.text.height(self.end_advice.text, body.w, low_px, False, LINE_SPACING) + round(2 * u)
            # "安全选择 0/5" only where the story and the lesson leave room for it
            show_rate = bool(self.end_rate.text) and body.h - keep - round(7 * u) - gap >= least
            if show_rate:
                keep += round(7 * u) + gap
            story_h = round(max(0, min(max(body.h * 0.3, least, want + 2 * u), body.h - keep)))
            story = pygame.Rect(body.x, body.y, body.w, story_h)
            lessons = pygame.Rect(body.x, story.bottom + gap, body.w, body.h - story_h - gap)
        else:
            show_rate = bool(self.end_rate.text)
            sw = round(body.w * 0.56)
            story = pygame.Rect(body.x, body.y, sw, body.h)
            lessons = pygame.Rect(story.right + 2 * gap, body.y, body.w - sw - 2 * gap, body.h)
        self.end_summary.rect = story
        self.end_summary.visible = True
        ly = lessons.y
        self.end_rate.visible = False
        if show_rate:
            self.end_rate.rect = pygame.Rect(lessons.x, ly, lessons.w, round(7 * u))
            self.end_rate.align = "left"
            self.end_rate.visible = True
            ly = self.end_rate.rect.bottom + gap
        advice_h = 0
        if self.end_advice.text:
            want, low = role_px(self.look, "body")
            ink = self.look.ink
            advice_h = ink.measure(self.end_advice.text, want, lessons.w)[1] + round(2 * u)
            advice_h = min(advice_h, max(lessons.bottom - ly, 0))
        if self.end_chips.labels:
            self.end_chips.labels = list(self._chip_labels)
            self.end_tech_title.rect = pygame.Rect(lessons.x, ly, lessons.w, round(5 * u))
            self.end_chips.chip_h = round(6.5 * u)
            room = lessons.bottom - advice_h - gap - (self.end_tech_title.rect.bottom + round(u))
            self.end_chips.trim_to(lessons.w, room)
            ch = self.end_chips.natural_height(lessons.w)
            if self.end_chips.labels:
                self.end_chips.rect = pygame.Rect(lessons.x, self.end_tech_title.rect.bottom + round(u), lessons.w, ch)
                self.end_chips.visible = self.end_tech_title.visible = True
                ly = self.end_chips.rect.bottom + gap
        if self.end_advice.text:
            self.end_advice.rect = pygame.Rect(lessons.x, ly, lessons.w, max(0, lessons.bottom - ly))
            self.end_advice.visible = True
