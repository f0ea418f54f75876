"""Test set-up: no window, no sound card, and a private data folder for every run."""

import os
import tempfile

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Commands print in the terminal's language (game.i18n.environment_locale): the tests expect the
# source language whatever the developer's own is; a test wanting another sets it itself.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
# Module- and session-scoped fixtures are created before the per-test folder below is set:
# point them at a throw-away folder too, so no test ever reads or writes the real user's data.
os.environ["FANZHA_DATA_DIR"] = tempfile.mkdtemp(prefix="fanzha-tests-")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FANZHA_DATA_DIR", str(tmp_path / "userdata"))
