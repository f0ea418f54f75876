"""What the class decided in the open scene, noted as it happens, for the debrief.

The projector's A, B, C follow the order the choice buttons are shown in (a play may shuffle
them): ``shown_order`` reads it from the buttons' names (``choice_{index}``).
"""

from __future__ import annotations

import dataclasses

from game.content.models import Outcome
from game.rules.classroom import LETTERS, Vote, best_choice
from game.rules.classroom_debrief import Decision, PlayedScene

from .state import ClassroomState


def shown_order(scene) -> list[int]:
    """Indexes into ``scene.runner.choices`` in the order the buttons are shown."""
    order = []
    for b in scene.choice_buttons:
        try:
            order.append(int(b.name.rsplit("_", 1)[1]))
        except (ValueError, IndexError):
            return list(range(len(scene.runner.choices)))
    return order


def shown_choices(scene) -> list:
    choices = scene.runner.choices
    return [choices[i] for i in shown_order(scene)]


def label_buttons(scene, tr) -> None:
    """A., B., C. in front of the scene's choices, so the class can vote by letter."""
    for k, (b, choice) in enumerate(zip(scene.choice_buttons, shown_choices(scene))):
        text = f"{LETTERS[k]}. {tr(choice.text)}"
        if b.text != text:
            b.label.translate = False
            b.set_text(text)


def note_decision(state: ClassroomState, scene) -> Decision | None:
    """The scene shows a choice between two or more options: note it once (None when noted already
    or not a decision)."""
    choices = shown_choices(scene)
    if len(choices) < 2:
        return None
    texts = tuple(c.text for c in choices)
    if getattr(scene, "_class_noted", None) is scene.node:
        return None
    scene._class_noted = scene.node
    best = best_choice(choices)
    decision = Decision(texts, tuple(c.outcome.value for c in choices), choices.index(best))
    state.decisions.append(decision)
    return decision


def quiz_decision(item) -> Decision:
    outcomes = tuple(Outcome.SAFE.value if i == item.answer else Outcome.RISKY.value for i in range(len(item.options)))
    return Decision(tuple(item.options), outcomes, item.answer)


def mark_revealed(state: ClassroomState) -> None:
    """The teacher revealed the answer of the decision on screen: what the team plays now is not scored."""
    if state.decisions:
        state.decisions[-1] = dataclasses.replace(state.decisions[-1], revealed=True)


def attach_vote(state: ClassroomState, vote: Vote) -> None:
    """The class's hands on the decision being discussed."""
    if state.decisions:
        last = state.decisions[-1]
        state.decisions[-1] = dataclasses.replace(last, counts=tuple(vote.counts))


def _with_choices(decisions: list[Decision], taken) -> tuple[Decision, ...]:
    """Each noted decision with the option played (matched by its text, in order)."""
    out = []
    for k, d in enumerate(decisions):
        choice = taken[k] if k < len(taken) else None
        if choice is None or choice.text not in d.options:
            out.append(d)
            continue
        out.append(dataclasses.replace(d, chosen=d.options.index(choice.text),
                                       techniques=tuple(t.value for t in choice.techniques)))
    return tuple(out)


def played_scene(state: ClassroomState, library, team: int, scene, result, minute: int) -> PlayedScene:
    """The finished (``result``) or skipped (``result`` None) scene as a debrief row."""
    number = len(state.played) + 1
    decisions, state.decisions = list(state.decisions), []
    if scene.name == "quiz":
        item = scene.item
        d = decisions[0] if decisions else quiz_decision(item)
        answered = getattr(scene.runner, "answered", None)
        if answered is not None:
            d = dataclasses.replace(d, chosen=answered, techniques=tuple(t.value for t in item.techniques))
        ref = scene.runner.ref
        right = f"{LETTERS[item.answer]}. {item.options[item.answer]}"
        return PlayedScene(number, team, "quiz", ref, item.question, scene.runner.scam_type, (d,),
                           None if result is None else bool(result.correct), right, minute)
    scenario = scene.scenario
    taken = result.decisions if result is not None else scene.runner.decisions
    scam = library.scam_types.get(scenario.scam_type) if scenario.scam_type else None
    right = scam.right_action if scam is not None else ""
    return PlayedScene(number, team, "scenario", scenario.id, scenario.title, scenario.scam_type,
                       _with_choices(decisions, taken), None if result is None else result.safe, right, minute)
