"""Installing, removing, enabling and exporting content packs: the API behind ``python -m game pack``
and the operator menu.

Installing copies the pack (a folder or a ``.zip``, often on a USB stick) into a hidden staging
folder inside ``packs/``, checks it there in the context of everything it builds on, and only then
swaps it in with two renames (``<id>`` → ``.old-<id>``, staging → ``<id>``). A pulled stick or a
failed check leaves the installed pack untouched; a power cut between the renames is put right at
the next start (``packs.recover``), which brings the old pack back.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .files import MANIFEST
from .manifest import SHIPPED_ID
from .packs import (
    OLD_PREFIX, REMOVED_PREFIX, STAGING_PREFIX, ContentSources, PackStatus, fsync_dir, read_state, recover,
    user_packs_dir, write_state,
)
from .problems import Problem
from .zipsafe import ZipRefused, copy_folder, export, pack_root, unpack
import re
from .loader import load_library

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}

# Called with the name of each step of an install; tests stop the process there (a power cut).
after_step: Callable[[str], None] = lambda step: None


class PackError(Exception):
    """What the operator asked for cannot be done; the message says why."""


@dataclass
class InstallResult:
    ok: bool
    message: str                                  # one line for the operator
    status: PackStatus | None = None              # the pack as checked: name, version, counts, problems
    problems: list[Problem] = field(default_factory=list)   # its errors (why it was refused) and warnings
    replaced: str = ""                            # the version it replaced, if one was installed

    @property
    def pack_id(self) -> str:
        return self.status.id if self.status else ""


def list_packs(sources: ContentSources | None = None) -> list[PackStatus]:
    """Every pack with its name, version, authors, counts and problems; disabled packs are checked
    too (state 'disabled', ``enabled`` False) so the operator sees what enabling one would bring."""
    sources = sources or ContentSources()
    result = load_library(sources=ContentSources(sources.shipped, sources.installed, sources.extra,
                                                 sources.packs_dir, everything=True))
    return result.packs


def install_pack(source: Path, packs_dir: Path | None = None) -> InstallResult:
    """Check the pack in ``source`` (folder or .zip) and install it; nothing changes unless it passes."""
    folder = packs_dir or user_packs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    recover(folder, clean=True)
    source = Path(source)
    if not source.exists():
        return InstallResult(False, f"{source}: no such file or folder")
    staging = folder / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
    staging.mkdir()
    try:
        after_step("staging")
        try:
            root = _fetch(source, staging / "in")
        except ZipRefused as exc:
            return InstallResult(False, str(exc))
        except OSError as exc:   # the stick was pulled, the disk is full
            return InstallResult(False, f"cannot copy the pack from {source}: {exc.strerror or exc}; "
                                        f"nothing was installed")
        after_step("copied")
        status = _check(root, folder)
        if status.manifest is not None and status.id.lower() in _WINDOWS_RESERVED:
            return InstallResult(False, f"the pack id '{status.id}' cannot be a folder name on Windows: "
                                        f"choose another id", status, status.errors)
        if not status.loaded:
            return InstallResult(False, _refusal(status), status, status.errors + status.warnings)
        _sync_tree(root)
        after_step("checked")
        replaced = _swap_in(root, folder, status.id)
        _enable(folder, status.id)
        verb = f"replaced version {replaced}" if replaced else "installed"
        return InstallResult(True, f"{status.name} {status.version} ({status.id}): {verb}", status,
                             status.warnings, replaced)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _fetch(source: Path, dest: Path) -> Path:
    if source.is_file():
        if source.suffix.lower() != ".zip":
            raise ZipRefused(f"{source.name}: a pack is a folder or a .zip of one")
        dest.mkdir()
        return unpack(source, dest)
    copy_folder(source, dest)
    return pack_root(dest, source.name)


def _check(root: Path, folder: Path) -> PackStatus:
    """The staged pack checked with everything installed, as the game would load it."""
    result = load_library(sources=ContentSources(packs_dir=folder, extra=(root,)))
    return next(s for s in result.packs if s.place.root == root)


def _refusal(status: PackStatus) -> str:
    if status.state == "needs-newer-game":
        return f"{status.name} {status.version} ({status.id}) was not installed: {status.reason}"
    return f"{status.name} {status.version} ({status.id}) was not installed: {status.reason}"


def _swap_in(root: Path, folder: Path, pack_id: str) -> str:
    target = folder / pack_id
    old = folder / f"{OLD_PREFIX}{pack_id}"
    replaced = ""
    if old.exists():   # left by an earlier install that got this far: the pack in place is complete
        shutil.rmtree(old)
    if target.exists():
        replaced = _version_of(target)
        target.rename(old)
        fsync_dir(folder)
        after_step("old-moved")
    try:
        root.rename(target)
    except OSError:
        if old.exists() and not target.exists():
            old.rename(target)   # put the old one back before giving up
        raise
    fsync_dir(folder)
    after_step("new-in-place")
    shutil.rmtree(old, ignore_errors=True)
    return replaced


def _version_of(folder: Path) -> str:
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "?"
    match = re.search(r"^version:[ \t]*['\"]?([0-9.]+)", text, re.MULTILINE)
    return match.group(1) if match else "?"


def _sync_tree(root: Path) -> None:
    """Every file and folder of the staged pack on disk before it is renamed into place."""
    for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        try:
            if path.is_file():
                fd = os.open(path, os.O_RDWR if os.name == "nt" else os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            elif path.is_dir():
                fsync_dir(path)
        except OSError:
            pass
    fsync_dir(root)


def remove_pack(pack_id: str, packs_dir: Path | None = None) -> str:
    """Remove an installed pack; returns a line for the operator. PackError when there is none."""
    folder = packs_dir or user_packs_dir()
    target = _installed(folder, pack_id)
    recover(folder, clean=True)
    gone = folder / f"{REMOVED_PREFIX}{pack_id}"
    shutil.rmtree(gone, ignore_errors=True)
    target.rename(gone)
    fsync_dir(folder)
    shutil.rmtree(gone, ignore_errors=True)
    state = read_state(folder)
    if pack_id in state.get("disabled", []):
        state["disabled"] = [p for p in state["disabled"] if p != pack_id]
        write_state(folder, state)
    users = [s.id for s in list_packs(ContentSources(packs_dir=folder)) if pack_id in
             (s.manifest.builds_on if s.manifest else ())]
    note = f"; {', '.join(users)} built on it and will not load" if users else ""
    return f"{pack_id}: removed{note}"


def set_enabled(pack_id: str, enabled: bool, packs_dir: Path | None = None) -> str:
    """Enable or disable an installed pack (from the next start of the game)."""
    folder = packs_dir or user_packs_dir()
    _installed(folder, pack_id)
    if enabled:
        _enable(folder, pack_id)
    else:
        state = read_state(folder)
        state["disabled"] = sorted(set(state.get("disabled", [])) | {pack_id})
        write_state(folder, state)
    return f"{pack_id}: {'enabled' if enabled else 'disabled'}"


def _enable(folder: Path, pack_id: str) -> None:
    state = read_state(folder)
    if pack_id in state.get("disabled", []):
        state["disabled"] = [p for p in state["disabled"] if p != pack_id]
        write_state(folder, state)


def _installed(folder: Path, pack_id: str) -> Path:
    if pack_id == SHIPPED_ID:
        raise PackError("the shipped content is part of the game: it cannot be removed or disabled "
                        "(choose the audience pack in the operator menu's settings instead)")
    target = folder / pack_id
    if pack_id.startswith(".") or not (target / MANIFEST).is_file():
        names = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
        raise PackError(f"no installed pack '{pack_id}' (installed: {', '.join(names) or 'none'})")
    return target


def export_pack(pack: str | Path, out: Path, sources: ContentSources | None = None) -> tuple[Path, PackStatus]:
    """Write a pack (an id, or a pack folder) as a .zip that ``install_pack`` accepts.

    The pack is checked first; one with errors is not exported (PackError).
    """
    sources = sources or ContentSources()
    path = Path(pack)
    if path.is_dir() and (path / MANIFEST).is_file():
        sources = sources.with_extra(path)
    result = load_library(sources=ContentSources(sources.shipped, sources.installed, sources.extra,
                                                 sources.packs_dir, everything=True))
    if path.is_dir():
        status = next((s for s in result.packs if s.place.root == path), None)
    else:
        status = next((s for s in result.packs if s.id == str(pack) and s.state != "replaced"), None)
    if status is None:
        raise PackError(f"no pack '{pack}' (packs: {', '.join(s.id for s in result.packs)})")
    if status.state not in ("loaded", "disabled"):
        raise PackError(f"{status.id} was not exported: {status.reason}")
    out = Path(out)
    if out.suffix.lower() != ".zip":
        out = out / f"{status.id}-{status.version}.zip" if out.is_dir() else out.with_suffix(".zip")
    out.parent.mkdir(parents=True, exist_ok=True)
    export(status.place.root, out, status.id)
    return out, status
