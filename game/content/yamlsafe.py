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

from . import yamlhints
from .problems import ProblemList

try:  # the C loader is much faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 50_000
# Building the node tree recurses in C once per level: a few thousand levels overflow
# a 1 MB thread stack. Below this bound the tree is built and the converter enforces
# MAX_DEPTH; above it a token scan must prove the nesting shallow first.
_SAFE_COMPOSE_DEPTH = 200

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_NODE_TAGS = {yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq"}
# Plain words YAML 1.1 reads as something other than text (a date, '=', '<<').
_ODD_PLAIN = {"tag:yaml.org,2002:timestamp": "a date", "tag:yaml.org,2002:value": "a YAML value marker",
              "tag:yaml.org,2002:merge": "a YAML merge marker"}
# C0/C1 controls, and the invisible format characters that reorder or hide text:
# bidi embeddings/overrides/isolates (U+202A-E, U+2066-9), zero-width spaces and
# joiners, line/paragraph separators (YAML counts them as line breaks), a BOM mid-text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f"
                      "\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_FLOW_OPENERS = re.compile(r"[\[{]")
# A line's indentation, then its run of block indicators with the anchors and tags between them.
_LINE_LEAD = re.compile(r"^( *)((?:(?:[-?:]|[&!][^ \t]*)(?:[ \t]+|$))*)", re.MULTILINE)
_BLOCK_INDICATOR = re.compile(r"[-?:](?=[ \t]|$)")
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))
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
        self.raw: dict[object, str] = {}   # plain scalars YAML read as numbers/booleans, as written

    def pos(self, key) -> tuple[int, int]:
        """Position of ``key``'s value, or of the mapping when the key is absent."""
        return self.val_pos.get(key, (self.line, self.col))


class YList(list):
    def __init__(self, line: int, col: int):
        super().__init__()
        self.line, self.col = line, col
        self.item_pos: list[tuple[int, int]] = []
        self.raw: dict[int, str] = {}

    def pos(self, index: int) -> tuple[int, int]:
        return self.item_pos[index] if 0 <= index < len(self.item_pos) else (self.line, self.col)


_RESOLVER = yaml.resolver.Resolver()
_MAX_NUMBER_CHARS = 1000  # Python refuses int() of over 4300 digits; no content number comes close


_RAW_KEPT = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool"}


def _raw_plain(node) -> str | None:
    """The text as written of an unquoted number or yes/no, so text fields lose nothing:
    ``keyword: 010`` stays "010" (YAML reads 8), ``tip: 12:30`` stays "12:30" (YAML reads 750)."""
    if isinstance(node, yaml.ScalarNode) and not node.style and node.tag in _RAW_KEPT:  # C loader: "", Python: None
        return node.value
    return None


class _Abort(Exception):
    """Stops conversion at the first problem that makes the rest meaningless."""


def file_too_large(size: int, problems: ProblemList) -> None:
    problems.error(0, 0, "file-too-large", f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                   "split the content into several files")


def empty_file(problems: ProblemList) -> None:
    problems.error(1, 1, "empty-file", "the file holds no content",
                   "write the content (it starts with 'kind: …'), or delete the file")


def decode(data: bytes, problems: ProblemList) -> str | None:
    """Bytes → text, or None with a problem. Always UTF-8, whatever the platform."""
    if len(data) > MAX_FILE_BYTES:
        file_too_large(len(data), problems)
        return None
    if not data.strip():
        empty_file(problems)
        return None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            problems.error(1, 1, "not-utf8", f"the file is saved as {encoding}, not UTF-8",
                           "save the file as UTF-8 (in Notepad: Save As → Encoding → UTF-8)")
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
        # The parser stops where it gave up, often lines after the cause: look for the cause first.
        cause = yamlhints.diagnose(text, mark.line + 1 if mark else len(text.splitlines()))
        if cause:
            problems.error(cause[0], cause[1], "yaml-syntax", cause[2], cause[3])
            return None
        message = (exc.problem or "YAML syntax error").strip()
        if exc.context:
            message = f"{message} ({exc.context.strip()})"
        problems.error(mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                       "yaml-syntax", message, yamlhints.syntax_hint(message))
        return None
    except yaml.YAMLError as exc:
        problems.error(0, 0, "yaml-syntax", str(exc).strip().splitlines()[0],
                       "check the file's indentation and quotes")
        return None
    # '---' alone, '~' and 'null' are empty documents too: reported like an empty file, whatever it holds
    documents = [d for d in documents if d is not None and not (
        isinstance(d, yaml.ScalarNode) and d.tag == "tag:yaml.org,2002:null")]
    if not documents:
        empty_file(problems)
        return None
    if len(documents) > 1:
        mark = documents[1].start_mark
        problems.error(mark.line + 1, mark.column + 1, "multiple-documents",
                       "the file holds more than one YAML document (a second '---')",
                       "put each item in a file of its own")
        return None
    hidden = yamlhints.hidden_indentation(text) if not text.isascii() else None
    if hidden:
        problems.error(hidden[0], hidden[1], "yaml-syntax", hidden[2], hidden[3])
        return None
    converter = _Converter(problems)
    try:
        tree = converter.convert(documents[0], 0)
    except _Abort:
        return None
    if tree == "" or (isinstance(tree, (YMap, YList)) and not tree):   # "", {} and [] hold nothing either
        empty_file(problems)
        return None
    return tree


def load(data: bytes, problems: ProblemList):
    """Bytes of one file → tree, or None; every problem goes into ``problems``."""
    text = decode(data, problems)
    return None if text is None else parse(text, problems)


def _check_depth(text: str, problems: ProblemList) -> None:
    """Scan tokens (no tree is built) and refuse nesting deeper than MAX_DEPTH.

    Building the tree recurses once per level, so this must run first.
    """
    if _depth_bound(text) <= _SAFE_COMPOSE_DEPTH:
        return  # safe to build (the converter enforces MAX_DEPTH): skip the token scan (most files)
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, _OPENERS):
                depth += 1
                if depth > MAX_DEPTH:
                    _too_deep(token.start_mark, problems)
                    return
            elif isinstance(token, _CLOSERS):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # Newer PyYAML scanners stop deep flow nesting themselves (looking ahead for a
        # simple key) before handing us the 41st opener: the same input, the same code.
        if "nesting depth" in (exc.problem or "") and exc.problem_mark is not None:
            _too_deep(exc.problem_mark, problems)
            return
        raise


def _too_deep(mark, problems: ProblemList) -> None:
    problems.error(mark.line + 1, mark.column + 1, "too-deep", f"nesting deeper than {MAX_DEPTH} levels",
                   "content never needs this much nesting; check for runaway brackets")


def _depth_bound(text: str) -> int:
    """A cheap upper bound of the nesting depth.

    Block nesting needs indentation or indicators ('- ', '? ', ': ') before a line's
    first scalar (anchors and tags may stand among them): a line indented by i
    carries at most two open levels per column (a mapping and a sequence may share
    one) and each indicator opens at most two more. Flow nesting needs an opening
    bracket; all of them are counted, because a closing bracket may sit inside quotes
    or a comment. Brackets inside text only make the bound looser.
    """
    block = max((len(m.group(1)) + len(_BLOCK_INDICATOR.findall(m.group(2)))
                 for m in _LINE_LEAD.finditer(text)), default=0)
    return 2 * block + 3 + len(_FLOW_OPENERS.findall(text))


class _Converter:
    def __init__(self, problems: ProblemList):
        self.problems = problems
        self.nodes = 0
        self.scalar_constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()
        self.open: set[int] = set()      # collections being converted: the path from the root
        self.reported: set[tuple[int, int, str]] = set()
        self.aliased = False

    def _error(self, pos: tuple[int, int], code: str, message: str, hint: str) -> None:
        # An aliased node is converted once per alias: report each of its problems once.
        if (*pos, code) not in self.reported:
            self.reported.add((*pos, code))
            self.problems.error(*pos, code, message, hint)

    def _count(self, node) -> None:
        self.nodes += 1
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

    def convert(self, node, depth: int):
        mark = node.start_mark
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self.open:
                self.problems.error(mark.line + 1, mark.column + 1, "alias-bomb",
                                    "an anchor (&name) holds an alias (*name) of itself, so it never ends",
                                    "an alias cannot stand inside its own anchor; write the values out")
                raise _Abort
            # An alias is the same node object met again: remember that it happened,
            # so a blow-up is reported as what it is.
            if id(node) in self.seen:
                self.aliased = True
            self.seen.add(id(node))
        self._count(node)
        if isinstance(node, yaml.CollectionNode) and depth >= MAX_DEPTH:
            self.problems.error(mark.line + 1, mark.column + 1, "too-deep",
                                f"nesting deeper than {MAX_DEPTH} levels",
                                "content never needs this much nesting; check for runaway brackets and aliases")
            raise _Abort
        if (isinstance(node, yaml.ScalarNode) and node.tag in _ODD_PLAIN and not node.style
                and _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag):
            self.problems.error(mark.line + 1, mark.column + 1, "wrong-type",
                                f"{brief(node.value)} is read as {_ODD_PLAIN[node.tag]}, not as text or a number",
                                f'put it in quotes if it is text: "{brief(node.value, quote=False)}"')
            raise _Abort
        if node.tag not in _SAFE_TAGS or node.tag != _NODE_TAGS.get(type(node), node.tag) or (
                isinstance(node, yaml.ScalarNode) and node.tag in _NODE_TAGS.values()):
            self.problems.error(mark.line + 1, mark.column + 1, "unsafe-tag",
                                f"the tag {node.tag!r} is not allowed in content",
                                "remove the '!!…' tag; content holds only text, numbers, lists and mappings")
            raise _Abort
        if isinstance(node, yaml.MappingNode):
            self.open.add(id(node))
            result = self._mapping(node, depth)
            self.open.discard(id(node))
            return result
        if isinstance(node, yaml.SequenceNode):
            self.open.add(id(node))
            result = YList(node.start_mark.line + 1, node.start_mark.column + 1)
            for item in node.value:
                result.append(self.convert(item, depth + 1))
                raw = _raw_plain(item)
                if raw is not None:
                    result.raw[len(result) - 1] = raw
                result.item_pos.append((item.start_mark.line + 1, item.start_mark.column + 1))
            self.open.discard(id(node))
            return result
        return self._scalar(node)

    def _scalar(self, node):
        mark = node.start_mark
        kind = node.tag.rsplit(":", 1)[-1]
        if kind == "int" and len(node.value) > _MAX_NUMBER_CHARS:
            self.problems.error(mark.line + 1, mark.column + 1, "out-of-range",
                                f"a number with {len(node.value):,} characters",
                                "numbers in content are amounts, squares and counts: a few digits")
            raise _Abort
        try:
            value = node.value if kind == "str" else self.scalar_constructor.construct_object(node)
        except (ValueError, KeyError, IndexError, TypeError, yaml.YAMLError):
            # '!!int abc', '!!bool maybe', or a plain '0x_' that YAML 1.1 takes for a number
            self.problems.error(mark.line + 1, mark.column + 1, "bad-value",
                                f"{brief(node.value)} cannot be read as {kind}",
                                "write a plain number, true/false, or text in quotes, without a '!!' tag")
            raise _Abort
        if isinstance(value, str):
            bad = _CONTROL.search(value)
            if bad:
                # Only an escape in quotes (\0, \e, \x1b, \u202e …) gets here: decode() refused raw ones.
                self.problems.error(mark.line + 1, mark.column + 1, "control-character",
                                    f"invisible control character U+{ord(bad.group()):04X} in the text",
                                    "remove the escape (\\0, \\e, \\x.., \\u....) that writes it")
                raise _Abort
        return value

    def _mapping(self, node, depth: int):
        result = YMap(node.start_mark.line + 1, node.start_mark.column + 1)
        for key_node, value_node in node.value:
            kpos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.error(*kpos, "unsafe-tag", "merge keys ('<<') are not supported",
                                    "write the fields out in full")
                raise _Abort
            if not isinstance(key_node, yaml.ScalarNode):
                self._count(key_node)  # not converted, but it counts: aliased keys must not multiply problems
                self._error(kpos, "bad-key", "a key must be a plain word or number",
                            "keys look like 'name:' or '12:'")
                continue
            key = self.convert(key_node, depth + 1)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                self._error(kpos, "bad-key", f"the key {brief(key)} is not a word or a number",
                            "quote the key if it is meant as text")
                continue
            if key in result:
                first = result.key_pos[key]
                self._error(kpos, "duplicate-key",
                            f"the key {brief(key)} appears twice in this mapping (first at line {first[0]})",
                            "keep one of them; YAML would otherwise silently use the last one")
                continue
            result[key] = self.convert(value_node, depth + 1)
            raw = _raw_plain(value_node)
            if raw is not None:
                result.raw[key] = raw
            result.key_pos[key] = kpos
            result.val_pos[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        return result


def brief(value, limit: int = 60, quote: bool = True) -> str:
    """``repr(value)`` (or the plain text), cut to ``limit`` characters for a message."""
    text = repr(value) if quote else str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
