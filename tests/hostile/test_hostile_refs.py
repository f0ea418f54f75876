"""References in bulk: thousands of unknown ids against thousands of items, boards listed many times."""

import shutil

import pytest

from game.content.loader import load_library

from hostile_cases import FIXTURE


def board(bid: str, tiles: dict[int, str]) -> str:
    seats = "".join(f"  - {{colour: {c}, start: 0, home_entry: 199}}\n" for c in ("red", "blue", "green", "yellow"))
    return (f"kind: board\nid: {bid}\nname: 大\ndescription: 大\nlayout: path\nrules: {{preset: simple}}\n"
            "track:\n  length: 200\n  tiles: {" + ", ".join(f"{i}: {t}" for i, t in tiles.items()) + "}\n"
            "seats:\n" + seats + "home_length: 0\n")


def pack(pid: str, boards: list[str], extra: str = "") -> str:
    return (f"kind: pack\nid: {pid}\naudience: general\nname: 包\ndescription: 包\n"
            f"boards: [{', '.join(boards)}]\n{extra}")


def load_with(tmp_path, files: dict[str, str]):
    root = tmp_path / "scenarios"
    shutil.copytree(FIXTURE, root)
    for name, body in files.items():
        (root / name).write_text(body, encoding="utf-8")
    return load_library(paths=[root])


@pytest.fixture(scope="module")
def unknown_tiles(tmp_path_factory):
    """3,000 tiles, and 5 boards naming 200 tiles each that do not exist (a fuzzy hint each, once)."""
    tiles = "kind: tile_set\nid: lots\ntiles:\n" + "".join(
        f"  - {{id: t{i}, keyword: 词, type: safe, tip: 提示}}\n" for i in range(3000))
    files = {"lots.yaml": tiles}
    files.update({f"big{b}.yaml": board(f"big{b}", {i: f"u{b}_{i}" for i in range(200)}) for b in range(5)})
    return load_with(tmp_path_factory.mktemp("refs"), files)


def test_1000_unknown_tiles_are_each_reported(unknown_tiles):
    result = unknown_tiles
    assert sum(p.code == "unknown-ref" for p in result.errors) == 1000


def test_first_unknown_refs_of_a_file_still_get_a_did_you_mean_hint(tmp_path):
    result = load_with(tmp_path, {"typo.yaml": pack("typo", ["mini"], "scenarios: [polce_call]\n")})
    assert [p.hint for p in result.errors if p.code == "unknown-ref"] == ["did you mean 'police_call'?"]


def test_pack_naming_40000_unknown_scenarios_reports_each(tmp_path):
    refs = ", ".join(f"s{i}" for i in range(40_000))
    result = load_with(tmp_path, {"many.yaml": pack("many", ["mini"], f"scenarios: [{refs}]\n")})
    assert sum(p.code == "unknown-ref" for p in result.errors) == 40_000


def test_pack_listing_a_200_square_board_20000_times_loads_clean(tmp_path):
    files = {"big.yaml": board("big", {i: "safe_account" for i in range(200)}),
             "many.yaml": pack("many", ["big"] * 20_000, "scenarios: [police_call]\n")}
    result = load_with(tmp_path, files)
    assert result.errors == [] and "many" in result.library.packs


def test_pack_listing_a_board_many_times_reports_an_empty_square_once(tmp_path):
    # the pack allows another scene and another pool only, so square 0 (safe_account) starts nothing
    other_scene = (FIXTURE / "scenario.yaml").read_text("utf-8").replace("id: police_call", "id: other_call")
    other_pool = (FIXTURE / "quiz.yaml").read_text("utf-8").replace("id: quiz_police", "id: quiz_other")
    files = {"big.yaml": board("big", {0: "safe_account"}), "other_call.yaml": other_scene,
             "quiz_other.yaml": other_pool,
             "narrow.yaml": pack("narrow", ["big"] * 1000, "scenarios: [other_call]\nquiz_pools: [quiz_other]\n")}
    result = load_with(tmp_path, files)
    assert sum(p.code == "pack-square-empty" for p in result.problems) == 1
