"""The face-swap video call's checks: asking the caller to turn the head or wave a hand.

A line of a ``video_call`` script that asks for one starts that check by itself, as the player's
own button would: ``asked_check(line.text)`` says which, from the words of the script's source
language (the text as written in the content, before translation).
"""

from __future__ import annotations

CHECK_WORDS = {"wave": ("挥手", "挥挥手", "挥一挥", "摆摆手"), "turn": ("转头", "转个头", "转转头", "侧脸", "侧过脸")}


def asked_check(text: str) -> str | None:
    """"wave" or "turn" when ``text`` asks the caller for that check, else None."""
    for kind, words in CHECK_WORDS.items():
        if any(w in text for w in words):
            return kind
    return None
