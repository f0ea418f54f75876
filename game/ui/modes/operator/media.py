"""Where an operator's USB stick is, and which content packs are on it (no pygame here).

Linux desktops mount removable media under ``/media/<user>/<label>`` (Debian, Ubuntu) or
``/run/media/<user>/<label>`` (Fedora, openSUSE), older set-ups under ``/media/<label>`` or
``/mnt/<label>``; macOS under ``/Volumes/<label>``; Windows gives each stick a drive letter.
On each of them a pack is a ``.zip`` or a folder holding ``pack.yaml``, at the top or one
folder down (a stick with a folder "反诈内容" of packs).
"""

from __future__ import annotations

import getpass
import os
import string
import sys
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "pack.yaml"
SEARCH_DEPTH = 2          # the stick's top folder and one folder below
MAX_FOUND = 60            # a stick full of zips: the first ones are enough to choose from


@dataclass(frozen=True)
class Found:
    path: Path            # a .zip or a pack folder
    medium: Path          # the mount point (or drive) it is on

    @property
    def kind(self) -> str:
        return "zip" if self.path.suffix.lower() == ".zip" else "folder"


def mount_points(platform: str | None = None, roots: tuple[tuple[Path, int], ...] | None = None) -> list[Path]:
    """Removable media mounted now, sorted. ``roots``: (folder, levels) pairs replacing the
    system's places (tests): the folders ``levels`` below ``folder`` are the media."""
    platform = platform or sys.platform
    if platform.startswith("win") and roots is None:
        return _drives()
    if roots is None:
        roots = (((Path("/Volumes"), 1),) if platform == "darwin" else
                 ((Path("/media"), 1), (Path("/media") / _user(), 1), (Path("/run/media"), 2), (Path("/mnt"), 1)))
    found: list[Path] = []
    for root, levels in roots:
        level = [root]
        for _ in range(levels):
            level = [d for folder in level for d in _dirs(folder)]
        found.extend(level)
    user_folder = Path("/media") / _user()
    return sorted(p for p in dict.fromkeys(found) if p != user_folder)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "")


def _drives() -> list[Path]:
    system = os.environ.get("SystemDrive", "C:").upper().rstrip("\\")
    drives = []
    for letter in string.ascii_uppercase:
        if f"{letter}:" == system:
            continue
        root = Path(f"{letter}:\\")
        try:
            if root.exists():
                drives.append(root)
        except OSError:      # a card reader with no card
            continue
    return drives


def _dirs(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def packs_on(medium: Path, depth: int = SEARCH_DEPTH) -> list[Found]:
    """The ``.zip`` files and pack folders on ``medium``, down to ``depth`` folder levels."""
    found: list[Found] = []
    level = [medium]
    for _ in range(depth):
        below: list[Path] = []
        for folder in level:
            try:
                entries = sorted(folder.iterdir())
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_file() and entry.suffix.lower() == ".zip":
                        found.append(Found(entry, medium))
                    elif entry.is_dir():
                        if (entry / MANIFEST).is_file():
                            found.append(Found(entry, medium))
                        else:
                            below.append(entry)
                except OSError:
                    continue
                if len(found) >= MAX_FOUND:
                    return found
        level = below
    if (medium / MANIFEST).is_file():
        found.insert(0, Found(medium, medium))
    return found


def packs_on_media(platform: str | None = None, roots: tuple[tuple[Path, int], ...] | None = None) -> list[Found]:
    """Every pack on every mounted removable medium."""
    out: list[Found] = []
    for medium in mount_points(platform, roots):
        out.extend(packs_on(medium))
    return out[:MAX_FOUND]
