"""Reading one YAML file safely, keeping line and column of every value.

Content arrives on USB sticks from many authors, so this module assumes the worst:
oversized files, binary garbage, bytes that are not UTF-8, ``!!python/…`` tags,
alias bombs and absurd nesting all become a ``Problem`` quickly, never a crash or
a hang. Only the safe YAML subset is accepted (strings, numbers, booleans, null,
mappings, sequences) and duplicate keys are errors, which PyYAML alone allows.

The result is a tree of ``YMap`` / ``YList`` (a dict / list that also remember
where each entry sits in the file) with plain Python scalars as leaves.
"""

from __future__ import annotations

import re

import yaml

from .problems import ProblemList

try:  # the C loader is much faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 50_000

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FLOW_BRACKETS = re.compile(r"[\[\]{}]")
_LINE_DEPTH = re.compile(r"^( *)((?:- +)*)", re.MULTILINE)
_OPENERS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken,
            yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSERS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


class YMap(dict):
    """A mapping that knows where it starts and where each key and value sit."""

    line: int
    col: int

    def __init__(self, line: int, col: int):
        super().__init__()
        self.line, self.col = line, col
        self.key_pos: dict[object, tuple[int, int]] = {}
        self.val_pos: dict[object, tuple[int, int]] = {}

    def pos(self, key) -> tuple[int, int]:
        """Position of ``key``'s value, or of the mapping when the key is absent."""
        return self.val_pos.get(key, (self.line, self.col))


class YList(list):
    def __init__(self, line: int, col: int):
        super().__init__()
        self.line, self.col = line, col
        self.item_pos: list[tuple[int, int]] = []

    def pos(self, index: int) -> tuple[int, int]:
        return self.item_pos[index] if 0 <= index < len(self.item_pos) else (self.line, self.col)


class _Abort(Exception):
    """Stops conversion at the first problem that makes the rest meaningless."""


def decode(data: bytes, problems: ProblemList) -> str | None:
    """Bytes → text, or None with a problem. Always UTF-8, whatever the platform."""
    if len(data) > MAX_FILE_BYTES:
        problems.error(0, 0, "file-too-large",
                       f"the file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                       "split the content into several files")
        return None
    if not data.strip():
        problems.error(1, 1, "empty-file", "the file is empty",
                       "write the content, or delete the file")
        return None
    if b"\x00" in data[:8192]:
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        problems.error(line, 1, "binary-file", "this is not a text file (it contains NUL bytes)",
                       "content files are YAML text saved as UTF-8; remove this file from scenarios/")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        problems.error(line, col, "not-utf8",
                       f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                       "save the file as UTF-8 (in Notepad: Save As → Encoding → UTF-8)")
        return None
    bad = _CONTROL.search(text)
    if bad:
        before = text[:bad.start()]
        line = before.count("\n") + 1
        col = bad.start() - (before.rfind("\n") + 1) + 1
        problems.error(line, col, "control-character",
                       f"invisible control character U+{ord(bad.group()):04X} in the text",
                       "delete it; it often comes from copying text out of a PDF or a chat app")
        return None
    return text


def parse(text: str, problems: ProblemList):
    """Text → YMap/YList tree, or None with problems."""
    try:
        _check_depth(text, problems)
        if problems.has_errors:
            return None
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = (exc.problem or "YAML syntax error").strip()
        if exc.context:
            message = f"{message} ({exc.context.strip()})"
        problems.error(mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                       "yaml-syntax", message, _syntax_hint(message))
        return None
    except yaml.YAMLError as exc:
        problems.error(0, 0, "yaml-syntax", str(exc).strip().splitlines()[0],
                       "check the file's indentation and quotes")
        return None
    documents = [d for d in documents if d is not None]
    if not documents:
        problems.error(1, 1, "empty-file", "the file holds no content (only comments?)",
                       "write the content, or delete the file")
        return None
    if len(documents) > 1:
        mark = documents[1].start_mark
        problems.error(mark.line + 1, mark.column + 1, "multiple-documents",
                       "the file holds more than one YAML document (a second '---')",
                       "put each item in a file of its own")
        return None
    converter = _Converter(problems)
    try:
        return converter.convert(documents[0], 0)
    except _Abort:
        return None


def load(data: bytes, problems: ProblemList):
    """Bytes of one file → tree, or None; every problem goes into ``problems``."""
    text = decode(data, problems)
    return None if text is None else parse(text, problems)


def _check_depth(text: str, problems: ProblemList) -> None:
    """Scan tokens (no tree is built) and refuse nesting deeper than MAX_DEPTH.

    Building the tree recurses once per level, so this must run first.
    """
    if _depth_bound(text) <= MAX_DEPTH:
        return  # cannot be too deep: skip the token scan (most files)
    depth = 0
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, _OPENERS):
            depth += 1
            if depth > MAX_DEPTH:
                mark = token.start_mark
                problems.error(mark.line + 1, mark.column + 1, "too-deep",
                               f"nesting deeper than {MAX_DEPTH} levels",
                               "content never needs this much nesting; check for runaway brackets")
                return
        elif isinstance(token, _CLOSERS):
            depth -= 1


def _depth_bound(text: str) -> int:
    """A cheap upper bound of the nesting depth.

    Block nesting needs indentation or '- ' markers on the line; flow nesting
    needs brackets. Brackets inside quoted text only make the bound looser.
    """
    block = max((len(m.group(1)) + m.group(2).count("-") for m in _LINE_DEPTH.finditer(text)), default=0)
    flow = deepest = 0
    for m in _FLOW_BRACKETS.finditer(text):
        flow += 1 if m.group() in "[{" else -1
        deepest = max(deepest, flow)
    return block + deepest + 1


def _syntax_hint(message: str) -> str:
    if "tab" in message:
        return "indent with spaces, never tabs"
    if "mapping values are not allowed" in message:
        return "a ':' inside text needs the whole text in quotes, or use the Chinese '：'"
    if "could not find expected ':'" in message or "simple key" in message:
        return "each line of a mapping needs 'key: value'; check the line above too"
    if "found character" in message:
        return "text starting with a special character (@, `, %, *, &, !) must be quoted"
    return "check indentation (spaces only, same depth for siblings) and closing quotes"


class _Converter:
    def __init__(self, problems: ProblemList):
        self.problems = problems
        self.nodes = 0
        self.scalar_constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()
        self.aliased = False

    def convert(self, node, depth: int):
        self.nodes += 1
        if isinstance(node, yaml.CollectionNode):
            # An alias is the same node object met again: remember that it happened,
            # so a blow-up is reported as what it is.
            if id(node) in self.seen:
                self.aliased = True
            self.seen.add(id(node))
        if self.nodes > MAX_NODES:
            mark = node.start_mark
            if not self.aliased:
                message = f"the file has more than {MAX_NODES:,} values"
                hint = "split the content into several files"
                code = "too-many-values"
            else:
                message = f"anchors and aliases expand to more than {MAX_NODES:,} values"
                hint = "aliases (*name) that refer to aliases multiply; write the values out"
                code = "alias-bomb"
            self.problems.error(mark.line + 1, mark.column + 1, code, message, hint)
            raise _Abort
        if node.tag not in _SAFE_TAGS:
            mark = node.start_mark
            self.problems.error(mark.line + 1, mark.column + 1, "unsafe-tag",
                                f"the tag {node.tag!r} is not allowed in content",
                                "remove the '!!…' tag; content holds only text, numbers, lists and mappings")
            raise _Abort
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            result = YList(node.start_mark.line + 1, node.start_mark.column + 1)
            for item in node.value:
                result.append(self.convert(item, depth + 1))
                result.item_pos.append((item.start_mark.line + 1, item.start_mark.column + 1))
            return result
        return self.scalar_constructor.construct_object(node)

    def _mapping(self, node, depth: int):
        result = YMap(node.start_mark.line + 1, node.start_mark.column + 1)
        for key_node, value_node in node.value:
            kpos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.error(*kpos, "unsafe-tag", "merge keys ('<<') are not supported",
                                    "write the fields out in full")
                raise _Abort
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.error(*kpos, "bad-key", "a key must be a plain word or number",
                                    "keys look like 'name:' or '12:'")
                continue
            key = self.convert(key_node, depth + 1)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                self.problems.error(*kpos, "bad-key", f"the key {key!r} is not a word or a number",
                                    "quote the key if it is meant as text")
                continue
            if key in result:
                first = result.key_pos[key]
                self.problems.error(*kpos, "duplicate-key",
                                    f"the key {key!r} appears twice in this mapping (first at line {first[0]})",
                                    "keep one of them; YAML would otherwise silently use the last one")
                continue
            result[key] = self.convert(value_node, depth + 1)
            result.key_pos[key] = kpos
            result.val_pos[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        return result
