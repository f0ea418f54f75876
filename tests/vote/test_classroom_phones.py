"""Phones vote in a classroom lesson: the lesson starts the server, the vote card shows the QR code
and the room code, three phones in headless Chromium vote, and the projector's split matches."""

import pathlib
import sys
import time
from dataclasses import replace

from game.rules.classroom import CLASS_MAJORITY, LessonPlan

from test_vote_browser import WAIT, _shown, _wait, phone_browser  # noqa: F401  (Selenium set-up shared)

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "ui"))

from test_classroom import key  # noqa: E402
from ui_helpers import make_app  # noqa: E402


def lesson_with_phones(tmp_path, size=(1280, 720)):
    app = make_app(size, mode="classroom", stats_db=tmp_path / "stats.sqlite3")
    app.settings = replace(app.settings, learning_check=False)     # straight to the board
    app.stack.push(app.home_scene())
    setup = app.stack.top
    setup.set_teams(2)
    setup.set_plan(LessonPlan(minutes=15))
    setup.set_rule(CLASS_MAJORITY)
    setup.phone_address = "127.0.0.1"        # the interface the teacher picked (loopback for the test)
    setup.start()
    app.step(0.1, [])
    return app, app.stack.top


def step_until(app, condition, failure, seconds=WAIT):
    """Run the game's frames until ``condition()`` holds: the server and the phones work on their own
    threads, so the deadline is real time (a loaded machine is slow), never a count of frames."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(failure())
        app.step(0.05, [])
        time.sleep(0.01)        # let the server's thread run


def wait_until_listening(app):
    phones = app.controller.phones
    step_until(app, lambda: phones.ready,
               lambda: f"the vote server did not start: {phones.server.status} {phones.server.error}")
    return phones


def to_the_choices(app, board):
    from game.ui.scenes.scenario import ScenarioScene
    scene = ScenarioScene(app, app.library.scenarios["free_skin_qr"], board.players[0], board.scene_done)
    board.scene_open = scene
    app.stack.push(scene)
    while scene.phase == "lines":
        scene.advance()
    app.step(0.05, [])
    return scene


def test_three_phones_vote_in_a_lesson_and_the_projector_split_matches(tmp_path):
    from selenium.webdriver.common.by import By
    app, board = lesson_with_phones(tmp_path)
    phones = wait_until_listening(app)
    scene = to_the_choices(app, board)
    key(app, "v")
    card = app.stack.top
    assert card.name == "class_vote" and card.qr.visible and phones.server.room_code in card.room.text
    drivers = []
    try:
        for k in range(3):
            profile = tmp_path / f"phone{k}"
            profile.mkdir()
            driver = phone_browser(profile)
            drivers.append(driver)
            driver.get(phones.server.join_url)
        letters = ("A", "C", "C")
        for driver, letter in zip(drivers, letters):
            buttons = _wait(driver, lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, "button.opt")
                                               if b.is_enabled()])
            assert len(buttons) == len(scene.runner.choices)
            buttons["ABC".index(letter)].click()
            _wait(driver, lambda d: f"你选了 {letter}" in d.find_element(By.ID, "askmsg").text)
        # The card reads the split each frame, never waiting on the network.
        step_until(app, lambda: card.vote.total == 3, lambda: f"the projector shows {card.vote.counts}, not 3 votes")
        assert card.vote.counts[:3] == [1, 0, 2]
        assert card.counts[2].text == "2"
        card.end_vote()
        assert card.vote.counts[:3] == [1, 0, 2] and card.shares[2].text.startswith("2 ")
    finally:
        for driver in drivers:
            driver.quit()
    server = phones.server
    card.finish()
    app.controller.end_lesson()
    assert server.status != "listening"
