"""Translation chores around the standard pybabel workflow.

    python tools/i18n.py update            # pybabel extract + update every locale's .po (new msgids appear empty)
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

ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = ROOT / "locales"
POT = LOCALES_DIR / "messages.pot"
TARGETS = ("zh_Hant", "en")


def po_file(locale: str) -> Path:
    return LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"


def update() -> None:
    subprocess.run(["pybabel", "extract", "-F", "babel.cfg", "-k", "tr", "-k", "N_", "--sort-by-file",
                    "--project", "fanzha-chess", "--copyright-holder", "fanzha-chess contributors",
                    "-o", str(POT), "."], cwd=ROOT, check=True)
    for locale in TARGETS:
        po = po_file(locale)
        cmd = "update" if po.exists() else "init"
        args = ["pybabel", cmd, "-i", str(POT), "-d", str(LOCALES_DIR), "-l", locale]
        if cmd == "update":
            args.append("--previous")
        subprocess.run(args, cwd=ROOT, check=True)


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

HANT_PHRASES = LOCALES_DIR / "zh_Hant" / "phrases.tsv"
HANT_BY_HAND = "hant: by hand"
_SENTINEL = 0xF0000   # Supplementary Private Use Area-A: never in a msgid, passed through by OpenCC as it is


def hant_phrases(path: Path = HANT_PHRASES) -> list[tuple[str, str]]:
    """(simplified, traditional) rows of the phrase table, longest first. Bad rows stop the tool with
    file:line: the table is reviewed by people and must not be half read."""
    rows: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not all(c.strip() for c in cells):
            sys.exit(f"{path}:{number}: a row is: simplified<TAB>traditional<TAB>why (all three filled in)")
        simplified, traditional, _why = (c.strip() for c in cells)
        if simplified in rows:
            sys.exit(f"{path}:{number}: '{simplified}' is in the table twice")
        rows[simplified] = traditional
    return sorted(rows.items(), key=lambda row: -len(row[0]))


def hant_converter():
    import opencc   # the "translate" extra: pip install -e ".[translate]"
    return opencc.OpenCC("s2tw")


def hant_text(text: str, converter, phrases: list[tuple[str, str]]) -> str:
    """``text`` in Traditional Chinese: the table's phrases (longest match first), OpenCC for the rest."""
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
    converted = converter.convert("".join(marked))
    return "".join(found[ord(ch) - _SENTINEL] if ord(ch) >= _SENTINEL else ch for ch in converted)


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
