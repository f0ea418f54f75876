"""The sample statistics (``game.stats.sample``) look like what the recorder writes: a class's learning
check is one anonymous answer for each hand raised, a player's one answer."""

import random
from datetime import datetime

from game.stats.sample import make_session

END = datetime(2026, 11, 23, 12, 0)


def _checked(mode):
    rng = random.Random(5)
    while True:
        data = make_session(rng, END, 30, still_open=True, checks=1.0, mode=mode)
        if data["checks"]:
            return data["checks"]


def test_a_class_answers_the_check_with_a_row_for_each_hand():
    checks = _checked("classroom")
    per_item = {}
    for c in checks:
        per_item[(c["phase"], c["item_id"])] = per_item.get((c["phase"], c["item_id"]), 0) + 1
    assert min(per_item.values()) >= 20


def test_a_player_answers_each_check_item_once():
    checks = _checked("kiosk")
    assert len(checks) == len({(c["phase"], c["item_id"]) for c in checks}) == 4
