"""Graph checks on scripts far bigger than any author writes: no deep recursion, right codes.

The YAML value limit keeps a script file under about 3,000 nodes, so the 5,000-node
shapes are built as models and given to the graph checks directly; the YAML scripts
have 1,000 to 2,000 nodes.
"""

from types import MappingProxyType

import pytest

from game.content import graph_checks
from game.content.models import (
    Audience, Channel, Choice, Ending, EndingOutcome, Ladder, Node, Outcome, Scenario, Source,
)
from game.content.problems import ProblemList

from hostile_cases import (
    BY_NAME, Case, big_cycle_with_exit_script, chain_script, fan_out_script,
)

N = 5000


def choice(to: str, outcome: Outcome = Outcome.NEUTRAL, ladder: Ladder = Ladder.ENGAGED) -> Choice:
    return Choice("走", to, outcome, 0, ladder, (), "")


def node(nid: str, *targets: str, line: int = 0) -> Node:
    return Node(nid, Channel.SMS, None, (), tuple(choice(t) for t in targets), None, line_no=line)


def ending(nid: str, outcome: EndingOutcome) -> Node:
    return Node(nid, Channel.SMS, None, (), (), Ending(outcome, "完"))


def decide() -> Node:
    return Node("decide", Channel.SMS, None, (),
                (choice("s_end", Outcome.SAFE, Ladder.VERIFIED), choice("b_end", Outcome.RISKY, Ladder.PAID)), None)


def scenario(nodes: list[Node], start: str = "n0") -> Scenario:
    nodes = nodes + [decide(), ending("s_end", EndingOutcome.ESCAPED), ending("b_end", EndingOutcome.SCAMMED)]
    return Scenario("huge", "大", "fake_police", (Audience.GENERAL,), "大", 0, start,
                    MappingProxyType({n.id: n for n in nodes}), Source("huge.yaml", 1, 1))


def check(s: Scenario) -> ProblemList:
    problems = ProblemList("huge.yaml")
    graph_checks.check(s, problems)
    return problems


def chain(n: int) -> Scenario:
    return scenario([node(f"n{i}", f"n{i + 1}" if i < n - 1 else "decide", line=i + 1) for i in range(n)])


def loop_without_exit(n: int) -> Scenario:
    return scenario([node(f"n{i}", f"n{(i + 1) % n}", "n0", line=i + 1) for i in range(n)] +
                    [node("entry", "n0", "decide")], start="entry")


def fan_out(n: int) -> Scenario:
    hub = node("n0", *(f"leaf{i}" for i in range(n)), "decide")
    return scenario([hub] + [node(f"leaf{i}", "n0", "decide") for i in range(n)])


def unknown_targets(n: int) -> Scenario:
    return scenario([node(f"n{i}", f"n{i + 1}", f"gone_{i}", line=i + 1) for i in range(n)] + [node(f"n{n}", "decide")])


# ---------------------------------------------------------------- 5,000-node models

def test_chain_of_5000_nodes_is_clean():
    assert check(chain(N)) == []


def test_loop_of_5000_nodes_without_exit_reports_every_node():
    problems = check(loop_without_exit(N))
    assert sum(p.code == "loop-without-exit" for p in problems) == N


def test_fan_out_to_5000_nodes_and_back_is_clean():
    assert check(fan_out(N)) == []


def test_5000_choices_to_missing_nodes_are_each_reported():
    problems = check(unknown_targets(N))
    assert sum(p.code == "unknown-node" for p in problems) == N


def test_first_missing_nodes_still_get_a_did_you_mean_hint():
    s = scenario([node("n0", "decidee")])
    assert check(s)[0].hint == "did you mean 'decide'?"


# ---------------------------------------------------------------- cycles of every shape

def test_self_loop_without_exit_is_a_loop():
    s = scenario([node("n0", "stuck", "decide"), node("stuck", "stuck", line=5)])
    assert [(p.code, p.line) for p in check(s)] == [("loop-without-exit", 5)]


def test_two_node_loop_without_exit_reports_both():
    s = scenario([node("n0", "a", "decide"), node("a", "b", line=5), node("b", "a", line=6)])
    assert [(p.code, p.line) for p in check(s)] == [("loop-without-exit", 5), ("loop-without-exit", 6)]


def test_node_leading_into_a_loop_is_a_dead_end_not_a_loop():
    s = scenario([node("n0", "lead", "decide"), node("lead", "a", line=4), node("a", "b", line=5),
                  node("b", "a", line=6)])
    assert [(p.code, p.line) for p in check(s)] == [
        ("dead-end", 4), ("loop-without-exit", 5), ("loop-without-exit", 6)]


def test_loop_with_a_way_out_is_fine():
    s = scenario([node("n0", "a"), node("a", "b"), node("b", "a", "decide")])
    assert check(s) == []


def test_two_loops_joined_without_exit_report_every_node():
    s = scenario([node("n0", "a", "decide"), node("a", "b"), node("b", "a", "c"), node("c", "d"), node("d", "c")])
    assert sum(p.code == "loop-without-exit" for p in check(s)) == 4


def test_whole_script_one_loop_without_any_ending_reports_no_route():
    s = Scenario("loop", "圈", "fake_police", (Audience.GENERAL,), "圈", 0, "a",
                 MappingProxyType({"a": node("a", "b"), "b": node("b", "a")}), Source("loop.yaml", 1, 1))
    codes = {p.code for p in check(s)}
    assert {"loop-without-exit", "no-safe-route", "no-risky-route"} <= codes


# ---------------------------------------------------------------- big scripts as YAML

YAML_SCRIPTS = [
    Case("chain_2000.yaml", lambda: chain_script(2000), ""),
    Case("big_cycle_with_exit_2000.yaml", lambda: big_cycle_with_exit_script(2000), ""),
    Case("fan_out_2000.yaml", lambda: fan_out_script(2000), ""),
]


@pytest.mark.parametrize("case", YAML_SCRIPTS, ids=[c.name for c in YAML_SCRIPTS])
def test_big_valid_script_loads(outcome_of, case):
    assert "big_script" in outcome_of(case).scenarios


def test_loop_nodes_after_a_lead_in_are_loops(outcome_of):
    case = BY_NAME["lead_in_to_loop.yaml"]
    assert [(c, line) for c, line in outcome_of(case).codes_of(case.name) if c == "loop-without-exit"] == [
        ("loop-without-exit", 10), ("loop-without-exit", 11)]
