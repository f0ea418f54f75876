"""``python -m game validate [PATH ...] [--format text|json]``."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from .loader import LoadResult, _content_root_of, display_path, load_library


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="content files or folders (default: the shipped scenarios/ folder)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"validate: no such file or folder: {', '.join(map(str, missing))}")
        return 2
    result = load_library(paths=_with_roots(args.paths) or None)
    if args.paths:
        result = _only(result, args.paths)
    counts = result.library.counts()
    extra = {} if args.paths else _coverage(result)  # coverage is about the shipped library
    if args.format == "json":
        out = {"errors": [p.as_json() for p in result.errors],
               "warnings": [p.as_json() for p in result.warnings],
               "counts": counts}
        out.update(extra)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for problem in result.errors + result.warnings:
            print(problem.format())
        summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
        print(f"{len(result.errors)} error(s), {len(result.warnings)} warning(s) in {len(result.files)} file(s); "
              f"loaded {summary}")
        for key, value in extra.items():
            if key == "translations":
                for locale, info in value.items():
                    print(f"translation {locale}: {info['percent']:.1f}% "
                          f"({info['translated']}/{info['total']})")
                    for miss in info["missing"][:20]:
                        print(f"    {miss['state']}: {miss['path']}:{miss['line']}: {miss['msgid'][:40]}")
    return 1 if result.errors else 0


def _with_roots(paths: list[Path]) -> list[Path]:
    """Single files are checked against their whole content folder, so references resolve."""

    roots = []
    for path in paths:
        root = _content_root_of(path)
        if root.resolve() not in [r.resolve() for r in roots]:
            roots.append(root)
    return roots


def _only(result, paths: list[Path]):
    """Keep the problems of the files the user named (all files under named folders)."""

    wanted_files = {display_path(p) for p in paths if not p.is_dir()}
    wanted_dirs = tuple(display_path(p).rstrip(os.sep) + os.sep for p in paths if p.is_dir())

    def wanted(shown: str) -> bool:
        # Compared as shown, never resolved: a link inside the folder stays inside it.
        return shown in wanted_files or shown.startswith(wanted_dirs) or (shown + os.sep) in wanted_dirs

    return LoadResult(result.library, [p for p in result.problems if wanted(p.path)],
                      [f for f in result.files if wanted(f.path)])


def _coverage(result) -> dict:
    """Per-locale translation coverage, once the i18n layer exists."""
    try:
        from ..i18n.coverage import coverage_report  # Babel's catalog reader only for the coverage report
    except ImportError:
        return {}
    return {"translations": coverage_report(result)}
