"""How long hostile content takes to load: every case of the hostile suite, and the graph
checks on 5,000-node scripts. Prints figures; the tests only check what is reported.

    python benchmarks/bench_hostile.py [--top N]

Each case is loaded beside the hostile suite's small fixture, best of 3 runs, after one
warm-up load (imports, the font's character table). Target: every case under 1 s.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from game.content.loader import load_library  # noqa: E402

import hostile_cases  # noqa: E402
import test_hostile_graph as graph  # noqa: E402


def best_of(run, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def case_times(cases) -> list[tuple[float, str]]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm"
        shutil.copytree(hostile_cases.FIXTURE, warm)
        load_library(paths=[warm])
        for i, case in enumerate(cases):
            root = Path(tmp) / f"c{i}"
            shutil.copytree(hostile_cases.FIXTURE, root)
            case.write(root)
            times.append((best_of(lambda: load_library(paths=[root])), case.name))
            shutil.rmtree(root, ignore_errors=True)
    return sorted(times, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10, help="print the N slowest cases")
    args = parser.parse_args()
    times = case_times(hostile_cases.CASES)
    print(f"hostile files: {len(times)} cases, slowest {times[0][0] * 1000:.0f} ms, "
          f"total {sum(t for t, _ in times):.2f} s")
    for seconds, name in times[:args.top]:
        print(f"  {seconds * 1000:8.1f} ms  {name}")
    for label, build in (("chain", graph.chain), ("loop without exit", graph.loop_without_exit),
                         ("fan-out", graph.fan_out), ("unknown targets", graph.unknown_targets)):
        model = build(graph.N)
        print(f"graph checks, {graph.N:,}-node {label}: {best_of(lambda: graph.check(model)) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
