"""The rules stay pure Python: nothing under game/rules may import pygame."""

import ast
import subprocess
import sys
from pathlib import Path

import game.rules

RULES_DIR = Path(game.rules.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value))
    return names


def test_no_module_under_game_rules_imports_pygame():
    offenders = {str(path.relative_to(RULES_DIR)): sorted(n for n in imported_modules(path)
                                                          if n.split(".")[0] in ("pygame", "game.ui"))
                 for path in sorted(RULES_DIR.rglob("*.py"))}
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(offenders) >= 7     # the scan did see the modules


def test_importing_the_rules_loads_no_pygame():
    code = ("import sys, importlib, pkgutil, game.rules\n"
            "for m in pkgutil.iter_modules(game.rules.__path__): importlib.import_module('game.rules.' + m.name)\n"
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=RULES_DIR.parent.parent)
    assert out.stdout.strip() == "False"
