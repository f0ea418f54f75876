"""`python -m game validate` over one folder holding every hostile case at once."""

import os
import shutil
import subprocess
import sys

import pytest

from hostile_cases import CASES, FIXTURE, HERE, random_bytes

HANG_SECONDS = 300  # only a hang takes this long
ODD_NAMES = ["\x1b[2J\x1b]0;pwned\x07.yaml", "new\nline.yaml"]
IN_FOLDER = CASES
# A content file that is a link leaving the folder: load_library reports it, but the command
# compares paths as shown (never resolved), so it keeps this one.
LINK_OUT = "zero.yaml"


def validate(root):
    # Strict UTF-8 output, as on a Windows console or in CI: a lone surrogate in a name would raise.
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "game", "validate", str(root)], capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=HANG_SECONDS,
                          cwd=HERE.parents[1], env=env)


@pytest.fixture(scope="module")
def validated(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli") / "scenarios"
    shutil.copytree(FIXTURE, root)
    for i, case in enumerate(IN_FOLDER):  # a folder each: on-disk cases make images/ and links of their own
        folder = root / f"c{i:03}"
        folder.mkdir()
        case.write(folder)
    for name in ODD_NAMES:
        (root / name).write_text("kind: nope\n", encoding="utf-8")
    with open(os.fsencode(root) + b"/undecodable_\xff\xfe.yaml", "wb") as fh:
        fh.write(b"kind: nope\n")
    (root / "random.yaml").write_bytes(random_bytes(3))
    return validate(root)


def test_validate_exits_1(validated):
    done = validated
    assert done.returncode == 1, done.stderr[-3000:]


def test_validate_prints_no_traceback(validated):
    done = validated
    assert "Traceback" not in done.stdout + done.stderr


def test_validate_names_every_hostile_file(validated):
    done = validated
    assert [case.name for case in IN_FOLDER if case.name not in done.stdout and case.name != LINK_OUT] == []


def test_validate_output_holds_no_terminal_control_characters(validated):
    done = validated
    assert not [ch for ch in "\x1b\x07\x00\u202e" if ch in done.stdout]


def test_validate_summary_still_counts_the_fixtures_scenario_board_and_pack(validated):
    done = validated
    summary = done.stdout.strip().splitlines()[-1]
    assert all(f"1 {kind}" in summary for kind in ("boards", "scenarios", "packs")), summary


def test_validate_survives_a_content_file_that_links_to_itself(tmp_path):
    # validate_cmd._only resolves every reported path again: a link loop there raises RuntimeError
    root = tmp_path / "scenarios"
    shutil.copytree(FIXTURE, root)
    (root / "loop.yaml").symlink_to(root / "loop.yaml")
    done = validate(root)
    assert "Traceback" not in done.stdout + done.stderr


def test_validate_names_a_content_file_that_links_outside(tmp_path):
    root = tmp_path / "scenarios"
    shutil.copytree(FIXTURE, root)
    (root / LINK_OUT).symlink_to("/dev/zero")
    done = validate(root)
    assert LINK_OUT in done.stdout
