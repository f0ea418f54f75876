"""``App``: the window, session and loop put together; scenes get its narrow views (``game.ui.context``)."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from pathlib import Path

import pygame

from ...settings import Settings, load_settings
from ...stopping import StopRequest
from ..autoplay import AutoPlayer
from ..fonts import FontBook
from ..jobs import JobRunner
from ..context import DrawingContext, ServiceContext, SessionContext
from ..navigation import Navigator
from ..phone.ink import Ink
from ..recovery import CrashGuard
from ..scene import Scene, SceneStack
from ..sound import Sound
from ..tap_guard import TapGuard
from ..text import TextService
from ..theme import WARM, Theme
from ..widgets import Backdrop
from .loop import LoopPart
from .session import SessionPart
from .window import WindowPart

DEFAULT_SIZE = (1280, 720)


MIN_SIZE = (640, 480)      # smaller windows cannot show a phone and its choices legibly


FAST_DT = 0.1              # headless autoplay: seconds of game time per step


LOCALES = ("zh_Hans", "zh_Hant", "en")


class App(WindowPart, SessionPart, LoopPart):
    """The game: window, theme, text, content, settings, sound, randomness, the scene stack and the mode.

    Scenes are built with it as their ``SceneContext`` and keep only its views ``look``, ``session``,
    ``services`` and ``nav``; the mode controllers, statistics, autoplay and crash guard are its own parts.
    """

    def __init__(self, size: tuple[int, int] = DEFAULT_SIZE, fullscreen: bool = False, locale: str | None = None,
                 pack: str | None = None, seed: int | None = None, autoplay: bool = False,
                 frames: int | None = None, screenshot_dir: str | Path | None = None,
                 settings=None, sound: bool = True, mode: str | None = None, stats_db: str | Path | None = None,
                 class_name: str | None = None, teams: int | None = None, settings_notice: str | None = None,
                 persist_settings: bool = True, stop: StopRequest | None = None, display: int = 0,
                 content: tuple[Path, ...] = ()):
        pygame.init()
        self.display = display             # which monitor (0: the main one)
        self.trace = None                  # game.ui.trace.Trace with --trace FILE
        self.stop = stop or StopRequest()   # set from outside (signals); the loop ends at the next pass
        self.settings_notice = settings_notice
        if settings is None:
            settings, self.settings_notice = load_settings(mode=mode)
        self.settings: Settings = settings
        # normal / kiosk / classroom: the command line's choice, else the operator's saved setting.
        self.mode = mode or settings.mode
        # What settings.json holds for this mode. Command-line options change ``settings`` for this
        # run only; a person's change goes into both. Runs that play by themselves never write.
        self.saved_settings = settings
        self.persist_settings = persist_settings and not autoplay and frames is None
        self.kiosk = self.mode == "kiosk"
        self.operator_exit = False      # set by the operator menu's exit: the only way out of a kiosk
        self.stats_db = Path(stats_db) if stats_db else None
        self.class_name = class_name
        self.teams = teams
        self.controller = None
        if locale:
            self.settings = replace(self.settings, locale=locale)
        self.command_line_pack = pack or ""   # honoured by every mode, autoplay included
        if pack:
            self.settings = replace(self.settings, pack=pack)
        self.locale = self.settings.locale or "zh_Hans"
        self.fullscreen = fullscreen
        self.seed = seed if seed is not None else random.randrange(1 << 30)
        self.rng = random.Random(self.seed)
        self.autoplay = autoplay
        self.preview = None            # game.ui.app.preview.AuthorPreview with play --scenario / --watch
        self.monkey = False            # set by ``play --monkey``: random input, no FINISHED lines
        self.max_frames = frames
        self.screenshot_dir = Path(screenshot_dir) if screenshot_dir else None
        self.stack = SceneStack()
        self.tap_guard = TapGuard()    # a control that appears under a finger is not tapped by it
        self.jobs = JobRunner()        # the operator's slow actions, one at a time, off the frame's thread
        self.start_script: str | None = None   # play --scene: this script opens over the first screen
        self.nav = Navigator(self.stack, self, lambda: self.controller.home)
        # What scenes are given (game.ui.context): views of this App passing on only those names.
        self.look = DrawingContext(self)
        self.session = SessionContext(self)
        self.services = ServiceContext(self)
        self.games_played = 0          # games played to their end since start (autoplay picks short boards first)
        self.theme: Theme = WARM
        self.frame = 0
        self.clock_time = 0.0          # seconds of game time since start
        self._quit = False
        self._shots = 0
        self._last_top: Scene | None = None
        self._library_result = None
        self.content_paths = tuple(Path(p) for p in content)   # --content DIR, repeatable
        self._dirty_rects: list = []
        self._partial = False
        self._partial_reports = 0
        self.headless = os.environ.get("SDL_VIDEODRIVER") == "dummy"
        # Fast-forward: with no screen, autoplay runs on a fixed clock as fast as it can: 60 fps when
        # screenshots are taken, else 10 steps a second (the longest step the real loop ever takes).
        self.fixed_dt = None
        if autoplay and self.screenshot_dir:
            self.fixed_dt = 1 / 60
        elif autoplay and self.headless:
            self.fixed_dt = FAST_DT

        pygame.display.set_caption("反诈飞行棋")
        self.window = self._open_window(size)
        self.screen = self.window
        self.window_size = self.size = self.window.get_size()
        self.stack.size = self.size
        self.fonts = FontBook()        # one per App: fonts die with pygame.quit(), a new App needs fresh ones
        self.text = TextService(self.fonts)   # every text on screen: one cache, two generations
        self.ink = Ink(self.text)      # the phone's text, drawn through the same service
        self.backdrop = Backdrop()     # the warm background, drawn by most screens
        self.sound = Sound(self.settings, enabled=sound)
        self.set_locale(self.locale)
        self.apply_theme()
        self.controller = self._make_controller()
        self._layout_window()
        self.play_stats = None
        self.stats_syncer = None       # game.stats.sync.BackgroundSyncer when the operator turned sync on
        if self.settings.stats_enabled:
            self.set_stats_enabled(True, save=False)
        self.crash_guard = CrashGuard(self)
        self.autoplayer = None
        if autoplay:
            self.autoplayer = AutoPlayer(self)
