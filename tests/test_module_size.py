"""Modules of one job: no module of the game is over 500 lines (most are under 400)."""

from __future__ import annotations

from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"
LIMIT = 500


def test_no_module_of_the_game_is_over_500_lines():
    long = []
    for path in sorted(GAME.rglob("*.py")):
        rel = path.relative_to(GAME.parent).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > LIMIT:
            long.append(f"{rel}: {lines} lines")
    assert not long, f"modules over {LIMIT} lines (split them by job):\n" + "\n".join(long)
