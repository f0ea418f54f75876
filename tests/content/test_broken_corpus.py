"""Every file of the broken corpus gives its own error code at the right line, and the rest still loads."""

import shutil
from pathlib import Path

import pytest

from game.content.loader import load_library

HERE = Path(__file__).parent
BROKEN = HERE / "broken"
FIXTURE = HERE / "fixture"

# file → (error code, line)
EXPECTED = {
    "alias_bomb.yaml": ("alias-bomb", 1),
    "asset_absolute.yaml": ("asset-outside", 10),
    "asset_missing.yaml": ("asset-missing", 10),
    "asset_traversal.yaml": ("asset-outside", 10),
    "bad_channel.yaml": ("bad-value", 9),
    "bad_id.yaml": ("bad-id", 2),
    "bad_line_speaker.yaml": ("bad-value", 11),
    "bad_technique.yaml": ("bad-value", 5),
    "binary.yaml": ("binary-file", 3),
    "board_bad_square.yaml": ("bad-square", 10),
    "board_unknown_rule.yaml": ("unknown-key", 6),
    "control_char.yaml": ("control-character", 4),
    "dead_end.yaml": ("dead-end", 29),
    "deep_nesting.yaml": ("too-deep", 1),
    "duplicate_key.yaml": ("duplicate-key", 5),
    "empty.yaml": ("empty-file", 1),
    "empty_text.yaml": ("empty-text", 4),
    "ending_no_outcome.yaml": ("missing-field", 28),
    "ending_with_choices.yaml": ("ending-with-choices", 28),
    "font_missing.yaml": ("font-missing-glyph", 11),
    "loop_without_exit.yaml": ("loop-without-exit", 29),
    "merge_key.yaml": ("unsafe-tag", 3),
    "missing_feedback.yaml": ("missing-field", 13),
    "missing_field.yaml": ("missing-field", 1),
    "multiple_documents.yaml": ("multiple-documents", 10),
    "no_risky_route.yaml": ("no-risky-route", 1),
    "no_safe_route.yaml": ("no-safe-route", 1),
    "not_a_mapping.yaml": ("not-a-mapping", 1),
    "not_utf8.yaml": ("not-utf8", 2),
    "only_comments.yaml": ("empty-file", 1),
    "pack_table_decides_not_bool.yaml": ("wrong-type", 8),
    "pack_unknown_board.yaml": ("unknown-ref", 6),
    "phone_action_no_link.yaml": ("phone-action-no-link", 19),
    "phone_action_off_channel.yaml": ("phone-action-off-channel", 14),
    "phone_action_twice.yaml": ("phone-action-twice", 20),
    "python_tag.yaml": ("unsafe-tag", 2),
    "quiz_answer_range.yaml": ("out-of-range", 8),
    "syntax_bad_indent.yaml": ("yaml-syntax", 3),
    "syntax_unclosed_quote.yaml": ("yaml-syntax", 5),
    "tab_indent.yaml": ("yaml-syntax", 4),
    "tile_starts_nothing.yaml": ("tile-starts-nothing", 4),
    "unknown_key.yaml": ("unknown-key", 8),
    "unknown_kind.yaml": ("bad-value", 1),
    "unknown_node.yaml": ("unknown-node", 8),
    "unknown_ref_scam_type.yaml": ("unknown-ref", 4),
    "unreachable_node.yaml": ("unreachable-node", 29),
    "wrong_type_int.yaml": ("wrong-type", 7),
    "zz_duplicate_id.yaml": ("duplicate-id", 1),
}


def _load_with(tmp_path: Path, broken: Path):
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    shutil.copy(broken, tmp_path / broken.name)
    return load_library(paths=[tmp_path])


def test_every_corpus_file_has_an_expectation():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_reports_code_and_line(tmp_path, name):
    code, line = EXPECTED[name]
    result = _load_with(tmp_path, BROKEN / name)
    found = [(p.code, p.line) for p in result.errors if p.path.endswith(name)]
    assert (code, line) in found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_leaves_the_rest_playable(tmp_path, name):
    result = _load_with(tmp_path, BROKEN / name)
    library = result.library
    assert "police_call" in library.scenarios and "mini" in library.boards and "test_pack" in library.packs


def test_a_script_whose_text_the_font_cannot_show_is_skipped(tmp_path):
    result = _load_with(tmp_path, BROKEN / "font_missing.yaml")
    assert "broken_one" not in result.library.scenarios
