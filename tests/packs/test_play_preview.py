"""``play --content DIR --scenario ID [--node ID] [--watch]``: an author's pack on screen."""

import argparse

from game.content.loader import load_library
from game.content.packs import ContentSources
from game.content.preview import ContentWatcher
from game.ui.app.command_line import add_arguments, build_app, run, unknown_pack

from pack_helpers import set_field

SCRIPT = "qs_gas_bill_sms"
FIRST_LINE = "【燃气服务】您家燃气费已欠费，明日起停止供气，请点击链接尽快缴清。"


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def play(county, *options, clock=None):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--content", str(county), *options])
    app = build_app(args, persist_settings=False)
    if clock is not None:
        app.preview.watcher_factory = lambda sources, result: ContentWatcher(sources, clock=clock, result=result)
    app.sound.enabled = False
    app.step(0.05, [])
    return app


def reload(app, clock, steps=10):
    for _ in range(steps):
        clock.now += 0.5
        app.step(0.05, [])
        if app.preview.reloads:
            return True
    return False


def test_the_script_opens_straight_away_on_the_phone(county):
    app = play(county, "--scenario", SCRIPT)
    assert app.stack.top.name == "scenario" and app.stack.top.scenario.id == SCRIPT
    assert app.stack.top.node.id == "sms" and len(app.stack.scenes) == 1


def test_node_starts_the_script_there(county):
    app = play(county, "--scenario", SCRIPT, "--node", "chat")
    assert app.stack.top.node.id == "chat"


def test_the_script_plays_in_an_audience_pack_of_its_own_pack(county):
    app = play(county, "--scenario", SCRIPT)
    assert app.settings.pack == "qingshan_all"


def test_an_unknown_script_is_shown_on_screen_with_the_scripts_there_are(county):
    app = play(county, "--scenario", "qs_nothing")
    assert app.stack.top.name == "preview_problems" and "qs_gas_bill_sms" in app.stack.top.summary.text


def test_the_packs_own_translations_apply(county):
    app = play(county, "--scenario", SCRIPT, "--locale", "en")
    assert app.tr("青山县反诈") == "Qingshan County"


def test_watch_shows_a_changed_line_at_the_node_on_screen(county):
    clock = Clock()
    app = play(county, "--scenario", SCRIPT, "--node", "page", "--watch", clock=clock)
    set_field(county / "scripts" / f"{SCRIPT}.yaml", "网页要您填写", "这个网页要您填写")
    assert reload(app, clock)
    top = app.stack.top
    assert top.name == "scenario" and top.node.id == "page" and top.node.lines[0].text.startswith("这个网页要您填写")


def test_watch_shows_errors_instead_of_the_game_and_the_game_again_once_fixed(county):
    clock = Clock()
    app = play(county, "--scenario", SCRIPT, "--watch", clock=clock)
    script = county / "scripts" / f"{SCRIPT}.yaml"
    good = script.read_text(encoding="utf-8")
    script.write_text(good.replace("start: sms", "start: smss"), encoding="utf-8")
    assert reload(app, clock)
    assert app.stack.top.name == "preview_problems" and app.stack.top.lines[0].text
    app.preview.reloads = 0
    script.write_text(good, encoding="utf-8")
    assert reload(app, clock)
    assert app.stack.top.name == "scenario" and app.stack.top.node.id == "sms"


def test_node_needs_a_scenario(county, capsys):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args(["--node", "chat"])) == 2
    assert "--node needs --scenario" in capsys.readouterr().err


def test_a_pack_given_with_content_is_known_to_the_pack_option(county):
    assert unknown_pack("qingshan_all", (county,)) is None
    assert "no pack 'qingshan_all'" in unknown_pack("qingshan_all")


def test_a_pack_asks_for_the_learning_check_in_its_settings(county):
    pack_file = county / "packs" / "qingshan_all.yaml"
    set_field(pack_file, "  text_size: large\n", "  text_size: large\n  learning_check: true\n")
    library = load_library(sources=ContentSources(extra=(county,))).library
    assert library.packs["qingshan_all"].settings.learning_check
    assert not library.packs["elderly"].settings.learning_check
