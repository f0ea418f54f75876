"""Chinese names for the ids stored in the statistics, for charts and CSV files."""

from __future__ import annotations

import logging
from functools import lru_cache
from game.content.loader import load_library
from game.content.packs import ContentSources

log = logging.getLogger("game.stats")

MODE_NAMES = {"normal": "普通", "kiosk": "展台", "classroom": "课堂", "autoplay": "自动演示"}
AUDIENCE_NAMES = {"elderly": "老年人", "students": "学生", "workplace": "职场人士", "general": "大众"}
TECHNIQUE_NAMES = {
    "urgency": "制造紧迫", "authority": "冒充权威", "secrecy": "要求保密", "greed": "利益诱惑",
    "fear": "恐吓威胁", "trust_borrowing": "借用信任", "foot_in_the_door": "得寸进尺",
    "technical_trap": "技术陷阱",
}


def mode_name(mode: str) -> str:
    return MODE_NAMES.get(mode, mode)


def audience_name(audience: str) -> str:
    return AUDIENCE_NAMES.get(audience, audience)


def technique_name(technique: str) -> str:
    return TECHNIQUE_NAMES.get(technique, technique)


def scam_type_name(scam_type: str) -> str:
    return _scam_type_names().get(scam_type, scam_type)


_names: dict[str, str] = {}


def use_content(result) -> None:
    """Name scam types from this load (``load_library``'s result): every pack in it, loaded or not,
    so a report names the types of a disabled or broken pack too."""
    _names.clear()
    _names.update(names_from(result))
    _scam_type_names.cache_clear()


def names_from(result) -> dict[str, str]:
    names: dict[str, str] = {}
    files = [f for status in getattr(result, "packs", ()) for f in status.files] or result.files
    for f in files:
        if f.built and f.kind == "scam_type":
            for item in f.built.items:
                names.setdefault(item.id, item.name)
    for key, value in result.library.scam_types.items():
        names[key] = value.name
    return names


@lru_cache(maxsize=1)
def _scam_type_names() -> dict[str, str]:
    """Names from the shipped content and every installed pack (disabled ones too); ids stand in
    for them only when the content cannot be read at all."""
    if _names:
        return dict(_names)
    try:
        return names_from(load_library(sources=ContentSources(everything=True), check_font=False))
    except Exception as exc:  # noqa: BLE001 — a report must not fail over display names
        log.warning("statistics: scam types shown by their ids, the content could not be read: %s", exc)
        return {}
