"""The 请他转转头 / 请他挥挥手 checks are offered only on video calls that are face swaps, and what
each shows follows the node's tells."""

import pytest

from game.content.loader import load_library
from game.rules.face_checks import FACE_SWAP_TYPES, offers_checks, shown_glitch


@pytest.fixture(scope="module")
def library():
    return load_library().library


def _video_nodes(library):
    return [(s, n) for s in library.scenarios.values() for n in s.nodes.values()
            if n.channel.value == "video_call" and not n.is_ending]


def test_a_video_call_without_tells_in_a_script_not_about_face_swaps_offers_no_checks(library):
    plain = [(s, n) for s, n in _video_nodes(library) if not n.tells and s.scam_type not in FACE_SWAP_TYPES]
    assert plain, "the shipped scripts have a video call that is not a face swap"
    assert [n.id for s, n in plain if offers_checks(s, n)] == []


def test_a_video_call_showing_face_swap_tells_offers_the_checks(library):
    with_tells = [(s, n) for s, n in _video_nodes(library) if n.tells]
    assert with_tells
    assert all(offers_checks(s, n) for s, n in with_tells)


def test_every_video_call_of_a_face_swap_script_offers_the_checks(library):
    face_swaps = [(s, n) for s, n in _video_nodes(library) if s.scam_type in FACE_SWAP_TYPES]
    assert face_swaps
    assert all(offers_checks(s, n) for s, n in face_swaps)


def test_no_checks_away_from_video_calls(library):
    others = [(s, n) for s in library.scenarios.values() for n in s.nodes.values() if n.channel.value != "video_call"]
    assert not any(offers_checks(s, n) for s, n in others)


@pytest.mark.parametrize("kind,tells,shown", [
    ("turn", ("glitch_on_turn", "blur_edges"), "glitch_on_turn"),   # the tear on that very move comes first
    ("turn", ("blur_edges", "bad_signal"), "blur_edges"),
    ("turn", ("glitch_on_wave",), ""),                             # a wave's glitch does not show on a turn
    ("wave", ("glitch_on_wave", "blur_edges"), "glitch_on_wave"),
    ("wave", ("glitch_on_turn", "lip_sync", "no_blink"), ""),
    ("wave", (), ""),
])
def test_a_check_shows_the_glitch_the_node_has_for_that_move(kind, tells, shown):
    assert shown_glitch(kind, tells) == shown

