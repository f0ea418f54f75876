"""Playing back the rules' events on the board: walks, hops, flights, captures, scam scenes, the end."""

from __future__ import annotations

from game.rules import events as ev
from game.rules.engine import Game
from game.rules.geometry import Spot
from game.rules.policies import get_policy, play_pending_scene
from game.rules.scenes import SceneResult

from ...seats import COMPUTER_POLICY

# Seconds; reduced motion uses the second value.
TIMING = {
    "think": (0.8, 0.4),       # a computer player "thinking" before it rolls or moves
    "dice": (0.8, 0.15),
    "after_roll": (0.45, 0.25),
    "step": (0.2, 0.05),
    "hop": (0.45, 0.1),
    "fly": (0.9, 0.15),
    "capture": (0.6, 0.15),
    "caption": (0.9, 0.6),     # read time after an important caption
    "scene_intro": (1.4, 0.9),
    "turn": (0.5, 0.35),
}


class Tween:
    """A token gliding from one spot to another (an arc for hops)."""

    def __init__(self, frm: Spot, to: Spot, duration: float, arc: float = 0.0):
        self.frm, self.to, self.duration, self.arc = frm, to, max(1e-3, duration), arc
        self.t = 0.0

    @property
    def done(self) -> bool:
        return self.t >= self.duration

    def fraction(self) -> float:
        x = min(1.0, self.t / self.duration)
        return x * x * (3 - 2 * x)   # ease in-out


class BoardPlayback:
    """The board scene's playback of rules events (a mixin of ``BoardScene``)."""

    def play(self, events: list) -> None:
        self.script = self._playback(events)
        self.wait = 0.0
        self.animating = True

    # ------------------------------------------------------------ playback of rules events
    def T(self, key: str) -> float:
        return TIMING[key][1 if self.look.reduced_motion else 0]

    def _playback(self, events: list):
        self._stuck = {}
        for i, e in enumerate(events):
            rest = events[i + 1:]
            if isinstance(e, ev.Rolled) and rest and not isinstance(rest[0], ev.TripleSixPenalty):
                # the turn goes on without a move: the caption says why (the rules know)
                self._stuck[e] = self.game.stuck_reason(e.player, e.value)
            yield from self._show(e)
        self._update_scores()

    def _said(self, e):
        """Caption ``e`` once the caption on show has been read (a tap skips the wait)."""
        if self._event_text(e) is None:
            return
        yield from self._read_out()
        self._say(e)

    def _read_out(self):
        """Wait until the caption on show has been read, before the screen changes (a tap skips)."""
        left = self._unread()
        if left > 0:
            self.reading = True
            yield left
            self.reading = False

    def _walk(self, p: int, tokens, path, step: float, arc: float = 0.25):
        for spot in path:
            for t in tokens:
                self.tweens[(p, t)] = Tween(self.drawn[(p, t)], spot, step, arc)
            self.services.sound.play("move")
            yield step
            for t in tokens:
                self.drawn[(p, t)] = spot
                self.tweens.pop((p, t), None)

    def _glide(self, p: int, tokens, to: Spot, duration: float, arc: float):
        for t in tokens:
            self.tweens[(p, t)] = Tween(self.drawn[(p, t)], to, duration, arc)
        yield duration
        for t in tokens:
            self.drawn[(p, t)] = to
            self.tweens.pop((p, t), None)

    def _show(self, e):
        if isinstance(e, ev.Rolled):
            yield from self._said(e)
            self.services.sound.play("dice")
            self.dice.roll(e.value, self.T("dice"))
            yield self.T("dice") + self.T("after_roll")
        elif isinstance(e, ev.ExtraRoll):
            yield from self._said(e)
            yield self.T("caption")
        elif isinstance(e, ev.Launched):
            yield from self._said(e)
            yield from self._glide(e.player, e.tokens, e.to, self.T("hop"), 0.8)
        elif isinstance(e, ev.Moved):
            yield from self._said(e)
            yield from self._walk(e.player, e.tokens, e.path, self.T("step"))
        elif isinstance(e, ev.Bounced):
            yield from self._said(e)
            yield self.T("caption")
        elif isinstance(e, ev.Jumped):
            yield from self._said(e)
            yield self.T("caption") * 0.5
            yield from self._glide(e.player, e.tokens, e.to, self.T("hop"), 1.2)
        elif isinstance(e, ev.Flew):
            yield from self._said(e)
            yield self.T("caption") * 0.5
            yield from self._glide(e.player, e.tokens, e.to, self.T("fly"), 2.5)
        elif isinstance(e, ev.Captured):
            yield from self._said(e)
            self.services.sound.play("wrong")
            home = self.game.spot(e.victim, e.victim_tokens[0])
            yield from self._glide(e.victim, e.victim_tokens, home, self.T("capture"), 1.5)
            yield self.T("caption") * 0.5
        elif isinstance(e, ev.Finished):
            yield from self._said(e)
            self.services.sound.play("right")
            yield self.T("caption")
        elif isinstance(e, ev.PlayerFinished):
            yield from self._said(e)
            self._update_scores()
            yield self.T("caption")
        elif isinstance(e, ev.TripleSixPenalty):
            yield from self._said(e)
            for t in e.tokens:
                yield from self._glide(e.player, (t,), self.game.spot(e.player, t), self.T("capture"), 1.0)
            yield self.T("caption")
        elif isinstance(e, ev.TurnLost):
            yield from self._said(e)
            yield self.T("caption") * 1.5
        elif isinstance(e, ev.SafeTileLanded):
            yield from self._said(e)
            self.services.sound.play("right")
            self.flash_square = e.square
            yield self.T("caption") * 2
            self.flash_square = None
        elif isinstance(e, ev.SceneRequested):
            yield from self._said(e)
            self.flash_square = e.square
            yield self.T("scene_intro")
            yield from self._read_out()
            self.flash_square = None
            self._open_scene(e)
        elif isinstance(e, ev.SceneResolved):
            yield from self._said(e)
            self._update_scores()
            yield self.T("caption") * 2.5
        elif isinstance(e, ev.TurnPassed):
            yield from self._said(e)
            self.shown_player = e.to
            yield self.T("turn")
        elif isinstance(e, ev.GameOver):
            yield from self._said(e)
            self.services.sound.play("right")
            yield self.T("caption") * 2
            yield from self._read_out()
            self.show_results()

    # ------------------------------------------------------------ scenes
    def _open_scene(self, req) -> None:
        lib = self.session.library
        player = self.players[req.player]
        scenario_id = req.scenario
        if self.session.autoplay and scenario_id:
            scenario_id = self._autoplay_scenario(scenario_id)
        scene = None
        if self.demo:
            pass   # the attract loop shows no scam screens: the scene is settled at once below
        elif scenario_id and scenario_id in lib.scenarios:
            scenario = lib.scenarios[scenario_id]
            self.seen_channels |= set(scenario.channels)
            scene = self.nav.make("scenario", scenario=scenario, player=player, on_done=self.scene_done,
                                      savings=self.game.scores[req.player].savings)
        elif req.quiz and req.quiz[0] in lib.quiz_pools:
            pool = lib.quiz_pools[req.quiz[0]]
            scene = self.nav.make("quiz", item=pool.items[req.quiz[1]], player=player, on_done=self.scene_done,
                                      pool_id=pool.id, index=req.quiz[1], scam_type=pool.scam_type)
        if scene is None:
            policy = player.policy or get_policy(COMPUTER_POLICY)
            self.scene_open = None
            self.scene_result = play_pending_scene(self.game, policy, self.game.ai_rng)
            return
        self.scene_open = scene
        self.nav.show(scene)

    def _autoplay_scenario(self, picked: str) -> str:
        """Autoplay exercises every phone channel: prefer scripts showing channels not seen yet."""
        seen = self.services.autoplayer.channels if self.services.autoplayer is not None else self.seen_channels
        library = self.session.library
        # Only the chosen audience pack's scenes: a pack never plays another pack's scripts.
        candidates = [library.scenarios[i] for i in library.scenarios_of(self.pack) if i in library.scenarios]
        if not candidates:
            return picked
        best = max(candidates, key=lambda s: (len(set(s.channels) - seen), s.id == picked, -len(s.nodes)))
        if set(best.channels) - seen:
            seen |= set(best.channels)
            return best.id
        return picked

    def scene_done(self, result: SceneResult) -> None:
        """Called by the scenario / quiz scene with its result."""
        scene = self.scene_open
        self.scene_open = None
        self.scene_result = result
        if scene is not None and self.nav.top is scene:
            self.nav.back()
        self.dirty = True

    def skip_scene(self) -> None:
        """Leave the open scene unplayed: it closes, nothing is scored, the game goes on."""
        while self.nav.top is not None and self.nav.top is not self:
            self.nav.back()
        self.scene_open = None
        self.scene_skipped = True
        self.dirty = True

    def _feed_result(self) -> None:
        if self.scene_skipped:
            self.scene_skipped = False
            self.play(self.game.skip_scene())
            return
        result, self.scene_result = self.scene_result, None
        self.play(self.game.resolve_scene(result))

    def show_results(self) -> None:
        if self.demo:   # attract loop: start over
            self.game = Game(self.board, self.game.players, self.session.rng.getrandbits(32), library=self.session.library)
            self._sync_tokens()
            self._update_scores()
            return
        self.results_shown = True
        self.session.game_finished()
        score = self.game.session_score()
        players = [(f"{self._name(i)} {p.number}", p.colour, self.game.scores[i]) for i, p in enumerate(self.players)]
        self.nav.navigate("results", session_score=score, players=players)
