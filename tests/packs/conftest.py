"""A county's own pack, copied to a folder outside the game for each test."""

import shutil
from pathlib import Path

import pytest

from pack_helpers import SAMPLE


@pytest.fixture
def county(tmp_path) -> Path:
    """tests/packs/qingshan, written to a folder that has nothing to do with the installed game."""
    root = tmp_path / "county_office" / "qingshan"
    shutil.copytree(SAMPLE, root)
    return root
