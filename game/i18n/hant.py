"""Simplified → Traditional Chinese, the one way the project makes it: OpenCC's character conversion
(``s2tw``: Taiwan's standard glyphs, no word swaps — the phrase conversion changes meanings), then the
reviewed phrase table ``locales/zh_Hant/phrases.tsv``, which puts in the words a reader in Taiwan or
Hong Kong needs (簡訊 for 短信) and keeps what must stay as written (statute names, slogans).

Used by ``tools/i18n.py hant`` for the shipped catalog and by ``pack translate --draft-hant`` for a
content pack's drafts. OpenCC comes with the ``translate`` extra; the game itself never needs it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..paths import LOCALES_DIR

PHRASES_FILE = LOCALES_DIR / "zh_Hant" / "phrases.tsv"
_SENTINEL = 0xF0000   # Supplementary Private Use Area-A: never in a msgid, passed through by OpenCC as it is


class PhraseTableError(ValueError):
    """A row of the phrase table is broken: ``file:line: what``."""


def read_phrases(path: Path = PHRASES_FILE) -> list[tuple[str, str]]:
    """(simplified, traditional) rows of the phrase table, longest first. A bad row is an error with
    file:line: the table is reviewed by people and must not be half read."""
    rows: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise PhraseTableError(f"{path}:{number}: a row is: simplified<TAB>traditional<TAB>why (all three filled in)")
        simplified, traditional, _why = (c.strip() for c in cells)
        if simplified in rows:
            raise PhraseTableError(f"{path}:{number}: '{simplified}' is in the table twice")
        rows[simplified] = traditional
    return sorted(rows.items(), key=lambda row: -len(row[0]))


def converter():
    """OpenCC's character converter; ImportError with the install line when OpenCC is missing."""
    try:
        import opencc   # optional: only for writing translations (the [translate] extra)
    except ImportError:
        raise ImportError('OpenCC is not installed: python -m pip install ".[translate]"') from None
    return opencc.OpenCC("s2tw")


def to_hant(text: str, convert=None, phrases: list[tuple[str, str]] | None = None) -> str:
    """``text`` in Traditional Chinese: the table's phrases (longest match first), OpenCC for the rest."""
    convert = convert or _default_converter()
    phrases = _default_phrases() if phrases is None else phrases
    found: list[str] = []
    marked, i = [], 0
    while i < len(text):
        for simplified, traditional in phrases:
            if text.startswith(simplified, i):
                marked.append(chr(_SENTINEL + len(found)))
                found.append(traditional)
                i += len(simplified)
                break
        else:
            marked.append(text[i])
            i += 1
    converted = convert.convert("".join(marked))
    return "".join(found[ord(ch) - _SENTINEL] if ord(ch) >= _SENTINEL else ch for ch in converted)


@lru_cache(maxsize=1)
def _default_converter():
    return converter()


@lru_cache(maxsize=1)
def _default_phrases() -> list[tuple[str, str]]:
    return read_phrases()
