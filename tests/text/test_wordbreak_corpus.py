"""THE corpus test: every shipped text, in zh_Hans and zh_Hant, broken at the widths of the game's
boxes, never ends a line inside a word of 2-4 characters that jieba keeps whole (unless that word
alone is wider than the line).

Widths: the game wraps text into boxes 1.0-37.1 em wide (the width of 中 at the text's size) at
1280x720, 1920x1080, 3840x2160 and 1080x1920 and all three text sizes, measured over 8,000 frames
of autoplay per combination; the 10th-90th percentiles are 5-17 em. The widths below cover that
range, closer together where boxes are common; at 1 em every word of 2 characters is wider than
the line, so there is nothing to check.
"""

from __future__ import annotations

import re

import pytest

from game.text.linebreak import break_lines
from game.ui.fonts import FontBook

EM_WIDTHS = (1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 19, 22, 26, 30, 37)
REAL_FONT_PX = 24
REAL_FONT_EM_WIDTHS = (3, 5, 8, 12, 17)
HAN = re.compile("[\u4E00-\u9FFF]")


def mono(s: str) -> int:
    """Monospace-ish: full-width characters 2 units (1 em), everything else 1."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in s)


def breaks_inside_words(text: str, words: list[str], lines: list[str], measure, width) -> list[str]:
    """Each line end that falls inside one of ``words`` (2-4 characters, with a Chinese character),
    drawn as "前│后", unless that word alone is wider than ``width``."""
    spans, pos = {}, 0
    for w in words:
        if 2 <= len(w) <= 4 and HAN.search(w) and measure(w) <= width:
            spans.update({i: (pos, w) for i in range(pos + 1, pos + len(w))})
        pos += len(w)
    bad, pos = [], 0
    for line, following in zip(lines, lines[1:]):
        if not line:
            continue
        pos = text.index(line, pos) + len(line)
        if following and text[pos:pos + 1] != "\n" and pos in spans:
            start, w = spans[pos]
            bad.append(f"{w[:pos - start]}│{w[pos - start:]}")
    return bad


def check(texts, cuts, measure, em: int, em_widths) -> list[str]:
    problems = []
    for text in texts:
        whole = max(map(measure, text.split("\n")))
        for k in em_widths:
            width = k * em
            if width >= whole:
                break
            lines = break_lines(text, measure, width)
            for b in breaks_inside_words(text, cuts[text], lines, measure, width):
                problems.append(f"{k} em: {b} in {text[:30]!r}")
    return problems


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_no_line_ends_inside_a_word_at_any_box_width(locale, shipped_texts, reference_cuts):
    problems = check(shipped_texts[locale], reference_cuts, mono, 2, EM_WIDTHS)
    assert not problems, f"{len(problems)} breaks inside words, e.g. {problems[:10]}"


def test_no_line_ends_inside_a_word_with_the_real_font(shipped_texts, reference_cuts):
    font = FontBook().get(REAL_FONT_PX)
    em = font.size("中")[0]
    texts = sorted(set(shipped_texts["zh_Hans"]) | set(shipped_texts["zh_Hant"]))
    problems = check(texts, reference_cuts, lambda s: font.size(s)[0], em, REAL_FONT_EM_WIDTHS)
    assert not problems, f"{len(problems)} breaks inside words, e.g. {problems[:10]}"
