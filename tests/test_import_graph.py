"""The package's import graph: no cycles, and an import inside a function only with its reason.

Every import counts, at the top of a module or inside a function (a function-local import
runs as surely as a top-level one, only later); imports under ``if TYPE_CHECKING:`` never
run and do not count. A cycle means two modules cannot be understood, tested or moved apart.
"""

from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"


def _modules() -> dict[str, Path]:
    mods = {}
    for path in GAME.rglob("*.py"):
        parts = list(path.relative_to(GAME.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = path
    return mods


def _imports(tree: ast.AST):
    """(node, inside a function) for every import that runs, skipping ``if TYPE_CHECKING:`` blocks."""
    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child, in_function
            else:
                yield from visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))
    yield from visit(tree, False)


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        found = set()
        for node, _ in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in mods}
                continue
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in mods:
                    found.add(f"{target}.{alias.name}")
                elif target in mods:
                    found.add(target)
        graph[name] = found - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a list of modules, the first repeated at the end) for every import that leads back
    to a module still being followed (depth-first, iterative)."""
    state: dict[str, int] = {}          # 1: being followed, 2: done
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in state:
            continue
        path = [root]
        state[root] = 1
        todo = [iter(sorted(graph.get(root, ())))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(sorted(graph.get(nxt, ()))))
    return found


def test_the_game_package_has_no_import_cycle():
    cycles = _cycles(_graph())
    assert not cycles, "import cycles (counting imports inside functions):\n" + "\n".join(
        " -> ".join(c) for c in cycles)


def test_a_cycle_is_found_when_there_is_one():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_every_import_inside_a_function_says_why():
    unexplained = []
    for path in sorted(GAME.rglob("*.py")):
        rel = path.relative_to(GAME.parent).as_posix()
        lines = path.read_text(encoding="utf-8").split("\n")
        explained_above = set()
        for node, in_function in _imports(ast.parse("\n".join(lines))):
            if not in_function:
                continue
            line = lines[node.lineno - 1]
            above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
            # the reason on the line, on the line above, or on the import just above it (a group)
            if "#" in line or above.startswith("#") or node.lineno - 1 in explained_above:
                explained_above.add(node.end_lineno)
                continue
            unexplained.append(f"{rel}:{node.lineno}: {line.strip()}")
    assert not unexplained, "imports inside functions need a one-line reason (start-up time, an optional " \
                            "library …), else belong at the top of the module:\n" + "\n".join(unexplained)
