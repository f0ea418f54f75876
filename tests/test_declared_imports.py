"""Every import in the project comes from the standard library, the project itself, or a
dependency pyproject.toml declares: a fresh machine has nothing else."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("game", "tests", "benchmarks", "tools")
# Imported under another name than the distribution's, for packages that may not be installed here.
KNOWN = {"pygame": "pygame-ce", "yaml": "pyyaml", "fontTools": "fonttools", "PyInstaller": "pyinstaller"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {_norm(re.split(r"[\s<>=!~;\[(]", r, maxsplit=1)[0]) for r in requirements}


def imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.module, node.lineno
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "importorskip" and node.args
              and isinstance(node.args[0], ast.Constant)):
            yield node.args[0].value, node.lineno


def local_modules() -> set[str]:
    names = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()} | {p.stem for p in ROOT.glob("*.py")}
    for folder in FOLDERS:
        names |= {p.stem for p in (ROOT / folder).rglob("*.py")}
    return names


def undeclared() -> list[str]:
    allowed = declared()
    provides = metadata.packages_distributions()
    local = local_modules()
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for name, line in imports(path):
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in local or top == "__future__":
                    continue
                dists = {_norm(d) for d in provides.get(top, [])} or {_norm(KNOWN.get(top, top))}
                if not dists & allowed:
                    found.append(f"{path.relative_to(ROOT)}:{line}: {top}")
    return found


def test_every_import_is_declared():
    assert undeclared() == []


def test_the_check_finds_an_undeclared_import(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "declared", lambda: {"pytest"})
    assert any(entry.endswith(": yaml") for entry in undeclared())


@pytest.mark.parametrize("requirement, name", [("PyYAML>=6.0.1,<7", "pyyaml"), ("psycopg[binary]>=3.1", "psycopg")])
def test_requirement_names_are_read_without_their_versions(requirement, name):
    assert _norm(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0]) == name
