"""What an author's preview needs from the content layer (``play --scenario ID [--node ID] [--watch]``).

``load_scenario`` loads the content as the game would (with the author's ``--content`` packs) and
finds one script, the node to start at and an audience pack to play it in. ``ContentWatcher``
polls the content folders' files and, when they change and have settled, loads everything again
and hands back the new result: the screens show the new library, or its errors instead of the game.
Pure Python, no pygame: the screen layer calls ``poll()`` once a frame.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .loader import LoadResult, load_library
from .models import Node, Pack, Scenario
from .packs import ContentSources
from .problems import Problem


@dataclass
class Preview:
    result: LoadResult
    scenario: Scenario | None = None
    node: Node | None = None           # where to start: the scenario's start, or the --node asked for
    pack: Pack | None = None           # an audience pack that plays it (its settings: text size, savings)
    error: str = ""                    # why there is nothing to show (one line); the problems say more
    problems: list[Problem] = field(default_factory=list)   # errors of the pack the scenario is in

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.error


def load_scenario(scenario_id: str, node_id: str | None = None, sources: ContentSources | None = None,
                  result: LoadResult | None = None) -> Preview:
    """One scenario with everything its pack builds on; ``result``: an already loaded library."""
    result = result or load_library(sources=sources or ContentSources())
    library = result.library
    owner = _owner(result, scenario_id)
    problems = [p for p in (owner.problems if owner else result.problems) if p.is_error]
    scenario = library.scenarios.get(scenario_id)
    if scenario is None:
        if owner is not None and not owner.loaded:
            error = f"the pack '{owner.id}' is not loaded: {owner.reason}"
        elif _declared(result, scenario_id):
            error = f"the scenario '{scenario_id}' has errors and was left out"
            problems = [p for p in result.problems if p.is_error and _declares(result, p.path, scenario_id)]
        else:
            known = ", ".join(sorted(library.scenarios)) or "none"
            error = f"no scenario with the id '{scenario_id}' (scenarios: {known})"
        return Preview(result, error=error, problems=problems)
    node = scenario.nodes[scenario.start]
    if node_id is not None:
        if node_id not in scenario.nodes:
            return Preview(result, scenario, error=f"the scenario '{scenario_id}' has no node '{node_id}' "
                                                   f"(nodes: {', '.join(scenario.nodes)})", problems=problems)
        node = scenario.nodes[node_id]
    pack = next((p for p in library.packs.values() if scenario_id in library.scenarios_of(p)), None)
    return Preview(result, scenario, node, pack, problems=problems)


def _owner(result: LoadResult, scenario_id: str):
    for status in result.packs:
        for f in status.files:
            if ("scenario", scenario_id) in f.declared:
                return status
    return None


def _declared(result: LoadResult, scenario_id: str) -> bool:
    return any(("scenario", scenario_id) in f.declared for f in result.files)


def _declares(result: LoadResult, path: str, scenario_id: str) -> bool:
    return any(f.path == path and ("scenario", scenario_id) in f.declared for f in result.files)


# ---------------------------------------------------------------- watching files

_WATCHED_SUFFIXES = (".yaml", ".yml", ".po", ".ogg", ".png", ".jpg", ".jpeg")


class ContentWatcher:
    """Reloads content when its files change on disk.

    ``poll()`` (cheap; call it every frame) looks at the files' sizes and modification times at most
    every ``interval`` seconds. A change is loaded once the files have stayed the same for
    ``settle`` seconds (an editor may write a file in several steps), and ``poll`` returns the new
    ``LoadResult``; otherwise None. ``result`` is always the latest load.
    """

    def __init__(self, sources: ContentSources | None = None, *, interval: float = 0.5, settle: float = 0.3,
                 clock: Callable[[], float] = time.monotonic, result: LoadResult | None = None):
        self.sources = sources or ContentSources()
        self.interval, self.settle, self.clock = interval, settle, clock
        self.result = result or load_library(sources=self.sources)
        self._seen = self._snapshot()
        self._pending: dict | None = None
        self._pending_since = 0.0
        self._next_look = clock() + interval
        self.changed: list[str] = []     # files that changed in the last reload

    def folders(self) -> list[Path]:
        """The folders watched: every pack found (not a pack unpacked from a zip for this run)."""
        return [s.place.root for s in self.result.packs if s.place.zip_path is None]

    def poll(self) -> LoadResult | None:
        now = self.clock()
        if now < self._next_look:
            return None
        self._next_look = now + self.interval
        snap = self._snapshot()
        if snap == self._seen:
            self._pending = None
            return None
        if snap != self._pending:
            self._pending, self._pending_since = snap, now
            return None
        if now - self._pending_since < self.settle:
            return None
        self.changed = sorted(k for k in set(snap) | set(self._seen) if snap.get(k) != self._seen.get(k))
        self._seen, self._pending = snap, None
        self.result = load_library(sources=self.sources)
        return self.result

    def errors(self, result: LoadResult | None = None) -> list[Problem]:
        """Errors of the packs being written (given with --content; else all): what to show on screen."""
        result = result or self.result
        given = [s for s in result.packs if s.origin == "given"]
        return [p for s in (given or result.packs) for p in s.problems if p.is_error]

    def _snapshot(self) -> dict[str, tuple[int, int]]:
        snap: dict[str, tuple[int, int]] = {}
        for folder in self.folders():
            stack = [str(folder)]
            while stack:
                try:
                    with os.scandir(stack.pop()) as entries:
                        for entry in entries:
                            if entry.is_dir(follow_symlinks=False):
                                if not entry.name.startswith("."):
                                    stack.append(entry.path)
                            elif entry.name.lower().endswith(_WATCHED_SUFFIXES):
                                st = entry.stat()
                                snap[entry.path] = (st.st_mtime_ns, st.st_size)
                except OSError:
                    continue
        return snap
