"""Scoring of scenes for one player and a session."""

from game.content.models import EndingOutcome, Ladder, Outcome, Technique
from game.rules import PlayerScore, SceneResult, SessionScore, play_route
from game.rules.scoring import BADGE_SPOTS, furthest_step
from rules_factories import choice, classic_board, game_on, pack, rescue_scenario, scam_scenario

SCAMMED, ESCAPED, REPORTED = [1, 0], [1, 1], [0]


def scored(*routes, savings=100_000) -> PlayerScore:
    score = PlayerScore(savings)
    for route in routes:
        score.record(play_route(scam_scenario(), route).result())
    return score


def test_savings_start_from_the_pack():
    game = game_on(classic_board(), pack=pack(savings=20_000))
    assert game.scores[0].savings == 20_000


def test_money_lost_is_the_sum_of_choices_taken():
    score = scored(SCAMMED)
    assert (score.money_lost, score.savings) == (5000, 95_000)


def test_money_lost_is_capped_at_what_is_left():
    score = scored(SCAMMED, savings=4000)
    assert (score.money_lost, score.savings) == (4000, 0)


def test_safe_choice_rate_ignores_neutral_choices():
    score = PlayerScore()
    score.record(SceneResult("scenario", ending=EndingOutcome.ESCAPED, choices=(
        choice(outcome=Outcome.SAFE), choice(outcome=Outcome.NEUTRAL), choice(outcome=Outcome.RISKY))))
    assert score.safe_choice_rate == 0.5


def test_safe_choice_rate_is_none_before_any_choice():
    assert PlayerScore().safe_choice_rate is None


def test_furthest_ladder_step_of_a_scene():
    assert scored(ESCAPED).scenes[0].furthest is Ladder.PAID


def test_credit_for_verifying_or_reporting():
    assert (scored(ESCAPED).scenes[0].credit, scored(REPORTED).scenes[0].credit) == (Ladder.VERIFIED,
                                                                                      Ladder.REPORTED)


def test_reported_beats_verified():
    assert furthest_step([choice(ladder=Ladder.VERIFIED), choice(ladder=Ladder.REPORTED)]) == (Ladder.IGNORED,
                                                                                             Ladder.REPORTED)


def test_safe_choice_spots_its_techniques_and_risky_misses_them():
    score = scored(ESCAPED)     # risky (authority, fear) then safe (urgency)
    t = score.techniques
    assert (t[Technique.AUTHORITY].missed, t[Technique.FEAR].missed, t[Technique.URGENCY].spotted) == (1, 1, 1)
    assert t[Technique.AUTHORITY].spotted == 0


def test_quiz_answers_spot_or_miss_the_item_techniques():
    score = PlayerScore()
    score.record(SceneResult.of_answer(True, techniques=(Technique.GREED,)))
    score.record(SceneResult.of_answer(False, techniques=(Technique.GREED,)))
    assert (score.techniques[Technique.GREED].spotted, score.techniques[Technique.GREED].missed) == (1, 1)


def test_badge_after_enough_spots_of_one_technique():
    assert [b.technique for b in scored(*[REPORTED] * BADGE_SPOTS).badges] == [Technique.AUTHORITY]


def test_no_badge_one_spot_short():
    assert scored(*[REPORTED] * (BADGE_SPOTS - 1)).badges == []


def test_savings_protected_counts_scenes_not_ending_scammed():
    assert scored(REPORTED, REPORTED, SCAMMED).savings_protected == 2 * 5000


def test_late_rescue_protects_only_what_was_not_paid_yet():
    assert scored(ESCAPED).savings_protected == 5000 - 3000


def test_results_per_scam_type():
    tally = scored(ESCAPED, SCAMMED, SCAMMED).by_scam_type["fake_police"]
    assert (tally.safe, tally.scammed) == (1, 2)


def test_session_adds_players_up():
    session = SessionScore.of([scored(SCAMMED), scored(ESCAPED)])
    assert (session.players, session.money_lost, session.scenes_scammed) == (2, 8000, 1)
    assert session.by_scam_type["fake_police"].safe == 1


def test_score_as_dict_is_plain_data():
    data = scored(ESCAPED).as_dict()
    assert data["scenes"][0]["furthest"] == "paid" and data["money_lost"] == 3000


# ---------------------------------------------------------------- one-choice steps

RESCUED = [0, 0]   # rescue_scenario: risky payment, then the lone "report" step


def test_a_lone_step_is_not_counted_as_a_safe_choice():
    score = PlayerScore()
    score.record(play_route(rescue_scenario(), RESCUED).result())
    assert (score.safe_choices, score.risky_choices, score.safe_choice_rate) == (0, 1, 0.0)


def test_a_lone_step_spots_no_technique():
    score = PlayerScore()
    score.record(play_route(rescue_scenario(), RESCUED).result())
    assert Technique.AUTHORITY not in score.techniques and score.techniques[Technique.GREED].missed == 1


def test_a_lone_step_still_earns_its_ladder_credit():
    score = PlayerScore()
    assert score.record(play_route(rescue_scenario(), RESCUED).result()).credit is Ladder.REPORTED


# ---------------------------------------------------------------- company money

def company(route) -> PlayerScore:
    score = PlayerScore(20_000)
    score.record(play_route(rescue_scenario(company_money=True), route).result())
    return score


def test_company_money_never_leaves_the_players_savings():
    score = company(RESCUED)
    assert (score.savings, score.money_lost, score.company_lost) == (20_000, 0, 3000)


def test_company_money_protected_is_kept_apart_from_savings_protected():
    score = company([1])
    assert (score.company_protected, score.savings_protected) == (10_000, 0)


def test_company_loss_is_not_capped_at_the_players_savings():
    score = PlayerScore(1000)
    score.record(play_route(rescue_scenario(company_money=True), RESCUED).result())
    assert (score.company_lost, score.savings) == (3000, 1000)


def test_a_late_rescue_protects_only_the_company_money_not_yet_paid():
    assert company(RESCUED).company_protected == 10_000 - 3000


def test_session_adds_company_money_up():
    session = SessionScore.of([company(RESCUED), company([1])])
    assert (session.company_lost, session.company_protected, session.money_lost) == (3000, 17_000, 0)

