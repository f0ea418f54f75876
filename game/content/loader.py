"""Load all content files of a folder into a ``Library``, validating as it goes.

``load_library()`` never raises for bad content: every problem becomes a
``Problem``; a file or item with an error is left out, and whatever depends on
it drops that reference (a pack whose boards are all gone is left out too).
Everything else loads and plays.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from ..paths import CONTENT_DIR
from . import cross_checks, graph_checks
from .builders import build
from .built import AssetRef, Built
from .models import Library, Tile
from .problems import Problem, ProblemList
from .reader import Reader, TextRecord
from .yamlsafe import MAX_FILE_BYTES, YMap, brief, file_too_large
from .yamlsafe import load as load_yaml

CONTENT_SUFFIXES = (".yaml", ".yml")
_HINTED_REFS_PER_FILE = 20   # "did you mean" costs one fuzzy match against every id: cap it per file
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                          "\ufeff\ud800-\udfff]")
_KIND_TO_FIELD = {
    "scam_type": "scam_types", "tile": "tiles", "board": "boards",
    "scenario": "scenarios", "quiz_pool": "quiz_pools", "pack": "packs",
}


@dataclass
class FileResult:
    path: str                     # as shown in messages (relative to the working folder when possible)
    kind: str | None = None
    ok: bool = False
    built: Built | None = None
    texts: list[TextRecord] = field(default_factory=list)
    problems: ProblemList = None  # set in read_file

    def __post_init__(self):
        if self.problems is None:
            self.problems = ProblemList(self.path)


@dataclass
class LoadResult:
    library: Library
    problems: list[Problem]
    files: list[FileResult]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def skipped_files(self) -> list[str]:
        return [f.path for f in self.files if not f.ok]


def content_files(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(file, content root) for every content file under ``paths``, sorted."""
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(_walk(path)):
                # read_file reports one that is no plain file (a folder, a pipe, a link loop)
                if file.suffix.lower() in CONTENT_SUFFIXES:
                    found.append((file, path))
        else:
            found.append((path, _content_root_of(path)))
    return found


def _walk(folder: Path):
    """Everything under ``folder`` like ``rglob("*")`` (links to folders are not entered),
    without recursion: a stick may hold folders nested thousands deep."""
    stack = [folder]
    while stack:
        try:
            with os.scandir(stack.pop()) as entries:
                entries = list(entries)
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            yield path
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
            except OSError:
                pass


def _content_root_of(path: Path) -> Path:
    """The nearest folder named 'scenarios' at or above ``path``, else the path's own folder."""
    path = path.resolve()
    for folder in ([path] if path.is_dir() else []) + list(path.parents):
        if folder.name == "scenarios":
            return folder
    return path if path.is_dir() else path.parent


def display_path(path: Path) -> str:
    """The path for messages; control characters and undecodable bytes of a file name are
    shown as escapes, so a name can neither drive the terminal nor break printing."""
    # Absolute but not resolved: a file reached through a link is named as the author sees it.
    absolute = os.path.abspath(path)
    try:
        shown = os.path.relpath(absolute, os.getcwd()) if absolute.startswith(os.getcwd() + os.sep) else absolute
    except (ValueError, OSError):
        shown = str(path)
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), shown)


def read_file(file: Path, root: Path) -> FileResult:
    """Parse and build one file; its problems go to the returned ``problems`` list."""
    shown = display_path(file)
    result = FileResult(shown)
    try:
        inside = root.resolve() in file.resolve().parents
        regular = file.is_file()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of links
        result.problems.error(0, 0, "unreadable", f"cannot read the file: {getattr(exc, 'strerror', None) or exc}")
        return result
    if not inside:
        result.problems.error(0, 0, "unreadable", "the file is a link that leads outside the content folder",
                              "copy the file into the folder; links that leave scenarios/ are not followed")
        return result
    if not regular:
        result.problems.error(0, 0, "unreadable",
                              "this is not a plain file (a folder, a device, a pipe or a broken link)",
                              "content files are YAML text files; rename or remove it")
        return result
    try:
        with file.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            # Never read more than the limit: a multi-gigabyte file must not fill the memory.
            data = fh.read(MAX_FILE_BYTES + 1) if size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        result.problems.error(0, 0, "unreadable", f"cannot read the file: {exc.strerror or exc}")
        return result
    if size > MAX_FILE_BYTES:
        file_too_large(size, result.problems)
        return result
    tree = load_yaml(data, result.problems)
    if tree is None:
        return result
    if not isinstance(tree, YMap):
        result.problems.error(1, 1, "not-a-mapping", "a content file must start with 'kind: …' and its fields",
                              "see docs/content-format.md for one example of each kind")
        return result
    reader = Reader(tree, result.problems, "this file", result.texts)
    built = build(reader, shown)
    if built is None:
        return result
    result.kind, result.built = built.kind, built
    _check_assets(built.assets, root, result.problems)
    result.ok = not result.problems.has_errors
    return result


def load_library(root: Path | None = None, paths: list[Path] | None = None,
                 check_font: bool = True) -> LoadResult:
    """Load every content file under ``paths`` (default: the shipped ``scenarios/`` folder)."""
    if paths is None:
        paths = [root or CONTENT_DIR]
    files = [read_file(f, r) for f, r in content_files(paths)]
    problems: list[Problem] = []
    font_problems = _check_font(files) if check_font else []
    for problem in font_problems:
        # Players would see empty boxes: the file is skipped like any other file with an error.
        for f in files:
            if f.path == problem.path and f.built:
                f.ok = False
                f.built.items = []
    problems.extend(font_problems)
    for f in files:
        problems.extend(f.problems)

    registry: dict[str, dict[str, object]] = {name: {} for name in _KIND_TO_FIELD.values()}
    owner_file: dict[tuple[str, str], FileResult] = {}
    for f in files:
        # A tile set's good tiles load even when another tile of the file is broken.
        if not f.ok and not (f.built and f.kind == "tile_set"):
            continue
        for item in f.built.items:
            kind = "tile" if isinstance(item, Tile) else f.kind
            table = registry[_KIND_TO_FIELD[kind]]
            if item.id in table:
                first = table[item.id].source
                problems.append(Problem(f.path, item.source.line, item.source.col, "duplicate-id",
                                        f"the {kind.replace('_', ' ')} id '{item.id}' is already used in {first}",
                                        "ids must be unique across all content; rename one of them"))
                continue
            table[item.id] = item
            owner_file[(kind, item.id)] = f

    broken: set[tuple[str, str]] = set()
    for f in files:
        if not f.ok and not (f.built and f.kind == "tile_set"):
            continue
        hinted = 0
        for kind, ref, line, col, owner in f.built.refs:
            if ref not in registry[_KIND_TO_FIELD[kind]]:
                hinted += 1
                close = (difflib.get_close_matches(ref, list(registry[_KIND_TO_FIELD[kind]]), n=1)
                         if hinted <= _HINTED_REFS_PER_FILE else [])
                hint = f"did you mean '{close[0]}'?" if close else f"no {kind.replace('_', ' ')} has this id"
                problems.append(Problem(f.path, line, col, "unknown-ref",
                                        f"there is no {kind.replace('_', ' ')} with the id '{ref}'", hint))
                if f.kind in ("scenario", "quiz_pool"):
                    broken.add((f.kind, owner))

    for sid, scenario in list(registry["scenarios"].items()):
        plist = ProblemList(owner_file[("scenario", sid)].path)
        if not graph_checks.check(scenario, plist) or ("scenario", sid) in broken:
            del registry["scenarios"][sid]
        problems.extend(plist)
    for pid in [p for k, p in broken if k == "quiz_pool"]:
        registry["quiz_pools"].pop(pid, None)


    library = _assemble(registry)
    problems.extend(cross_checks.check(library))
    problems.sort(key=lambda p: (p.path, p.line, p.col, p.code))
    return LoadResult(library, problems, files)


def _assemble(reg: dict[str, dict]) -> Library:
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


def _check_assets(assets: list[AssetRef], root: Path, problems: ProblemList) -> None:
    root = root.resolve()
    for ref in assets:
        raw = ref.path
        name = brief(raw, quote=False)
        pure = PurePosixPath(raw.replace("\\", "/"))
        if pure.is_absolute() or (len(raw) > 1 and raw[1] == ":") or raw.startswith(("/", "\\")):
            problems.error(ref.line, ref.col, "asset-outside", f"'{name}' is an absolute path",
                           "name assets relative to the content folder, e.g. images/caller.png")
            continue
        if ".." in pure.parts:
            problems.error(ref.line, ref.col, "asset-outside", f"'{name}' points outside the content folder",
                           "keep pictures inside scenarios/ and name them without '..'")
            continue
        try:
            target = (root / pure).resolve()
            exists = target.is_file()
        except (OSError, RuntimeError, ValueError):  # a name too long, a loop of links, a NUL
            problems.error(ref.line, ref.col, "asset-missing", f"the file '{name}' cannot be opened",
                           "name an existing picture inside the content folder")
            continue
        if root not in target.parents:
            problems.error(ref.line, ref.col, "asset-outside", f"'{name}' leads outside the content folder",
                           "links that leave scenarios/ are not followed")
        elif not exists:
            problems.error(ref.line, ref.col, "asset-missing", f"the file '{name}' does not exist",
                           f"put it at {display_path(target)}, or fix the name (names are case-sensitive)")


def _check_font(files: list[FileResult]) -> list[Problem]:
    """Every character of every text must be in the bundled font; first miss per file."""
    from ..ui.fonts import bundled_font_path, covered_codepoints  # pygame-free module

    try:
        covered = covered_codepoints()
    except OSError as exc:
        return [Problem(str(bundled_font_path()), 0, 0, "font-unavailable",
                        f"the bundled font cannot be read ({exc}), so characters were not checked",
                        "reinstall the game or run tools/build_font.py")]
    out = []
    for f in files:
        for rec in f.texts:
            missing = next((ch for ch in rec.text if ord(ch) not in covered and ch not in "\n\t "), None)
            if missing:
                out.append(Problem(f.path, rec.line, rec.col, "font-missing-glyph",
                                   f"the character '{missing}' (U+{ord(missing):04X}) in {rec.context} "
                                   f"is not in the bundled font",
                                   "players would see an empty box: use a common character instead"))
                break
    return out
