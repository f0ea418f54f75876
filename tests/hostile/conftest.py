"""Loading a hostile case beside the fixture, once per case, with a deadline.

A case is loaded once per test session and its outcome shared by the tests that look
at it (its problem, the fixture beside it). A hang fails the case after HANG_SECONDS
(far longer than any load takes, even on a loaded machine) instead of stalling the whole suite; cases marked ``isolated`` load in a
child process, so a crash of C code fails the case instead of killing pytest.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.content.loader import load_library

from hostile_cases import FIXTURE, Case

HERE = Path(__file__).parent
HANG_SECONDS = 120
FIXTURE_FILES = {p.name for p in FIXTURE.iterdir()}


@dataclass
class Outcome:
    root: Path
    errors: list[tuple[str, str, int, str]]  # (path, code, line, message)
    scenarios: set[str]
    boards: set[str]
    packs: set[str]

    def errors_of(self, name: str) -> list[tuple[str, str, int, str]]:
        return [e for e in self.errors if Path(e[0]).name == name]

    def codes_of(self, name: str) -> list[tuple[str, int]]:
        return [(code, line) for _path, code, line, _message in self.errors_of(name)]

    @property
    def fixture_loaded(self) -> bool:
        return "police_call" in self.scenarios and "mini" in self.boards and "test_pack" in self.packs


@contextlib.contextmanager
def deadline(seconds: float):
    """Raise TimeoutError in the main thread after ``seconds`` (where signals allow it)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fixture_copy(root: Path) -> Path:
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return root


def load_in_process(root: Path) -> Outcome:
    with deadline(HANG_SECONDS):
        result = load_library(paths=[root])
    lib = result.library
    return Outcome(root, [(p.path, p.code, p.line, p.message) for p in result.errors],
                   set(lib.scenarios), set(lib.boards), set(lib.packs))


def load_in_child(root: Path, warm_up: Path) -> Outcome:
    done = subprocess.run([sys.executable, str(HERE / "hostile_isolated.py"), str(root), str(warm_up)],
                          capture_output=True, text=True, timeout=HANG_SECONDS, cwd=HERE)
    assert done.returncode == 0, f"the loader died (exit code {done.returncode}): {done.stderr[-2000:]}"
    data = json.loads(done.stdout)
    return Outcome(root, [tuple(e) for e in data["errors"]],
                   set(data["scenarios"]), set(data["boards"]), set(data["packs"]))


@pytest.fixture(scope="session")
def warm_fixture(tmp_path_factory) -> Path:
    """A clean fixture folder, loaded once first (imports and the font's character table)."""
    root = fixture_copy(tmp_path_factory.mktemp("warm"))
    load_library(paths=[root])
    return root


@pytest.fixture(scope="session")
def outcome_of(tmp_path_factory, warm_fixture):
    """``outcome_of(case)`` → the Outcome of loading ``case`` beside the fixture (cached)."""
    cache: dict[str, Outcome | BaseException] = {}

    def load(case: Case) -> Outcome:
        if case.name not in cache:
            root = fixture_copy(tmp_path_factory.mktemp("case"))
            try:
                case.write(root)
                run = (lambda: load_in_child(root, warm_fixture)) if case.isolated else (lambda: load_in_process(root))
                cache[case.name] = run()
            except (Exception, TimeoutError) as exc:  # every test of the case fails with it
                cache[case.name] = exc
        got = cache[case.name]
        if isinstance(got, BaseException):
            raise AssertionError(f"loading {case.name} failed: {type(got).__name__}: {got}") from got
        return got

    return load
