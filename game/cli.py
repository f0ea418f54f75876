"""The one command: ``python -m game [play|validate|graph|simulate|stats|voice] …``.

Each sub-command lives in its own module exposing ``add_arguments(parser)`` and
``run(args) -> int``; modules are imported only when their command runs, so
``validate`` never starts pygame.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMANDS = {
    "play": ("game.ui.app", "start the game (the default)"),
    "validate": ("game.content.validate_cmd", "check content files and report every problem"),
    "graph": ("game.content.graph_cmd", "draw a scenario's branches (.dot, .png, .svg)"),
    "simulate": ("game.rules.simulate", "play many computer games to measure a board"),
    "stats": ("game.stats.cli", "report anonymous play statistics"),
    "voice": ("game.i18n.voice_cmd", "pre-render narration with espeak-ng"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m game", description="反诈飞行棋 — Anti-Fraud Flight Chess")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subs.add_parser(name, help=help_text, description=help_text)
        module = _import(module_name)
        if module is not None:
            module.add_arguments(sub)
        sub.set_defaults(module_name=module_name)
    return parser


def _import(module_name: str):
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(module_name.rsplit(".", 1)[0]):
            return None  # that part of the game is not built yet
        raise


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "play")
    if argv[0] != "play":
        # Commands without a screen must work on machines with no display.
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    module = _import(args.module_name)
    if module is None:
        print(f"'{args.command}' is not available in this build", file=sys.stderr)
        return 2
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        return 130
