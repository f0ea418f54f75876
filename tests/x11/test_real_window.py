"""The game in a real X window, played with a real pointer: a whole game (by single taps, and by
double taps at every screen change), the phone's call buttons, the close button, a resized window."""

from __future__ import annotations

import random
import time

import pytest

CLICKS = 600   # a simple game on the park board takes about 120
GAME_S = 900   # waiting for the computer's turns, whose captions stay until read, does not count as taps
QUIET_S = 0.3  # a screen unchanged this long is the one the next tap is meant for


def next_move(game, screen: dict, rng: random.Random, state: dict) -> dict | None:
    """What a visitor would tap on this screen (None: wait, the computer is playing)."""
    name = screen["screen"]
    usable = [c for c in screen["controls"] if c["enabled"] and c["screen"] == name]
    by_name = {c["name"]: c for c in usable}
    if name == "title":
        return by_name.get("start")
    if name == "setup_audience":
        if not state.get("pack"):
            state["pack"] = True
            return by_name.get("pack_elderly")
        return by_name.get("next")
    if name == "setup_players":
        return by_name.get("start_game")
    if name == "board":
        tokens = [c for n, c in by_name.items() if n.startswith("token_")]
        return by_name.get("dice") or (rng.choice(tokens) if tokens else None)
    if name == "scenario":
        choices = [c for n, c in by_name.items() if n.startswith("choice_")]
        return by_name.get("next_line") or (rng.choice(choices) if choices else by_name.get("done"))
    if name == "quiz":
        options = [c for n, c in by_name.items() if n.startswith("option_")]
        return by_name.get("continue") or (rng.choice(options) if options else None)
    return by_name.get("continue") or by_name.get("done")


def armed(screen: dict) -> bool:
    """Every control on the screen takes taps (none has only just appeared: ``game.ui.tap_guard``)."""
    return all(c.get("armed", True) for c in screen["controls"])


def play_to(game, goal: str, rng: random.Random, shots_of: set[str], double_gaps: tuple[int, ...] = ()) -> dict:
    """Tap through to the ``goal`` screen as a visitor would, waiting for each screen to be ready.
    With ``double_gaps``, every tap is a double tap, the gaps taken in turn."""
    state: dict = {}
    seen = set()
    taps, deadline = 0, time.monotonic() + GAME_S
    while taps < CLICKS and time.monotonic() < deadline:
        game.wait_for(lambda s: True, "a screen")
        # With double taps, the test must know what it aims at: the screen must also have stopped changing.
        quiet = QUIET_S if double_gaps else 0.0
        screen = game.wait_for(lambda s: (armed(s) and time.time() - s["t"] >= quiet) or s["screen"] == goal,
                               "a screen ready for taps")
        if screen["screen"] == goal:
            return screen
        if screen["screen"] not in seen and screen["screen"] in shots_of:
            seen.add(screen["screen"])
            time.sleep(0.3)   # let the screen settle before the picture
            game.shot(screen["screen"])
        move = next_move(game, screen, rng, state)
        if move is None:
            time.sleep(0.2)
            continue
        before = len(game.poll())
        game.aimed.append((time.time(), move["name"]))
        if double_gaps:
            game.double_tap(move, double_gaps[taps % len(double_gaps)])
        else:
            game.tap(move)
        taps += 1
        answered = time.monotonic() + 2   # most taps change the screen; the next line of a scene may not
        while len(game.poll()) == before and time.monotonic() < answered:
            time.sleep(0.05)
    raise AssertionError(f"no {goal} screen after {taps} taps and {GAME_S} s at most")


def test_a_whole_simple_game_played_by_pointer_reaches_the_results(start_game):
    game = start_game("--seed", "5")
    results = play_to(game, "results", random.Random(5),
                      {"title", "setup_audience", "setup_players", "board", "scenario", "feedback", "quiz"})
    game.shot("results")
    assert results["controls"], "the results screen offers a way on"
    choices = [line for line in game.lines if line["event"] == "choice"]
    assert choices, "no scam scene or quiz was answered on the way"


def test_double_taps_at_every_screen_change_take_no_choice_the_player_did_not_aim_at(start_game):
    game = start_game("--seed", "6")
    play_to(game, "results", random.Random(6), {"scenario", "feedback", "quiz"}, double_gaps=(180, 300))
    game.shot("results")
    # a computer player's own choices are nobody's taps (it plays its own scenes)
    choices = [line for line in game.lines if line["event"] == "choice" and line.get("by") != "computer"]
    assert choices, "no scam scene or quiz was answered on the way"
    for choice in choices:
        name = f"{'option' if choice['screen'] == 'quiz' else 'choice'}_{choice.get('shown', choice['index'])}"
        aimed = [t for t, aimed_at in game.aimed if aimed_at == name and t <= choice["t"]]
        assert aimed and choice["t"] - aimed[-1] < 2.0, f"a choice nobody aimed at was taken: {choice}"


def _ringing_call(game) -> dict:
    """Start the game on a scam phone call (``--scene``) and wait until it rings, ready for taps."""
    return game.wait_for(lambda s: s["screen"] == "scenario" and game.control("phone_decline", s) is not None
                         and armed(s), "a ringing call")


def _phone_results(game, control: str) -> set[str]:
    """What taps on the phone's ``control`` did, from the trace: "choose" (the choice tied to that button),
    "hint" (greyed, explained), never "answer" or "advance" for a red button."""
    game.poll()
    return {line.get("result") for line in game.lines
            if line.get("event") == "phone_control" and line.get("control") == control}


def test_the_red_decline_button_does_not_answer_the_call(start_game):
    game = start_game("--normal", "--scene", "police_safe_account")
    screen = _ringing_call(game)
    game.shot("ringing")
    game.tap(game.control("phone_decline", screen))
    time.sleep(1.5)
    game.shot("after_decline")
    assert _phone_results(game, "decline") and not _phone_results(game, "decline") & {"answer", "advance"}, \
        f"拒绝 answered the call or moved the scam on: {game.screen['detail']}"


def test_the_red_hang_up_button_does_not_carry_the_scam_on(start_game):
    game = start_game("--normal", "--scene", "police_safe_account")
    screen = _ringing_call(game)
    game.tap(game.control("phone_answer", screen))
    screen = game.wait_for(lambda s: game.control("phone_hang_up", s) is not None and armed(s), "the call")
    game.shot("in_call")
    game.tap(game.control("phone_hang_up", screen))
    time.sleep(1.5)
    game.shot("after_hang_up")
    assert _phone_results(game, "hang_up") and "advance" not in _phone_results(game, "hang_up"), \
        f"hang-up moved the scam on: {game.screen['detail']}"


def test_a_double_tap_on_the_answer_button_answers_once(start_game):
    game = start_game("--normal", "--scene", "police_safe_account")
    screen = _ringing_call(game)
    game.double_tap(game.control("phone_answer", screen), 180)
    time.sleep(1.0)
    game.shot("answered")
    assert game.screen["detail"]["shown"] == 1, f"the second tap went on: {game.screen['detail']}"


def test_the_close_button_closes_the_game_in_normal_mode(start_game):
    game = start_game("--normal")
    game.wait_screen("title")
    game.close_button()
    assert game.proc.wait(timeout=30) == 0


def test_the_close_button_does_not_close_a_kiosk(start_game):
    game = start_game("--kiosk", "--windowed")
    game.wait_screen("attract")
    game.shot("attract")
    game.close_button()
    time.sleep(2)
    assert game.proc.poll() is None, "a visitor closed the kiosk"
    assert game.stop() == 0


@pytest.mark.parametrize("size", [(1024, 768), (800, 1280), (1920, 1080)])
def test_a_resized_window_is_laid_out_again(start_game, size):
    game = start_game("--normal")
    game.wait_screen("title")
    game.xdotool("windowsize", str(game.window_id()), str(size[0]), str(size[1]))
    screen = game.wait_for(lambda s: tuple(s["window"]) == size, f"a {size[0]}x{size[1]} layout")
    game.shot(f"title_{size[0]}x{size[1]}")
    for control in screen["controls"]:
        x, y, w, h = control["rect"]
        assert 0 <= x and 0 <= y and x + w <= size[0] and y + h <= size[1], control


def test_a_destroyed_kiosk_window_is_logged_and_the_game_comes_back(start_game, tmp_path):
    game = start_game("--kiosk", "--windowed")
    game.wait_screen("attract")
    first = game.window_id()
    game.xdotool("windowkill", str(first))          # what xkill does: the X connection is cut
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        starts = [line for line in game.poll() if line["event"] == "start"]
        if len(starts) >= 2:
            break
        time.sleep(0.2)
    assert len(starts) >= 2, "the watchdog did not start the game again"
    assert starts[-1]["pid"] != starts[0]["pid"], "the same process drew both windows"
    game.window = None
    game.wait_screen("attract")
    game.window_id()
    data = tmp_path / "data0"
    assert "X display connection was lost" in (data / "logs" / "game.log").read_text(encoding="utf-8")
    assert "ended unexpectedly" in (data / "logs" / "watchdog.log").read_text(encoding="utf-8")
    assert game.stop() == 0
