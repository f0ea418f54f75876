"""The phone's messages and live captions never cover its input bar (the message field, the call's
buttons, the screen-share sheet): at every window size, every text size, and while the newest
message slides in."""

import pygame
import pytest

from game.ui.phone import PhoneState, draw_node
from game.ui.phone.gallery import render, stub_app
from game.ui.phone.samples import sample_nodes

from ui_helpers import SIZES

# The channels whose screen shows messages above something to touch.
CHANNELS = ("phone_call", "sms", "chat", "video_call", "screen_share")
SLIDE_TIMES = (0.0, 0.05, 0.12, 0.2, 1.3)   # seconds after the newest line appeared (it slides in for 0.25 s)


@pytest.fixture(scope="module", autouse=True)
def _pygame():
    pygame.init()
    yield


def _state(t: float) -> PhoneState:
    return PhoneState(t=t, reveal_t=0.0, call_started=42)


@pytest.mark.parametrize("text_size", ["normal", "large", "extra_large"])
@pytest.mark.parametrize("channel", CHANNELS)
def test_caption_and_input_bar_never_overlap(channel, text_size):
    app = stub_app(text_size=text_size)
    bad = []
    for size in SIZES:
        for t in SLIDE_TIMES:
            _, hits = render(channel, size, app, _state(t))
            caption, bar = hits.parts.get("caption"), hits.parts.get("input")
            assert caption is not None and bar is not None, f"{channel} at {size}: no caption or no input bar drawn"
            if caption.colliderect(bar):
                bad.append(f"{size} t={t}: caption {caption} overlaps the input bar {bar}")
    assert bad == []


@pytest.mark.parametrize("channel", ["phone_call", "sms", "chat"])
def test_the_newest_message_slides_in_under_the_input_bar(channel):
    """Mid-slide, the input bar looks exactly as when the message has arrived: nothing is drawn over it."""
    app = stub_app()
    for size in SIZES:
        sliding, hits = render(channel, size, app, _state(0.05))
        settled, _ = render(channel, size, app, _state(1.3))
        bar = hits.parts["input"]
        a, b = sliding.subsurface(bar), settled.subsurface(bar)
        assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB"), f"{channel} at {size}"


def test_no_node_of_any_script_puts_its_caption_over_the_input_bar():
    from game.content.loader import load_library
    lib = load_library().library
    app = stub_app(text_size="extra_large")
    surf = pygame.Surface((1280, 720))
    bad = []
    area = pygame.Rect(20, 20, 240, 480)      # a narrow phone: big text takes the most room there
    for scenario in lib.scenarios.values():
        for node in scenario.nodes.values():
            hits = draw_node(surf, area, node, _state(0.05), app)
            caption, bar = hits.parts.get("caption"), hits.parts.get("input")
            if caption and bar and caption.colliderect(bar):
                bad.append(f"{scenario.id}/{node.id}: {caption} over {bar}")
    assert bad == []
