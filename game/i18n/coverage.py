"""Translation coverage per locale, for ``validate``: what is missing or fuzzy, and where it comes from."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_python
from babel.messages.pofile import read_po

from ..paths import LOCALES_DIR, PACKAGE_DIR, PROJECT_DIR
from .catalogs import LOCALES, SOURCE_LOCALE, po_path


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


def coverage_report(result, root: Path = LOCALES_DIR) -> dict:

    messages = dict(interface_messages())
    messages.update(content_messages(result))
    report = {}
    for locale in LOCALES:
        missing = []
        if locale != SOURCE_LOCALE:
            catalog = None
            po = po_path(locale, root)
            if po.exists():
                with po.open("rb") as f:
                    catalog = read_po(f, locale=locale)
            for msgid, (path, line) in messages.items():
                entry = catalog.get(msgid) if catalog is not None else None
                if entry is None or not entry.string:
                    missing.append({"msgid": msgid, "path": path, "line": line, "state": "missing"})
                elif entry.fuzzy:
                    missing.append({"msgid": msgid, "path": path, "line": line, "state": "fuzzy"})
        total = len(messages)
        done = total - len(missing)
        report[locale] = {"total": total, "translated": done,
                          "percent": 100.0 * done / total if total else 100.0, "missing": missing}
    return report


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(PROJECT_DIR))
    except ValueError:
        return str(path)
