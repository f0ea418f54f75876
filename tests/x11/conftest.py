"""The game in a real X window: an Xvfb display of the suite's own, the game started with
``--trace`` (what is on screen, as JSON lines), and xdotool moving a real pointer.

Screenshots of the real window go to ``$CI_ARTIFACTS/x11/<test>/`` (``out/x11/<test>/``
without CI); each test prints the folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import xclient

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (3840, 2160)   # every window size the tests try fits whole on the screen (XGetImage needs that)
WAIT_S = 60          # a screen that takes longer than this to appear has hung

pytestmark = pytest.mark.x11


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/x11" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.x11)


@pytest.fixture(scope="session")
def xdisplay():
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} (Debian packages xvfb, xdotool; .ci/run installs them)")
    server, display = xclient.start_xvfb(*SCREEN)
    yield display
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def artifacts(request) -> Path:
    base = Path(os.environ.get("CI_ARTIFACTS") or ROOT / "out")
    folder = base / "x11" / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"\nscreenshots of the real window: {folder}")
    return folder


class Game:
    """One running game and what its trace says."""

    def __init__(self, display: str, folder: Path, data: Path, *args: str, size=(1280, 720)):
        self.display = display
        self.folder = folder
        self.trace_path = folder / "trace.jsonl"
        self.env = {**os.environ, "DISPLAY": display, "SDL_AUDIODRIVER": "dummy", "FANZHA_DATA_DIR": str(data)}
        self.env.pop("SDL_VIDEODRIVER", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "game", "play", "--size", f"{size[0]}x{size[1]}",
                                      "--trace", str(self.trace_path), *args],
                                     env=self.env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._read = 0
        self.lines: list[dict] = []
        self.shots = 0
        self.window = None
        self.aimed: list[tuple[float, str]] = []   # (time, control name) of each tap the test meant

    # ------------------------------------------------------------ the trace
    def poll(self) -> list[dict]:
        if self.trace_path.exists():
            with self.trace_path.open(encoding="utf-8") as f:
                f.seek(self._read)
                chunk = f.read()
            complete = chunk[:chunk.rfind("\n") + 1]
            self._read += len(complete.encode("utf-8"))
            self.lines += [json.loads(line) for line in complete.splitlines() if line.strip()]
        return self.lines

    @property
    def screen(self) -> dict | None:
        screens = [line for line in self.poll() if line["event"] == "screen"]
        return screens[-1] if screens else None

    def wait_for(self, test, what: str, timeout: float = WAIT_S) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen
            if screen is not None and test(screen):
                return screen
            if self.proc.poll() is not None:
                raise AssertionError(f"the game ended (exit {self.proc.returncode}) waiting for {what}: "
                                     f"{self.proc.stderr.read()[-2000:]}")
            time.sleep(0.05)
        raise AssertionError(f"no {what} within {timeout} s; last screen: {self.screen and self.screen['screens']}")

    def wait_screen(self, name: str, timeout: float = WAIT_S) -> dict:
        return self.wait_for(lambda s: s["screen"] == name, f"screen {name!r}", timeout)

    def control(self, name: str, screen: dict | None = None) -> dict | None:
        screen = screen or self.screen
        found = [c for c in screen["controls"] if c["name"] == name] if screen else []
        return found[-1] if found else None

    # ------------------------------------------------------------ the real window
    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        return done.stdout

    def window_id(self) -> int:
        if self.window is None:
            self.wait_for(lambda s: True, "a first screen")
            # the newest game process (a kiosk's game is the watchdog's child, started again after a death)
            pid = [line["pid"] for line in self.lines if line["event"] == "start"][-1]
            deadline = time.monotonic() + WAIT_S
            while self.window is None and time.monotonic() < deadline:
                ids = self.xdotool("search", "--pid", str(pid)).split()
                self.window = int(ids[-1]) if ids else None
                time.sleep(0.1)
        assert self.window is not None, "the game's window never appeared"
        return self.window

    def origin(self) -> tuple[int, int]:
        shell = dict(line.split("=", 1) for line in
                     self.xdotool("getwindowgeometry", "--shell", str(self.window_id())).split())
        return int(shell["X"]), int(shell["Y"])

    def point(self, control: dict) -> tuple[int, int]:
        x, y, w, h = control["rect"]
        ox, oy = self.origin()
        return ox + x + w // 2, oy + y + h // 2

    def move_to(self, x: int, y: int) -> None:
        # not "--sync": xdotool then waits for the pointer to move, which never happens (for about
        # 15 s) when it is already there, as for the next tap on the same "继续"
        self.xdotool("mousemove", str(x), str(y))
        time.sleep(0.03)

    def tap(self, control: dict, hold_ms: int = 80) -> None:
        x, y = self.point(control)
        self.move_to(x, y)
        self.xdotool("mousedown", "1")
        time.sleep(hold_ms / 1000)
        self.xdotool("mouseup", "1")

    def double_tap(self, control: dict, gap_ms: int) -> None:
        """Two taps ``gap_ms`` apart (press to press), in one xdotool run: starting xdotool takes
        longer than a quick double tap lasts, so separate runs would tap slower than a person."""
        x, y = self.point(control)
        self.move_to(x, y)
        hold = 0.04
        self.xdotool("mousedown", "1", "sleep", f"{hold}", "mouseup", "1", "sleep", f"{max(0, gap_ms / 1000 - hold):.3f}",
                     "mousedown", "1", "sleep", f"{hold}", "mouseup", "1")

    def shot(self, label: str) -> Path:
        self.shots += 1
        return xclient.screenshot(self.display, self.folder / f"{self.shots:03d}_{label}.png", self.window_id())

    def close_button(self) -> None:
        xclient.close_window(self.display, self.window_id())

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return self.proc.returncode


@pytest.fixture
def start_game(xdisplay, artifacts, tmp_path):
    games = []

    def start(*args: str, size=(1280, 720)) -> Game:
        game = Game(xdisplay, artifacts, tmp_path / f"data{len(games)}", *args, size=size)
        games.append(game)
        return game

    yield start
    for game in games:
        game.stop()
