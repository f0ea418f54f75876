"""Test set-up: no window, no sound card, and a private data folder for every run."""

import os
import tempfile

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Module- and session-scoped fixtures are created before the per-test folder below is set:
# point them at a throw-away folder too, so no test ever reads or writes the real user's data.
os.environ["FANZHA_DATA_DIR"] = tempfile.mkdtemp(prefix="fanzha-tests-")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FANZHA_DATA_DIR", str(tmp_path / "userdata"))
