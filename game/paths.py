"""Where things live: shipped content, assets and catalogs; user data per OS.

The repository keeps ``scenarios/``, ``assets/`` and ``locales/`` at its top level. A wheel or
a bundle carries copies of them inside the package, in ``game/data/`` (``setup.py`` puts them
there and compiles the catalogs at build time). A source checkout or an editable install has
no ``game/data/`` and reads the repository's folders, so an edited file takes effect at once.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
_PACKAGED_DATA = PACKAGE_DIR / "data"

# True when running from a wheel or a bundle: the shipped folders are read-only copies and the
# compiled catalogs came with them.
INSTALLED = (_PACKAGED_DATA / "scenarios").is_dir()
DATA_DIR = _PACKAGED_DATA if INSTALLED else PROJECT_DIR
CONTENT_DIR = DATA_DIR / "scenarios"
ASSETS_DIR = DATA_DIR / "assets"
LOCALES_DIR = DATA_DIR / "locales"


def user_data_dir_known() -> bool:
    """Whether ``user_data_dir`` can say where the folder is: ``FANZHA_DATA_DIR`` is set, or
    platformdirs is installed (a bare Python running ``validate`` on a checkout may lack it)."""
    return bool(os.environ.get("FANZHA_DATA_DIR")) or importlib.util.find_spec("platformdirs") is not None


def user_data_dir() -> Path:
    """Settings, statistics and logs. ``FANZHA_DATA_DIR`` overrides (tests, kiosks)."""
    override = os.environ.get("FANZHA_DATA_DIR")
    if override:
        path = Path(override)
    else:
        # platformdirs when the data folder is first needed (validate and simulate never need it)
        from platformdirs import user_data_dir as _platform_dir
        path = Path(_platform_dir("fanzha-chess", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
