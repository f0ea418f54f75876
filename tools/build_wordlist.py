"""Make game/text/words.json and hmm.json: what the game needs of jieba to cut the shipped texts into words.

    python tools/build_wordlist.py            # (re)write the table
    python tools/build_wordlist.py --check    # exit 1 when the table is stale

Run it after changing content (scenarios/), interface strings or the zh_Hant catalog: the test
``tests/text/test_wordlist.py`` fails until you do. Needs jieba (``pip install -e ".[test]"``);
the game itself never loads jieba.

The texts: every interface string (``tr("…")`` / ``N_("…")`` in game/), every text field of the
content YAML, the zh_Hant translation of each (non-fuzzy entries, as compiled), and the formatted
strings filled in with the seat, team, colour and mode names and the tiles' keywords and tips
they are shown with ("红方的回合").

jieba cuts in two passes: the most probable cover by its dictionary's words, then an HMM re-cuts
each stretch of characters that pass left one by one. The table keeps, of its 350,000-word
dictionary, the words on the first pass's paths through the shipped texts (with jieba's
frequencies and total), and of its HMM the start and transition probabilities and the emission
probabilities of the characters the texts use, and the tiles' keywords ("keep": a line breaks
inside one only when it is wider than the line). game/text/segment.py cuts with them in the same
two passes: the shipped texts come out as jieba cuts them (where they differ, the game's words are
longer, never shorter: the build reports any break inside a jieba word).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import string
import sys
from functools import lru_cache
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")   # the seat names live in a pygame module

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.text.segment import HMM_PATH, STATES, TABLE_PATH, WordTable, has_han, is_han, runs  # noqa: E402

LOCALES = ("zh_Hans", "zh_Hant")
ABOUT = ("The part of jieba's dictionary and HMM (jieba {version}, MIT License) that the {n} shipped texts use, "
         "for Chinese line breaking (game/text/segment.py). Made by tools/build_wordlist.py: do not edit, "
         "change the texts and run the tool again.")


# ---------------------------------------------------------------- the shipped texts

def interface_strings() -> list[str]:
    """Every ``tr("…")`` / ``N_("…")`` string in game/, as ``pybabel extract`` finds them (babel.cfg)."""
    from babel.messages.extract import extract_from_file
    out = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        for _line, message, _comments, _context in extract_from_file("python", path, keywords={"tr": None, "N_": None}):
            out.extend(message if isinstance(message, tuple) else (message,))
    return out


def content_library():
    from game.content.loader import load_library
    return load_library(ROOT / "scenarios", check_font=False)


def hant_catalog() -> dict[str, str]:
    """msgid -> zh_Hant msgstr, for the entries the game shows (non-fuzzy, as compiled to .mo)."""
    from babel.messages.pofile import read_po
    with (ROOT / "locales" / "zh_Hant" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale="zh_Hant")
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def _fill_values(tr, library, locale: str) -> dict[str, list]:
    """What the game puts into the placeholders of its formatted strings, per placeholder name."""
    from game.i18n.formatting import money, percent
    from game.ui.modes.operator import MODE_NAMES
    from game.ui.seats import COLOUR_NAMES
    seats = [tr(name) for name in COLOUR_NAMES.values()]
    teams = [tr("第{n}组").format(n=n) for n in range(1, 5)]            # modes/classroom.team_name
    tiles = sorted(library.tiles.values(), key=lambda t: t.id)
    return {
        "name": seats + teams,
        "colour": [seat.rstrip("方") for seat in seats],                # scenes/board.py, Jumped
        "team": teams,
        "mode": [tr(name) for _key, name in MODE_NAMES],
        "keyword": [tr(t.keyword) for t in tiles],
        "tip": [tr(t.tip) if t.tip else "" for t in tiles],
        "money": [money(5000, locale), money(120000, locale)],
        "percent": [percent(0.85, locale)],
    }


def fill(template: str, values: dict[str, list]) -> list[str]:
    """The texts a formatted string becomes: one per seat/team name or tile keyword it is shown with."""
    try:
        fields = {f for _lit, f, _spec, _conv in string.Formatter().parse(template) if f}
    except ValueError:
        return [template]
    if not fields:
        return [template]
    names = values["name"]
    people = [{"name": names[i], "victim": names[(i + 1) % len(names)],
               "team": values["team"][i % len(values["team"])],
               "colour": values["colour"][i % len(values["colour"])],
               "mode": values["mode"][i % len(values["mode"])]} for i in range(len(names))]
    if "k" in fields and "「{k}」" in template:                        # a tile's keyword (and tip)
        rows = [{**people[i % len(people)], "k": k, "tip": tip}
                for i, (k, tip) in enumerate(zip(values["keyword"], values["tip"]))]
    elif fields & {"name", "victim", "team", "colour", "mode"}:
        rows = people
    else:
        rows = [{}]
    out = []
    for row in rows:
        row = {"money": values["money"][0], "m": values["money"][1], "percent": values["percent"][0],
               "folder": "C:\\fanzha\\logs", **row}
        try:
            out.append(template.format(**{f: row.get(f, "3") for f in fields}))
        except (KeyError, IndexError, ValueError):
            out.append(template)
    return out


@lru_cache(maxsize=1)
def tile_keywords() -> tuple[str, ...]:
    """The tiles' keywords in zh_Hans and zh_Hant: kept on one line wherever they fit (养生讲座 is two
    words to jieba, but one thing to warn about)."""
    library = content_library().library
    hant = hant_catalog()
    hans = {t.keyword for t in library.tiles.values() if t.keyword}
    found = hans | {hant.get(k, k) for k in hans}
    return tuple(sorted(k for k in found if len(k) > 1 and has_han(k)))


def shipped_texts() -> dict[str, list[str]]:
    """Every text the game can lay out in zh_Hans and in zh_Hant (sorted, without duplicates)."""
    result = content_library()
    content = [record.text for f in result.files for record in f.texts]
    sources = sorted(set(interface_strings()) | set(content))
    hant = hant_catalog()
    texts = {}
    for locale in LOCALES:
        tr = (lambda s: hant.get(s, s)) if locale == "zh_Hant" else (lambda s: s)
        values = _fill_values(tr, result.library, locale)
        texts[locale] = sorted({filled for source in sources for filled in fill(tr(source), values)})
    return texts


# ---------------------------------------------------------------- the table

def _jieba():
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba


def reference_words(text: str) -> list[str]:
    """jieba's cut of ``text`` (its default mode: dictionary and HMM): the reference for the tests."""
    return _jieba().lcut(text)


MAX_WORD = 16   # longer than any word of jieba's dictionary that has Chinese characters in it


def build(texts: dict[str, list[str]], keep: tuple[str, ...] | None = None) -> dict[Path, str]:
    """The table files' text for these texts: {path: text} for words.json and hmm.json. ``keep``: the
    phrases lines never break inside where they fit (by default the shipped tiles' keywords)."""
    keep = tile_keywords() if keep is None else keep
    jieba = _jieba()
    from jieba import finalseg
    freq = jieba.dt.FREQ
    words: dict[str, int] = {}
    chars: set[str] = set()
    all_texts = sorted({t for locale in LOCALES for t in texts[locale]})
    for text in all_texts:
        chars.update(ch for ch in text if is_han(ch))
        # Every dictionary word inside the text, not only those jieba's cut keeps: its first pass
        # weighs all of them (a word it does not choose still changes which path wins), so the
        # game needs them all to cut as jieba does.
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + MAX_WORD) + 1):
                w = text[start:end]
                if freq.get(w) and has_han(w):
                    words[w] = freq[w]
    emit = {}
    for ch in sorted(chars):
        probs = [finalseg.emit_P[s].get(ch) for s in STATES]
        if any(p is not None for p in probs):
            emit[ch] = [None if p is None else round(p, 6) for p in probs]
    about = ABOUT.format(n=len(all_texts), version=jieba.__version__)
    return {
        TABLE_PATH: _dump({"about": about, "total": jieba.dt.total, "keep": sorted(keep),
                           "words": dict(sorted(words.items()))}),
        HMM_PATH: _dump({"about": about, "states": STATES,
                         "start": {s: round(finalseg.start_P[s], 6) for s in STATES},
                         "trans": {a: {b: round(p, 6) for b, p in sorted(finalseg.trans_P[a].items())}
                                   for a in STATES},
                         "emit": emit}),
    }


def _dump(doc: dict) -> str:
    """JSON with one entry per line (readable diffs), keys in order."""
    def block(d: dict, indent: str) -> str:
        items = []
        for k, v in d.items():
            if isinstance(v, dict) and k in ("words", "emit", "trans"):
                items.append(f"{indent}{json.dumps(k, ensure_ascii=False)}: {block(v, indent + ' ')}")
            else:
                items.append(f"{indent}{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}")
        return "{\n" + ",\n".join(items) + "\n" + indent[:-1] + "}"
    return block(doc, " ") + "\n"


def breaks_inside_jieba_words(files: dict[Path, str], texts: list[str]) -> list[tuple[str, str]]:
    """(text, word) for each word of jieba's with a Chinese character that the game's cut would part."""
    table = WordTable.parse(files[TABLE_PATH], json.loads(files[HMM_PATH]))
    out = []
    for text in texts:
        ours: set[int] = set()
        for m in runs(text):
            pos = m.start()
            for length in table.cut(m.group()):
                pos += length
                ours.add(pos)
        pos = 0
        for w in reference_words(text):
            if has_han(w) and any(i in ours for i in range(pos + 1, pos + len(w))):
                out.append((text, w))
            pos += len(w)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only say whether the table is up to date (exit 1 if not)")
    args = ap.parse_args(argv)
    texts = shipped_texts()
    files = build(texts)
    stale = [path for path, text in files.items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python tools/build_wordlist.py", file=sys.stderr)
        if not stale:
            print("game/text/words.json and hmm.json are up to date")
        return 1 if stale else 0
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(text.encode('utf-8')):,} bytes")
    words, hmm = (json.loads(files[p]) for p in (TABLE_PATH, HMM_PATH))
    print(f"  {len(words['words'])} dictionary words, HMM emissions of {len(hmm['emit'])} characters, "
          f"from {sum(map(len, texts.values()))} texts")
    failed = False
    for locale in LOCALES:
        bad = breaks_inside_jieba_words(files, texts[locale])
        print(f"  {locale}: {len(texts[locale])} texts, {len(bad)} words of jieba's cut apart by the game's segmenter")
        for text, word in bad[:10]:
            print(f"    {word} in {text[:40]!r}")
        failed = failed or bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
