"""``python -m game play …``: the options, building the App, and running it (watchdog, notices, monkey)."""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import pygame

from ...crashlog import logs_dir, read_count
from ...i18n.message import say
from ...paths import user_data_dir
from ...settings import default_settings_path, load_settings, read_mode
from ...startup_checks import EXIT_CANNOT_START, startup_problems
from ...stopping import StopRequest
from ..notice import show_notice
from .core import DEFAULT_SIZE, LOCALES, MIN_SIZE, App
from .loop import CannotStart

log = logging.getLogger("game.ui.app")


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
    parser.add_argument("--content", type=Path, action="append", default=[], metavar="DIR",
                        help="also play the content pack in DIR (a folder with pack.yaml, or a .zip of one); "
                             "repeatable")
    parser.add_argument("--scenario", metavar="ID", help="author's preview: open this script straight away on the phone")
    parser.add_argument("--node", metavar="ID", help="author's preview: start the --scenario at this node")
    parser.add_argument("--watch", action="store_true",
                        help="author's preview: load the content again when its files change and show the current "
                             "screen again (errors are shown instead of the game)")
    parser.add_argument("--seed", type=int, help="random seed, for repeatable games")
    parser.add_argument("--autoplay", action="store_true", help="computer players play through every screen")
    parser.add_argument("--frames", type=_positive, metavar="N", help="quit after N frames")
    parser.add_argument("--screenshots", metavar="DIR", help="save a PNG each time a new screen appears")
    parser.add_argument("--trace", metavar="FILE",
                        help="testing: write what is on screen (screens, controls and their rectangles) and the "
                             "choices taken to FILE as JSON lines")
    parser.add_argument("--scene", metavar="SCRIPT",
                        help="open one scam script on the phone over the title (authors trying a script; tests)")
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--kiosk", action="store_const", const="kiosk", dest="mode",
                       help="unattended kiosk / exhibition booth: full screen, attract loop, idle reset, "
                            "no quitting; operator menu by a 3-second press in the top-left corner")
    modes.add_argument("--classroom", action="store_const", const="classroom", dest="mode",
                       help="classroom: 2-4 teams on a projector (full screen unless --windowed), teacher bar "
                            "(V vote, P pause, R reveal, S skip, Q quiz, E summary)")
    modes.add_argument("--normal", action="store_const", const="normal", dest="mode",
                       help="an ordinary window, whatever mode the operator saved")
    parser.add_argument("--windowed", action="store_true", help="kiosk or classroom in a window (to try a set-up)")
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
    fullscreen = args.fullscreen or (mode in ("kiosk", "classroom") and not args.windowed)
    app = App(size=args.size, fullscreen=fullscreen, locale=args.locale, pack=args.pack, seed=args.seed,
              autoplay=args.autoplay, frames=args.frames, screenshot_dir=args.screenshots, settings=settings,
              settings_notice=notice, mode=mode, stats_db=args.stats_db, class_name=args.class_name,
              teams=args.teams, persist_settings=persist_settings, stop=stop, display=args.display,
              content=tuple(getattr(args, "content", ()) or ()))
    app.start_script = args.scene
    app.stack.push(app.home_scene())
    if getattr(args, "scenario", None) or getattr(args, "watch", False):
        from .preview import AuthorPreview  # the content's preview machinery only for an author's preview
        app.preview = AuthorPreview(app, args.scenario, args.node, args.watch)
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

    from ..monkey import run_monkey as feed  # the monkey tester only with --monkey

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
            app.load_content()
            return feed(app, args.monkey, seed, lambda: app.stack.clear_to(app.home_scene()))
        finally:
            app.shutdown()
            pygame.quit()


def unknown_pack(pack_id: str, content: tuple[Path, ...] = ()) -> str | None:
    """A one-line complaint when the game's content (shipped and installed packs, and ``content``:
    the ``--content`` folders) has no audience pack ``pack_id``, else None."""
    # the content loads after the first frame: the title shows at once
    from ...content.loader import load_library
    from ...content.packs import ContentSources
    packs = sorted(load_library(sources=ContentSources(extra=tuple(content))).library.packs)
    if pack_id in packs:
        return None
    return f"python -m game play: no pack '{pack_id}' (packs: {', '.join(packs) or 'none'})"


def not_a_pack(content) -> str | None:
    """A one-line complaint when a ``--content`` path is no content pack, else None."""
    from ...content.packs import NotAPack, given_place  # only when --content is given
    for path in content:
        try:
            given_place(Path(path))
        except NotAPack as exc:
            return f"python -m game play: {exc}"
    return None


EXIT_OUT_OF_ORDER = 4


def run(args) -> int:
    if args.node and not args.scenario:
        print("python -m game play: --node needs --scenario ID (the script the node is in)", file=sys.stderr)
        return 2
    if args.content and (problem := not_a_pack(args.content)):
        print(problem, file=sys.stderr)
        return 2
    if args.pack and (problem := unknown_pack(args.pack, tuple(args.content))):
        print(problem, file=sys.stderr)
        return 2
    if args.monkey:
        return run_monkey(args)
    stop = StopRequest().install()
    mode = args.mode or peek_mode()
    if mode == "kiosk" and not args.watched and not args.out_of_order:
        from ... import watchdog  # the watchdog only for a kiosk
        if watchdog.available():
            return watchdog.supervise(args.argv, stop)
    fullscreen = args.fullscreen or (mode in ("kiosk", "classroom") and not args.windowed)
    if args.out_of_order:
        return _out_of_order(stop, args, fullscreen)
    problems = startup_problems() or _no_display()
    if problems:
        return _cannot_start(problems, stop, args, closable=mode != "kiosk", fullscreen=fullscreen)
    if args.watched:
        _stop_with_parent(stop)
    app = build_app(args, stop=stop)
    if args.trace:
        from ..trace import Trace  # only with --trace
        app.trace = Trace(args.trace)
        app.trace.start(app)
    ended = "error"
    try:
        app.first_frame()
        _log_to_file()   # after the first frame: the title shows before the logging machinery loads
        from .. import x11_guard  # after the first frame: ctypes and Xlib's handler after the title shows

        def display_lost() -> None:
            if app.trace is not None:
                app.trace.close("display lost")
            app.shutdown()   # the game in progress goes into the statistics before Xlib ends the process

        x11_guard.install(display_lost)
        if app.settings_notice:
            logging.getLogger("game.operator").warning("%s", say(app.settings_notice, app.tr))
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
