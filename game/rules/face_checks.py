"""The face-swap video call's checks: asking the caller to turn the head or wave a hand.

The player is offered them (``offers_checks``) only on a video call that shows face-swap tells or
belongs to a face-swap script: elsewhere they would teach that any video call needs a "test", and a
clean turn proves nothing anyway (real-time face swaps pass it; the lesson is to hang up and call back).

What a check shows follows the node's ``tells`` (``shown_glitch``): a face that tears on the move, or
edges that smear as it moves; with neither, the check passes, which proves nothing.

A line of a ``video_call`` script that asks for one starts that check by itself, as the player's
own button would: ``asked_check(line.text)`` says which, from the words of the script's source
language (the text as written in the content, before translation).
"""

from __future__ import annotations

FACE_SWAP_TYPES = ("ai_face_swap",)   # scam types whose video calls are face swaps


def offers_checks(scenario, node) -> bool:
    """Whether the 请他转转头 / 请他挥挥手 buttons belong on ``node`` of ``scenario``."""
    if getattr(node.channel, "value", node.channel) != "video_call" or node.is_ending:
        return False
    return bool(node.tells) or scenario.scam_type in FACE_SWAP_TYPES


# The tells each check brings out, the most telling first: the face tearing on that move, then its
# edges smearing (they show on any move).
SHOWN_BY = {"turn": ("glitch_on_turn", "blur_edges"), "wave": ("glitch_on_wave", "blur_edges")}


def shown_glitch(kind: str, tells) -> str:
    """The tell a ``kind`` check shows on a node with ``tells`` ("" when it shows none: the face passes)."""
    return next((t for t in SHOWN_BY.get(kind, ()) if t in tells), "")


CHECK_WORDS = {"wave": ("挥手", "挥挥手", "挥一挥", "摆摆手"), "turn": ("转头", "转个头", "转转头", "侧脸", "侧过脸")}


def asked_check(text: str) -> str | None:
    """"wave" or "turn" when ``text`` asks the caller for that check, else None."""
    for kind, words in CHECK_WORDS.items():
        if any(w in text for w in words):
            return kind
    return None
