"""Load content packs into one ``Library``, validating as it goes.

``load_library()`` never raises for bad content: every problem becomes a ``Problem``.

* The shipped pack always plays: in it the smallest broken thing is left out (a quiz question,
  a tile, a scenario with a broken node, a file) and whatever depends on it drops the reference.
* Any other pack (installed, or given with ``--content``) plays whole or not at all: one error and
  it is left out, with the reason in its ``PackStatus`` for the operator; shipped content plays on.

``load_library(sources=ContentSources(...))`` chooses the packs (see packs.py); the old
``load_library(paths=[folder or file, …])`` reads those files on their own, as one standalone pack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import linking, regions
from .files import (  # noqa: F401 — read_file, display_path and _content_root_of are used from here too
    CONTENT_SUFFIXES, MANIFEST, FileResult, _check_font, _content_root_of, content_files, display_path,
    is_manifest, read_file,
)
from .linking import World
from .manifest import SHIPPED_ID, ContentPack, describe, needs_newer_game
from .models import Library
from .packs import ContentSources, PackPlace, PackStatus, find_packs, read_state
from .problems import Problem
from .reader import TextRecord
from .. import __version__

STANDALONE_ID = "standalone"


@dataclass
class LoadResult:
    library: Library
    problems: list[Problem]
    files: list[FileResult]
    packs: list[PackStatus] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "note"]

    @property
    def skipped_files(self) -> list[str]:
        return [f.path for f in self.files if not f.ok]

    @property
    def loaded_packs(self) -> list[PackStatus]:
        return [p for p in self.packs if p.loaded]

    @property
    def catalog_dirs(self) -> list[Path]:
        """``locales/`` of every loaded pack that has one, in load order (later packs win)."""
        return [p.locales_dir for p in self.loaded_packs if p.locales_dir and p.locales_dir.is_dir()]

    @property
    def voice_dirs(self) -> list[Path]:
        return [p.voice_dir for p in self.loaded_packs if p.voice_dir and p.voice_dir.is_dir()]

    def pack(self, pack_id: str) -> PackStatus | None:
        return next((p for p in self.packs if p.id == pack_id), None)


def load_library(root: Path | None = None, paths: list[Path] | None = None, check_font: bool = True,
                 sources: ContentSources | None = None, region: str | None = None) -> LoadResult:
    """Load content: the given ``sources`` (default: shipped and installed packs), or, with ``root`` or
    ``paths``, exactly those files and folders as one standalone pack. With ``region`` the library is
    what that region plays (``regions.for_region``); without, everything, as the checker sees it."""
    if paths is not None or root is not None:
        result = _standalone(paths if paths is not None else [root], check_font)
    else:
        sources = sources or ContentSources()
        result = load_packs(find_packs(sources), check_font, sources.everything)
    result.problems.extend(regions.check_library(result.library))
    if region is not None:
        result.library = regions.for_region(result.library, region)
    return result


def _standalone(paths: list[Path], check_font: bool) -> LoadResult:
    found = content_files(paths)
    # A content pack's manifest at the top of a folder is not content (a copy of scenarios/ has one).
    files = [read_file(f, r) for f, r in found if not (f.name == MANIFEST and f.parent == r and is_manifest(f))]
    problems = list(getattr(found, "problems", []))
    if check_font:
        problems.extend(_font(files))
    linked = linking.link(STANDALONE_ID, files, World(), set())
    problems = problems + linked.problems
    return LoadResult(linked.world.library, problems, files)


def load_packs(places: list[PackPlace], check_font: bool = True, everything: bool = False) -> LoadResult:
    """Load the packs at ``places`` in an order where every pack comes after those it builds on.

    ``everything``: load disabled packs too (to list them with their counts and problems); they
    still say 'disabled'.
    """
    statuses = [PackStatus(place) for place in places]
    for status in statuses:
        _read_manifest(status, check_font)
    _settle_ids(statuses, everything)
    world = World()
    all_files: list[FileResult] = []
    for status in _in_order(statuses):
        if status.state != "loaded":
            continue
        files, found_problems = _read_pack(status.place, status.manifest)
        font_problems = _font(files) if check_font else []
        deps = _dependencies(status, statuses)
        linked = linking.link(status.id, files, world, deps, status.manifest)
        status.problems = status.problems + found_problems + font_problems + linked.problems
        status.counts = linked.counts
        status.files = files
        status.ids = linked.ids
        if status.place.origin != "shipped" and any(p.is_error for p in status.problems):
            status.state = "failed"
            status.reason = _reason(status)
        else:
            world = linked.world
            all_files.extend(files)
    for status in statuses:
        if everything and not status.place.enabled and status.state == "loaded":
            status.state, status.reason = "disabled", "disabled by the operator"
    problems = [p for s in statuses for p in s.problems]
    return LoadResult(world.library, problems, all_files, statuses)


def _font(files: list[FileResult]) -> list[Problem]:
    problems = _check_font(files)
    for problem in problems:
        # Players would see empty boxes: the file is skipped like any other file with an error.
        for f in files:
            if f.path == problem.path and f.built:
                f.ok = False
                f.built.items = []
    return problems


def _read_pack(place: PackPlace, manifest: ContentPack | None) -> tuple[list[FileResult], list[Problem]]:
    found = content_files([place.root], skip_manifests=True)
    shown = place.shown if place.zip_path is not None else None
    return [read_file(f, r, shown) for f, r in found], list(found.problems)


def _read_manifest(status: PackStatus, check_font: bool = True) -> None:
    place = status.place
    shown = place.shown if place.zip_path is not None else None
    if place.origin != "shipped" and not ((place.root / MANIFEST).is_file() and is_manifest(place.root / MANIFEST)):
        status.problems = [Problem(place.shown, 0, 0, "not-a-pack",
                                   f"the folder has no {MANIFEST}, so it is not a content pack",
                                   "install packs with 'python -m game pack install', which checks them first")]
        status.state, status.reason = "failed", f"no {MANIFEST} in {place.shown}"
        return
    result = read_file(place.root / MANIFEST, place.root, shown, manifest=True)
    if check_font and result.built and result.built.items:
        # the operator menu shows the name, the description and the authors as written
        pack = result.built.items[0]
        line, col = pack.source.line, pack.source.col
        result.texts = [TextRecord(t, line, col, "the pack's manifest")
                        for t in (pack.name, pack.description, *pack.authors) if t]
        result.problems.extend(_font([result]))   # a character missing from the font fails the manifest
    status.problems = list(result.problems)
    items = result.built.items if result.built and result.ok else []
    status.manifest = items[0] if items and isinstance(items[0], ContentPack) else None
    if status.manifest is None:
        status.state, status.reason = "failed", f"its {MANIFEST} has errors: {_first(status)}"
        if place.origin == "shipped":   # the game's own content plays even with a broken manifest
            status.state, status.manifest = "loaded", ContentPack(SHIPPED_ID, "shipped", "0", (), "0", ())
        return
    if place.origin == "shipped" and status.manifest.id != SHIPPED_ID:
        status.problems.append(Problem(result.path, 1, 1, "bad-id", f"the shipped pack's id must be '{SHIPPED_ID}'"))
        status.manifest = ContentPack(SHIPPED_ID, status.manifest.name, status.manifest.version, (), "0", ())
    if needs_newer_game(status.manifest, __version__):
        status.state = "needs-newer-game"
        status.reason = (f"this pack needs game version {status.manifest.game} or newer; this game is "
                         f"{__version__}: update the game first")
        status.problems.append(Problem(result.path, *status.manifest.at("game"), "needs-newer-game",
                                       status.reason, "the operator guide, section 5, says how to update"))


def _settle_ids(statuses: list[PackStatus], everything: bool) -> None:
    """One pack per id: a given pack replaces an installed one of the same id; 'shipped' is taken.
    An installed pack the operator disabled is not loaded (unless ``everything``)."""
    disabled = {}
    by_id: dict[str, PackStatus] = {}
    for status in statuses:
        if status.manifest is None or status.state in ("failed",):
            continue
        if status.place.origin == "installed":
            folder = status.place.root.parent
            disabled.setdefault(folder, set(read_state(folder).get("disabled", [])))
            status.place.enabled = status.id not in disabled[folder]
            if not status.place.enabled and status.state == "loaded" and not everything:
                status.state, status.reason = "disabled", "disabled by the operator"
                continue
        if status.place.origin != "shipped" and status.id == SHIPPED_ID:
            _fail(status, "bad-id", f"the id '{SHIPPED_ID}' belongs to the game's own content: choose another id")
            continue
        earlier = by_id.get(status.id)
        if earlier is None:
            by_id[status.id] = status
        elif status.place.origin == "given" and earlier.place.origin == "installed":
            earlier.state, earlier.reason = "replaced", f"replaced for this run by {status.place.shown}"
            by_id[status.id] = status
        else:
            _fail(status, "duplicate-pack", f"another pack has the id '{status.id}' too ({earlier.place.shown})")


def _fail(status: PackStatus, code: str, message: str) -> None:
    manifest = status.manifest
    at = manifest.at("builds_on" if code == "bad-value" else "id") if manifest else (0, 0)
    status.problems.append(Problem(manifest.source.path if manifest else status.place.shown, *at, code, message))
    status.state, status.reason = "failed", message


def _in_order(statuses: list[PackStatus]) -> list[PackStatus]:
    """Shipped first, then each pack after the packs it builds on (else by id). A pack whose
    'builds_on' names a pack that is missing or not loaded is not loaded either."""
    ordered: list[PackStatus] = []
    placed: set[str] = set()
    waiting = [s for s in statuses if s.manifest is not None]
    waiting.sort(key=lambda s: (s.place.origin != "shipped", s.id))
    by_id = {s.id: s for s in waiting if s.state == "loaded"}
    progress = True
    while waiting and progress:
        progress = False
        for status in list(waiting):
            deps = status.manifest.builds_on
            if status.state != "loaded" or all(d in placed for d in deps):
                ordered.append(status)
                waiting.remove(status)
                if status.state == "loaded":
                    placed.add(status.id)
                progress = True
                break
            missing = [d for d in deps if d not in by_id]
            if missing:
                _unmet(status, missing[0], statuses)
                ordered.append(status)
                waiting.remove(status)
                progress = True
                break
    for status in waiting:   # a cycle: a builds on b builds on a
        _fail(status, "bad-value", f"'builds_on' goes round in a circle: {' → '.join([status.id, *status.manifest.builds_on])}")
        ordered.append(status)
    return ordered


def _unmet(status: PackStatus, dep: str, statuses: list[PackStatus]) -> None:
    other = next((s for s in statuses if s.id == dep), None)
    why = f"it builds on '{dep}', which is not installed" if other is None else \
        f"it builds on '{dep}', which is not loaded ({other.reason or other.state})"
    line, col = status.manifest.at("builds_on")
    status.problems.append(Problem(status.manifest.source.path, line, col, "unknown-pack", why,
                                   "install that pack first, or remove it from 'builds_on' in pack.yaml"))
    status.state, status.reason = "failed", why


def _dependencies(status: PackStatus, statuses: list[PackStatus]) -> set[str]:
    """The packs ``status`` builds on, directly or through them."""
    by_id = {s.id: s for s in statuses if s.manifest is not None}
    out: set[str] = set()
    stack = list(status.manifest.builds_on)
    while stack:
        dep = stack.pop()
        if dep in out or dep not in by_id:
            continue
        out.add(dep)
        stack.extend(by_id[dep].manifest.builds_on)
    return out


def _first(status: PackStatus) -> str:
    first = next((p for p in status.problems if p.is_error), None)
    return f"{first.path}:{first.line}:{first.col}: {first.message}" if first else "unknown"


def _reason(status: PackStatus) -> str:
    n = len(status.errors)
    return f"{n} error{'s' if n > 1 else ''}; the first: {_first(status)}"


__all__ = ["LoadResult", "load_library", "load_packs", "read_file", "display_path", "content_files",
           "ContentSources", "describe", "CONTENT_SUFFIXES"]
