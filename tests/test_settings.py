import json
import re
from dataclasses import replace
from datetime import datetime

import pytest

from game.i18n import get_translator
from game.i18n.message import say
from game.paths import user_data_dir
from game.settings import (
    DEFAULT_PIN, Settings, load_settings, pin_is_default, save_settings, set_aside, set_pin, verify_pin,
)

BAD_NAME = re.compile(r"^settings\.json\.bad-\d{8}-\d{6}(-\d+)?$")


@pytest.fixture
def path(tmp_path):
    return tmp_path / "settings.json"


def bad_files(folder):
    return sorted(p for p in folder.iterdir() if BAD_NAME.match(p.name))


def test_missing_file_gives_defaults_without_notice(path):
    assert load_settings(path) == (Settings(), None)


def test_default_path_is_in_the_user_data_folder():
    save_settings(replace(Settings(), muted=True))
    assert (user_data_dir() / "settings.json").exists()
    assert load_settings()[0].muted is True


def test_round_trip_keeps_every_field(path):
    settings = Settings(locale="en", pack="elderly", text_size="extra_large", high_contrast=True,
                        reduced_motion=True, muted=True, voice=False, idle_timeout_s=120, countdown_s=5,
                        mode="classroom", class_name="三年级二班", teams=3, stats_enabled=False, region="taiwan")
    settings = set_pin(settings, "9753")
    save_settings(settings, path)
    assert load_settings(path) == (settings, None)


def test_save_leaves_no_temporary_files(path):
    save_settings(Settings(), path)
    save_settings(Settings(muted=True), path)
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_invalid_json_gives_defaults_and_a_notice(path):
    path.write_text("{not json", encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings == Settings()
    assert notice.startswith("设置文件损坏，已改用默认设置；原文件已保存为")


def test_invalid_json_file_is_set_aside_unchanged(path):
    path.write_text("{not json", encoding="utf-8")
    _, notice = load_settings(path)
    [aside] = bad_files(path.parent)
    assert aside.read_text(encoding="utf-8") == "{not json"
    assert str(aside) in notice


def test_corrupt_file_is_replaced_by_readable_settings(path):
    path.write_bytes(b"\xff\xfe garbage")
    load_settings(path)
    assert load_settings(path) == (Settings(), None)


def test_non_object_json_is_corrupt(path):
    path.write_text("[1, 2]", encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings == Settings() and notice and len(bad_files(path.parent)) == 1


def test_set_aside_never_overwrites_an_earlier_bad_file(path):
    when = datetime(2024, 5, 1, 9, 30, 0)
    path.write_text("first", encoding="utf-8")
    first = set_aside(path, now=when)
    path.write_text("second", encoding="utf-8")
    second = set_aside(path, now=when)
    assert first != second
    assert first.read_text(encoding="utf-8") == "first"
    assert second.read_text(encoding="utf-8") == "second"


def test_wrong_typed_field_falls_back_to_its_default_and_keeps_the_others(path):
    path.write_text(json.dumps({"muted": True, "idle_timeout_s": "ninety"}), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings.muted is True
    assert settings.idle_timeout_s == Settings().idle_timeout_s
    assert "idle_timeout_s" in notice


def test_wrong_typed_field_sets_the_file_aside(path):
    original = json.dumps({"muted": True, "voice": "yes"})
    path.write_text(original, encoding="utf-8")
    load_settings(path)
    [aside] = bad_files(path.parent)
    assert aside.read_text(encoding="utf-8") == original


def test_bool_is_not_accepted_as_a_number(path):
    path.write_text(json.dumps({"countdown_s": True}), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings.countdown_s == 15 and "countdown_s" in notice


def test_unknown_value_falls_back_to_default(path):
    path.write_text(json.dumps({"text_size": "huge"}), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings.text_size == "normal" and "text_size" in notice


def test_the_region_is_the_machines_not_a_modes(path):
    save_settings(Settings(region="hong_kong"), path, mode="kiosk")
    assert load_settings(path, mode="normal")[0].region == "hong_kong"


def test_an_unknown_region_falls_back_to_the_mainland(path):
    path.write_text(json.dumps({"region": "macao"}), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings.region == "mainland" and "region" in notice


def test_out_of_range_number_falls_back_to_default(path):
    path.write_text(json.dumps({"idle_timeout_s": 1}), encoding="utf-8")
    assert load_settings(path)[0].idle_timeout_s == 90


def test_unknown_key_is_reported(path):
    path.write_text(json.dumps({"volume": 3}), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings == Settings() and "volume" in notice


def test_repaired_settings_load_cleanly_next_time(path):
    path.write_text(json.dumps({"muted": True, "voice": "yes"}), encoding="utf-8")
    load_settings(path)
    assert load_settings(path) == (Settings(muted=True), None)


def test_default_pin_works_on_first_setup():
    assert verify_pin(Settings(), DEFAULT_PIN)
    assert pin_is_default(Settings())


def test_new_pin_verifies():
    assert verify_pin(set_pin(Settings(), "13579"), "13579")


def test_wrong_pin_is_refused():
    assert not verify_pin(set_pin(Settings(), "13579"), "13570")


def test_default_pin_stops_working_after_a_change():
    settings = set_pin(Settings(), "13579")
    assert not verify_pin(settings, DEFAULT_PIN)
    assert not pin_is_default(settings)


def test_pin_is_never_stored_in_clear(path):
    save_settings(set_pin(Settings(), "864213"), path)
    assert "864213" not in path.read_text(encoding="utf-8")


def test_same_pin_gets_a_different_salt_each_time():
    a, b = set_pin(Settings(), "1234"), set_pin(Settings(), "1234")
    assert a.operator_pin_salt != b.operator_pin_salt and a.operator_pin_hash != b.operator_pin_hash


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234"])
def test_set_pin_rejects_a_bad_pin(pin):
    with pytest.raises(ValueError):
        set_pin(Settings(), pin)


def test_hash_without_salt_resets_to_the_default_pin(path):
    stored = set_pin(Settings(), "5555")
    data = {"operator_pin_hash": stored.operator_pin_hash}
    path.write_text(json.dumps(data), encoding="utf-8")
    settings, notice = load_settings(path)
    assert verify_pin(settings, DEFAULT_PIN) and notice


def test_the_notice_for_a_damaged_file_can_be_said_in_english(path):
    path.write_text("{not json", encoding="utf-8")
    _, notice = load_settings(path)
    english = say(notice, get_translator("en"))
    assert english.startswith("The settings file was damaged") and "not valid JSON (line 1)" in english


def test_each_wrong_entry_is_listed_in_english(path):
    path.write_text(json.dumps({"version": 2, "modes": {"nope": {}}, "idle_timeout_s": "soon"}), encoding="utf-8")
    _, notice = load_settings(path)
    english = say(notice, get_translator("en"))
    assert "unknown mode 'nope'" in english and "; " in english and "未知" in notice
