"""Breaking between words (game/text/linebreak.py), balanced lines, numbers with their 第 and
counting words, kinsoku with words; and the broken lines the touch issue showed.

Most tests set the words the segmenter knows (``known_words``) so they do not depend on the
shipped table; ``test_shipped_text_never_breaks_like_the_issue_showed`` uses the real one.
"""

from __future__ import annotations

import pytest

from game.text.linebreak import _Paragraph, break_lines, break_opportunities


def mono(s: str) -> int:
    """Every character 10 px wide."""
    return 10 * len(s)


def em_mono(s: str) -> int:
    """Full-width characters 2 units (1 em), everything else 1."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in s)


# ---------------------------------------------------------------- words

def test_line_breaks_before_a_word_rather_than_inside_it(known_words):
    known_words("阿姨")
    assert break_lines("一二三阿姨四五", mono, 40) == ["一二三", "阿姨四五"]


def test_unknown_characters_still_break_anywhere(known_words):
    known_words()
    assert break_lines("一二三阿姨四五", mono, 40) == ["一二三阿", "姨四五"]


def test_word_wider_than_the_line_is_split_as_a_last_resort(known_words):
    known_words("国家反诈中心")
    assert break_lines("国家反诈中心", mono, 30) == ["国家反", "诈中心"]


def test_word_wider_than_the_line_splits_between_its_shorter_words(known_words):
    known_words("抢红包", "红包")
    assert break_lines("抢红包", mono, 20) == ["抢", "红包"]


def test_closing_punctuation_pulls_the_whole_word_down(known_words):
    known_words("阿姨")
    assert break_lines("一二阿姨，三", mono, 40) == ["一二", "阿姨，三"]


def test_opening_quote_goes_down_with_its_word(known_words):
    known_words("阿姨")
    assert break_lines("一二三“阿姨”", mono, 40) == ["一二三", "“阿姨”"]


def test_words_of_mixed_script_stay_whole(known_words):
    known_words("T恤")
    assert break_lines("一二三T恤四", mono, 40) == ["一二三", "T恤四"]


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("text,kept", [("请第3组作答", "第3组"), ("现在是第 3 题了", "第 3 题"),
                                       ("一共损失 5 万元", "5 万"), ("再前进12格吧", "12格")])
def test_number_keeps_its_ordinal_and_counting_word(known_words, text, kept):
    known_words()
    for width in range(mono(kept), mono(text), 10):
        assert any(kept in line for line in break_lines(text, mono, width)), width


def test_number_too_wide_with_its_counting_word_is_parted_from_it_first(known_words):
    known_words()
    assert break_lines("转账¥5,000元", mono, 60) == ["转账", "¥5,000", "元"]


def test_full_width_yen_never_ends_a_line(known_words):
    known_words()
    assert break_lines("付款￥5000", mono, 50) == ["付款", "￥5000"]


# ---------------------------------------------------------------- balance

def test_two_lines_are_set_evenly(known_words):
    known_words()
    assert break_lines("一二三四五六七八九十", mono, 80) == ["一二三四五", "六七八九十"]


def test_no_lonely_last_character(known_words):
    known_words()
    assert break_lines("一二三四五六七八九", mono, 80) == ["一二三四五", "六七八九"]


def test_balanced_lines_keep_words_whole(known_words):
    known_words("五六")
    assert break_lines("一二三四五六七八九十", mono, 80) == ["一二三四五六", "七八九十"]


def test_long_paragraph_balances_only_its_last_two_lines(known_words):
    known_words()
    text = "一二三四五六七八九十" * 7 + "一"                   # 71 characters, 10 a line: 8 lines
    lines = break_lines(text, mono, 100)
    assert [len(line) for line in lines] == [10] * 6 + [6, 5]


def test_balancing_never_needs_more_lines_nor_breaks_where_filling_lines_would_not(known_words):
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    known_words("阿姨", "一次", "反诈中心")
    pieces = st.sampled_from(["阿姨", "一次", "反诈中心", "是", "我", "，", "。", "“", "”", "APP", "96110", " ",
                              "第3组", "¥5,000", "！"])

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.lists(pieces, min_size=1, max_size=30).map("".join), st.integers(20, 200))
    def check(text, width):
        hypothesis.assume(text.strip())
        para = _Paragraph(text, mono)
        greedy, split, _ = para.greedy(width)
        lines = break_lines(text, mono, width)
        assert len(lines) == len(greedy)
        if split == [0, 0, 0]:                  # no word was too wide: every break is a word break
            ends, pos = [], 0
            for line in lines[:-1]:
                pos = text.index(line, pos) + len(line)
                ends.append(len(text) - len(text[pos:].lstrip(" ")))
            assert set(ends) <= set(para.breaks_at(width))
            assert set(para.breaks) <= set(para.breaks_at(width)) <= set(break_opportunities(text)[0]) | {
                b for _s, _e, held in break_opportunities(text)[2] for b in held}

    check()


# ---------------------------------------------------------------- the issue's examples

@pytest.mark.parametrize("text,never", [
    ("掷出6点，红方再掷一次！", ["红│方", "一│次", "6│点"]),
    ("一连几天，您都领到了鸡蛋。店员一口一个“阿姨”，比亲儿女还贴心。", ["阿│姨", "“│", "│”"]),
    ("再点一次：退出", ["一│次", "退│出"]),
    ("请第3组选择", ["第│3", "选│择"]),         # 第3组 is 2.5 em: at 2 em it must part
    ("轮到红方：点骰子", ["红│方", "骰│子"]),
    ("奶奶！是我，小明！", ["奶│奶", "小│明"]),
])
def test_shipped_text_never_breaks_like_the_issue_showed(text, never):
    # At every width from 2 em to the whole text, in half-em steps.
    for width in range(4, em_mono(text)):
        drawn = "│".join(break_lines(text, em_mono, width))
        assert not [b for b in never if b in drawn], (width, drawn)


def test_lonely_last_word_of_the_issue_is_gone():
    # "奶奶！是我" 4.5 em wide: the old breaker left "我" alone on the second line.
    assert break_lines("奶奶！是我", em_mono, 8) == ["奶奶！", "是我"]
