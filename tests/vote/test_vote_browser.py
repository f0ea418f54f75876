"""Three phones in Debian's headless Chromium (360×640, a mobile user agent) join, vote, and the
projector's split matches. Driven by Selenium through Debian's chromium-driver."""

import os
import shutil

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from game.vote import VoteServer

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHROMEDRIVER = "/usr/bin/chromedriver"
# An older Android phone's WeChat browser, as the page must expect.
MOBILE_UA = ("Mozilla/5.0 (Linux; Android 8.1.0; Redmi 5 Plus Build/OPM1.171019.019; wv) AppleWebKit/537.36 "
             "(KHTML, like Gecko) Version/4.0 Chrome/57.0.2987.132 MQQBrowser/6.2 TBS/044506 Mobile "
             "Safari/537.36 MicroMessenger/7.0.3.1400(0x2700033C) NetType/WIFI Language/zh_CN")
WAIT = 20   # seconds a step may take on a loaded 2-core machine before the test gives up


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        reason = "Debian's chromium is not installed (run .ci/postgres.sh, or apt-get install chromium chromium-driver)"
        if os.environ.get("FANZHA_REQUIRE_CHROMIUM") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def phone_browser(profile_dir) -> webdriver.Chrome:
    """One phone: its own empty profile (its own cookies), a 360×640 screen, a mobile user agent."""
    binary = chromium()
    if not os.path.exists(CHROMEDRIVER):
        pytest.fail(f"Chromium is here but {CHROMEDRIVER} is not: apt-get install chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 360, "height": 640, "pixelRatio": 2.0}, "userAgent": MOBILE_UA})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture
def phones(tmp_path):
    started = []

    def open_phone():
        profile = tmp_path / f"phone{len(started)}"
        profile.mkdir()
        try:
            driver = phone_browser(profile)
        except WebDriverException as exc:
            pytest.fail(f"chromium-driver could not start Chromium: {exc.msg}")
        started.append(driver)
        return driver

    yield open_phone
    for driver in started:
        driver.quit()


@pytest.fixture
def server():
    s = VoteServer("127.0.0.1", locale="zh_Hans")
    s.start()
    yield s
    s.stop()


def _shown(driver, element_id: str) -> bool:
    return "hide" not in driver.find_element(By.ID, element_id).get_attribute("class")


def _wait(driver, condition):
    return WebDriverWait(driver, WAIT).until(lambda d: condition(d))


def _type_code(driver, code: str) -> None:
    box = driver.find_element(By.ID, "code")
    box.clear()
    box.send_keys(code)
    driver.find_element(By.ID, "joinbtn").click()


def test_three_phones_join_vote_and_the_projector_split_matches(phones, server):
    first, second, third = phones(), phones(), phones()

    first.get(server.join_url)                          # scanned the QR code: the URL carries the room code
    _wait(first, lambda d: _shown(d, "wait"))

    second.get(server.url)                              # typed the address, then the code
    _wait(second, lambda d: _shown(d, "join"))
    _type_code(second, server.room_code)
    _wait(second, lambda d: _shown(d, "wait"))

    third.get(server.url)                               # mistyped the code once
    _wait(third, lambda d: _shown(d, "join"))
    _type_code(third, "0000" if server.room_code != "0000" else "1111")
    _wait(third, lambda d: "房间号不对" in d.find_element(By.ID, "joinmsg").text)
    _type_code(third, server.room_code)
    _wait(third, lambda d: _shown(d, "wait"))
    assert server.snapshot().devices_joined == 3

    options = ["挂断电话，自己打 96110 核实", "按“民警”说的转到“安全账户”", "<b>不理他</b>"]
    server.open_question("scene-1", options, prompt="自称公安的人要你把钱转到“安全账户”。你会怎么做？")
    for driver, letter in ((first, "A"), (second, "C"), (third, "C")):
        buttons = _wait(driver, lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, "button.opt") if b.is_enabled()])
        assert [b.text.split(None, 1)[0] for b in buttons] == ["A", "B", "C"]
        buttons["ABC".index(letter)].click()
        _wait(driver, lambda d: f"你选了 {letter}" in d.find_element(By.ID, "askmsg").text)

    snap = server.snapshot()
    assert snap.counts == {"A": 1, "B": 0, "C": 2}
    assert (snap.voters, snap.question_id, snap.open) == (3, "scene-1", True)
    assert server.close_question() == {"A": 1, "B": 0, "C": 2}


def test_a_phone_cannot_vote_twice_and_game_text_stays_text(phones, server):
    driver = phones()
    driver.get(server.join_url)
    _wait(driver, lambda d: _shown(d, "wait"))
    server.open_question("q1", ["<b>不理他</b>", "<img src=x onerror=alert(1)>"], prompt="<i>你会怎么做？</i>")
    buttons = _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "button.opt"))
    assert buttons[0].text.endswith("<b>不理他</b>") and driver.find_element(By.ID, "prompt").text == "<i>你会怎么做？</i>"
    assert not driver.find_elements(By.CSS_SELECTOR, "#options img, #options b b, #prompt i")
    buttons[1].click()
    _wait(driver, lambda d: "你选了 B" in d.find_element(By.ID, "askmsg").text)
    assert all(not b.is_enabled() for b in driver.find_elements(By.CSS_SELECTOR, "button.opt"))
    driver.execute_script("arguments[0].disabled = false; arguments[0].click();",
                          driver.find_elements(By.CSS_SELECTOR, "button.opt")[0])   # a determined tapper
    _wait(driver, lambda d: "你选了 B" in d.find_element(By.ID, "askmsg").text)
    assert server.snapshot().counts == {"A": 0, "B": 1}


def test_the_page_fits_a_360_wide_phone_with_big_targets(phones, server):
    driver = phones()
    driver.get(server.join_url)
    _wait(driver, lambda d: _shown(d, "wait"))
    server.open_question("q1", ["挂断电话，自己打 96110 核实，不要按对方说的做任何操作，也不要把验证码告诉任何人",
                                "转账", "问家人"])
    buttons = _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "button.opt"))
    width, scroll_width = driver.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth];")
    assert width == 360 and scroll_width <= 360
    assert all(b.size["height"] >= 64 and b.size["width"] >= 300 for b in buttons)


def test_closing_the_question_tells_a_phone_that_did_not_vote(phones, server):
    driver = phones()
    driver.get(server.join_url)
    _wait(driver, lambda d: _shown(d, "wait"))
    server.open_question("q1", ["挂断", "转账"])
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "button.opt"))
    server.close_question()
    _wait(driver, lambda d: "本题投票已结束" in d.find_element(By.ID, "askmsg").text)
    assert all(not b.is_enabled() for b in driver.find_elements(By.CSS_SELECTOR, "button.opt"))


def test_stopping_the_server_ends_the_page(phones, server):
    driver = phones()
    driver.get(server.join_url)
    _wait(driver, lambda d: _shown(d, "wait"))
    server.stop()
    _wait(driver, lambda d: _shown(d, "ended"))
