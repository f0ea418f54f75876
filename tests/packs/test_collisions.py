"""Ids never collide silently: a pack changes another pack's items only when its manifest says so."""

import shutil

from game.cli import main
from game.content.loader import load_library
from game.content.packs import ContentSources
from game.paths import CONTENT_DIR

from pack_helpers import line_of, set_field

SHIPPED_TILES = "scenarios/tiles/fake_police.yaml"
SHIPPED_LINE = line_of(CONTENT_DIR / "tiles" / "fake_police.yaml", "- id: safe_account")


def _take_shipped_id(county):
    """The pack's first tile gets the id of a shipped tile (安全账户), as in the issue."""
    set_field(county / "tiles" / "qingshan.yaml", "- id: qs_number_suspend", "- id: safe_account")
    for path in (county / "boards" / "qingshan_path.yaml",):
        set_field(path, "2: qs_number_suspend", "2: safe_account")


def _load(county):
    return load_library(sources=ContentSources(extra=(county,)))


def test_a_colliding_id_is_an_error_at_the_colliding_line_of_both_files(county):
    _take_shipped_id(county)
    errors = [p for p in _load(county).pack("qingshan").errors if p.code == "id-collision"]
    mine = county / "tiles" / "qingshan.yaml"
    assert {(p.path.endswith("tiles/qingshan.yaml"), p.line) for p in errors} == {
        (True, line_of(mine, "- id: safe_account")), (False, SHIPPED_LINE)}
    assert any(p.path.endswith(SHIPPED_TILES) for p in errors)


def test_a_colliding_pack_changes_nothing_the_shipped_packs_show(county):
    _take_shipped_id(county)
    result = _load(county)
    assert result.pack("qingshan").state == "failed"
    assert result.library.tiles["safe_account"].keyword == "安全账户"
    assert not [p for p in result.problems if p.code == "pack-square-empty" and "scenarios/packs/" in p.path]


def test_validate_of_the_pack_shows_the_shipped_half_of_the_collision(county, capsys):
    _take_shipped_id(county)
    assert main(["validate", str(county)]) == 1
    out = capsys.readouterr().out
    assert f"{SHIPPED_TILES}:{SHIPPED_LINE}:5: error[id-collision]" in out and "NOT loaded" in out


def test_the_shipped_content_alone_stays_clean(county, capsys):
    _take_shipped_id(county)
    assert main(["validate"]) == 0


OUR_SAFE_ACCOUNT = """
  - id: safe_account
    keyword: 安全账户
    scam_type: fake_police
    scenarios: [police_safe_account]
    quiz_pool: quiz_fake_police
    tip: 青山县民警提醒：公安机关没有“安全账户”，让您转钱的“警察”都是假的。
"""


def _override(county, tile_text: str):
    tiles = county / "tiles" / "qingshan.yaml"
    tiles.write_text(tiles.read_text(encoding="utf-8") + tile_text, encoding="utf-8")
    set_field(county / "pack.yaml", "builds_on: [shipped]", "builds_on: [shipped]\noverrides:\n  tiles: [safe_account]")


def test_an_override_listed_in_the_manifest_replaces_the_shipped_item(county):
    _override(county, OUR_SAFE_ACCOUNT)
    result = _load(county)
    assert result.pack("qingshan").loaded, result.pack("qingshan").reason
    assert result.library.tiles["safe_account"].tip.startswith("青山县民警提醒")


def test_an_override_that_leaves_a_shipped_square_empty_keeps_the_pack_out(county):
    _override(county, OUR_SAFE_ACCOUNT.replace("fake_police", "qs_fake_carrier").replace(
        "[police_safe_account]", "[qs_carrier_screen_share]").replace("quiz_qs_fake_carrier", "quiz_qingshan"))
    result = _load(county)
    status = result.pack("qingshan")
    assert status.state == "failed" and {p.code for p in status.errors} == {"pack-square-empty"}
    assert result.library.tiles["safe_account"].keyword == "安全账户" and "police_safe_account" in \
        result.library.tiles["safe_account"].scenarios


def test_an_override_of_an_id_the_pack_does_not_have_is_an_error(county):
    set_field(county / "pack.yaml", "builds_on: [shipped]", "builds_on: [shipped]\noverrides:\n  tiles: [safe_acount]")
    status = _load(county).pack("qingshan")
    assert [p.code for p in status.errors] == ["bad-override"]
    assert status.errors[0].line == line_of(county / "pack.yaml", "safe_acount")


def test_only_items_of_packs_built_on_can_be_overridden(county, tmp_path):
    other = tmp_path / "county_office" / "other"
    shutil.copytree(county, other)
    set_field(other / "pack.yaml", "id: qingshan", "id: other")
    for path in other.rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("qs_", "ot_").replace("quiz_qingshan", "quiz_other")
                        .replace("tiles_qingshan", "tiles_other").replace("qingshan_path", "other_path")
                        .replace("qingshan_all", "other_all"), encoding="utf-8")
    set_field(other / "tiles" / "qingshan.yaml", "- id: ot_real_name", "- id: qs_real_name")
    set_field(other / "boards" / "qingshan_path.yaml", "10: ot_real_name", "10: qs_real_name")
    set_field(other / "pack.yaml", "builds_on: [shipped]", "builds_on: [shipped]\noverrides:\n  tiles: [qs_real_name]")
    result = load_library(sources=ContentSources(extra=(county, other)))
    assert result.pack("qingshan").loaded and result.pack("other").state == "failed"
    assert "bad-override" in {p.code for p in result.pack("other").errors}


def test_two_installed_packs_with_one_id_keep_the_first(county, tmp_path):
    packs = tmp_path / "userdata" / "packs"
    shutil.copytree(county, packs / "a_first")
    shutil.copytree(county, packs / "b_second")
    result = load_library()
    assert [s.state for s in result.packs if s.id == "qingshan"] == ["loaded", "failed"]
    assert "qs_gas_bill_sms" in result.library.scenarios


def test_the_shipped_id_is_taken(county):
    set_field(county / "pack.yaml", "id: qingshan", "id: shipped")
    set_field(county / "pack.yaml", "builds_on: [shipped]", "builds_on: []")
    result = _load(county)
    assert [s.state for s in result.packs] == ["loaded", "failed"]
    assert "belongs to the game's own content" in result.packs[1].reason
