"""Compiling and reading the gettext catalogs."""

from __future__ import annotations

import gettext
import logging
from functools import lru_cache
from pathlib import Path

from ..paths import INSTALLED, LOCALES_DIR

LOCALES = ("zh_Hans", "zh_Hant", "en")
SOURCE_LOCALE = "zh_Hans"
DOMAIN = "messages"
LOCALE_NAMES = {"zh_Hans": "简体中文", "zh_Hant": "繁體中文", "en": "English"}

log = logging.getLogger(__name__)


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


class Translator:
    """Looks up one locale's translations; unknown text comes back unchanged."""

    def __init__(self, locale: str, root: Path = LOCALES_DIR):
        self.locale = locale
        self._catalog: gettext.NullTranslations = gettext.NullTranslations()
        if locale != SOURCE_LOCALE:
            mo = po_path(locale, root).with_suffix(".mo")
            if mo.exists():
                with mo.open("rb") as f:
                    self._catalog = gettext.GNUTranslations(f)

    def gettext(self, text: str) -> str:
        return self._catalog.gettext(text) if text else text

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
