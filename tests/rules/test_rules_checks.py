"""The learning check's items: matched pairs on the same scam type, seeded, from the pack's pools."""

from dataclasses import replace

import pytest

from game.content.loader import load_library
from game.rules.checks import check_candidates, pick_learning_check

from rules_factories import library, pack, quiz_pool


def _content(*pools):
    return pack(pools=tuple(p.id for p in pools)), library(pools=list(pools))


def test_each_after_item_is_on_the_same_scam_type_as_its_before_item():
    p, lib = _content(quiz_pool("quiz_fake_police", 4, "fake_police"), quiz_pool("quiz_task_rebate", 3, "task_rebate"))
    check = pick_learning_check(p, lib, seed=1)
    assert [c.scam_type for c in check.before] == [c.scam_type for c in check.after]


def test_before_and_after_items_differ():
    p, lib = _content(quiz_pool("quiz_fake_police", 2, "fake_police"))
    check = pick_learning_check(p, lib, seed=3)
    assert check.before[0].ref != check.after[0].ref


def test_the_same_seed_picks_the_same_items():
    p, lib = _content(quiz_pool("quiz_fake_police", 6, "fake_police"), quiz_pool("quiz_fake_boss", 6, "fake_boss"))
    assert pick_learning_check(p, lib, seed=9) == pick_learning_check(p, lib, seed=9)


def test_at_most_n_items_on_different_scam_types():
    pools = [quiz_pool(f"quiz_t{i}", 3, f"t{i}") for i in range(5)]
    check = pick_learning_check(*_content(*pools), seed=2, n=3)
    assert len(check.before) == 3 and len(set(check.scam_types)) == 3


def test_pools_without_a_scam_type_are_not_used():
    p, lib = _content(quiz_pool("quiz_basics", 5, None))
    assert pick_learning_check(p, lib, seed=1) is None


def test_a_scam_type_with_one_item_cannot_be_matched():
    p, lib = _content(quiz_pool("quiz_fake_police", 1, "fake_police"), quiz_pool("quiz_fake_boss", 2, "fake_boss"))
    assert list(check_candidates(p, lib)) == ["fake_boss"]


def test_zero_items_is_refused():
    with pytest.raises(ValueError):
        pick_learning_check(*_content(quiz_pool("quiz_x", 2, "x")), seed=1, n=0)


def test_shipped_packs_with_typed_pools_give_a_check():
    from game.content.loader import load_library
    lib = load_library().library
    checks = [pick_learning_check(p, lib, seed=1) for p in lib.packs.values()]
    assert any(c is not None for c in checks)


def test_a_pack_listing_no_pools_is_checked_on_the_pools_of_its_boards():
    library = load_library().library
    pack = next(p for p in library.packs.values() if p.quiz_pools)
    bare = replace(pack, quiz_pools=())
    pools = {c.pool_id for items in check_candidates(bare, library).values() for c in items}
    assert pools and pools <= set(library.quiz_pools_of(bare))
