"""The one command: ``python -m game [play|validate|graph|simulate|stats|voice|pack] …``.

Each sub-command lives in its own module exposing ``add_arguments(parser)`` and
``run(args) -> int``. Only the chosen command's module is imported, so
``validate`` never starts pygame and one command's problem can't break another.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from .crashlog import logs_dir
from . import __version__

COMMANDS = {
    "play": ("game.ui.app", "start the game (the default)"),
    "validate": ("game.content.validate_cmd", "check content files and report every problem"),
    "graph": ("game.content.graph_cmd", "draw a scenario's branches (.dot, .png, .svg)"),
    "simulate": ("game.rules.simulate", "play many computer games to measure a board"),
    "stats": ("game.stats.cli", "report anonymous play statistics"),
    "voice": ("game.i18n.voice_cmd", "pre-render narration with espeak-ng"),
    "pack": ("game.content.pack_cmd", "install, list, remove, enable, disable, export or translate content packs"),
}


class _OneLineParser(argparse.ArgumentParser):
    """Bad usage gets one line (what is wrong, and where to read more) and exit status 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _top_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10} {help_text}" for name, (_, help_text) in COMMANDS.items())
    return argparse.ArgumentParser(
        prog=_program(), formatter_class=argparse.RawDescriptionHelpFormatter,
        description="反诈飞行棋 — Anti-Fraud Flight Chess",
        epilog=f"commands:\n{commands}\n\n'{_program()} COMMAND --help' explains one command; "
               f"'{_program()} --version' says which version this is; with no command the game starts.")


def _program() -> str:
    """How the user started us: ``python -m game``, or the bundle's program name."""
    if getattr(sys, "frozen", False):
        return os.path.splitext(os.path.basename(sys.executable))[0]
    return "python -m game"


def _console_streams() -> None:
    """A program built without a console (the Windows kiosk bundle) has no stdout or stderr: what it
    would print goes to logs/console.log instead of raising on the first print."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    try:
        stream = open(logs_dir() / "console.log", "a", encoding="utf-8", buffering=1)
    except OSError:
        stream = open(os.devnull, "w", encoding="utf-8")
    sys.stdout = sys.stdout or stream
    sys.stderr = sys.stderr or stream


def _missing_package(exc: ModuleNotFoundError) -> int:
    """A dependency is not installed (a Python without the game's packages): one line, exit 3."""
    print(f"{_program()}: the package '{exc.name}' is missing; install the game with its dependencies: "
          f"python -m pip install .", file=sys.stderr)
    return 3


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # In the bundle, a `simulate --jobs` worker is started as this program again (Windows cannot fork):
        # freeze_support runs the worker and exits instead of starting the command line a second time.
        import multiprocessing
        multiprocessing.freeze_support()
    _console_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("-h", "--help"):
        _top_parser().print_help()
        return 0
    if argv and argv[0] in ("-V", "--version"):   # content packs name the oldest game version they need
        print(f"反诈飞行棋 (fanzha-chess) {__version__}")
        return 0
    if not argv or argv[0] not in COMMANDS:
        if argv and not argv[0].startswith("-"):
            print(f"{_program()}: unknown command '{argv[0]}' (commands: {', '.join(COMMANDS)})",
                  file=sys.stderr)
            return 2
        argv.insert(0, "play")
    name = argv[0]
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    # Windows display scaling (125 %, 150 %) must not blur the game: draw in the screen's real pixels.
    os.environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")
    if name != "play":
        # Commands without a screen must work on machines with no display or sound card.
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    module_name, help_text = COMMANDS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            print(f"{_program()}: '{name}' is not available in this build", file=sys.stderr)
            return 2
        return _missing_package(exc)
    parser = _OneLineParser(prog=f"{_program()} {name}", description=help_text)
    module.add_arguments(parser)
    try:
        args = parser.parse_args(argv[1:])
    except SystemExit as exc:
        return 0 if exc.code in (0, None) else 2
    args.command = name
    args.argv = argv   # the command as typed: the kiosk watchdog runs the game with it
    try:
        return int(module.run(args) or 0)
    except ModuleNotFoundError as exc:
        return _missing_package(exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        sys.stderr.close()
        return 0
