"""Every channel drawn as a phone screen at four window sizes: inside the window, no text
cut or outside its box; the face-swap tells animate; reduced motion still shows them."""

from dataclasses import replace

import pygame
import pytest

from game.ui.phone import PhoneState, draw_node
from game.ui.phone.gallery import SIZES, render, stub_app
from game.ui.phone.ink import Ink
from game.ui.phone.in_person import place_of
from game.ui.phone.samples import sample_nodes
from game.ui.phone.video import paint_video
from game.ui.theme import HIGH_CONTRAST

NAMES = list(sample_nodes())


@pytest.fixture(scope="module", autouse=True)
def _pygame():
    pygame.init()
    yield


def _problems(app, surface):
    screen = surface.get_rect()
    out = []
    for rec in app.ink.records:
        if rec.overflow:
            out.append(f"{rec.text!r} does not fit {rec.box} (drawn {rec.drawn}, {rec.px}px)")
        if not screen.contains(rec.drawn):
            out.append(f"{rec.text!r} drawn outside the window at {rec.drawn}")
    return out


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", NAMES)
def test_channel_renders_inside_and_fits(name, size):
    app = stub_app()
    app.ink.begin_frame()
    surf, hits = render(name, size, app)
    assert hits.body is not None and surf.get_rect().contains(hits.body)
    assert app.ink.records, "a phone screen with no text drawn"
    assert _problems(app, surf) == []


@pytest.mark.parametrize("name", NAMES)
def test_big_text_and_high_contrast_still_fit(name):
    app = stub_app(theme=HIGH_CONTRAST, text_size="extra_large")
    app.ink.begin_frame()
    surf, _ = render(name, (1280, 720), app)
    assert _problems(app, surf) == []


def test_every_node_of_every_script_draws_without_overflow():
    from game.content.loader import load_library
    lib = load_library().library
    app = stub_app()
    surf = pygame.Surface((1280, 720))
    area = pygame.Rect(20, 20, 330, 680)
    bad = []
    for scenario in lib.scenarios.values():
        for node in scenario.nodes.values():
            app.ink.begin_frame()
            draw_node(surf, area, node, PhoneState(t=1.0), app)
            bad += [f"{scenario.id}/{node.id}: {p}" for p in _problems(app, surf)]
    assert bad == []


def test_incoming_call_shows_the_overseas_badge_only_for_foreign_numbers():
    app = stub_app()
    node = sample_nodes()["phone_call_ringing"]
    for number, expected in (("+852 6012 3344", True), ("138 0013 8000", False)):
        app.ink.begin_frame()
        c = replace(node.contact, number=number, note="")
        render_node = replace(node, contact=c)
        surf = pygame.Surface((1280, 720))
        draw_node(surf, pygame.Rect(0, 0, 500, 720), render_node, PhoneState(ringing=True), app)
        texts = [r.text for r in app.ink.records]
        assert ("境外来电" in texts) is expected


def test_answer_and_decline_are_hit_areas_while_ringing():
    app = stub_app()
    surf = pygame.Surface((1280, 720))
    hits = draw_node(surf, pygame.Rect(0, 0, 500, 720), sample_nodes()["phone_call_ringing"],
                     PhoneState(ringing=True), app)
    assert {"answer", "decline"} <= set(hits.areas)
    assert hits.at(hits.areas["answer"].center) == "answer"


def _video(node, state):
    return pygame.image.tobytes(paint_video((300, 620), node, state, stub_app().theme), "RGB")


def test_glitch_on_turn_tears_the_face_but_a_real_face_turns_cleanly():
    node = replace(sample_nodes()["video_call"], tells=("glitch_on_turn",))
    real = replace(node, tells=())
    turning = PhoneState(t=2.0, test="turn", test_t=1.4, speaking=False)
    # The fake and the real caller look the same until the head turns…
    still = PhoneState(t=2.0, speaking=False)
    assert _video(node, still) == _video(real, still)
    # …then they differ.
    assert _video(node, turning) != _video(real, turning)


def test_glitch_on_wave_hides_the_hand_behind_the_face():
    node = replace(sample_nodes()["video_call"], tells=("glitch_on_wave",))
    real = replace(node, tells=())
    waving = PhoneState(t=2.2, test="wave", test_t=1.0, speaking=False)
    assert _video(node, waving) != _video(real, waving)


@pytest.mark.parametrize("tell", ["blur_edges", "bad_signal", "no_blink", "lip_sync"])
def test_each_tell_changes_the_picture(tell):
    node = replace(sample_nodes()["video_call"], tells=(tell,))
    real = replace(node, tells=())
    # no_blink shows at a blink moment; lip_sync while the caller speaks.
    state = PhoneState(t=3.0, speaking=(tell == "lip_sync"))
    assert _video(node, state) != _video(real, state)


def test_animation_moves_with_time_but_not_with_reduced_motion():
    node = sample_nodes()["video_call"]
    a = PhoneState(t=1.0, test="turn", test_t=0.5)
    b = PhoneState(t=1.3, test="turn", test_t=0.5)
    assert _video(node, a) != _video(node, b)
    ra = replace(a, reduced_motion=True)
    rb = replace(b, reduced_motion=True)
    assert _video(node, ra) == _video(node, rb)
    # …and the tell is still visible when motion is reduced.
    assert _video(node, ra) != _video(replace(node, tells=()), ra)


def test_phone_text_is_broken_once_per_text_size_and_width(monkeypatch):
    import game.ui.text as text_module   # the service that breaks the phone's text
    calls = []
    real = text_module.break_lines
    monkeypatch.setattr(text_module, "break_lines", lambda *a: calls.append(a[0]) or real(*a))
    ink = Ink()
    for _ in range(3):                      # three frames
        first = ink.wrap("奶奶！是我，小明！", 20, 90)
        ink.wrap("奶奶！是我，小明！", 18, 90)
    assert len(calls) == 2 and ink.wrap("奶奶！是我，小明！", 20, 90) == first


def test_phone_text_wraps_with_the_games_line_breaker():
    from game.ui.text import wrap_text
    ink = Ink()
    text = "奶奶！是我，小明！我开车撞了人，对方要我马上赔钱，你先别告诉爸妈。"
    for width in (60, 90, 130, 200):
        assert ink.wrap(text, 20, width) == wrap_text(text, ink.font(20), width)


@pytest.mark.parametrize("words,place", [
    ("银行柜台", "bank"), ("派出所", "police"), ("奶茶店", "cafe"), ("健康讲座", "lecture"),
    ("公园", "street"), ("家里", "home"),
])
def test_in_person_place_comes_from_the_note(words, place):
    node = replace(sample_nodes()["in_person"], contact=replace(sample_nodes()["in_person"].contact, note=words),
                   lines=())
    assert place_of(node) == place
