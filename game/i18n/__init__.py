"""Languages: gettext catalogs for interface and content text, and locale formatting.

The source language is Simplified Chinese: every string in the code and in the
YAML content is zh_Hans and is its own msgid. ``locales/<locale>/LC_MESSAGES/
messages.po`` holds the translations; the game compiles a ``.po`` to ``.mo``
itself when the ``.mo`` is missing or older, so a fresh checkout plays in every
language. Nothing here imports pygame.
"""

from .catalogs import LOCALES, SOURCE_LOCALE, LOCALE_NAMES, Translator, compile_catalogs, get_translator

__all__ = ["LOCALES", "SOURCE_LOCALE", "LOCALE_NAMES", "Translator", "compile_catalogs", "get_translator"]
