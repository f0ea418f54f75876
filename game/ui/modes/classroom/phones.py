"""Phone voting in the classroom (where phones are allowed): the lesson's vote server.

The teacher switches it on in the set-up and picks the network interface; the server starts with
the lesson (without waiting for the socket: the game loop never waits on the network) and stops
when the lesson ends. Each vote opens a question on it; the vote card reads the live split from
``snapshot()`` (a copy under a lock) every frame.
"""

from __future__ import annotations

import logging

from game.vote import VoteServer, VoteServerError, default_interface, list_interfaces

log = logging.getLogger("game.classroom")


def interfaces() -> list:
    """The addresses a teacher can choose (the default route's first); empty without a network."""
    try:
        found = list_interfaces()
    except OSError:
        return []
    first = default_interface(found)
    return sorted(found, key=lambda i: (i is not first, i.is_loopback, i.name))


class LessonPhones:
    """The vote server of one lesson and the questions asked on it."""

    def __init__(self, address: str, locale: str):
        self.server = VoteServer(address, port=0, locale=locale)
        self.asked = 0

    def start(self) -> None:
        try:
            self.server.start(wait=False)
        except VoteServerError as exc:
            log.warning("phone voting could not start: %s", exc)

    @property
    def ready(self) -> bool:
        return self.server.status == "listening"

    @property
    def problem(self) -> str:
        return (self.server.error or "") if self.server.status == "failed" else ""

    def ask(self, options: list[str], prompt: str) -> str | None:
        """Open a question on the phones; its id (None when the server is not listening)."""
        if not self.ready:
            return None
        self.asked += 1
        question = f"q{self.asked}"
        self.server.open_question(question, options, prompt=prompt)
        return question

    def counts(self, n: int) -> list[int]:
        snap = self.server.snapshot()
        return [snap.counts.get(letter, 0) for letter in "ABCDEFGH"[:n]]

    def close(self, n: int) -> list[int]:
        final = self.server.close_question() if self.ready else {}
        return [final.get(letter, 0) for letter in "ABCDEFGH"[:n]]

    def stop(self) -> None:
        self.server.stop()
