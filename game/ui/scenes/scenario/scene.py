"""Playing one scam script on the simulated phone.

``ScenarioScene(app, scenario, player, on_done)`` runs the script with the rules'
``ScenarioRunner``: the phone on one side (landscape) or at the top (portrait),
the node's lines one at a time (tap to go on; no timer), the choices as big
buttons, a feedback card after every choice, and at the ending a summary card.
Its "继续" pops the scene and calls ``on_done(result)`` with the runner's
``SceneResult`` for the board and the scoring."""

from __future__ import annotations

from typing import Callable

import pygame

from ....content.models import Channel, Speaker
from ....content.phone_actions import rings_for_decision
from ....rules.choice_order import shown_order
from ....rules.face_checks import asked_check, shown_glitch
from ....rules.scenes import ScenarioRunner, SceneResult
from ... import layout
from ...input import Action, Intent
from ...phone.labels import (
    CHECK_HINTS,
    N_,
    SPEAKER_ME,
    SPEAKER_SYSTEM,
    outcome_key,
    spoken_join,
)
from ...phone.numbers import is_overseas
from ...phone.pieces import Badge, ChipRow, PhoneView
from ...phone.state import TEST_DURATION, PhoneState
from ...seats import PlayerInfo
from ...widgets import Button, Label, Panel, ReadAloudButton, ScreenScene, TextBox
from .computer import ComputerDriver
from .controls import active_controls, respond
from .ending import ScenarioEnding
from .placing import ScenarioPlacing

TEST_LABELS = {"turn": N_("请他转转头"), "wave": N_("请他挥挥手")}


SECONDS_PER_CHAR = 0.16      # how long a line "is being said" (mouth moves) per character


def _contact_key(node) -> tuple:
    c = node.contact
    return (c.name, c.number) if c else ("", "")


class ScenarioScene(ScenarioEnding, ScenarioPlacing, ScreenScene):
    name = "scenario"

    def __init__(self, ctx, scenario, player: PlayerInfo | None = None,
                 on_done: Callable[[SceneResult], None] | None = None, savings: int | None = None,
                 start_node: str | None = None):
        self.scenario = scenario
        self.player = player
        self.on_done = on_done
        self.savings = savings        # the player's savings when the scene began (None: not in a game)
        self.runner = ScenarioRunner(scenario, start_node)   # start_node: an author's preview (play --node)
        self.time = 0.0
        self.phase = "lines"          # lines → choices → (feedback overlay) → … → ending
        self.node = None
        self.shown = 0
        self.ringing = False          # the phone shows an incoming call
        self.awaiting_answer = False  # … and the next tap (继续, the green button) answers it
        self.history: tuple = ()
        self.call_time = 0.0          # seconds the current call lasted before this node
        self.node_time = 0.0          # seconds since this node appeared
        self.finished = False
        self.result: SceneResult | None = None
        self.order: tuple[int, ...] = ()   # the runner's choice indexes in the order the buttons show them
        self.state = PhoneState()
        super().__init__(ctx)
        self.computer: ComputerDriver | None = None
        if player is not None and player.is_computer:
            pack = self.session.current_pack()
            self.computer = ComputerDriver(self, player.policy, (self.session.seed, self.session.games_played, scenario.id),
                                           table_decides=bool(pack and pack.settings.table_decides_for_computer))
        self._enter_node(self.runner.node, None)

    # ================================================================ widgets
    def build(self) -> None:
        self.phone = PhoneView(self.look, self._phone_tapped)
        self.title = Label(self.look, self.scenario.title, role="heading", colour_key="accent", align="left")
        # The player's seat name ("红方", a msgid) or a typed name: shown through tr either way.
        self.player_label = Label(self.look, "", role="caption", colour_key="text_muted", align="left")
        self.read_button = ReadAloudButton(self.look, self.read_aloud, self.services.voice_speaking,
                                           self.services.stop_voice)
        self.caption_panel = Panel(self.look)
        self.speaker = Label(self.look, "", role="caption", colour_key="text_muted", align="left")
        self.caption = TextBox(self.look, "", role="heading", bold=False)
        self.caption.min_role = "body"     # a long English line in the narrow portrait column may shrink further
        self.progress = Label(self.look, "", role="caption", colour_key="text_muted", align="right", translate=False)
        self.prompt = Label(self.look, N_("你会怎么做？"), role="body", colour_key="text", align="left", bold=True)
        self.next_button = Button(self.look, N_("继续"), self.advance, icon="play", name="next_line")
        self.test_buttons = {k: Button(self.look, TEST_LABELS[k], lambda k=k: self.run_test(k), style="neutral",
                                       icon="info", name=f"test_{k}", autoplay_weight=0.3) for k in ("turn", "wave")}
        self.test_label = Label(self.look, N_("试一试："), role="body", colour_key="text", align="left", bold=True)
        self.choice_buttons: list[Button] = []
        # The ending card.
        self.end_panel = Panel(self.look)
        self.end_badge = Badge(self.look)
        self.end_title = Label(self.look, self.scenario.title, role="heading", colour_key="accent")
        self.end_summary = TextBox(self.look, "", role="body")
        self.end_money = Badge(self.look)
        self.end_rate = Label(self.look, "", role="body", colour_key="text", translate=False)
        self.end_tech_title = Label(self.look, N_("这次骗子用了："), role="caption", colour_key="text_muted", align="left")
        self.end_chips = ChipRow(self.look)
        self.end_advice = TextBox(self.look, "", role="body", translate=False)
        self.done_button = Button(self.look, N_("继续"), self.finish, icon="play", name="done")
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
        # A call whose choices are its answer/decline buttons rings on through its lines.
        self.awaiting_answer = self.ringing and not rings_for_decision(node)
        self.shown = 0 if self.awaiting_answer or not node.lines else 1
        self.state = PhoneState(t=0.0, shown=self.shown, history=self.history, ringing=self.ringing,
                                call_started=self.call_time, reduced_motion=self.look.reduced_motion,
                                clock=self._clock(), reveal_t=0.0)
        if self.services.autoplayer is not None:
            self.services.autoplayer.channels.add(node.channel)
        self._rebuild_choices()
        self._after_reveal()
        if self.phase == "ending":
            self._fill_ending()
        if self.look.size:
            self.layout(self.look.size)

    def _clock(self) -> str:
        base = 9 * 60 + 41 + int(self.time // 60)
        return f"{base // 60:02d}:{base % 60:02d}"

    def _rebuild_choices(self) -> None:
        node = self.node
        choices = self.runner.choices
        self.order = shown_order(len(choices), self.session.seed, self.session.games_played, self.scenario.id, node.id)
        self.choice_buttons = [Button(self.look, choices[i].text, lambda i=i: self.choose(i), style="secondary",
                                      name=f"choice_{k}") for k, i in enumerate(self.order)]
        if node.is_ending:
            self.choice_buttons = []
        if self.computer is not None:
            self.prompt.set_text(self.computer.prompt())
            for b in self.choice_buttons:
                b.enabled = self.computer.table_decides
        self._set_items()

    def show_computer_pick(self, index: int) -> None:
        """Mark the computer player's pick (the runner's ``index``) for a moment before it is taken."""
        button = self.choice_buttons[self.order.index(index)]
        button.style, button.selected, button.enabled = "choice", True, True
        self.prompt.set_text(self.computer.prompt())
        self.invalidate()

    def shown_choices(self) -> list:
        """The offered choices in the order the buttons show them (A, B, C … for a class vote)."""
        return [self.runner.choices[i] for i in self.order]

    def _after_reveal(self) -> None:
        """Update phase, caption and the phone after ``shown`` changed."""
        node = self.node
        lines = node.lines
        if self.awaiting_answer or self.shown < len(lines):
            self.phase = "lines"
        else:
            self.phase = "ending" if node.is_ending else "choices"
        line = lines[self.shown - 1] if 0 < self.shown <= len(lines) else None
        if self.awaiting_answer:
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
            if self.session.settings.voice:
                # The last line before a choice is followed by the question and the choices.
                parts = [self.session.tr(line.text)] + (self._spoken_choices() if self.phase == "choices" else [])
                self.services.narrate(spoken_join(self.look, parts))
        else:
            self.speaker.set_text("")
            self.caption.set_text("")
        total = len(lines)
        self.progress.set_text(f"{min(self.shown, total)} / {total}" if total > 1 and not self.awaiting_answer else "")
        st = self.state
        st.shown = self.shown
        st.ringing = self.ringing
        st.reveal_t = st.t
        st.check_hint = ""           # a check's verdict stays until the story goes on
        self._speak_until = st.t + (len(line.text) * SECONDS_PER_CHAR if line is not None and line.speaker is Speaker.THEM
                                    else 0.0)
        st.speaking = st.t < self._speak_until
        self.invalidate()

    def _ringing_text(self) -> str:
        c = self.node.contact
        who = " ".join(x for x in ((self.session.tr(c.name) if c and c.name else ""), (c.number if c else "")) if x)
        text = who or self.session.tr(N_("未知号码"))
        if c and is_overseas(c.number, c.note):
            text += "\n" + self.session.tr(N_("境外来电"))
        return text

    def _spoken_choices(self) -> list[str]:
        """What is read after the last line: the question, then each choice."""
        if not self.runner.choices or self.node.is_ending:
            return []
        return [self.session.tr(self.prompt.text)] + [self.session.tr(c.text) for c in self.shown_choices()]

    def on_locale_changed(self) -> None:
        """Texts composed from several words (a ringing caller, the ending's amounts) are made again."""
        if self.awaiting_answer:
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
        if self.awaiting_answer:
            self.ringing = self.awaiting_answer = False
            self.shown = 1 if self.node.lines else 0
        else:
            self.shown += 1
        self._after_reveal()
        if self.phase == "ending":
            self._fill_ending()
        self.layout(self.look.size)

    def choose(self, index: int) -> None:
        if self.phase != "choices":
            return
        choice = self.runner.choices[index]
        prev = self.node
        shown = self.order.index(index) if index in self.order else index   # the button's place: choice_{shown}
        self.services.trace_event("choice", index=index, shown=shown, text=choice.text,
                                  outcome=outcome_key(choice.outcome),
                                  by="computer" if self.computer is not None and not self.computer.table_decides else "people")
        self.runner.choose(index)
        key = outcome_key(choice.outcome)
        self.services.sound.play("right" if key == "safe" else "wrong" if key == "risky" else "button")
        self.phase = "feedback"
        self.nav.navigate("feedback", choice=choice, on_close=lambda: self._enter_node(self.runner.node, prev),
                          area_for=self.feedback_area, company_money=self.scenario.company_money)

    def run_test(self, kind: str) -> None:
        """The player asks the caller to turn the head / wave: the face-swap may break up."""
        self.state.test = kind
        self.state.test_t = self.state.t
        self.state.check_hint = ""
        self.invalidate()

    def _test_done(self) -> None:
        """The check has played: say what it showed (the node's tells) and what to do either way."""
        st = self.state
        st.check_hint = CHECK_HINTS[st.test, shown_glitch(st.test, self.node.tells)]
        st.test = ""
        # in the caption card too, in big type: the phone's own words are small
        self.speaker.set_text(SPEAKER_SYSTEM)
        self.caption.translate = True
        self.caption.colour_key = "text"
        self.caption.set_text(st.check_hint)
        if self.session.settings.voice:
            self.services.narrate(self.session.tr(st.check_hint))
        self.layout(self.look.size)

    def _phone_tapped(self, control: str) -> None:
        """A tap on the phone: its controls do what they show or explain why not (``controls.respond``)."""
        r = respond(control, self.node.channel, self.phase, self.awaiting_answer, self._tappable_choices(),
                    layout.is_portrait(self.look.size))
        if control:
            self.services.trace_event("phone_control", control=control, result=r.kind)
        if r.kind in ("advance", "answer"):
            self.advance()
        elif r.kind == "choose":
            self.choose(r.index)
        elif r.kind == "hint":
            self.phone.show_hint(r.hint, control)
            self.invalidate()

    def _tappable_choices(self) -> tuple:
        """The choices a person may take here (none while a computer player chooses for itself)."""
        if self.computer is not None and not self.computer.table_decides:
            return ()
        return self.runner.choices

    def phone_controls_active(self) -> frozenset[str]:
        return active_controls(self.phase, self.awaiting_answer, self._tappable_choices())

    def read_aloud(self) -> None:
        """The replay button: who speaks and the line (then the choices, when they are showing), or the ending."""
        if self.phase == "ending":
            parts = [self.end_badge.text and self.session.tr(self.end_badge.text), self.session.tr(self.end_summary.text)]
            self.services.narrate(spoken_join(self.look, parts))
            return
        said = spoken_join(self.look, [self.session.tr(self.speaker.text), self.caption.shown_text()], "：")
        extra = self._spoken_choices() if self.phase == "choices" else []
        self.services.narrate(spoken_join(self.look, [said, *extra]))

    def finish(self) -> None:
        """The ending card's "继续": leave and hand the result to the board."""
        if self.finished:
            return
        self.finished = True
        self.result = self.runner.result()
        if self.nav.top is self:
            self.nav.back()
        if self.on_done:
            self.on_done(self.result)

    # ================================================================ loop
    def update(self, dt: float) -> None:
        if self.computer is not None and not self.finished:
            self.computer.update(dt)
        self.time += dt
        self.node_time += dt
        st = self.state
        st.t += dt
        was_speaking = st.speaking
        st.speaking = st.t < getattr(self, "_speak_until", 0.0)
        if st.test and st.t - st.test_t > TEST_DURATION:
            self._test_done()
        if self.phone.hint and not self.phone.hint_showing:
            self.phone.hint = ""
            self.invalidate()
        reading = self.read_button.update(dt)   # 朗读 ↔ 停止朗读, the ring pulsing while the voice plays
        if reading:
            self.invalidate()
        if self.phase == "ending" or self.look.reduced_motion:
            self.animating = reading
            if was_speaking != st.speaking:
                self.invalidate()
            return
        channel = self.node.channel.value
        moving = (channel == "video_call" or self.ringing or st.speaking or was_speaking
                  or st.t - st.reveal_t < 0.4 or bool(st.test) or reading)
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

    def discussed(self) -> list:
        """What a class talks about while the teacher pauses: the line and the choices (kept in view)."""
        return [w for w in (self.caption_panel, self.prompt, *self.choice_buttons) if w.visible and w.rect.w]
