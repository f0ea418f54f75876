"""The word segmenter (game/text/segment.py): jieba's two passes on a small table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.text import segment
from game.text.segment import IMPOSSIBLE, WordTable

TEXT_DIR = Path(segment.__file__).parent


def cut(table: WordTable, text: str) -> list[str]:
    out, i = [], 0
    for n in table.cut(text):
        out.append(text[i:i + n])
        i += n
    return out


def test_most_probable_cover_by_dictionary_words_wins():
    # 红方/再/掷 (1000 * 50 * 50) beats 红/方再/掷 (50 * 10 * 50).
    table = WordTable({"红": 50, "方": 50, "再": 50, "掷": 50, "红方": 1000, "方再": 10}, 100_000)
    assert cut(table, "红方再掷") == ["红方", "再", "掷"]


def test_equally_likely_covers_go_to_the_longer_first_word():
    # 一二/三 and 一/二三 are equally likely; jieba takes the longer word first.
    table = WordTable({"一": 100, "二": 100, "三": 100, "一二": 10_000, "二三": 10_000}, 1_000_000)
    assert cut(table, "一二三") == ["一二", "三"]


def test_characters_the_table_does_not_know_stand_alone():
    assert cut(WordTable({}, 1), "阿姨你好") == ["阿", "姨", "你", "好"]


def test_hmm_joins_single_characters_the_dictionary_left_alone():
    # 再 and 掷 are no dictionary word together; the HMM tags 再 as a word's Beginning, 掷 as its End.
    hmm = {"start": {"B": -0.3, "S": -1.5},
           "trans": {"B": {"E": -0.5, "M": -0.9}, "E": {"B": -0.6, "S": -0.8},
                     "M": {"E": -0.3, "M": -1.3}, "S": {"B": -0.7, "S": -0.7}},
           "emit": {"再": [-2.0, -9.0, -9.0, -6.0], "掷": [-9.0, -2.0, -9.0, -6.0]}}
    table = WordTable({"一次": 1000}, 100_000, hmm)
    assert cut(table, "再掷一次") == ["再掷", "一次"]


def test_hmm_leaves_characters_it_never_saw_alone():
    hmm = {"start": {"B": -0.3, "S": -1.5}, "trans": {"B": {"E": -0.5}, "E": {"S": -0.8}, "S": {"S": -0.7}},
           "emit": {"再": [-2.0, None, None, -6.0]}}
    assert cut(WordTable({}, 1, hmm), "再鼡鼢") == ["再", "鼡", "鼢"]


def test_inner_offsets_are_the_positions_inside_chinese_words():
    table = WordTable({"红方": 1000, "一次": 1000}, 100_000)
    original = segment.table
    segment.table = lambda: table
    try:
        # 红方 (0-2), 再, 掷, 一次 (4-6), ！ — and the Latin run "APP" is not a Chinese word.
        assert segment.inner_offsets("红方再掷一次！APP") == {1, 5}
    finally:
        segment.table = original


def test_shipped_table_cuts_a_shipped_text_as_jieba_does(wordlist_tool):
    text = "一连几天，您都领到了鸡蛋。店员一口一个“阿姨”，比亲儿女还贴心。"
    assert segment.words(text) == wordlist_tool.reference_words(text)


def test_impossible_is_far_below_any_real_log_probability():
    emit = json.loads(segment.HMM_PATH.read_bytes())["emit"]
    lowest = min(p for probs in emit.values() for p in probs if p is not None)
    assert IMPOSSIBLE < lowest * 1e90


def test_hmm_is_read_only_when_a_text_needs_it():
    reads = []
    table = WordTable({"红方": 1000, "一次": 1000}, 100_000, lambda: reads.append(1) or {})
    table.cut("红方一次")
    assert reads == []
    table.cut("红方再掷一次")
    assert reads == [1]


def test_missing_table_files_leave_every_character_alone(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(segment, "TABLE_PATH", tmp_path / "words.json")
    assert segment.table.__wrapped__().cut("红方再掷一次") == [1] * 6
    assert "no word table" in caplog.text


def test_missing_hmm_file_keeps_dictionary_words(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(segment, "HMM_PATH", tmp_path / "hmm.json")
    table = segment.table.__wrapped__()
    assert table.cut("红方再掷一次") == [2, 1, 1, 2]
    assert "no HMM" in caplog.text


def test_importing_the_text_layer_loads_no_pygame():
    code = ("import sys, game.text.linebreak, game.text.segment\n"
            "game.text.segment.words('你好')\n"
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=TEXT_DIR.parent.parent)
    assert out.stdout.strip() == "False"
