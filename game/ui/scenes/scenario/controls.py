"""What a tap on the simulated phone's own buttons does.

A control does what it shows or nothing: the green button answers a ringing call; a control the
script ties to one of the offered choices (``phone_action:``) takes that choice; every other
control is drawn greyed out and, when tapped, says why ("先听听他说什么", "用右边的按钮回答").
No control ever moves the scam on or takes a choice that is not on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from ....content.models import Channel
from ...phone.labels import N_

HINT_LISTEN = N_("先听听他说什么")
HINT_READ = N_("先看看他说什么")
HINT_ANSWER_FIRST = N_("先接听，听听他说什么")
HINT_BUTTONS_SIDE = N_("用右边的按钮回答")
HINT_BUTTONS_BELOW = N_("用下面的按钮回答")

_SPOKEN = (Channel.PHONE_CALL, Channel.VIDEO_CALL, Channel.IN_PERSON)


@dataclass(frozen=True)
class Response:
    kind: str          # "choose", "answer", "advance" (the phone's body: the next line), "hint" or "none"
    index: int = -1    # "choose": the choice's index in the script's order
    hint: str = ""     # "hint": the msgid to show over the control


def active_controls(phase: str, awaiting_answer: bool, choices) -> frozenset[str]:
    """The controls that do something now (the rest are drawn greyed out)."""
    if awaiting_answer:
        return frozenset({"answer"})
    if phase == "choices":
        return frozenset(c.phone_action for c in choices if c.phone_action)
    return frozenset()


def respond(control: str, channel: Channel, phase: str, awaiting_answer: bool, choices,
            portrait: bool) -> Response:
    """What a tap on ``control`` ("" = the phone outside its controls) does."""
    if not control:
        return Response("advance") if phase == "lines" and not awaiting_answer else Response("none")
    if awaiting_answer:
        return Response("answer") if control == "answer" else Response("hint", hint=HINT_ANSWER_FIRST)
    if phase == "choices":
        for i, choice in enumerate(choices):
            if choice.phone_action == control:
                return Response("choose", i)
        return Response("hint", hint=HINT_BUTTONS_BELOW if portrait else HINT_BUTTONS_SIDE)
    if phase == "lines":
        return Response("hint", hint=HINT_LISTEN if channel in _SPOKEN else HINT_READ)
    return Response("none")
