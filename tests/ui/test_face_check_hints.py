"""After a face-swap check (请他转转头 / 请他挥挥手) the scene says what it showed — from the video
node's tells — and, whatever it showed, to hang up and call back on the number the player had."""

import pytest

from game.rules.face_checks import SHOWN_BY, shown_glitch
from game.ui.phone.labels import CHECK_HINTS
from game.ui.phone.state import TEST_DURATION
from game.ui.scenes.scenario import ScenarioScene

from ui_helpers import frame, layout_problems, make_app

CALL_BACK = "挂断，打您原来存的号码核实"


@pytest.fixture(scope="module")
def app():
    app = make_app((1280, 720))
    yield app
    app.stack.scenes.clear()


def _check(app, script, node, kind):
    scene = ScenarioScene(app, app.library.scenarios[script], None, lambda r: None, start_node=node)
    app.stack.clear_to(scene)
    frame(app)
    scene.run_test(kind)
    frame(app, TEST_DURATION / 2)
    during = scene.state.check_hint
    frame(app, TEST_DURATION)
    return scene, during


def test_every_check_result_has_its_own_hint_that_says_to_call_back():
    results = {(kind, shown_glitch(kind, tells)) for kind in SHOWN_BY for tells in [()] + [(t,) for t in SHOWN_BY[kind]]}
    assert results == set(CHECK_HINTS)
    assert len(set(CHECK_HINTS.values())) == len(CHECK_HINTS)          # each glitch is named for what it is
    assert all(CALL_BACK in hint for hint in CHECK_HINTS.values())
    passed = [hint for (kind, glitch), hint in CHECK_HINTS.items() if not glitch]
    assert passed and all("证明不了" in hint for hint in passed)       # a clean check proves nothing


def test_a_check_that_shows_no_glitch_says_it_proves_nothing(app):
    # grandson_face_swap's video only has a bad signal: a turn looks natural
    scene, during = _check(app, "grandson_face_swap", "video", "turn")
    assert during == ""                                                # nothing before the check has played
    assert scene.state.check_hint == CHECK_HINTS["turn", ""]
    assert scene.caption.text == CHECK_HINTS["turn", ""]             # in the big caption card, too
    assert layout_problems(app, scene) == []


def test_a_check_names_the_glitch_it_showed(app):
    # boss_video_meeting's video lists blurred edges: a wave shows them smearing
    scene, _ = _check(app, "boss_video_meeting", "video", "wave")
    assert scene.state.check_hint == CHECK_HINTS["wave", "blur_edges"]
    assert scene.caption.text == CHECK_HINTS["wave", "blur_edges"]
    assert layout_problems(app, scene) == []


def test_the_hint_stays_until_the_story_goes_on(app):
    scene, _ = _check(app, "boss_video_meeting", "video", "turn")
    frame(app, 10.0)
    assert scene.state.check_hint == CHECK_HINTS["turn", "blur_edges"]
    scene.advance()
    assert scene.state.check_hint == "" and scene.caption.text != CHECK_HINTS["turn", "blur_edges"]
