"""The operator's slow actions run in a worker, one at a time; the frame never waits for them.

These tests use real threads (no ``Job.run_now``): a fake action is held on an event, and the
test lets it go. Waiting is on events, never on the clock.
"""

import logging
import threading

import pygame

from game.ui.jobs import JobRunner
from game.stats.sample import fill_sample
from game.ui.modes.operator import packs_page

from ui_helpers import make_app

HOLD_S = 30      # a fake action that is never let go fails the test instead of hanging it


class Held:
    """A fake slow action: blocks in the worker until ``let_go``; records which thread ran it."""

    def __init__(self, result=None, error=None):
        self.result, self.error = result, error
        self.started, self.gate = threading.Event(), threading.Event()
        self.thread = None

    def __call__(self, *args, **kwargs):
        self.thread = threading.current_thread()
        self.started.set()
        assert self.gate.wait(HOLD_S), "the test never let the action go"
        if self.error is not None:
            raise self.error
        return self.result

    def let_go(self):
        self.gate.set()


# ---------------------------------------------------------------- the runner

def test_a_slow_job_runs_in_another_thread_and_start_returns_at_once():
    runner, action, seen = JobRunner(), Held(result=42), []
    runner.start(action, seen.append, "slow")
    assert action.started.wait(HOLD_S) and runner.busy and seen == []
    action.let_go()
    assert runner.wait(HOLD_S)
    assert action.thread is not threading.current_thread()


def test_the_result_is_used_only_when_polled_on_the_callers_thread():
    runner, action, used = JobRunner(), Held(result=42), []
    runner.start(action, lambda job: used.append((job.result, threading.current_thread())), "slow")
    action.let_go()
    runner.wait(HOLD_S)
    assert used == []
    runner.poll()
    assert used == [(42, threading.current_thread())] and not runner.busy


def test_a_second_job_is_refused_while_one_runs():
    runner, first, second = JobRunner(), Held(), Held()
    assert runner.start(first, lambda job: None, "first")
    assert not runner.start(second, lambda job: None, "second")
    first.let_go()
    runner.wait(HOLD_S)
    runner.poll()
    assert not second.started.is_set() and runner.start(second, lambda job: None, "second")
    second.let_go()


def test_an_error_in_the_worker_reaches_the_poller_and_the_log(caplog):
    runner, action, seen = JobRunner(), Held(error=RuntimeError("disk on fire")), []
    action.let_go()
    with caplog.at_level(logging.WARNING, logger="game.operator"):
        runner.start(action, seen.append, "burning")
        runner.wait(HOLD_S)
        runner.poll()
    assert isinstance(seen[0].error, RuntimeError) and not runner.busy
    assert any("burning" in r.getMessage() and "disk on fire" in r.getMessage() for r in caplog.records)


def test_the_next_job_may_start_from_the_previous_ones_result():
    runner, done = JobRunner(), []
    runner.start(lambda: 1, lambda job: runner.start(lambda: job.result + 1, done.append, "second"), "first")
    runner.wait(HOLD_S)
    runner.poll()
    runner.wait(HOLD_S)
    runner.poll()
    assert done[0].result == 2


# ---------------------------------------------------------------- the packs page

def open_packs(monkeypatch, listing):
    monkeypatch.setattr(packs_page, "list_packs", listing)
    app = make_app()
    app.load_content()
    page = app.nav.navigate("operator_packs")
    return app, page


def settle(app):
    """Let the worker finish, then one frame (which uses its result)."""
    assert app.jobs.wait(HOLD_S)
    app.step(1 / 60, [])


def test_reading_the_packs_does_not_hold_up_the_frame(monkeypatch):
    listing = Held(result=[])
    app, page = open_packs(monkeypatch, listing)
    assert listing.started.wait(HOLD_S)
    frame = app.frame
    for _ in range(3):
        app.step(1 / 60, [])          # returns while the worker is still held
    assert app.frame == frame + 3 and app.jobs.busy
    listing.let_go()


def test_the_page_says_it_is_reading_until_the_list_comes(monkeypatch):
    listing = Held(result=[])
    app, page = open_packs(monkeypatch, listing)
    app.step(1 / 60, [])
    assert page.summary.text == "正在读取……" and not any(r.visible for r in page.rows)
    assert not page.install.enabled
    listing.let_go()


def test_the_list_is_shown_when_the_reading_completes(monkeypatch):
    real = packs_page.list_packs
    statuses = real(packs_page.ContentSources())
    listing = Held(result=statuses)
    app, page = open_packs(monkeypatch, listing)
    listing.let_go()
    settle(app)
    assert any(r.visible for r in page.rows) and "个内容包" in page.summary.text and page.install.enabled


def test_a_failed_reading_is_shown_and_the_page_stays_usable(monkeypatch, caplog):
    listing = Held(error=OSError("the disk went away"))
    with caplog.at_level(logging.WARNING, logger="game.operator"):
        app, page = open_packs(monkeypatch, listing)
        listing.let_go()
        settle(app)
    assert "the disk went away" in page.note.text and not app.jobs.busy and page.install.enabled
    assert any("the disk went away" in r.getMessage() for r in caplog.records)


def test_a_change_that_fails_in_the_worker_keeps_the_library(monkeypatch, tmp_path):
    statuses = packs_page.list_packs(packs_page.ContentSources())
    app, page = open_packs(monkeypatch, lambda sources: statuses)
    settle(app)
    library = app.library
    page.chosen = statuses[0].id
    failing = Held(error=RuntimeError("the loader broke"))
    monkeypatch.setattr(app, "content_loader", lambda: failing)
    page.run(lambda: "changed", "已停用“{name}”", page.status())
    failing.let_go()
    settle(app)
    assert app.library is library and "the loader broke" in page.note.text and not app.jobs.busy


def test_the_new_library_is_swapped_in_between_frames_not_by_the_worker(monkeypatch):
    statuses = packs_page.list_packs(packs_page.ContentSources())
    app, page = open_packs(monkeypatch, lambda sources: statuses)
    settle(app)
    library = app.library
    page.chosen = statuses[0].id
    page.run(lambda: "changed", "已停用“{name}”", page.status())
    assert app.jobs.wait(HOLD_S)
    assert app.library is library          # finished in the worker, not used yet
    app.step(1 / 60, [])
    assert app.library is not library and "已停用" in page.note.text


def test_a_second_action_while_one_runs_is_refused_and_said(monkeypatch):
    listing = Held(result=[])
    app, page = open_packs(monkeypatch, listing)
    page.read()
    assert "请稍等" in page.note.text
    listing.let_go()
    settle(app)
    assert listing.started.is_set()


def test_a_region_change_reloads_the_library_in_the_worker(monkeypatch):
    app = make_app()
    app.load_content()
    page = app.nav.navigate("operator_machine")
    app.step(1 / 60, [])
    library = app.library
    held = Held()
    load = app.content_loader()
    monkeypatch.setattr(app, "content_loader", lambda: lambda: (held(), load())[1])
    other = next(b for v, b in page.region_buttons if v != app.settings.region)
    other.activate()
    app.step(1 / 60, [])
    assert app.library is library and "正在按新的地区" in page.note.text and not other.enabled
    held.let_go()
    settle(app)
    assert app.library is not library and "正在按新的地区" not in page.note.text


def test_the_idle_loop_looks_for_the_result_often_while_a_job_runs(monkeypatch):
    listing = Held(result=[])
    app, page = open_packs(monkeypatch, listing)
    assert app._idle_wait_ms() <= 100
    listing.let_go()
    settle(app)
    assert app._idle_wait_ms() > 100



def test_the_statistics_page_counts_in_the_worker_and_shows_the_figures_when_done(monkeypatch, tmp_path):
    db = tmp_path / "stats.sqlite3"
    fill_sample(db, sessions=20)
    held = Held(result={"people_today": 3, "people_week": 9, "people": 20, "completion_rate": 0.5,
                        "safe_choice_rate": 0.75, "top_missed_scam_types": [], "top_missed_techniques": [],
                        "scam_types_counted": 0, "techniques_counted": 0, "completed": 10, "abandoned": 1,
                        "autoplay_left_out": 0})
    monkeypatch.setattr("game.stats.summary", held)
    app = make_app(stats_db=db)
    page = app.nav.navigate("operator_stats")
    assert held.started.wait(HOLD_S)
    app.step(1 / 60, [])          # returns while the count is still held
    assert "正在读取" in page.kinds.text and not page.export_button.enabled
    held.let_go()
    settle(app)
    assert [value.text for _, value, _ in page.tiles][:3] == ["3 人", "9 人", "20 人"]
    assert held.thread is not threading.current_thread()


def test_the_report_export_runs_in_the_worker_and_says_where_it_went(monkeypatch, tmp_path):
    db = tmp_path / "stats.sqlite3"
    fill_sample(db, sessions=20)
    app = make_app(stats_db=db)
    page = app.nav.navigate("operator_stats")
    settle(app)
    held = Held(result=["a.csv", "b.png"])
    monkeypatch.setattr("game.stats.report.write_report", held)
    page.export()
    assert held.started.wait(HOLD_S)
    app.step(1 / 60, [])
    assert "正在导出" in page.note.text and not page.export_button.enabled
    held.let_go()
    settle(app)
    assert "已导出 2 个文件" in page.note.text and page.export_button.enabled


def teardown_module(module):
    pygame.quit()
