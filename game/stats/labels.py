"""Chinese names for the ids stored in the statistics, for charts and CSV files."""

from __future__ import annotations

from functools import lru_cache

from game.content.loader import load_library
from game.paths import CONTENT_DIR

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


@lru_cache(maxsize=1)
def _scam_type_names() -> dict[str, str]:
    """Names from the shipped content; ids stand in for them when the content cannot be read."""
    try:
        library = load_library(paths=[CONTENT_DIR / "scam_types"], check_font=False).library
        return {key: value.name for key, value in library.scam_types.items()}
    except Exception:  # noqa: BLE001 — a report must not fail over display names
        return {}
