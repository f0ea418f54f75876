"""The server's life: listening only between start and stop, only on the chosen address; the join URL and QR code."""

import logging
import socket
import struct
import subprocess
import sys
import time

import pytest
import segno

from conftest import Phone
from game.vote import VoteServer, VoteServerError


def _refused(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=5).close()
    except ConnectionRefusedError:
        return True
    return False


def test_nothing_listens_before_start_or_after_stop():
    s = VoteServer("127.0.0.1")
    assert s.port is None and s.status == "new"
    s.start()
    port = s.port
    assert s.status == "listening" and not _refused("127.0.0.1", port)
    s.stop()
    assert s.status == "stopped" and _refused("127.0.0.1", port)


def test_it_listens_only_on_the_address_chosen():
    s = VoteServer("127.0.0.2")          # another loopback address: the "LAN" side of this test
    s.start()
    try:
        assert not _refused("127.0.0.2", s.port)
        assert _refused("127.0.0.1", s.port)
    finally:
        s.stop()


def test_a_port_in_use_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        s = VoteServer("127.0.0.1", port=taken.getsockname()[1])
        with pytest.raises(VoteServerError, match="already in use"):
            s.start()
        assert s.status == "failed" and "already in use" in s.error


def test_an_address_this_machine_does_not_have_is_a_clear_error():
    s = VoteServer("192.0.2.123")        # TEST-NET-1: binding fails, nothing is sent
    with pytest.raises(VoteServerError, match="not an address of this computer"):
        s.start()


def test_start_without_waiting_reports_its_progress_through_status():
    s = VoteServer("127.0.0.1")
    s.start(wait=False)
    try:
        for _ in range(1000):
            if s.status != "starting":
                break
            time.sleep(0.01)
        assert s.status == "listening" and s.port
    finally:
        s.stop()


def test_stopping_while_still_starting_never_serves():
    s = VoteServer("127.0.0.1")
    s.start(wait=False)
    s.stop()
    assert s.status == "stopped"
    assert s.port is None or _refused("127.0.0.1", s.port)


def test_a_server_starts_once(server):
    with pytest.raises(RuntimeError):
        server.start()


def test_stop_is_safe_to_repeat_and_before_start():
    s = VoteServer("127.0.0.1")
    s.stop()
    s.stop()
    assert s.status == "stopped"


def test_the_counts_stay_readable_after_stop(server):
    p = Phone(server)
    p.join()
    server.open_question("q1", ["挂断", "转账"])
    p.vote("q1", "B")
    server.stop()
    assert server.close_question() == {"A": 0, "B": 1}
    assert server.results("q1") == {"A": 0, "B": 1}


@pytest.mark.parametrize("host", ["localhost", "::1", "example.org", "256.1.1.1", ""])
def test_the_host_must_be_an_ipv4_address(host):
    with pytest.raises(ValueError):
        VoteServer(host)


@pytest.mark.parametrize("code", ["123", "12a4", "١٢٣٤", "12345"])
def test_a_given_room_code_must_be_4_digits(code):
    with pytest.raises(ValueError):
        VoteServer("127.0.0.1", room_code=code)


def test_the_room_code_is_4_digits_and_differs_between_lessons():
    codes = {VoteServer("127.0.0.1").room_code for _ in range(30)}
    assert all(len(c) == 4 and c.isdigit() for c in codes)
    assert len(codes) > 1


def test_the_join_url_carries_address_port_and_room_code(server):
    assert server.url == f"http://127.0.0.1:{server.port}/"
    assert server.join_url == f"http://127.0.0.1:{server.port}/?c={server.room_code}"


def test_listening_on_every_interface_is_only_by_request_and_shows_a_real_address():
    s = VoteServer("0.0.0.0")
    s.start()
    try:
        assert not s.url.startswith("http://0.0.0.0")
        p = Phone(s)
        p.server = type("Loopback", (), {"host": "127.0.0.1", "port": s.port, "room_code": s.room_code})()
        assert p.join()[0] == 200
    finally:
        s.stop()


def test_the_qr_code_encodes_the_join_url(server):
    expected = segno.make_qr(server.join_url, error="m").matrix
    matrix = server.qr_matrix()
    assert len(matrix) == len(expected) and all(len(row) == len(matrix) for row in matrix)
    assert matrix == tuple(tuple(bool(v) for v in row) for row in expected)


def test_the_qr_png_is_a_png_of_whole_modules_with_a_quiet_zone(server):
    png = server.qr_png(scale=6, border=4)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == height == (len(server.qr_matrix()) + 8) * 6


def test_no_address_is_logged(server, caplog):
    caplog.set_level(logging.DEBUG)
    p = Phone(server)
    p.request("GET", "/")
    p.join()
    p.request("GET", "/nothing-here")
    assert "127.0.0.1" not in caplog.text


def test_importing_the_package_loads_no_web_server():
    code = "import sys, game.vote; print(sorted(m for m in ('aiohttp', 'asyncio', 'psutil') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
