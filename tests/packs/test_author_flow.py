"""What an author sees when something is wrong: the root problem first, at its real place, and no noise."""

import json
import shutil

import pytest

from game.cli import main
from game.content.loader import load_library
from game.content.packs import ContentSources
from game.paths import CONTENT_DIR

from pack_helpers import line_of, set_field


def _problems(county):
    return load_library(sources=ContentSources(extra=(county,))).pack("qingshan").problems


def _validate_json(county, capsys) -> dict:
    main(["validate", str(county), "--format", "json"])
    return json.loads(capsys.readouterr().out)


# ---------------------------------------------------------------- a broken tile text

def _break_tile_text(county):
    """An English quote at the start of a tile's text, as in the issue."""
    set_field(county / "tiles" / "qingshan.yaml", "tip: 缴燃气费用不着银行卡密码。", 'tip: "缴费"用不着银行卡密码。')


def test_a_broken_tile_text_is_the_only_error(county):
    _break_tile_text(county)
    errors = [p for p in _problems(county) if p.is_error]
    tiles = county / "tiles" / "qingshan.yaml"
    assert [(p.code, p.line) for p in errors] == [("yaml-syntax", line_of(tiles, 'tip: "缴费"'))]


def test_the_broken_tile_text_hint_offers_chinese_quotes(county):
    _break_tile_text(county)
    error = next(p for p in _problems(county) if p.is_error)
    assert error.col == 10 and "English quote" in error.message and "“缴费”" in error.hint


def test_the_follow_on_problems_are_counted_under_the_root(county, capsys):
    _break_tile_text(county)
    out = _validate_json(county, capsys)
    assert [e["code"] for e in out["errors"]] == ["yaml-syntax"]
    squares = (county / "boards" / "qingshan_path.yaml").read_text(encoding="utf-8").count(": qs_")
    assert len(out["notes"]) == 1
    assert out["notes"][0]["message"].startswith(f"{squares} more problems in files that use it")


def test_the_text_report_prints_the_root_error_first(county, capsys):
    _break_tile_text(county)
    main(["validate", str(county)])
    lines = capsys.readouterr().out.splitlines()
    assert "error[yaml-syntax]" in lines[0] and "note[follow-on]" in lines[2]
    assert not [line for line in lines if "unknown-ref" in line or "did you mean" in line]


def test_a_broken_scam_type_gives_no_did_you_mean_elsewhere(county):
    set_field(county / "scam_types" / "qs_fake_gas_bill.yaml", "techniques: [urgency, fear, technical_trap]",
              "techniques: [urgency, fear, technical_trap\n")
    problems = _problems(county)
    assert [p.code for p in problems if p.is_error] == ["yaml-syntax"]
    assert not [p for p in problems if "did you mean" in p.hint]


# ---------------------------------------------------------------- one question, one tile

def test_a_wrong_quiz_answer_skips_one_question(tmp_path):
    root = tmp_path / "scenarios"
    shutil.copytree(CONTENT_DIR, root)
    pool = root / "quiz" / "quiz_basics.yaml"
    before = load_library(paths=[root]).library.quiz_pools["quiz_basics"]
    set_field(pool, "    answer: 2\n", "    answer: 4\n")
    result = load_library(paths=[root])
    assert len(result.library.quiz_pools["quiz_basics"].items) == len(before.items) - 1
    assert [p.code for p in result.errors] == ["out-of-range"]


def test_the_skipped_question_is_named_by_position_and_text(tmp_path):
    root = tmp_path / "scenarios"
    shutil.copytree(CONTENT_DIR, root)
    pool = load_library(paths=[root]).library.quiz_pools["quiz_basics"]
    index = next(i for i, item in enumerate(pool.items) if item.answer == 1)   # the first "answer: 2"
    set_field(root / "quiz" / "quiz_basics.yaml", "    answer: 2\n", "    answer: 4\n")
    error = load_library(paths=[root]).errors[0]
    assert error.message.startswith(f"quiz item {index + 1} 「{pool.items[index].question[:12]}")
    assert "'answer' is 4" in error.message


def test_a_wrong_answer_in_a_pack_keeps_the_pack_out_with_the_question_named(county):
    set_field(county / "quiz" / "quiz_qingshan.yaml", "    answer: 3\n", "    answer: 4\n")
    result = load_library(sources=ContentSources(extra=(county,)))
    status = result.pack("qingshan")
    assert status.state == "failed" and "quiz item 4 「短信说燃气欠费要停气" in status.reason


def test_a_broken_tile_skips_that_tile_only(tmp_path):
    root = tmp_path / "scenarios"
    shutil.copytree(CONTENT_DIR, root)
    set_field(root / "tiles" / "fake_police.yaml", "    keyword: 通缉令\n", "    keyword: 通缉令\n    colour: red\n")
    tiles = load_library(paths=[root]).library.tiles
    assert "arrest_warrant" not in tiles and "safe_account" in tiles


# ---------------------------------------------------------------- what the author cannot see

@pytest.mark.parametrize("line, col, named", [
    ("advice：缴费只走官方渠道，短信链接不点。", 7, "full-width colon"),
    ("\u3000advice: 缴费只走官方渠道。", 1, "full-width space (U+3000)"),
    ("\tadvice: 缴费只走官方渠道。", 1, "a tab"),
    ("advice:\u00a0缴费只走官方渠道。", 8, "no-break space (U+00A0)"),
])
def test_invisible_and_full_width_characters_are_named_where_they_are(county, line, col, named):
    path = county / "scam_types" / "qs_fake_gas_bill.yaml"
    set_field(path, "advice: 缴费只走官方渠道，短信链接不点。", line)
    error = next(p for p in _problems(county) if p.is_error)
    assert (error.line, error.col) == (line_of(path, line.strip("\u3000\t")[:6]), col) and named in error.message


def test_a_full_width_space_indenting_a_tile_field_is_named(county):
    path = county / "tiles" / "qingshan.yaml"
    set_field(path, "    keyword: 燃气欠费", "\u3000   keyword: 燃气欠费")
    error = next(p for p in _problems(county) if p.is_error)
    assert (error.line, error.col) == (line_of(path, "keyword: 燃气欠费"), 1) and "U+3000" in error.message


def test_a_full_width_comma_in_a_flow_list_is_named_at_its_column(county):
    path = county / "scam_types" / "qs_fake_gas_bill.yaml"
    set_field(path, "techniques: [urgency, fear, technical_trap]", "techniques: [urgency，fear, technical_trap]")
    error = next(p for p in _problems(county) if p.is_error)
    assert (error.line, error.col) == (line_of(path, "techniques:"), 21) and "full-width comma" in error.message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "~\n", "null\n", "--- ~\n", "{}\n", "[]\n"])
def test_an_empty_or_null_document_is_reported_alike(county, text):
    (county / "scam_types" / "empty.yaml").write_text(text, encoding="utf-8")
    errors = [p for p in _problems(county) if p.is_error]
    assert [(p.code, p.line, p.col, p.message) for p in errors] == [("empty-file", 1, 1, "the file holds no content")]


# ---------------------------------------------------------------- folders

def test_a_linked_folder_leading_outside_is_reported(county, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.copytree(county / "quiz", outside)
    (county / "more_quiz").symlink_to(outside, target_is_directory=True)
    problems = _problems(county)
    assert [p.code for p in problems if p.is_error] == ["linked-folder"]


def test_the_text_report_says_and_n_more_when_it_cuts_the_list(county, capsys):
    for po in (county / "locales").rglob("*.po"):
        po.unlink()
    main(["validate", str(county)])
    out = capsys.readouterr().out
    assert "    … and " in out and "more ('python -m game pack translate" in out


def test_a_full_width_colon_swallowed_into_the_text_above_is_named(county):
    path = county / "scam_types" / "qs_fake_gas_bill.yaml"
    set_field(path, "right_action: 不点短信里的链接，在燃气公司的官方App、公众号或营业厅查询和缴费。\n"
                    "advice: 缴费只走官方渠道，短信链接不点。",
              "right_action: 不点短信里的链接，在燃气公司的官方App、公众号或营业厅查询和缴费。\n"
              "  advice：缴费只走官方渠道，短信链接不点。")
    error = next(p for p in _problems(county) if p.is_error)
    assert error.code == "missing-field" and "full-width colon" in error.message and "'right_action'" in error.message
    assert error.line == line_of(path, "right_action:")
