"""What a scene is given instead of the whole App: four small interfaces.

* ``Drawing`` — the drawing context: theme, layout unit and sizes, the text service (``text``,
  ``ink``) in the player's language (``tr``, ``locale``), the backdrop, where a frame was drawn, and
  the tap's feedback sound;
* ``Session`` — settings (changed through ``update_settings`` / ``save_operator_settings`` only),
  language, content, the mode and its controller, the seeded randomness;
* ``Services`` — sound, narration, play statistics, the trace, quitting, switching modes;
* ``Navigator`` (``game.ui.navigation``) — screens by name.

A scene is built with a ``SceneContext`` (the App is one) and keeps ``self.look``, ``self.session``,
``self.services`` and ``self.nav``; a widget gets only the ``Drawing``. The App implements them
through the views below, which pass on exactly the names of their interface: a scene cannot reach
anything else of the App, and a test can hand it fakes instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Protocol

if TYPE_CHECKING:  # pragma: no cover
    import random

    import pygame

    from ..content.models import Library, Pack
    from ..settings import Settings
    from .jobs import JobRunner
    from .navigation import Navigator
    from .phone.ink import Ink
    from .sound import Sound
    from .text import TextService
    from .theme import Theme
    from .widgets import Backdrop


class Drawing(Protocol):
    theme: Theme
    unit: float                    # 1/100 of the short side of the scenes' area
    size: tuple[int, int]          # the scenes' area (the window less the mode's strip)
    window_size: tuple[int, int]
    min_touch: int
    portrait: bool
    reduced_motion: bool
    text_scale_key: str            # normal / large / extra_large
    text: TextService
    ink: Ink
    backdrop: Backdrop
    locale: str
    sound: Sound                   # the tap's feedback sound

    def tr(self, text: str) -> str: ...
    def report_dirty(self, rects: list[pygame.Rect] | None) -> None: ...
    def redraw_all(self) -> None: ...


class Session(Protocol):
    settings: Settings
    saved_settings: Settings
    locale: str
    mode: str
    controller: Any                # the mode's controller (game.ui.modes.base.Controller)
    library: Library
    library_ready: bool
    skipped_files: list[str]
    load_problems: list
    settings_notice: str | None
    rng: random.Random
    seed: int
    autoplay: bool
    command_line_pack: str
    class_name: str | None
    teams: int | None
    games_played: int
    stats_db: Any
    stats_mode: str
    content_paths: tuple           # --content DIR: packs given for this run
    keeps_site: bool               # the machine's own run (not autoplay, --frames, --trace, the monkey)

    def tr(self, text: str) -> str: ...
    def current_pack(self) -> Pack | None: ...
    def reload_content(self) -> Any: ...
    def content_loader(self) -> Callable[[], Any]: ...
    def use_reloaded(self, result) -> None: ...
    def update_settings(self, save: bool = True, **changes) -> None: ...
    def save_operator_settings(self, **changes) -> None: ...
    def game_finished(self) -> None: ...
    def set_class_name(self, name: str) -> None: ...


class Services(Protocol):
    sound: Sound
    play_stats: Any                # game.ui.modes.play_stats.PlayStats, or None with statistics off
    autoplayer: Any                # game.ui.autoplay.AutoPlayer under --autoplay, else None
    crash_guard: Any
    stats_syncer: Any              # game.stats.sync.BackgroundSyncer, or None when sync is off
    jobs: JobRunner                # slow operator actions off the frame's thread, one at a time
    frame: int

    def narrate(self, text: str) -> str: ...
    def voice_status(self) -> str: ...
    def voice_speaking(self) -> bool: ...
    def stop_voice(self) -> None: ...
    def trace_event(self, event: str, **data) -> None: ...
    def quit_by_operator(self) -> None: ...
    def set_stats_enabled(self, on: bool, save: bool = True) -> None: ...
    def switch_mode(self, mode: str) -> None: ...
    def restart_sync(self) -> None: ...


class SceneContext(Protocol):
    look: Drawing
    session: Session
    services: Services
    nav: Navigator


# ---------------------------------------------------------------- the App's views

def _passes_on(*names: str) -> Callable[[type], type]:
    """Give a view class one read-only property per name, reading the App's attribute of that name."""
    def add(cls: type) -> type:
        for name in names:
            setattr(cls, name, property(lambda self, name=name: getattr(self._app, name)))
        cls.names = frozenset(names)
        return cls
    return add


@_passes_on("theme", "unit", "size", "window_size", "min_touch", "portrait", "reduced_motion", "text_scale_key",
            "text", "ink", "backdrop", "locale", "sound", "tr", "report_dirty", "redraw_all")
class DrawingContext:
    __slots__ = ("_app",)

    def __init__(self, app):
        self._app = app


@_passes_on("settings", "saved_settings", "locale", "mode", "controller", "library", "library_ready", "skipped_files",
            "load_problems", "settings_notice", "rng", "seed", "autoplay", "command_line_pack", "class_name", "teams",
            "games_played", "stats_db", "stats_mode", "content_paths", "keeps_site", "tr", "current_pack",
            "reload_content", "content_loader", "use_reloaded", "update_settings", "save_operator_settings",
            "game_finished", "set_class_name")
class SessionContext:
    __slots__ = ("_app",)

    def __init__(self, app):
        self._app = app


@_passes_on("sound", "play_stats", "autoplayer", "crash_guard", "stats_syncer", "jobs", "frame", "narrate", "voice_status",
            "voice_speaking", "stop_voice", "trace_event", "quit_by_operator", "set_stats_enabled", "switch_mode",
            "restart_sync")
class ServiceContext:
    __slots__ = ("_app",)

    def __init__(self, app):
        self._app = app
