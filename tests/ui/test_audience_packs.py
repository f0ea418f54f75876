"""The audience screen with 1–12 packs: every name legible and touchable at every size, in every language."""

from dataclasses import replace
from types import MappingProxyType

import pytest

from game.ui.input import Action, Intent

from ui_helpers import SIZES, layout_problems, make_app, wait_until_armed

NAMES = ["Our County's Anti-Fraud Cases", "青山县公安局反诈中心本地案例", "全民反诈", "銀髮護航：長輩防騙"]


def audience(size=(1280, 720), locale="zh_Hans", count=12):
    app = make_app(size=size, locale=locale)
    result = app.load_content()
    shipped = list(result.library.packs.values())
    packs = {}
    for i in range(count):
        base = shipped[i % len(shipped)]
        pid = base.id if i < len(shipped) else f"{base.id}_{i}"
        packs[pid] = base if i < len(shipped) else replace(base, id=pid, name=NAMES[i % len(NAMES)])
    result.library = replace(result.library, packs=MappingProxyType(packs))
    scene = app.nav.navigate("setup_audience")
    app.step(0.05, [])
    return app, scene


@pytest.mark.parametrize("count", [1, 5, 12])
@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
@pytest.mark.parametrize("size", [s for s in SIZES if s != (3840, 2160)])
def test_every_pack_shown_fits_legibly_and_is_touchable(size, locale, count):
    app, scene = audience(size, locale, count)
    for page in range(scene.pages):
        scene.page = page
        scene.layout(app.size)
        assert layout_problems(app, scene) == [], f"page {page + 1}"


def test_five_packs_show_on_one_page_at_1280x720():
    app, scene = audience(count=5)
    assert scene.pages == 1 and all(b.visible for _, b in scene.pack_buttons)


def test_twelve_packs_are_paged_and_every_one_can_be_reached():
    app, scene = audience(count=12)
    seen = set()
    for _ in range(scene.pages):
        seen |= {pid for pid, b in scene.pack_buttons if b.visible}
        scene.next_page.on_click()
    assert scene.pages > 1 and seen == {pid for pid, _ in scene.pack_buttons}


def test_the_chosen_pack_opens_on_its_page():
    app, scene = audience(count=12)
    last = scene.pack_buttons[-1][0]
    app.update_settings(save=False, pack=last)
    scene = app.nav.navigate("setup_audience")
    app.step(0.05, [])
    assert dict(scene.pack_buttons)[last].visible


def test_a_tap_on_a_pack_of_the_second_page_chooses_it():
    app, scene = audience(count=12)
    while scene.page != 1:   # the screen opens on the chosen pack's page, which may be any
        scene.next_page.on_click()
    wait_until_armed(app)   # the second page's packs have just appeared: a tap at once is refused
    pid, button = next((pid, b) for pid, b in scene.pack_buttons if b.visible and pid != scene.pack_id)
    for action in (Action.PRESS, Action.RELEASE):
        app.handle_intent(Intent(action, pos=button.rect.center, touch=True))
    assert scene.pack_id == pid


def test_autoplay_reaches_the_command_line_pack_on_a_later_page():
    app, scene = audience(count=12)
    app.command_line_pack = scene.pack_buttons[-1][0]
    targets = scene.autoplay_targets()
    assert [t.name for t in targets] == [f"pack_{app.command_line_pack}"] and targets[0].visible
