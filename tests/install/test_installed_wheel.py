"""The game as a user installs it: a wheel (not editable), run from a folder outside the checkout.

``.ci/run`` builds the wheel, installs it into a new virtual environment and gives its Python
as ``FANZHA_WHEEL_PYTHON``. Without it the tests build and install a wheel themselves (slow:
it downloads the build tools and the dependencies).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parents[2]
HANG_S = 600


@pytest.fixture(scope="session")
def wheel_python(tmp_path_factory) -> Path:
    given = os.environ.get("FANZHA_WHEEL_PYTHON")
    if given:
        return Path(given)
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(ROOT)],
                   check=True, timeout=HANG_S)
    venv.create(work / "venv", with_pip=True)
    python = work / "venv" / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    [wheel] = (work / "dist").glob("*.whl")
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=HANG_S)
    return python


@pytest.fixture(scope="session")
def package_dir(wheel_python) -> Path:
    out = subprocess.run([str(wheel_python), "-c", "import game, pathlib; print(pathlib.Path(game.__file__).parent)"],
                         capture_output=True, text=True, check=True, cwd=Path.home())
    return Path(out.stdout.strip())


def run(python: Path, *args: str, cwd: Path, data: Path, env: dict | None = None, timeout: float = HANG_S):
    full_env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "FANZHA_DATA_DIR": str(data)}
    full_env.pop("PYTHONPATH", None)   # the installed game, never the checkout
    full_env.update(env or {})
    return subprocess.run([str(python), "-m", "game", *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_the_wheel_is_not_the_checkout(package_dir):
    assert ROOT not in package_dir.parents and (package_dir / "data" / "scenarios").is_dir()


def test_validate_finds_the_shipped_content_with_no_errors(wheel_python, elsewhere, tmp_path):
    from game.content.loader import load_library
    done = run(wheel_python, "validate", "--format", "json", cwd=elsewhere, data=tmp_path / "data")
    report = json.loads(done.stdout)
    source = load_library(paths=[ROOT / "scenarios"]).library
    assert done.returncode == 0 and report["errors"] == []
    assert report["counts"]["scenarios"] == len(source.scenarios) and report["counts"]["packs"] == len(source.packs)


def test_the_installed_translations_are_complete(wheel_python, elsewhere, tmp_path):
    done = run(wheel_python, "validate", "--format", "json", cwd=elsewhere, data=tmp_path / "data")
    translations = json.loads(done.stdout)["translations"]
    assert all(t["percent"] == 100.0 for t in translations.values())


def test_simulate_plays_the_installed_boards(wheel_python, elsewhere, tmp_path):
    done = run(wheel_python, "simulate", "--games", "50", "--json", cwd=elsewhere, data=tmp_path / "data")
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)


def test_autoplay_shows_screens(wheel_python, elsewhere, tmp_path):
    shots = tmp_path / "shots"
    done = run(wheel_python, "play", "--autoplay", "--frames", "600", "--screenshots", str(shots),
               cwd=elsewhere, data=tmp_path / "data")
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(list(shots.glob("*.png"))) >= 3


def test_the_kiosk_runs_its_frames_and_exits(wheel_python, elsewhere, tmp_path):
    done = run(wheel_python, "play", "--kiosk", "--frames", "120", cwd=elsewhere, data=tmp_path / "data")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr


def test_running_writes_nothing_into_the_installed_folder(wheel_python, package_dir, elsewhere, tmp_path):
    stamp = time.time() - 1
    run(wheel_python, "play", "--autoplay", "--frames", "300", "--locale", "en", cwd=elsewhere, data=tmp_path / "d")
    run(wheel_python, "validate", cwd=elsewhere, data=tmp_path / "d")
    changed = [p for p in package_dir.rglob("*") if p.stat().st_mtime > stamp and "__pycache__" not in p.parts]
    assert changed == []


@pytest.fixture
def install_without_fonts(wheel_python, package_dir, tmp_path) -> dict:
    """A second copy of the installed game with its fonts deleted (the shared one stays whole)."""
    copy = tmp_path / "site" / "game"
    shutil.copytree(package_dir, copy)
    for font in (copy / "data" / "assets" / "fonts").glob("*.otf"):
        font.unlink()
    return {"PYTHONPATH": str(copy.parent)}


def test_a_kiosk_without_its_fonts_says_so_once_and_exits_3(wheel_python, install_without_fonts, elsewhere, tmp_path):
    done = run(wheel_python, "play", "--kiosk", "--frames", "8", cwd=elsewhere, data=tmp_path / "data",
               env=install_without_fonts)
    assert done.returncode == 3
    assert done.stderr.count("NotoSansSC-Regular.otf is missing") == 1
    assert "Traceback" not in done.stderr


def test_a_kiosk_without_its_fonts_does_not_spin(wheel_python, install_without_fonts, elsewhere, tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "FANZHA_DATA_DIR": str(tmp_path / "data"), **install_without_fonts}
    began = time.monotonic()
    proc = subprocess.Popen([str(wheel_python), "-m", "game", "play", "--kiosk", "--frames", "20"],
                            cwd=elsewhere, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - began
    cpu = usage.ru_utime + usage.ru_stime
    assert os.waitstatus_to_exitcode(status) == 3
    assert cpu < 0.5 * elapsed, f"{cpu:.2f} s of CPU in {elapsed:.2f} s: the error screen spins"
