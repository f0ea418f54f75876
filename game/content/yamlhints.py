"""Naming what an author cannot see: invisible spaces and full-width punctuation where YAML needs ASCII.

Chinese input methods type a full-width space (U+3000), a full-width colon ``：`` and a full-width
comma ``，`` as easily as the ASCII ones, and text pasted from a chat app brings no-break spaces.
YAML reads none of them as syntax, so its own message points somewhere later ("could not find
expected ':'" a line past the end of the file). ``diagnose`` looks for the real cause when the
parser gives up; ``odd_character`` names one inside a value or a field name the parser accepted.
"""

from __future__ import annotations

import re

# Characters that look like (or stand in for) YAML syntax but are not.
INVISIBLE = {
    "\u3000": "a full-width space (U+3000)",
    "\u00a0": "a no-break space (U+00A0)",
    "\t": "a tab",
    "\u202f": "a narrow no-break space (U+202F)",
    "\u205f": "a medium mathematical space (U+205F)",
    **{chr(c): f"a typographic space (U+{c:04X})" for c in range(0x2000, 0x200B)},
}
FULL_WIDTH = {
    "：": ("a full-width colon '：' (U+FF1A)", "':'"),
    "，": ("a full-width comma '，' (U+FF0C)", "','"),
    "、": ("an ideographic comma '、' (U+3001)", "','"),
    "［": ("a full-width bracket '［' (U+FF3B)", "'['"),
    "］": ("a full-width bracket '］' (U+FF3D)", "']'"),
    "｛": ("a full-width brace '｛' (U+FF5B)", "'{'"),
    "｝": ("a full-width brace '｝' (U+FF5D)", "'}'"),
    "－": ("a full-width dash '－' (U+FF0D)", "'-'"),
    "＃": ("a full-width hash '＃' (U+FF03)", "'#'"),
}
_SPACES = " " + "".join(INVISIBLE)
_ANY_INVISIBLE = re.compile("[" + "".join(c for c in INVISIBLE if c != "\t") + "]")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
ASCII_HINT = "switch the input method to English (half-width) for YAML's own marks: spaces, ':', ',', '-', '[ ]'"


def odd_character(text: str, full_width: bool = True) -> tuple[int, str, str] | None:
    """(index, name, ASCII replacement) of the first invisible or full-width character in ``text``."""
    for i, ch in enumerate(text):
        if ch in INVISIBLE:
            return i, INVISIBLE[ch], "an ordinary space"
        if full_width and ch in FULL_WIDTH:
            name, ascii_mark = FULL_WIDTH[ch]
            return i, name, ascii_mark
    return None


def diagnose(text: str, before_line: int) -> tuple[int, int, str, str] | None:
    """The first line (up to ``before_line``) that YAML cannot have meant: (line, col, message, hint).

    Called only when the parser failed: the cause is at or before the line it stopped on.
    """
    for number, line in enumerate(text.splitlines()[:max(before_line, 1)], start=1):
        found = _line_trouble(line)
        if found:
            col, message, hint = found
            return number, col, message, hint
    return None


_SYNTAX_START = re.compile(r"(?:-(?: |$)|[A-Za-z_][A-Za-z0-9_]*:(?: |$))")


def hidden_indentation(text: str) -> tuple[int, int, str, str] | None:
    """An invisible space before a field name or a list dash, in a file YAML did read.

    YAML then takes the space as part of a field name (an unknown field far from where the
    author looks) or as text; report it where it is instead. Tabs are left to the parser.
    """
    if not _ANY_INVISIBLE.search(text):
        return None   # most files: nothing to look for
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(_SPACES)
        indent = line[:len(line) - len(stripped)]
        bad = odd_character(indent.replace("\t", " "), full_width=False)
        if bad and _SYNTAX_START.match(stripped):
            found = _line_trouble(line)
            if found:
                return number, *found
    return None


def _line_trouble(line: str) -> tuple[int, str, str] | None:
    stripped = line.lstrip(_SPACES)
    indent = line[:len(line) - len(stripped)]
    bad = odd_character(indent, full_width=False)
    if not stripped:   # a tab on an empty line is harmless; a full-width space there is read as text
        return (bad[0] + 1, f"{bad[1]} on an otherwise empty line", "delete it") if bad and \
            indent[bad[0]] != "\t" else None
    if stripped.startswith("#"):
        return None
    if bad:
        return (bad[0] + 1, f"{bad[1]} in the indentation: YAML indents with ordinary spaces only",
                "delete it and indent with ordinary spaces, 2 per level" +
                ("" if indent[bad[0]] == "\t" else "; " + ASCII_HINT))
    pos = len(indent)
    rest = stripped
    # block sequence indicators: "- ", and the full-width dash an input method types instead
    while rest[:1] in ("-", "－") and rest[1:2] in (" ", ""):
        if rest[0] == "－":
            return (pos + 1, "a full-width dash '－' (U+FF0D) starts this list item: YAML needs the ASCII '-'",
                    ASCII_HINT)
        pos += 2
        rest = rest[2:].lstrip(" ")
        pos = len(line) - len(rest)
    key = _KEY.match(rest)
    if key:
        after = rest[key.end():]
        if after[:1] == "：":
            return (pos + key.end() + 1, f"a full-width colon '：' (U+FF1A) after '{key.group()}': "
                    "YAML needs the ASCII ':' and a space after a field name",
                    f"write '{key.group()}: …'; a '：' inside the text itself is fine")
        if after[:1] == ":" and after[1:2] in INVISIBLE and after[1:2] != "\t":
            return (pos + key.end() + 2, f"{INVISIBLE[after[1]]} after '{key.group()}:': "
                    "YAML needs an ordinary space after the colon", ASCII_HINT)
        if after[:1] == ":" and after[1:2] == " ":
            value_at = pos + key.end() + 1 + (len(after) - 1 - len(after[1:].lstrip(" ")))
            return _quoted_start(line, value_at)
        return None
    return _quoted_start(line, pos)


def _quoted_start(line: str, at: int) -> tuple[int, str, str] | None:
    """A value that opens with an English quote ends at the next one: text after it is a syntax error."""
    if at >= len(line) or line[at] not in "\"'":
        return None
    quote = line[at]
    i = at + 1
    while i < len(line):
        ch = line[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":
                i += 2
                continue
            break
        i += 1
    else:
        return None   # the quote closes on a later line: not this mistake
    after = line[i + 1:].strip(" ")
    if not after or after.startswith("#") or after[0] in ",]}:":
        return None
    inner = line[at + 1:i]
    whole = line[at:].rstrip()
    wrap = "'" if quote == '"' else '"'
    return (at + 1, f"the text starts with an English quote mark ({quote}), so YAML reads only "
            f"{quote}{inner}{quote} as the value and cannot read what follows it ({after[:12]}…)",
            f"use Chinese quotes “{inner}” inside text, or put the whole value in quotes: {wrap}{whole}{wrap}")


def syntax_hint(message: str) -> str:
    if "tab" in message:
        return "indent with spaces, never tabs"
    if "mapping values are not allowed" in message:
        return "a ':' inside text needs the whole text in quotes, or use the Chinese '：'"
    if "could not find expected ':'" in message or "simple key" in message:
        return "each line of a mapping needs 'key: value'; check the line above too"
    if "found character" in message:
        return "text starting with a special character (@, `, %, *, &, !) must be quoted"
    return "check indentation (spaces only, same depth for siblings) and closing quotes"
