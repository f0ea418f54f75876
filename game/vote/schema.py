"""The two JSON bodies a phone may send, read strictly: anything else is a ``BadRequest``.

    POST /api/join   {"room": "4831"}
    POST /api/vote   {"question": "scene-3", "choice": "B"}

Exactly these keys, strings of the expected shape, UTF-8, no duplicate keys, no NaN: a body
that is not exactly this is refused whole, with a message saying which rule it broke.
"""

from __future__ import annotations

import json
import re

from .book import LETTERS, QUESTION_ID

ROOM_CODE = re.compile(r"[0-9]{4}")      # used with fullmatch (a trailing newline is refused)
LETTER = re.compile(f"[{LETTERS}]")


class BadRequest(ValueError):
    """The body is not one the server accepts; the message says why (shown to developers)."""


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise BadRequest(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def _no_constants(name):
    raise BadRequest(f"{name} is not allowed")


def _object(body: bytes, keys: set[str]) -> dict:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the body is not UTF-8") from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise BadRequest(f"not JSON: {exc.msg} at character {exc.pos}") from None
    if not isinstance(data, dict):
        raise BadRequest("the body must be a JSON object")
    if set(data) != keys:
        raise BadRequest(f"the object must have exactly the keys {', '.join(sorted(keys))}")
    for key in keys:
        if not isinstance(data[key], str):
            raise BadRequest(f"{key!r} must be a string")
    return data


def parse_join(body: bytes) -> str:
    """The room code typed on the phone."""
    room = _object(body, {"room"})["room"]
    if not ROOM_CODE.fullmatch(room):
        raise BadRequest("'room' must be 4 digits")
    return room


def parse_vote(body: bytes) -> tuple[str, str]:
    """(question id, chosen letter)."""
    data = _object(body, {"question", "choice"})
    if not QUESTION_ID.fullmatch(data["question"]):
        raise BadRequest("'question' is not a question id")
    if not LETTER.fullmatch(data["choice"]):
        raise BadRequest(f"'choice' must be one letter of {LETTERS}")
    return data["question"], data["choice"]
