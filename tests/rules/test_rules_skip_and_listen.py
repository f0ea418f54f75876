"""A scene the teacher skips scores nothing; a scenario runner tells its listeners of each choice."""

from types import MappingProxyType

from game.content.models import EndingOutcome, Outcome, Scenario
from game.rules import Phase, ScenarioRunner
from game.rules.engine import SKIPPED
from rules_factories import choice, game_on, library, node, simple_board


def test_a_skipped_scene_scores_nothing_and_the_game_goes_on():
    board = simple_board(tiles={5: "police"}, players=2)
    game = game_on(board, ("red", "yellow"), library=library(board))
    game.roll(5)
    game.apply(game.legal_moves()[0])
    assert game.phase is Phase.SCENE
    events = game.resolve_scene(SKIPPED)
    assert game.phase is Phase.ROLL and game.current == 1
    assert game.positions(0) == (5,), "no bonus or penalty move"
    assert game.scores[0].scenes == [] and "SceneResolved" not in [type(e).__name__ for e in events]


def test_runner_listeners_hear_each_choice_with_its_node():
    nodes = [node("start", [choice("hang up", "end", Outcome.SAFE)]), node("end", ending=EndingOutcome.ESCAPED)]
    scenario = Scenario("t", "t", "fake_police", (), "", 0, "start", MappingProxyType({n.id: n for n in nodes}))
    runner = ScenarioRunner(scenario)
    heard = []
    runner.listeners.append(lambda n, i, c: heard.append((n.id, i, c.text)))
    runner.choose(0)
    assert heard == [("start", 0, "hang up")]
