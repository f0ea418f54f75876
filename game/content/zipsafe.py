"""Unpacking a content pack's ``.zip`` without trusting it.

A zip from a USB stick may name files like ``../../Startup/x.bat`` or ``C:\\Windows\\…``, hold links,
or expand a few kilobytes into gigabytes. Every entry is checked before anything is written; one bad
entry refuses the whole zip. A zip holds one pack: ``pack.yaml`` at its top, or in its one top folder
(``python -m game pack export`` writes the second form).
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

from .files import MANIFEST

MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 1024 * 1024 * 1024     # recorded voice can be large; a pack never needs more
MAX_RATIO = 300                           # uncompressed / compressed: beyond it, a zip bomb
_CHUNK = 1024 * 1024
_BAD_NAME = re.compile(r"[\x00-\x1f\x7f]")


class ZipRefused(Exception):
    """The zip is not a pack that can be unpacked safely; the message says why, for the operator."""


def _parts(info: zipfile.ZipInfo) -> tuple[str, ...]:
    name = info.filename
    if _BAD_NAME.search(name):
        raise ZipRefused(f"the zip holds an entry with a control character in its name ({name!r}): refused")
    unified = name.replace("\\", "/")
    if unified.startswith("/") or re.match(r"^[A-Za-z]:", unified):
        raise ZipRefused(f"the zip holds an entry with an absolute path ('{name}'), which leads outside "
                         f"its folder: refused")
    parts = tuple(p for p in PurePosixPath(unified).parts if p not in ("", "."))
    if ".." in parts:
        raise ZipRefused(f"the zip holds an entry '{name}' that leads outside its folder ('..'): refused")
    return parts


def check(zf: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, tuple[str, ...]]]:
    """Every entry with its path parts, or ZipRefused naming the first bad one."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ZipRefused(f"the zip holds {len(infos):,} entries; a pack holds at most {MAX_ENTRIES:,}")
    total = 0
    out = []
    for info in infos:
        parts = _parts(info)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ZipRefused(f"the zip holds a link ('{info.filename}'): refused; a pack holds plain files only")
        if info.flag_bits & 0x1:
            raise ZipRefused(f"the zip is encrypted ('{info.filename}'): make it without a password")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ZipRefused(f"the zip unpacks to more than {MAX_TOTAL_BYTES // 1024 ** 2:,} MB: refused")
        if info.compress_size and info.file_size > 1024 * 1024 and info.file_size / info.compress_size > MAX_RATIO:
            raise ZipRefused(f"the entry '{info.filename}' would grow {info.file_size // info.compress_size}-fold "
                             f"when unpacked (a zip bomb?): refused")
        if parts:
            out.append((info, parts))
    return out


def unpack(zip_path: Path, dest: Path) -> Path:
    """Unpack ``zip_path`` into the empty folder ``dest``; returns the folder holding ``pack.yaml``."""
    try:
        zf = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile:
        raise ZipRefused(f"'{zip_path.name}' is not a zip file (or it is damaged)") from None
    with zf:
        entries = check(zf)
        written = 0
        for info, parts in entries:
            target = dest.joinpath(*parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "xb") as out:
                while True:
                    chunk = src.read(_CHUNK)
                    if not chunk:
                        break
                    written += len(chunk)
                    if written > MAX_TOTAL_BYTES:   # the sizes in the directory may lie
                        raise ZipRefused(f"the zip unpacks to more than {MAX_TOTAL_BYTES // 1024 ** 2:,} MB: refused")
                    out.write(chunk)
    return pack_root(dest, zip_path.name)


def pack_root(folder: Path, name: str) -> Path:
    """``folder`` or its one sub-folder, whichever holds ``pack.yaml``."""
    if (folder / MANIFEST).is_file():
        return folder
    subs = [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("__MACOSX", "."))]
    if len(subs) == 1 and (subs[0] / MANIFEST).is_file():
        return subs[0]
    raise ZipRefused(f"'{name}' holds no {MANIFEST} (at its top or in its one top folder): it is not a content pack")


def export(root: Path, out: Path, top: str) -> int:
    """Write the pack folder ``root`` as ``out`` with every file under ``top/``; returns the file count.

    Written to a temporary name first and renamed, so a half-written zip never looks finished.
    """
    files = sorted(p for p in root.rglob("*") if p.is_file() and not _left_out(p.relative_to(root)))
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in files:
            zf.write(file, f"{top}/{file.relative_to(root).as_posix()}")
    tmp.replace(out)
    return len(files)


def _left_out(relative: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts) or \
        relative.suffix in (".mo", ".pyc", ".part")


def copy_folder(source: Path, dest: Path) -> None:
    """Copy a pack folder; a link inside it that leads outside is refused, not followed."""
    root = source.resolve()
    for path in sorted(source.rglob("*")):
        if path.is_symlink():
            target = path.resolve()
            if target != root and root not in target.parents:
                raise ZipRefused(f"'{path}' is a link leading outside the pack folder: refused; copy the file in")
    shutil.copytree(source, dest, symlinks=False, ignore=shutil.ignore_patterns(".*", "__pycache__", "*.mo"))
