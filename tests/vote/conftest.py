"""A vote server on loopback for each test, and a small phone that speaks its HTTP."""

import http.client
import json

import pytest

from game.vote import VoteServer


class Phone:
    """One device: its own cookie, plain HTTP/1.1 over a real socket."""

    def __init__(self, server: VoteServer, timeout: float = 30.0):
        self.server = server
        self.timeout = timeout
        self.cookie: str | None = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection(self.server.host, self.server.port, timeout=self.timeout)
        try:
            sent = dict(headers or {})
            if self.cookie and "Cookie" not in sent:
                sent["Cookie"] = self.cookie
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            raw = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    self.cookie = value.split(";", 1)[0]
            data = None
            if response.getheader("Content-Type", "").startswith("application/json"):
                data = json.loads(raw)
            return response.status, data, response, raw
        finally:
            conn.close()

    def post(self, path: str, payload, headers: dict | None = None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return self.request("POST", path, body, {"Content-Type": "application/json", **(headers or {})})

    def join(self, code: str | None = None):
        return self.post("/api/join", {"room": code or self.server.room_code})

    def state(self, version: int = -1):
        return self.request("GET", f"/api/state?v={version}")

    def vote(self, question: str, choice: str):
        return self.post("/api/vote", {"question": question, "choice": choice})


@pytest.fixture
def server():
    s = VoteServer("127.0.0.1", port=0, locale="zh_Hans")
    s.start()
    yield s
    s.stop()


@pytest.fixture
def phone(server):
    return Phone(server)


@pytest.fixture
def joined(server):
    p = Phone(server)
    assert p.join()[0] == 200
    return p
