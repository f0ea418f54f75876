"""Linking one content pack's files into the library loaded so far.

A pack's items join one library of ids shared by every pack. Its references resolve against its
own items and those of the packs it builds on. An id another pack already uses is a collision,
reported at both places, unless the pack's manifest lists it under ``overrides:`` and the other
pack is one it builds on. A reference to an item that exists but failed to load is a follow-on
of that item's problem: counted under it ("N more problems in files that use it"), not reported
as a typo with a "did you mean" pointing somewhere else.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from . import cross_checks, graph_checks
from .files import FileResult
from .manifest import ContentPack
from .models import Library, Tile
from .problems import Problem, ProblemList

FIELD = {"scam_type": "scam_types", "tile": "tiles", "board": "boards",
         "scenario": "scenarios", "quiz_pool": "quiz_pools", "pack": "packs"}
_HINTED_REFS_PER_FILE = 20   # "did you mean" costs one fuzzy match against every id: cap it per file
_PARTIAL_KINDS = ("tile_set", "quiz_pool")   # files whose good items load when another item is broken


def _name(kind: str) -> str:
    return {"pack": "audience pack"}.get(kind, kind.replace("_", " "))


@dataclass
class World:
    """Everything loaded so far: items by kind and id, which pack and file each came from."""

    items: dict[str, dict[str, object]] = field(default_factory=lambda: {f: {} for f in FIELD.values()})
    owner: dict[tuple[str, str], tuple[str, FileResult]] = field(default_factory=dict)
    failed: dict[tuple[str, str], FileResult] = field(default_factory=dict)   # declared, not loaded
    library: Library = field(default_factory=Library)
    cross: set[tuple] = field(default_factory=set)    # cross-check problems already there

    def copy(self) -> "World":
        return World({k: dict(v) for k, v in self.items.items()}, dict(self.owner), dict(self.failed),
                     self.library, set(self.cross))


@dataclass
class Linked:
    world: World                       # the world with this pack in it
    problems: list[Problem]            # the pack's problems, root causes first
    counts: dict[str, int]
    ids: dict[str, tuple[str, ...]]    # the pack's own items that loaded, by kind ("boards": (…))


def link(pack_id: str, files: list[FileResult], world: World, builds_on: set[str],
         manifest: ContentPack | None = None) -> Linked:
    """Link ``files`` (one pack, already read) into a copy of ``world``."""
    new = world.copy()
    file_problems: list[Problem] = [p for f in files for p in f.problems]
    link_problems: list[Problem] = []
    follow: dict[int, list[str]] = {}          # id(root FileResult) → paths of files with follow-ons
    roots: dict[int, FileResult] = {}
    own: dict[tuple[str, str], object] = {}
    collided: dict[tuple[str, str], FileResult] = {}
    overrides = manifest.overrides if manifest else {}

    for f in files:
        if f.kind == "content_pack":
            link_problems.append(Problem(f.path, 1, 1, "bad-value",
                                         "a content pack's manifest (kind: content_pack) belongs in the file "
                                         "pack.yaml at the top of the pack's folder",
                                         "move it there, or give this file the kind of what it holds"))
            continue
        if not f.built or not (f.ok or f.kind in _PARTIAL_KINDS):
            continue
        for item in f.built.items:
            kind = "tile" if isinstance(item, Tile) else f.kind
            key = (kind, item.id)
            if key in own:
                first = own[key].source
                link_problems.append(Problem(f.path, item.source.line, item.source.col, "duplicate-id",
                                             f"the {_name(kind)} id '{item.id}' is already used in {first}",
                                             "ids must be unique across all content; rename one of them"))
                continue
            if item.id in new.items[FIELD[kind]]:
                other_pack, other_file = new.owner[key]
                if item.id in overrides.get(kind, ()) and other_pack in builds_on:
                    pass   # replaced on purpose: the manifest says so
                else:
                    link_problems.extend(_collision(kind, item, f, pack_id, other_pack, new.items[FIELD[kind]][item.id],
                                                    other_file, builds_on))
                    collided[key] = f   # the pack's own references to it mean its item: follow-ons
                    continue
            own[key] = item
            new.items[FIELD[kind]][item.id] = item
            new.owner[key] = (pack_id, f)
    if manifest:
        link_problems.extend(_unused_overrides(manifest, own, world, builds_on))

    failed_here = {**_failed_declarations(files, own), **collided}
    visible = _visible(new, own, builds_on, pack_id)
    for kind, item_id in collided:
        visible[kind].discard(item_id)
    broken: set[tuple[str, str]] = set()
    for f in files:
        if not f.built or not (f.ok or f.kind in _PARTIAL_KINDS) or f.kind == "content_pack":
            continue
        hinted = 0
        for kind, ref, line, col, owner in f.built.refs:
            if ref in visible[kind]:
                continue
            if f.kind in ("scenario", "quiz_pool"):
                broken.add((f.kind, owner))
            root = failed_here.get((kind, ref)) or new.failed.get((kind, ref))
            if root is not None and root is not f:
                follow.setdefault(id(root), []).append(f.path)
                roots[id(root)] = root
                continue
            hinted += 1
            link_problems.append(_unknown_ref(f.path, line, col, kind, ref, new, visible,
                                              hinted <= _HINTED_REFS_PER_FILE))

    for sid in [i for (k, i) in own if k == "scenario"]:
        f = new.owner[("scenario", sid)][1]
        plist = ProblemList(f.path)
        if not graph_checks.check(own[("scenario", sid)], plist) or ("scenario", sid) in broken:
            _drop(new, own, "scenario", sid, f)
        link_problems.extend(plist)
    for kind, item_id in list(broken):
        if kind == "quiz_pool" and (kind, item_id) in own:
            _drop(new, own, kind, item_id, new.owner[(kind, item_id)][1])
    new.failed.update(failed_here)

    new.library = assemble(new.items)
    cross = cross_checks.check(new.library)
    keys = {_key(p) for p in cross}
    link_problems.extend(p for p in cross if _key(p) not in world.cross)
    new.cross = keys

    notes = [_note(roots[r], paths) for r, paths in follow.items()]
    problems = order(file_problems, link_problems, notes)
    ids = {name: tuple(sorted(i for (k, i) in own if FIELD[k] == name)) for name in FIELD.values()}
    return Linked(new, problems, _counts(own), ids)


def _collision(kind, item, f: FileResult, pack_id: str, other_pack: str, other, other_file: FileResult,
               builds_on: set[str]) -> list[Problem]:
    name = _name(kind)
    where, there = item.source, other.source
    may_override = other_pack in builds_on
    hint = (f"rename yours (e.g. {pack_id}_{item.id})" +
            (f", or, to replace that {name} on purpose, list it in pack.yaml under 'overrides: {FIELD[kind]}: "
             f"[{item.id}]'" if may_override else
             "; a pack can only replace items of packs it builds on ('builds_on' in pack.yaml)"))
    return [Problem(f.path, where.line, where.col, "id-collision",
                    f"the {name} id '{item.id}' is already used by pack '{other_pack}' ({there})", hint),
            Problem(other_file.path, there.line, there.col, "id-collision",
                    f"the {name} id '{item.id}' is also used by pack '{pack_id}' ({where})",
                    f"pack '{pack_id}' must rename its {name}; this one stays as it is")]


def _unused_overrides(manifest: ContentPack, own, world: World, builds_on: set[str]) -> list[Problem]:
    out = []
    path = manifest.source.path
    for kind, ids in manifest.overrides.items():
        for item_id in ids:
            line, col = manifest.overrides_at.get((kind, item_id), (manifest.source.line, manifest.source.col))
            if (kind, item_id) not in own:
                out.append(Problem(path, line, col, "bad-override",
                                   f"'overrides' names the {_name(kind)} '{item_id}', but this pack has no "
                                   f"{_name(kind)} with that id", "remove it from 'overrides', or fix the id"))
            elif world.owner.get((kind, item_id), ("",))[0] not in builds_on:
                out.append(Problem(path, line, col, "bad-override",
                                   f"'overrides' names the {_name(kind)} '{item_id}', which no pack this pack "
                                   f"builds on has", "only items of the packs in 'builds_on' can be replaced"))
    return out


def _failed_declarations(files: list[FileResult], own) -> dict[tuple[str, str], FileResult]:
    out = {}
    for f in files:
        if not f.problems.has_errors:
            continue
        for kind, item_id in f.declared:
            if kind in FIELD and (kind, item_id) not in own:
                out.setdefault((kind, item_id), f)
    return out


def _visible(world: World, own, builds_on: set[str], pack_id: str) -> dict[str, set[str]]:
    """Ids a pack may name: its own and those of the packs it builds on."""
    out = {kind: set() for kind in FIELD}
    for (kind, item_id), (owner, _f) in world.owner.items():
        if owner in builds_on or owner == pack_id:
            out[kind].add(item_id)
    return out


def _unknown_ref(path, line, col, kind, ref, world: World, visible, hint_close: bool) -> Problem:
    name = _name(kind)
    elsewhere = world.owner.get((kind, ref))
    if elsewhere is not None:
        hint = (f"it belongs to pack '{elsewhere[0]}', which this pack does not build on: "
                f"add '{elsewhere[0]}' to 'builds_on' in pack.yaml")
    else:
        close = difflib.get_close_matches(ref, sorted(visible[kind]), n=1) if hint_close else []
        hint = f"did you mean '{close[0]}'?" if close else f"no {name} has this id"
    return Problem(path, line, col, "unknown-ref", f"there is no {name} with the id '{ref}'", hint)


def _drop(world: World, own, kind: str, item_id: str, f: FileResult) -> None:
    world.items[FIELD[kind]].pop(item_id, None)
    world.owner.pop((kind, item_id), None)
    own.pop((kind, item_id), None)
    world.failed[(kind, item_id)] = f


def _note(root: FileResult, paths: list[str]) -> Problem:
    first = min((p for p in root.problems if p.is_error), key=lambda p: (p.line, p.col), default=None)
    files = sorted(set(paths))
    shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    n = len(paths)
    return Problem(root.path, first.line if first else 0, first.col if first else 0, "follow-on",
                   f"{n} more problem{'s' if n > 1 else ''} in files that use it ({shown})",
                   "they name what this file should have given; fix this one first", "note")


def _key(p: Problem) -> tuple:
    return (p.path, p.line, p.col, p.code, p.message)


def order(file_problems: list[Problem], link_problems: list[Problem], notes: list[Problem]) -> list[Problem]:
    """Root causes first: errors inside files, then errors between files, then warnings.

    A follow-on note stands right after the error it belongs to.
    """
    errors = sorted((p for p in file_problems if p.is_error), key=lambda p: (p.path, p.line, p.col, p.code))
    out: list[Problem] = []
    pending = {(n.path, n.line, n.col): n for n in notes}
    for p in errors:
        out.append(p)
        note = pending.pop((p.path, p.line, p.col), None)
        if note:
            out.append(note)
    out.extend(pending.values())
    out.extend(sorted((p for p in link_problems if p.is_error), key=lambda p: (p.path, p.line, p.col, p.code)))
    out.extend(sorted((p for p in file_problems + link_problems if not p.is_error),
                      key=lambda p: (p.path, p.line, p.col, p.code)))
    return out


def _counts(own) -> dict[str, int]:
    counts = {"scam_types": 0, "tiles": 0, "boards": 0, "scenarios": 0, "quiz_items": 0, "packs": 0}
    for (kind, _id), item in own.items():
        if kind == "quiz_pool":
            counts["quiz_items"] += len(item.items)
        else:
            counts[FIELD[kind]] += 1
    return counts


def assemble(reg: dict[str, dict]) -> Library:
    """Drop references to items that did not load, then freeze the library."""
    tiles = {}
    for tid, tile in reg["tiles"].items():
        scenarios = tuple(s for s in tile.scenarios if s in reg["scenarios"])
        quiz = tile.quiz_pool if tile.quiz_pool in reg["quiz_pools"] else None
        if tile.type.value == "scam" and not scenarios and not quiz:
            continue
        if tile.scam_type and tile.scam_type not in reg["scam_types"]:
            continue
        tiles[tid] = replace(tile, scenarios=scenarios, quiz_pool=quiz)
    boards = {}
    for bid, board in reg["boards"].items():
        squares = tuple(replace(sq, tile=sq.tile if sq.tile in tiles else None) for sq in board.squares)
        boards[bid] = replace(board, squares=squares)
    packs = {}
    for pid, pack in reg["packs"].items():
        kept = replace(pack,
                       boards=tuple(b for b in pack.boards if b in boards),
                       scenarios=tuple(s for s in pack.scenarios if s in reg["scenarios"]),
                       quiz_pools=tuple(q for q in pack.quiz_pools if q in reg["quiz_pools"]))
        if kept.boards:
            packs[pid] = kept
    freeze = MappingProxyType
    return Library(freeze(dict(reg["scam_types"])), freeze(tiles), freeze(boards),
                   freeze(dict(reg["scenarios"])), freeze(dict(reg["quiz_pools"])), freeze(packs))
