"""The simulated phone's controls that a script may tie a choice to (``phone_action:``).

A choice tied to a control is taken when the player taps that control on the phone
(the red hang-up button takes "挂断，…"); every other control the phone draws stays
inactive and says why when tapped. Nothing here imports pygame: the validator and
the screens read the same table.
"""

from __future__ import annotations

from .models import Channel

# Controls each channel's screen draws, in the order they appear.
PHONE_ACTIONS: dict[Channel, tuple[str, ...]] = {
    # An incoming call shows answer/decline; a call in progress the rest.
    Channel.PHONE_CALL: ("answer", "decline", "hang_up", "mute", "keypad", "speaker"),
    Channel.VIDEO_CALL: ("hang_up", "mute", "camera"),
    Channel.SMS: ("open_link", "send"),
    Channel.CHAT: ("open_link", "send", "voice"),
    Channel.SCREEN_SHARE: ("start_share", "cancel_share"),
    # The page's main button (确认转账, or 提交认证 on a form) and its back arrow.
    Channel.PAYMENT: ("confirm_payment", "cancel_payment"),
    Channel.IN_PERSON: (),
}

# A phone_call node tied to one of these is an incoming call: it keeps ringing through its lines,
# and the green and red buttons are the decision.
RINGING_ACTIONS = ("answer", "decline")

ALL_ACTIONS: tuple[str, ...] = tuple(dict.fromkeys(a for actions in PHONE_ACTIONS.values() for a in actions))


def actions_of(channel: Channel) -> tuple[str, ...]:
    return PHONE_ACTIONS.get(channel, ())


def rings_for_decision(node) -> bool:
    """True when ``node`` is an incoming call whose answer/decline buttons take its choices."""
    return node.channel is Channel.PHONE_CALL and any(c.phone_action in RINGING_ACTIONS for c in node.choices)


def check_phone_actions(problems, node_id: str, channel: Channel | None, link: str, choices, positions) -> bool:
    """Report choices tied to a control the node's screen does not show, or a control tied twice.
    ``positions`` holds each choice's (line, col) of its ``phone_action``. Returns True when clean."""
    ok = True
    seen: dict[str, int] = {}
    tied = [(i, c.phone_action) for i, c in enumerate(choices) if c.phone_action]
    allowed = actions_of(channel) if channel is not None else ALL_ACTIONS
    for i, action in tied:
        line, col = positions[i]
        if action not in allowed:
            shown = ", ".join(allowed) if allowed else "none"
            problems.error(line, col, "phone-action-off-channel",
                           f"choice {i + 1} of node '{node_id}' is tied to '{action}', which a "
                           f"{channel.value if channel else '?'} screen does not show",
                           f"controls on this channel: {shown}")
            ok = False
        elif action == "open_link" and not link:
            problems.error(line, col, "phone-action-no-link",
                           f"choice {i + 1} of node '{node_id}' is tied to 'open_link', but the node shows no link",
                           "give the node a 'link:' (the address in the message), or remove the 'phone_action'")
            ok = False
        if action in seen:
            problems.error(line, col, "phone-action-twice",
                           f"choices {seen[action] + 1} and {i + 1} of node '{node_id}' are both tied to '{action}'",
                           "one control takes one choice: tie the other choice to another control, or to none")
            ok = False
        seen.setdefault(action, i)
    ringing = [i for i, a in tied if a in RINGING_ACTIONS]
    in_call = [i for i, a in tied if a not in RINGING_ACTIONS]
    if channel is Channel.PHONE_CALL and ringing and in_call:
        line, col = positions[in_call[0]]
        problems.error(line, col, "phone-action-mixed",
                       f"node '{node_id}' ties choices both to an incoming call's buttons (answer/decline) "
                       f"and to a call in progress ('{choices[in_call[0]].phone_action}')",
                       "a ringing phone shows only answer and decline: split the node in two")
        ok = False
    return ok
