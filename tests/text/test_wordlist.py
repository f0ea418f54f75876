"""The shipped word table (game/text/words.json, hmm.json) matches the shipped texts."""

from __future__ import annotations

import json

from game.text import segment


def test_shipped_word_table_is_up_to_date(wordlist_tool, shipped_texts):
    for path, fresh in wordlist_tool.build(shipped_texts).items():
        assert path.read_text(encoding="utf-8") == fresh, (
            f"game/text/{path.name} is out of date with the texts: run  python tools/build_wordlist.py")


def test_table_changes_when_a_text_brings_a_new_word(wordlist_tool, shipped_texts):
    # The freshness test above can fail: a text with a word no shipped text has changes the table.
    texts = {locale: list(t) for locale, t in shipped_texts.items()}
    texts["zh_Hans"].append("爷爷用望远镜看鸟")
    assert "望远镜" not in json.loads(wordlist_tool.build(shipped_texts)[segment.TABLE_PATH])["words"]
    assert "望远镜" in json.loads(wordlist_tool.build(texts)[segment.TABLE_PATH])["words"]


def test_formatted_strings_are_filled_with_the_names_they_are_shown_with(shipped_texts):
    assert "红方的回合" in shipped_texts["zh_Hans"]
    assert "請第3組選擇" in shipped_texts["zh_Hant"]


def test_game_cuts_every_shipped_text_without_parting_a_jieba_word(wordlist_tool, shipped_texts):
    files = {path: path.read_text(encoding="utf-8") for path in (segment.TABLE_PATH, segment.HMM_PATH)}
    for locale, texts in shipped_texts.items():
        assert wordlist_tool.breaks_inside_jieba_words(files, texts) == [], locale
