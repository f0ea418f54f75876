"""Where to call, by region: the one reviewed table of hotline facts, and the placeholders that name them.

96110, 12381 and the 国家反诈中心 app are mainland services; a player in Hong Kong or Taiwan needs
that region's numbers. Content never writes a number that depends on the region: it writes a
placeholder, and the text is resolved after translation (``App.tr``):

    挂断，自己拨打{hotline.warning}问问。   →  96110 / 18222 / 165

| placeholder | what it names |
|---|---|
| ``{hotline.warning}`` | the anti-fraud hotline: call it to ask or to report |
| ``{hotline.warning_name}`` | its official name (translated) |
| ``{hotline.warning_note}`` | one sentence on how to use it there (translated) |
| ``{hotline.police}`` | the police emergency number |
| ``{hotline.sms}`` | the sender of official fraud-warning text messages (not every region has one) |
| ``{hotline.app}`` | the police's anti-fraud app (not every region has one) |

A text that names a fact a region lacks (``{hotline.app}`` in Taiwan) must be limited to the
regions that have it (``regions: [mainland, hong_kong]``); the checker says so. Every fact here
has its source in docs/content-sources.md ("Hotlines by region"): change both together.

Nothing here imports pygame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..i18n.marker import N_

DEFAULT_REGION = "mainland"


@dataclass(frozen=True)
class Region:
    id: str
    label: str          # for the operator's settings (translated when shown)
    warning: str        # the anti-fraud hotline's number
    warning_name: str   # its official name (translated when shown)
    police: str         # police emergency number
    sms: str            # sender of official fraud-warning texts; '' = none
    app: str            # the police's anti-fraud app (translated when shown); '' = none
    warning_note: str   # how to use the hotline there, one sentence (translated when shown);
                        # under the results screen's QR code, and on the hotline's help square
    qr: str             # what the results screen's QR code dials

    def value(self, key: str) -> str:
        return getattr(self, key)


REGIONS: dict[str, Region] = {
    "mainland": Region(
        id="mainland", label=N_("内地"),
        warning="96110", warning_name=N_("全国反诈预警劝阻专线"),
        police="110", sms="12381", app=N_("国家反诈中心APP"),
        warning_note=N_("接到 96110 来电请接听：那是警方在提醒你。"), qr="tel:96110",
    ),
    "hong_kong": Region(
        id="hong_kong", label=N_("香港"),
        warning="18222", warning_name=N_("防骗易热线"),
        police="999", sms="#ADCC18222", app=N_("防骗视伏App"),
        warning_note=N_("拿不准就打过去问一问，警方 24 小时接听。"), qr="tel:18222",
    ),
    "taiwan": Region(
        id="taiwan", label=N_("台湾"),
        warning="165", warning_name=N_("反诈骗咨询专线"),
        police="110", sms="", app="",
        warning_note=N_("拿不准就打过去问一问，全年无休。"), qr="tel:165",
    ),
}
REGION_IDS = tuple(REGIONS)

# Placeholder keys and whether their value is a text to translate (names) or shown as written (numbers).
KEYS: dict[str, bool] = {"warning": False, "warning_name": True, "warning_note": True,
                         "police": False, "sms": False, "app": True}

PLACEHOLDER = re.compile(r"\{hotline\.([a-z_]*)\}")
# Anything that looks meant as one: "{hotline.waring}", "{ hotline.police }", "{Hotline.app}".
_LOOKS_LIKE = re.compile(r"\{\s*hotline\b[^{}]{0,30}\}", re.IGNORECASE)


def region(region_id: str | None) -> Region:
    """The region's facts; an unknown or empty id gives the default (mainland)."""
    return REGIONS.get(region_id or DEFAULT_REGION, REGIONS[DEFAULT_REGION])


def resolve(text: str, region_id: str | None, translate: Callable[[str], str] = lambda s: s) -> str:
    """``text`` with every ``{hotline.KEY}`` replaced by the region's value; names are translated
    with ``translate``. An unknown key, or a fact the region lacks, is left as written: the checker
    reports both, and a visible placeholder is better than a wrong number."""
    if "{hotline." not in text:
        return text
    facts = region(region_id)

    def value(m: re.Match) -> str:
        key = m.group(1)
        if key not in KEYS:
            return m.group(0)
        found = facts.value(key)
        if not found:
            return m.group(0)
        return translate(found) if KEYS[key] else found

    return PLACEHOLDER.sub(value, text)


def placeholders_in(text: str) -> list[str]:
    """The keys of the hotline placeholders in ``text``, in order (unknown keys included)."""
    return PLACEHOLDER.findall(text)


def malformed_placeholders_in(text: str) -> list[str]:
    """Things written like a hotline placeholder that are not one ("{hotline.waring}", "{ hotline.app }")."""
    return [m.group(0) for m in _LOOKS_LIKE.finditer(text)
            if not PLACEHOLDER.fullmatch(m.group(0)) or PLACEHOLDER.fullmatch(m.group(0)).group(1) not in KEYS]


def missing_in(keys: list[str], regions: tuple[str, ...]) -> list[tuple[str, str]]:
    """(key, region) pairs where a region the text plays in has no value for a key it names."""
    return [(key, r) for r in regions for key in dict.fromkeys(keys)
            if key in KEYS and not REGIONS[r].value(key)]


# Numbers that differ by region, as content might write them literally. Short numbers (110, 165, 999)
# count only where they stand as a phone number: not inside a longer number, an amount (110元),
# a time or a count (165天); so "打110" is found and "110元" is not.
_NUMBER_FACTS: dict[str, tuple[str, ...]] = {}
for _r in REGIONS.values():
    for _key in ("warning", "police", "sms"):
        if _r.value(_key):
            _NUMBER_FACTS.setdefault(_r.value(_key), ())
            _NUMBER_FACTS[_r.value(_key)] += (_r.id,)
_UNIT_AFTER = "元万千百块角分秒天日月年岁号%％个条次位名人份斤件平米kKmM"
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z#.,])(" + "|".join(sorted((re.escape(n) for n in _NUMBER_FACTS), key=len, reverse=True))
    + r")(?![0-9.,:：" + _UNIT_AFTER + r"])")


def literal_numbers_in(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(number, regions it belongs to) for every region-dependent hotline number written literally."""
    return [(m.group(1), _NUMBER_FACTS[m.group(1)]) for m in _NUMBER.finditer(text)]


def literal_number_problem(text: str, regions: tuple[str, ...]) -> str | None:
    """The first literal hotline number that is wrong in one of ``regions``, or None.
    A number is allowed where every region the text plays in has that number (96110 in a
    mainland-only script)."""
    for number, owners in literal_numbers_in(text):
        if any(r not in owners for r in regions):
            return number
    return None


def placeholder_for(number: str) -> str:
    """The placeholder that names ``number`` in the regions that have it, for a hint."""
    for r in REGIONS.values():
        for key in ("warning", "police", "sms"):
            if r.value(key) == number:
                return "{hotline.%s}" % key
    return "{hotline.warning}"
