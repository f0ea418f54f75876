"""A content pack's own translations: ``<pack>/locales/<locale>/LC_MESSAGES/messages.po``.

At run time the game looks a text up in the packs' catalogs first (the last pack loaded wins), then
in its own: ``use_pack_catalogs(result.catalog_dirs)`` after loading the content. Pack catalogs are
read as they are (no ``.mo`` is written into a pack); fuzzy entries are not used, exactly as for the
game's own catalogs.

``translate_pack(folder)`` (``python -m game pack translate FOLDER``) writes the pack's texts into
its own catalogs and nowhere else: new texts appear empty (or with a translation the game's own
catalog already has), texts the pack no longer has are kept as obsolete entries, and similar but
unrelated texts are never offered as fuzzy guesses. ``draft_hant`` drafts zh_Hant by OpenCC, marked
fuzzy so that a draft counts as untranslated until a reviewer clears the flag.
"""

from __future__ import annotations

from pathlib import Path

from ..paths import LOCALES_DIR
from .catalogs import LOCALES, SOURCE_LOCALE, catalog_entries as _entries, po_path
import re
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from ..content.files import MANIFEST, content_files, is_manifest, read_file
from .hant import to_hant

class TranslateError(Exception):
    pass


# ---------------------------------------------------------------- writing a pack's catalogs

def translate_pack(folder: Path, locales: list[str], draft_hant: bool = False) -> list[str]:
    """Update ``folder/locales`` from the pack's texts; returns one line per catalog written."""


    folder = Path(folder)
    if not (folder / MANIFEST).is_file() or not is_manifest(folder / MANIFEST):
        raise TranslateError(f"{folder}: not a content pack (it has no {MANIFEST})")
    project = _pack_id(folder / MANIFEST)
    texts = []
    for file, root in content_files([folder], skip_manifests=True):
        relative = file.relative_to(folder).as_posix()
        texts += [(rec.text, relative, rec.line, rec.context) for rec in read_file(file, root).texts]

    def fresh_template():
        # Catalog.update hands the template's own messages to the catalog: one template per catalog.
        template = Catalog(project=project, fuzzy=False)
        for text, relative, line, context in texts:
            message = template.get(text)
            if message is None:
                template.add(text, locations=[(relative, line)], auto_comments=[context])
            else:
                message.locations.append((relative, line))
        return template

    template = fresh_template()
    locales_dir = folder / "locales"
    locales_dir.mkdir(exist_ok=True)
    _write(locales_dir / "messages.pot", template)
    lines = []
    for locale in locales:
        if locale == SOURCE_LOCALE or locale not in LOCALES:
            continue
        po = po_path(locale, locales_dir)
        if po.exists():
            with po.open("rb") as f:
                catalog = read_po(f, locale=locale)
        else:
            catalog = Catalog(locale=locale, project=project, fuzzy=False)
        catalog.update(fresh_template(), no_fuzzy_matching=True, update_header_comment=False)
        shared = _shipped(locale)
        reused = drafted = 0
        for message in catalog:
            if not message.id or message.string:
                continue
            if shared.get(message.id):
                message.string = shared[message.id]
                reused += 1
            elif draft_hant and locale == "zh_Hant":
                message.string = hant_draft(message.id)
                message.flags.add("fuzzy")
                drafted += 1
        po.parent.mkdir(parents=True, exist_ok=True)
        _write(po, catalog)
        todo = sum(1 for m in catalog if m.id and (not m.string or m.fuzzy))
        total = sum(1 for m in catalog if m.id)
        extra = f", {reused} from the game's own catalog" if reused else ""
        extra += f", {drafted} drafted by OpenCC (fuzzy: review them, then remove the fuzzy flag)" if drafted else ""
        lines.append(f"{po}: {total} texts, {todo} to translate or review{extra}")
    return lines


def _pack_id(manifest: Path) -> str:
    match = re.search(r"^id:[ \t]*['\"]?([a-z][a-z0-9_]*)", manifest.read_text(encoding="utf-8", errors="replace"),
                      re.MULTILINE)
    return match.group(1) if match else manifest.parent.name


def _shipped(locale: str) -> dict[str, str]:
    return _entries(po_path(locale, LOCALES_DIR))


def _write(path: Path, catalog) -> None:
    """Written whole to a temporary file and renamed; width 0: lines are never re-wrapped."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        write_po(f, catalog, width=0, omit_header=False, include_previous=False)
    tmp.replace(path)


def hant_draft(text: str) -> str:
    """A first zh_Hant draft of a zh_Hans text, made as the shipped catalog's is (``game.i18n.hant``),
    for a reviewer: the pack's author clears the fuzzy flag after reading it."""
    try:
        return to_hant(text)
    except ImportError as exc:
        raise TranslateError(f"{exc} (or leave out --draft-hant)") from None
