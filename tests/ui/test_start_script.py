"""``play --scene SCRIPT``: one scam script opens over the first screen once the content is loaded."""

import pytest

from game.ui.app.loop import CannotStart
from game.ui.scenes.title import TitleScene

from ui_helpers import make_app


def test_the_script_opens_over_the_title():
    app = make_app()
    app.stack.push(TitleScene(app))
    app.start_script = "police_safe_account"
    app.open_start_script()
    assert app.stack.top.name == "scenario" and app.stack.top.scenario.id == "police_safe_account"


def test_an_unknown_script_stops_the_start_with_its_name():
    app = make_app()
    app.start_script = "no_such_script"
    with pytest.raises(CannotStart, match="no_such_script"):
        app.open_start_script()
