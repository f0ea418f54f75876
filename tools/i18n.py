"""Translation chores around the standard pybabel workflow.

    python tools/i18n.py update            # pybabel extract + update every locale's .po (new msgids appear empty;
                                           # no fuzzy guesses from similar texts, the lines never re-wrapped)
    python tools/i18n.py todo LOCALE [PATH_PREFIX]   # untranslated/fuzzy msgids as JSON {msgid: ""} on stdout
    python tools/i18n.py fill LOCALE FILE.json       # put translations from {msgid: msgstr} into LOCALE's .po
    python tools/i18n.py hant              # draft empty zh_Hant entries by OpenCC (s2twp; pip install opencc),
                                           # marked fuzzy: untranslated until a reviewer clears the flag

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


# Taiwan/Hong Kong usage that OpenCC's phrase tables leave in mainland form.
_HANT_FIXES = {"賬戶": "帳戶", "賬號": "帳號", "轉賬": "轉帳", "賬單": "帳單", "型別": "類型"}
# Source words OpenCC's phrase tables turn into the wrong Taiwan word: 注销 is closing an account (註銷),
# not 登出 "log out". (source word, OpenCC's word, the right word)
_HANT_CONTEXT = (("注销", "登出", "註銷"),)


def hant() -> None:
    """First draft of zh_Hant from the source text; a reviewer reads it afterwards."""
    import opencc

    converter = opencc.OpenCC("s2twp")
    po = po_file("zh_Hant")
    with po.open("rb") as f:
        catalog = read_po(f, locale="zh_Hant")
    changed = 0
    for message in catalog:
        # Only empty entries: a fuzzy one is a draft waiting for its reviewer, who may have begun on it.
        if message.id and not message.string:
            text = converter.convert(message.id)
            for mainland, local in _HANT_FIXES.items():
                text = text.replace(mainland, local)
            for source, wrong, right in _HANT_CONTEXT:
                if source in message.id:
                    text = text.replace(wrong, right)
            message.string = text
            message.flags.add("fuzzy")   # a machine draft counts as untranslated until a person clears the flag
            message.previous_id = []
            changed += 1
    _write(po, catalog)
    print(f"{po}: {changed} entries drafted (fuzzy until reviewed)", file=sys.stderr)


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["help"]
    if command == "update":
        update()
    elif command == "todo" and rest:
        todo(*rest)
    elif command == "hant":
        hant()
    elif command == "fill" and len(rest) == 2:
        fill(*rest)
    else:
        print(__doc__)
        sys.exit(2)
