"""Translation chores around the standard pybabel workflow.

    python tools/i18n.py update            # pybabel extract + update every locale's .po (new msgids appear empty;
                                           # no fuzzy guesses from similar texts, the lines never re-wrapped)
    python tools/i18n.py todo LOCALE [PATH_PREFIX]   # untranslated/fuzzy msgids as JSON {msgid: ""} on stdout
    python tools/i18n.py fill LOCALE FILE.json       # put translations from {msgid: msgstr} into LOCALE's .po
    python tools/i18n.py hant              # zh_Hant from the source: OpenCC characters + the reviewed phrase table
    python tools/i18n.py hant --check      # list zh_Hant entries that differ from that; exit 1 if any

Translators can also edit the .po files directly (Poedit, Lokalize …); this is for batch work.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from game.i18n.hant import PHRASES_FILE, PhraseTableError, converter, read_phrases, to_hant  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = ROOT / "locales"
POT = LOCALES_DIR / "messages.pot"
TARGETS = ("zh_Hant", "en")


def po_file(locale: str) -> Path:
    return LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"


def update() -> None:
    subprocess.run(["pybabel", "extract", "-F", "babel.cfg", "-k", "tr", "-k", "N_", "--sort-by-file",
                    "--project", "fanzha-chess", "--copyright-holder", "fanzha-chess contributors",
                    *_KEEP_LINES, "-o", str(POT), "."], cwd=ROOT, check=True)
    for locale in TARGETS:
        po = po_file(locale)
        cmd = "update" if po.exists() else "init"
        args = ["pybabel", cmd, "-i", str(POT), "-d", str(LOCALES_DIR), "-l", locale, *_KEEP_LINES]
        if cmd == "update":
            args += ["--previous", *_NO_GUESSES]
        subprocess.run(args, cwd=ROOT, check=True)


# The catalogs are written unwrapped (``_write``: width 0); pybabel's default would re-wrap every long
# line at 76 columns, a diff of thousands of lines for one new text.
_KEEP_LINES = ["--no-wrap"]
# pybabel offers the translation of a similar text as a fuzzy guess ("归属地：外省" got the English of
# "归属地：境外"); a wrong guess that looks done is worse than an empty entry.
_NO_GUESSES = ["--no-fuzzy-matching"]


def todo(locale: str, prefix: str = "") -> None:
    with po_file(locale).open("rb") as f:
        catalog = read_po(f, locale=locale)
    out = {}
    for message in catalog:
        if not message.id or (message.string and not message.fuzzy):
            continue
        if prefix and not any(loc[0].startswith(prefix) for loc in message.locations):
            continue
        out[message.id] = ""
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


def fill(locale: str, source: str) -> None:
    translations = json.loads(Path(source).read_text(encoding="utf-8"))
    po = po_file(locale)
    with po.open("rb") as f:
        catalog = read_po(f, locale=locale)
    changed = 0
    for msgid, msgstr in translations.items():
        message = catalog.get(msgid)
        if message is None or not msgstr:
            continue
        message.string = msgstr
        message.flags.discard("fuzzy")
        changed += 1
    _write(po, catalog)
    print(f"{po}: {changed} translations written", file=sys.stderr)


def _write(po: Path, catalog) -> None:
    catalog.last_translator = "fanzha-chess translators <translators@fanzha.example>"
    catalog.language_team = f"{catalog.locale_identifier} <translators@fanzha.example>"
    with po.open("wb") as f:
        write_po(f, catalog, width=0, include_previous=True)


# ---------------------------------------------------------------- zh_Hant: characters + reviewed phrases
#
# Traditional Chinese is made from the source text, not translated by hand: OpenCC converts character by
# character ("s2tw": Taiwan's standard glyphs 為, 裡, 著, 群, 核, no phrase conversion, which swaps words and
# changes meanings), then locales/zh_Hant/phrases.tsv, a table people review, puts in the words a reader in
# Taiwan or Hong Kong needs (簡訊 for 短信) and keeps what must stay as written (statute names, slogans).
# ``hant`` fills empty and fuzzy entries; an entry that differs from what the tool makes is flagged fuzzy for a
# person, who adds a table row, or keeps the entry with a translator comment "hant: by hand — <why>".

HANT_PHRASES = PHRASES_FILE
HANT_BY_HAND = "hant: by hand"


def hant_phrases(path: Path = HANT_PHRASES) -> list[tuple[str, str]]:
    try:
        return read_phrases(path)
    except PhraseTableError as exc:
        sys.exit(str(exc))


def hant_converter():
    return converter()


def hant_text(text: str, convert, phrases: list[tuple[str, str]]) -> str:
    return to_hant(text, convert, phrases)


def _by_hand(message) -> bool:
    return any(c.strip().startswith(HANT_BY_HAND) for c in message.user_comments)


def hant(check: bool = False) -> int:
    """Make every zh_Hant entry from its source. With ``check``, change nothing and list the differences."""
    converter, phrases = hant_converter(), hant_phrases()
    po = po_file("zh_Hant")
    with po.open("rb") as f:
        catalog = read_po(f, locale="zh_Hant")
    filled = flagged = kept = 0
    differ = []
    for message in catalog:
        if not message.id or _by_hand(message):
            kept += bool(message.id)
            continue
        made = hant_text(message.id, converter, phrases)
        if message.string == made and not message.fuzzy:
            continue
        if check:
            differ.append(message.id)
        elif not message.string or message.fuzzy:
            # empty, or pybabel's fuzzy guess from a similar msgid, or a flag a person has not answered
            message.string = made
            message.flags.discard("fuzzy")
            message.previous_id = []
            filled += 1
        else:
            message.flags.add("fuzzy")   # a person's text: they decide (table row, or "hant: by hand")
            flagged += 1
    if check:
        for msgid in differ:
            print(msgid)
        print(f"{po}: {len(differ)} entries differ from characters + {HANT_PHRASES.name}; {kept} kept by hand",
              file=sys.stderr)
        return 1 if differ else 0
    _write(po, catalog)
    print(f"{po}: {filled} entries made, {flagged} flagged fuzzy for a person, {kept} kept by hand",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["help"]
    if command == "update":
        update()
    elif command == "todo" and rest:
        todo(*rest)
    elif command == "hant" and rest in ([], ["--check"]):
        sys.exit(hant(check=bool(rest)))
    elif command == "fill" and len(rest) == 2:
        fill(*rest)
    else:
        print(__doc__)
        sys.exit(2)
