"""What a USB stick can hold besides bad YAML: unreadable files, odd names, deep folders, many files."""

import os
import shutil
import tracemalloc
from pathlib import Path

import pytest

from game.content import loader
from game.content.loader import load_library
from game.content.yamlsafe import MAX_FILE_BYTES

from hostile_cases import FIXTURE, SCAM

BAD = "kind: nope\n"  # one problem: bad-value at line 1


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "scenarios"
    shutil.copytree(FIXTURE, root)
    return root


def fixture_loaded(result) -> bool:
    lib = result.library
    return "police_call" in lib.scenarios and "mini" in lib.boards and "test_pack" in lib.packs


def codes_of(result, name: str) -> list[str]:
    return [p.code for p in result.errors if Path(p.path).name == name]


def test_unreadable_file_is_reported(content, monkeypatch):
    # Tests run as root, who reads a chmod 000 file anyway: make the read itself fail.
    (content / "locked.yaml").write_text(SCAM, encoding="utf-8")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert codes_of(load_library(paths=[content]), "locked.yaml") == ["unreadable"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_chmod_000_file_is_reported(content):
    locked = content / "locked.yaml"
    locked.write_text(SCAM, encoding="utf-8")
    locked.chmod(0)
    try:
        assert codes_of(load_library(paths=[content]), "locked.yaml") == ["unreadable"]
    finally:
        locked.chmod(0o644)


def test_file_vanishing_between_listing_and_reading_is_reported(content, monkeypatch):
    (content / "gone.yaml").write_text(SCAM, encoding="utf-8")
    listed = loader.content_files([content])
    (content / "gone.yaml").unlink()
    monkeypatch.setattr(loader, "content_files", lambda paths: listed)
    assert codes_of(load_library(paths=[content]), "gone.yaml") == ["unreadable"]


@pytest.fixture
def deep_folder(content):
    """1,200 nested folders (os.makedirs, Path.rglob and shutil.rmtree all recurse once per level)."""
    chain = [content]
    for _ in range(1200):
        chain.append(chain[-1] / "d")
        chain[-1].mkdir()
    yield chain[-1]
    for file in chain[-1].iterdir():
        file.unlink()
    for folder in reversed(chain[1:]):  # pytest's own clean-up would hit the recursion limit
        folder.rmdir()


def test_file_at_the_bottom_of_1200_nested_folders_is_read(content, deep_folder):
    (deep_folder / "deep.yaml").write_text(BAD, encoding="utf-8")
    assert codes_of(load_library(paths=[content]), "deep.yaml") == ["bad-value"]


def test_link_to_a_folder_outside_is_not_entered(content, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "elsewhere.yaml").write_text(BAD, encoding="utf-8")
    (content / "linked").symlink_to(outside, target_is_directory=True)
    assert not [f for f in load_library(paths=[content]).files if "elsewhere" in f.path]


def test_file_that_links_to_itself_is_reported_unreadable(content):
    (content / "loop.yaml").symlink_to(content / "loop.yaml")
    result = load_library(paths=[content])
    assert fixture_loaded(result) and codes_of(result, "loop.yaml") == ["unreadable"]


def test_link_loop_between_folders_ends(content):
    (content / "a").mkdir()
    (content / "a" / "back").symlink_to(content, target_is_directory=True)
    assert fixture_loaded(load_library(paths=[content]))


def test_terminal_escape_in_a_file_name_is_shown_escaped(content):
    (content / "\x1b[2J\x1b]0;pwned\x07\n.yaml").write_text(BAD, encoding="utf-8")
    paths = [p.path for p in load_library(paths=[content]).errors if "pwned" in p.path]
    assert paths and not any(ch in path for path in paths for ch in "\x1b\x07\n")


def test_undecodable_file_name_is_shown_printable(content):
    name = os.fsencode(content) + b"/\xff\xfe.yaml"
    with open(name, "wb") as fh:
        fh.write(BAD.encode())
    paths = [p.path for p in load_library(paths=[content]).errors]
    assert len(paths) == 1 and paths[0].encode("utf-8")   # a lone surrogate would raise here


def test_3gb_file_is_refused_without_reading_it(content):
    with open(content / "huge.yaml", "wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    tracemalloc.start()
    try:
        load_library(paths=[content])
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_FILE_BYTES


def test_file_of_exactly_the_size_limit_is_read(content):
    body = SCAM.replace("hostile_scam", "at_the_limit").encode("utf-8")
    padding = b"# " + b"x" * (MAX_FILE_BYTES - len(body) - 3) + b"\n"
    (content / "limit.yaml").write_bytes(padding + body)
    assert (content / "limit.yaml").stat().st_size == MAX_FILE_BYTES
    assert "at_the_limit" in load_library(paths=[content]).library.scam_types


def test_utf8_bom_is_accepted(content):
    (content / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + SCAM.replace("hostile_scam", "with_bom").encode("utf-8"))
    assert "with_bom" in load_library(paths=[content]).library.scam_types


def test_900kb_comment_line_does_not_stop_a_good_file(content):
    text = "# " + "注释" * 150_000 + "\n" + SCAM.replace("hostile_scam", "long_comment")
    (content / "long_comment.yaml").write_text(text, encoding="utf-8")
    assert "long_comment" in load_library(paths=[content]).library.scam_types


MANY = 2000


@pytest.fixture(scope="module")
def many_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("many") / "scenarios"
    shutil.copytree(FIXTURE, root)
    for i in range(MANY):
        (root / f"small_{i:04}.yaml").write_text(SCAM.replace("hostile_scam", f"s{i}").replace("signs:", "sign:"),
                                                 encoding="utf-8")
    return load_library(paths=[root])


def test_2000_small_broken_files_are_each_reported(many_files):
    result = many_files
    assert len({p.path for p in result.errors if p.code == "unknown-key"}) == MANY


def test_2000_small_broken_files_leave_the_fixture_playable(many_files):
    result = many_files
    assert fixture_loaded(result)
