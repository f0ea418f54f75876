"""Messages made far from any screen (statistics, the site file, settings) in the reader's language.

A message is a catalog msgid in the source language (zh_Hans, marked ``N_`` so the catalogs have
it) with ``{name}`` fields filled in only when it is shown: ``str()`` of one is the Chinese line
(what logs and older callers read), ``say(tr)`` the line in another language. ``tr`` is any
``gettext``-like function: a ``Translator``, the App's ``tr``.

    raise StatsError(N_("找不到统计数据库 {path}"), path=path)
    ...
    except StatsError as exc:
        print(say(exc, get_translator("en")))      # "statistics database … not found"
"""

from __future__ import annotations

import json
from typing import Callable

from .marker import N_

Tr = Callable[[str], str]


LIST_SEPARATOR = N_("；")   # a list value (several reasons) is joined with this, translated


def _fill(text: str, values: dict) -> str:
    if not values:
        return text
    return text.format(**{k: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, (list, tuple)) else v
                          for k, v in values.items()})


class Said(str):
    """A message as text: the filled-in source line, which also knows how to ``say`` itself
    translated. Values that are ``Said`` themselves (or lists of them) are translated with it."""

    msgid: str
    values: dict

    def __new__(cls, msgid: str, **values) -> "Said":
        line = super().__new__(cls, _fill(msgid, values))
        line.msgid, line.values = msgid, values
        return line

    def say(self, tr: Tr) -> str:
        return tr(self.msgid).format(**{k: _said(v, tr) for k, v in self.values.items()}) if self.values \
            else tr(self.msgid)


class SaidError(Exception):
    """An error whose message is a ``Said``: ``str(exc)`` in the source language, ``say(exc, tr)``
    translated. A plain string message (a library's own text) is shown as it is."""

    def __init__(self, msgid: str, **values):
        self.message = Said(msgid, **values)
        super().__init__(str(self.message))


def say(thing: object, tr: Tr) -> str:
    """``thing`` in ``tr``'s language when it is a message (``Said``, ``SaidError``), else ``str(thing)``."""
    if isinstance(thing, SaidError):
        return thing.message.say(tr)
    if isinstance(thing, Said):
        return thing.say(tr)
    return str(thing)


def _said(value: object, tr: Tr) -> str:
    if isinstance(value, (list, tuple)):
        return tr(LIST_SEPARATOR).join(say(v, tr) for v in value)
    return say(value, tr)


def message_of(exc: BaseException) -> str:
    """What went wrong, as a line: the ``Said`` when the game wrote the message (a ``SaidError``, or an
    exception raised with a ``Said``), else the exception's own text (a library's)."""
    if isinstance(exc, SaidError):
        return exc.message
    if exc.args and isinstance(exc.args[0], Said):
        return exc.args[0]
    return str(exc).strip() or type(exc).__name__


STORED_LIMIT = 500    # characters of a stored message (a database column, a status line)


def stored(line: str) -> str:
    """``line`` to keep in a file or database and show later, maybe in another language: a ``Said``
    as JSON (its msgid and values, values as text), any other line as itself; at most
    ``STORED_LIMIT`` characters either way (a ``Said`` too long for that is kept as its text)."""
    if isinstance(line, Said):
        text = json.dumps({"msgid": line.msgid, "values": {k: str(v) for k, v in line.values.items()}},
                          ensure_ascii=False)
        if len(text) <= STORED_LIMIT:
            return text
    return str(line)[:STORED_LIMIT]


def from_stored(text: str | None) -> str | None:
    """What ``stored`` kept: a ``Said`` again when it was one, else the text as it is."""
    if not text or not text.startswith('{"msgid"'):
        return text
    try:
        data = json.loads(text)
        return Said(data["msgid"], **data["values"])
    except (ValueError, KeyError, TypeError, IndexError):   # a line that only looks like one
        return text
