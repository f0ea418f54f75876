"""The operator's "this machine" page: site, district, device id, county sync, region, sound, crash count."""

import pygame
import pytest

from game.crashlog import read_count, write_report
from game.stats.site import load_site
from game.ui.jobs import Job

from ui_helpers import SIZES, layout_problems, make_app


@pytest.fixture(autouse=True)
def jobs_at_once(monkeypatch):
    monkeypatch.setattr(Job, "run_now", True)


def machine_page(tmp_path, **kw):
    app = make_app(stats_db=tmp_path / "stats.sqlite3", **kw)
    app.load_content()
    page = app.nav.navigate("operator_machine")
    app.step(0.05, [])
    return app, page


def type_into(app, page, field, text):
    page.begin_text(field)
    field.set_text("")
    app.step(0.05, [pygame.event.Event(pygame.TEXTINPUT, text=text)])
    app.step(0.05, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)])


def test_the_site_name_typed_is_saved_for_the_statistics(tmp_path):
    app, page = machine_page(tmp_path)
    type_into(app, page, page.site_field, "人民公园")
    assert load_site().site == "人民公园" and page.editing is None


def test_the_district_typed_is_saved(tmp_path):
    app, page = machine_page(tmp_path)
    type_into(app, page, page.district_field, "城关镇")
    assert load_site().district == "城关镇"


def test_the_device_id_is_shown(tmp_path):
    app, page = machine_page(tmp_path)
    assert load_site().device_id in page.device.text


def test_a_sync_target_with_a_password_is_refused_and_pgpass_named(tmp_path):
    app, page = machine_page(tmp_path)
    type_into(app, page, page.target_field, "postgresql://kiosk:secret@db.example/fanzha")
    assert load_site().sync_to == "" and ".pgpass" in page.note.text and page.target_field.text == ""


def test_a_refused_sync_target_is_explained_in_the_operators_language(tmp_path):
    app, page = machine_page(tmp_path, locale="en")
    type_into(app, page, page.target_field, "postgresql://kiosk:secret@db.example/fanzha")
    assert page.note.text.startswith("No password in the sync address") and ".pgpass" in page.note.text


def test_background_sync_cannot_be_switched_on_without_a_target(tmp_path):
    app, page = machine_page(tmp_path)
    assert not any(b.enabled for _, b in page.sync_buttons)


def test_switching_background_sync_on_starts_the_syncer(tmp_path):
    app, page = machine_page(tmp_path)
    type_into(app, page, page.target_field, "service=fanzha_county")
    page.set_sync_on(True)
    try:
        assert load_site().sync_on and app.stats_syncer is not None and app.stats_syncer.target == "service=fanzha_county"
    finally:
        page.set_sync_on(False)
    assert app.stats_syncer is None


def test_the_interval_button_steps_through_the_choices(tmp_path):
    app, page = machine_page(tmp_path)
    before = load_site().sync_every_min
    page.cycle_every()
    assert load_site().sync_every_min != before and str(load_site().sync_every_min) in page.every_button.text


def test_the_sync_line_says_how_many_games_wait(tmp_path):
    app, page = machine_page(tmp_path)
    type_into(app, page, page.target_field, "service=fanzha_county")
    page.update(10)
    assert "等待发送：0 场" in page.sync_status.text and "还没有" in page.sync_status.text


def test_a_region_change_is_saved_and_reloads_the_library(tmp_path):
    app, page = machine_page(tmp_path)
    before = app._library_result
    page.set_region("hong_kong")
    assert app.settings.region == "hong_kong" and app._library_result is not before
    assert app.tr("{hotline.warning}") == "18222"


def test_sound_off_mutes_the_game(tmp_path):
    app, page = machine_page(tmp_path)
    page.set_switch("sound", False)
    assert app.settings.muted and app.saved_settings.muted


def test_reading_aloud_off_is_saved(tmp_path):
    app, page = machine_page(tmp_path)
    page.set_switch("voice", False)
    assert app.saved_settings.voice is False


def test_the_crash_count_is_shown_and_can_be_cleared(tmp_path):
    write_report("boom")
    write_report("boom again")
    app, page = machine_page(tmp_path)
    assert "程序出错 2 次" in page.crashes.text and page.clear_crashes.enabled
    page.reset_crashes()
    assert read_count() == {} and not page.clear_crashes.enabled


@pytest.mark.parametrize("size", [s for s in SIZES if s != (3840, 2160)])
def test_the_machine_page_fits_by_touch(tmp_path, size):
    app, page = machine_page(tmp_path, size=size)
    assert layout_problems(app, page) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_machine_page_fits_in_english(tmp_path, size):
    app, page = machine_page(tmp_path, size=size, locale="en")
    assert layout_problems(app, page) == []
