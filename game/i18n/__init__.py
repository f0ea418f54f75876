"""Languages: gettext catalogs for interface and content text, and locale formatting.

The source language is Simplified Chinese: every string in the code and in the
YAML content is zh_Hans and is its own msgid. ``locales/<locale>/LC_MESSAGES/
messages.po`` holds the translations; the game compiles a ``.po`` to ``.mo``
itself when the ``.mo`` is missing or older, so a fresh checkout plays in every
language. Nothing here imports pygame.
"""

from .catalogs import (
    LOCALES, LOCALE_NAMES, SOURCE_LOCALE, Translator, compile_catalogs, environment_locale, get_translator,
    use_pack_catalogs,
)

__all__ = ["LOCALES", "SOURCE_LOCALE", "LOCALE_NAMES", "Translator", "compile_catalogs", "environment_locale",
           "get_translator", "use_pack_catalogs", "use_content"]


def use_content(result) -> None:
    """After ``load_library``: translations and recorded voice of the loaded content packs take effect."""
    from .voice import use_pack_voices   # the voice machinery loads when content brings voices, not at start-up
    use_pack_catalogs(result.catalog_dirs)
    use_pack_voices(result.voice_dirs)
