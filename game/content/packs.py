"""Where content packs are found, and what became of each one.

Three places, read in this order:

1. the shipped pack: the game's own ``scenarios/`` (its manifest is ``scenarios/pack.yaml``);
2. installed packs: one folder each in the per-user data folder's ``packs/`` (``pack install``
   puts them there; ``pack disable`` keeps one there without loading it);
3. packs given for this run: ``--content DIR`` (a folder or a ``.zip``), repeatable. A given pack
   with the id of an installed one replaces it for the run (an author trying a new version).

``load_library(sources=ContentSources(...))`` (loader.py) reads them; ``LoadResult.packs`` holds a
``PackStatus`` for every pack found, loaded or not, with the reason.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .files import MANIFEST, display_path, is_manifest
from .manifest import SHIPPED_ID, ContentPack
from .problems import Problem
from ..paths import CONTENT_DIR, user_data_dir
from .zipsafe import ZipRefused, unpack

STATE_FILE = "state.json"          # in packs/: {"disabled": [pack ids]}
OLD_PREFIX = ".old-"               # packs/.old-<id>: the pack an install is replacing
STAGING_PREFIX = ".staging-"       # packs/.staging-…: an install being unpacked and checked
REMOVED_PREFIX = ".removed-"       # packs/.removed-<id>: a pack being removed


@dataclass(frozen=True)
class ContentSources:
    """Which packs to load. The default is what the game plays: shipped and installed packs."""

    shipped: bool = True
    installed: bool = True
    extra: tuple[Path, ...] = ()          # --content DIR|ZIP, in the order given
    packs_dir: Path | None = None         # default: user_data_dir() / "packs"
    everything: bool = False              # also load disabled packs (to check them)

    def with_extra(self, *paths: Path) -> "ContentSources":
        return ContentSources(self.shipped, self.installed, self.extra + tuple(Path(p) for p in paths),
                              self.packs_dir, self.everything)

    def folder(self) -> Path:
        return self.packs_dir if self.packs_dir is not None else user_packs_dir()


def user_packs_dir() -> Path:
    """``packs/`` in the per-user data folder (made if missing)."""
    path = user_data_dir() / "packs"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class PackPlace:
    """One pack folder found: where it is and how it came."""

    root: Path                 # the folder holding pack.yaml (for a zip: where it was unpacked)
    origin: str                # "shipped", "installed" or "given"
    shown: str                 # the folder (or the zip) as named in messages
    enabled: bool = True
    zip_path: Path | None = None


@dataclass
class PackStatus:
    """What became of one content pack: for the operator menu, ``pack list`` and ``validate``."""

    place: PackPlace
    manifest: ContentPack | None = None
    state: str = "loaded"      # loaded, failed, disabled, replaced, needs-newer-game
    reason: str = ""           # why it is not loaded, one line for the operator
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    files: list = field(default_factory=list, repr=False)   # the FileResult of each content file read
    ids: dict[str, tuple[str, ...]] = field(default_factory=dict)   # its own items by kind: {"boards": (…)}

    @property
    def id(self) -> str:
        return self.manifest.id if self.manifest else self.place.root.name

    @property
    def name(self) -> str:
        return self.manifest.name if self.manifest else self.place.root.name

    @property
    def version(self) -> str:
        return self.manifest.version if self.manifest else ""

    @property
    def authors(self) -> tuple[str, ...]:
        return self.manifest.authors if self.manifest else ()

    @property
    def origin(self) -> str:
        return self.place.origin

    @property
    def enabled(self) -> bool:
        return self.place.enabled

    @property
    def loaded(self) -> bool:
        return self.state == "loaded"

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    @property
    def locales_dir(self) -> Path | None:
        """The pack's own translations; the shipped ones live in the game's locales/."""
        return None if self.place.origin == "shipped" else self.place.root / "locales"

    @property
    def voice_dir(self) -> Path | None:
        """The pack's recorded voice, voice/<locale>/<message id>.ogg; the shipped one is in assets/."""
        return None if self.place.origin == "shipped" else self.place.root / "voice"

    def as_json(self) -> dict:
        return {"id": self.id, "name": self.name, "version": self.version, "authors": list(self.authors),
                "game": self.manifest.game if self.manifest else "", "origin": self.origin,
                "folder": self.place.shown, "enabled": self.enabled, "state": self.state, "reason": self.reason,
                "counts": self.counts,
                "builds_on": list(self.manifest.builds_on) if self.manifest else [],
                "errors": [p.as_json() for p in self.errors], "warnings": [p.as_json() for p in self.warnings]}


class NotAPack(Exception):
    """A ``--content`` path that is no content pack; the message says why."""


def find_packs(sources: ContentSources) -> list[PackPlace]:
    """Every pack folder the sources name, shipped first. Raises NotAPack for a bad ``--content``."""

    places: list[PackPlace] = []
    if sources.shipped:
        places.append(PackPlace(CONTENT_DIR, "shipped", display_path(CONTENT_DIR)))
    if sources.installed:
        try:
            folder = sources.folder()
        except OSError:   # no data folder can be made here (a read-only home): no installed packs either
            folder = None
        if folder is not None:
            recover(folder)
        for entry in sorted(_entries(folder)) if folder is not None else ():
            if entry.name.startswith(".") or not entry.is_dir():
                continue
            places.append(PackPlace(entry, "installed", display_path(entry)))
    for path in sources.extra:
        places.append(given_place(path))
    return places


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def given_place(path: Path) -> PackPlace:
    """A ``--content`` path as a pack: a folder with pack.yaml, or a .zip of one (unpacked for this run)."""
    if not path.exists():
        raise NotAPack(f"{path}: no such file or folder")
    if path.is_file() and path.suffix.lower() == ".zip":
        tmp = Path(tempfile.mkdtemp(prefix="fanzha-pack-"))
        atexit.register(shutil.rmtree, tmp, True)
        try:
            root = unpack(path, tmp)
        except (ZipRefused, OSError) as exc:
            raise NotAPack(f"{path}: {exc}") from None
        inner = root.relative_to(tmp).as_posix()
        shown = display_path(path) + ("/" + inner if inner != "." else "")
        return PackPlace(root, "given", shown, zip_path=path)
    if not path.is_dir():
        raise NotAPack(f"{path}: a content pack is a folder (or a .zip of one), not a single file")
    manifest = path / MANIFEST
    if not manifest.is_file() or not is_manifest(manifest):
        raise NotAPack(f"{path}: not a content pack: it has no {MANIFEST} (see docs/content-format.md, "
                       f"'Your own pack')")
    return PackPlace(path, "given", display_path(path))


def enclosing_pack(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that holds a content pack's manifest."""
    path = Path(os.path.abspath(path))
    for folder in ([path] if path.is_dir() else []) + list(path.parents):
        manifest = folder / MANIFEST
        if manifest.is_file() and is_manifest(manifest):
            return folder
    return None


# ---------------------------------------------------------------- enabled or not

def read_state(folder: Path) -> dict:
    try:
        data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("disabled", []), list) else {}
    except (OSError, ValueError):
        return {}


def write_state(folder: Path, state: dict) -> None:
    """Replace the state file whole: a power cut leaves the old one or the new one, never half."""
    tmp = folder / (STATE_FILE + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(state, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / STATE_FILE)
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":    # Windows cannot open a folder for fsync; NTFS journals renames itself
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- an install cut short

def recover(folder: Path, clean: bool = False) -> list[str]:
    """Put ``packs/`` right after an install or removal was cut short (power cut, stick pulled).

    An install renames the old pack to ``.old-<id>`` and then the checked new one to ``<id>``: if the
    second rename never happened, the old pack goes back. Leftover copies are deleted when ``clean``
    (the writer's own start: a game reading the folder must not delete an install in progress).
    """
    done = []
    for entry in _entries(folder):
        name = entry.name
        if name.startswith(OLD_PREFIX):
            pack = folder / name[len(OLD_PREFIX):]
            try:
                if not pack.exists():
                    entry.rename(pack)
                    done.append(f"restored {pack.name} (an install was cut short)")
                elif clean:
                    shutil.rmtree(entry, ignore_errors=True)
            except OSError:
                continue
        elif clean and name.startswith((STAGING_PREFIX, REMOVED_PREFIX)):
            shutil.rmtree(entry, ignore_errors=True)
    if done:
        try:
            fsync_dir(folder)
        except OSError:
            pass
    return done


__all__ = ["ContentSources", "PackPlace", "PackStatus", "NotAPack", "SHIPPED_ID", "find_packs", "given_place",
           "enclosing_pack", "user_packs_dir", "read_state", "write_state", "recover"]
