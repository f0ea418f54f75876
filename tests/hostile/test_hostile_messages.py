"""Problem messages stay one readable line, whatever size of value they quote."""

import shutil

import pytest

from game.content.loader import load_library

from hostile_cases import FIXTURE, SCAM, scene_field, scene_money

LONGEST = 300  # characters of message: a long value is cut, not pasted whole

HUGE = {
    "id_of_10000_characters": SCAM.replace("id: hostile_scam", "id: " + "a" * 10_000),
    "key_of_100000_characters": SCAM + '? "' + "k" * 100_000 + '"\n: 1\n',
    "list_of_20000_items_as_kind": "kind: [" + ", ".join(["x"] * 20_000) + "]\n",
    "mapping_as_channel": SCAM.replace("kind: scam_type", "kind: {" + ", ".join(f"k{i}: v" for i in range(5000)) + "}"),
    "number_of_900_digits_as_money": scene_money("9" * 900).decode("utf-8"),
    "picture_path_of_50000_characters": scene_field("image: " + "p/" * 25_000 + "x.png").decode("utf-8"),
    "keyword_of_1500_characters": (FIXTURE / "tiles.yaml").read_text("utf-8").replace(
        "id: core", "id: core2").replace("keyword: 安全账户", "keyword: " + "词" * 1500).replace(
        "id: safe_account", "id: other_account").replace("id: hotline", "id: other_hotline"),
}


@pytest.mark.parametrize("name", sorted(HUGE))
def test_message_quoting_a_huge_value_stays_short(tmp_path, name):
    root = tmp_path / "scenarios"
    shutil.copytree(FIXTURE, root)
    (root / f"{name}.yaml").write_text(HUGE[name], encoding="utf-8")
    problems = [p for p in load_library(paths=[root]).problems if name in p.path]
    assert problems and max(len(p.message) for p in problems) <= LONGEST
