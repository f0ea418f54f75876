"""Line breaking for Chinese / mixed text, cached text surfaces, fit-to-box.

* ``break_lines(text, measure, max_width)`` - pure line breaking (no pygame).
* ``TextCache`` - renders multi-line text to Surfaces, cached across frames.
* ``fit_text(...)`` - largest font size whose wrapped text fits a box.
"""
from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.ui.fonts import FontBook, default_fontbook

if TYPE_CHECKING:  # pragma: no cover
    import pygame

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------
# Line breaking

# Kinsoku rules: never at the start / end of a line.
NO_START = frozenset("，。！？、；：）」』》”’…·%)]},.!?:;" "】〕〗〙〉｝］％．｡､‥〞")
NO_END = frozenset("（「『《“‘([{" "【〔〖〘〈｛［〝")

# Ranges whose characters are each a break unit (break allowed before and
# after, subject to kinsoku).  Everything else that is not a space glues
# into "words": Latin words, numbers, ¥5,000, URLs, “…”, ——, ①, etc.
_CJK_RANGES = (
    (0x1100, 0x11FF),    # Hangul Jamo
    (0x2E80, 0x2FFF),    # CJK radicals, Kangxi radicals, description chars
    (0x3000, 0x303F),    # CJK symbols and punctuation (、。「」《》【】, U+3000)
    (0x3040, 0x33FF),    # kana, bopomofo, Hangul compat, enclosed CJK, CJK compat
    (0x3400, 0x4DBF),    # CJK ext A
    (0x4E00, 0x9FFF),    # CJK unified ideographs
    (0xA960, 0xA97F),    # Hangul Jamo ext A
    (0xAC00, 0xD7FF),    # Hangul syllables
    (0xF900, 0xFAFF),    # CJK compatibility ideographs
    (0xFE10, 0xFE1F),    # vertical forms
    (0xFE30, 0xFE6F),    # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),    # full-width and half-width forms (，！？（）)
    (0x20000, 0x3FFFF),  # CJK ext B and beyond
)
_CJK_STARTS = [lo for lo, _ in _CJK_RANGES]


def is_cjk(ch: str) -> bool:
    """True for characters that are break units on their own (ideographs etc.)."""
    cp = ord(ch)
    i = bisect_right(_CJK_STARTS, cp) - 1
    return i >= 0 and cp <= _CJK_RANGES[i][1]


def _break_offsets(p: str) -> list[int]:
    """Offsets in paragraph ``p`` where a new line may start (ascending, ends with len(p)).

    A line may start before a non-space character that follows a space
    (except a space between two digits: "+852 6012 1234" stays whole) or that
    is next to a CJK character, or after a hyphen between letters.
    Lines never start with a space.
    """
    out = []
    n = len(p)
    for i in range(1, n):
        ch, prev = p[i], p[i - 1]
        if ch == " ":
            continue
        if prev == " ":
            j = i - 1
            while j > 0 and p[j] == " ":
                j -= 1
            if p[j] != " " and p[j].isdigit() and ch.isdigit():
                continue  # digit groups of one number
            out.append(i)
        elif is_cjk(ch) or is_cjk(prev):
            out.append(i)
        elif prev == "-" and i >= 2 and p[i - 2].isalpha() and ch.isalpha():
            out.append(i)  # after the hyphen of "house-for-pension"
    out.append(n)
    return out


def _last_true(count: int, pred: Callable[[int], bool]) -> int:
    """Largest i in [0, count) with pred(i), assuming pred is True...True False...False.

    Galloping then binary search, so the strings measured stay close to the
    length of one line.  Returns -1 if pred(0) is False.
    """
    if count == 0 or not pred(0):
        return -1
    good, step = 0, 1
    while True:
        probe = good + step
        if probe >= count:
            bad = count
            break
        if not pred(probe):
            bad = probe
            break
        good, step = probe, step * 2
    while bad - good > 1:
        mid = (good + bad) // 2
        if pred(mid):
            good = mid
        else:
            bad = mid
    return good


def _wrap_paragraph(p: str, measure: Callable[[str], int], max_width: float) -> list[str]:
    breaks = _break_offsets(p)
    n = len(p)
    lines: list[str] = []

    def fits(s: int, e: int) -> bool:
        line = p[s:e].rstrip(" ")
        return not line or measure(line) <= max_width

    def kinsoku_ok(s: int, e: int) -> bool:
        if e >= n:
            return True
        line = p[s:e].rstrip(" ")
        return p[e] not in NO_START and (not line or line[-1] not in NO_END)

    s = 0
    while s < n:
        first = bisect_right(breaks, s)          # candidates: breaks[first:]
        k = _last_true(len(breaks) - first, lambda i: fits(s, breaks[first + i]))
        if k < 0:
            # Even the first unbreakable chunk is too wide.  Split it at one of its
            # own spaces ("+852 6012 1234") if possible, else by character.
            end = breaks[first]
            spaces = [i for i in range(s + 1, end) if p[i - 1] == " " and p[i] != " "]
            j = _last_true(len(spaces), lambda i: fits(s, spaces[i]))
            if j >= 0:
                e = spaces[j]
            else:
                m = _last_true(end - s, lambda i: fits(s, s + 1 + i))
                e = s + 1 + max(m, 0)            # at least one character per line
                if e < end and p[e] in NO_START and e - 1 > s:
                    e -= 1                       # small courtesy inside a long word
        else:
            idx = first + k
            e = breaks[idx]
            if not kinsoku_ok(s, e):
                # Pull characters down to the next line: try earlier breaks...
                earlier = (breaks[j] for j in range(idx - 1, first - 1, -1))
                later = (breaks[j] for j in range(idx + 1, len(breaks)))
                e = next((b for b in earlier if kinsoku_ok(s, b)), None)
                if e is None:
                    # ...else hang the punctuation: take a later break (slight overflow).
                    e = next((b for b in later if kinsoku_ok(s, b)), n)
        lines.append(p[s:e].rstrip(" "))
        s = e
        while s < n and p[s] == " ":             # only after a forced split
            s += 1
    return lines


def break_lines(text: str, measure: Callable[[str], int], max_width: float | None) -> list[str]:
    """Split ``text`` into lines no wider than ``max_width`` (as measured by ``measure``).

    * a break is allowed between any two CJK characters and at spaces;
      Latin words and numbers ("96110", "¥5,000", "+852 6012 1234", URLs)
      stay whole unless one alone is wider than the line (then split by char);
    * spaces at line ends are dropped;
    * kinsoku: lines never start with NO_START or end with NO_END characters
      (the previous character is pulled down; if impossible, the punctuation
      hangs past ``max_width``);
    * "\\n" forces a break (empty lines are kept); "" gives [].
    ``max_width=None`` only splits at "\\n".
    """
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for para in text.split("\n"):
        if max_width is None:
            lines.append(para.rstrip(" "))
        elif para:
            lines.extend(_wrap_paragraph(para, measure, max_width))
        else:
            lines.append("")
    return lines


def wrap_text(text: str, font: pygame.font.Font, max_width: float | None) -> list[str]:
    """``break_lines`` measured with a pygame Font."""
    return break_lines(text, lambda s: font.size(s)[0], max_width)


# --------------------------------------------------------------------------
# Block metrics shared by rendering and fit_text

def line_step(font: pygame.font.Font, line_spacing: float) -> int:
    """Vertical distance between the tops of consecutive lines."""
    return max(1, round(font.get_linesize() * line_spacing))


def block_height(font: pygame.font.Font, n_lines: int, line_spacing: float) -> int:
    """Pixel height of ``n_lines`` lines (an empty block is one line high)."""
    return line_step(font, line_spacing) * (max(n_lines, 1) - 1) + font.get_height()


# --------------------------------------------------------------------------
# Cached rendering

_ALIGNS = ("left", "center", "right")


class TextCache:
    """Renders text to transparent, anti-aliased Surfaces and caches them.

    Entries live in two generations.  Call ``new_generation()`` once per
    frame (or per group of frames): entries not used since the previous
    call are dropped.  ``max_entries`` / ``max_pixels`` are hard caps; the
    least recently used entries (previous generation first) go first.

    Returned Surfaces are shared: blit them, never draw on them.
    """

    def __init__(self, fonts: FontBook | None = None, *,
                 max_entries: int = 512, max_pixels: int = 8_000_000) -> None:
        self.fonts = fonts or default_fontbook()
        self.max_entries = max_entries
        self.max_pixels = max_pixels
        self._current: dict[tuple, pygame.Surface] = {}   # insertion order = LRU order
        self._previous: dict[tuple, pygame.Surface] = {}
        self.pixels = 0
        self.renders = 0   # statistics, handy in tests and benchmarks
        self.hits = 0

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)

    def render(self, text: str, size: int, *, bold: bool = False,
               colour=(255, 255, 255), max_width: int | None = None,
               align: str = "left", line_spacing: float = 1.0) -> pygame.Surface:
        """Surface with ``text`` wrapped to ``max_width`` (None: only at "\\n").

        The Surface is as wide as the widest line; ``align`` places the lines
        relative to each other ("left", "center"/"centre", "right").
        """
        import pygame

        align = "center" if align == "centre" else align
        if align not in _ALIGNS:
            raise ValueError(f"align must be one of {_ALIGNS}, not {align!r}")
        colour = tuple(pygame.Color(colour))
        key = (text, int(size), bool(bold), colour, max_width, align, float(line_spacing),
               str(self.fonts.path(bold)))
        surf = self._current.pop(key, None)
        if surf is None:
            surf = self._previous.pop(key, None)
        if surf is not None:
            self.hits += 1
            self._current[key] = surf                      # most recently used
            return surf

        surf = self._render(text, self.fonts.get(size, bold), colour, max_width, align, line_spacing)
        self.renders += 1
        self._current[key] = surf
        self.pixels += surf.get_width() * surf.get_height()
        self._enforce_caps()
        return surf

    def new_generation(self) -> None:
        """Start a new frame group; drop entries unused during the last two groups."""
        for surf in self._previous.values():
            self.pixels -= surf.get_width() * surf.get_height()
        self._previous = self._current
        self._current = {}

    def clear(self) -> None:
        self._current.clear()
        self._previous.clear()
        self.pixels = 0

    def _enforce_caps(self) -> None:
        # Oldest first: previous generation, then current (never the entry just added).
        while len(self) > 1 and (len(self) > self.max_entries or self.pixels > self.max_pixels):
            gen = self._previous if self._previous else self._current
            key = next(iter(gen))
            surf = gen.pop(key)
            self.pixels -= surf.get_width() * surf.get_height()

    @staticmethod
    def _render(text: str, font: pygame.font.Font, colour: tuple, max_width: int | None,
                align: str, line_spacing: float) -> pygame.Surface:
        import pygame

        lines = wrap_text(text, font, max_width)
        rendered = [font.render(line, True, colour) if line else None for line in lines]
        width = max((r.get_width() for r in rendered if r is not None), default=0)
        surf = pygame.Surface((width, block_height(font, len(lines), line_spacing)), pygame.SRCALPHA)
        # Transparent pixels carry the text colour so blended edges don't go dark.
        surf.fill((*colour[:3], 0))
        step = line_step(font, line_spacing)
        for i, r in enumerate(rendered):
            if r is None:
                continue
            x = {"left": 0, "center": (width - r.get_width()) // 2, "right": width - r.get_width()}[align]
            surf.blit(r, (x, i * step))
        return surf


# --------------------------------------------------------------------------
# Fit to box

@dataclass(frozen=True)
class FitResult:
    """Unpacks as ``lines, size = fit_text(...)``; ``fits`` is False when even
    ``min_size`` overflows the box."""
    lines: list[str]
    size: int
    fits: bool = True

    def __iter__(self):
        return iter((self.lines, self.size))


def fit_text(text: str, box_w: int, box_h: int, max_size: int, min_size: int, *,
             bold: bool = False, line_spacing: float = 1.0,
             fonts: FontBook | None = None) -> FitResult:
    """Largest size in [min_size, max_size] whose wrapped text fits box_w x box_h.

    Returns a FitResult (unpacks as ``lines, size``); render with
    ``TextCache.render(text, size, max_width=box_w, ...)`` to get exactly
    these lines.  If even ``min_size`` does not fit, that size is returned
    with ``fits=False`` and a warning is logged.
    Results are cached (per font files), so calling it every frame is cheap.
    """
    fonts = fonts or default_fontbook()
    lines, size, fits = _fit_cached(text, box_w, box_h, max_size, min_size, bold, float(line_spacing),
                                    str(fonts.path(bold)), fonts)
    return FitResult(list(lines), size, fits)


@lru_cache(maxsize=1024)
def _fit_cached(text, box_w, box_h, max_size, min_size, bold, line_spacing, _path, fonts):
    def layout(size: int) -> tuple[list[str], bool]:
        font = fonts.get(size, bold)
        lines = wrap_text(text, font, box_w)
        ok = (block_height(font, len(lines), line_spacing) <= box_h
              and all(font.size(line)[0] <= box_w for line in lines))
        return lines, ok

    # Most texts fit at their largest size: one font to load instead of a search's five or six.
    lines, ok = layout(max_size)
    if ok:
        return tuple(lines), max_size, True
    # Binary search over sizes (fit is monotone in size, up to rounding).
    lo, hi = min_size, max_size - 1
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        lines, ok = layout(mid)
        if ok:
            best, lo = (tuple(lines), mid, True), mid + 1
        else:
            hi = mid - 1
    if best is None:
        log.warning("text does not fit %dx%d even at size %d: %r", box_w, box_h, min_size, text[:40])
        best = (tuple(layout(min_size)[0]), min_size, False)
    return best
