"""An author's preview: ``play --content DIR --scenario ID [--node ID] [--watch]``.

The script opens straight away on the phone (at ``--node`` if given), in an audience pack that
plays it. With ``--watch`` the content folders are watched (``game.content.preview.ContentWatcher``):
when a file changes and has settled, everything is loaded again and the current screen is shown
again — the script at the node on screen, if it still exists — or, when the packs being written
have errors, the errors instead of the game. Without ``--scenario``, ``--watch`` reloads and goes
back to the mode's first screen.
"""

from __future__ import annotations

import logging

from ...content import regions
from ...content.packs import ContentSources
from ...content.preview import ContentWatcher, load_scenario

log = logging.getLogger("game.ui.app")


class AuthorPreview:
    def __init__(self, app, scenario_id: str | None = None, node_id: str | None = None, watch: bool = False,
                 watcher_factory=ContentWatcher):
        self.app = app
        self.scenario_id = scenario_id
        self.node_id = node_id
        self.watch = watch
        self.watcher_factory = watcher_factory     # tests give a watcher with their own clock
        self.watcher = None
        self.started = False
        self.reloads = 0

    # ---- the loop calls this once a step
    def tick(self) -> None:
        if not self.started:
            self.started = True
            result = self.app.load_content()
            if self.watch:
                self.watcher = self.watcher_factory(ContentSources(extra=tuple(self.app.content_paths)), result=result)
            self.show(result)
            return
        if self.watcher is None:
            return
        result = self.watcher.poll()
        if result is None:
            return
        self.reloads += 1
        log.info("content changed (%s): loaded again", ", ".join(self.watcher.changed[:3]) or "files")
        result.library = regions.for_region(result.library, self.app.settings.region)
        self.app.use_content_result(result)
        self.show(result, self.node_on_screen())

    # ---- what to show
    def errors(self, result) -> list:
        if self.watcher is not None:
            return self.watcher.errors(result)
        given = [s for s in result.packs if s.origin == "given"]
        return [p for s in given for p in s.problems if p.is_error]

    def node_on_screen(self) -> str | None:
        top = self.app.nav.find("scenario")
        if top is not None and top.scenario.id == self.scenario_id and top.node is not None:
            return top.node.id
        return None

    def show(self, result, node_id: str | None = None) -> None:
        nav = self.app.nav
        errors = self.errors(result)
        if self.scenario_id is None:
            if errors:
                nav.stack.clear_to(nav.make("preview_problems", title="", problems=errors, watching=self.watch))
            elif self.reloads:
                nav.home()
            return
        preview = load_scenario(self.scenario_id, node_id or self.node_id, result=result)
        if node_id is not None and not preview.ok and preview.scenario is not None:
            preview = load_scenario(self.scenario_id, self.node_id, result=result)   # the node is gone
        if not preview.ok or errors:
            nav.stack.clear_to(nav.make("preview_problems", title=preview.error, problems=preview.problems or errors,
                                        watching=self.watch))
            return
        if preview.pack is not None and self.app.settings.pack != preview.pack.id:
            self.app.update_settings(save=False, pack=preview.pack.id)
        savings = preview.pack.settings.starting_savings if preview.pack is not None else None
        nav.stack.clear_to(nav.make("scenario", scenario=preview.scenario, start_node=preview.node.id,
                                    savings=savings, on_done=self.ended))

    def ended(self, result) -> None:
        """The script reached an ending and the author tapped on: play it again from the start node."""
        self.show(self.app.load_content())
