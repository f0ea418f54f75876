"""The scenario scene at four window sizes in every phase, and a whole script played by finger taps."""

import dataclasses

import pygame
import pytest

from game.rules.scenes import SceneResult
from game.ui.phone.feedback import FeedbackOverlay
from game.ui.scenes.scenario import ScenarioScene

from ui_helpers import SIZES, finger_tap, frame, layout_problems, make_app, seat_player

# Scripts that together use every channel.
SCRIPTS = ("grandson_face_swap", "parcel_lost_refund", "police_safe_account", "health_lecture_eggs",
           "meeting_app_screen_share", "etc_link_sms", "boss_urgent_transfer")


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def app(request):
    app = make_app(request.param)
    yield app
    app.stack.scenes.clear()


@pytest.fixture(scope="module")
def one_app():
    """For what a scene does (money, counts, wording), which does not change with the screen's size."""
    app = make_app((1280, 720))
    yield app
    app.stack.scenes.clear()


def tap(app, pos):
    """A real finger down + up, run through the App's event handling."""
    finger_tap(app, pos)
    frame(app, events=pygame.event.get())


def _walk(app, scenario, pick):
    """Yield the scene in each phase while playing ``scenario``, choosing with ``pick(choices)``."""
    scene = ScenarioScene(app, scenario, None, lambda r: None)
    app.stack.clear_to(scene)
    for _ in range(200):
        frame(app)
        yield app.stack.top
        top = app.stack.top
        if isinstance(top, FeedbackOverlay):
            top.close()
        elif scene.phase == "lines":
            scene.advance()
        elif scene.phase == "choices":
            scene.choose(pick(scene.runner.choices))
        elif scene.phase == "ending":
            return


def _safest(choices):
    order = {"safe": 0, "neutral": 1, "risky": 2}
    return min(range(len(choices)), key=lambda i: order[choices[i].outcome.value])


def _riskiest(choices):
    order = {"risky": 0, "neutral": 1, "safe": 2}
    return min(range(len(choices)), key=lambda i: order[choices[i].outcome.value])


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_phase_lays_out_cleanly(app, script):
    scenario = app.library.scenarios[script]
    seen = set()
    for pick in (_safest, _riskiest):
        for top in _walk(app, scenario, pick):
            phase = "feedback" if isinstance(top, FeedbackOverlay) else top.phase
            seen.add(phase)
            problems = layout_problems(app, top)
            assert problems == [], f"{script} {phase} node {getattr(top, 'node', None) and top.node.id}"
    assert {"lines", "choices", "feedback", "ending"} <= seen


def test_choice_buttons_are_big(app):
    scenario = app.library.scenarios["parcel_lost_refund"]
    for top in _walk(app, scenario, _safest):
        if getattr(top, "phase", "") == "choices":
            for b in top.choice_buttons:
                assert b.rect.h >= min(app.size) / 10
            return


def test_video_test_buttons_start_the_face_test(app):
    scenario = app.library.scenarios["grandson_face_swap"]
    scene = ScenarioScene(app, scenario)
    app.stack.clear_to(scene)
    frame(app)
    button = scene.test_buttons["wave"]
    assert button.visible
    tap(app, button.rect.center)
    assert scene.state.test == "wave"


def _play_by_touch(app, script, pick):
    results = []
    scene = ScenarioScene(app, app.library.scenarios[script], seat_player("玩家一"), results.append)
    app.stack.clear_to(scene)
    frame(app)
    taps = 0
    while not results and taps < 300:
        top = app.stack.top
        if isinstance(top, FeedbackOverlay):
            target = top.continue_button
        elif scene.phase == "lines":
            target = scene.next_button
        elif scene.phase == "choices":
            target = scene.choice_buttons[scene.order.index(pick(scene.runner.choices))]
        else:
            target = scene.done_button
        assert target.visible
        tap(app, target.rect.center)
        frame(app)
        taps += 1
    return results, scene


@pytest.mark.parametrize("script", ["grandson_face_swap", "police_safe_account"])
def test_a_script_played_to_the_end_by_finger_taps(app, script):
    results, scene = _play_by_touch(app, script, _safest)
    assert len(results) == 1
    result = results[0]
    assert isinstance(result, SceneResult)
    assert result.kind == "scenario" and result.ref == script and result.safe
    assert scene not in app.stack.scenes       # the scene left the stack before on_done


def test_risky_play_loses_money_and_says_so(one_app):
    app = one_app
    results, scene = _play_by_touch(app, "police_safe_account", _riskiest)
    assert results and not results[0].safe
    assert results[0].money_asked > 0
    assert scene.money_lost == results[0].money_asked


def test_a_tap_on_the_caption_also_goes_on(one_app):
    app = one_app
    scene = ScenarioScene(app, app.library.scenarios["etc_link_sms"])
    app.stack.clear_to(scene)
    frame(app)
    before = scene.shown
    if scene.phase == "lines":
        tap(app, scene.caption_panel.rect.center)
        assert scene.shown == before + 1


def test_new_call_rings_first(one_app):
    app = one_app
    scene = ScenarioScene(app, app.library.scenarios["overseas_prize_call"])
    app.stack.clear_to(scene)
    frame(app)
    assert scene.ringing and scene.state.ringing
    assert "境外来电" in scene.caption.text
    scene.advance()
    assert not scene.ringing and scene.shown == 1


def test_resize_keeps_everything_inside(app):
    scene = ScenarioScene(app, app.library.scenarios["boss_urgent_transfer"])
    app.stack.clear_to(scene)
    original = app.size
    try:
        for size in ((1024, 768), (800, 1280)):
            app.resize(size)
            frame(app)
            assert layout_problems(app, scene) == []
    finally:
        app.resize(original)


@pytest.mark.parametrize("text_size", ["large", "extra_large"])
def test_big_text_and_high_contrast_still_fit(app, text_size):
    app.update_settings(save=False, text_size=text_size, high_contrast=True)
    try:
        for script in ("parcel_lost_refund", "grandson_face_swap"):
            for top in _walk(app, app.library.scenarios[script], _riskiest):
                assert layout_problems(app, top) == [], (script, getattr(top, "phase", "feedback"))
    finally:
        app.update_settings(save=False, text_size="normal", high_contrast=False)


def _walk_route(app, scenario, route):
    """Play ``route`` (choice indexes) through the scene; returns the scene at its ending and the feedback cards."""
    scene = ScenarioScene(app, scenario, None, lambda r: None)
    app.stack.clear_to(scene)
    cards = []
    picks = list(route)
    for _ in range(300):
        frame(app)
        top = app.stack.top
        if isinstance(top, FeedbackOverlay):
            cards.append(top)
            top.close()
        elif scene.phase == "lines":
            scene.advance()
        elif scene.phase == "choices":
            scene.choose(picks.pop(0))
        elif scene.phase == "ending":
            return scene, cards
    raise AssertionError("the scene never ended")


def _route(scenario, ending, through=None):
    from game.rules import iter_routes
    return next(r for r in iter_routes(scenario) if r.ending.outcome.value == ending
                and (through is None or through in r.nodes))


def test_company_money_lost_is_said_to_be_the_companys(one_app):
    app = one_app
    scenario = app.library.scenarios["boss_urgent_transfer"]
    assert scenario.company_money
    scene, cards = _walk_route(app, scenario, _route(scenario, "scammed").choices)
    paid = [c for c in cards if c.choice.money]
    assert paid and all(c.money.text.startswith("公司损失") for c in paid)
    assert scene.end_money.text.startswith("公司损失")


def test_company_money_kept_is_said_to_be_the_companys(one_app):
    app = one_app
    scenario = app.library.scenarios["boss_urgent_transfer"]
    scene, _ = _walk_route(app, scenario, _route(scenario, "escaped").choices)
    assert scene.end_money.text.startswith("守住公司")


def test_a_players_own_money_is_just_money_lost(one_app):
    app = one_app
    scenario = app.library.scenarios["police_safe_account"]
    scene, cards = _walk_route(app, scenario, _route(scenario, "scammed").choices)
    assert scene.end_money.text.startswith("损失") and not scene.end_money.text.startswith("公司")


def test_the_ending_counts_only_decisions(one_app):
    app = one_app
    """red_packet_group: the son's call offers one choice; it is not counted as a safe choice."""
    scenario = app.library.scenarios["red_packet_group"]
    route = _route(scenario, "reported", through="rescue")
    scene, _ = _walk_route(app, scenario, route.choices)
    decided = [scenario.nodes[n] for n in route.nodes[:-1] if scenario.nodes[n].is_decision]
    taken = [scenario.nodes[n].choices[i] for n, i in zip(route.nodes, route.choices)]
    counted = sum(1 for c, n in zip(taken, route.nodes) if scenario.nodes[n].is_decision
                  and c.outcome.value in ("safe", "risky"))
    assert len(decided) < len(taken)
    assert scene.end_rate.text.endswith(f"/ {counted}")


def test_a_neutral_choice_is_called_not_enough(one_app):
    app = one_app
    scenario = app.library.scenarios["grandson_face_swap"]
    neutral = next(i for i, c in enumerate(scenario.nodes["video"].choices) if c.outcome.value == "neutral")
    scene = ScenarioScene(app, scenario, None, lambda r: None)
    app.stack.clear_to(scene)
    while scene.phase != "choices":
        frame(app)
        scene.advance()
    scene.choose(neutral)
    frame(app)
    card = app.stack.top
    assert isinstance(card, FeedbackOverlay) and card.badge.text == "还不够"
    assert layout_problems(app, card) == []


def test_the_portrait_phone_keeps_its_size_from_node_to_node():
    """Nodes with two and with three choices: the phone does not grow or shrink between them."""
    app = make_app((800, 1280))
    scenario = next(s for s in (app.library.scenarios[sid] for sid in sorted(app.library.scenarios))
                    if len({len(n.choices) for n in s.nodes.values() if n.is_decision}) > 1)
    rects = set()
    for node_id, node in scenario.nodes.items():
        if node.is_decision:
            scene = ScenarioScene(app, dataclasses.replace(scenario, start=node_id))
            app.stack.clear_to(scene)
            rects.add(tuple(scene.phone.rect))
    app.stack.scenes.clear()
    assert len(rects) == 1, rects
