"""Anonymous play statistics from a running game: follows the scene stack, writes through ``StatsRecorder``.

* a board (not the attract demo) joins the stack → a session starts (mode, pack,
  audience, locale, board, seats taken and how many of them the computer plays; in a
  classroom each seat is a team; under --autoplay every seat is the computer's — no names,
  no class name);
* a scam script starts → a scene starts; each choice is recorded as it is taken
  (the runner's listener; not a classroom choice taken after the teacher revealed the answer),
  the ending when the script is played to its end;
* a quiz question answered on the board, or by each team in a classroom quiz round → one quiz scene;
* the results (or the class summary at the end of the game) → the session ends *finished*;
* the board leaves the stack any other way (kiosk idle reset, back to the title, quit)
  → the session ends unfinished. A teacher ending the class from the summary counts as finished.

With ``--autoplay`` each session that ended finished prints ``FINISHED <id>`` (flushed),
so a test can kill the process at any moment and know what must be in the database.
Statistics never stop a game: every error is logged and forgotten.
"""

from __future__ import annotations

import logging
import re

from game.content.models import Audience

log = logging.getLogger("game.stats")

_ITEM_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def seat_kinds(app, board_scene) -> tuple[int, int, str]:
    """(seats taken, seats the computer plays, "person" or "team") as the board shows them.
    Under --autoplay (and the monkey) nobody is there: every seat is the computer's."""
    players = board_scene.players
    seats = max(1, len(players))
    computers = seats if app.autoplay else sum(1 for p in players if p.computer)
    unit = "team" if app.stats_mode == "classroom" else "person"
    return seats, min(computers, seats), unit


class PlayStats:
    def __init__(self, app, path=None):
        self.app = app
        self._path = path
        self._recorder = None
        self.session: int | None = None
        self.board = None
        self._scenes: dict[int, int] = {}     # id(ScenarioScene) → scene row id
        self.finished_ids: list[int] = []
        self.last_session: int | None = None   # the class summary reads its check after the game closed
        app.stack.observers.append(self)

    @property
    def recorder(self):
        """The database, opened when first needed: the title shows before SQLite and the
        statistics modules are loaded."""
        if self._recorder is None:
            # SQLite and the statistics modules load when first used, not before the title
            from game.stats import StatsRecorder
            from game.stats.site import left_alone, load_site
            if self.app.keeps_site:
                self._recorder = StatsRecorder(self._path)
            else:   # a throw-away run stamps its sessions with the site as it is and never writes site.json
                with left_alone():
                    self._recorder = StatsRecorder(self._path, site=load_site(keep=False))
        return self._recorder

    @property
    def path(self):
        return self.recorder.path

    @property
    def notice(self) -> str | None:
        return self.recorder.notice

    @property
    def last_error(self) -> str | None:
        return self.recorder.last_error

    def close(self) -> None:
        if self.session is not None:
            self.end_game(False)
        if self._recorder is not None:
            self._recorder.close()
        if self in self.app.stack.observers:
            self.app.stack.observers.remove(self)

    # ------------------------------------------------------------ stack observer
    def scene_entered(self, scene) -> None:
        name = scene.name
        if name == "board":
            if not scene.demo:
                self.start_game(scene)
        elif name == "scenario":
            self._begin_scenario(scene)
        elif name == "results" or (name == "class_summary" and scene.ends_game):
            if self.session is not None:
                self.end_game(True)

    def scene_left(self, scene) -> None:
        if scene is self.board:
            self.end_game(bool(getattr(scene, "class_ended", False)))
        elif scene.name == "scenario":
            self._end_scenario(scene)
        elif scene.name == "quiz":
            if scene.finished and scene.answer is not None:
                self._board_quiz(scene)

    # ------------------------------------------------------------ sessions
    def start_game(self, board_scene) -> None:
        if self.session is not None:
            self.end_game(False)
        pack = board_scene.pack
        audience = pack.audience if pack is not None else Audience.GENERAL
        seats, computers, unit = seat_kinds(self.app, board_scene)
        try:
            self.session = self.recorder.start_session(
                mode=self.app.stats_mode, audience=audience, players=seats, computers=computers, seat_unit=unit,
                pack=pack.id if pack is not None else "", locale=self.app.locale, board=board_scene.board.id)
        except ValueError as exc:
            log.warning("statistics: session not started: %s", exc)
            self.session = None
        self.board = board_scene if self.session is not None else None
        self._scenes.clear()

    def end_game(self, finished: bool) -> None:
        session, self.session, self.board = self.session, None, None
        self._scenes.clear()
        if session is None:
            return
        self.last_session = session
        if self.recorder.end_session(session, finished) and finished:
            self.finished_ids.append(session)
            if self.app.autoplay and not self.app.monkey:
                print(f"FINISHED {session}", flush=True)

    # ------------------------------------------------------------ scenes
    def _begin_scenario(self, scene) -> None:
        if self.session is None:
            return
        scenario = scene.scenario
        try:
            scene_id = self.recorder.begin_scene(self.session, kind="scenario", item_id=scenario.id,
                                                 scam_type=scenario.scam_type or "")
        except ValueError as exc:
            log.warning("statistics: scene not recorded: %s", exc)
            return
        if scene_id is None:
            return
        self._scenes[id(scene)] = scene_id

        def chose(node, index, choice, scene_id=scene_id, runner=scene.runner):
            if runner.last_revealed:      # taken after the teacher revealed the answer: not counted
                return
            try:
                self.recorder.record_choice(scene_id, node=node.id, choice_index=index, outcome=choice.outcome,
                                            ladder=choice.ladder, techniques=choice.techniques)
            except ValueError as exc:
                log.warning("statistics: choice not recorded: %s", exc)

        scene.runner.listeners.append(chose)

    def _end_scenario(self, scene) -> None:
        scene_id = self._scenes.pop(id(scene), None)
        result = scene.result
        if scene_id is None or not scene.finished or result is None:
            return   # left unfinished (skipped, idle reset): it stays open and ends with its session
        try:
            self.recorder.end_scene(scene_id, ending=result.ending, money_lost=max(0, int(scene.money_lost)))
        except ValueError as exc:
            log.warning("statistics: scene end not recorded: %s", exc)

    def _board_quiz(self, scene) -> None:
        if getattr(scene.runner, "revealed", False):     # answered after the teacher's reveal: not counted
            return
        pool_id, index = None, 0
        pending = self.board.game.pending_scene if self.board is not None else None
        if pending is not None and pending.quiz:
            pool_id, index = pending.quiz
        self.record_quiz(pool_id, index, scene.item, bool(scene.answer.correct))

    def record_quiz(self, pool_id: str | None, index: int, item, correct: bool) -> None:
        """One answer to a quiz item (a board quiz, or one team's answer in a quiz round)."""
        if self.session is None:
            return
        pool = self.app.library.quiz_pools.get(pool_id) if pool_id else None
        item_id = item.id
        if pool_id and _ITEM_RE.match(item_id):
            ref = f"{pool_id}:{item_id}"
        elif pool_id:
            ref = f"{pool_id}#{index}"
        else:
            ref = item_id
        try:
            self.recorder.record_scene(self.session, kind="quiz", item_id=ref,
                                       scam_type=pool.scam_type if pool is not None and pool.scam_type else "",
                                       correct=bool(correct), techniques=item.techniques)
        except ValueError as exc:
            log.warning("statistics: quiz answer not recorded: %s", exc)

    def record_check(self, phase: str, check_item, correct: bool) -> None:
        """One answer of the before/after learning check (``game.rules.checks.CheckItem``) in the
        current game: ``phase`` "before" (after the board opened, before the first roll) or "after"
        (before the results). Answers outside a game are dropped."""
        if self.session is None:
            return
        try:
            self.recorder.record_check(self.session, phase=phase, item_id=check_item.ref,
                                       scam_type=check_item.scam_type, correct=bool(correct))
        except ValueError as exc:
            log.warning("statistics: check answer not recorded: %s", exc)

    def record_check_hands(self, hands) -> None:
        """A class's show of hands on one check item (``game.rules.class_check.CheckHands``): one
        anonymous answer per hand, in the current game."""
        if self.session is None:
            return
        try:
            self.recorder.record_check_hands(self.session, phase=hands.phase, item_id=hands.item.ref,
                                             scam_type=hands.item.scam_type, right=hands.right, wrong=hands.wrong)
        except ValueError as exc:
            log.warning("statistics: the class's check not recorded: %s", exc)

    def class_check(self) -> dict | None:
        """The current (or just ended) game's before/after check, for the class summary (see
        ``game.stats.queries.session_check``); None without a game or a database."""
        session = self.session if self.session is not None else self.last_session
        if session is None:
            return None
        return self.recorder.session_check(session)
