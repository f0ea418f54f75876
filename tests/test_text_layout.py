"""Line breaking (game.ui.text.break_lines), the text service's cache and fit_text."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.text import segment  # noqa: E402
from game.text.linebreak import break_opportunities  # noqa: E402
from game.ui.fonts import FontBook  # noqa: E402
from game.ui.text import NO_END, NO_START, TextService, block_height, break_lines, fit_text, wrap_text  # noqa: E402

HOTLINE = "请拨打96110咨询，或下载国家反诈中心APP。"


def mono(s: str) -> int:
    """Every character 10 px wide: easy to reason about."""
    return 10 * len(s)


def assert_kinsoku(lines: list[str]) -> None:
    for i, line in enumerate(lines):
        if i > 0 and line:
            assert line[0] not in NO_START, lines
        if i < len(lines) - 1 and line:
            assert line[-1] not in NO_END, lines


@pytest.fixture(autouse=True)
def no_known_words(monkeypatch):
    """These tests are about characters, punctuation, Latin and numbers: no Chinese word is known,
    so any two Chinese characters may part (tests/text/ covers breaking between words)."""
    empty = segment.WordTable({}, 1)
    monkeypatch.setattr(segment, "table", lambda: empty)
    break_opportunities.cache_clear()
    yield
    break_opportunities.cache_clear()


# ---------------------------------------------------------------- break_lines

def test_breaks_between_any_two_chinese_characters():
    assert break_lines("一二三四五六七八九十", mono, 50) == ["一二三四五", "六七八九十"]


@pytest.mark.parametrize("punct", list("，。！？、；：）」』》”’…·"))
def test_line_never_starts_with_closing_punctuation(punct):
    # The natural break would put the punctuation first on line 2.
    lines = break_lines("一二三四五" + punct + "六七", mono, 50)
    assert lines == ["一二三四", "五" + punct + "六七"]


@pytest.mark.parametrize("punct", list("（「『《“‘"))
def test_line_never_ends_with_opening_punctuation(punct):
    lines = break_lines("一二三四" + punct + "五六", mono, 50)
    assert lines == ["一二三四", punct + "五六"]


def test_punctuation_hangs_when_no_character_can_be_pulled_down():
    assert break_lines("一。二", mono, 10) == ["一。", "二"]


def test_mixed_chinese_english_digits_keep_words_whole():
    for width in range(60, 400, 10):
        lines = break_lines(HOTLINE, mono, width)
        assert "".join(lines) == HOTLINE
        assert any("96110" in line for line in lines)
        assert any("APP" in line for line in lines)
        assert_kinsoku(lines)


def test_mixed_text_with_real_font_stays_within_width():
    font = FontBook().get(24)
    lines = wrap_text(HOTLINE * 3, font, 200)
    assert len(lines) > 3
    assert all(font.size(line)[0] <= 200 for line in lines)
    assert_kinsoku(lines)


@pytest.mark.parametrize("token", ["96110", "¥5,000", "+852 6012 1234", "https://www.96110.cn/a?b=1"])
def test_long_numbers_and_urls_kept_whole(token):
    text = "转账" + token + "元到陌生账户前先核实再转账" + token + "不要"
    for width in range(10 * len(token), 10 * len(text), 10):
        lines = break_lines(text, mono, width)
        assert sum(line.count(token) for line in lines) == 2, (width, lines)


def test_explicit_newline_forces_break():
    assert break_lines("第一行\n第二行", mono, 1000) == ["第一行", "第二行"]


def test_blank_lines_are_kept():
    assert break_lines("a\n\nb", mono, 1000) == ["a", "", "b"]


def test_empty_string_has_no_lines():
    assert break_lines("", mono, 100) == []


def test_word_longer_than_line_is_split_by_character():
    assert break_lines("abcdefghij", mono, 30) == ["abc", "def", "ghi", "j"]


def test_spaces_at_line_ends_are_dropped():
    assert break_lines("hello   world", mono, 70) == ["hello", "world"]


def test_no_max_width_only_breaks_at_newlines():
    assert break_lines(HOTLINE + "\n" + HOTLINE, mono, None) == [HOTLINE, HOTLINE]


def test_measures_about_one_line_at_a_time():
    # Incremental measurement: total measured text stays a small multiple of
    # the text length, not quadratic in it.
    measured = []

    def spy(s):
        measured.append(len(s))
        return mono(s)

    text = HOTLINE * 100
    break_lines(text, spy, 200)
    assert sum(measured) < 10 * len(text)


# ---------------------------------------------------------------- the text service's cache

@pytest.fixture
def cache(monkeypatch):
    c = TextService(FontBook())
    real = TextService._render
    c.calls = 0

    def counting(*args, **kw):
        c.calls += 1
        return real(*args, **kw)

    monkeypatch.setattr(c, "_render", counting)
    return c


def test_cache_returns_same_surface_without_rendering_again(cache):
    first = cache.render(HOTLINE, 24, max_width=200)
    second = cache.render(HOTLINE, 24, max_width=200)
    assert second is first
    assert cache.calls == 1


def test_cache_renders_again_when_colour_changes(cache):
    a = cache.render(HOTLINE, 24, colour=(255, 0, 0))
    b = cache.render(HOTLINE, 24, colour=(0, 0, 255))
    assert a is not b
    assert cache.calls == 2


def test_entry_used_in_previous_generation_survives(cache):
    first = cache.render("你好", 24)
    cache.new_generation()
    assert cache.render("你好", 24) is first
    assert cache.calls == 1


def test_entry_unused_for_a_whole_generation_is_evicted(cache):
    cache.render("你好", 24)
    cache.new_generation()
    cache.new_generation()
    assert len(cache) == 0
    cache.render("你好", 24)
    assert cache.calls == 2


def test_hard_cap_on_entries(cache):
    cache.max_entries = 3
    for i in range(10):
        cache.render(f"第{i}行", 24)
    assert len(cache) == 3


def test_hard_cap_on_pixels_keeps_newest_entry(cache):
    cache.max_pixels = 1
    surf = cache.render(HOTLINE, 24)
    assert len(cache) == 1 and cache.pixels == surf.get_width() * surf.get_height()


def test_rendered_surface_is_transparent_and_multi_line(cache):
    surf = cache.render("第一行\n第二行", 24)
    font = cache.fonts.get(24)
    assert surf.get_flags() & pygame.SRCALPHA
    assert surf.get_height() == block_height(font, 2, 1.0)
    assert surf.get_at((0, surf.get_height() - 1)).a == 0


def test_wrapped_surface_is_no_wider_than_max_width(cache):
    assert cache.render(HOTLINE * 2, 24, max_width=180).get_width() <= 180


# ---------------------------------------------------------------- fit_text

def test_fit_text_shrinks_to_fit_box():
    fonts = FontBook()
    lines, size = fit_text(HOTLINE * 2, 240, 100, 48, 10, fonts=fonts)
    font = fonts.get(size)
    assert 10 <= size < 48
    assert block_height(font, len(lines), 1.0) <= 100
    assert all(font.size(line)[0] <= 240 for line in lines)


def test_fit_text_picks_the_largest_size_that_fits():
    fonts = FontBook()
    result = fit_text(HOTLINE * 2, 240, 100, 48, 10, fonts=fonts)
    bigger = fonts.get(result.size + 1)
    lines = wrap_text(HOTLINE * 2, bigger, 240)
    assert block_height(bigger, len(lines), 1.0) > 100


def test_fit_text_keeps_max_size_for_short_text():
    result = fit_text("你好", 400, 200, 40, 10, fonts=FontBook())
    assert (result.lines, result.size, result.fits) == (["你好"], 40, True)


def test_fit_text_reports_overflow_at_min_size():
    result = fit_text(HOTLINE * 20, 100, 20, 30, 12, fonts=FontBook())
    assert result.size == 12 and not result.fits


def test_no_text_is_lost_or_reordered():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    alphabet = st.sampled_from(list("一二三四五，。！？（）《》“”…abcXYZ0189.,%()+¥  \n"))

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.text(alphabet, max_size=60), st.integers(10, 200))
    def check(text, width):
        lines = break_lines(text, mono, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")

    check()


def test_hyphenated_english_breaks_after_a_hyphen_not_inside_a_word():
    assert break_lines("House-for-pension scheme", len, 10) == ["House-for-", "pension", "scheme"]
