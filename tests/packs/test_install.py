"""Installing a pack at the kiosk: checked first, nothing replaced until it passes."""

import json
import zipfile

import pytest

from game.cli import main
from game.content.install import PackError, export_pack, install_pack, list_packs, remove_pack, set_enabled
from game.content.loader import load_library
from game.content.packs import ContentSources
from game.paths import user_data_dir

from pack_helpers import set_field, zip_folder


def packs_dir():
    return user_data_dir() / "packs"


def installed(pack_id="qingshan"):
    return load_library().pack(pack_id)


def test_install_from_a_zip_through_the_command_line(county, tmp_path, capsys):
    (tmp_path / "stick").mkdir()
    stick = zip_folder(county, tmp_path / "stick" / "qingshan.zip")
    assert main(["pack", "install", str(stick)]) == 0
    assert "青山县反诈案例 1.0 (qingshan): installed" in capsys.readouterr().out
    assert installed().loaded and "qs_gas_bill_sms" in load_library().library.scenarios


def test_install_accepts_a_zip_with_the_pack_at_its_top(county, tmp_path):
    stick = zip_folder(county, tmp_path / "flat.zip", top="")
    assert install_pack(stick).ok


def test_install_from_a_folder_through_the_api(county):
    result = install_pack(county)
    assert result.ok and result.status.counts["quiz_items"] == 7 and (packs_dir() / "qingshan" / "pack.yaml").is_file()


def test_list_shows_name_version_authors_counts_and_problems(county, capsys):
    install_pack(county)
    assert main(["pack", "list", "--format", "json"]) == 0
    listed = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    pack = listed["qingshan"]
    assert (pack["name"], pack["version"], pack["authors"][0]) == ("青山县反诈案例", "1.0", "青山县公安局反诈中心")
    assert pack["counts"]["scenarios"] == 2 and pack["counts"]["quiz_items"] == 7 and pack["errors"] == []
    assert listed["shipped"]["origin"] == "shipped"


def test_a_pack_with_errors_is_refused_and_the_installed_one_stays(county):
    install_pack(county)
    set_field(county / "pack.yaml", "version: 1.0", "version: 2.0")
    set_field(county / "quiz" / "quiz_qingshan.yaml", "    answer: 3\n", "    answer: 4\n")
    result = install_pack(county)
    assert not result.ok and "was not installed" in result.message and result.problems[0].code == "out-of-range"
    assert installed().version == "1.0" and installed().loaded


def test_a_pack_needing_a_newer_game_is_refused_with_a_clear_message(county, tmp_path, capsys):
    set_field(county / "pack.yaml", "game: 0.1", "game: 3.2")
    assert main(["pack", "install", str(zip_folder(county, tmp_path / "new.zip"))]) == 1
    err = capsys.readouterr().err
    assert "needs game version 3.2 or newer; this game is 0.1.0" in err and "update the game" in err
    assert not (packs_dir() / "qingshan").exists()


@pytest.mark.parametrize("name", ["../evil.yaml", "qingshan/../../evil.yaml", "/tmp/evil.yaml",
                                  "C:/Windows/evil.yaml", "qingshan\\..\\..\\evil.yaml"])
def test_a_zip_entry_leading_outside_its_folder_is_refused(county, tmp_path, name):
    stick = zip_folder(county, tmp_path / "bad.zip")
    with zipfile.ZipFile(stick, "a") as zf:
        zf.writestr(name, "kind: scam_type\n")
    result = install_pack(stick)
    assert not result.ok and "leads outside its folder" in result.message
    assert not (packs_dir() / "qingshan").exists() and not (tmp_path / "evil.yaml").exists()
    assert not list(packs_dir().iterdir())


def test_a_zip_holding_a_link_is_refused(county, tmp_path):
    stick = zip_folder(county, tmp_path / "link.zip")
    with zipfile.ZipFile(stick, "a") as zf:
        info = zipfile.ZipInfo("qingshan/images/cat.png")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    result = install_pack(stick)
    assert not result.ok and "link" in result.message


def test_a_file_that_is_no_zip_is_refused(tmp_path):
    fake = tmp_path / "pack.zip"
    fake.write_bytes(b"not a zip at all")
    result = install_pack(fake)
    assert not result.ok and "not a zip file" in result.message


def test_export_writes_a_zip_that_install_accepts(county, tmp_path, capsys):
    written = load_library(sources=ContentSources(extra=(county,))).pack("qingshan").counts
    assert main(["pack", "export", str(county), "--out", str(tmp_path / "out.zip")]) == 0
    assert main(["pack", "install", str(tmp_path / "out.zip")]) == 0
    assert installed().counts == written and installed().origin == "installed"


def test_export_of_an_installed_pack_by_id_into_a_folder(county, tmp_path):
    install_pack(county)
    (tmp_path / "stick").mkdir()
    out, status = export_pack("qingshan", tmp_path / "stick")
    assert out.name == "qingshan-1.0.zip" and zipfile.ZipFile(out).getinfo("qingshan/pack.yaml")


def test_a_newer_version_replaces_the_installed_one(county):
    install_pack(county)
    set_field(county / "pack.yaml", "version: 1.0", "version: 1.1")
    result = install_pack(county)
    assert result.ok and result.replaced == "1.0" and installed().version == "1.1"
    assert sorted(p.name for p in packs_dir().iterdir()) == ["qingshan"]


def test_remove_takes_the_pack_out(county, capsys):
    install_pack(county)
    assert main(["pack", "remove", "qingshan"]) == 0
    assert installed() is None and "qs_gas_bill_sms" not in load_library().library.scenarios


def test_the_shipped_content_cannot_be_removed():
    with pytest.raises(PackError, match="part of the game"):
        remove_pack("shipped")


def test_removing_a_pack_that_is_not_there_names_the_installed_ones(county):
    install_pack(county)
    with pytest.raises(PackError, match=r"no installed pack 'nope' \(installed: qingshan\)"):
        remove_pack("nope")


def test_disable_keeps_the_pack_without_loading_it(county, capsys):
    install_pack(county)
    assert main(["pack", "disable", "qingshan"]) == 0
    assert installed().state == "disabled" and "qs_gas_bill_sms" not in load_library().library.scenarios
    listed = {s.id: s for s in list_packs()}
    assert listed["qingshan"].enabled is False and listed["qingshan"].counts["scenarios"] == 2


def test_enable_loads_it_again(county):
    install_pack(county)
    set_enabled("qingshan", False)
    set_enabled("qingshan", True)
    assert installed().loaded


def test_a_colliding_pack_is_refused_at_install(county):
    set_field(county / "tiles" / "qingshan.yaml", "- id: qs_number_suspend", "- id: safe_account")
    result = install_pack(county)
    assert not result.ok and {p.code for p in result.problems} >= {"id-collision"}
    assert not (packs_dir() / "qingshan").exists()
