"""Money, numbers and dates as each locale writes them (Babel / CLDR).

Amounts are always in CNY, whatever the language: a Hong Kong or English
player sees "CN¥50,000", a mainland player "¥50,000".
"""

from __future__ import annotations

import datetime

from babel.dates import format_date as _format_date
from babel.numbers import format_currency, format_decimal, format_percent

# Our locale names → the CLDR locale used for formatting.
CLDR = {"zh_Hans": "zh_Hans_CN", "zh_Hant": "zh_Hant_TW", "en": "en"}


def cldr(locale: str) -> str:
    return CLDR.get(locale, "zh_Hans_CN")


def money(amount: int, locale: str, cents: bool = False) -> str:
    """Whole yuan, grouped: ¥50,000 / CN¥50,000; with ``cents`` as banking apps show it: ¥50,000.00."""
    pattern = "¤#,##0.00" if cents else "¤#,##0"
    return format_currency(amount, "CNY", pattern, locale=cldr(locale), currency_digits=False)


def number(value: int | float, locale: str) -> str:
    return format_decimal(value, locale=cldr(locale))


def percent(fraction: float, locale: str) -> str:
    return format_percent(fraction, locale=cldr(locale))


def date(day: datetime.date, locale: str, style: str = "long") -> str:
    return _format_date(day, style, locale=cldr(locale))
