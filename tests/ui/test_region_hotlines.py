"""The region setting switches every hotline the screens show: text through App.tr, and the results QR code."""

from dataclasses import replace

import pytest

from game.content.hotlines import REGION_IDS, region as hotline_region
from game.rules import SessionScore
from game.settings import Settings
from game.ui.scenes.results import ResultsScene

from ui_helpers import frame, layout_problems, make_app

NUMBERS = {"mainland": ("96110", "110"), "hong_kong": ("18222", "999"), "taiwan": ("165", "110")}


@pytest.fixture(scope="module", params=REGION_IDS)
def app(request):
    app = make_app(settings=replace(Settings(), region=request.param))
    yield app
    app.stack.scenes.clear()


def test_tr_fills_in_the_regions_numbers(app):
    warning, police = NUMBERS[app.settings.region]
    assert app.tr("拨打{hotline.warning}，报警打{hotline.police}") == f"拨打{warning}，报警打{police}"


@pytest.mark.parametrize("locale", ["zh_Hant", "en"])
def test_tr_fills_them_in_after_translating(app, locale):
    app.set_locale(locale)
    try:
        shown = app.tr("扫码拨打 {hotline.warning} 反诈专线")
        assert NUMBERS[app.settings.region][0] in shown and "{" not in shown
        assert shown != f"扫码拨打 {NUMBERS[app.settings.region][0]} 反诈专线"   # translated, not the source
    finally:
        app.set_locale("zh_Hans")


def test_the_results_qr_code_dials_the_regions_hotline(app):
    scene = ResultsScene(app, SessionScore())
    app.stack.clear_to(scene)
    frame(app)
    assert scene.qr.data == hotline_region(app.settings.region).qr == f"tel:{NUMBERS[app.settings.region][0]}"
    assert NUMBERS[app.settings.region][0] in app.tr(scene.qr_label.text)
    assert layout_problems(app, scene) == []


def test_the_library_is_the_regions(app):
    mainland_only = "warning_call_96110"
    assert (mainland_only in app.library.scenarios) == (app.settings.region == "mainland")
