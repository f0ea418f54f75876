"""Helpers for the content pack tests."""

import zipfile
from pathlib import Path

HERE = Path(__file__).parent
SAMPLE = HERE / "qingshan"


def zip_folder(folder: Path, out: Path, top: str | None = None) -> Path:
    """``folder`` as a zip, every file under ``top/`` (``""``: at the zip's top)."""
    top = folder.name if top is None else top
    with zipfile.ZipFile(out, "w") as zf:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                name = file.relative_to(folder).as_posix()
                zf.write(file, f"{top}/{name}" if top else name)
    return out


def set_field(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)
