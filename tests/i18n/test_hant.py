"""Traditional Chinese is made, not typed: OpenCC characters plus the reviewed phrase table (tools/i18n.py hant)."""

import importlib.util

import pytest
from babel.messages.pofile import read_po

from game.i18n.catalogs import po_path
from game.paths import PROJECT_DIR

pytest.importorskip("opencc")


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", PROJECT_DIR / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
CONVERTER = TOOL.hant_converter()
PHRASES = TOOL.hant_phrases()


def hant(text):
    return TOOL.hant_text(text, CONVERTER, PHRASES)


def test_characters_are_converted_one_by_one_without_word_swaps():
    # s2twp would write 視窗 (a software window), 結束通話 and 影片; a bank counter stays 窗口.
    assert hant("去银行窗口问，挂断电话") == "去銀行窗口問，掛斷電話"


def test_taiwan_standard_glyphs_not_openccs_own():
    assert hant("核实群里为什么") == "核實群裡為什麼"


@pytest.mark.parametrize("source, made", [
    ("发短信给他", "發簡訊給他"), ("打来视频通话", "打來視訊通話"), ("偷录视频", "偷錄影片"),
    ("共享屏幕", "共享螢幕"), ("登录账号", "登入賬號"), ("签合同", "簽合同"), ("卡里的钱", "卡裡的錢"),
])
def test_the_table_puts_in_the_words_readers_need(source, made):
    assert hant(source) == made


@pytest.mark.parametrize("source, made", [
    ("帮助信息网络犯罪活动罪", "幫助信息網絡犯罪活動罪"),
    ("未知链接不点击，陌生来电不轻信，个人信息不透露，转账汇款多核实", "未知鏈接不點擊，陌生來電不輕信，個人信息不透露，轉賬匯款多核實"),
    ("国家反诈中心", "國家反詐中心"), ("《反电信网络诈骗法》", "《反電信網絡詐騙法》"),
])
def test_official_names_and_slogans_keep_their_words(source, made):
    assert hant(source) == made


def test_the_longest_phrase_wins():
    assert hant("给视频点赞") == "給影片點讚" and hant("点赞") == "點讚"


def test_placeholders_pass_through():
    assert hant("拨打{hotline.warning}，发短信") == "撥打{hotline.warning}，發簡訊"


def test_a_row_without_a_reason_stops_the_tool(tmp_path):
    table = tmp_path / "phrases.tsv"
    table.write_text("# comment\n短信\t簡訊\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="phrases.tsv:2:"):
        TOOL.hant_phrases(table)


def test_a_phrase_listed_twice_stops_the_tool(tmp_path):
    table = tmp_path / "phrases.tsv"
    table.write_text("短信\t簡訊\tone\n短信\t短訊\ttwo\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="twice"):
        TOOL.hant_phrases(table)


def test_every_zh_hant_entry_is_what_the_tool_makes_or_kept_by_hand():
    with po_path("zh_Hant").open("rb") as f:
        catalog = read_po(f, locale="zh_Hant")
    differ = [m.id for m in catalog if m.id and not TOOL._by_hand(m) and m.string != hant(m.id)]
    assert differ == []
