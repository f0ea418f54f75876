"""Playing one scam script on the simulated phone.

``ScenarioScene(app, scenario, player, on_done)`` runs the script with the rules'
``ScenarioRunner``: the phone on one side (landscape) or at the top (portrait),
the node's lines one at a time (tap to go on; no timer), the choices as big
buttons, a feedback card after every choice, and at the ending a summary card.
Its "继续" pops the scene and calls ``on_done(result)`` with the runner's
``SceneResult`` for the board and the scoring.
"""

from __future__ import annotations

import math
from typing import Callable

import pygame

from ...content.models import Channel, Speaker
from ...rules.face_checks import asked_check
from ...rules import money as money_rules
from ...rules.scenes import ScenarioRunner, SceneResult
from .. import layout
from ..input import Action, Intent
from ..phone.feedback import FeedbackOverlay
from ..phone.frame import phone_rect
from ..phone.labels import (
    ENDING_LABELS,
    ENDING_STYLES,
    N_,
    SPEAKER_ME,
    SPEAKER_SYSTEM,
    outcome_key,
    spoken_join,
    technique_label,
)
from ..phone.numbers import is_overseas, locale_of, money_short
from ..phone.pieces import Badge, ChipRow, PhoneView
from ..phone.state import TEST_DURATION, PhoneState
from ..seats import PlayerInfo, player_name
from ..text import LINE_SPACING
from ..widgets import Button, Label, Panel, ScreenScene, TextBox, frame_inset, role_px

TEST_LABELS = {"turn": N_("请他转转头"), "wave": N_("请他挥挥手")}
SECONDS_PER_CHAR = 0.16      # how long a line "is being said" (mouth moves) per character


def _contact_key(node) -> tuple:
    c = node.contact
    return (c.name, c.number) if c else ("", "")


class ScenarioScene(ScreenScene):
    name = "scenario"

    def __init__(self, app, scenario, player: PlayerInfo | None = None,
                 on_done: Callable[[SceneResult], None] | None = None, savings: int | None = None):
        self.scenario = scenario
        self.player = player
        self.on_done = on_done
        self.savings = savings        # the player's savings when the scene began (None: not in a game)
        self.runner = ScenarioRunner(scenario)
        self.time = 0.0
        self.phase = "lines"          # lines → choices → (feedback overlay) → … → ending
        self.node = None
        self.shown = 0
        self.ringing = False
        self.history: tuple = ()
        self.call_time = 0.0          # seconds the current call lasted before this node
        self.node_time = 0.0          # seconds since this node appeared
        self.finished = False
        self.result: SceneResult | None = None
        self.state = PhoneState()
        super().__init__(app)
        self._enter_node(self.runner.node, None)

    # ================================================================ widgets
    def build(self) -> None:
        app = self.app
        self.phone = PhoneView(app, self._phone_tapped)
        self.title = Label(app, self.scenario.title, role="heading", colour_key="accent", align="left")
        # The player's seat name ("红方", a msgid) or a typed name: shown through tr either way.
        self.player_label = Label(app, "", role="caption", colour_key="text_muted", align="left")
        self.read_button = Button(app, N_("朗读"), self.read_aloud, style="secondary", icon="sound_on",
                                  autoplay_weight=0, name="read_aloud")
        self.caption_panel = Panel(app)
        self.speaker = Label(app, "", role="caption", colour_key="text_muted", align="left")
        self.caption = TextBox(app, "", role="heading", bold=False)
        self.caption.min_role = "body"     # a long English line in the narrow portrait column may shrink further
        self.progress = Label(app, "", role="caption", colour_key="text_muted", align="right", translate=False)
        self.prompt = Label(app, N_("你会怎么做？"), role="body", colour_key="text", align="left", bold=True)
        self.next_button = Button(app, N_("继续"), self.advance, icon="play", name="next_line")
        self.test_buttons = {k: Button(app, TEST_LABELS[k], lambda k=k: self.run_test(k), style="neutral",
                                       icon="info", name=f"test_{k}", autoplay_weight=0.3) for k in ("turn", "wave")}
        self.test_label = Label(app, N_("试一试："), role="body", colour_key="text", align="left", bold=True)
        self.choice_buttons: list[Button] = []
        # The ending card.
        self.end_panel = Panel(app)
        self.end_badge = Badge(app)
        self.end_title = Label(app, self.scenario.title, role="heading", colour_key="accent")
        self.end_summary = TextBox(app, "", role="body")
        self.end_money = Badge(app)
        self.end_rate = Label(app, "", role="body", colour_key="text", translate=False)
        self.end_tech_title = Label(app, N_("这次骗子用了："), role="caption", colour_key="text_muted", align="left")
        self.end_chips = ChipRow(app)
        self.end_advice = TextBox(app, "", role="body", translate=False)
        self.done_button = Button(app, N_("继续"), self.finish, icon="play", name="done")
        self._set_items()

    def _set_items(self) -> None:
        play = [self.phone, self.title, self.player_label, self.read_button, self.caption_panel, self.speaker,
                self.caption, self.progress, self.prompt, self.next_button, self.test_label, *self.test_buttons.values(),
                *self.choice_buttons]
        ending = [self.end_panel, self.end_badge, self.end_title, self.end_summary, self.end_money, self.end_rate,
                  self.end_tech_title, self.end_chips, self.end_advice, self.done_button]
        self.items = play + ending

    # ================================================================ flow
    def _enter_node(self, node, prev) -> None:
        """Show ``node``: carry the conversation on when channel and contact stay the same."""
        same_talk = prev is not None and prev.channel == node.channel and _contact_key(prev) == _contact_key(node)
        if same_talk:
            self.history = tuple(self.history) + tuple(prev.lines)
            self.call_time += self.node_time
        else:
            self.history = ()
            self.call_time = 0.0
        self.node = node
        self.node_time = 0.0
        self.ringing = node.channel is Channel.PHONE_CALL and not same_talk and not node.is_ending
        self.shown = 0 if self.ringing or not node.lines else 1
        self.state = PhoneState(t=0.0, shown=self.shown, history=self.history, ringing=self.ringing,
                                call_started=self.call_time, reduced_motion=self.app.reduced_motion,
                                clock=self._clock(), reveal_t=0.0)
        if self.app.autoplayer is not None:
            self.app.autoplayer.channels.add(node.channel)
        self._rebuild_choices()
        self._after_reveal()
        if self.phase == "ending":
            self._fill_ending()
        if self.app.size:
            self.layout(self.app.size)

    def _clock(self) -> str:
        base = 9 * 60 + 41 + int(self.time // 60)
        return f"{base // 60:02d}:{base % 60:02d}"

    def _rebuild_choices(self) -> None:
        node = self.node
        self.choice_buttons = [Button(self.app, c.text, lambda i=i: self.choose(i), style="secondary",
                                      name=f"choice_{i}") for i, c in enumerate(self.runner.choices)]
        if node.is_ending:
            self.choice_buttons = []
        self._set_items()

    def _after_reveal(self) -> None:
        """Update phase, caption and the phone after ``shown`` changed."""
        node = self.node
        lines = node.lines
        if self.ringing or self.shown < len(lines):
            self.phase = "lines"
        else:
            self.phase = "ending" if node.is_ending else "choices"
        line = lines[self.shown - 1] if 0 < self.shown <= len(lines) else None
        if self.ringing:
            self.speaker.set_text(N_("来电"))
            self.caption.translate = False
            self.caption.set_text(self._ringing_text())
        elif line is not None:
            sp = line.speaker
            if sp is Speaker.THEM:
                name = node.contact.name if node.contact and node.contact.name else N_("对方")
            else:
                name = SPEAKER_ME if sp is Speaker.ME else SPEAKER_SYSTEM
            self.speaker.set_text(name)
            self.caption.translate = True
            self.caption.set_text(line.text)
            self.caption.colour_key = "text_muted" if sp is Speaker.SYSTEM else "text"
            self._maybe_test(line.text)
            if self.app.settings.voice:
                # The last line before a choice is followed by the question and the choices.
                parts = [self.app.tr(line.text)] + (self._spoken_choices() if self.phase == "choices" else [])
                self.app.narrate(spoken_join(self.app, parts))
        else:
            self.speaker.set_text("")
            self.caption.set_text("")
        total = len(lines)
        self.progress.set_text(f"{min(self.shown, total)} / {total}" if total > 1 and not self.ringing else "")
        st = self.state
        st.shown = self.shown
        st.ringing = self.ringing
        st.reveal_t = st.t
        self._speak_until = st.t + (len(line.text) * SECONDS_PER_CHAR if line is not None and line.speaker is Speaker.THEM
                                    else 0.0)
        st.speaking = st.t < self._speak_until
        self.invalidate()

    def _ringing_text(self) -> str:
        c = self.node.contact
        who = " ".join(x for x in ((self.app.tr(c.name) if c and c.name else ""), (c.number if c else "")) if x)
        text = who or self.app.tr(N_("未知号码"))
        if c and is_overseas(c.number, c.note):
            text += "\n" + self.app.tr(N_("境外来电"))
        return text

    def _spoken_choices(self) -> list[str]:
        """What is read after the last line: the question, then each choice."""
        if not self.runner.choices or self.node.is_ending:
            return []
        return [self.app.tr(self.prompt.text)] + [self.app.tr(c.text) for c in self.runner.choices]

    def on_locale_changed(self) -> None:
        """Texts composed from several words (a ringing caller, the ending's amounts) are made again."""
        if self.ringing:
            self.caption.set_text(self._ringing_text())
        if self.phase == "ending":
            self._fill_ending()
        self.invalidate()

    def _maybe_test(self, text: str) -> None:
        if self.node.channel is not Channel.VIDEO_CALL:
            return
        kind = asked_check(text)
        if kind is not None:
            self.run_test(kind)

    def advance(self) -> None:
        """Show the next line (the first tap on a ringing call "answers" it)."""
        if self.phase != "lines":
            return
        if self.ringing:
            self.ringing = False
            self.shown = 1 if self.node.lines else 0
        else:
            self.shown += 1
        self._after_reveal()
        if self.phase == "ending":
            self._fill_ending()
        self.layout(self.app.size)

    def choose(self, index: int) -> None:
        if self.phase != "choices":
            return
        choice = self.runner.choices[index]
        prev = self.node
        self.app.trace_event("choice", index=index, text=choice.text, outcome=outcome_key(choice.outcome))
        self.runner.choose(index)
        key = outcome_key(choice.outcome)
        self.app.sound.play("right" if key == "safe" else "wrong" if key == "risky" else "button")
        self.phase = "feedback"
        overlay = FeedbackOverlay(self.app, choice, on_close=lambda: self._enter_node(self.runner.node, prev),
                                  area_for=self.feedback_area,
                                  company_money=self.scenario.company_money)
        self.app.stack.push(overlay)

    def run_test(self, kind: str) -> None:
        """The player asks the caller to turn the head / wave: the face-swap may break up."""
        self.state.test = kind
        self.state.test_t = self.state.t
        self.invalidate()

    def _phone_tapped(self, area: str) -> None:
        if self.phase == "lines":
            self.advance()

    def read_aloud(self) -> None:
        """The replay button: who speaks and the line (then the choices, when they are showing), or the ending."""
        if self.phase == "ending":
            parts = [self.end_badge.text and self.app.tr(self.end_badge.text), self.app.tr(self.end_summary.text)]
            self.app.narrate(spoken_join(self.app, parts))
            return
        said = spoken_join(self.app, [self.app.tr(self.speaker.text), self.caption.shown_text()], "：")
        extra = self._spoken_choices() if self.phase == "choices" else []
        self.app.narrate(spoken_join(self.app, [said, *extra]))

    def finish(self) -> None:
        """The ending card's "继续": leave and hand the result to the board."""
        if self.finished:
            return
        self.finished = True
        self.result = self.runner.result()
        if self.app.stack.top is self:
            self.app.stack.pop()
        if self.on_done:
            self.on_done(self.result)

    # ================================================================ ending
    def _fill_ending(self) -> None:
        ending = self.node.ending
        key = ending.outcome.value
        face, text, icon = ENDING_STYLES.get(key, ENDING_STYLES["escaped"])
        self.end_badge.set(ENDING_LABELS.get(key, key), face, text, icon)
        self.end_summary.set_text(ending.summary)
        tr = self.app.tr
        company = self.scenario.company_money
        if self.money_lost > 0:
            words = N_("公司损失 {money}") if company else N_("损失 {money}")
            self.end_money.set(tr(words).replace("{money}", money_short(self.money_lost, locale_of(self.app))),
                               "risky", "risky_text", "minus")
        else:
            kept = self.scenario.at_stake if ending.outcome.is_safe else 0
            words = N_("守住公司 {money}") if company else N_("守住了 {money}")
            self.end_money.set(tr(words).replace("{money}", money_short(kept, locale_of(self.app))),
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
        """What the choices taken so far cost, as the scoring counts it (capped at the player's savings)."""
        return money_rules.money_lost(money_rules.paid_out(self.runner.taken), self.savings,
                                      self.scenario.company_money)

    def _scam_type(self):
        return self.app.library.scam_types.get(self.scenario.scam_type)

    # ================================================================ layout
    def place(self, size) -> None:
        if self.node is None:
            return
        ending = self.phase == "ending"
        for w in self.items:
            w.visible = False
        if ending:
            self._place_ending(size)
        else:
            self._place_play(size)

    def _regions(self, size):
        """(phone area, side column, bottom block, portrait) for a window size."""
        u = layout.unit_for(size)
        m = round(self._inset(size))
        area = pygame.Rect(m, m, size[0] - 2 * m, size[1] - 2 * m)
        gap = round(2.5 * u)
        portrait = layout.is_portrait(size)
        if portrait:
            top_h = round(min(area.w * 1.0, area.h * 0.62, area.h - self._bottom_need(size) - gap))
            top_h = max(top_h, round(area.h * 0.36))
            phone_area = pygame.Rect(area.x, area.y, round(min(area.w * 0.5, top_h * 0.5)), top_h)
            side = pygame.Rect(phone_area.right + gap, area.y, area.right - phone_area.right - gap, top_h)
            bottom = pygame.Rect(area.x, area.y + top_h + gap, area.w, area.h - top_h - gap)
        else:
            phone_w = round(min(area.w * 0.36, area.h * 0.5))
            phone_area = pygame.Rect(area.x, area.y, phone_w, area.h)
            side = pygame.Rect(phone_area.right + 2 * gap, area.y, area.right - phone_area.right - 2 * gap, area.h)
            bottom = side
        return phone_area, side, bottom, portrait

    def _bottom_need(self, size) -> int:
        """Height the buttons under the phone need in portrait (the most this node will show)."""
        u = layout.unit_for(size)
        touch = layout.touch_min(size)
        gap = round(2.5 * u)
        button_h = max(touch, round(12 * u))
        n = len(self.choice_buttons)
        choices = n * button_h + max(0, n - 1) * gap + round(6 * u) + gap if n else 0
        need = max(choices, button_h)
        if self.node is not None and self.node.channel is Channel.VIDEO_CALL:
            need += max(touch, round(10.5 * u)) + gap
        return need

    def _inset(self, size) -> float:
        return frame_inset(self.app)

    def feedback_area(self, size) -> pygame.Rect | None:
        """Where the feedback card goes: over the side column in landscape, so the phone stays in view."""
        phone_area, side, bottom, portrait = self._regions(size)
        if portrait:
            return None
        return side

    def _place_play(self, size) -> None:
        u = layout.unit_for(size)
        gap = round(2.5 * u)
        touch = layout.touch_min(size)
        channel = self.node.channel.value
        tests = channel == "video_call" and self.phase in ("lines", "choices")
        # Bottom block: test buttons, prompt, choices or the "continue" button (full width in portrait).
        n = len(self.choice_buttons)
        button_h = max(touch, round(12 * u))
        test_h = max(touch, round(10.5 * u))
        phone_area, side, bottom, portrait = self._regions(size)
        self.phone.node = self.node
        self.phone.state = self.state
        self.phone.rect = phone_rect(phone_area) if channel != "in_person" else phone_rect(phone_area, 0.56)
        self.phone.visible = True
        # Header: title (+ player) and the read-aloud button.
        header_h = round(13 * u)
        header = pygame.Rect(side.x, side.y, side.w, header_h)
        read_h = max(touch, round(11 * u))
        side_bottom = side.bottom
        if portrait:
            # The column beside the phone is narrow: the button goes under the caption, full width.
            self.read_button.rect = pygame.Rect(side.x, side.bottom - read_h, side.w, read_h)
            side_bottom = self.read_button.rect.y - gap
        else:
            rw = round(min(26 * u, side.w * 0.35))
            self.read_button.rect = pygame.Rect(header.right - rw, header.y, rw, read_h)
            header.w -= rw + gap
        self.read_button.visible = True
        name = player_name(self.player)
        self.player_label.set_text(name)
        # A long title (English) takes two or three lines: the header grows, the caption card gives way.
        title_h = round(header_h * 0.62) if name else header_h
        title_h = max(title_h, min(round(22 * u), self._title_need(header.w)))
        header.h = title_h + (header_h - round(header_h * 0.62) if name else 0)
        if name:
            self.title.rect = pygame.Rect(header.x, header.y, header.w, title_h)
            self.player_label.rect = pygame.Rect(header.x, self.title.rect.bottom, header.w, header.h - title_h)
            self.player_label.visible = True
        else:
            self.title.rect = header.copy()
        self.title.visible = True
        # Bottom block, laid out upwards from the bottom of ``bottom``.
        y = bottom.bottom
        if self.phase == "choices" and n:
            cols = 2 if (n >= 3 and bottom.w > 110 * u) else 1
            rows = math.ceil(n / cols)
            bh = button_h if rows <= 2 or portrait else max(touch, round(11 * u))
            block_h = rows * bh + (rows - 1) * gap
            cells = layout.grid(pygame.Rect(bottom.x, y - block_h, bottom.w, block_h), n, cols, bh, gap)
            for b, r in zip(self.choice_buttons, cells):
                b.rect = r
                b.visible = True
            y -= block_h + gap
            self.prompt.rect = pygame.Rect(bottom.x, round(y - 6 * u), bottom.w, round(6 * u))
            self.prompt.visible = True
            y = self.prompt.rect.y - gap // 2
        elif self.phase == "lines":
            nb = pygame.Rect(bottom.x, y - button_h, bottom.w, button_h)
            self.next_button.set_text(N_("继续"))
            self.next_button.rect = nb
            self.next_button.visible = True
            y = nb.y - gap
        if tests:
            lw = round(min(22 * u, bottom.w * 0.25))
            self.test_label.rect = pygame.Rect(bottom.x, y - test_h, lw, test_h)
            self.test_label.visible = True
            row = pygame.Rect(bottom.x + lw, y - test_h, bottom.w - lw, test_h)
            cells = layout.row(row, 2, row.w, gap)
            for b, r in zip(self.test_buttons.values(), cells):
                b.rect = r
                b.visible = True
            y -= test_h + gap
        if portrait:
            # Centre the button block in the space under the phone.
            shift = -round((y + gap - bottom.y) / 2)
            block = [self.prompt, self.next_button, self.test_label, *self.test_buttons.values(), *self.choice_buttons]
            for w in block:
                if w.visible:
                    w.rect.move_ip(0, shift)
        # Caption card fills what is left.
        cap_bottom = y if not portrait else side_bottom
        cap = pygame.Rect(side.x, header.bottom + gap, side.w, max(0, cap_bottom - header.bottom - gap))
        if portrait:
            # The block below the phone must fit: shrink nothing, just check order.
            pass
        self.caption_panel.rect = cap
        self.caption_panel.visible = cap.h > 0
        inner = layout.inset(cap, 3.5 * u, 2.5 * u)
        pw = round(11 * u) if self.progress.text else 0
        speaker_h = round(5.5 * u)
        low = role_px(self.app, "caption")[1]
        if self.app.ink.width(self.app.tr(self.speaker.text), low) > inner.w - pw - u:
            # A long name (a group chat, in English): room for as many lines as it needs, up to three.
            need = self.app.text.height(self.app.tr(self.speaker.text), round(inner.w - pw - u), low, False, LINE_SPACING) + 2
            speaker_h = max(round(10 * u), min(need, round(15 * u)))
        self.speaker.rect = pygame.Rect(inner.x, inner.y, inner.w - pw - round(u), speaker_h)
        self.progress.rect = pygame.Rect(inner.right - pw, inner.y, pw, round(5.5 * u))
        self.caption.rect = pygame.Rect(inner.x, self.speaker.rect.bottom + round(1.5 * u), inner.w,
                                        max(0, inner.bottom - self.speaker.rect.bottom - round(1.5 * u)))
        for w in (self.speaker, self.progress, self.caption):
            w.visible = self.caption_panel.visible and bool(w.text)
        if portrait and self.phase == "choices" and y < bottom.y:
            # Too many choices for the space under the phone: let them take over the caption's room.
            pass

    def _title_need(self, width: int) -> int:
        """Height the script's title needs at its smallest heading size."""
        return self.app.text.height(self.app.tr(self.title.text), width, role_px(self.app, "heading")[1], True, LINE_SPACING) + 2

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
            want = self.app.ink.measure(self.app.tr(self.end_summary.text), role_px(self.app, "body")[0],
                                            body.w)[1]
            story_h = round(min(body.h * 0.6, max(body.h * 0.3, want * 1.25 + 2 * u)))
            story = pygame.Rect(body.x, body.y, body.w, story_h)
            lessons = pygame.Rect(body.x, story.bottom + gap, body.w, body.h - story_h - gap)
        else:
            sw = round(body.w * 0.56)
            story = pygame.Rect(body.x, body.y, sw, body.h)
            lessons = pygame.Rect(story.right + 2 * gap, body.y, body.w - sw - 2 * gap, body.h)
        self.end_summary.rect = story
        self.end_summary.visible = True
        ly = lessons.y
        if self.end_rate.text:
            self.end_rate.rect = pygame.Rect(lessons.x, ly, lessons.w, round(7 * u))
            self.end_rate.align = "left"
            self.end_rate.visible = True
            ly = self.end_rate.rect.bottom + gap
        advice_h = 0
        if self.end_advice.text:
            want, low = role_px(self.app, "body")
            ink = self.app.ink
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

    # ================================================================ loop
    def update(self, dt: float) -> None:
        self.time += dt
        self.node_time += dt
        st = self.state
        st.t += dt
        was_speaking = st.speaking
        st.speaking = st.t < getattr(self, "_speak_until", 0.0)
        if st.test and st.t - st.test_t > TEST_DURATION:
            st.test = ""
            self.invalidate()
        if self.phase == "ending" or self.app.reduced_motion:
            self.animating = False
            if was_speaking != st.speaking:
                self.invalidate()
            return
        channel = self.node.channel.value
        moving = (channel == "video_call" or self.ringing or st.speaking or was_speaking
                  or st.t - st.reveal_t < 0.4 or bool(st.test))
        self.animating = moving
        if moving:
            self.dirty = True

    def handle(self, intent: Intent) -> bool:
        if self.handle_widgets(intent):
            return True
        if intent.action is Action.CONFIRM:
            if self.phase == "lines":
                self.advance()
                return True
            if self.phase == "ending":
                self.finish()
                return True
        # A tap on the caption card also goes on (nobody should have to aim).
        if self.phase == "lines" and intent.action is Action.RELEASE and intent.pos and \
                self.caption_panel.rect.collidepoint(intent.pos):
            self.advance()
            return True
        return False

    def autoplay_targets(self) -> list:
        if self.phase == "lines":
            return [self.next_button]
        if self.phase == "choices":
            return [b for b in self.choice_buttons if b.visible]
        if self.phase == "ending":
            return [self.done_button]
        return []

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)

    def trace_detail(self) -> dict:
        return {"node": self.node.id if self.node else None, "shown": self.shown, "phase": self.phase}

    def widgets(self) -> list:
        return [w for w in self.items if w.visible]
