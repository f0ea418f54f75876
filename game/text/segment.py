"""Chinese word segmentation for line breaking, from the shipped word table.

The game cuts Chinese text into words the way jieba (the usual Chinese segmenter) does, but with
``words.json`` and ``hmm.json`` beside this module instead of jieba's 350,000-word dictionary:
``tools/build_wordlist.py`` runs jieba over every shipped text and keeps only the part of its
dictionary and of its HMM that those texts use. jieba cuts in two passes, and so does ``cut``:

1. the most probable cover of a run by dictionary words (a word's probability is its frequency
   over the dictionary's total; a character alone is always allowed);
2. each stretch of characters that pass left one by one is cut again by a hidden Markov model that
   tags every character as the Beginning, Middle or End of a word or a Single-character word.

On the shipped texts this gives jieba's words; text the table does not know (a local content
pack) mostly comes out as single characters, which may break anywhere (with kinsoku).

Line breaking uses ``inner_offsets(text)`` (the positions inside words), ``kept_spans(text)`` (quoted
text and scam keywords, kept on one line where they fit) and ``parts(word)`` (where a word too wide
for its line splits best); ``words(text)`` shows the cut.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from functools import lru_cache
from math import log
from pathlib import Path

logger = logging.getLogger(__name__)

TABLE_PATH = Path(__file__).with_name("words.json")    # pass 1: dictionary words and frequencies
HMM_PATH = Path(__file__).with_name("hmm.json")         # pass 2: read only when a text needs it

# The characters jieba cuts into words (its default "Han" block); anything else (punctuation,
# spaces, other scripts) separates the runs that are cut.
HAN_FIRST, HAN_LAST = "\u4E00", "\u9FD5"
RUN_PATTERN = "[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]+"

IMPOSSIBLE = -3.14e100   # log-probability of what the model never saw
STATES = "BEMS"          # the order of a character's emission log-probabilities in hmm.json


class WordTable:
    """The two passes' data, used as read from the files (nothing is converted on loading: start-up):
    ``freq`` (dictionary words' frequencies of ``total``) and the HMM's log-probabilities ``start``,
    ``trans`` and, per character, ``emit`` (in ``STATES`` order; None: never seen in that state).
    ``hmm`` may be a function that reads them, called the first time a text needs the HMM."""

    __slots__ = ("freq", "logtotal", "max_len", "_hmm", "start", "trans", "emit", "keep", "_keep_regex")

    def __init__(self, words: dict[str, int], total: int, hmm: dict | Callable[[], dict] | None = None,
                 keep: tuple[str, ...] | list[str] = ()):
        self.freq = words
        self.logtotal = log(total)
        self.max_len = max(map(len, words), default=1)
        self._hmm = hmm
        self.emit: dict[str, list[float | None]] | None = None
        self.keep = tuple(keep)        # phrases kept on one line where they fit (the tiles' scam keywords)
        self._keep_regex: re.Pattern | None = None

    @classmethod
    def parse(cls, data: str | bytes, hmm: dict | Callable[[], dict] | None = None) -> "WordTable":
        doc = json.loads(data) if data.strip() else {}
        return cls(doc.get("words", {}), doc.get("total") or 1, hmm, doc.get("keep", ()))

    def kept_phrases(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each phrase of ``keep`` in ``text`` (the longest where two start together)."""
        if not self.keep:
            return []
        if self._keep_regex is None:
            by_length = sorted(self.keep, key=len, reverse=True)
            self._keep_regex = re.compile("|".join(map(re.escape, by_length)))
        return [m.span() for m in self._keep_regex.finditer(text)]

    def _read_hmm(self) -> None:
        hmm = (self._hmm() if callable(self._hmm) else self._hmm) or {}
        self.start = {s: hmm.get("start", {}).get(s, IMPOSSIBLE) for s in STATES}
        self.trans = {(a, b): hmm.get("trans", {}).get(a, {}).get(b, IMPOSSIBLE) for a in STATES for b in STATES}
        self.emit = hmm.get("emit", {})

    def cut(self, run: str) -> list[int]:
        """Lengths of the words of ``run`` (a stretch without spaces or punctuation), in order."""
        lengths: list[int] = []
        stretch = 0        # single Chinese characters just passed, still to be cut by the HMM
        pos = 0
        for length in self._dictionary_cut(run):
            if length == 1 and HAN_FIRST <= run[pos] <= HAN_LAST:
                stretch += 1
            else:
                if stretch:
                    lengths += self._hmm_cut(run[pos - stretch:pos])
                    stretch = 0
                lengths.append(length)
            pos += length
        if stretch:
            lengths += self._hmm_cut(run[pos - stretch:pos])
        return lengths

    def _dictionary_cut(self, run: str, longest: int | None = None) -> list[int]:
        """Pass 1: word lengths of the most probable cover by dictionary words (ties: the longer word);
        a character the dictionary lacks counts as a word of frequency 1. ``longest``: no word longer."""
        n = len(run)
        get, logtotal = self.freq.get, self.logtotal
        max_len = self.max_len if longest is None else min(self.max_len, longest)
        score = [0.0] * (n + 1)     # log-probability of the best cover of run[i:]
        end = [0] * (n + 1)         # the end of its first word
        for i in range(n - 1, -1, -1):
            best, best_end = log(get(run[i]) or 1) - logtotal + score[i + 1], i + 1
            for j in range(i + 2, min(n, i + max_len) + 1):
                f = get(run[i:j])
                if f:
                    p = log(f) - logtotal + score[j]
                    if p >= best:
                        best, best_end = p, j
            score[i], end[i] = best, best_end
        lengths, i = [], 0
        while i < n:
            lengths.append(end[i] - i)
            i = end[i]
        return lengths

    def _hmm_cut(self, chars: str) -> list[int]:
        """Pass 2: word lengths of the most likely B/M/E/S tagging of ``chars`` (Viterbi)."""
        if self.emit is None:
            self._read_hmm()
        if len(chars) == 1 or not self.emit:
            return [1] * len(chars)
        t = self.trans
        eb, sb = t["E", "B"], t["S", "B"]
        be, me = t["B", "E"], t["M", "E"]
        bm, mm = t["B", "M"], t["M", "M"]
        es, ss = t["E", "S"], t["S", "S"]
        eB, eE, eM, eS = self._emission(chars[0])
        st = self.start
        b, e, m, s = st["B"] + eB, st["E"] + eE, st["M"] + eM, st["S"] + eS
        back = []
        # Each tag's best predecessor; on a tie the later letter wins (S over E, M over B), as in jieba.
        # The emission is added before comparing, as jieba does: next to an "impossible" emission
        # (-3.14e100) the float sums round to equal, and the tie rule then decides as in jieba.
        for ch in chars[1:]:
            eB, eE, eM, eS = self._emission(ch)
            to_b = ("S", s + sb + eB) if s + sb + eB >= e + eb + eB else ("E", e + eb + eB)
            to_e = ("M", m + me + eE) if m + me + eE >= b + be + eE else ("B", b + be + eE)
            to_m = ("M", m + mm + eM) if m + mm + eM >= b + bm + eM else ("B", b + bm + eM)
            to_s = ("S", s + ss + eS) if s + ss + eS >= e + es + eS else ("E", e + es + eS)
            back.append((to_b[0], to_e[0], to_m[0], to_s[0]))
            b, e, m, s = to_b[1], to_e[1], to_m[1], to_s[1]
        tag = "S" if s >= e else "E"
        tags = [tag]
        for came in reversed(back):
            tag = came["BEMS".index(tag)]
            tags.append(tag)
        tags.reverse()
        lengths, begin = [], 0
        for i, tag in enumerate(tags):
            if tag in "ES":
                lengths.append(i + 1 - begin)
                begin = i + 1
            elif tag == "B":
                begin = i
        if begin < len(chars):
            lengths.append(len(chars) - begin)
        return lengths

    def _emission(self, ch: str) -> tuple[float, float, float, float]:
        probs = self.emit.get(ch)
        if probs is None:
            return _NEVER
        b, e, m, s = probs
        return (IMPOSSIBLE if b is None else b, IMPOSSIBLE if e is None else e,
                IMPOSSIBLE if m is None else m, IMPOSSIBLE if s is None else s)


_NEVER = (IMPOSSIBLE,) * 4


def is_han(ch: str) -> bool:
    return HAN_FIRST <= ch <= HAN_LAST


def has_han(text: str) -> bool:
    return any(HAN_FIRST <= ch <= HAN_LAST for ch in text)


@lru_cache(maxsize=1)
def _run_regex() -> re.Pattern:
    return re.compile(RUN_PATTERN)   # on first use: a pattern over 20,000 characters takes a millisecond to compile


def runs(text: str):
    """The runs of ``text`` that are cut into words (re.Match objects), as jieba splits a text."""
    return _run_regex().finditer(text)


@lru_cache(maxsize=1)
def table() -> WordTable:
    """The shipped table, read on first use (see benchmarks/bench_text.py for what it costs)."""
    try:
        data = TABLE_PATH.read_bytes()
    except OSError as exc:   # a package built without it: lines still break, between any two characters
        logger.warning("no word table (%s): Chinese lines break between any two characters", exc)
        return WordTable({}, 1)
    return WordTable.parse(data, _read_hmm_file)


def _read_hmm_file() -> dict:
    try:
        return json.loads(HMM_PATH.read_bytes())
    except OSError as exc:   # without the HMM, characters the dictionary leaves alone stay alone
        logger.warning("no HMM for word breaking (%s): only dictionary words are kept whole", exc)
        return {}


def words(text: str) -> list[str]:
    """``text`` cut into words; punctuation, spaces and other characters come out one by one."""
    out: list[str] = []
    pos = 0
    for m in runs(text):
        out.extend(text[pos:m.start()])
        run, i = m.group(), 0
        for length in table().cut(run):
            out.append(run[i:i + length])
            i += length
        pos = m.end()
    out.extend(text[pos:])
    return out


def parts(word: str) -> list[int]:
    """Where a word too wide for its line is best split: the lengths of its most probable cut into
    shorter dictionary words (抢红包 -> 抢 + 红包; characters alone where the table has none)."""
    return table()._dictionary_cut(word, len(word) - 1) if len(word) > 1 else [len(word)]


QUOTE_PATTERN = "「[^「」\n]+」|『[^『』\n]+』"   # a keyword or a name quoted in a caption: 踩到「养生讲座」


@lru_cache(maxsize=1)
def _quote_regex() -> re.Pattern:
    return re.compile(QUOTE_PATTERN)


def kept_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text`` a line should not break inside when they fit on one
    line: what stands between 「」 (brackets included) and the tiles' scam keywords (the word
    table's ``keep``: 养生讲座 is two words to jieba, 养生 + 讲座, but one thing to warn about)."""
    spans = [m.span() for m in _quote_regex().finditer(text)] if "「" in text or "『" in text else []
    return spans + table().kept_phrases(text)


def inner_offsets(text: str) -> frozenset[int]:
    """Offsets ``i`` of ``text`` inside a word that has a Chinese character (between ``text[i - 1]``
    and ``text[i]``): a line must not break there."""
    inner: set[int] = set()
    for m in runs(text):
        run = m.group()
        if not has_han(run):
            continue
        i = m.start()
        for length in table().cut(run):
            if length > 1:
                inner.update(range(i + 1, i + length))
            i += length
    return frozenset(inner)
