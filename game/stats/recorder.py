"""``StatsRecorder``: what the game calls to record anonymous play statistics.

Each call is one short transaction, committed before it returns, so a crash
or SIGKILL at any moment leaves a consistent database holding everything
recorded so far — every ended session included.

Statistics must never stop a game: database trouble (disk full, locked,
corrupt, unwritable folder) is logged, kept in ``last_error`` and otherwise
ignored; calls then return None. Wrong arguments are a bug in the caller and
raise ValueError. Values are checked against content ids and the content enums
so no names or free text can slip into the database.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from game.content.models import Audience, EndingOutcome, Ladder, Outcome, Technique

from .db import StatsError, default_db_path, iso_utc, is_corruption, open_for_writing, transaction, utc_now
from .facts import PHASES, close_session, cut_off_stale
from .queries import session_check
from .site import SiteInfo, load_site

if TYPE_CHECKING:
    from game.content.models import Scenario
    from game.rules.scenes import SceneResult

log = logging.getLogger("game.stats")

MODES = ("normal", "kiosk", "classroom", "autoplay")
KINDS = ("scenario", "quiz")
SEAT_UNITS = ("person", "team")
MAX_PLAYERS = 16

_ID = r"[a-z][a-z0-9_]{0,63}"
_ID_OR_EMPTY_RE = re.compile(rf"^({_ID})?$")
_ID_RE = re.compile(rf"^{_ID}$")
# Scenario id; a quiz item as 'pool_id:item_id' or the rules engine's 'pool_id#index'.
_ITEM_ID_RE = re.compile(rf"^{_ID}(:{_ID}|#[0-9]{{1,6}})?$")
_LOCALE_RE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]{2,8})*$")

INSERT_SESSION = """INSERT INTO sessions (started_at, mode, pack, audience, locale, board, players, uuid, device_id,
                                          site, district, local_day, humans, computers, seat_unit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
MAX_HANDS = 999          # one option's hands in a class's check (a class, not a stadium)
INSERT_CHECK = "INSERT INTO checks (session_id, phase, item_id, scam_type, correct) VALUES (?, ?, ?, ?, ?)"
INSERT_SCENE = """INSERT INTO scenes (session_id, kind, item_id, scam_type, ending, correct, money_lost,
                                      furthest, techniques, duration_s)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
END_SCENE = "UPDATE scenes SET ending = ?, correct = ?, money_lost = ?, furthest = ?, duration_s = ? WHERE id = ?"
INSERT_CHOICE = """INSERT INTO choices (scene_id, node, choice_index, outcome, ladder, techniques, duration_s)
                   VALUES (?, ?, ?, ?, ?, ?, ?)"""


def time_ordered_id(moment: datetime) -> str:
    """A random 128-bit id whose first 48 bits are the time in ms (as UUID version 7): ids made later
    sort later, so the county's indexes grow at one end instead of being written all over."""
    return f"{int(moment.timestamp() * 1000) & 0xFFFFFFFFFFFF:012x}7{uuid.uuid4().hex[13:]}"


@dataclass(frozen=True)
class ChoiceRecord:
    """One choice a player made in a scenario (for ``record_scene``)."""

    node: str
    choice_index: int
    outcome: Outcome | str
    ladder: Ladder | str
    techniques: tuple[Technique | str, ...] = ()
    duration_s: float | None = None


@dataclass
class _Open:
    started: float          # monotonic
    kind: str = ""          # scenes only
    session: int = 0        # scenes only


class StatsRecorder:
    def __init__(self, path: Path | str | None = None, *, clock: Callable[[], datetime] = utc_now,
                 timer: Callable[[], float] = time.monotonic, site: SiteInfo | None = None):
        """Open (creating, checking, repairing) the database. See ``notice`` and ``last_error``.

        ``site``: the device and place every session is stamped with; by default read from
        ``site.json`` at each session start, so the operator's changes apply to the next game.
        """
        self.path = Path(path) if path is not None else default_db_path()
        self.site = site
        self.notice: str | None = None       # for the operator: the database was replaced
        self.last_error: str | None = None
        self._clock, self._timer = clock, timer
        self._sessions: dict[int, _Open] = {}
        self._scenes: dict[int, _Open] = {}
        self._conn: sqlite3.Connection | None = None
        self._connect()

    @property
    def available(self) -> bool:
        return self._conn is not None

    # ------------------------------------------------------------ sessions

    def start_session(self, *, mode: str, audience: Audience | str, players: int, pack: str = "",
                      locale: str = "zh_Hans", board: str = "", computers: int = 0,
                      seat_unit: str = "person") -> int | None:
        """A game begins. ``players``: seats taken; ``computers``: how many of them the computer
        plays (the rest are people — or teams, with ``seat_unit="team"`` in a classroom)."""
        _check(mode in MODES, "mode", mode)
        audience = _enum(Audience, audience, "audience")
        _check(isinstance(players, int) and 1 <= players <= MAX_PLAYERS, "players", players)
        _check(isinstance(computers, int) and 0 <= computers <= players, "computers", computers)
        _check(seat_unit in SEAT_UNITS, "seat_unit", seat_unit)
        _check_id(pack, "pack", empty_ok=True)
        _check_id(board, "board", empty_ok=True)
        _check(isinstance(locale, str) and _LOCALE_RE.match(locale), "locale", locale)
        site = self.site or load_site()
        now = self._clock()
        row = (iso_utc(now), mode, pack, audience, locale, board, players, time_ordered_id(now), site.device_id,
               site.site, site.district, now.astimezone().date().isoformat(), players - computers, computers,
               seat_unit)
        session_id = self._write("start_session", lambda c: c.execute(INSERT_SESSION, row).lastrowid)
        if session_id is not None:
            self._sessions[session_id] = _Open(self._timer())
        return session_id

    def end_session(self, session_id: int | None, finished: bool, duration_s: float | None = None) -> bool:
        """Close a session; ``finished`` = the game reached its end (not abandoned or timed out)."""
        duration = _duration(duration_s)
        opened = self._sessions.get(session_id)
        if opened is None:
            self._unknown("session", session_id)
            return False
        if duration is None:
            duration = _duration(self._timer() - opened.started)
        ended = iso_utc(self._clock())
        status = "completed" if finished else "abandoned"

        def write(conn: sqlite3.Connection) -> bool:
            if not close_session(conn, session_id, status=status, ended_at=ended, duration_s=duration):
                raise sqlite3.IntegrityError("statistics: the session was already closed")
            return True

        if self._write("end_session", write) is None:
            return False
        del self._sessions[session_id]
        for scene_id in [k for k, v in self._scenes.items() if v.session == session_id]:
            del self._scenes[scene_id]   # scenes left open end with their session
        return True

    # ------------------------------------------------------------ scenes

    def begin_scene(self, session_id: int | None, *, kind: str, item_id: str, scam_type: str = "",
                    techniques: Iterable[Technique | str] = ()) -> int | None:
        """Start a scene whose choices are recorded one by one; close it with ``end_scene``."""
        row = _scene_row(session_id, kind, item_id, scam_type, None, None, 0, None, techniques, None)
        if session_id not in self._sessions:
            return self._unknown("session", session_id)
        scene_id = self._write("begin_scene", lambda c: c.execute(INSERT_SCENE, row).lastrowid)
        if scene_id is not None:
            self._scenes[scene_id] = _Open(self._timer(), kind, session_id)
        return scene_id

    def record_choice(self, scene_id: int | None, *, node: str, choice_index: int, outcome: Outcome | str,
                      ladder: Ladder | str, techniques: Iterable[Technique | str] = (),
                      duration_s: float | None = None) -> int | None:
        row = _choice_row(scene_id, ChoiceRecord(node, choice_index, outcome, ladder, tuple(techniques),
                                                 duration_s))
        if scene_id not in self._scenes:
            return self._unknown("scene", scene_id)
        return self._write("record_choice", lambda c: c.execute(INSERT_CHOICE, row).lastrowid)

    def end_scene(self, scene_id: int | None, *, ending: EndingOutcome | str | None = None,
                  correct: bool | None = None, money_lost: int = 0, furthest: Ladder | str | None = None,
                  duration_s: float | None = None) -> bool:
        """Close a scene. ``furthest`` defaults to the deepest ladder step of its recorded choices."""
        duration = _duration(duration_s)
        opened = self._scenes.get(scene_id)
        if opened is None:
            self._unknown("scene", scene_id)
            return False
        ending, correct, money_lost, furthest = _result(opened.kind, ending, correct, money_lost, furthest)
        if duration is None:
            duration = _duration(self._timer() - opened.started)

        def write(conn: sqlite3.Connection) -> bool:
            deepest = furthest
            if deepest is None and opened.kind == "scenario":
                deepest = _deepest(r[0] for r in conn.execute(
                    "SELECT ladder FROM choices WHERE scene_id = ?", (scene_id,)))
            conn.execute(END_SCENE, (ending, correct, money_lost, deepest, duration, scene_id))
            return True

        if self._write("end_scene", write) is None:
            return False
        del self._scenes[scene_id]
        return True

    def record_scene(self, session_id: int | None, *, kind: str, item_id: str, scam_type: str = "",
                     ending: EndingOutcome | str | None = None, correct: bool | None = None,
                     money_lost: int = 0, furthest: Ladder | str | None = None,
                     techniques: Iterable[Technique | str] = (), duration_s: float | None = None,
                     choices: Iterable[ChoiceRecord] = ()) -> int | None:
        """A whole scene with its choices in one transaction (e.g. from a finished scenario run)."""
        ending, correct, money_lost, furthest = _result(kind, ending, correct, money_lost, furthest)
        choice_rows = [_choice_row(0, c) for c in choices]
        if furthest is None and kind == "scenario":
            furthest = _deepest(row[4] for row in choice_rows)
        scene_row = _scene_row(session_id, kind, item_id, scam_type, ending, correct, money_lost, furthest,
                               techniques, _duration(duration_s))
        if session_id not in self._sessions:
            return self._unknown("session", session_id)

        def write(conn: sqlite3.Connection) -> int:
            scene_id = conn.execute(INSERT_SCENE, scene_row).lastrowid
            conn.executemany(INSERT_CHOICE, [(scene_id, *row[1:]) for row in choice_rows])
            return scene_id

        return self._write("record_scene", write)

    def record_result(self, session_id: int | None, result: SceneResult, *, scenario: Scenario | None = None,
                      money_lost: int | None = None, duration_s: float | None = None) -> int | None:
        """Record a finished ``ScenarioRunner``/``QuizRunner`` result in one transaction.

        A scenario result with choices needs its ``scenario`` to know where each
        choice was taken. ``money_lost`` defaults to what the choices asked for
        (pass the scored, balance-capped amount when you have it).
        """
        techniques: tuple = ()
        choices: list[ChoiceRecord] = []
        if result.kind == "quiz":
            techniques = tuple(result.techniques)
        elif result.choices:
            if scenario is None or scenario.id != result.ref:
                raise ValueError("statistics: record_result needs the scenario the choices were taken in")
            choices = list(_locate_choices(scenario, result.choices))
        if money_lost is None:
            money_lost = result.money_asked
        return self.record_scene(session_id, kind=result.kind, item_id=result.ref,
                                 scam_type=result.scam_type or "", ending=result.ending, correct=result.correct,
                                 money_lost=money_lost, techniques=techniques, duration_s=duration_s,
                                 choices=choices)

    # ------------------------------------------------------------ learning check

    def record_check(self, session_id: int | None, *, phase: str, item_id: str, scam_type: str,
                     correct: bool) -> int | None:
        """One answer of the anonymous learning check: ``phase`` "before" (before the first roll)
        or "after" (after the game), on a quiz item of ``scam_type``."""
        _check(phase in PHASES, "phase", phase)
        _check_id(item_id, "item_id", pattern=_ITEM_ID_RE)
        _check_id(scam_type, "scam_type")
        _check(isinstance(correct, bool), "correct", correct)
        if session_id not in self._sessions:
            return self._unknown("session", session_id)
        row = (session_id, phase, item_id, scam_type, int(correct))
        return self._write("record_check", lambda c: c.execute(INSERT_CHECK, row).lastrowid)

    def record_check_hands(self, session_id: int | None, *, phase: str, item_id: str, scam_type: str,
                           right: int, wrong: int) -> int | None:
        """A class's show of hands on one check item: one anonymous answer row per hand (``right``
        rows right, ``wrong`` rows wrong), written in one transaction. Returns the rows written."""
        _check(phase in PHASES, "phase", phase)
        _check_id(item_id, "item_id", pattern=_ITEM_ID_RE)
        _check_id(scam_type, "scam_type")
        for name, n in (("right", right), ("wrong", wrong)):
            _check(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_HANDS, name, n)
        if session_id not in self._sessions:
            return self._unknown("session", session_id)
        rows = [(session_id, phase, item_id, scam_type, 1)] * right + [(session_id, phase, item_id, scam_type, 0)] * wrong
        return self._write("record_check_hands", lambda c: c.executemany(INSERT_CHECK, rows).rowcount)

    def session_check(self, session_id: int) -> dict | None:
        """A game's learning check so far (``queries.session_check``); None without a database or
        when it cannot be read (logged)."""
        if self._conn is None:
            return None
        try:
            return session_check(self._conn, session_id)
        except sqlite3.Error as exc:
            self.last_error = f"session_check: {exc}"
            log.warning("statistics: the check of session %s not read: %s", session_id, exc)
            return None

    # ------------------------------------------------------------ plumbing

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> StatsRecorder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _connect(self) -> None:
        self._sessions.clear()   # ids from an earlier database mean nothing in a new one
        self._scenes.clear()
        try:
            self._conn, notice = open_for_writing(self.path)
        except StatsError as exc:
            self._conn = None
            self.last_error = str(exc)
            log.warning("statistics off: %s", exc)
            return
        if notice:
            self.notice = notice
            log.warning("%s", notice)
        self._write("cut_off_stale", lambda c: cut_off_stale(c, self._clock()))

    def _write(self, what: str, work: Callable[[sqlite3.Connection], object]):
        if self._conn is None:
            return None
        try:
            with transaction(self._conn):
                return work(self._conn)
        except sqlite3.Error as exc:
            self.last_error = f"{what}: {exc}"
            log.warning("statistics: %s failed: %s", what, exc)
            if is_corruption(exc):
                self.close()
                self._connect()   # sets the damaged file aside and starts a new one
            return None

    def _unknown(self, what: str, ident: object) -> None:
        # None ids come from calls that failed earlier (already logged); others are caller mistakes
        # or ids from a database that was replaced meanwhile.
        if ident is not None:
            log.warning("statistics: no open %s %r", what, ident)
        return None


# ---------------------------------------------------------------- checking values

def _check(ok: object, name: str, value: object) -> None:
    if not ok:
        raise ValueError(f"statistics: bad {name}: {value!r}")


def _check_id(value: object, name: str, *, empty_ok: bool = False, pattern: re.Pattern = _ID_RE) -> None:
    ok = isinstance(value, str) and ((empty_ok and _ID_OR_EMPTY_RE.match(value)) or pattern.match(value))
    _check(ok, name, value)


def _enum(enum_cls: type[Enum], value: object, name: str) -> str:
    try:
        return enum_cls(value).value
    except ValueError:
        raise ValueError(f"statistics: bad {name}: {value!r}") from None


def _techniques(values: Iterable[Technique | str]) -> str:
    if isinstance(values, str):
        raise ValueError(f"statistics: techniques must be a list, not {values!r}")
    seen: list[str] = []
    for value in values:
        text = _enum(Technique, value, "technique")
        if text not in seen:
            seen.append(text)
    return ",".join(seen)


def _duration(seconds: float | None) -> float | None:
    if seconds is None:
        return None
    _check(isinstance(seconds, (int, float)) and not isinstance(seconds, bool) and seconds >= 0,
           "duration_s", seconds)
    return round(float(seconds), 3)


def _deepest(ladders: Iterable[str]) -> str | None:
    """Deepest non-credit step, as scoring counts it: 'ignored' when only credit steps were taken."""
    steps = [Ladder(v) for v in ladders]
    if not steps:
        return None
    return max((s for s in steps if not s.is_credit), key=lambda s: s.rank, default=Ladder.IGNORED).value


def _locate_choices(scenario: Scenario, taken) -> Iterable[ChoiceRecord]:
    """Walk the script from its start to find the node and index of every choice taken."""
    node = scenario.nodes[scenario.start]
    for choice in taken:
        try:
            index = node.choices.index(choice)
        except ValueError:
            raise ValueError(f"statistics: choice {choice.text!r} is not on node {node.id!r}") from None
        yield ChoiceRecord(node.id, index, choice.outcome, choice.ladder, tuple(choice.techniques))
        node = scenario.nodes[choice.to]


def _result(kind: str, ending, correct, money_lost, furthest):
    _check(kind in KINDS, "kind", kind)
    if ending is not None:
        _check(kind == "scenario", "ending (only scenarios have one)", ending)
        ending = _enum(EndingOutcome, ending, "ending")
    if correct is not None:
        _check(kind == "quiz" and isinstance(correct, bool), "correct", correct)
        correct = int(correct)
    _check(isinstance(money_lost, int) and not isinstance(money_lost, bool) and money_lost >= 0,
           "money_lost", money_lost)
    if furthest is not None:
        furthest = _enum(Ladder, furthest, "furthest")
    return ending, correct, money_lost, furthest


def _scene_row(session_id, kind, item_id, scam_type, ending, correct, money_lost, furthest, techniques,
               duration):
    _check(kind in KINDS, "kind", kind)
    _check_id(item_id, "item_id", pattern=_ITEM_ID_RE)
    _check_id(scam_type, "scam_type", empty_ok=True)
    return (session_id, kind, item_id, scam_type, ending, correct, money_lost, furthest,
            _techniques(techniques), duration)


def _choice_row(scene_id: int, choice: ChoiceRecord) -> tuple:
    _check_id(choice.node, "node")
    _check(isinstance(choice.choice_index, int) and not isinstance(choice.choice_index, bool)
           and choice.choice_index >= 0, "choice_index", choice.choice_index)
    return (scene_id, choice.node, choice.choice_index, _enum(Outcome, choice.outcome, "outcome"),
            _enum(Ladder, choice.ladder, "ladder"), _techniques(choice.techniques), _duration(choice.duration_s))
