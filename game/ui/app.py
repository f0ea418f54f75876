"""The game window: ``App`` (what every scene reaches through ``self.app``) and the main loop.

``python -m game play [--size WxH] [--fullscreen] [--locale L] [--pack ID] [--seed N]
[--autoplay] [--frames N] [--screenshots DIR] [--kiosk | --classroom] [--stats-db PATH]``.

Modes (``game.ui.modes``): normal, kiosk (attract loop, idle reset, no quitting, operator
menu) and classroom (teams, teacher bar). A mode controller sees every event first and may
keep a strip of the window for itself (the teacher bar); scenes then lay out in the rest,
``app.size``, while ``app.window_size`` is the whole window.

The loop runs at 60 fps only while something moves. When every visible scene
is still it blocks in ``pygame.event.wait`` in short slices, so a waiting
kiosk uses almost no CPU. Each pass ends with ``await asyncio.sleep(0)`` so
the same loop can later run in a browser build.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import pygame

from ..crashlog import logs_dir, read_count
from ..i18n import get_translator
from ..paths import user_data_dir
from ..settings import Settings, default_settings_path, load_settings, read_mode, save_settings
from ..startup_checks import EXIT_CANNOT_START, no_playable_content, startup_problems
from ..stopping import StopRequest
from . import layout
from .autoplay import AutoPlayer
from .fonts import FontBook
from .framebuffer import use_plain_framebuffer
from .input import Action, Intent, translate
from .modes.play_stats import PlayStats
from .navigation import CONTROLLERS, Navigator, resolve
from .notice import show_notice
from .recovery import CrashGuard
from .scene import Scene, SceneStack
from .sound import Sound
from .phone.ink import Ink
from .text import TextService
from .widgets import Backdrop
from .theme import HIGH_CONTRAST, WARM, Theme

log = logging.getLogger(__name__)

IDLE_SLICE_MS = 250        # longest idle wait before the loop looks round again
IDLE_POLL_S = 0.03         # while idle, events are looked at this often (touch latency ≤ 30 ms)
DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (640, 480)      # smaller windows cannot show a phone and its choices legibly
FAST_DT = 0.1              # headless autoplay: seconds of game time per step
LOCALES = ("zh_Hans", "zh_Hant", "en")


class CannotStart(Exception):
    """The game cannot run here; ``problems`` are (Chinese, English) lines saying why."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(en for _zh, en in problems))
        self.problems = problems


class App:
    """Everything a scene needs: window, theme, fonts, text, content, settings, sound, randomness."""

    def __init__(self, size: tuple[int, int] = DEFAULT_SIZE, fullscreen: bool = False, locale: str | None = None,
                 pack: str | None = None, seed: int | None = None, autoplay: bool = False,
                 frames: int | None = None, screenshot_dir: str | Path | None = None,
                 settings=None, sound: bool = True, mode: str | None = None, stats_db: str | Path | None = None,
                 class_name: str | None = None, teams: int | None = None, settings_notice: str | None = None,
                 persist_settings: bool = True, stop: StopRequest | None = None, display: int = 0):
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
        self.save_player_settings = True   # a kiosk keeps visitors' changes for their own game only
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
        self.monkey = False            # set by ``play --monkey``: random input, no FINISHED lines
        self.max_frames = frames
        self.screenshot_dir = Path(screenshot_dir) if screenshot_dir else None
        self.stack = SceneStack()
        self.nav = Navigator(self.stack, self, lambda: self.controller.home)
        self.games_played = 0          # games played to their end since start (autoplay picks short boards first)
        self.theme: Theme = WARM
        self.frame = 0
        self.clock_time = 0.0          # seconds of game time since start
        self._quit = False
        self._shots = 0
        self._last_top: Scene | None = None
        self._library_result = None
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
        if self.settings.stats_enabled:
            self.set_stats_enabled(True, save=False)
        self.crash_guard = CrashGuard(self)
        self.autoplayer = None
        if autoplay:
            self.autoplayer = AutoPlayer(self)

    # ------------------------------------------------------------ window
    def _open_window(self, size):
        use_plain_framebuffer()
        display = self.display if self.display < pygame.display.get_num_displays() else 0
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN, display=display)
        return pygame.display.set_mode(size, pygame.RESIZABLE, display=display)

    @property
    def unit(self) -> float:
        return layout.unit_for(self.size)

    @property
    def min_touch(self) -> int:
        return layout.touch_min(self.size)

    @property
    def portrait(self) -> bool:
        return layout.is_portrait(self.size)

    def resize(self, size: tuple[int, int]) -> None:
        """Lay everything out again for a new window size."""
        size = (max(320, int(size[0])), max(240, int(size[1])))
        surface = pygame.display.get_surface()
        if surface is None or surface.get_size() != size:
            surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.window = surface
        self._layout_window()

    def _layout_window(self) -> None:
        """Scenes get the window less any strip the mode controller keeps (the teacher bar)."""
        self.window_size = self.window.get_size()
        area = pygame.Rect(0, 0, *self.window_size)
        if self.controller is not None:
            area = self.controller.layout(self.window_size)
        self.screen = self.window if area.size == self.window_size else self.window.subsurface(area)
        self.size = self.screen.get_size()
        self.stack.resize(self.size)

    # ------------------------------------------------------------ settings, theme, language
    @property
    def text_scale_key(self) -> str:
        return self.settings.text_size

    @property
    def reduced_motion(self) -> bool:
        return bool(self.settings.reduced_motion)

    def apply_theme(self) -> None:
        self.theme = HIGH_CONTRAST if self.settings.high_contrast else WARM

    def update_settings(self, save: bool = True, **changes) -> None:
        """A player changed settings: applied live (they are immutable: replaced whole) and
        kept for next time, unless ``save`` is False or the mode keeps visitors' changes to their game."""
        self.settings = replace(self.settings, **changes)
        self.sound.settings = self.settings
        self.apply_settings()
        if save and self.save_player_settings:
            self._store(changes)

    def save_operator_settings(self, **changes) -> None:
        """The operator changed settings: applied at once and always kept (also in a kiosk)."""
        self.update_settings(save=False, **changes)
        self._store(changes)
        if self.controller is not None:
            self.controller.settings_saved()

    def _store(self, changes: dict) -> None:
        self.saved_settings = replace(self.saved_settings, **changes)
        if not self.persist_settings:
            return
        try:
            save_settings(self.saved_settings, mode=self.mode)
        except OSError as exc:  # a read-only kiosk disk must not stop the game
            log.warning("settings not saved: %s", exc)

    def settings_for_mode(self, mode: str) -> Settings:
        """The settings kept for ``mode`` (the operator switched to it)."""
        if not self.persist_settings:
            return replace(self.saved_settings, mode=mode)
        settings, notice = load_settings(mode=mode)
        if notice:
            logging.getLogger("game.operator").warning("%s", notice)
        return settings

    def set_stats_enabled(self, on: bool, save: bool = True) -> None:
        """Anonymous statistics on or off, from now on."""
        if on and self.play_stats is None:
            self.play_stats = PlayStats(self, self.stats_db)
        elif not on and self.play_stats is not None:
            self.play_stats.close()
            self.play_stats = None
        if save and bool(self.settings.stats_enabled) != on:
            self.save_operator_settings(stats_enabled=on)

    @property
    def stats_mode(self) -> str:
        return "autoplay" if self.autoplay else self.mode

    def home_scene(self):
        """The mode's first screen: the title, the kiosk's attract loop, or the class set-up."""
        return self.nav.home_scene()

    def _make_controller(self):
        return resolve(CONTROLLERS.get(self.mode, CONTROLLERS["normal"]))(self)

    def switch_mode(self, mode: str) -> None:
        """The operator chose another mode: a new controller, and its first screen."""
        if mode == self.mode:
            return
        self.controller.detach()
        self.mode = mode
        self.kiosk = mode == "kiosk"
        self.save_player_settings = True
        self.settings = self.saved_settings = self.settings_for_mode(mode)   # each mode keeps its own
        self.sound.settings = self.settings
        self.apply_settings()
        self.controller = self._make_controller()
        self._layout_window()
        self.nav.home()
        self.redraw_all()

    def apply_settings(self) -> None:
        """Settings changed: theme, language and text size take effect at once, on every scene."""
        self.apply_theme()
        locale = self.settings.locale or self.locale
        if locale != self.locale:
            self.set_locale(locale)
        self.stack.resize(self.size)

    def set_locale(self, locale: str) -> None:

        self.translator = get_translator(locale)
        self._sources: dict[str, str] = {}
        self._narrator = None
        self.locale = locale
        self.fonts.set_locale(locale)
        if self.settings.locale != locale:
            self.settings = replace(self.settings, locale=locale)
        for scene in self.stack.scenes:
            scene.on_locale_changed()
            scene.layout(self.stack.size)   # every scene re-lays its text in the new language
            scene.dirty = True

    def tr(self, text: str) -> str:
        """The player's language for an interface or content text (zh_Hans source = msgid)."""
        if not text:
            return text
        shown = self.translator.gettext(text)
        if shown is not text and len(self._sources) < 4096:
            self._sources[shown] = text   # lets narration find the recording of the source line
        return shown

    @property
    def narrator(self):
        """Who reads text aloud in the current language (made when first needed: not before the title shows)."""
        if self._narrator is None or self._narrator.locale != self.locale:
            # the voice machinery loads when a line is first read aloud, not before the title
            from ..i18n.voice import Narrator
            self._narrator = Narrator(self.locale, play=self.sound.play_file)
        return self._narrator

    def narrate(self, text: str) -> str:
        """Read ``text`` (as shown) aloud: recording, else espeak-ng, else silence. Returns the source kind."""
        if self.settings.muted:
            return "silent"
        return self.narrator.speak(self._sources.get(text, text), text).kind

    def voice_status(self) -> str:
        return self.tr(self.narrator.status())

    # ------------------------------------------------------------ content
    def _load_library(self):
        if self._library_result is None:
            # the content loads after the first frame: the title shows at once
            from ..content.loader import load_library
            self._library_result = load_library()
            n = len(self._library_result.skipped_files)
            if n:
                log.warning("%d content files skipped", n)
        return self._library_result

    @property
    def library(self):
        return self._load_library().library

    @property
    def load_problems(self):
        return self._load_library().problems

    @property
    def skipped_files(self) -> list[str]:
        return self._load_library().skipped_files

    @property
    def library_ready(self) -> bool:
        return self._library_result is not None

    def current_pack(self):
        packs = self.library.packs
        pid = self.settings.pack
        if pid in packs:
            return packs[pid]
        return next(iter(packs.values()), None)

    # ------------------------------------------------------------ running
    def request_quit(self) -> None:
        self._quit = True

    def redraw_all(self) -> None:
        """Next frame redraws every visible scene in full (window exposed, focus back)."""
        for scene in self.stack.visible():
            scene.dirty = True
            scene._full = True
        if self.controller is not None:
            self.controller.dirty = True

    def handle_event(self, event) -> None:
        if event.type == pygame.WINDOWEXPOSED:
            self.redraw_all()
            return
        if self.controller is not None and self.controller.raw_event(event):
            return
        intent = translate(event, self.window_size)
        if intent is not None:
            self.handle_intent(intent)

    def handle_intent(self, intent: Intent) -> bool:
        if self.controller is not None and self.controller.intercept(intent):
            return True
        if intent.action is Action.QUIT:
            self.request_quit()
            return True
        if intent.action is Action.RESIZE and intent.size:
            if tuple(intent.size) != tuple(self.window_size):
                self.resize(intent.size)
            return True
        if intent.action is Action.FOCUS_GAINED:
            self.redraw_all()
        used = self.stack.handle(intent)
        if intent.action is Action.SHORTCUT and not used and intent.key == "f11":
            self.toggle_fullscreen()
            return True
        return used

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            pass
        self.resize(pygame.display.get_surface().get_size())

    def _idle_wait_ms(self) -> int:
        """How long the loop may sleep: until a scene's low-rate timer is due, at most one slice."""
        wait = IDLE_SLICE_MS
        for scene in self.stack.visible():
            fps = getattr(scene, "idle_fps", 0)
            if fps:
                wait = min(wait, int(1000 / fps))
        return max(1, wait)

    def draw(self) -> None:
        self.ink.begin_frame()   # the phone's record of drawn text is per frame (layout tests read it)
        self._dirty_rects = []
        self._partial = True
        self.stack.draw(self.screen)
        # Only a frame drawn by exactly one scene that reported its rectangles can be sent in part.
        if len(self.stack.visible()) != 1 or self._partial_reports != 1:
            self._partial = False
        self._partial_reports = 0
        if self.controller is not None:   # the teacher bar, beside the scenes
            self._dirty_rects.extend(self.controller.draw(self.window))

    def report_dirty(self, rects) -> None:
        """A scene drew only ``rects`` this frame (None: it drew everything)."""
        self._partial_reports = getattr(self, "_partial_reports", 0) + 1
        if rects is None:
            self._partial = False
        else:
            self._dirty_rects.extend(rects)

    def present(self) -> None:
        if getattr(self, "_partial", False):
            if self._dirty_rects:
                pygame.display.update(self._dirty_rects)
        else:
            pygame.display.flip()

    def step(self, dt: float, events: list | None = None, elapsed: float | None = None) -> None:
        """One pass of the loop without waiting: events, autoplay, update, draw if needed.

        Tests and benchmarks call this directly. ``elapsed`` is the real time since the last
        step when it is longer than ``dt`` (the loop slept): the mode controller's timers
        (kiosk idle reset) count real seconds.
        """
        for event in events if events is not None else pygame.event.get():
            self.handle_event(event)
        if self.autoplayer:
            self.autoplayer.tick(dt)
        self.clock_time += dt
        if self.controller is not None:
            self.controller.update(dt if elapsed is None else max(dt, elapsed))
        if self.controller is None or not self.controller.frozen:
            self.stack.update(dt)
        if self.stack.needs_redraw or (self.controller is not None and self.controller.dirty):
            self.draw()
            self.present()
            self._after_draw()
        self.frame += 1

    def _new_text_generation(self) -> None:
        """A new screen: the text service keeps what this and the previous screen drew, and lets the
        rest go, so a kiosk running for weeks holds a few screens of text, not every text it ever showed."""
        self.text.new_generation()

    def _guarded_step(self, dt: float, events: list, elapsed: float | None) -> None:
        """``step`` for the real loop: an unexpected exception is reported; a kiosk carries on,
        other modes raise it again (tests and the monkey call ``step`` and see every exception)."""
        try:
            self.step(dt, events, elapsed)
        except Exception as exc:  # noqa: BLE001 — see game.ui.recovery
            if not self.crash_guard.recover(exc):
                raise

    def trace_event(self, event: str, **data) -> None:
        """A line for ``--trace`` (a choice taken, …); nothing without it."""
        if self.trace is not None:
            self.trace.write(event, screen=getattr(self.stack.top, "name", None), **data)

    def _after_draw(self) -> None:
        if self.trace is not None:
            self.trace.after_frame(self)
        top = self.stack.top
        if top is not self._last_top:
            self._new_text_generation()
        if self.screenshot_dir and top is not None and top is not self._last_top:
            self.screenshot_dir.mkdir(parents=True, exist_ok=True)
            name = f"{self._shots:03d}_{getattr(top, 'name', 'scene')}.png"
            pygame.image.save(self.window, str(self.screenshot_dir / name))
            self._shots += 1
        self._last_top = top

    def first_frame(self) -> None:
        """Show the first screen at once, before anything slow (content, asyncio) is loaded."""
        self._guarded_step(0.0, pygame.event.get(), None)

    async def run(self) -> str:
        """Run until the game ends; returns why: "quit", "stopped" (a stop request from outside),
        "frames" (--frames reached) or "out_of_order" (a kiosk that keeps crashing)."""

        import asyncio  # after the first frame: the title shows before asyncio loads

        clock = pygame.time.Clock()
        last = time.perf_counter()
        first = True
        passes = 0
        while not self._quit and self.stack.top is not None:
            if self.stop.requested:
                return "stopped"
            busy = (self.fixed_dt or self.autoplayer or self.stack.animating or self.stack.needs_redraw
                    or (self.controller is not None and self.controller.busy))
            events = pygame.event.get()
            if not busy and not events:
                # Nothing moves: sleep in short slices (a touch is seen within IDLE_POLL_S)
                # until an event arrives or a scene's low-rate timer is due.
                due = self._idle_wait_ms() / 1000
                slept = 0.0
                while slept < due and not self._quit and not self.stop.requested:
                    await asyncio.sleep(min(IDLE_POLL_S, due - slept))
                    slept += IDLE_POLL_S
                    if pygame.event.peek():
                        break
                events = pygame.event.get()
                if slept >= due:
                    for scene in self.stack.visible():
                        if getattr(scene, "idle_fps", 0):
                            scene.dirty = True
            now = time.perf_counter()
            dt = self.fixed_dt or min(now - last, 0.1)
            elapsed = None if self.fixed_dt else now - last
            last = now
            self._guarded_step(dt, events, elapsed)
            passes += 1   # counted even when the step crashed: --frames always ends a run
            if first:
                first = False
                self._load_library()   # after the first frame: the title shows at once
                problems = no_playable_content(self.library, len(self.skipped_files))
                if problems:
                    raise CannotStart(problems)
                self.trace_event("ready")
                self.stack._mark_visible_dirty()
            if self.crash_guard.out_of_order:
                return "out_of_order"
            pause = self.crash_guard.take_pause()
            while pause > 0 and not self.stop.requested:   # a kiosk in trouble slows down, not spins
                await asyncio.sleep(min(IDLE_SLICE_MS / 1000, pause))
                pause -= IDLE_SLICE_MS / 1000
            if self.max_frames is not None and passes >= self.max_frames:
                return "frames"
            if not self.fixed_dt and (self.stack.animating or (self.controller is not None and self.controller.busy)):
                clock.tick(60)
            await asyncio.sleep(0)
        return "quit"

    def shutdown(self) -> None:
        """The game is closing: a game still on the board is recorded as unfinished."""
        if getattr(self, "play_stats", None) is not None:
            self.play_stats.close()
            self.play_stats = None


# ---------------------------------------------------------------- command line

def _size(text: str) -> tuple[int, int]:
    try:
        w, h = text.lower().split("x")
        size = int(w), int(h)
    except ValueError:
        raise argparse.ArgumentTypeError("size must look like 1280x720") from None
    if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]:
        raise argparse.ArgumentTypeError(f"the window must be at least {MIN_SIZE[0]}x{MIN_SIZE[1]}")
    return size


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", type=_size, default=DEFAULT_SIZE, metavar="WxH",
                        help="window size (default 1280x720)")
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen")
    parser.add_argument("--display", type=int, default=0, metavar="N",
                        help="the monitor to use, 0 (the main one, default), 1, 2 …; "
                             "a kiosk with a touch screen beside an operator's monitor names the touch screen")
    parser.add_argument("--locale", choices=LOCALES, help="language: zh_Hans, zh_Hant or en")
    parser.add_argument("--pack", metavar="ID", help="audience pack id (elderly, students_junior, students_senior, "
                                                     "workplace, general); every mode plays only this pack, "
                                                     "autoplay included")
    parser.add_argument("--seed", type=int, help="random seed, for repeatable games")
    parser.add_argument("--autoplay", action="store_true", help="computer players play through every screen")
    parser.add_argument("--frames", type=_positive, metavar="N", help="quit after N frames")
    parser.add_argument("--screenshots", metavar="DIR", help="save a PNG each time a new screen appears")
    parser.add_argument("--trace", metavar="FILE",
                        help="testing: write what is on screen (screens, controls and their rectangles) and the "
                             "choices taken to FILE as JSON lines")
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--kiosk", action="store_const", const="kiosk", dest="mode",
                       help="unattended kiosk / exhibition booth: full screen, attract loop, idle reset, "
                            "no quitting; operator menu by a 3-second press in the top-left corner")
    modes.add_argument("--classroom", action="store_const", const="classroom", dest="mode",
                       help="classroom: 2-4 teams on a projector, teacher bar (P pause, R reveal, S skip, Q quiz)")
    modes.add_argument("--normal", action="store_const", const="normal", dest="mode",
                       help="an ordinary window, whatever mode the operator saved")
    parser.add_argument("--windowed", action="store_true", help="kiosk in a window (to try a set-up)")
    parser.add_argument("--stats-db", metavar="PATH",
                        help="statistics database file (default: stats.sqlite3 in the user data folder)")
    parser.add_argument("--class-name", metavar="NAME", help="classroom: the class, shown on screen and the pledge")
    parser.add_argument("--teams", type=int, choices=(2, 3, 4), help="classroom: number of teams")
    parser.add_argument("--watched", action="store_true", help=argparse.SUPPRESS)       # run by the watchdog
    parser.add_argument("--out-of-order", action="store_true", help=argparse.SUPPRESS)  # the watchdog gave up
    parser.add_argument("--monkey", type=_positive, metavar="N",
                        help="testing: feed N random touches, clicks, keys, resizes and focus changes (with "
                             "--kiosk or --classroom for those modes), check the game after each, exit 1 on the "
                             "first failure with the seed and event number; uses a throw-away data folder")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number, 1 or more")
    return value


def build_app(args, persist_settings: bool = True, stop: StopRequest | None = None) -> App:
    settings, notice = load_settings(mode=args.mode)   # once: a bad file is set aside and its notice kept
    mode = args.mode or settings.mode
    fullscreen = args.fullscreen or (mode == "kiosk" and not args.windowed)
    app = App(size=args.size, fullscreen=fullscreen, locale=args.locale, pack=args.pack, seed=args.seed,
              autoplay=args.autoplay, frames=args.frames, screenshot_dir=args.screenshots, settings=settings,
              settings_notice=notice, mode=mode, stats_db=args.stats_db, class_name=args.class_name,
              teams=args.teams, persist_settings=persist_settings, stop=stop, display=args.display)
    app.stack.push(app.home_scene())
    return app


def _log_to_file() -> None:
    """Warnings, errors and operator events also go to ``user_data_dir()/logs/game.log`` (rotated, 4 MB at most)."""

    # the log file's handler after the first frame: the title shows first
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    try:
        folder = user_data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / "game.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:   # a read-only disk: the game still runs
        log.warning("no log file: %s", exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    root.addHandler(handler)
    root.addHandler(console)
    logging.getLogger("game.operator").setLevel(logging.INFO)


def run_monkey(args) -> int:
    """``play --monkey N``: random input against the real game, in a data folder of its own
    (the monkey changes settings and plays games that must not reach a kiosk's statistics)."""

    from .monkey import run_monkey as feed  # the monkey tester only with --monkey

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    with tempfile.TemporaryDirectory(prefix="fanzha-monkey-") as folder:
        os.environ["FANZHA_DATA_DIR"] = folder
        logging.basicConfig(level=logging.ERROR)
        args = argparse.Namespace(**{**vars(args), "seed": seed, "autoplay": True, "fullscreen": False,
                                     "windowed": True, "frames": None, "screenshots": None})
        mode = args.mode or "normal"
        print(f"monkey: {args.monkey} events, {mode} mode, seed {seed}", file=sys.stderr)
        app = build_app(args, persist_settings=False)
        app.monkey = True
        try:
            app.first_frame()
            app._load_library()
            return feed(app, args.monkey, seed, lambda: app.stack.clear_to(app.home_scene()))
        finally:
            app.shutdown()
            pygame.quit()


def unknown_pack(pack_id: str) -> str | None:
    """A one-line complaint when the shipped content has no pack ``pack_id``, else None."""
    from ..content.loader import load_library  # the content loads after the first frame: the title shows at once
    packs = sorted(load_library().library.packs)
    if pack_id in packs:
        return None
    return f"python -m game play: no pack '{pack_id}' (packs: {', '.join(packs) or 'none'})"


EXIT_OUT_OF_ORDER = 4


def run(args) -> int:
    if args.pack and (problem := unknown_pack(args.pack)):
        print(problem, file=sys.stderr)
        return 2
    if args.monkey:
        return run_monkey(args)
    stop = StopRequest().install()
    mode = args.mode or peek_mode()
    if mode == "kiosk" and not args.watched and not args.out_of_order:
        from .. import watchdog  # the watchdog only for a kiosk
        if watchdog.available():
            return watchdog.supervise(args.argv, stop)
    fullscreen = args.fullscreen or (mode == "kiosk" and not args.windowed)
    if args.out_of_order:
        return _out_of_order(stop, args, fullscreen)
    problems = startup_problems() or _no_display()
    if problems:
        return _cannot_start(problems, stop, args, closable=mode != "kiosk", fullscreen=fullscreen)
    if args.watched:
        _stop_with_parent(stop)
    app = build_app(args, stop=stop)
    if args.trace:
        from .trace import Trace  # only with --trace
        app.trace = Trace(args.trace)
        app.trace.start(app)
    ended = "error"
    try:
        app.first_frame()
        _log_to_file()   # after the first frame: the title shows before the logging machinery loads
        from . import x11_guard  # after the first frame: ctypes and Xlib's handler after the title shows

        def display_lost() -> None:
            if app.trace is not None:
                app.trace.close("display lost")
            app.shutdown()   # the game in progress goes into the statistics before Xlib ends the process

        x11_guard.install(display_lost)
        if app.settings_notice:
            logging.getLogger("game.operator").warning("%s", app.settings_notice)
        try:
            import asyncio  # after the first frame (see App.run)
            ended = asyncio.run(app.run())
        except CannotStart as exc:
            ended = "cannot start"
            app.shutdown()
            return _cannot_start(exc.problems, stop, args, closable=mode != "kiosk", fullscreen=fullscreen)
        if ended == "stopped":
            logging.getLogger("game.operator").info("stopped from outside (%s)", stop.reason)
        if ended == "out_of_order":
            app.shutdown()
            return _out_of_order(stop, args, fullscreen)
        return 0
    finally:
        if app.trace is not None:
            app.trace.close(ended)
        app.shutdown()
        pygame.quit()
        stop.finished()


def _no_display() -> list[tuple[str, str]]:
    """SDL falls back to drawing off screen when it finds no display: a kiosk would then run
    unseen and look healthy. Only a test that asks for that driver gets it."""
    pygame.display.init()
    driver = pygame.display.get_driver()
    if driver in ("offscreen", "dummy") and os.environ.get("SDL_VIDEODRIVER") != driver:
        return [("找不到显示器（没有图形界面，或 DISPLAY 没有设置）。请在图形桌面里启动游戏。",
                 "No display found (no graphical session, or DISPLAY is not set). Start the game from the desktop.")]
    return []


def peek_mode() -> str:
    """The mode settings.json says to start in, without repairing anything (the game does that)."""
    return read_mode(default_settings_path())


def _cannot_start(problems, stop: StopRequest, args, closable: bool, fullscreen: bool) -> int:
    """Say once, on stderr and on screen, why the game cannot start; exit status 3."""
    for zh, en in problems:
        print(f"python -m game: {en}\n               {zh}", file=sys.stderr)
    show_notice(["游戏无法启动", "The game cannot start"], [line for pair in problems for line in pair],
                stop, closable=closable, max_passes=args.frames, size=args.size, fullscreen=fullscreen,
                display=args.display)
    return EXIT_CANNOT_START


def _out_of_order(stop: StopRequest, args, fullscreen: bool) -> int:
    """A kiosk that keeps crashing: a still screen for the visitors until the staff come."""
    count = read_count()
    first = (count.get("first") or {}).get("report", "")
    where = f"{logs_dir()}" + (f" ({first})" if first else "")
    lines = ["请告诉工作人员。", "Please tell the staff.", f"故障报告：{where}", f"Crash reports: {where}"]
    logging.getLogger("game.operator").error("out of order: %d crashes recorded", count.get("count", 0))
    ended = show_notice(["暂停服务", "Out of order"], lines, stop, closable=False,
                        max_passes=args.frames, size=args.size, fullscreen=fullscreen, display=args.display)
    return 0 if stop.requested else EXIT_OUT_OF_ORDER if ended == "frames" else 0


def _stop_with_parent(stop: StopRequest) -> None:
    """Under the watchdog: if the watchdog itself is gone (killed hard), stop too."""
    parent = os.getppid()

    def watch() -> None:
        while not stop.requested:
            time.sleep(1.0)
            if os.getppid() != parent:
                stop.request("watchdog gone")
                return

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
