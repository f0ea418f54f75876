"""The classroom's controller: the teacher bar (vote, pause, reveal, skip, quiz round, summary) and its keys.

Each button (and its key) is on only where it means something: 投票 and 揭晓 once the choices
(or the quiz question) are on screen and nothing is revealed yet, 跳过 while a scene (or the class's
learning check) is open, 答题 and 总结 on the board (not during the check), 暂停 during the game;
a greyed button says why when pressed.
"""

from __future__ import annotations

import pygame

from game.rules.classroom import best_choice

from .decisions import (attach_vote, label_buttons, mark_revealed, note_decision, quiz_decision, shown_choices,
                        shown_order)

from ....i18n.marker import N_
from ... import layout
from ...input import Action, Intent, start_typing, stop_typing, typed_edit
from ...widgets import MIN_TEXT_UNITS, Label, same_text_size
from ..base import Controller
from ..widgets import BarButton, TextField, Toast
from .phones import LessonPhones
from .state import ClassroomState

BAR_UNITS = 15.0          # the teacher bar's thickness, in units of the window


class ClassroomController(Controller):
    mode = "classroom"

    def __init__(self, app):
        super().__init__(app)
        self.state: ClassroomState | None = None
        self.paused = False
        self.editing: TextField | None = None
        self.toast = Toast(app.look)
        self.bar_rect = pygame.Rect(0, 0, 0, 0)
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        self.class_started = 0.0
        self.phones: LessonPhones | None = None     # the lesson's vote server, when phones vote
        self._clock_text = ""
        self.clock_label = Label(app.look, "", role="caption", colour_key="text", translate=False)
        self.vote_button = BarButton(app.look, N_("投票"), self.start_vote, "check", "V", name="bar_vote")
        self.pause_button = BarButton(app.look, N_("暂停"), self.toggle_pause, "pause", "P", name="bar_pause",
                                      other_texts=(N_("继续"),))
        self.reveal_button = BarButton(app.look, N_("揭晓"), self.reveal, "info", "R", name="bar_reveal")
        self.skip_button = BarButton(app.look, N_("跳过"), self.skip, "skip", "S", name="bar_skip")
        self.quiz_button = BarButton(app.look, N_("答题"), self.quiz_round, "quiz", "Q", name="bar_quiz")
        self.end_button = BarButton(app.look, N_("总结"), self.end_class, "home", "E", name="bar_end")
        self.buttons = [self.vote_button, self.pause_button, self.reveal_button, self.skip_button, self.quiz_button, self.end_button]
        self.keys = {"v": self.start_vote, "p": self.toggle_pause, "r": self.reveal, "s": self.skip, "q": self.quiz_round,
                     "e": self.end_class}

    @property
    def frozen(self) -> bool:
        return self.paused

    @frozen.setter
    def frozen(self, value) -> None:   # the base class sets it once
        pass

    home = "class_setup"

    def redirect_home(self, scene):
        if scene.name in ("title", "attract"):
            return self.app.nav.make(self.home)
        return scene

    def detach(self) -> None:
        super().detach()
        self.end_text()
        self.end_lesson()

    def end_lesson(self) -> None:
        """The lesson is over: the phones' server stops listening (its results were read already)."""
        phones, self.phones = self.phones, None
        if phones is not None:
            phones.stop()

    # ------------------------------------------------------------ the bar
    def layout(self, window_size) -> pygame.Rect:
        w, h = window_size
        u = layout.unit_for(window_size)
        thick = max(layout.touch_min(window_size) + round(3 * u), round(BAR_UNITS * u))
        if w >= h:   # every word fits across the bar at the smallest button text
            low = max(8, round(MIN_TEXT_UNITS["button"] * u))
            words = max(b.word_width(low) for b in self.buttons)
            thick = min(max(thick, round(words / 0.84 + 3 * u + 2)), round(w * 0.2))
        if w >= h:   # landscape: a column on the right; the short side (and so the unit) is unchanged
            self.bar_rect = pygame.Rect(w - thick, 0, thick, h)
            self.scene_rect = pygame.Rect(0, 0, w - thick, h)
        else:        # portrait: a row at the bottom
            self.bar_rect = pygame.Rect(0, h - thick, w, thick)
            self.scene_rect = pygame.Rect(0, 0, w, h - thick)
        self._place_bar(u)
        self.dirty = True
        return self.scene_rect

    def _place_bar(self, u: float) -> None:
        bar = layout.inset(self.bar_rect, 1.5 * u)
        gap = 1.5 * u
        n = len(self.buttons)
        if self.bar_rect.h >= self.bar_rect.w:
            self.clock_label.rect = pygame.Rect(bar.x, bar.y, bar.w, round(7 * u))
            rest = pygame.Rect(bar.x, self.clock_label.rect.bottom + u, bar.w, bar.bottom - self.clock_label.rect.bottom - u)
            rects = layout.column(rest, n, min(rest.w * 1.15, 17 * u), gap)
        else:
            self.clock_label.rect = pygame.Rect(bar.x, bar.y, round(min(16 * u, bar.w * 0.16)), bar.h)
            rest = pygame.Rect(self.clock_label.rect.right + u, bar.y, bar.right - self.clock_label.rect.right - u,
                               bar.h)
            rects = layout.row(rest, n, min(rest.h * 1.6, 30 * u), gap)
            low = max(8, round(MIN_TEXT_UNITS["button"] * u))
            needs = [b.word_width(low) / 0.84 + 2 * u for b in self.buttons]
            if any(need > r.w for need, r in zip(needs, rects)):   # a long word ("Continue"): widths by words
                rects = layout.split_h(rest, *needs, gap=gap)
        for b, r in zip(self.buttons, rects):
            b.rect = r
            b.icon_above = None
        above = any(b.needs_icon_above() for b in self.buttons)
        for b in self.buttons:
            b.icon_above = above      # one look for the whole bar
        same_text_size(self.buttons)

    def bar_widgets(self) -> list:
        return [self.clock_label, *self.buttons]

    def draw(self, window) -> list:
        drawn = super().draw(window)   # the operator's corner ring (clears our dirty flag)
        t = self.app.theme
        pygame.draw.rect(window, t.panel, self.bar_rect)
        edge = self.bar_rect.copy()
        if self.bar_rect.h >= self.bar_rect.w:
            edge.w = max(2, round(0.3 * self.app.unit))
        else:
            edge.h = max(2, round(0.3 * self.app.unit))
        pygame.draw.rect(window, t.text_muted, edge)
        self.clock_label.draw(window)
        for b in self.buttons:
            b.draw(window)
        drawn.append(self.bar_rect)
        box = self.toast.draw(window.subsurface(self.scene_rect)) if self.toast.visible else None
        if box is not None:
            drawn.append(box)
        return drawn

    # ------------------------------------------------------------ what is going on
    def board(self):
        """The class's board (a ``ClassroomBoardScene``: the only board of classroom mode), if one is open."""
        return self.app.nav.find("board")

    def open_scene(self):
        """The scam scene or quiz question in play, if any."""
        return self.app.nav.find("scenario", "quiz")

    def question_shown(self, scene) -> bool:
        """The choices (or the quiz's options) are on screen and nothing is decided yet."""
        if scene is None:
            return False
        if scene.name == "quiz":
            return getattr(scene, "answer", None) is None
        return scene.phase == "choices" and len(scene.runner.choices) > 0

    def why_not(self, button) -> str:
        """Why a greyed button does nothing here (the toast when it is pressed anyway)."""
        nav = self.app.nav
        if nav.is_open("class_summary"):
            return N_("课堂总结页上不能用这个按钮")
        if self.board() is None:
            return N_("开始上课后才能用")
        if button in (self.vote_button, self.reveal_button):
            if nav.is_open("class_vote") or nav.is_open("reveal") or nav.is_open("feedback"):
                return N_("已经在投票或揭晓了")
            return N_("等选项出现后再用") if self.open_scene() is not None else N_("现在没有进行中的场景")
        if button is self.skip_button:
            return N_("现在没有可以跳过的场景")
        if self.board().checking():
            return N_("小测进行中：按 S 跳过小测")
        if button is self.quiz_button:
            return N_("请先完成或跳过当前场景")
        return ""

    def _bar_states(self) -> dict:
        board = self.board()
        scene = self.open_scene()
        nav = self.app.nav
        summary_open = nav.is_open("class_summary")
        playing = board is not None and not summary_open and not board.results_shown
        busy = nav.is_open("class_vote") or nav.is_open("reveal") or nav.is_open("feedback")
        asked = playing and self.question_shown(scene) and not busy
        round_ = nav.top if nav.top is not None and nav.top.name == "quiz_round" else None
        checking = playing and board.checking()     # the class's learning check: S skips it, nothing else
        return {
            self.vote_button: asked or (round_ is not None and not round_.revealed),
            self.pause_button: playing,
            self.reveal_button: asked,
            self.skip_button: checking or (playing and scene is not None and not nav.is_open("class_vote")),
            self.quiz_button: playing and scene is None and not nav.is_open("quiz_round") and not checking,
            self.end_button: playing and not nav.is_open("quiz_round") and not checking,
        }

    def _sync_bar(self) -> None:
        scene = self.open_scene()
        if scene is not None and scene.name == "scenario" and self.state is not None and scene.phase == "choices":
            label_buttons(scene, self.app.tr)
            note_decision(self.state, scene)
        states = self._bar_states()
        for b, on in states.items():
            if b.enabled != on:
                b.enabled = on
                self.dirty = True
        text = N_("继续") if self.paused else N_("暂停")
        if self.pause_button.text != text:
            self.pause_button.set_text(text)
            self.pause_button.icon = "play" if self.paused else "pause"
            self.pause_button.selected = self.paused
            same_text_size(self.buttons)
            self.dirty = True
        clock = self.clock_text()
        if clock != self._clock_text:
            self._clock_text = clock
            self.clock_label.set_text(clock)
            self.dirty = True

    @property
    def busy(self) -> bool:
        return super().busy or self.toast.visible

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.toast.update(dt):
            self.app.redraw_all()
        self._sync_bar()

    # ------------------------------------------------------------ events
    def raw_event(self, event) -> bool:
        field = self.editing
        if field is None:
            return False
        edit = typed_edit(field, event)
        if edit == "changed":
            self._field_changed()
        elif edit == "end":
            self.end_text()
        return bool(edit)

    def _field_changed(self) -> None:
        top = self.app.stack.top
        if top is not None:
            top.dirty = True

    def begin_text(self, field: TextField) -> None:
        if self.editing is not None and self.editing is not field:
            self.end_text()
        self.editing = field
        field.editing = True
        start_typing(field.rect)
        self._field_changed()

    def end_text(self) -> None:
        field, self.editing = self.editing, None
        if field is not None:
            field.editing = False
            stop_typing()
            self._field_changed()

    def intercept(self, intent: Intent) -> bool:
        a = intent.action
        if self.editing is not None and a is Action.PRESS and intent.pos \
                and not self.editing.rect.collidepoint(intent.pos):
            self.end_text()
        in_bar = intent.pos is not None and self.bar_rect.collidepoint(intent.pos)
        bar_pressed = any(b.pressed for b in self.buttons)
        if in_bar and self.operator_open():
            return True                   # the teacher's buttons wait while the operator's screens are open
        if in_bar and a is Action.RELEASE:
            greyed = next((b for b in self.buttons if not b.enabled and b.rect.collidepoint(intent.pos)), None)
            if greyed is not None and self.why_not(greyed):
                self.toast.show(self.why_not(greyed))
        if in_bar or (bar_pressed and a in (Action.RELEASE, Action.DRAG)):
            for b in self.buttons:
                if b.handle(intent):
                    self.dirty = True
                    return True
            return in_bar
        if a is Action.SHORTCUT and intent.key in self.keys and self.editing is None and not self.operator_open():
            self.keys[intent.key]()
            return True
        return self._operator_gesture(intent)

    def clock_text(self) -> str:
        """Time left (a timed lesson) or scenes left (a lesson of so many scenes)."""
        if self.state is None or self.board() is None:     # no lesson running (the set-up)
            return ""
        plan = self.state.plan
        if plan.by_time:
            secs = int(plan.seconds_left(self.clock - self.class_started))
            return self.app.tr("剩 {t}").format(t=f"{secs // 60:02d}:{secs % 60:02d}")
        played = sum(1 for s in self.state.played if s.team >= 0)
        return self.app.tr("剩 {n} 关").format(n=plan.scenes_left(played))

    # ------------------------------------------------------------ the teacher's actions
    def start_vote(self) -> None:
        """全班投票 on the choices on screen (or the quiz's options)."""
        scene = self.open_scene()
        if self._refused(self.vote_button):
            return
        self._unpause()
        if self.app.nav.top.name == "quiz_round":
            self.app.nav.top.start_vote()
            return
        board = self.board()
        team = board.players[board.game.current].name if board is not None else ""
        if scene.name == "quiz":
            item = scene.item
            if not self.state.decisions:
                self.state.decisions.append(quiz_decision(item))
            self.app.nav.navigate("class_vote", title=N_("答题"), context=item.question, options=list(item.options),
                                  rule=self.state.rule, team=team, phones=self.phones,
                                  on_done=lambda vote: self._voted(scene, vote, list(range(len(item.options)))))
            return
        note_decision(self.state, scene)
        self.app.nav.navigate("class_vote", title=scene.scenario.title, context=scene.caption.shown_text(),
                              options=[c.text for c in shown_choices(scene)], rule=self.state.rule, team=team,
                              phones=self.phones,
                              on_done=lambda vote: self._voted(scene, vote, shown_order(scene)))

    def _voted(self, scene, vote, order: list[int]) -> None:
        """The split is shown: note it, then play the class's majority (or let the team choose)."""
        attach_vote(self.state, vote)
        picked = vote.decided(self.state.rule)
        if picked is None:
            self.toast.show(N_("请这一组在屏幕上选择"))
            return
        if scene.name == "quiz":
            scene.pick(order[picked])
        else:
            scene.choose(order[picked])

    def start_class(self, state: ClassroomState) -> None:
        self.end_lesson()
        self.state = state
        self.class_started = self.clock
        self.paused = False
        if state.phone_address:
            self.phones = LessonPhones(state.phone_address, self.app.locale)
            self.phones.start()

    def toggle_pause(self) -> None:
        if self.paused:
            self.paused = False
            for s in [s for s in self.app.stack.scenes if s.name == "paused"]:
                if self.app.stack.top is s:
                    self.app.stack.pop()
                else:
                    self.app.stack.scenes.remove(s)
            self.app.redraw_all()
        elif self._bar_states()[self.pause_button]:
            self.paused = True
            self.app.nav.navigate("paused", controller=self)
        self._sync_bar()

    def _refused(self, button) -> bool:
        """True (and the reason said) when ``button``'s action means nothing on this screen."""
        if self._bar_states()[button]:
            return False
        self.toast.show(self.why_not(button))
        return True

    def _unpause(self) -> None:
        if self.paused:
            self.toggle_pause()

    def reveal(self) -> None:
        scene = self.open_scene()
        if self._refused(self.reveal_button):
            return
        self._unpause()
        if scene.name == "quiz":
            if not self.state.decisions:
                self.state.decisions.append(quiz_decision(scene.item))
            mark_revealed(self.state)
            scene.runner.reveal()          # the answer given now is not scored
            self.app.nav.navigate("reveal_answer", item=scene.item)
            return
        note_decision(self.state, scene)
        mark_revealed(self.state)
        scene.runner.reveal()              # the choice taken now is not scored (money, counts, statistics)
        choice = best_choice(scene.runner.choices)
        self.app.nav.navigate("reveal_choice", choice=choice, area_for=scene.feedback_area)

    def skip(self) -> None:
        board = self.board()
        if self._bar_states()[self.skip_button] and board.checking():
            self._unpause()
            board.skip_check()
            self.toast.show(N_("已跳过小测"))
            return
        if not self._bar_states()[self.skip_button] or not board.skip_current_scene():
            self.toast.show(N_("现在没有可以跳过的场景"))
            return
        self._unpause()
        self.toast.show(N_("已跳过这一关，不计分"))

    def quiz_round(self) -> None:
        board = self.board()
        if self._refused(self.quiz_button):
            return
        self._unpause()
        scene = self.app.nav.make("quiz_round", state=self.state, board=board)
        if scene is None:
            self.toast.show(N_("题库里的题都答过了"))
            return
        self.app.stack.push(scene)

    def end_class(self) -> None:
        board = self.board()
        if self._refused(self.end_button):
            return
        self._unpause()
        self.app.nav.navigate("class_summary", state=self.state, board=board, game_over=board.game.is_over)
