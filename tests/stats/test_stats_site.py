"""This installation as a site: device id made once, operator-set place names, a sync target without passwords."""

import json

import pytest

from game.stats.site import left_alone, load_site, save_site, site_path


def test_the_device_id_is_made_once_and_kept():
    first = load_site().device_id
    assert len(first) == 32 and load_site().device_id == first


def test_site_and_district_are_saved():
    save_site(site=" 人民公园  东门 ", district="城关镇")
    info = load_site()
    assert (info.site, info.district) == ("人民公园 东门", "城关镇")


def test_a_long_place_name_is_refused():
    with pytest.raises(ValueError):
        save_site(site="公" * 41)


def test_a_password_in_the_sync_target_is_refused():
    with pytest.raises(ValueError, match="pgpass"):
        save_site(sync_to="postgresql://kiosk:secret@db.example.org/fanzha")


def test_a_service_name_is_a_sync_target():
    assert save_site(sync_to="fanzha_county", sync_on=True).sync_to == "fanzha_county"


def test_a_damaged_site_file_is_set_aside_and_a_new_id_made():
    path = site_path()
    path.write_text("{not json", encoding="utf-8")
    info = load_site()
    assert len(info.device_id) == 32
    assert [p for p in path.parent.iterdir() if p.name.startswith("site.json.bad-")]


def test_nothing_but_the_known_fields_is_written():
    save_site(site="县科技馆")
    assert set(json.loads(site_path().read_text(encoding="utf-8"))) == {
        "device_id", "site", "district", "sync_to", "sync_every_min", "sync_on"}


def test_a_throw_away_read_makes_no_site_file():
    info = load_site(keep=False)
    assert len(info.device_id) == 32 and not site_path().exists()


def test_a_throw_away_read_leaves_a_damaged_file_where_it_is():
    path = site_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    load_site(keep=False)
    assert path.read_text(encoding="utf-8") == "{not json"
    assert not [p for p in path.parent.iterdir() if p.name.startswith("site.json.bad-")]


def test_a_throw_away_read_gives_the_saved_site_when_there_is_one():
    kept = save_site(site="人民公园")
    assert load_site(keep=False) == kept


def test_inside_left_alone_no_caller_writes_the_site_file():
    with left_alone():
        load_site()
    assert not site_path().exists()
    load_site()
    assert site_path().exists()
