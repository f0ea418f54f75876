"""A power cut (or a pulled USB stick) during an install leaves a complete pack: the old one or the new."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.content.install import install_pack
from game.content.loader import load_library
from game.content.packs import user_packs_dir

from pack_helpers import set_field

HERE = Path(__file__).parent
STEPS = ["staging", "copied", "checked", "old-moved", "new-in-place"]


def _child(packs: Path, source: Path, stop_at: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return subprocess.Popen([sys.executable, str(HERE / "install_child.py"), str(packs), str(source), stop_at],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def _versions(county: Path, tmp_path: Path) -> Path:
    """Version 1.0 installed; ``county`` becomes version 2.0 with a changed keyword."""
    assert install_pack(county).ok
    v2 = tmp_path / "v2" / "qingshan"
    shutil.copytree(county, v2)
    set_field(v2 / "pack.yaml", "version: 1.0", "version: 2.0")
    set_field(v2 / "tiles" / "qingshan.yaml", "keyword: 号码停机", "keyword: 停机通知")
    return v2


def _assert_whole(expected_counts):
    """The installed pack loads, complete, as version 1.0 or 2.0 with the keyword that version has."""
    result = load_library()
    status = result.pack("qingshan")
    assert status is not None and status.loaded, status and status.reason
    assert status.counts == expected_counts
    keyword = {"1.0": "号码停机", "2.0": "停机通知"}[status.version]
    assert result.library.tiles["qs_number_suspend"].keyword == keyword
    return status.version


@pytest.mark.parametrize("step", STEPS)
def test_power_cut_at_each_step_leaves_a_whole_pack(county, tmp_path, step):
    v2 = _versions(county, tmp_path)
    counts = load_library().pack("qingshan").counts
    done = _child(user_packs_dir(), v2, step)
    assert done.wait(timeout=120) == 9, done.stderr.read()
    version = _assert_whole(counts)
    assert version == ("2.0" if step == "new-in-place" else "1.0")


@pytest.mark.parametrize("step", STEPS)
def test_an_install_after_a_power_cut_works_and_leaves_nothing_behind(county, tmp_path, step):
    v2 = _versions(county, tmp_path)
    assert _child(user_packs_dir(), v2, step).wait(timeout=120) == 9
    assert install_pack(v2).ok
    assert sorted(p.name for p in user_packs_dir().iterdir()) == ["qingshan"]
    assert load_library().pack("qingshan").version == "2.0"


def test_a_stick_pulled_while_copying_leaves_the_old_pack(county, tmp_path, monkeypatch):
    v2 = _versions(county, tmp_path)
    from game.content import zipsafe
    real = shutil.copytree

    def pulled(src, dst, *args, **kwargs):
        real(src, dst, *args, **kwargs)
        raise OSError(5, "Input/output error")   # what reading a pulled stick gives

    monkeypatch.setattr(zipsafe.shutil, "copytree", pulled)
    result = install_pack(v2)
    assert not result.ok and "nothing was installed" in result.message
    assert load_library().pack("qingshan").version == "1.0"
    assert sorted(p.name for p in user_packs_dir().iterdir()) == ["qingshan"]


@pytest.mark.soak
def test_killed_at_random_moments_the_pack_is_always_whole(county, tmp_path):
    v2 = _versions(county, tmp_path)
    counts = load_library().pack("qingshan").counts
    start = time.monotonic()
    assert _child(user_packs_dir(), v2, "never").wait(timeout=120) == 0
    full = time.monotonic() - start
    assert install_pack(county).ok   # back to 1.0
    rng = random.Random(15)
    for _ in range(20):
        child = _child(user_packs_dir(), v2 if rng.random() < 0.8 else county, "never")
        time.sleep(rng.uniform(0, full))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=120)
        _assert_whole(counts)
