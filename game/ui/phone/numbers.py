"""What a phone number tells the player: overseas, official warning line, masked accounts."""

from __future__ import annotations

import zlib

from .labels import N_

# Official numbers whose calls/messages are the police warning you (answer them).
OFFICIAL_WARNING_NUMBERS = {"96110": N_("全国反诈预警劝阻专线"), "12381": N_("反诈预警短信")}

_OVERSEAS_NOTE_WORDS = ("境外", "海外", "国外", "国际", "overseas", "international", "abroad")


def digits_of(number: str) -> str:
    """The number without spaces, dashes, dots and brackets (keeps a leading '+')."""
    return "".join(ch for ch in (number or "").strip() if ch.isdigit() or ch == "+")


def is_overseas(number: str, note: str = "") -> bool:
    """True when the call should carry the red "境外来电" badge.

    The number starts with ``+`` but not ``+86``, or with the international
    prefix ``00``; or the contact's note says it is from abroad.
    """
    n = digits_of(number)
    if n.startswith("+") and not n.startswith("+86"):
        return True
    if n.startswith("00"):
        return True
    low = (note or "").lower()
    return any(word in low for word in _OVERSEAS_NOTE_WORDS)


def official_label(number: str) -> str:
    """The official line's name when ``number`` is one (96110, 12381), else ''."""
    n = digits_of(number).lstrip("+")
    if n.startswith("86") and n[2:] in OFFICIAL_WARNING_NUMBERS:
        n = n[2:]
    return OFFICIAL_WARNING_NUMBERS.get(n, "")


def masked_account(seed: str) -> str:
    """A believable masked bank card number, stable for the same payee."""
    h = zlib.crc32(seed.encode("utf-8"))
    return f"6217 **** **** {h % 10000:04d}"


def locale_of(app) -> str:
    return app.locale


def currency_symbol(locale: str = "zh_Hans") -> str:
    """¥ / CN¥: the yuan sign as the locale writes it (an empty amount field)."""
    # Babel's locale data loads when a number or date is first shown, not before the title
    from babel.numbers import get_currency_symbol

    # Babel's locale data loads when a number or date is first shown, not before the title
    from ...i18n.formatting import cldr
    return get_currency_symbol("CNY", cldr(locale))


def money(amount: int, locale: str = "zh_Hans") -> str:
    """With fen, as a banking app shows it: ¥12,345.00 (CN¥12,345.00 in zh_Hant and en)."""
    # Babel's locale data loads when a number or date is first shown, not before the title
    from ...i18n.formatting import money as _money
    return _money(amount, locale, cents=True)


def money_short(amount: int, locale: str = "zh_Hans") -> str:
    """Whole yuan: ¥50,000 / CN¥50,000 (Babel, CNY in every language)."""
    # Babel's locale data loads when a number or date is first shown, not before the title
    from ...i18n.formatting import money as _money
    return _money(amount, locale)
