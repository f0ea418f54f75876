"""A simulation's games played on several processes, with the same result as on one.

Game *i* is played with the *i*-th seed drawn from the run's seed, whichever process
plays it, and the summaries come back in game order: the report cannot depend on how
many processes played. Each process plays whole runs of consecutive games (a chunk)
and sends back only their summaries.

Workers are forked where the system can (Linux): they start at once and share the
library the command already loaded. Elsewhere (Windows, macOS) each worker starts a
fresh interpreter and loads the library once, from the ids in the ``Plan``: content
objects do not travel between processes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Callable, Sequence

from game.content import loader
from game.content.packs import ContentSources
from game.content.models import Board, Library, Pack
from game.content.rulesets import resolve

from .geometry import Geometry, shared_geometry
from .players import PlayerSpec
from .simulate_games import GameSummary, play_game

CHUNK = 250            # games a worker plays at most before sending their summaries back
MIN_PER_JOB = 40       # fewer games than this per process are not worth starting one for


@dataclass(frozen=True)
class Plan:
    """A run's setting by ids only, so that a freshly started worker can rebuild it."""

    board: str
    rules: str | None            # a preset to play the board under instead of its own rules
    pack: str | None
    policies: tuple[str, ...]    # one per player
    max_turns: int | None        # the cap for boards without their own limit
    content: tuple[str, ...] = ()   # packs given with --content, loaded again by a fresh worker

    def players(self) -> list[PlayerSpec]:
        return [PlayerSpec(f"P{i + 1}", policy=name) for i, name in enumerate(self.policies)]


@dataclass(frozen=True)
class Setup:
    """What every game of a run shares."""

    plan: Plan
    board: Board
    players: tuple[PlayerSpec, ...]
    library: Library
    pack: Pack | None
    geometry: Geometry

    @classmethod
    def of(cls, library: Library, plan: Plan) -> "Setup":
        board = library.boards[plan.board]
        if plan.rules and plan.rules != board.preset.value:
            board = replace(board, rules=MappingProxyType(resolve(plan.rules, {})))
        pack = library.packs[plan.pack] if plan.pack else None
        return cls(plan, board, tuple(plan.players()), library, pack, shared_geometry(board, board.rules))

    def play(self, seed: int) -> GameSummary:
        return play_game(self.board, self.players, seed, library=self.library, pack=self.pack,
                         max_turns=self.plan.max_turns, geometry=self.geometry)


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def play_all(setup: Setup, seeds: Sequence[int], jobs: int = 1,
             progress: Callable[[int], None] | None = None, start_method: str | None = None) -> list[GameSummary]:
    """One summary per seed, in seed order; ``progress(done)`` after each game or chunk.

    ``start_method``: how workers start ("fork", "spawn"); default fork where the system has it."""
    jobs = max(1, min(jobs, len(seeds) // MIN_PER_JOB))
    if jobs == 1:
        out = []
        for seed in seeds:
            out.append(setup.play(seed))
            if progress:
                progress(len(out))
        return out
    # At least four chunks a process, so that a process held up by other work does not hold up the end.
    size = max(1, min(CHUNK, -(-len(seeds) // (jobs * 4))))
    chunks = [tuple(seeds[i:i + size]) for i in range(0, len(seeds), size)]
    global _SETUP
    context = multiprocessing.get_context(start_method or _default_start_method())
    forked = context.get_start_method() == "fork"
    _SETUP = setup if forked else None   # a forked worker finds it here, already built
    try:
        with context.Pool(jobs, initializer=_start_worker, initargs=(None if forked else setup.plan,)) as pool:
            out = []
            for summaries in pool.imap(_play_chunk, chunks):
                out.extend(summaries)
                if progress:
                    progress(len(out))
    finally:
        _SETUP = None
    return out


def _default_start_method() -> str:
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


# In a worker: the run's setup, inherited from the parent (fork) or built once by _start_worker.
_SETUP: Setup | None = None


def _start_worker(plan: Plan | None) -> None:
    global _SETUP
    # Ctrl-C is the parent's to handle: it stops the pool, with one message instead of one per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's handlers: one that only notes SIGTERM (the game's stop
    # request) would keep the worker alive when the pool ends it, and the parent would wait for ever.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if plan is not None:
        sources = ContentSources(extra=tuple(Path(p) for p in plan.content))
        _SETUP = Setup.of(loader.load_library(sources=sources).library, plan)


def _play_chunk(seeds: tuple[int, ...]) -> list[GameSummary]:
    play = _SETUP.play
    return [play(seed) for seed in seeds]
