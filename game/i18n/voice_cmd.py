"""``python -m game voice build [--locale L]``: pre-render every line with espeak-ng for offline kiosks."""

from __future__ import annotations

import argparse
import shutil
import sys

from ..content.loader import load_library
from .catalogs import LOCALES, get_translator
from .coverage import content_messages, interface_messages
from .voice import message_id, render, rendered_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("build",))
    parser.add_argument("--locale", choices=LOCALES, action="append",
                        help="locale to render (repeatable; default: all)")
    parser.add_argument("--list", action="store_true", help="print every file made")


def run(args: argparse.Namespace) -> int:

    espeak = shutil.which("espeak-ng")
    if espeak is None:
        print("voice: espeak-ng is not installed (Debian/Ubuntu: apt install espeak-ng); nothing was made")
        return 1
    result = load_library(check_font=False)
    messages = list(dict.fromkeys([*interface_messages(), *content_messages(result)]))
    for locale in args.locale or LOCALES:
        tr = get_translator(locale)
        out_dir = rendered_dir(locale)
        made = kept = failed = 0
        for source in messages:
            out = out_dir / f"{message_id(source)}.wav"
            if out.exists():
                kept += 1
                continue
            if render(espeak, tr(source), locale, out):
                made += 1
                if args.list:
                    print(out)
            else:
                failed += 1
        print(f"{locale}: made {made}, already there {kept}, failed {failed} → {out_dir}")
        sys.stdout.flush()
    return 0
