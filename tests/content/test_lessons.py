"""What the shipped scripts teach: every decision tempts and has a way out, no choice gives its verdict away,
a one-choice step tests nothing, no phone number that no phone shows, no face-swap check scored as proof,
elderly scripts short enough for the park board, and company money kept apart from savings."""

import re

import pytest

from game.content.loader import load_library
from game.content.models import Audience, Outcome
from game.content.wording import impossible_number_in, verdict_words_in
from game.rules import iter_routes


@pytest.fixture(scope="module")
def shipped():
    return load_library()


def decisions(scenario):
    return [(node.id, node) for node in scenario.nodes.values() if node.is_decision]


def test_every_decision_offers_a_safe_choice_and_a_tempting_one(shipped):
    one_sided = []
    for sid, scenario in shipped.library.scenarios.items():
        for nid, node in decisions(scenario):
            kinds = {c.outcome for c in node.choices}
            if Outcome.SAFE not in kinds or not kinds & {Outcome.RISKY, Outcome.NEUTRAL}:
                one_sided.append(f"{sid}/{nid}: {sorted(k.value for k in kinds)}")
    assert one_sided == []


def test_no_choice_text_says_its_own_verdict(shipped):
    found = [f"{sid}/{node.id}: {c.text} ({', '.join(verdict_words_in(c.text))})"
             for sid, scenario in shipped.library.scenarios.items() for node in scenario.nodes.values()
             for c in node.choices if verdict_words_in(c.text)]
    assert found == []


def test_a_one_choice_step_carries_no_technique_tags(shipped):
    tagged = [f"{sid}/{node.id}" for sid, scenario in shipped.library.scenarios.items()
              for node in scenario.nodes.values() if len(node.choices) == 1 and node.choices[0].techniques]
    assert tagged == []


def test_no_text_or_number_holds_a_plus_zero_phone_number(shipped):
    texts = [(f.path, t.line, t.text) for f in shipped.files for t in f.texts]
    numbers = [(sid, 0, node.contact.number) for sid, scenario in shipped.library.scenarios.items()
               for node in scenario.nodes.values() if node.contact]
    assert [f"{where}:{line}: {impossible_number_in(text)}" for where, line, text in texts + numbers
            if impossible_number_in(text)] == []


# Asking the caller to turn, wave or blink, or to tell a private detail, is a check a face swap passes
# (a family code word agreed in advance is not: it was never online).
FACE_CHECK = re.compile(r"转头|转转头|挥手|挥挥手|眨眼|只有.{0,6}知道的(事|小事|问题)")


def test_no_face_swap_check_is_scored_as_verification(shipped):
    scored_safe = [f"{sid}/{node.id}: {c.text}" for sid, scenario in shipped.library.scenarios.items()
                   for node in scenario.nodes.values() for c in node.choices
                   if FACE_CHECK.search(c.text) and (c.outcome is Outcome.SAFE or c.ladder.is_credit)]
    assert scored_safe == []


def test_no_quiz_answer_is_a_face_swap_check(shipped):
    answers = [f"{pid}/{item.id}: {item.options[item.answer]}" for pid, pool in shipped.library.quiz_pools.items()
               for item in pool.items if FACE_CHECK.search(item.options[item.answer])]
    assert answers == []


def test_at_least_a_third_of_the_scripts_offer_a_plausible_but_insufficient_choice(shipped):
    scripts = shipped.library.scenarios.values()
    with_neutral = [s for s in scripts if any(c.outcome is Outcome.NEUTRAL for n in s.nodes.values() for c in n.choices)]
    assert 3 * len(with_neutral) >= len(scripts)


def test_every_neutral_choice_explains_why_it_is_not_enough(shipped):
    silent = [f"{sid}/{node.id}: {c.text}" for sid, scenario in shipped.library.scenarios.items()
              for node in scenario.nodes.values() for c in node.choices
              if c.outcome is Outcome.NEUTRAL and not c.feedback]
    assert silent == []


ELDERLY_MAX_DECISIONS = 5


def test_elderly_scripts_take_at_most_five_decisions_on_any_route(shipped):
    long = {}
    for sid, scenario in shipped.library.scenarios.items():
        if Audience.ELDERLY not in scenario.audiences:
            continue
        most = max(sum(1 for nid in route.nodes[:-1] if scenario.nodes[nid].is_decision)
                   for route in iter_routes(scenario))
        if most > ELDERLY_MAX_DECISIONS:
            long[sid] = most
    assert long == {}


def test_every_elderly_script_is_in_the_elderly_pack(shipped):
    lib = shipped.library
    elderly = {sid for sid, s in lib.scenarios.items() if Audience.ELDERLY in s.audiences}
    packs = [p for p in lib.packs.values() if p.audience is Audience.ELDERLY]
    assert packs and elderly - {sid for p in packs for sid in p.scenarios} == set()


FINANCE_ROLES = ("出纳", "会计", "财务")


def test_scripts_that_cast_the_player_as_a_finance_clerk_move_company_money(shipped):
    """A finance clerk paying a fake boss spends the company's money, never the player's savings."""
    clerks = [s for s in shipped.library.scenarios.values() if any(r in s.summary for r in FINANCE_ROLES)]
    assert clerks and [s.id for s in clerks if not s.company_money] == []


# Words a junior-middle-school pack should not meet: student loans, renting out bank cards, adult credit.
ADULT_ONLY = ("校园贷", "出租银行卡", "出借银行卡", "征信", "十八岁")


def test_the_junior_pack_plays_no_adult_only_script(shipped):
    lib = shipped.library
    junior = lib.packs["students_junior"]
    hits = [f"{sid}: {word}" for sid in junior.scenarios for word in ADULT_ONLY
            if word in lib.scenarios[sid].summary]
    assert hits == []


def test_the_junior_board_shows_no_adult_only_keyword(shipped):
    lib = shipped.library
    keywords = [lib.tiles[sq.tile].keyword for b in lib.packs["students_junior"].boards
                for sq in lib.boards[b].squares if sq.tile]
    assert [k for k in keywords if any(word in k for word in ADULT_ONLY)] == []
