"""The vote itself: devices, the open question, one ballot per device — no network, no I/O.

``VoteBook`` is shared by two threads: the web server's (joins, ballots, long polls) and the
game's (opening and closing questions, reading the split). One lock guards everything; each
method holds it for a few dictionary operations and never while waiting, so the game's
``snapshot()`` never waits on a phone.

A device is a random token the server hands out when a phone joins with the right room code.
The book keeps nothing else about it: no name, no address, no free text — only which letter
it chose for each question and when it was last heard from (to count phones still online).
A second ballot from the same device for the same question is refused (``AlreadyVoted``):
a class votes the way it shows hands, once, and a phone that could change its answer would
let a neighbour's screen sway it after the fact.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

LETTERS = "ABCDEFGH"
MIN_OPTIONS, MAX_OPTIONS = 2, len(LETTERS)
MAX_PROMPT = 600          # characters; longer than any scene line, short enough for a phone
MAX_OPTION = 300
MAX_DEVICES = 2000        # a lecture hall is ~300; past this a join is refused, memory stays bounded
ONLINE_SECONDS = 30.0     # a phone that polled within this long counts as online (it polls every ≤ 20 s)
QUESTION_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")   # used with fullmatch
TOKEN_BYTES = 18          # 144 random bits, 24 URL-safe characters


class VoteError(Exception):
    """A phone's request the book refuses; ``code`` is the machine-readable reason."""

    code = "refused"


class UnknownDevice(VoteError):
    code = "unknown_device"


class UnknownQuestion(VoteError):
    code = "unknown_question"


class QuestionClosed(VoteError):
    code = "closed"


class AlreadyVoted(VoteError):
    code = "already_voted"

    def __init__(self, choice: str):
        super().__init__(f"this device already voted {choice}")
        self.choice = choice


class InvalidChoice(VoteError):
    code = "invalid_choice"


class RoomFull(VoteError):
    code = "room_full"


@dataclass(frozen=True)
class VoteSnapshot:
    """What the projector shows, copied under the lock: safe to keep and read from any thread."""

    question_id: str | None          # None before the first question
    counts: dict[str, int]           # letter → ballots, in option order (A, B, C…)
    voters: int                      # ballots cast for this question
    devices_joined: int              # phones that joined this lesson
    devices_online: int              # of those, heard from in the last ONLINE_SECONDS
    open: bool                       # ballots are still accepted
    seconds_left: float | None       # of a timed question, else None
    version: int                     # changes whenever a question opens or closes

    @property
    def shares(self) -> dict[str, float]:
        """letter → fraction of the ballots (0.0 each when nobody voted yet)."""
        return {k: (v / self.voters if self.voters else 0.0) for k, v in self.counts.items()}


@dataclass
class Question:
    question_id: str
    prompt: str
    options: tuple[str, ...]
    deadline: float | None            # monotonic time, for a timed question
    ballots: dict[str, str] = field(default_factory=dict)   # device token → letter
    closed: bool = False

    @property
    def letters(self) -> str:
        return LETTERS[:len(self.options)]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(self.letters, 0)
        for letter in self.ballots.values():
            out[letter] += 1
        return out


def check_question(question_id: str, options, prompt: str, seconds) -> tuple[str, ...]:
    """The game's question as the book stores it; ValueError names what is wrong."""
    if not isinstance(question_id, str) or not QUESTION_ID.fullmatch(question_id):
        raise ValueError(f"question_id must be 1–64 of A-Z a-z 0-9 _ . : - (got {question_id!r})")
    options = tuple(options)
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise ValueError(f"a question needs {MIN_OPTIONS}–{MAX_OPTIONS} options (got {len(options)})")
    for text in options:
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_OPTION:
            raise ValueError(f"each option is a non-empty text of at most {MAX_OPTION} characters")
    if not isinstance(prompt, str) or len(prompt) > MAX_PROMPT:
        raise ValueError(f"prompt must be a text of at most {MAX_PROMPT} characters")
    if seconds is not None and not (isinstance(seconds, (int, float)) and 0 < seconds <= 3600):
        raise ValueError(f"seconds must be None or between 0 and 3600 (got {seconds!r})")
    return options


class VoteBook:
    """Devices and questions of one lesson. Every public method is thread-safe.

    ``on_change`` (set by the server) is called, outside the lock, after a question opens or
    closes, so waiting phones hear of it at once.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._devices: dict[str, float] = {}          # token → last heard (monotonic)
        self._questions: dict[str, Question] = {}
        self._current: Question | None = None
        self._version = 0
        self.on_change: Callable[[], None] | None = None

    # ---- the game's side -------------------------------------------------------------------

    def open_question(self, question_id: str, options, prompt: str = "", seconds: float | None = None) -> None:
        """Start taking ballots; a question still open is closed first (its counts stay in
        ``results``). Question ids are unique within a lesson: ValueError on a reused one."""
        options = check_question(question_id, options, prompt, seconds)
        with self._lock:
            if question_id in self._questions:
                raise ValueError(f"question {question_id!r} was already asked in this lesson")
            if self._current is not None:
                self._current.closed = True
            deadline = None if seconds is None else self._clock() + seconds
            self._current = Question(question_id, prompt, options, deadline)
            self._questions[question_id] = self._current
            self._version += 1
        self._changed()

    def close_question(self) -> dict[str, int]:
        """Stop taking ballots; the final letter → count of the current question ({} if none)."""
        with self._lock:
            question = self._current
            if question is None:
                return {}
            was_open = not question.closed
            question.closed = True
            if was_open:
                self._version += 1
            counts = question.counts()
        if was_open:
            self._changed()
        return counts

    def results(self, question_id: str) -> dict[str, int]:
        """letter → count of any question of this lesson; KeyError for one never asked."""
        with self._lock:
            return self._questions[question_id].counts()

    def snapshot(self) -> VoteSnapshot:
        now = self._clock()
        with self._lock:
            q = self._current
            online = sum(1 for seen in self._devices.values() if now - seen <= ONLINE_SECONDS)
            if q is None:
                return VoteSnapshot(None, {}, 0, len(self._devices), online, False, None, self._version)
            is_open = self._is_open(q, now)
            left = None if q.deadline is None else max(0.0, q.deadline - now)
            return VoteSnapshot(q.question_id, q.counts(), len(q.ballots), len(self._devices), online,
                                is_open, left, self._version)

    # ---- the phones' side (called by the server) ------------------------------------------

    def new_device(self) -> str:
        with self._lock:
            if len(self._devices) >= MAX_DEVICES:
                raise RoomFull(f"this room already has {MAX_DEVICES} phones")
            token = secrets.token_urlsafe(TOKEN_BYTES)
            self._devices[token] = self._clock()
            return token

    def knows(self, token: str | None) -> bool:
        with self._lock:
            return token is not None and token in self._devices

    def view(self, token: str) -> dict:
        """What one phone sees: the current question and its own ballot, never the split."""
        now = self._clock()
        with self._lock:
            self._seen(token, now)
            q = self._current
            state: dict = {"v": self._version, "question": None}
            if q is not None:
                left = None if q.deadline is None else round(max(0.0, q.deadline - now), 1)
                state["question"] = {
                    "id": q.question_id, "prompt": q.prompt, "open": self._is_open(q, now),
                    "seconds_left": left,
                    "options": [{"letter": k, "text": t} for k, t in zip(q.letters, q.options)],
                    "my_vote": q.ballots.get(token)}
            return state

    def vote(self, token: str, question_id: str, letter: str) -> int:
        """Record one ballot; returns how many ballots the question has with it."""
        now = self._clock()
        with self._lock:
            self._seen(token, now)
            q = self._questions.get(question_id)
            if q is None:
                raise UnknownQuestion(f"no question {question_id!r} in this lesson")
            if not self._is_open(q, now):
                raise QuestionClosed(f"question {question_id!r} is closed")
            if letter not in q.letters:
                raise InvalidChoice(f"question {question_id!r} has options {', '.join(q.letters)}")
            if token in q.ballots:
                raise AlreadyVoted(q.ballots[token])
            q.ballots[token] = letter
            return len(q.ballots)

    def version(self) -> int:
        with self._lock:
            return self._version

    def seconds_to_deadline(self) -> float | None:
        """Until the open question's deadline passes, for a long poll to wake in time."""
        now = self._clock()
        with self._lock:
            q = self._current
            if q is None or q.deadline is None or not self._is_open(q, now):
                return None
            return q.deadline - now

    # ---- inside the lock ---------------------------------------------------------------------

    def _seen(self, token: str, now: float) -> None:
        if token not in self._devices:
            raise UnknownDevice("this phone has not joined this lesson")
        self._devices[token] = now

    @staticmethod
    def _is_open(q: Question, now: float) -> bool:
        return not q.closed and (q.deadline is None or now < q.deadline)

    def _changed(self) -> None:
        callback = self.on_change
        if callback is not None:
            callback()
