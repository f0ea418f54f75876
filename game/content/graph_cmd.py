"""``python -m game graph SCENARIO_ID --out FILE``: draw a script's branches for its author.

Always writes Graphviz ``.dot`` text; ``.png`` and ``.svg`` go through Graphviz's
``dot`` program when it is installed. Endings are coloured by outcome, edges by
the choice's risk and labelled with its text; unreachable nodes and dead ends
are drawn dashed with a warning label.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

from . import graph_checks
from .models import Scenario
from .validate_cmd import add_content_argument, content_sources
from .loader import load_library

_ENDING_COLOURS = {"escaped": "#2e9d57", "reported": "#2f6fd0", "scammed": "#d33a2c"}
_CHOICE_COLOURS = {"safe": "#2e9d57", "risky": "#d33a2c", "neutral": "#6b7280"}
_ENDING_LABELS = {"escaped": "脱险", "reported": "已报警", "scammed": "被骗"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO_ID")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE",
                        help="output file: .dot, .png or .svg")
    add_content_argument(parser)


def run(args: argparse.Namespace) -> int:

    suffix = args.out.suffix.lower()
    if suffix not in (".dot", ".png", ".svg"):
        print(f"graph: --out must end in .dot, .png or .svg, not '{suffix or args.out.name}'")
        return 2
    sources = content_sources(args, "graph")
    if sources is None:
        return 2
    result = load_library(sources=sources, check_font=False)
    scenario = find_scenario(result, args.scenario)
    if scenario is None:
        files = [f for s in result.packs for f in s.files] or result.files
        known = sorted({i.id for f in files if f.built and f.kind == "scenario" for i in f.built.items})
        print(f"graph: no scenario with the id '{args.scenario}'")
        if known:
            print("known scenarios: " + ", ".join(known))
        return 1
    dot = to_dot(scenario)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".dot":
        args.out.write_text(dot, encoding="utf-8")
        print(f"wrote {args.out}")
        return 0
    dot_program = shutil.which("dot")
    if dot_program is None:
        fallback = args.out.with_suffix(".dot")
        fallback.write_text(dot, encoding="utf-8")
        print(f"graph: Graphviz 'dot' is not installed, so no {suffix} was made; wrote {fallback} instead.\n"
              f"Install Graphviz (Debian/Ubuntu: apt install graphviz; Windows: graphviz.org) and run again.")
        return 1
    done = subprocess.run([dot_program, f"-T{suffix[1:]}", "-o", str(args.out)], input=dot.encode("utf-8"),
                          capture_output=True, timeout=60)
    if done.returncode != 0:
        print(f"graph: dot failed: {done.stderr.decode('utf-8', 'replace').strip()}")
        return 1
    print(f"wrote {args.out}")
    return 0


def find_scenario(result, scenario_id: str) -> Scenario | None:
    """The scenario as built from its file, even when its graph has errors (or its pack did not load)."""
    for f in [f for s in result.packs for f in s.files] or result.files:
        if f.built and f.kind == "scenario":
            for item in f.built.items:
                if item.id == scenario_id:
                    return item
    return None


def to_dot(scenario: Scenario) -> str:
    live = graph_checks.reachable(scenario)
    finishing = graph_checks.can_reach(scenario, lambda n: n.is_ending)
    out = [f"digraph {_quote(scenario.id)} {{",
           "  rankdir=TB;",
           '  graph [fontname="Noto Sans CJK SC", labelloc=t, fontsize=20, '
           f'label={_quote(scenario.title + "  (" + scenario.id + ")")}];',
           '  node [fontname="Noto Sans CJK SC", shape=box, style="rounded,filled", fillcolor="#ffffff"];',
           '  edge [fontname="Noto Sans CJK SC", fontsize=10];']
    for nid, node in scenario.nodes.items():
        label = f"{nid}\\n[{node.channel.value}]"
        if node.lines:
            label += "\\n" + _short(node.lines[0].text, 24)
        attrs = {"label": label}
        if node.ending:
            outcome = node.ending.outcome.value
            attrs.update(fillcolor=_ENDING_COLOURS[outcome], fontcolor="white", shape="box",
                         label=f"{nid}\\n{_ENDING_LABELS[outcome]} ({outcome})")
        if nid == scenario.start:
            attrs["penwidth"] = "3"
        problems = []
        if nid not in live:
            problems.append("unreachable")
        if nid in live and nid not in finishing:
            problems.append("dead end")
        if problems:
            attrs.update(style="rounded,dashed,filled", fillcolor="#fff3c4", color="#b45309", fontcolor="#7c2d12")
            attrs["label"] += "\\n⚠ " + ", ".join(problems)
        out.append(f"  {_quote(nid)} [{_attrs(attrs)}];")
    for nid, node in scenario.nodes.items():
        for i, choice in enumerate(node.choices):
            colour = _CHOICE_COLOURS[choice.outcome.value]
            label = f"{i + 1}. {_short(choice.text, 18)}"
            if choice.money:
                label += f"\\n-¥{choice.money:,}"
            target = choice.to
            if target not in scenario.nodes:
                missing = {"label": target + "\\n⚠ missing node", "style": "dashed", "color": "#b45309"}
                out.append(f"  {_quote(target)} [{_attrs(missing)}];")
            out.append(f"  {_quote(nid)} -> {_quote(target)} [{_attrs({'label': label, 'color': colour, 'fontcolor': colour})}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _short(text: str, limit: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\\\\n", "\\n") + '"'


def _attrs(attrs: dict) -> str:
    return ", ".join(f"{k}={_quote(str(v))}" for k, v in attrs.items())
