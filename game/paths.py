"""Where things live: shipped content and assets beside the package, user data per OS."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
CONTENT_DIR = PROJECT_DIR / "scenarios"
ASSETS_DIR = PROJECT_DIR / "assets"
LOCALES_DIR = PROJECT_DIR / "locales"


def user_data_dir() -> Path:
    """Settings, statistics and logs. ``FANZHA_DATA_DIR`` overrides (tests, kiosks)."""
    override = os.environ.get("FANZHA_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir as _platform_dir
        path = Path(_platform_dir("fanzha-chess", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
