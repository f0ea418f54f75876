"""朗读 shows that it is speaking (停止朗读) and a second tap stops the voice; the Narrator says when a line ends."""

import pytest

from game.i18n.voice import Narrator
from game.ui.widgets import ReadAloudButton

from ui_helpers import make_app


class Voice:
    def __init__(self):
        self.on = False
        self.reads = self.stops = 0

    def read(self):
        self.reads += 1
        self.on = True

    def speaking(self):
        return self.on

    def stop(self):
        self.stops += 1
        self.on = False


@pytest.fixture(scope="module")
def app():
    app = make_app((1280, 720))
    yield app
    app.stack.scenes.clear()


def _button(app):
    voice = Voice()
    return ReadAloudButton(app.look, voice.read, voice.speaking, voice.stop), voice


def test_a_tap_starts_reading_and_the_button_says_stop(app):
    button, voice = _button(app)
    button.activate()
    assert voice.reads == 1 and button.text == "停止朗读"


def test_a_second_tap_while_speaking_stops_the_voice(app):
    button, voice = _button(app)
    button.activate()
    button.activate()
    assert voice.stops == 1 and voice.reads == 1 and button.text == "朗读"


def test_the_button_turns_back_when_the_line_ends_by_itself(app):
    button, voice = _button(app)
    button.activate()
    voice.on = False
    button.update(0.1)
    assert button.text == "朗读"


def test_the_button_animates_while_speaking(app):
    button, voice = _button(app)
    button.activate()
    assert button.update(1 / 60) is True


def test_the_narrator_reports_speaking_until_the_sound_ends(tmp_path):
    playing = []
    narrator = Narrator("zh_Hans", play=playing.append, espeak=None, voice_root=tmp_path,
                        busy=lambda: bool(playing), halt=playing.clear)
    (tmp_path / "zh_Hans").mkdir()
    from game.i18n.voice import message_id
    (tmp_path / "zh_Hans" / f"{message_id('你好')}.ogg").write_bytes(b"")
    narrator.speak("你好", "你好")
    assert narrator.speaking
    narrator.stop()
    assert not narrator.speaking


def test_the_scenario_read_button_follows_the_voice(app, monkeypatch):
    from game.ui.scenes.scenario import ScenarioScene
    speaking = [False]
    monkeypatch.setattr(app, "voice_speaking", lambda: speaking[0], raising=False)
    scene = ScenarioScene(app, next(iter(app.library.scenarios.values())))
    app.stack.clear_to(scene)
    speaking[0] = True
    app.step(1 / 60, [])
    assert scene.read_button.text == "停止朗读"
