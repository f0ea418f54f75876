"""Compiling and reading the gettext catalogs."""

from __future__ import annotations

import gettext
import logging
import os
from functools import lru_cache
from pathlib import Path

from ..paths import INSTALLED, LOCALES_DIR

LOCALES = ("zh_Hans", "zh_Hant", "en")
SOURCE_LOCALE = "zh_Hans"
DOMAIN = "messages"
LOCALE_NAMES = {"zh_Hans": "简体中文", "zh_Hant": "繁體中文", "en": "English"}

log = logging.getLogger(__name__)

_TRADITIONAL = ("zh_tw", "zh_hk", "zh_mo", "zh_hant")


def environment_locale(environ=None) -> str:
    """The game's locale for a command run in a terminal, from gettext's variables (LANGUAGE,
    LC_ALL, LC_MESSAGES, LANG, first set wins; LANGUAGE may list several): zh_TW / zh_HK / zh_MO →
    zh_Hant, other zh → zh_Hans, en → en. Anything else (C, POSIX, a language the game lacks):
    the source language, zh_Hans."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        for wanted in value.split(":") if name == "LANGUAGE" else [value]:
            tag = wanted.split(".")[0].split("@")[0].replace("-", "_").lower()
            if tag.startswith(_TRADITIONAL):
                return "zh_Hant"
            if tag == "zh" or tag.startswith("zh_"):
                return "zh_Hans"
            if tag == "en" or tag.startswith("en_"):
                return "en"
        if name != "LANGUAGE":
            break      # the first of LC_ALL / LC_MESSAGES / LANG that is set decides, as in gettext
    return SOURCE_LOCALE


def po_path(locale: str, root: Path = LOCALES_DIR) -> Path:
    return root / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalogs(root: Path = LOCALES_DIR, force: bool = False) -> list[Path]:
    """Compile every ``.po`` newer than its ``.mo``; returns the ``.mo`` files written.

    Only for a source checkout: an installed game brings catalogs compiled at build time
    (``setup.py``) and never writes into its own folder.

    A catalog that fails to compile is logged and skipped: the game then shows
    source text for that language rather than refusing to start.
    """
    written = []
    for po in sorted(root.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        from babel.messages.mofile import write_mo  # only when there is work: Babel adds ~7 ms to start-up
        from babel.messages.pofile import read_po  # only when there is work (see above)
        try:
            with po.open("rb") as f:
                catalog = read_po(f, locale=po.parent.parent.name)
            tmp = mo.with_suffix(".mo.tmp")
            with tmp.open("wb") as f:
                write_mo(f, catalog, use_fuzzy=False)
            tmp.replace(mo)
            written.append(mo)
        except Exception as exc:  # a broken catalog must not stop a kiosk
            log.error("cannot compile %s: %s", po, exc)
    return written


_pack_folders: list[Path] = []                                 # content packs' locales/, load order
_pack_cache: dict[tuple[Path, float], dict[str, str]] = {}


def use_pack_catalogs(folders: list[Path]) -> None:
    """Content packs' own catalogs (``LoadResult.catalog_dirs``), looked up before the game's own:
    the last pack loaded wins. Every translator sees them at once, the existing ones too."""
    _pack_folders[:] = [Path(f) for f in folders]


def pack_translation(locale: str, text: str) -> str | None:
    for folder in reversed(_pack_folders):
        found = catalog_entries(po_path(locale, folder)).get(text)
        if found:
            return found
    return None


def catalog_entries(po: Path) -> dict[str, str]:
    """msgid → translation of one ``.po`` (fuzzy entries left out), read once per change of the file.

    Pack catalogs are read like this, never compiled: the game does not write into a pack.
    """
    try:
        stamp = po.stat().st_mtime
    except OSError:
        return {}
    key = (po, stamp)
    if key not in _pack_cache:
        from babel.messages.pofile import read_po   # only when a pack brings a catalog (start-up time)
        try:
            with po.open("rb") as f:
                catalog = read_po(f, locale=po.parent.parent.name)
            _pack_cache[key] = {m.id: m.string for m in catalog
                                if m.id and isinstance(m.id, str) and isinstance(m.string, str) and m.string
                                and not m.fuzzy}
        except Exception as exc:  # a broken pack catalog must not stop a kiosk: its texts stay untranslated
            log.error("cannot read %s: %s", po, exc)
            _pack_cache[key] = {}
    return _pack_cache[key]


class Translator:
    """Looks up one locale's translations (content packs' first); unknown text comes back unchanged."""

    def __init__(self, locale: str, root: Path = LOCALES_DIR):
        self.locale = locale
        self._catalog: gettext.NullTranslations = gettext.NullTranslations()
        if locale != SOURCE_LOCALE:
            mo = po_path(locale, root).with_suffix(".mo")
            if mo.exists():
                with mo.open("rb") as f:
                    self._catalog = gettext.GNUTranslations(f)

    def gettext(self, text: str) -> str:
        if not text:
            return text
        if _pack_folders and self.locale != SOURCE_LOCALE:
            found = pack_translation(self.locale, text)
            if found:
                return found
        return self._catalog.gettext(text)

    __call__ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)


@lru_cache(maxsize=None)
def get_translator(locale: str) -> Translator:
    if locale not in LOCALES:
        locale = SOURCE_LOCALE
    if not INSTALLED:   # a source checkout: a translator's edited .po shows at the next start
        compile_catalogs()
    return Translator(locale)
