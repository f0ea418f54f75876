"""Reading content files one by one: finding them in a folder, parsing and building each.

``read_file`` never raises for bad content: every problem goes into the file's ``problems``.
Linking files to each other (references, ids across files and packs) is in ``linking.py``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .builders import AssetRef, Built, build
from .problems import Problem, ProblemList
from .reader import Reader, TextRecord
from .yamlsafe import MAX_FILE_BYTES, YMap, brief, file_too_large, load as load_yaml

CONTENT_SUFFIXES = (".yaml", ".yml")
MANIFEST = "pack.yaml"
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                          "\ufeff\ud800-\udfff]")
# Ids a file declares, found by their lines when YAML cannot read the file: so a board that names a
# tile of a broken tile file is known to be a follow-on of that file's problem, not a typo.
_KIND_LINE = re.compile(r"^kind:[ \t]*([a-z_]+)", re.MULTILINE)
_TOP_ID_LINE = re.compile(r"^id:[ \t]*['\"]?([a-z][a-z0-9_]*)", re.MULTILINE)
_NESTED_ID_LINE = re.compile(r"^[ \t]+(?:-[ \t]+)?id:[ \t]*['\"]?([a-z][a-z0-9_]*)", re.MULTILINE)

@dataclass
class FileResult:
    path: str                     # as shown in messages (relative to the working folder when possible)
    kind: str | None = None
    ok: bool = False
    built: Built | None = None
    texts: list[TextRecord] = field(default_factory=list)
    problems: ProblemList = None  # set in read_file
    # (kind, id) of every item the file means to declare, loaded or not ("tile" for a tile set's tiles)
    declared: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self):
        if self.problems is None:
            self.problems = ProblemList(self.path)


class FoundFiles(list):
    """(file, content root) pairs, and the problems met on the way (links that were not entered)."""

    def __init__(self):
        super().__init__()
        self.problems: list[Problem] = []


def content_files(paths: list[Path], skip_manifests: bool = False) -> FoundFiles:
    """(file, content root) for every content file under ``paths``, sorted.

    With ``skip_manifests`` (a content pack's folder) the top folder's ``pack.yaml`` is the pack's
    manifest, not content, and a sub-folder with a manifest of its own is another pack: not read here.
    """
    found = FoundFiles()
    for path in paths:
        if path.is_dir():
            files = []
            for file in _walk(path, found.problems, skip_manifests):
                # read_file reports one that is no plain file (a folder, a pipe, a link loop)
                if file.suffix.lower() in CONTENT_SUFFIXES:
                    files.append(file)
            manifest = path / MANIFEST
            found.extend((file, path) for file in sorted(files)
                         if not (skip_manifests and file == manifest and is_manifest(file)))
        else:
            found.append((path, _content_root_of(path)))
    return found


def _walk(folder: Path, problems: list[Problem], skip_packs: bool):
    """Everything under ``folder`` like ``rglob("*")``, without recursion: a stick may hold folders
    nested thousands deep. A link to a folder is not entered: a link inside the folder would read
    files twice (they are read where they are), one leading outside is reported."""
    root = folder.resolve()
    stack = [folder]
    while stack:
        try:
            with os.scandir(stack.pop()) as entries:
                entries = list(entries)
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_link, is_dir = entry.is_symlink(), entry.is_dir(follow_symlinks=False)
            except OSError:
                is_link = is_dir = False
            if is_link and path.suffix.lower() not in CONTENT_SUFFIXES:
                _report_folder_link(path, root, problems)
                continue
            if is_dir and skip_packs and (path / MANIFEST).is_file() and is_manifest(path / MANIFEST):
                problems.append(Problem(display_path(path / MANIFEST), 1, 1, "nested-pack",
                                        f"the folder '{display_path(path)}' is a content pack of its own "
                                        f"(it has a {MANIFEST}), so it is not read as part of this one",
                                        "keep each content pack in a folder of its own and load it with "
                                        "--content DIR or 'python -m game pack install DIR'", "warning"))
                continue
            yield path
            if is_dir:
                stack.append(path)


def _report_folder_link(path: Path, root: Path, problems: list[Problem]) -> None:
    try:
        target = path.resolve()
        if not target.is_dir():
            return   # a link to a file without a content suffix is no content anyway
    except (OSError, RuntimeError):
        target = None
    if target is not None and (target == root or root in target.parents):
        return       # its files are read where they really are
    shown = display_path(path)
    problems.append(Problem(shown, 0, 0, "linked-folder",
                            f"the folder '{shown}' is a link to "
                            f"{display_path(target) if target else 'a folder that cannot be opened'}, outside this "
                            f"content folder: its files are not read",
                            "make that folder a content pack of its own (a pack.yaml in it) and load it with "
                            "--content DIR or 'python -m game pack install DIR'; or copy its files in here"))


def is_manifest(path: Path) -> bool:
    """A ``pack.yaml`` is a content pack's manifest unless it says it is some other kind
    (an audience pack written as ``kind: pack`` in a file called pack.yaml)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        return True
    kind = _KIND_LINE.search(head)
    return kind is None or kind.group(1) == "content_pack"


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


def read_file(file: Path, root: Path, shown_root: str | None = None, manifest: bool = False) -> FileResult:
    """Parse and build one file; its problems go to the returned ``problems`` list.

    ``shown_root`` names ``root`` in messages instead of its real path (a pack unpacked from a zip).
    """
    shown = display_path(file) if shown_root is None else _under(shown_root, file, root)
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
    result.declared = declared_ids(tree, data)
    if tree is None:
        return result
    if not isinstance(tree, YMap):
        result.problems.error(1, 1, "not-a-mapping", "a content file must start with 'kind: …' and its fields",
                              "see docs/content-format.md for one example of each kind")
        return result
    reader = Reader(tree, result.problems, "this file", result.texts)
    built = build(reader, shown, "content_pack" if manifest else None)
    if built is None:
        return result
    result.kind, result.built = built.kind, built
    _check_assets(built.assets, root, result.problems)
    result.ok = not result.problems.has_errors
    return result


def _under(shown_root: str, file: Path, root: Path) -> str:
    try:
        relative = file.relative_to(root).as_posix()
    except ValueError:
        return display_path(file)
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                            f"{shown_root.rstrip('/')}/{relative}")


def declared_ids(tree, data: bytes) -> list[tuple[str, str]]:
    """(kind, id) of the items a file means to declare: from its fields, or from its lines when
    YAML could not read it. Only used to tell follow-on problems from real ones."""
    if isinstance(tree, YMap):
        kind, top = tree.get("kind"), tree.get("id")
        if kind == "tile_set":
            tiles = tree.get("tiles")
            return [("tile", t["id"]) for t in tiles if isinstance(t, dict) and isinstance(t.get("id"), str)] \
                if isinstance(tiles, list) else []
        return [(kind, top)] if isinstance(kind, str) and isinstance(top, str) else []
    if tree is not None:
        return []
    text = data[:MAX_FILE_BYTES].decode("utf-8", "replace")
    kind = _KIND_LINE.search(text)
    if kind is None:
        return []
    if kind.group(1) == "tile_set":
        return [("tile", m.group(1)) for m in _NESTED_ID_LINE.finditer(text)]
    top = _TOP_ID_LINE.search(text)
    return [(kind.group(1), top.group(1))] if top else []


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
