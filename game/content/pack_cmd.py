"""``python -m game pack list|install|remove|enable|disable|export|translate``: content packs at the kiosk.

Exit status: 0 done, 1 refused or failed (the pack has errors, needs a newer game, a bad zip …),
2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from .install import PackError, export_pack, install_pack, list_packs, remove_pack, set_enabled
from .packs import ContentSources
from .validate_cmd import counts_text
from ..i18n.pack_catalogs import TranslateError, translate_pack


def add_arguments(parser: argparse.ArgumentParser) -> None:
    subs = parser.add_subparsers(dest="pack_action", metavar="ACTION")
    sub = subs.add_parser("list", help="list the packs with their version, authors, counts and problems")
    sub.add_argument("--format", choices=("text", "json"), default="text")
    sub = subs.add_parser("install", help="check a pack (a folder or a .zip) and install it")
    sub.add_argument("source", type=Path, metavar="FOLDER|ZIP")
    sub.add_argument("--format", choices=("text", "json"), default="text")
    for name, text in (("remove", "remove an installed pack"), ("enable", "load an installed pack again"),
                       ("disable", "keep an installed pack without loading it")):
        sub = subs.add_parser(name, help=text)
        sub.add_argument("pack_id", metavar="ID")
    sub = subs.add_parser("export", help="write a pack as a .zip that 'pack install' accepts")
    sub.add_argument("pack", metavar="ID|FOLDER")
    sub.add_argument("--out", type=Path, required=True, metavar="FILE.zip|DIR")
    sub = subs.add_parser("translate", help="put a pack's texts into its own locales/ catalogs")
    sub.add_argument("folder", type=Path, metavar="FOLDER")
    sub.add_argument("--locale", action="append", choices=("zh_Hant", "en"), default=None,
                     help="only this locale (repeatable; default: zh_Hant and en)")
    sub.add_argument("--draft-hant", action="store_true",
                     help="fill empty zh_Hant entries with an OpenCC draft, marked fuzzy for a reviewer "
                          "(pip install opencc)")


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "pack_action", None)
    if action is None:
        print("usage: python -m game pack {list,install,remove,enable,disable,export,translate} …  "
              "(see python -m game pack --help)", file=sys.stderr)
        return 2
    return _ACTIONS[action](args)


def _list(args) -> int:
    packs = list_packs(ContentSources())
    if args.format == "json":
        print(json.dumps([p.as_json() for p in packs], ensure_ascii=False, indent=2))
        return 0
    for status in packs:
        print(pack_summary(status))
        for problem in status.errors[:5] + status.warnings[:5]:
            print("    " + problem.format().replace("\n", "\n    "))
        more = len(status.errors) + len(status.warnings) - len(status.errors[:5]) - len(status.warnings[:5])
        if more > 0:
            print(f"    … and {more} more ('python -m game validate {status.place.shown}' lists them all)")
    return 0


def pack_summary(status) -> str:
    authors = f" · {', '.join(status.authors)}" if status.authors else ""
    state = status.state if status.state in ("loaded", "disabled") else f"{status.state}: {status.reason}"
    counts = f" · {counts_text(status.counts)}" if status.counts else ""
    return f"{status.id} · {status.name} {status.version}{authors} · {status.origin} · {state}{counts}"


def _install(args) -> int:
    result = install_pack(args.source)
    if args.format == "json":
        print(json.dumps({"ok": result.ok, "message": result.message, "replaced": result.replaced,
                          "pack": result.status.as_json() if result.status else None}, ensure_ascii=False, indent=2))
        return 0 if result.ok else 1
    for problem in result.problems:
        print(problem.format())
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _simple(verb):
    def action(args) -> int:
        try:
            message = remove_pack(args.pack_id) if verb == "remove" else \
                set_enabled(args.pack_id, verb == "enable")
        except (PackError, OSError) as exc:
            print(f"pack {verb}: {exc}", file=sys.stderr)
            return 1
        print(message + ("" if verb == "remove" else " (from the next start of the game)"))
        return 0
    return action


def _export(args) -> int:
    try:
        out, status = export_pack(args.pack, args.out)
    except (PackError, OSError) as exc:
        print(f"pack export: {exc}", file=sys.stderr)
        return 1
    print(f"{status.name} {status.version} ({status.id}) → {out}")
    return 0


def _translate(args) -> int:
    try:
        lines = translate_pack(args.folder, args.locale or ["zh_Hant", "en"], draft_hant=args.draft_hant)
    except TranslateError as exc:
        print(f"pack translate: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0


_ACTIONS = {"list": _list, "install": _install, "remove": _simple("remove"), "enable": _simple("enable"),
            "disable": _simple("disable"), "export": _export, "translate": _translate}
