"""Chinese word segmentation for line breaking, from the shipped word table.

The game cuts Chinese text into words the way jieba (the usual Chinese segmenter) does, but with
``words.json`` beside this module instead of jieba's 350,000-word dictionary:
``tools/build_wordlist.py`` runs jieba over every shipped text and keeps only the part of its
dictionary and of its HMM that those texts use. jieba cuts in two passes, and so does ``cut``:

1. the most probable cover of a run by dictionary words (a word's probability is its frequency
   over the dictionary's total; a character alone is always allowed);
2. each stretch of characters that pass left one by one is cut again by a hidden Markov model that
   tags every character as the Beginning, Middle or End of a word or a Single-character word.

On the shipped texts this gives jieba's words; text the table does not know (a local content
pack) mostly comes out as single characters, which may break anywhere (with kinsoku).

Only what line breaking needs is public: ``inner_offsets(text)``, the positions inside words.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from math import log
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("words.json")

# The characters jieba cuts into words (its default "Han" block); anything else (punctuation,
# spaces, other scripts) separates the runs that are cut.
RUN = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]+")
HAN = re.compile("[\u4E00-\u9FD5]")
HAN_RUN = re.compile("[\u4E00-\u9FD5]+")

IMPOSSIBLE = -3.14e100   # log-probability of what the model never saw
STATES = "BEMS"          # in this order, so ties between equally likely tags are settled as jieba does
CAN_FOLLOW = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}   # the tags a tag may come after


class WordTable:
    """The two passes' data, as read from the file (nothing is converted on loading: start-up):
    ``freq`` (dictionary words' frequencies of ``total``) and the HMM's log-probabilities ``start``,
    ``trans`` and, per character, ``emit`` (in ``STATES`` order; None: never seen in that state)."""

    __slots__ = ("freq", "logtotal", "max_len", "start", "trans", "emit")

    def __init__(self, words: dict[str, int], total: int, hmm: dict | None = None):
        self.freq = words
        self.logtotal = log(total)
        self.max_len = max(map(len, words), default=1)
        hmm = hmm or {}
        self.start = {s: hmm.get("start", {}).get(s, IMPOSSIBLE) for s in STATES}
        self.trans = {(a, b): hmm.get("trans", {}).get(a, {}).get(b, IMPOSSIBLE) for a in STATES for b in STATES}
        self.emit: dict[str, list[float | None]] = hmm.get("emit", {})

    @classmethod
    def parse(cls, data: str | bytes) -> "WordTable":
        doc = json.loads(data) if data.strip() else {}
        return cls(doc.get("words", {}), doc.get("total") or 1, doc.get("hmm"))

    def cut(self, run: str) -> list[int]:
        """Lengths of the words of ``run`` (a stretch without spaces or punctuation), in order."""
        lengths: list[int] = []
        stretch = 0        # single Chinese characters just passed, still to be cut by the HMM
        pos = 0
        for length in self._dictionary_cut(run):
            if length == 1 and HAN.match(run[pos]):
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

    def _dictionary_cut(self, run: str) -> list[int]:
        """Pass 1: word lengths of the most probable cover by dictionary words (ties: the longer word);
        a character the dictionary lacks counts as a word of frequency 1."""
        n = len(run)
        freq, logtotal = self.freq, self.logtotal
        best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)   # (log-probability of run[i:], end of first word)
        for i in range(n - 1, -1, -1):
            choice = (log(freq.get(run[i]) or 1) - logtotal + best[i + 1][0], i + 1)
            for j in range(i + 2, min(n, i + self.max_len) + 1):
                f = freq.get(run[i:j])
                if f:
                    choice = max(choice, (log(f) - logtotal + best[j][0], j))
            best[i] = choice
        lengths, i = [], 0
        while i < n:
            lengths.append(best[i][1] - i)
            i = best[i][1]
        return lengths

    def _emission(self, ch: str) -> list[float]:
        probs = self.emit.get(ch)
        if probs is None:
            return [IMPOSSIBLE] * 4
        return [IMPOSSIBLE if p is None else p for p in probs]

    def _hmm_cut(self, chars: str) -> list[int]:
        """Pass 2: word lengths of the most likely B/M/E/S tagging of ``chars`` (Viterbi)."""
        if len(chars) == 1 or not self.emit:
            return [1] * len(chars)
        trans = self.trans
        first = self._emission(chars[0])
        score = {s: self.start[s] + first[k] for k, s in enumerate(STATES)}
        back: list[dict[str, str]] = []
        for ch in chars[1:]:
            e = self._emission(ch)
            new, came = {}, {}
            for k, s in enumerate(STATES):
                new[s], came[s] = max((score[p] + trans[p, s] + e[k], p) for p in CAN_FOLLOW[s])
            score = new
            back.append(came)
        tag = max((score[s], s) for s in "ES")[1]
        tags = [tag]
        for came in reversed(back):
            tag = came[tag]
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


@lru_cache(maxsize=1)
def table() -> WordTable:
    """The shipped table, read on first use (see benchmarks/bench_text.py for what it costs)."""
    try:
        data = TABLE_PATH.read_bytes()
    except FileNotFoundError:  # a source tree without the table: every character stands alone
        data = b""
    return WordTable.parse(data)


def words(text: str) -> list[str]:
    """``text`` cut into words; punctuation, spaces and other characters come out one by one."""
    out: list[str] = []
    pos = 0
    for m in RUN.finditer(text):
        out.extend(text[pos:m.start()])
        run, i = m.group(), 0
        for length in table().cut(run):
            out.append(run[i:i + length])
            i += length
        pos = m.end()
    out.extend(text[pos:])
    return out


def inner_offsets(text: str) -> frozenset[int]:
    """Offsets ``i`` of ``text`` inside a word that has a Chinese character (between ``text[i - 1]``
    and ``text[i]``): a line must not break there."""
    inner: set[int] = set()
    for m in RUN.finditer(text):
        run = m.group()
        if not HAN.search(run):
            continue
        i = m.start()
        for length in table().cut(run):
            if length > 1:
                inner.update(range(i + 1, i + length))
            i += length
    return frozenset(inner)
