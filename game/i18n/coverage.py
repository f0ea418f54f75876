"""Translation coverage per locale, for ``validate``: what is missing or fuzzy, and where it comes from."""

from __future__ import annotations

import re
from pathlib import Path

from ..paths import LOCALES_DIR, PACKAGE_DIR, PROJECT_DIR
from .catalogs import LOCALES, SOURCE_LOCALE, po_path
from babel.messages.extract import extract_python
from babel.messages.pofile import read_po


def interface_messages(package_dir: Path = PACKAGE_DIR) -> dict[str, tuple[str, int]]:
    """msgid → (file, line) of interface strings marked with tr(…) or N_(…) in the code."""

    found: dict[str, tuple[str, int]] = {}
    for path in sorted(package_dir.rglob("*.py")):
        with path.open("rb") as f:
            for line, _func, message, _comments in extract_python(f, ["tr", "N_"], [], {}):
                if isinstance(message, str) and message and message not in found:
                    found[message] = (_shown(path), line)
    return found


def content_messages(result) -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for f in result.files:
        for rec in f.texts:
            found.setdefault(rec.text, (f.path, rec.line))
    return found


def coverage_report(result, root: Path = LOCALES_DIR, pack_roots: list[Path] | None = None) -> dict:
    """Per locale: how many texts are translated, and which are missing or only fuzzy.

    Without ``pack_roots``: every interface and content text the game loaded. With them: only the
    content texts of those packs. A text counts as translated when the pack's own catalog or the
    shipped one translates it (that is how the game looks it up); a fuzzy entry does not count.
    """

    if pack_roots is None:
        messages = dict(interface_messages())
        messages.update(content_messages(result))
        chain_dirs = [*reversed(result.catalog_dirs), root] if hasattr(result, "catalog_dirs") else [root]
        todo = "'python tools/i18n.py todo {locale}' lists them all"
    else:
        statuses = [s for s in result.packs if Path(s.place.root).resolve() in pack_roots]
        messages = {}
        for status in statuses:
            for f in status.files:
                for rec in f.texts:
                    messages.setdefault(rec.text, (f.path, rec.line))
        chain_dirs = [s.locales_dir for s in statuses if s.locales_dir] + [root]
        todo = ("'python -m game pack translate " + " ".join(s.place.shown for s in statuses) +
                "' puts them all in the pack's catalogs")
    report = {}
    for locale in LOCALES:
        missing = []
        if locale != SOURCE_LOCALE:
            chain = []
            for folder in chain_dirs:
                po = po_path(locale, folder)
                if po.exists():
                    with po.open("rb") as f:
                        chain.append(read_po(f, locale=locale))
            for msgid, (path, line) in messages.items():
                entries = [c.get(msgid) for c in chain]
                entries = [e for e in entries if e is not None and e.string]
                if not entries:
                    missing.append({"msgid": msgid, "path": path, "line": line, "state": "missing"})
                elif all(e.fuzzy for e in entries):
                    missing.append({"msgid": msgid, "path": path, "line": line, "state": "fuzzy"})
                elif _placeholders(next(e for e in entries if not e.fuzzy).string) != _placeholders(msgid):
                    # a lost or misspelt {hotline.warning} would show the wrong number, or none
                    missing.append({"msgid": msgid, "path": path, "line": line, "state": "placeholders"})
        total = len(messages)
        done = total - len(missing)
        report[locale] = {"total": total, "translated": done,
                          "percent": 100.0 * done / total if total else 100.0, "missing": missing,
                          "todo": todo.format(locale=locale)}
    return report


def _placeholders(text: str) -> list[str]:
    """The {…} placeholders of a text ({hotline.warning}, {name}), sorted: a translation keeps them all."""
    return sorted(re.findall(r"\{[A-Za-z_][A-Za-z0-9_.]*\}", text))


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(PROJECT_DIR))
    except ValueError:
        return str(path)
