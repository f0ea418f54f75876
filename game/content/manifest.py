"""A content pack's manifest, ``pack.yaml``: what the pack is, who made it, what it needs.

A *content pack* (内容包) is a folder of content files with this manifest at its top: the shipped
content is one (``scenarios/pack.yaml``, id ``shipped``), and a county office's own cases are
another. It is not an *audience pack* (受众包, ``kind: pack``), which picks what one audience plays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from .models import Source
from .reader import Reader
from .yamlsafe import brief

SHIPPED_ID = "shipped"
# The kinds an ``overrides:`` list may name, as the manifest writes them → the item kind.
OVERRIDE_KINDS = {"scam_types": "scam_type", "tiles": "tile", "boards": "board", "scenarios": "scenario",
                  "quiz_pools": "quiz_pool", "packs": "pack"}
_VERSION = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}$")


@dataclass(frozen=True)
class ContentPack:
    id: str
    name: str                         # shown to the operator as written (not translated)
    version: str                      # the pack's own version, e.g. "1.2"
    authors: tuple[str, ...]
    game: str                         # the oldest game version it works with, e.g. "0.1"
    builds_on: tuple[str, ...]        # content packs whose items it may use (and override)
    overrides: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    description: str = ""
    source: Source = field(default=Source(""), compare=False, repr=False)
    overrides_at: Mapping[tuple[str, str], tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False)
    positions: Mapping[str, tuple[int, int]] = field(          # line and column of some fields
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False)

    def at(self, key: str) -> tuple[int, int]:
        return self.positions.get(key, (self.source.line, self.source.col))


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def needs_newer_game(pack: ContentPack, game_version: str) -> bool:
    current = version_tuple(_numeric_prefix(game_version))
    wanted = version_tuple(pack.game)
    width = max(len(current), len(wanted))
    return wanted + (0,) * (width - len(wanted)) > current + (0,) * (width - len(current))


def _numeric_prefix(version: str) -> str:
    match = re.match(r"\d+(\.\d+)*", version)
    return match.group() if match else "0"


def build_manifest(r: Reader, built, source: Source):
    """Builder for ``kind: content_pack`` (see builders.py); ``kind:`` may be left out of pack.yaml."""
    r.where = "the pack's manifest"
    pack_id = r.id()
    name = _plain(r, "name", required=True)
    description = _plain(r, "description", required=False)
    version = _version(r, "version", required=True)
    game = _version(r, "game", required=True)
    authors = _plain_list(r, "authors")
    builds_on = tuple(r.id_list("builds_on", required=False, non_empty=False)) if r.has("builds_on") \
        else (SHIPPED_ID,)
    overrides, overrides_at = _overrides(r)
    if pack_id and pack_id in builds_on:
        r.error("builds_on", "bad-value", f"the pack '{pack_id}' cannot build on itself")
    if not (pack_id and name and version and game and authors) or not r.ok:
        return None
    positions = {key: r.pos(key) for key in ("game", "builds_on", "overrides", "id") if key in r.data}
    return ContentPack(pack_id, name, version, authors, game, builds_on, MappingProxyType(overrides),
                       description, source, MappingProxyType(overrides_at), MappingProxyType(positions))


def _plain(r: Reader, key: str, required: bool) -> str:
    value = r.plain(key, required=required)
    if required and key in r.data and not value and r.ok:
        r.error(key, "empty-text", f"'{key}' in {r.where} is empty")
    return value


def _version(r: Reader, key: str, required: bool) -> str:
    value = r.plain(key, required=required)
    if value and not _VERSION.match(value):
        r.error(key, "bad-value", f"{brief(value)} is not a version number",
                "write digits and dots, e.g. 1.0 or 0.1.0" + (" (the oldest game version this pack works with)"
                                                              if key == "game" else ""))
        return ""
    return value


def _plain_list(r: Reader, key: str) -> tuple[str, ...]:
    items = r.list(key, required=True)
    out = []
    for i, value in enumerate(items or ()):
        if isinstance(value, str) and value.strip():
            out.append(value.strip())
        else:
            r.problems.error(*items.pos(i), "wrong-type", f"item {i + 1} of '{key}' must be a name",
                             "write each author as text: a person, an office or a school")
            r.ok = False
    return tuple(out)


def _overrides(r: Reader) -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, str], tuple[int, int]]]:
    data = r.mapping("overrides", required=False)
    if data is None:
        return {}, {}
    sub = Reader(data, r.problems, "'overrides'", r.texts)
    out: dict[str, tuple[str, ...]] = {}
    where: dict[tuple[str, str], tuple[int, int]] = {}
    for key in list(data):
        if key not in OVERRIDE_KINDS:
            continue   # finish() reports it with a hint
        kind = OVERRIDE_KINDS[key]
        refs = sub.ref_list(key, required=False, non_empty=False)
        out[kind] = tuple(ref for ref, _l, _c in refs)
        for ref, line, col in refs:
            where[(kind, ref)] = (line, col)
    sub.asked |= set(OVERRIDE_KINDS)
    if not sub.finish():
        r.ok = False
    return out, where


def describe(pack: ContentPack) -> str:
    """'安庆县反诈案例 1.2 (county_anqing)' for messages."""
    return f"{pack.name} {pack.version} ({pack.id})"


__all__ = ["ContentPack", "SHIPPED_ID", "OVERRIDE_KINDS", "build_manifest", "needs_newer_game", "describe",
           "version_tuple"]
