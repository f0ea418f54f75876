"""Monkey runs: random touches, clicks, keys, resizes and focus changes in every mode.

The CI runs (``python -m game play --monkey 20000``) go through the real command line,
one mode each; the others check what the monkey reports when something breaks.
"""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.ui.monkey import run_monkey

ROOT = Path(__file__).resolve().parents[2]
EVENTS = 20_000


@pytest.mark.soak
@pytest.mark.parametrize("mode", ["normal", "kiosk", "classroom"])
def test_twenty_thousand_random_events_break_nothing(mode, tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    proc = subprocess.run([sys.executable, "-m", "game", "play", f"--{mode}", "--monkey", str(EVENTS),
                           "--seed", "2026"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert f"monkey: {EVENTS} events, seed 2026: all invariants held" in proc.stderr


def _failing_app(monkeypatch, at_call: int):
    """An app whose title screen raises on its ``at_call``-th frame.

    Frames, not taps: the tap guard refuses the monkey's first taps on a screen that has just
    appeared, and which tap reaches the title first (and leaves it) is the seed's business."""
    from game.ui.app import App
    from game.ui.scenes.title import TitleScene

    calls = {"n": 0}
    original = TitleScene.update

    def update(self, dt):
        calls["n"] += 1
        if calls["n"] == at_call:
            raise RuntimeError("planted fault")
        return original(self, dt)

    monkeypatch.setattr(TitleScene, "update", update)
    app = App(size=(1280, 720), seed=7, sound=False, persist_settings=False)   # as play --monkey builds it
    app.stack.push(app.home_scene())
    app.step(0.1, [])
    return app, calls


def test_a_failure_names_the_seed_and_event_that_reproduce_it(monkeypatch):
    app, _ = _failing_app(monkeypatch, at_call=12)
    out = io.StringIO()
    assert run_monkey(app, 500, seed=5, restart=lambda: None, out=out) == 1
    text = out.getvalue()
    assert "exception at event" in text and "(seed 5)" in text
    assert "reproduce with --monkey" in text and "--seed 5" in text
    assert "RuntimeError: planted fault" in text


def test_the_reported_event_count_reproduces_the_failure(monkeypatch):
    app, _ = _failing_app(monkeypatch, at_call=12)
    out = io.StringIO()
    run_monkey(app, 500, seed=5, restart=lambda: None, out=out)
    count = int(out.getvalue().split("reproduce with --monkey ")[1].split()[0])

    again, _ = _failing_app(monkeypatch, at_call=12)
    shorter = io.StringIO()
    assert run_monkey(again, count, seed=5, restart=lambda: None, out=shorter) == 1
    assert f"at event {count - 1} of {count}" in shorter.getvalue()
