"""A county's pack in a folder outside the game: checked with what it builds on, played, translated."""

import json
import shutil

from game.cli import main
from game.content.loader import load_library
from game.content.packs import ContentSources
from game.i18n.catalogs import get_translator, use_pack_catalogs

from pack_helpers import line_of, set_field, zip_folder


def test_pack_outside_the_game_validates_in_context(county, capsys):
    assert main(["validate", str(county)]) == 0
    out = capsys.readouterr().out
    assert "0 error(s), 0 warning(s)" in out and "content pack 'qingshan'" in out and "loaded" in out


def test_shipped_help_tiles_resolve_on_the_packs_board(county):
    result = load_library(sources=ContentSources(extra=(county,)))
    board = result.library.boards["qingshan_path"]
    assert {"hotline_96110", "call_110", "anti_fraud_app"} <= {sq.tile for sq in board.squares}


def test_validate_of_one_file_in_the_pack_reports_only_that_file(county, capsys):
    set_field(county / "quiz" / "quiz_qingshan.yaml", "name: 青山县反诈小测验", "name: 青山县反诈小测验\nnmae: x")
    set_field(county / "boards" / "qingshan_path.yaml", "layout: path", "layout: path\nlayuot: path")
    main(["validate", str(county / "quiz" / "quiz_qingshan.yaml"), "--format", "json"])
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert [e["code"] for e in errors] == ["unknown-key"] and errors[0]["path"].endswith("quiz_qingshan.yaml")


def test_its_catalogs_give_english_and_traditional_chinese(county):
    result = load_library(sources=ContentSources(extra=(county,)))
    use_pack_catalogs(result.catalog_dirs)
    try:
        assert get_translator("en")("青山县反诈") == "Qingshan County"
        assert get_translator("zh_Hant")("号码停机") == "號碼停機"
    finally:
        use_pack_catalogs([])


def test_shipped_texts_keep_their_translations_with_a_pack_loaded(county):
    result = load_library(sources=ContentSources(extra=(county,)))
    use_pack_catalogs(result.catalog_dirs)
    try:
        keyword = result.library.tiles["safe_account"].keyword
        assert get_translator("en")(keyword) != keyword
    finally:
        use_pack_catalogs([])


def test_simulate_plays_the_packs_board_and_scenes(county, capsys):
    assert main(["simulate", "--content", str(county), "--games", "30", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["board"] == "qingshan_path" and report["pack"] == "qingshan_all"
    assert report["scenes_per_game"]["scenarios"] + report["scenes_per_game"]["quizzes"] > 0


def test_simulate_takes_the_pack_as_a_zip(county, tmp_path, capsys):
    stick = zip_folder(county, tmp_path / "qingshan.zip")
    assert main(["simulate", "--content", str(stick), "--games", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["board"] == "qingshan_path"


def test_a_folder_without_pack_yaml_is_no_content_pack(county, capsys):
    (county / "pack.yaml").unlink()
    assert main(["simulate", "--content", str(county), "--games", "5"]) == 2
    assert "no pack.yaml" in capsys.readouterr().err


def test_simulate_refuses_a_given_pack_that_did_not_load(county, capsys):
    set_field(county / "quiz" / "quiz_qingshan.yaml", "kind: quiz_pool", "kind: quiz_pol")
    assert main(["simulate", "--content", str(county), "--games", "5"]) == 1
    assert "is not loaded" in capsys.readouterr().err


def test_graph_draws_a_script_of_the_pack(county, tmp_path, capsys):
    out = tmp_path / "g.dot"
    assert main(["graph", "qs_gas_bill_sms", "--content", str(county), "--out", str(out)]) == 0
    assert "燃气欠费" in out.read_text(encoding="utf-8")


def test_a_pack_needing_a_newer_game_is_not_loaded(county, capsys):
    set_field(county / "pack.yaml", "game: 0.1", "game: 9.0")
    result = load_library(sources=ContentSources(extra=(county,)))
    status = result.pack("qingshan")
    assert status.state == "needs-newer-game" and "9.0" in status.reason and "update the game" in status.reason
    assert "qs_gas_bill_sms" not in result.library.scenarios


def test_validate_names_a_pack_needing_a_newer_game_at_its_game_line(county, capsys):
    set_field(county / "pack.yaml", "game: 0.1", "game: 9.0")
    assert main(["validate", str(county)]) == 1
    line = line_of(county / "pack.yaml", "game: 9.0")
    assert f"pack.yaml:{line}:7: error[needs-newer-game]" in capsys.readouterr().out


def test_installed_pack_with_errors_is_skipped_whole_and_shipped_content_plays(county, tmp_path):
    installed = tmp_path / "userdata" / "packs" / "qingshan"
    shutil.copytree(county, installed)
    set_field(installed / "quiz" / "quiz_qingshan.yaml", "    answer: 3\n", "    answer: 4\n")
    result = load_library()
    status = result.pack("qingshan")
    assert status.state == "failed" and "quiz_qingshan.yaml" in status.reason
    assert "qs_gas_bill_sms" not in result.library.scenarios and "police_safe_account" in result.library.scenarios


def test_a_given_pack_replaces_the_installed_one_of_the_same_id(county, tmp_path):
    installed = tmp_path / "userdata" / "packs" / "qingshan"
    shutil.copytree(county, installed)
    set_field(county / "tiles" / "qingshan.yaml", "keyword: 号码停机", "keyword: 停机通知")
    result = load_library(sources=ContentSources(extra=(county,)))
    assert result.library.tiles["qs_number_suspend"].keyword == "停机通知"
    assert [s.state for s in result.packs if s.id == "qingshan"] == ["replaced", "loaded"]


def test_a_pack_building_on_a_missing_pack_is_not_loaded(county, capsys):
    set_field(county / "pack.yaml", "builds_on: [shipped]", "builds_on: [shipped, county_base]")
    status = load_library(sources=ContentSources(extra=(county,))).pack("qingshan")
    assert status.state == "failed" and "county_base" in status.reason


def test_a_pack_may_use_only_the_packs_it_builds_on(county, tmp_path):
    set_field(county / "pack.yaml", "builds_on: [shipped]", "builds_on: []")
    status = load_library(sources=ContentSources(extra=(county,))).pack("qingshan")
    refs = [p for p in status.errors if p.code == "unknown-ref"]
    assert refs and all("add 'shipped' to 'builds_on'" in p.hint for p in refs)


def test_validate_works_where_no_data_folder_can_be_made(county, tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "not_a_folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("FANZHA_DATA_DIR", str(blocked / "data"))
    assert main(["validate", str(county)]) == 0


def test_a_pack_name_the_font_cannot_show_is_an_error(county):
    set_field(county / "pack.yaml", "name: 青山县反诈案例", "name: 青山县反诈案例🚓")
    status = load_library(sources=ContentSources(extra=(county,))).pack("qingshan")
    assert status.state == "failed" and [p.code for p in status.errors] == ["font-missing-glyph"]


def test_a_packs_recorded_voice_is_played_before_the_games_own(county):
    from game.i18n import use_content
    from game.i18n.voice import Narrator, message_id, use_pack_voices
    line = "您好，这里是手机营业厅客服。您的号码实名认证已过期，今天下午五点就要停机。"
    recording = county / "voice" / "zh_Hans" / f"{message_id(line)}.ogg"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"OggS")
    use_content(load_library(sources=ContentSources(extra=(county,))))
    try:
        assert Narrator("zh_Hans", espeak=None).source_for(line).path == recording
    finally:
        use_pack_voices([])
        use_pack_catalogs([])


def test_validate_dot_in_a_folder_of_the_pack_checks_its_files(county, monkeypatch, capsys):
    monkeypatch.chdir(county / "tiles")
    set_field(county / "tiles" / "qingshan.yaml", "keyword: 问问邻居", "keyword: 问问邻居\n    colour: red")
    assert main(["validate", "."]) == 1
    out = capsys.readouterr().out
    assert out.startswith("qingshan.yaml:") and "in 1 file(s)" in out


def test_validate_in_a_packs_folder_without_a_path_says_how_to_check_the_pack(county, monkeypatch, capsys):
    monkeypatch.chdir(county / "quiz")
    main(["validate"])
    assert f"to check that pack, run 'python -m game validate {county}'" in capsys.readouterr().out
