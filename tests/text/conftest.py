"""Fixtures for the text tests: the shipped texts and jieba's cut of them, a made-up word table."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from game.text import segment
from game.text.linebreak import break_opportunities

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_wordlist.py"


def load_tool():
    """tools/build_wordlist.py as a module (tools/ is not a package)."""
    module = sys.modules.get("build_wordlist")
    if module is None:
        spec = importlib.util.spec_from_file_location("build_wordlist", TOOL)
        module = importlib.util.module_from_spec(spec)
        sys.modules["build_wordlist"] = module
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def wordlist_tool():
    return load_tool()


@pytest.fixture(scope="session")
def shipped_texts(wordlist_tool) -> dict[str, list[str]]:
    """{locale: every text the game lays out in it}, formatted strings filled in."""
    return wordlist_tool.shipped_texts()


@pytest.fixture(scope="session")
def reference_cuts(wordlist_tool, shipped_texts) -> dict[str, list[str]]:
    """jieba's words for every shipped text (the reference the game's breaks are checked against)."""
    return {text: wordlist_tool.reference_words(text) for texts in shipped_texts.values() for text in texts}


@pytest.fixture
def known_words(monkeypatch):
    """``known_words("红方", "一次", …)``: the segmenter knows exactly these words (equally likely)."""
    def install(*words: str) -> None:
        table = segment.WordTable({w: 1000 for w in words}, 1_000_000)
        monkeypatch.setattr(segment, "table", lambda: table)
        break_opportunities.cache_clear()

    yield install
    break_opportunities.cache_clear()
