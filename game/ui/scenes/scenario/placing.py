"""Where the scam scene's pieces go: the phone beside (landscape) or above (portrait) the lines and choices."""

from __future__ import annotations

import math

import pygame

from ....content.models import Channel
from ....rules.face_checks import offers_checks
from ... import layout
from ...phone.frame import phone_rect
from ...phone.labels import (
    N_,
)
from ...seats import player_name
from ...text import LINE_SPACING, block_height
from ...widgets import frame_inset, role_px, same_text_size
from ...widgets.screen import CONTENT_MAX_UNITS


MAX_BUTTON_UNITS = 100   # the widest a button gets (a 16:9 screen's side column is about 110 units)


class ScenarioPlacing:
    """The layout of ``ScenarioScene`` while it plays (a mixin)."""

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
        aw = min(size[0] - 2 * m, round(CONTENT_MAX_UNITS * u))   # a very wide screen: a 16:9 stage in the middle
        area = pygame.Rect((size[0] - aw) // 2, m, aw, size[1] - 2 * m)
        gap = round(2.5 * u)
        portrait = layout.is_portrait(size)
        if portrait:   # the phone as tall as the buttons under it leave room for (the same all through a script)
            top_h = round(min(area.h * 0.7, area.h - self._bottom_need(size) - gap))
            top_h = max(top_h, round(area.h * 0.36))
            phone_w = round(min(area.w * 0.55, top_h * 0.5))
            top_h = min(top_h, phone_rect(pygame.Rect(0, 0, phone_w, top_h)).h)   # no band of nothing over it
            phone_area = pygame.Rect(area.x, area.y, phone_w, top_h)
            side = pygame.Rect(phone_area.right + gap, area.y, area.right - phone_area.right - gap, top_h)
            bottom = pygame.Rect(area.x, area.y + top_h + gap, area.w, area.h - top_h - gap)
        else:
            phone_w = round(min(area.w * 0.36, area.h * 0.5))
            phone_area = pygame.Rect(area.x, area.y, phone_w, area.h)
            side = pygame.Rect(phone_area.right + 2 * gap, area.y, area.right - phone_area.right - 2 * gap, area.h)
            bottom = side
        return phone_area, side, bottom, portrait

    def _bottom_need(self, size) -> int:
        """Height the buttons under the phone need in portrait: the most any node of the script shows, so
        that the phone keeps its size from one node to the next."""
        u = layout.unit_for(size)
        touch = layout.touch_min(size)
        gap = round(2.5 * u)
        button_h = max(touch, round(12 * u))
        nodes = [node for node in self.scenario.nodes.values() if not node.is_ending]
        n = max((len(node.choices) for node in nodes), default=0)
        choices = n * button_h + max(0, n - 1) * gap + round(6 * u) + gap if n else 0
        need = max(choices, button_h)
        if any(node.channel is Channel.VIDEO_CALL for node in nodes):
            need += max(touch, round(10.5 * u)) + gap
        return need

    def _inset(self, size) -> float:
        return frame_inset(self.look)

    def feedback_area(self, size) -> pygame.Rect | None:
        """Where the feedback card goes: over the side column in landscape, so the phone stays in view."""
        phone_area, side, bottom, portrait = self._regions(size)
        if portrait:
            return None
        return side

    def _place_play(self, size, tight: bool = False) -> None:
        """``tight``: the buttons at the touch minimum with narrow gaps, so that a short landscape
        column (4:3) keeps room for the caption above a face-swap check row and three choices."""
        u = layout.unit_for(size)
        gap = round(2.5 * u)
        touch = layout.touch_min(size)
        channel = self.node.channel.value
        tests = offers_checks(self.scenario, self.node) and self.phase in ("lines", "choices")
        # Bottom block: test buttons, prompt, choices or the "continue" button (full width in portrait).
        n = len(self.choice_buttons)
        button_h = touch if tight else max(touch, round(12 * u))
        test_h = touch if tight else max(touch, round(10.5 * u))
        choice_gap = round(1.5 * u) if tight else gap
        prompt_h = round(5 * u) if tight else round(6 * u)
        phone_area, side, bottom, portrait = self._regions(size)
        self.phone.node = self.node
        self.phone.state = self.state
        self.phone.active = self.phone_controls_active()
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
            rw = round(max(touch, min(26 * u, side.w * 0.35)))   # never under a fingertip's width
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
            bh = button_h if rows <= 2 or portrait or tight else max(touch, round(11 * u))
            block_h = rows * bh + (rows - 1) * choice_gap
            # a hand's width, not a bar across the room: at most MAX_BUTTON_UNITS a button, centred
            grid_w = min(bottom.w, round((cols * MAX_BUTTON_UNITS + (cols - 1) * 2.5) * u))
            cells = layout.grid(pygame.Rect(bottom.centerx - grid_w // 2, y - block_h, grid_w, block_h), n, cols, bh,
                                choice_gap)
            for b, r in zip(self.choice_buttons, cells):
                b.rect = r
                b.visible = True
            same_text_size(self.choice_buttons)
            y -= block_h + gap
            self.prompt.rect = pygame.Rect(bottom.x, y - prompt_h, bottom.w, prompt_h)
            self.prompt.visible = True
            y = self.prompt.rect.y - gap // 2
        elif self.phase == "lines":
            nb = pygame.Rect(bottom.x, y - button_h, min(bottom.w, round(MAX_BUTTON_UNITS * u)), button_h)
            if not portrait:
                nb.right = bottom.right          # "继续" at the reading's end, as on the feedback card
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
        self.caption_panel.rect = cap
        self.caption_panel.visible = cap.h > 0
        inner = layout.inset(cap, 3.5 * u, 2.5 * u)
        pw = round(11 * u) if self.progress.text else 0
        speaker_h = round(5.5 * u)
        low = role_px(self.look, "caption")[1]
        if self.look.ink.width(self.session.tr(self.speaker.text), low) > inner.w - pw - u:
            # A long name (a group chat, in English): room for as many lines as it needs, up to three.
            need = self.look.text.height(self.session.tr(self.speaker.text), round(inner.w - pw - u), low, False, LINE_SPACING) + 2
            speaker_h = max(round(10 * u), min(need, round(15 * u)))
        self.speaker.rect = pygame.Rect(inner.x, inner.y, inner.w - pw - round(u), speaker_h)
        self.progress.rect = pygame.Rect(inner.right - pw, inner.y, pw, round(5.5 * u))
        self.caption.rect = pygame.Rect(inner.x, self.speaker.rect.bottom + round(1.5 * u), inner.w,
                                        max(0, inner.bottom - self.speaker.rect.bottom - round(1.5 * u)))
        for w in (self.speaker, self.progress, self.caption):
            w.visible = self.caption_panel.visible and bool(w.text)
        if not tight and not portrait and self.caption.rect.h < self._caption_text_need(inner.w):
            self._place_play(size, tight=True)

    def _caption_text_need(self, width: int) -> int:
        """Height the caption's line takes at its smallest size (at most three lines: a longer one scrolls
        nowhere, it shrinks)."""
        text = self.caption.shown_text()
        if not text:
            return 0
        low = role_px(self.look, self.caption.min_role or self.caption.role)[1]
        three = block_height(self.look.text.fonts.get(low, False), 3, LINE_SPACING)
        return min(self.look.text.height(text, width, low, False, LINE_SPACING), three)
