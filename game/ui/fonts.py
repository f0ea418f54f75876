"""Font loading (per locale) and a pygame-free check of font coverage.

This module must stay importable without pygame: the content validator
imports it only for ``covered_codepoints()`` / ``font_covers()``.  pygame
is imported lazily inside ``FontBook.get``.
"""
from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import ASSETS_DIR

if TYPE_CHECKING:  # pragma: no cover
    import pygame


FONT_DIR = ASSETS_DIR / "fonts"
_REGULAR = FONT_DIR / "NotoSansSC-Regular.otf"
_BOLD = FONT_DIR / "NotoSansSC-Bold.otf"

FACES = ("regular", "bold")

# The single place that decides which file each locale uses for each face.
LOCALE_FONTS: dict[str, dict[str, Path]] = {
    "zh_Hans": {"regular": _REGULAR, "bold": _BOLD},
    "zh_Hant": {"regular": _REGULAR, "bold": _BOLD},
    "en": {"regular": _REGULAR, "bold": _BOLD},
}
DEFAULT_LOCALE = "zh_Hans"

# Characters the text layout handles itself (forced line break), so they
# count as covered although no font maps them to a glyph.
LAYOUT_CODEPOINTS = frozenset({ord("\n")})


def bundled_font_path(bold: bool = False) -> Path:
    """Path of the font file shipped in assets/fonts/."""
    return _BOLD if bold else _REGULAR


def _face(bold: bool) -> str:
    return "bold" if bold else "regular"


# Sized views kept (cheap objects); the font files themselves are opened once per file.
MAX_FONTS = 32


class SizedFont:
    """A font file at one size, used like a ``pygame.font.Font``.

    Every size of a file shares one open ``pygame.font.Font`` (its size is set before each use):
    an open CJK font holds about 1.1 MB of tables, and fitting text to boxes asks for dozens of
    sizes — 32 sizes cost 34 MB as separate Fonts, 1 MB this way. Rendered text is cached by the
    text service, so the size changes (and SDL_ttf's glyph cache flushes) are rare.
    """

    __slots__ = ("_face", "_size")

    def __init__(self, face: pygame.font.Font, size: int):
        self._face = face
        self._size = size

    def _sized(self) -> pygame.font.Font:
        face = self._face
        if face.point_size != self._size:
            face.point_size = self._size
        return face

    @property
    def point_size(self) -> int:
        return self._size

    def size(self, text: str) -> tuple[int, int]:
        return self._sized().size(text)

    def render(self, text: str, antialias: bool, colour, background=None) -> pygame.Surface:
        return self._sized().render(text, antialias, colour, background)

    def get_height(self) -> int:
        return self._sized().get_height()

    def get_linesize(self) -> int:
        return self._sized().get_linesize()

    def get_ascent(self) -> int:
        return self._sized().get_ascent()

    def get_descent(self) -> int:
        return self._sized().get_descent()


class FontBook:
    """Opens each font file once and serves it at any size, for the current locale.

    ``get(size, bold)`` returns a ``SizedFont`` for the current locale; the views of the
    ``MAX_FONTS`` most recently used sizes are kept (a view is cheap: the file is open once).
    """

    def __init__(self, locale: str = DEFAULT_LOCALE,
                 table: dict[str, dict[str, Path]] | None = None) -> None:
        self._table = LOCALE_FONTS if table is None else table
        self._faces: dict[str, pygame.font.Font] = {}
        self._fonts: dict[tuple[str, int], SizedFont] = {}
        self.locale = DEFAULT_LOCALE
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        if locale not in self._table:
            raise KeyError(f"no fonts configured for locale {locale!r}; known: {sorted(self._table)}")
        self.locale = locale

    def path(self, bold: bool = False) -> Path:
        """Font file used for the current locale and face."""
        return Path(self._table[self.locale][_face(bold)])

    def get(self, size: int, bold: bool = False) -> SizedFont:
        import pygame  # lazy: keep the module pygame-free at import time

        size = max(1, int(round(size)))
        path = str(self.path(bold))
        key = (path, size)
        font = self._fonts.pop(key, None)
        if font is None:
            face = self._faces.get(path)
            if face is None:
                if not pygame.font.get_init():
                    pygame.font.init()
                face = self._faces[path] = pygame.font.Font(path, size)
            font = SizedFont(face, size)
            if len(self._fonts) >= MAX_FONTS:
                del self._fonts[next(iter(self._fonts))]     # the least recently used size
        self._fonts[key] = font                              # insertion order = recency
        return font


_default_book: FontBook | None = None


def default_fontbook() -> FontBook:
    """The process-wide FontBook shared by the UI (and by game.ui.text)."""
    global _default_book
    if _default_book is None:
        _default_book = FontBook()
    return _default_book


# --------------------------------------------------------------------------
# Coverage: which code points the font files map to a glyph.

def covered_codepoints(locale: str | None = None) -> frozenset[int]:
    """Code points every face of the bundled font (or of ``locale``'s fonts) can show.

    Read from the fonts' cmap tables (cached); includes LAYOUT_CODEPOINTS.
    """
    if locale is None:
        paths = (bundled_font_path(False), bundled_font_path(True))
    else:
        paths = tuple(LOCALE_FONTS[locale][face] for face in FACES)
    return _covered(tuple(str(p) for p in paths))


@lru_cache(maxsize=None)
def _covered(paths: tuple[str, ...]) -> frozenset[int]:
    sets = [read_cmap(p) for p in paths]
    return frozenset(set.intersection(*map(set, sets))) | LAYOUT_CODEPOINTS


def font_covers(text: str, locale: str | None = None) -> str | None:
    """First character of ``text`` the font cannot show, or None if all are covered."""
    covered = covered_codepoints(locale)
    for ch in text:
        if ord(ch) not in covered:
            return ch
    return None


@lru_cache(maxsize=None)
def read_cmap(path: str | Path) -> frozenset[int]:
    """Unicode code points mapped to a real glyph by the font's cmap (formats 4 and 12).

    The small reader below, always: fontTools (a test extra) reads the same set (tests check it)
    but costs the game about 10 MB and 0.1 s at start when it happens to be installed.
    """
    return read_cmap_struct(path)


def read_cmap_struct(path: str | Path) -> frozenset[int]:
    """Pure-``struct`` cmap reader: union of all Unicode format 4 / 12 subtables."""
    data = Path(path).read_bytes()
    base = 0
    if data[:4] == b"ttcf":  # collection: use the first font
        (base,) = struct.unpack_from(">I", data, 12)
    num_tables = struct.unpack_from(">H", data, base + 4)[0]
    cmap_off = None
    for i in range(num_tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        if tag == b"cmap":
            cmap_off = offset
            break
    if cmap_off is None:
        raise ValueError(f"{path}: no cmap table")

    out: set[int] = set()
    _version, n_sub = struct.unpack_from(">HH", data, cmap_off)
    seen: set[int] = set()
    for i in range(n_sub):
        platform, encoding, sub_off = struct.unpack_from(">HHI", data, cmap_off + 4 + 8 * i)
        unicode = platform == 0 or (platform == 3 and encoding in (1, 10))
        pos = cmap_off + sub_off
        if not unicode or pos in seen:  # subtables may be shared between records
            continue
        seen.add(pos)
        fmt = struct.unpack_from(">H", data, pos)[0]
        if fmt == 4:
            out |= _cmap_format4(data, pos)
        elif fmt == 12:
            out |= _cmap_format12(data, pos)
    return frozenset(out)


def _cmap_format4(data: bytes, pos: int) -> set[int]:
    seg_count = struct.unpack_from(">H", data, pos + 6)[0] // 2
    ends_at = pos + 14
    starts_at = ends_at + 2 * seg_count + 2  # +2 skips reservedPad
    deltas_at = starts_at + 2 * seg_count
    ranges_at = deltas_at + 2 * seg_count
    ends = struct.unpack_from(f">{seg_count}H", data, ends_at)
    starts = struct.unpack_from(f">{seg_count}H", data, starts_at)
    deltas = struct.unpack_from(f">{seg_count}H", data, deltas_at)
    range_offsets = struct.unpack_from(f">{seg_count}H", data, ranges_at)
    out: set[int] = set()
    for seg in range(seg_count):
        start, end, delta, ro = starts[seg], ends[seg], deltas[seg], range_offsets[seg]
        if start == 0xFFFF:  # terminating segment
            continue
        for cp in range(start, end + 1):
            if ro == 0:
                glyph = (cp + delta) & 0xFFFF
            else:
                # idRangeOffset is relative to its own position in the array.
                at = ranges_at + 2 * seg + ro + 2 * (cp - start)
                glyph = struct.unpack_from(">H", data, at)[0]
                if glyph:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph:
                out.add(cp)
    return out


def _cmap_format12(data: bytes, pos: int) -> set[int]:
    n_groups = struct.unpack_from(">I", data, pos + 12)[0]
    out: set[int] = set()
    for i in range(n_groups):
        start, end, glyph = struct.unpack_from(">III", data, pos + 16 + 12 * i)
        if glyph == 0:  # the first code point maps to .notdef
            start += 1
        out.update(range(start, end + 1))
    return out
