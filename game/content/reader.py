"""Field-by-field reading of a YAML mapping with precise, friendly problems.

A builder asks a ``Reader`` for each field it knows (``r.text("name")``,
``r.enum("channel", Channel)`` …). Whatever it never asked for is an unknown key,
reported by ``finish()`` with a "did you mean …?" hint. Every translatable text
the builder reads is recorded in ``texts`` with its position, which is how the
font check and the Babel extractor find them.
"""

from __future__ import annotations

import difflib
import re
from enum import Enum
from typing import Callable, Iterable, TypeVar

from .problems import ProblemList
from .wording import impossible_number_in
from .yamlhints import ASCII_HINT, odd_character
from .yamlsafe import YList, YMap, brief

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_TEXT_CHARS = 2000

E = TypeVar("E", bound=Enum)
_MISSING = object()


class TextRecord:
    """A translatable text and where it stands in its file."""

    __slots__ = ("text", "line", "col", "context")

    def __init__(self, text: str, line: int, col: int, context: str):
        self.text, self.line, self.col, self.context = text, line, col, context


class Reader:
    def __init__(self, data: YMap, problems: ProblemList, where: str,
                 texts: list[TextRecord] | None = None):
        self.data = data
        self.problems = problems
        self.where = where                 # human name of this mapping: "choice 2 of node 'call'"
        self.texts = texts if texts is not None else []
        self.asked: set[str] = set()
        self.ok = True                     # False once any field of this mapping had an error

    # ---- problem helpers
    def error(self, key, code: str, message: str, hint: str = "") -> None:
        line, col = self.data.pos(key) if key is not None else (self.data.line, self.data.col)
        self.problems.error(line, col, code, message, hint)
        self.ok = False

    def warning(self, key, code: str, message: str, hint: str = "") -> None:
        line, col = self.data.pos(key) if key is not None else (self.data.line, self.data.col)
        self.problems.warning(line, col, code, message, hint)

    def pos(self, key) -> tuple[int, int]:
        return self.data.pos(key)

    def has(self, key: str) -> bool:
        self.asked.add(key)
        return key in self.data

    def _get(self, key: str, required: bool, default):
        self.asked.add(key)
        if key in self.data and self.data[key] is not None:
            return self.data[key]
        if required and key in self.data:
            self.error(key, "empty-text", f"'{key}' in {self.where} has no value",
                       f"write the value after '{key}:'")
            return _MISSING
        if required:
            swallowed = next((k for k, v in self.data.items() if isinstance(v, str) and f"{key}：" in v), None)
            if swallowed is not None:   # 'advice：…' indented under another field became part of its text
                line, col = self.data.pos(swallowed)
                self.error(swallowed, "missing-field",
                           f"{self.where} has no '{key}': '{key}：' with a full-width colon (U+FF1A) is read "
                           f"as part of the text of '{swallowed}' (line {line})",
                           f"write '{key}: …' with the ASCII ':' on a line of its own, at the indentation of "
                           f"'{swallowed}'")
            else:
                self.error(None, "missing-field", f"{self.where} has no '{key}'",
                           f"add a line '{key}: …'")
        return _MISSING if required else default

    # ---- scalar fields
    def id(self, key: str = "id", required: bool = True, default=None):
        value = self._get(key, required, default)
        if value is _MISSING:
            return default
        if value is default:
            return value
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            if not self._odd(value, self.pos(key), "bad-id", "id"):
                self.error(key, "bad-id", f"{brief(value)} is not a valid id",
                           "ids use lower-case letters, digits and '_', start with a letter, e.g. fake_police")
            self.ok = False
            return default
        return value

    def _odd(self, value, pos: tuple[int, int], code: str, what: str) -> bool:
        """Report an invisible or full-width character inside a value at its own column."""
        found = odd_character(value) if isinstance(value, str) else None
        if not found:
            return False
        index, name, ascii_mark = found
        self.problems.error(pos[0], pos[1] + index, code, f"{brief(value)} has {name} in it, so it is not a valid {what}",
                            f"write {ascii_mark} instead" +
                            ("; the items of a [list] are separated by the ASCII ','" if ascii_mark == "','" else "") +
                            f"; {ASCII_HINT}")
        self.ok = False
        return True

    def ref(self, key: str, required: bool = True, default=None):
        """An id pointing at another item; cross-checked later by the validator."""
        return self.id(key, required, default)

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self._get(key, required, default)
        if value is _MISSING:
            return default
        return self._text_value(self.data.raw.get(key, value), key, self.pos(key))

    def _text_value(self, value, key, pos) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)          # "96110" written without quotes is still text
        if not isinstance(value, str):
            self.error(key, "wrong-type", f"'{key}' in {self.where} must be text, not {_kind(value)}",
                       "write the text after the colon, quoted if it contains ': '")
            return ""
        stripped = value.strip()
        if not stripped:
            if value is not None and key in self.data:
                self.error(key, "empty-text", f"'{key}' in {self.where} is empty",
                           "write the text, or remove the line if the field is optional")
            return ""
        if len(stripped) > MAX_TEXT_CHARS:
            self.error(key, "text-too-long", f"'{key}' has {len(stripped)} characters (limit {MAX_TEXT_CHARS})",
                       "split it into several lines of dialogue")
            return ""
        self._check_number(stripped, pos, key)
        self.texts.append(TextRecord(stripped, pos[0], pos[1], self.where))
        return stripped

    def _check_number(self, value: str, pos: tuple[int, int], key) -> None:
        number = impossible_number_in(value)
        if number:
            self.problems.warning(pos[0], pos[1], "impossible-number",
                                  f"'{key}' in {self.where} has the number '{number}', which no phone shows: "
                                  f"no country code starts with 0",
                                  "write an international number as +44 7700 900123 or 0044 7700 900123")

    def plain(self, key: str, required: bool = False, default: str = "") -> str:
        """Untranslated text such as a phone number or a link."""
        value = self._get(key, required, default)
        if value is _MISSING:
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = self.data.raw.get(key, str(value))   # as written: "+86…" keeps its "+"
        if not isinstance(value, str):
            self.error(key, "wrong-type", f"'{key}' in {self.where} must be text, not {_kind(value)}")
            return default
        self._check_number(value, self.pos(key), key)
        return value.strip()

    def int(self, key: str, required: bool = False, default: int = 0,
            low: int | None = None, high: int | None = None) -> int:
        value = self._get(key, required, default)
        if value is _MISSING:
            return default
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(key, "wrong-type", f"'{key}' in {self.where} must be a whole number, not {_kind(value)}",
                       "write digits only, e.g. 5000 (no ¥, no commas)")
            return default
        if (low is not None and value < low) or (high is not None and value > high):
            rng = f"{low if low is not None else '…'} to {high if high is not None else '…'}"
            self.error(key, "out-of-range", f"'{key}' is {brief(value, quote=False)}; it must be {rng}")
            return default
        return value

    def bool(self, key: str, required: bool = False, default: bool = False) -> bool:
        value = self._get(key, required, default)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.error(key, "wrong-type", f"'{key}' in {self.where} must be true or false, not {brief(value)}")
            return default
        return value

    def enum(self, key: str, enum: type[E], required: bool = True, default: E | None = None) -> E | None:
        value = self._get(key, required, default)
        if value is _MISSING or value is default:
            return default
        return self._enum_value(value, enum, key, self.pos(key)) or default

    def _enum_value(self, value, enum: type[E], key, pos) -> E | None:
        if isinstance(value, str):
            try:
                return enum(value)
            except ValueError:
                pass
        allowed = [e.value for e in enum]
        if self._odd(value, pos, "bad-value", f"'{key}'"):
            return None
        self.problems.error(pos[0], pos[1], "bad-value",
                            f"{brief(value)} is not a valid '{key}'",
                            _did_you_mean(str(value), allowed) + f"one of: {', '.join(allowed)}")
        self.ok = False
        return None

    def choice(self, key: str, allowed: Iterable[str], required: bool = False, default: str = "") -> str:
        value = self._get(key, required, default)
        if value is _MISSING:
            return default
        allowed = list(allowed)
        if value not in allowed:
            self.error(key, "bad-value", f"{brief(value)} is not a valid '{key}'",
                       _did_you_mean(str(value), allowed) + f"one of: {', '.join(allowed)}")
            return default
        return value

    # ---- compound fields
    def mapping(self, key: str, required: bool = True) -> YMap | None:
        value = self._get(key, required, None)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, YMap):
            self.error(key, "wrong-type", f"'{key}' in {self.where} must be a mapping (indented 'key: value' lines), "
                                          f"not {_kind(value)}")
            return None
        return value

    def sub(self, key: str, where: str, required: bool = True) -> "Reader | None":
        data = self.mapping(key, required)
        return None if data is None else Reader(data, self.problems, where, self.texts)

    def list(self, key: str, required: bool = True, non_empty: bool = True) -> YList | None:
        value = self._get(key, required, None)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, YList):
            self.error(key, "wrong-type", f"'{key}' in {self.where} must be a list ('- item' lines or [a, b]), "
                                          f"not {_kind(value)}",
                       f"a list in brackets uses the ASCII '[' and ']'; {ASCII_HINT}"
                       if isinstance(value, str) and value.startswith("［") else "")
            return None
        if non_empty and not value:
            self.error(key, "empty-list", f"'{key}' in {self.where} is an empty list",
                       "add at least one item, or remove the line")
            return None
        return value

    def text_list(self, key: str, required: bool = True) -> tuple[str, ...]:
        items = self.list(key, required)
        if items is None:
            return ()
        out = []
        for i, value in enumerate(items):
            pos = items.pos(i)
            if isinstance(value, (YMap, YList)) or value is None:
                self.problems.error(*pos, "wrong-type", f"item {i + 1} of '{key}' must be text")
                self.ok = False
                continue
            text = self._text_value(items.raw.get(i, value), key, pos)
            if text:
                out.append(text)
            else:
                self.problems.error(*pos, "empty-text", f"item {i + 1} of '{key}' is empty")
                self.ok = False
        return tuple(out)

    def id_list(self, key: str, required: bool = True, non_empty: bool = True) -> tuple[str, ...]:
        return tuple(ref for ref, _line, _col in self.ref_list(key, required, non_empty))

    def ref_list(self, key: str, required: bool = True,
                 non_empty: bool = True) -> list[tuple[str, int, int]]:
        """Ids of a list with the position of each item, for cross-reference errors."""
        items = self.list(key, required, non_empty)
        if items is None:
            return []
        out = []
        for i, value in enumerate(items):
            if isinstance(value, str) and ID_PATTERN.match(value):
                out.append((value, *items.pos(i)))
            elif not self._odd(value, items.pos(i), "bad-id", "id"):
                self.problems.error(*items.pos(i), "bad-id", f"{brief(value)} in '{key}' is not a valid id",
                                    "ids use lower-case letters, digits and '_'")
                self.ok = False
        return out

    def enum_list(self, key: str, enum: type[E], required: bool = False) -> tuple[E, ...]:
        items = self.list(key, required, non_empty=required)
        if items is None:
            return ()
        out = []
        for i, value in enumerate(items):
            member = self._enum_value(value, enum, key, items.pos(i))
            if member is not None and member not in out:
                out.append(member)
        return tuple(out)

    def each_mapping(self, items: YList, key: str, describe: Callable[[int], str]):
        """Yield (index, Reader) for every mapping item of a list, reporting the others."""
        for i, value in enumerate(items):
            if isinstance(value, YMap):
                yield i, Reader(value, self.problems, describe(i), self.texts)
            else:
                self.problems.error(*items.pos(i), "wrong-type",
                                    f"item {i + 1} of '{key}' must be a mapping of fields, not {_kind(value)}")
                self.ok = False

    # ---- closing
    def finish(self) -> bool:
        """Report keys nobody asked for. Returns True when the mapping had no errors."""
        for key in self.data:
            if key not in self.asked:
                line, col = self.data.key_pos[key]
                odd = odd_character(key) if isinstance(key, str) else None
                if odd:
                    self.problems.error(line, col + odd[0], "unknown-key",
                                        f"{self.where} has a field {brief(key)} with {odd[1]} in it",
                                        f"write {odd[2]} instead; {ASCII_HINT}")
                    self.ok = False
                    continue
                self.problems.error(line, col, "unknown-key", f"{self.where} has an unknown field {brief(key)}",
                                    _did_you_mean(str(key), sorted(self.asked)) or
                                    f"known fields: {', '.join(sorted(self.asked))}")
                self.ok = False
        return self.ok


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__
