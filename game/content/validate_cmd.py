"""``python -m game validate [PATH ...] [--content DIR]... [--format text|json]``.

Without a PATH it checks what the game loads: the shipped pack and the installed packs (and any
``--content``). A PATH inside a content pack (a folder with ``pack.yaml``) checks that pack in the
context of the packs it builds on, so references to shipped help tiles resolve and id collisions
are found; only the problems of the files under PATH are shown (and those of other files that
collide with them). A PATH outside any pack is checked on its own, as a standalone folder.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
import sys
from .packs import ContentSources, NotAPack, enclosing_pack, given_place
from ..paths import CONTENT_DIR, user_data_dir_known
from .loader import LoadResult, _content_root_of, load_library

SHOWN_MISSING = 20     # translations listed per locale before "and N more"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="content files or folders, or a content pack's folder (default: everything "
                             "the game loads)")
    add_content_argument(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")


def add_content_argument(parser: argparse.ArgumentParser) -> None:
    """``--content DIR`` (repeatable), shared by every command that loads content."""
    parser.add_argument("--content", type=Path, action="append", default=[], metavar="DIR",
                        help="also load the content pack in DIR (a folder with pack.yaml, or a .zip of one); "
                             "repeatable")


def content_sources(args: argparse.Namespace, command: str):
    """The ContentSources for ``--content``, or None after printing why one is not a pack. Without a
    known user data folder (no platformdirs, no FANZHA_DATA_DIR) the installed packs are left out,
    and the command says so: the shipped content is still checked."""
    try:
        for path in args.content:
            given_place(path)     # checks it now, for a one-line message and exit status 2
    except NotAPack as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return None
    installed = user_data_dir_known()
    if not installed:
        print(f"{command}: installed content packs left out (the package 'platformdirs' is missing)",
              file=sys.stderr)
    return ContentSources(installed=installed, extra=tuple(args.content))


def run(args: argparse.Namespace) -> int:

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"validate: no such file or folder: {', '.join(map(str, missing))}")
        return 2
    sources = content_sources(args, "validate")
    if sources is None:
        return 2
    shipped = CONTENT_DIR.resolve()
    in_packs = [(p, enclosing_pack(p)) for p in args.paths]
    standalone = [p for p, root in in_packs if root is None]
    named_roots = []
    for _path, root in in_packs:
        if root is not None and root.resolve() != shipped and root.resolve() not in [r.resolve() for r in named_roots]:
            named_roots.append(root)
    results = []
    if standalone:
        result = load_library(paths=_with_roots(standalone))
        results.append(_only(result, standalone, None))
    if not args.paths or len(standalone) < len(args.paths):
        result = load_library(sources=sources.with_extra(*named_roots))
        packed = [p for p, root in in_packs if root is not None]
        results.append(_only(result, packed, result) if packed else result)
    extra = {}
    if not args.paths:
        extra = _coverage(results[-1])   # coverage is about everything the game loads
    elif named_roots and len(results) and not standalone:
        extra = _coverage(results[-1], [r.resolve() for r in named_roots])
    return _report(results, extra, args.format, not args.paths)


def _report(results, extra: dict, fmt: str, everything: bool) -> int:
    errors = [p for r in results for p in r.errors]
    warnings = [p for r in results for p in r.warnings]
    problems = [p for r in results for p in r.problems]
    files = sum(len(r.files) for r in results)
    counts = results[-1].library.counts()
    packs = [s for r in results for s in r.packs if everything or s.origin != "shipped" or s.state != "loaded"]
    if fmt == "json":
        out = {"errors": [p.as_json() for p in errors], "warnings": [p.as_json() for p in warnings],
               "notes": [p.as_json() for p in problems if p.severity == "note"], "counts": counts,
               "packs": [s.as_json() for s in packs]}
        out.update(extra)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem.format())
        summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
        print(f"{len(errors)} error(s), {len(warnings)} warning(s) in {files} file(s); loaded {summary}")
        for status in packs:
            print(_pack_line(status))
        if not errors:   # the errors first: translating texts that do not load yet is wasted work
            _print_coverage(extra)
        _note_pack_here(everything)
    return 1 if errors else 0


def _pack_line(status) -> str:
    what = f"content pack '{status.id}' ({status.name} {status.version}, {status.origin})"
    if status.loaded:
        return f"{what}: loaded, " + counts_text(status.counts)
    return f"{what}: NOT loaded ({status.state}): {status.reason}"


_COUNT_NAMES = {"scam_types": "scam types", "tiles": "tiles", "boards": "boards", "scenarios": "scripts",
                "quiz_items": "quiz questions", "packs": "audience packs"}


def counts_text(counts: dict[str, int]) -> str:
    words = [_COUNT_NAMES.get(k, k) for k in counts]
    return ", ".join(f"{n} {word[:-1] if n == 1 else word}" for n, word in zip(counts.values(), words) if n) \
        or "nothing"


def _print_coverage(extra: dict) -> None:
    for locale, info in extra.get("translations", {}).items():
        if not info["total"]:
            continue   # nothing was read (a pack that did not load): nothing to say
        print(f"translation {locale}: {info['percent']:.1f}% ({info['translated']}/{info['total']})")
        for miss in info["missing"][:SHOWN_MISSING]:
            print(f"    {miss['state']}: {miss['path']}:{miss['line']}: {miss['msgid'][:40]}")
        more = len(info["missing"]) - SHOWN_MISSING
        if more > 0:
            print(f"    … and {more} more ({info.get('todo') or 'python tools/i18n.py todo ' + locale})")


def _note_pack_here(everything: bool) -> None:
    """Run in a pack's folder with no PATH, say how to check that pack: it is not what was checked."""
    here = enclosing_pack(Path.cwd()) if everything else None
    if here is not None:
        if here.resolve() != CONTENT_DIR.resolve():
            print(f"note: this folder is in the content pack {here}; to check that pack, run "
                  f"'python -m game validate {here}'")


def _with_roots(paths: list[Path]) -> list[Path]:
    """Single files are checked against their whole content folder, so references resolve."""

    roots = []
    for path in paths:
        root = _content_root_of(path)
        if root.resolve() not in [r.resolve() for r in roots]:
            roots.append(root)
    return roots


def _only(result, paths: list[Path], packed):
    """Keep the problems of the files the user named (all files under named folders).

    For a path in a content pack, the pack's problems outside the named files stay too: its
    manifest's, and the other half of an id collision (in another pack's file).
    """

    wanted_files = {os.path.abspath(p) for p in paths if not p.is_dir()}
    wanted_dirs = tuple(os.path.abspath(p).rstrip(os.sep) + os.sep for p in paths if p.is_dir())

    def wanted(shown: str) -> bool:
        # Compared as absolute paths, never resolved: a link inside the folder stays inside it.
        path = os.path.abspath(shown)
        return path in wanted_files or path.startswith(wanted_dirs) or (path + os.sep) in wanted_dirs

    keep = {id(p) for p in result.problems if wanted(p.path)}
    packs, files = [], [f for f in result.files if wanted(f.path)]
    named = [Path(os.path.abspath(p)) for p in paths]
    for status in (packed.packs if packed is not None else ()):
        root = Path(os.path.abspath(status.place.root))
        if not any(root == p or root in p.parents for p in named):
            continue
        packs.append(status)
        inside = str(root).rstrip(os.sep) + os.sep
        keep |= {id(p) for p in status.problems if not os.path.abspath(p.path).startswith(inside) or
                 os.path.basename(p.path) == "pack.yaml"}
        if not status.loaded:
            files += [f for f in status.files if wanted(f.path)]
    return LoadResult(result.library, [p for p in result.problems if id(p) in keep], files, packs)


def _coverage(result, pack_roots=None) -> dict:
    """Per-locale translation coverage: of everything loaded, or of the named packs' own texts."""
    try:
        from ..i18n.coverage import coverage_report   # needs Babel; without it validate still checks the content
    except ImportError:
        return {}
    return {"translations": coverage_report(result, pack_roots=pack_roots)}
