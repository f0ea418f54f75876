"""Checks on the shape of one branching script.

Every node reachable from the start; every node can still reach an ending (a
node that cannot is a dead end, or a loop with no way out); at least one route
ends safely and one ends scammed; every choice points at a node that exists.
"""

from __future__ import annotations

import difflib
from collections import deque

from .models import Scenario
from .problems import ProblemList

_HINTED_PER_SCRIPT = 20


def reachable(scenario: Scenario) -> set[str]:
    seen = {scenario.start}
    queue = deque([scenario.start])
    while queue:
        node = scenario.nodes.get(queue.popleft())
        if node is None:
            continue
        for choice in node.choices:
            if choice.to in scenario.nodes and choice.to not in seen:
                seen.add(choice.to)
                queue.append(choice.to)
    return seen


def can_reach(scenario: Scenario, predicate) -> set[str]:
    """Node ids from which some route reaches a node satisfying ``predicate`` (backward search)."""
    parents: dict[str, set[str]] = {nid: set() for nid in scenario.nodes}
    for nid, node in scenario.nodes.items():
        for choice in node.choices:
            if choice.to in parents:
                parents[choice.to].add(nid)
    good = {nid for nid, node in scenario.nodes.items() if predicate(node)}
    queue = deque(good)
    while queue:
        for parent in parents[queue.popleft()]:
            if parent not in good:
                good.add(parent)
                queue.append(parent)
    return good


def _in_cycles(scenario: Scenario, allowed: set[str]) -> set[str]:
    """Nodes of ``allowed`` that can come back to themselves staying inside ``allowed``.

    Tarjan's strongly connected components, without recursion: linear in the size of
    the script, where a search from every node would be quadratic.
    """
    def successors(nid: str) -> list[str]:
        return [c.to for c in scenario.nodes[nid].choices if c.to in allowed]

    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cyclic: set[str] = set()
    for root in allowed:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors(root)))]
        while work:
            nid, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors(child))))
                    break
                if child in on_stack:
                    low[nid] = min(low[nid], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[nid])
                if low[nid] == index[nid]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == nid:
                            break
                    if len(component) > 1 or nid in successors(nid):
                        cyclic.update(component)
    return cyclic


def check(scenario: Scenario, problems: ProblemList) -> bool:
    """Report every graph problem of ``scenario``; True when there is none."""
    before = len(problems)
    nodes = scenario.nodes
    where = f"scenario '{scenario.id}'"

    if scenario.start not in nodes:
        problems.error(scenario.source.line, scenario.source.col, "unknown-node",
                       f"{where} starts at '{scenario.start}', which is not one of its nodes",
                       _hint(scenario.start, nodes))
        return False

    unknown = 0
    for nid, node in nodes.items():
        for i, choice in enumerate(node.choices):
            if choice.to not in nodes:
                unknown += 1  # a fuzzy "did you mean" against every node: only for the first few
                problems.error(node.line_no, 1, "unknown-node",
                               f"choice {i + 1} of node '{nid}' goes to '{choice.to}', which does not exist",
                               _hint(choice.to, nodes) if unknown <= _HINTED_PER_SCRIPT else "")
        if not node.choices and node.ending is None:
            problems.error(node.line_no, 1, "dead-end",
                           f"node '{nid}' has neither choices nor an ending",
                           "add choices, or an 'ending:' with its outcome and summary")
    if len(problems) > before:
        return False

    live = reachable(scenario)
    for nid, node in nodes.items():
        if nid not in live:
            problems.error(node.line_no, 1, "unreachable-node",
                           f"node '{nid}' can never be reached from the start '{scenario.start}'",
                           "point a choice at it, or delete it")

    finishing = can_reach(scenario, lambda n: n.is_ending)
    looping = _in_cycles(scenario, live - finishing)
    for nid in sorted(live - finishing, key=lambda n: nodes[n].line_no):
        node = nodes[nid]
        if nid in looping:
            problems.error(node.line_no, 1, "loop-without-exit",
                           f"node '{nid}' is in a loop that never reaches an ending",
                           "give one of the loop's nodes a choice that leads to an ending")
        else:
            problems.error(node.line_no, 1, "dead-end",
                           f"no route from node '{nid}' reaches an ending",
                           "every choice must eventually lead to an ending node")

    safe_nodes = can_reach(scenario, lambda n: n.is_ending and n.ending.outcome.is_safe)
    scam_nodes = can_reach(scenario, lambda n: n.is_ending and not n.ending.outcome.is_safe)
    line, col = scenario.source.line, scenario.source.col
    if scenario.start not in safe_nodes:
        problems.error(line, col, "no-safe-route", f"{where} has no route that ends escaped or reported",
                       "players must be able to win: add an ending with outcome escaped or reported")
    if scenario.start not in scam_nodes:
        problems.error(line, col, "no-risky-route", f"{where} has no route that ends scammed",
                       "show what happens when the player falls for it: add an ending with outcome scammed")
    if not any(c.outcome.value == "safe" for n in nodes.values() for c in n.choices):
        problems.error(line, col, "no-safe-choice", f"{where} has no choice marked outcome: safe")
    if not any(c.outcome.value == "risky" for n in nodes.values() for c in n.choices):
        problems.error(line, col, "no-risky-choice", f"{where} has no choice marked outcome: risky")
    return len(problems) == before


def _hint(name: str, nodes) -> str:
    close = difflib.get_close_matches(name, list(nodes), n=1)
    return f"did you mean '{close[0]}'?" if close else f"nodes are: {', '.join(list(nodes)[:12])}"
