"""``python -m game voice build [--locale L]``: pre-render every line with espeak-ng for offline kiosks."""

from __future__ import annotations

import argparse
import shutil
import sys

from ..content.loader import load_library
from .catalogs import LOCALES, get_translator
from .coverage import content_messages, interface_messages
from .voice import message_id, render, rendered_dir
from ..content.validate_cmd import add_content_argument, content_sources
from . import use_content
from ..content.hotlines import REGION_IDS, resolve


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("build",))
    parser.add_argument("--locale", choices=LOCALES, action="append",
                        help="locale to render (repeatable; default: all)")
    parser.add_argument("--list", action="store_true", help="print every file made")
    add_content_argument(parser)


def run(args: argparse.Namespace) -> int:

    sources = content_sources(args, "voice")
    if sources is None:
        return 2
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        print("voice: espeak-ng is not installed (Debian/Ubuntu: apt install espeak-ng); nothing was made")
        return 1
    result = load_library(sources=sources, check_font=False)
    use_content(result)     # the packs' own translations are what is read aloud
    messages = list(dict.fromkeys([*interface_messages(), *content_messages(result)]))
    for locale in args.locale or LOCALES:
        tr = get_translator(locale)
        out_dir = rendered_dir(locale)
        made = kept = failed = 0
        for source, shown in _lines(messages, tr):
            out = out_dir / f"{message_id(source)}.wav"
            if out.exists():
                kept += 1
                continue
            if render(espeak, shown, locale, out):
                made += 1
                if args.list:
                    print(out)
            else:
                failed += 1
        print(f"{locale}: made {made}, already there {kept}, failed {failed} → {out_dir}")
        sys.stdout.flush()
    return 0


def _lines(messages, tr):
    """(source as the game names its recording, text to speak) for every message. A line naming a
    hotline ({hotline.warning}) is spoken once per region, as each region shows it (see App.tr)."""

    for source in messages:
        if "{hotline." not in source:
            yield source, tr(source)
            continue
        for region in REGION_IDS:
            yield resolve(source, region), resolve(tr(source), region, tr)
