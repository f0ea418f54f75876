"""The server over real loopback sockets: joining, voting, and every refusal with its 4xx."""

import http.client
import json
import threading
import time

import pytest

from conftest import Phone
from game.vote import app as vote_app


def test_the_page_is_served_as_utf8_html_with_a_strict_policy(phone):
    status, _, response, raw = phone.request("GET", "/")
    assert status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert "default-src 'none'" in response.getheader("Content-Security-Policy")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "课堂投票" in raw.decode("utf-8")


def test_the_qr_url_carrying_the_code_serves_the_same_page(phone, server):
    assert phone.request("GET", "/?c=" + server.room_code)[3] == phone.request("GET", "/")[3]


def test_joining_with_the_right_code_sets_an_http_only_device_cookie(phone):
    status, data, response, _ = phone.join()
    assert (status, data) == (200, {"ok": True})
    cookie = response.getheader("Set-Cookie")
    assert cookie.startswith(vote_app.COOKIE + "=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_a_wrong_room_code_is_refused_and_issues_no_cookie(phone, server):
    wrong = "1000" if server.room_code != "1000" else "1001"
    status, data, response, _ = phone.join(wrong)
    assert (status, data["error"]) == (403, "wrong_room")
    assert response.getheader("Set-Cookie") is None
    assert server.snapshot().devices_joined == 0


def test_joining_again_keeps_the_same_device(joined, server):
    first = joined.cookie
    joined.join()
    assert joined.cookie == first and server.snapshot().devices_joined == 1


def test_a_phone_without_a_cookie_is_told_to_join(phone):
    status, data, _, _ = phone.state()
    assert (status, data["error"]) == (401, "not_joined")


def test_a_made_up_cookie_is_not_a_device(phone):
    phone.cookie = vote_app.COOKIE + "=not-a-token"
    assert phone.vote("q1", "A")[0] == 401


def test_a_joined_phone_sees_the_open_question(joined, server):
    server.open_question("q1", ["挂断", "转账"], "你会怎么做？")
    status, data, _, _ = joined.state()
    assert status == 200
    assert data["question"]["id"] == "q1" and data["question"]["open"]
    assert [o["letter"] for o in data["question"]["options"]] == ["A", "B"]


def test_a_vote_is_counted_in_the_snapshot(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    status, data, _, _ = joined.vote("q1", "B")
    assert (status, data) == (200, {"ok": True, "choice": "B"})
    assert server.snapshot().counts == {"A": 0, "B": 1}


def test_a_second_vote_from_the_same_phone_is_refused_with_the_first_choice(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    joined.vote("q1", "A")
    status, data, _, _ = joined.vote("q1", "B")
    assert (status, data["error"], data["choice"]) == (409, "already_voted", "A")
    assert server.snapshot().counts == {"A": 1, "B": 0}


def test_a_second_phone_has_its_own_vote(joined, server):
    other = Phone(server)
    other.join()
    server.open_question("q1", ["挂断", "转账"])
    joined.vote("q1", "A")
    assert other.vote("q1", "B")[0] == 200
    assert server.snapshot().counts == {"A": 1, "B": 1} and server.snapshot().devices_joined == 2


def test_a_vote_on_a_closed_question_is_refused(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    server.close_question()
    status, data, _, _ = joined.vote("q1", "A")
    assert (status, data["error"]) == (409, "closed")


def test_a_vote_on_an_unknown_question_is_refused(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    status, data, _, _ = joined.vote("q2", "A")
    assert (status, data["error"]) == (404, "unknown_question")


def test_a_letter_the_question_does_not_have_is_refused(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    assert joined.vote("q1", "C")[1]["error"] == "invalid_choice"


@pytest.mark.parametrize("body", [b"{not json", b'{"question": "q1", "choice": "A", "name": "Wang"}',
                                  b'{"question": "q1"}', b'"A"', b'{"question": "q1", "choice": "A"} x'])
def test_malformed_json_is_a_400_and_counts_nothing(joined, server, body):
    server.open_question("q1", ["挂断", "转账"])
    status, data, _, _ = joined.post("/api/vote", body)
    assert (status, data["error"]) == (400, "bad_request")
    assert server.snapshot().voters == 0


def test_an_oversized_body_is_a_413(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    padding = "x" * (vote_app.MAX_BODY * 4)
    status, data, _, _ = joined.post("/api/vote", json.dumps({"question": "q1", "choice": "A", "pad": padding}).encode())
    assert (status, data["error"]) == (413, "too_large")


def test_an_oversized_chunked_body_is_a_413(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    conn = http.client.HTTPConnection(server.host, server.port, timeout=10)
    try:
        conn.request("POST", "/api/vote", body=iter([b"{" + b" " * 600, b" " * 600 + b"}"]),
                     headers={"Content-Type": "application/json", "Cookie": joined.cookie},
                     encode_chunked=True)
        assert conn.getresponse().status == 413
    finally:
        conn.close()


def test_a_body_that_is_not_declared_json_is_a_415(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    status, data, _, _ = joined.request("POST", "/api/vote", b'{"question": "q1", "choice": "A"}',
                                        {"Content-Type": "text/plain"})
    assert (status, data["error"]) == (415, "not_json")


@pytest.mark.parametrize("query", ["v=abc", "v=99999999999", "v=-5"])
def test_a_bad_version_in_the_poll_is_a_400(joined, query):
    assert joined.request("GET", f"/api/state?{query}")[0] == 400


@pytest.mark.parametrize("path", ["/favicon.ico", "/api", "/api/state/../../etc/passwd", "/game/vote/page.py",
                                  "/.env"])
def test_nothing_but_the_page_and_the_api_is_served(phone, path):
    status, data, _, _ = phone.request("GET", path)
    assert (status, data["error"]) == (404, "not_found")


def test_a_wrong_method_is_a_405(phone):
    status, data, response, _ = phone.request("DELETE", "/api/vote")
    assert (status, data["error"]) == (405, "method_not_allowed")
    assert "POST" in response.getheader("Allow")


@pytest.mark.parametrize("host", ["evil.example:{port}", "localhost:{port}", "127.0.0.1:1", "127.0.0.2:{port}", ""])
def test_a_host_header_that_is_not_this_server_is_a_421(phone, server, host):
    status, data, _, _ = phone.request("GET", "/", headers={"Host": host.format(port=server.port)})
    assert (status, data["error"]) == (421, "wrong_host")


def test_a_phone_voting_too_fast_gets_a_429_with_retry_after(joined, server):
    server.open_question("q1", ["挂断", "转账"])
    statuses = [joined.post("/api/vote", b"{bad") for _ in range(8)]
    assert statuses[-1][0] == 429 and int(statuses[-1][2].getheader("Retry-After")) >= 1


def test_guessing_room_codes_soon_blocks_even_the_right_one(phone, server):
    wrong = [c for c in ("1000", "1001") if c != server.room_code][0]
    for _ in range(40):
        last = phone.join(wrong)
    assert last[0] == 429
    status, data, _, _ = phone.join()
    assert (status, data["error"]) == (429, "too_many_wrong_codes")


def _poll_in_background(phone, server, monkeypatch):
    """A phone waiting in a long poll (so only a wake-up can answer it), and where its answer lands."""
    monkeypatch.setattr(vote_app, "LONG_POLL_SECONDS", 600.0)
    phone.timeout = 20.0
    version = phone.state()[1]["v"]
    answer = {}
    waiting = threading.Thread(target=lambda: answer.update(r=phone.state(version)))
    waiting.start()
    for _ in range(1000):
        if server._app.waiting:
            return waiting, answer
        time.sleep(0.01)
    raise AssertionError("the phone never started waiting")


def test_opening_a_question_wakes_a_waiting_phone(joined, server, monkeypatch):
    waiting, answer = _poll_in_background(joined, server, monkeypatch)
    server.open_question("q1", ["挂断", "转账"])
    waiting.join(25)
    assert answer["r"][0] == 200 and answer["r"][1]["question"]["id"] == "q1"


def test_stopping_tells_a_waiting_phone_the_voting_has_ended(joined, server, monkeypatch):
    waiting, answer = _poll_in_background(joined, server, monkeypatch)
    server.stop()
    waiting.join(25)
    assert answer["r"][0] == 200 and answer["r"][1]["stopped"] is True
