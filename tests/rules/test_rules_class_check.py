"""The class's learning check: hands per option turned into right / wrong, before beside after."""

from game.rules.checks import pick_learning_check
from game.rules.class_check import CheckHands, class_check_rows, hands_on, overall

from rules_factories import library, pack, quiz_pool


def _check():
    pools = [quiz_pool("quiz_fake_police", 3, "fake_police"), quiz_pool("quiz_task_rebate", 3, "task_rebate")]
    return pick_learning_check(pack(pools=tuple(p.id for p in pools)), library(pools=pools), seed=4)


def test_the_hands_on_the_right_option_are_the_right_hands():
    item = _check().before[0]
    counts = [0] * len(item.item.options)
    counts[item.item.answer] = 12
    counts[(item.item.answer + 1) % len(counts)] = 5
    hands = hands_on(item, "before", counts)
    assert (hands.right, hands.wrong) == (12, 5)


def test_a_type_voted_on_before_and_after_sets_the_shares_side_by_side():
    check = _check()
    rows = class_check_rows([CheckHands(check.before[0], "before", 10, 30),
                             CheckHands(check.after[0], "after", 30, 8)])
    assert len(rows) == 1 and rows[0].before.share == 0.25 and rows[0].after.share == 30 / 38


def test_the_gain_is_the_after_share_less_the_before_share():
    check = _check()
    rows = class_check_rows([CheckHands(check.before[0], "before", 10, 30),
                             CheckHands(check.after[0], "after", 20, 20)])
    assert rows[0].gain == 0.25


def test_a_type_not_voted_on_after_has_no_gain():
    check = _check()
    rows = class_check_rows([CheckHands(check.before[0], "before", 10, 30)])
    assert rows[0].after is None and rows[0].gain is None


def test_an_item_with_no_hands_is_left_out():
    check = _check()
    assert class_check_rows([CheckHands(check.before[0], "before", 0, 0)]) == []


def test_the_overall_share_counts_only_types_voted_on_in_both_phases():
    check = _check()
    rows = class_check_rows([CheckHands(check.before[0], "before", 10, 30), CheckHands(check.after[0], "after", 30, 10),
                             CheckHands(check.before[1], "before", 40, 0)])
    assert overall(rows, "before") == 0.25 and overall(rows, "after") == 0.75
