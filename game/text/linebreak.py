"""Line breaking for Chinese and mixed text (pure Python; ``measure`` gives a string's width).

``break_lines(text, measure, max_width)`` is the one line breaker of the game: screens, buttons,
captions, tiles and the simulated phone all use it (through ``game.ui.text``).

Where a line may break:

* between two Chinese words, never inside one (``segment.inner_offsets``: jieba's words for the
  shipped texts; text the word table does not know breaks between any two characters);
* never inside quoted text (「养生讲座」) or a tile's scam keyword when it fits on one line
  (``segment.kept_spans``); one wider than the line breaks between its words;
* at spaces, and between Chinese and other text; Latin words, numbers and URLs ("96110",
  "¥5,000", "+00 852 1234", "https://…") stay whole, and so do "第 3 组" and "5 元" (a number
  keeps the 第 before it and the counting word after it);
* kinsoku (禁则): no line starts with closing punctuation (NO_START) or ends with opening
  punctuation (NO_END): the character before is pulled down, or if nothing can be, the
  punctuation hangs past the width;
* a word wider than the whole line is split: a number from its 第 or counting word, else at its own
  spaces, else between its shorter words (抢│红包), else by character.

Lines are balanced: a paragraph that needs N lines is set on N lines of about equal width (the
narrowest width at which it still takes N lines, as CSS ``text-wrap: balance``), so no box is
left a third empty and no line holds a lonely last character; paragraphs of more than
``BALANCE_MAX_LINES`` lines balance only their last two lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from .segment import HAN_FIRST, HAN_LAST, inner_offsets, kept_spans, parts

# Kinsoku rules: never at the start / end of a line.
NO_START = frozenset("，。！？、；：）」』》”’…·%)]},.!?:;" "】〕〗〙〉｝］％．｡､‥〞～")
NO_END = frozenset("（「『《“‘([{" "【〔〖〘〈｛［〝" "¥￥")

BALANCE_MAX_LINES = 6

# Ranges whose characters are each a break unit (break allowed before and after, subject to words
# and kinsoku). Everything else that is not a space glues into "words": Latin words, numbers,
# ¥5,000, URLs, “…”, ——, ①, etc.
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

# A number keeps "第" before it and a counting word or unit after it, spaces between included:
# "第 3 组", "第12名", "5 元", "3 万", "2 个", "10 秒".
_ORDINAL = r"第 *(?=\d)"
_COUNTED = (r"(?<=\d) *[元组組格万萬千百亿億点點个個人位号號分秒名次块塊步天页頁场場队隊题題类類岁歲"
            r"年月日周週时時条條张張件台倍层層楼樓轮輪局关關级級份种種只隻家部本篇段句字斤米克角毛]")


@lru_cache(maxsize=1)
def _number_regexes() -> tuple[re.Pattern, re.Pattern]:
    return re.compile(_ORDINAL), re.compile(_COUNTED)     # compiled on first use, not at start-up


def is_cjk(ch: str) -> bool:
    """True for characters that are break units on their own (ideographs etc.)."""
    cp = ord(ch)
    i = bisect_right(_CJK_STARTS, cp) - 1
    return i >= 0 and cp <= _CJK_RANGES[i][1]


def _glued(p: str) -> set[int]:
    """Offsets where a number's 第 or counting word must not be parted from it."""
    out: set[int] = set()
    ordinal, counted = _number_regexes()
    for m in ordinal.finditer(p):
        out.update(range(m.start() + 1, m.end() + 1))
    for m in counted.finditer(p):
        out.update(range(m.start(), m.end()))
    return out


def _to_word_ends(span: tuple[int, int], inside: frozenset[int]) -> tuple[int, int]:
    """``span`` grown to whole words: a keyword that ends inside a word (AI换脸 in AI换脸能…, where
    jieba's word is 脸能) is kept with that word, never parted from its other half."""
    s, e = span
    while s in inside:
        s -= 1
    while e in inside:
        e += 1
    return s, e


Held = tuple[tuple[int, int, tuple[int, ...]], ...]   # (start, end, the breaks held inside) per kept span


@lru_cache(maxsize=256)
def break_opportunities(p: str) -> tuple[tuple[int, ...], tuple[int, ...], Held]:
    """Offsets in paragraph ``p`` where a new line may start (ascending, ends with len(p)); the
    offsets kept whole only to keep a number with its 第 or counting word (where a number too wide
    for the line with them is parted from them first); and the spans kept on one line where they fit
    (quoted text, scam keywords: ``segment.kept_spans``) with the breaks they hold back, each
    held by the innermost span around it.

    Cached: fitting a text to a box breaks it at many sizes and widths (the paragraph is the key,
    so the cache holds a paragraph's words once, whatever the font); 256 paragraphs are a few
    screens' worth.

    A line may start before a non-space character that follows a space (except a space between
    two digits: "+00 852 1234" stays whole) or that is next to a CJK character (except inside a
    word), or after a hyphen between letters. Lines never start with a space.
    """
    cjk = [is_cjk(ch) for ch in p]
    inside = inner_offsets(p) if any(cjk) else frozenset()
    glued = _glued(p) if any(ch.isdigit() for ch in p) else ()
    spans = sorted({_to_word_ends(se, inside) for se in kept_spans(p)}, key=lambda se: se[1] - se[0]) if any(cjk) else []
    held: dict[tuple[int, int], list[int]] = {}
    out: list[int] = []
    numbers: list[int] = []
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
        elif cjk[i] or cjk[i - 1]:
            if i in inside:
                continue
        elif not (prev == "-" and i >= 2 and p[i - 2].isalpha() and ch.isalpha()):
            continue      # inside a Latin word or number; a line may start after the hyphen of "house-for-pension"
        if i in glued:
            numbers.append(i)
            continue
        span = next((se for se in spans if se[0] < i < se[1]), None)
        (held.setdefault(span, []) if span else out).append(i)
    out.append(n)
    return tuple(out), tuple(numbers), tuple((s, e, tuple(b)) for (s, e), b in sorted(held.items()))


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


class _Paragraph:
    """One paragraph, its break offsets and the widths measured so far (shared by every try)."""

    def __init__(self, p: str, measure: Callable[[str], int]):
        self.p, self.n = p, len(p)
        self.breaks, self.numbers, self.held = break_opportunities(p)
        self._measure = measure
        self._widths: dict[tuple[int, int], float] = {}

    def breaks_at(self, max_width: float) -> tuple[int, ...]:
        """The break offsets for lines ``max_width`` wide: a kept span wider than that gives its breaks back."""
        given = [b for s, e, inner in self.held if self.width(s, e) > max_width for b in inner]
        return tuple(sorted(self.breaks + tuple(given))) if given else self.breaks

    def width(self, s: int, e: int) -> float:
        key = (s, e)
        w = self._widths.get(key)
        if w is None:
            line = self.p[s:e].rstrip(" ")
            w = self._widths[key] = self._measure(line) if line else 0
        return w

    def pieces(self, s: int, e: int) -> list[int]:
        """Offsets between the shorter words of the Chinese word p[s:e] (none for other text)."""
        chunk = self.p[s:e]
        if len(chunk) < 2 or not all(HAN_FIRST <= ch <= HAN_LAST for ch in chunk):
            return []
        out, i = [], s
        for length in parts(chunk)[:-1]:
            i += length
            out.append(i)
        return [i for i in out if self.p[i] not in NO_START]

    def kinsoku_ok(self, s: int, e: int) -> bool:
        if e >= self.n:
            return True
        line = self.p[s:e].rstrip(" ")
        return self.p[e] not in NO_START and (not line or line[-1] not in NO_END)

    def greedy(self, max_width: float, start: int = 0,
               breaks: tuple[int, ...] | None = None) -> tuple[list[tuple[int, int]], list[int], float]:
        """Fill each line as far as it goes from ``start``: (line spans, how many chunks too wide for
        the line were split [from their number, at a space, by character], widest hanging line).
        ``breaks``: the offsets to break at (by default ``breaks_at(max_width)``)."""
        p, n = self.p, self.n
        breaks = self.breaks_at(max_width) if breaks is None else breaks
        spans: list[tuple[int, int]] = []
        split = [0, 0, 0]
        hanging = 0.0
        s = start
        while s < n:
            first = bisect_right(breaks, s)          # candidates: breaks[first:]
            k = _last_true(len(breaks) - first, lambda i: self.width(s, breaks[first + i]) <= max_width)
            if k < 0:
                # Even the first unbreakable chunk is too wide.  Part a number from its 第 or counting
                # word (or a kept span between its words), else split the chunk at one of its own spaces
                # ("+00 852 1234"), else by character.
                end = breaks[first]
                # a kept span fits but not with the punctuation it holds on to ("“ETC认证" in 3.5 em): its words part
                numbers = [i for i in self.numbers if s < i < end] or [
                    i for _s, _e, held in self.held for i in held if s < i < end and self.kinsoku_ok(s, i)]
                spaces = [i for i in range(s + 1, end) if p[i - 1] == " " and p[i] != " "]
                j = _last_true(len(numbers), lambda i: self.width(s, numbers[i]) <= max_width)
                k = _last_true(len(spaces), lambda i: self.width(s, spaces[i]) <= max_width)
                if j >= 0:
                    e = numbers[j]
                    split[0] += 1
                elif k >= 0:
                    e = spaces[k]
                    split[1] += 1
                else:
                    split[2] += 1
                    pieces = self.pieces(s, end)
                    j = _last_true(len(pieces), lambda i: self.width(s, pieces[i]) <= max_width)
                    if j >= 0:
                        e = pieces[j]                # between the shorter words of a long one: 抢│红包
                    else:
                        m = _last_true(end - s, lambda i: self.width(s, s + 1 + i) <= max_width)
                        e = s + 1 + max(m, 0)        # at least one character per line
                        if e < end and p[e] in NO_START and e - 1 > s:
                            e -= 1                   # small courtesy inside a long word
            else:
                idx = first + k
                e = breaks[idx]
                if not self.kinsoku_ok(s, e):
                    # Pull characters down to the next line: try earlier breaks...
                    earlier = (breaks[j] for j in range(idx - 1, first - 1, -1))
                    e = next((b for b in earlier if self.kinsoku_ok(s, b)), None)
                    if e is None:
                        # ...else hang the punctuation: take a later break (slight overflow).
                        later = (breaks[j] for j in range(idx + 1, len(breaks)))
                        e = next((b for b in later if self.kinsoku_ok(s, b)), n)
                        hanging = max(hanging, self.width(s, e))
            spans.append((s, e))
            s = e
            while s < n and p[s] == " ":             # only after a forced split
                s += 1
        return spans, split, hanging

    def balanced(self, max_width: float) -> list[tuple[int, int]]:
        # Narrower trials keep the breaks of the full width: a keyword that fits the box stays whole.
        breaks = self.breaks_at(max_width)
        spans, split, hanging = self.greedy(max_width, 0, breaks)
        if len(spans) < 2:
            return spans
        keep = spans[:-2] if len(spans) > BALANCE_MAX_LINES else []
        start = spans[len(keep)][0]
        tail = spans[len(keep):]
        count = len(tail)
        # The narrowest width that still sets the tail on as many lines, splitting no more words and
        # hanging punctuation no further than the full width did.
        widest = max(self.width(s, e) for s, e in tail)
        lo = self.width(start, self.n) / count
        hi = widest
        allowed_hang = max(max_width, hanging)
        close_enough = max(1.0, max_width / 64)     # a line narrower by this much would look no different
        while hi - lo >= close_enough:
            mid = (lo + hi) / 2
            trial, trial_split, trial_hanging = self.greedy(mid, start, breaks)
            if (len(trial) == count and all(a <= b for a, b in zip(trial_split, split))
                    and trial_hanging <= allowed_hang):
                tail = trial
                hi = min(mid, max(self.width(s, e) for s, e in trial))
            else:
                lo = mid
        return keep + tail


def _wrap_paragraph(p: str, measure: Callable[[str], int], max_width: float) -> list[str]:
    whole = p.rstrip(" ")
    width = measure(whole) if whole else 0
    if width <= max_width:
        return [whole]
    para = _Paragraph(p, measure)
    para._widths[0, len(p)] = width
    return [p[s:e].rstrip(" ") for s, e in para.balanced(max_width)]


def break_lines(text: str, measure: Callable[[str], int], max_width: float | None) -> list[str]:
    """Split ``text`` into lines no wider than ``max_width`` (as measured by ``measure``).

    * breaks fall between words (see the module's docstring); a word wider than the line is split;
    * spaces at line ends are dropped;
    * kinsoku: lines never start with NO_START or end with NO_END characters
      (the previous character is pulled down; if impossible, the punctuation
      hangs past ``max_width``);
    * lines are balanced (a paragraph needing N lines uses N lines of about equal width);
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
