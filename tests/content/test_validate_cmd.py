"""The `validate` command: exit codes, output formats, and what a single-file check sees."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

HERE = Path(__file__).parent
FIXTURE = HERE / "fixture"
BROKEN = HERE / "broken"


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "scenarios"
    shutil.copytree(FIXTURE, root)
    return root


def test_clean_content_exits_0(content, capsys):
    assert main(["validate", str(content)]) == 0


def test_errors_exit_1(content, capsys):
    shutil.copy(BROKEN / "duplicate_key.yaml", content)
    assert main(["validate", str(content)]) == 1


def test_missing_path_is_bad_usage(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope")]) == 2


def test_unknown_option_is_bad_usage(capsys):
    assert main(["validate", "--frobnicate"]) == 2


def test_text_format_line_has_path_line_col_code(content, capsys):
    shutil.copy(BROKEN / "duplicate_key.yaml", content)
    main(["validate", str(content)])
    out = capsys.readouterr().out
    assert "duplicate_key.yaml:5:1: error[duplicate-key]:" in out


def test_text_format_prints_hint_line(content, capsys):
    shutil.copy(BROKEN / "unknown_key.yaml", content)
    main(["validate", str(content)])
    assert "hint: did you mean 'advice'?" in capsys.readouterr().out


def test_json_format_has_errors_warnings_counts(content, capsys):
    shutil.copy(BROKEN / "bad_id.yaml", content)
    main(["validate", str(content), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    error = data["errors"][0]
    assert set(error) == {"path", "line", "col", "code", "message", "hint"}
    assert data["counts"] == {"scam_types": 1, "tiles": 2, "boards": 1, "scenarios": 1,
                              "quiz_items": 1, "packs": 1}


def test_warnings_do_not_fail_the_run(content, capsys):
    text = (content / "scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("        feedback: 对！停下来报警永远来得及。\n", "").replace(
        "outcome: safe\n        ladder: reported", "outcome: neutral\n        ladder: reported")
    (content / "scenario.yaml").write_text(text, encoding="utf-8")
    assert main(["validate", str(content), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(w["code"] for w in data["warnings"]) == ["no-feedback", "one-sided-decision"]


def test_single_file_resolves_references_in_its_folder(content, capsys):
    assert main(["validate", str(content / "scenario.yaml")]) == 0


def test_single_file_reports_only_that_file(content, capsys):
    shutil.copy(BROKEN / "bad_id.yaml", content)
    main(["validate", str(content / "scenario.yaml"), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["errors"] == []


def test_file_over_size_limit_is_refused(content, capsys):
    (content / "huge.yaml").write_text("kind: scam_type\nsummary: " + "长" * 600_000 + "\n", encoding="utf-8")
    main(["validate", str(content), "--format", "json"])
    codes = [e["code"] for e in json.loads(capsys.readouterr().out)["errors"]]
    assert codes == ["file-too-large"]


def test_script_with_100000_nodes_is_refused(content, capsys):
    nodes = "".join(f"  n{i}:\n    channel: sms\n    ending: {{outcome: escaped, summary: 好}}\n"
                    for i in range(100_000 // 4))
    (content / "big.yaml").write_text("kind: scenario\nid: big\nnodes:\n" + nodes, encoding="utf-8")
    main(["validate", str(content), "--format", "json"])
    codes = {e["code"] for e in json.loads(capsys.readouterr().out)["errors"]}
    assert codes & {"file-too-large", "too-many-values"}


def test_garbage_never_prints_a_traceback(tmp_path):
    root = tmp_path / "scenarios"
    root.mkdir()
    for i, blob in enumerate([bytes(range(256)) * 40, b"\xef\xbb\xbf" + b"{" * 5000, b"- - - - -\n" * 3000,
                              b"kind: [unclosed\n", "kind: scenario\nnodes: 3\n".encode()]):
        (root / f"g{i}.yaml").write_bytes(blob)
    done = subprocess.run([sys.executable, "-m", "game", "validate", str(root)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr


def test_text_fields_keep_what_was_written_where_yaml_reads_numbers(content, capsys):
    scam = (content / "scam_type.yaml").read_text(encoding="utf-8")
    scam = scam.replace("advice: 警察不会在电话里办案，更没有“安全账户”。", "advice: 010")
    scam = scam.replace("name: 冒充公检法", "name: yes")
    (content / "scam_type.yaml").write_text(scam, encoding="utf-8")
    from game.content.loader import load_library
    loaded = load_library(paths=[content]).library.scam_types["fake_police"]
    assert (loaded.name, loaded.advice) == ("yes", "010")
