"""A tile's scam keyword is never broken across two lines of a caption where it fits on one:
「养生讲座」 stays whole on the board's captions in zh_Hans and zh_Hant, at every narrow width."""

from __future__ import annotations

import pytest

from game.text.linebreak import NO_START, break_lines
from game.ui.fonts import FontBook

# The board's captions that quote a keyword (game/ui/scenes/board/captions.py), and a keyword
# written into a sentence without quotes.
CAPTIONS = ("{name}踩到「{k}」！小心，看看会发生什么…", "帮助格「{k}」：{tip}", "社区通知：最近{k}的骗局又多了，大家小心")
EM_WIDTHS = (3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 12)
REAL_FONT_PX = 24


def mono(s: str) -> int:
    """Full-width characters 2 units (1 em), everything else 1."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in s)


@pytest.fixture(scope="module")
def keywords(wordlist_tool) -> dict[str, list[tuple[str, str]]]:
    """{locale: [(keyword, tip)]} for every shipped tile, as the board shows them."""
    tiles = wordlist_tool.content_library().library.tiles.values()
    hant = wordlist_tool.hant_catalog()
    out = {"zh_Hans": [(t.keyword, t.tip or "") for t in tiles if t.keyword]}
    out["zh_Hant"] = [(hant.get(k, k), hant.get(tip, tip)) for k, tip in out["zh_Hans"]]
    return out


def captions(locale: str, keyword: str, tip: str, tr) -> list[tuple[str, int, int]]:
    """(caption, start, end of the keyword in it) for each caption template."""
    out = []
    for template in CAPTIONS:
        text = tr(template).format(name=tr("红方"), k=keyword, tip=tip)
        start = text.index(keyword)
        out.append((text, start, start + len(keyword)))
    return out


def held_width(text: str, start: int, end: int, measure) -> int:
    """The width the keyword needs on its line: with its quotes and the punctuation that may not start a line."""
    if start > 0 and text[start - 1] in "「『":
        start, end = start - 1, end + 1
    while end < len(text) and text[end] in NO_START:
        end += 1
    return measure(text[start:end])


def parted(text: str, start: int, end: int, lines: list[str]) -> bool:
    """Whether a line ends strictly inside text[start:end]."""
    pos = 0
    for line in lines[:-1]:
        pos = text.index(line, pos) + len(line)
        if start < pos < end:
            return True
    return False


def check(keywords, tr, locale, measure, em) -> list[str]:
    problems = []
    for keyword, tip in keywords:
        for text, start, end in captions(locale, keyword, tip, tr):
            need = held_width(text, start, end, measure)
            for k in EM_WIDTHS:
                width = k * em
                if need > width:
                    continue
                lines = break_lines(text, measure, width)
                if parted(text, start, end, lines):
                    problems.append(f"{k} em: {'│'.join(lines)}")
    return problems


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_every_keyword_stays_on_one_line_of_a_caption(locale, keywords, wordlist_tool):
    hant = wordlist_tool.hant_catalog()
    tr = (lambda s: hant.get(s, s)) if locale == "zh_Hant" else (lambda s: s)
    assert keywords[locale]
    problems = check(keywords[locale], tr, locale, mono, 2)
    assert problems == [], f"{len(problems)} keywords broken, e.g. {problems[:8]}"


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_every_keyword_stays_on_one_line_with_the_real_font(locale, keywords, wordlist_tool):
    hant = wordlist_tool.hant_catalog()
    tr = (lambda s: hant.get(s, s)) if locale == "zh_Hant" else (lambda s: s)
    font = FontBook().get(REAL_FONT_PX)
    problems = check(keywords[locale], tr, locale, lambda s: font.size(s)[0], font.size("中")[0])
    assert problems == [], f"{len(problems)} keywords broken, e.g. {problems[:8]}"


def test_a_keyword_wider_than_the_line_breaks_between_its_words():
    # 「养生讲座」 is 6 em: in a 3-em box it must break, and does so between 养生 and 讲座.
    lines = break_lines("红方踩到「养生讲座」！", mono, 6)
    assert "「养生" in lines and "讲座」！" in lines
