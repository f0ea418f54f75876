"""The cheap nesting bound that lets most files skip the token scan must never be too low.

Building the node tree recurses in C once per level, so a file the bound lets through
must really be shallow: too low a bound is a crash (a stack overflow), not an error.
"""

import random

import pytest
import yaml

from game.content import yamlsafe
from game.content.problems import ProblemList


def real_depth(text: str) -> int:
    """Deepest collection nesting of every document (aliases not followed)."""
    best, seen = 0, set()
    stack = [(doc, 1) for doc in yaml.compose_all(text, Loader=yamlsafe._Loader) if doc is not None]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, yaml.CollectionNode) and id(node) not in seen:
            seen.add(id(node))
            best = max(best, depth)
            children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else node.value
            stack.extend((child, depth + 1) for child in children)
    return best


# Shapes an earlier line-start bound under-counted: explicit keys ('? '), mixed with dashes,
# a sequence in a mapping at the same column, closing brackets in quotes or comments.
UNDER_COUNTED = {
    "explicit keys": "? ? ? ? ? ? a\n",
    "dashes and explicit keys": "- ? - ? - ? a\n",
    "explicit keys and dashes": "? - ? - ? - a\n",
    "a tag after the indicators": "  ? ? - ? !!str # ]}?\t\n",
    "explicit key then dash": " ? - a: \n",
    "key, dash and value": "? - a: |\n&x : b]\n",
    "indentless sequences": "k:\n- k:\n  - k:\n    - k:\n      - k: x\n",
    "closers in a comment": "# ]]]]]]]]\nk: [[[[[[[[x]]]]]]]]\n",
    "closers in quotes": 'k: ["]", ["]", ["]", ["]", [x]]]]]\n',
}


@pytest.mark.parametrize("text", list(UNDER_COUNTED.values()), ids=list(UNDER_COUNTED))
def test_bound_covers_shapes_that_were_under_counted(text):
    assert yamlsafe._depth_bound(text) >= real_depth(text)


def _random_yamlish(rnd: random.Random) -> str:
    pieces = ["- ", "? ", ": ", "a: ", "&x ", "!!map ", "!!seq ", "!!str ", "a ", "[", "]", "{", "}", ", ",
              "-\t", "?\t", "b", '"]" ', "# ]", "|\n", ">\n"]
    lines = [" " * rnd.randrange(7) + "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 9)))
             for _ in range(rnd.randrange(1, 6))]
    return "\n".join(lines) + "\n"


def test_bound_covers_random_block_and_flow_mixtures():
    rnd = random.Random(20240611)
    too_low = []
    for _ in range(20_000):
        text = _random_yamlish(rnd)
        try:
            depth = real_depth(text)
        except yaml.YAMLError:
            continue
        if depth > yamlsafe._depth_bound(text):
            too_low.append(text)
    assert too_low == []


def test_nesting_under_the_bound_is_still_limited_to_max_depth():
    # 30 lines of 'k:' / '- k:' nest 60 levels while staying below the scan threshold
    text = "k:\n" + "".join("  " * i + "- k:\n" for i in range(30)) + "  " * 30 + "  x\n"
    assert yamlsafe._depth_bound(text) <= yamlsafe._SAFE_COMPOSE_DEPTH
    problems = ProblemList("t.yaml")
    yamlsafe.load(text.encode(), problems)
    assert [p.code for p in problems] == ["too-deep"]


def test_max_depth_itself_is_accepted():
    # kind: + 38 brackets = 39 levels below the root mapping's 1: exactly MAX_DEPTH
    levels = yamlsafe.MAX_DEPTH - 1
    problems = ProblemList("t.yaml")
    tree = yamlsafe.load(("kind: " + "[" * levels + "]" * levels + "\n").encode(), problems)
    assert tree is not None and not problems
