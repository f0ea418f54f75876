"""A choice taken after the teacher revealed the answer (classroom R) is played but not scored."""

from game.rules import PlayerScore
from game.rules.scenes import QuizRunner, ScenarioRunner

from rules_factories import quiz_pool, scam_scenario


def _played(route, reveal_at):
    runner = ScenarioRunner(scam_scenario())
    for step, index in enumerate(route):
        if step == reveal_at:
            runner.reveal()
        runner.choose(index)
    return runner


def test_the_choice_after_a_reveal_moves_no_money():
    score = PlayerScore(100_000)
    score.record(_played([1, 0], reveal_at=1).result())      # pays 3000, then 2000 after the reveal
    assert (score.money_lost, score.savings) == (3000, 97_000)


def test_the_choice_after_a_reveal_is_neither_safe_nor_risky():
    score = PlayerScore()
    score.record(_played([1, 1], reveal_at=1).result())
    assert (score.safe_choices, score.risky_choices, score.neutral_choices) == (0, 1, 0)


def test_the_choice_after_a_reveal_spots_no_technique():
    score = PlayerScore()
    score.record(_played([0], reveal_at=0).result())
    assert not score.techniques


def test_a_scene_saved_after_a_reveal_protects_nothing():
    score = PlayerScore()
    score.record(_played([0], reveal_at=0).result())
    assert score.savings_protected == 0


def test_without_a_reveal_everything_counts():
    score = PlayerScore()
    score.record(_played([0], reveal_at=None).result())
    assert score.safe_choices == 1 and score.savings_protected == 5000


def test_the_reveal_covers_only_the_next_choice():
    runner = _played([1, 1], reveal_at=0)
    assert runner.result().revealed == (True, False)


def test_the_runner_says_when_the_last_choice_followed_a_reveal():
    assert _played([0], reveal_at=0).last_revealed


def test_a_quiz_answer_after_a_reveal_is_not_scored():
    pool = quiz_pool()
    runner = QuizRunner(pool.items[0], pool.id, 0, "fake_police")
    runner.reveal()
    runner.answer(pool.items[0].answer)
    score = PlayerScore()
    score.record(runner.result())
    assert not score.techniques and not score.by_scam_type
