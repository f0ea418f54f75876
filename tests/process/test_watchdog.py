"""The kiosk watchdog with stand-in games: what it restarts, what it reports, when it gives up."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from pathlib import Path

import pytest

from game import watchdog
from game.crashlog import read_count
from game.startup_checks import EXIT_CANNOT_START
from game.stopping import StopRequest

pytestmark = pytest.mark.skipif(not watchdog.available(), reason="the watchdog is POSIX only")

# A stand-in game: appends its arguments to runs.jsonl, prints a line to stderr and exits
# with the status its run number is given in exits.json (the last one repeats).
FAKE_GAME = """
import json, sys, time, pathlib
here = pathlib.Path(sys.argv[1])
runs = here / "runs.jsonl"
n = len(runs.read_text().splitlines()) if runs.exists() else 0
with runs.open("a") as f:
    f.write(json.dumps(sys.argv[2:]) + "\\n")
exits = json.loads((here / "exits.json").read_text())
code = exits[min(n, len(exits) - 1)]
print(f"fake game run {n} ends with {code}", file=sys.stderr, flush=True)
if code == "wait":
    time.sleep(60)
sys.exit(code)
"""


@pytest.fixture
def fake(tmp_path, monkeypatch):
    script = tmp_path / "fake_game.py"
    script.write_text(FAKE_GAME, encoding="utf-8")
    monkeypatch.setattr(watchdog, "game_command", lambda argv: [sys.executable, str(script), str(tmp_path), *argv])

    def run(exits, pauses=(0.0,)):
        (tmp_path / "exits.json").write_text(json.dumps(exits), encoding="utf-8")
        code = watchdog.Watchdog(["play", "--kiosk"], StopRequest(), pauses=pauses).run()
        runs = [json.loads(line) for line in (tmp_path / "runs.jsonl").read_text().splitlines()]
        return code, runs

    return run


def test_a_game_that_ends_on_purpose_is_not_started_again(fake):
    code, runs = fake([0])
    assert code == 0 and len(runs) == 1


def test_a_game_that_dies_is_started_again(fake):
    code, runs = fake([1, 0])
    assert code == 0 and len(runs) == 2


def test_the_game_runs_with_the_kiosks_own_options(fake):
    _, runs = fake([0])
    assert runs == [["play", "--kiosk", "--watched"]]


def test_a_death_is_reported_with_what_the_game_printed_last(fake):
    fake([1, 0])
    count = read_count()
    report = Path(os.environ["FANZHA_DATA_DIR"]) / "logs" / count["first"]["report"]
    text = report.read_text(encoding="utf-8")
    assert count["count"] == 1
    assert "exit status 1" in text and "fake game run 0 ends with 1" in text


def test_a_game_killed_by_a_signal_is_reported_by_its_name():
    assert watchdog.describe_exit(-signal.SIGSEGV) == "killed by SIGSEGV"


def test_a_game_that_cannot_start_is_not_started_again(fake):
    code, runs = fake([EXIT_CANNOT_START])
    assert code == EXIT_CANNOT_START and len(runs) == 1


def test_after_repeated_deaths_the_out_of_order_screen_is_shown(fake):
    code, runs = fake([1] * watchdog.OUT_OF_ORDER_AFTER + [0])
    assert len(runs) == watchdog.OUT_OF_ORDER_AFTER + 1
    assert runs[-1][-1] == "--out-of-order" and code == 0


def test_the_pause_before_a_restart_grows(fake, monkeypatch):
    waits = []
    real_wait = threading.Event.wait

    def recorded(self, timeout=None):
        if timeout is not None and timeout >= 1:
            waits.append(timeout)
            return False
        return real_wait(self, timeout)

    monkeypatch.setattr(threading.Event, "wait", recorded)
    fake([1, 1, 1, 0], pauses=(1.0, 2.0, 4.0))
    assert waits == [1.0, 2.0, 4.0]


def test_a_stop_request_is_passed_on_to_the_game(fake, tmp_path):
    (tmp_path / "exits.json").write_text(json.dumps(["wait"]), encoding="utf-8")
    stop = StopRequest()
    dog = watchdog.Watchdog(["play", "--kiosk"], stop, pauses=(0.0,))
    threading.Timer(1.0, lambda: stop.request("SIGTERM")).start()
    assert dog.run() == 0
    assert dog.child.returncode == -signal.SIGTERM
