#!/usr/bin/env python3
"""Text benchmarks: rendering, and the line breaker old (character breaks) vs new (word breaks).

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python benchmarks/bench_text.py [--repeat N] [--old REV]

Prints (no pass/fail):

* ms per render of a 30-character Chinese line (text service miss: wrap + render);
* ms per frame when the same line comes from the cache and is blitted;
* µs to break a 200-character mixed paragraph (real font metrics), old breaker vs new: the new one
  the first time it sees the paragraph (it cuts it into words) and again (words cached);
* µs per paragraph over every shipped zh_Hans and zh_Hant text at four box widths (4, 8, 12 and 17
  em, 24 px), old vs new, and how many (text, width) pairs need more lines than before;
* the word table (game/text/words.json and hmm.json): size on disk, memory once loaded, CPU time
  to load it, the CPU time to import game.text.linebreak, and the memory of a full break cache.

The old breaker is game/ui/text.py at ``--old REV`` (default: the commit before game/text/linebreak.py
was added), read with ``git show``; without git the old figures are left out.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.text import linebreak, segment  # noqa: E402
from game.ui.fonts import FontBook  # noqa: E402
from game.ui.text import TextService, wrap_text  # noqa: E402

LINE = "请拨打96110咨询，或下载国家反诈中心APP举报电信诈骗。"
PARAGRAPH = ("接到自称“公检法”的电话，要求把钱转到“安全账户”的，都是诈骗！"
             "请拨打96110咨询，或下载国家反诈中心APP。境外来电+00 852 1234请警惕，"
             "涉及金额¥5,000以上务必先核实。详见https://www.96110.cn/help。") * 2
PARAGRAPH = PARAGRAPH[:200]
assert len(LINE) == 30 and len(PARAGRAPH) == 200
CORPUS_EMS = (4, 8, 12, 17)
CORPUS_PX = 24


def per_call_ms(fn, repeat: int) -> float:
    """Best of 5 batches, in ms per call."""
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - t0) / repeat)
    return best * 1000


def old_breaker(rev: str | None):
    """``break_lines`` of game/ui/text.py before word breaking (None if git cannot show it)."""
    try:
        if rev is None:
            added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", "game/text/linebreak.py"],
                                   cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
            if not added:
                return None
            rev = added[-1] + "^"
        source = subprocess.run(["git", "show", f"{rev}:game/ui/text.py"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "fanzha_old_text.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("fanzha_old_text", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["fanzha_old_text"] = module
    spec.loader.exec_module(module)
    return module.break_lines


def shipped_texts() -> list[str]:
    spec = importlib.util.spec_from_file_location("build_wordlist", ROOT / "tools" / "build_wordlist.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    texts = tool.shipped_texts()
    return texts["zh_Hans"] + texts["zh_Hant"]


def corpus(old, font, texts) -> None:
    em = font.size("中")[0]
    widths = [k * em for k in CORPUS_EMS]

    def measure(s):
        return font.size(s)[0]

    # As a screen does: the first layout of a paragraph cuts it into words; fitting it to its box
    # then tries other sizes and widths, which find the words in the cache.
    first = later = 0.0
    new = []
    linebreak.break_opportunities.cache_clear()
    for text in texts:
        t0 = time.perf_counter()
        new.append(linebreak.break_lines(text, measure, widths[0]))
        t1 = time.perf_counter()
        new.extend(linebreak.break_lines(text, measure, w) for w in widths[1:])
        first, later = first + t1 - t0, later + time.perf_counter() - t1
    print(f"every shipped text ({len(texts)}: zh_Hans + zh_Hant) at {', '.join(map(str, CORPUS_EMS))} em, "
          f"{CORPUS_PX}px, µs per paragraph:")
    if old is not None:
        t0 = time.perf_counter()
        before = [old(text, measure, w) for text in texts for w in widths]
        print(f"  old breaker           {(time.perf_counter() - t0) / len(before) * 1e6:8.1f} µs")
    print(f"  new, first layout     {first / len(texts) * 1e6:8.1f} µs   (cuts the paragraph into words)")
    print(f"  new, other layouts    {later / (len(texts) * (len(widths) - 1)) * 1e6:8.1f} µs   (words cached)")
    if old is not None:
        more = sum(len(a) > len(b) for a, b in zip(new, before))
        fewer = sum(len(a) < len(b) for a, b in zip(new, before))
        wrapped = sum(len(b) > 1 for b in before)
        print(f"  lines: {sum(map(len, before))} old, {sum(map(len, new))} new; of the {wrapped} layouts of more "
              f"than one line, {more} need more lines than before ({100 * more / wrapped:.1f} %), {fewer} fewer")
        for k, w in enumerate(CORPUS_EMS):
            pairs = [(a, b) for a, b in zip(new[k::len(widths)], before[k::len(widths)]) if len(b) > 1]
            grown = sum(len(a) > len(b) for a, b in pairs)
            print(f"    {w:>2} em: {grown} of {len(pairs)} ({100 * grown / max(1, len(pairs)):.1f} %)")


def table_figures(texts) -> None:
    words_data, hmm_data = segment.TABLE_PATH.read_bytes(), segment.HMM_PATH.read_bytes()

    def load_words():
        return segment.WordTable.parse(words_data, lambda: json.loads(hmm_data))

    def cpu_ms(fn, repeat=20):
        times = []
        for _ in range(repeat):
            t0 = time.process_time()
            fn()
            times.append(time.process_time() - t0)
        return statistics.median(times) * 1000

    words_ms = cpu_ms(load_words)
    hmm_ms = cpu_ms(lambda: load_words()._read_hmm()) - words_ms
    tracemalloc.start()
    table = load_words()
    words_mem = tracemalloc.get_traced_memory()[0]
    table._read_hmm()
    hmm_mem = tracemalloc.get_traced_memory()[0] - words_mem
    linebreak.break_opportunities.cache_clear()
    before = tracemalloc.get_traced_memory()[0]
    paragraphs = sorted({p for text in texts for p in text.split("\n")}, key=len, reverse=True)
    for p in paragraphs[:linebreak.break_opportunities.cache_info().maxsize]:
        linebreak.break_opportunities(p)
    cache = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    code = ("import re, json, math, bisect, functools, collections.abc, pathlib, time, game\n"
            "t = time.process_time(); import game.text.linebreak; print(time.process_time() - t)")
    imports = [float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                    check=True).stdout) for _ in range(7)]
    print(f"word table: {len(table.freq)} dictionary words (words.json), HMM emissions of {len(table.emit)} "
          f"characters (hmm.json, read when a text first needs it):")
    print(f"  on disk               {len(words_data) / 1024:8.1f} KiB + {len(hmm_data) / 1024:.1f} KiB")
    print(f"  in memory             {words_mem / 1024:8.1f} KiB + {hmm_mem / 1024:.1f} KiB")
    print(f"  load, CPU             {words_ms:8.2f} ms + {hmm_ms:.2f} ms (median of 20)")
    print(f"  import game.text.*    {statistics.median(imports) * 1000:8.2f} ms CPU (median of 7; .pyc as written)")
    print(f"  full break cache      {cache / 1024:8.1f} KiB ({linebreak.break_opportunities.cache_info().maxsize} "
          f"longest paragraphs)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=200, help="calls per batch (default 200)")
    ap.add_argument("--size", type=int, default=32, help="font size in px (default 32)")
    ap.add_argument("--old", metavar="REV", help="git revision of the old breaker (default: before game/text)")
    args = ap.parse_args()

    pygame.init()
    screen = pygame.display.set_mode((1280, 720))
    fonts = FontBook()
    font = fonts.get(args.size)
    old = old_breaker(args.old)

    def uncached():
        cache = TextService(fonts)  # a fresh cache: every call is a miss
        cache.render(LINE, args.size, colour=(40, 40, 40))

    cache = TextService(fonts)

    def cached():
        cache.new_generation()
        screen.blit(cache.render(LINE, args.size, colour=(40, 40, 40)), (100, 100))

    def measure(s):
        return font.size(s)[0]

    def wrap_first():
        linebreak.break_opportunities.cache_clear()
        wrap_text(PARAGRAPH, font, 600)

    print(f"{len(LINE)}-char line, {args.size}px:")
    print(f"  render (cache miss)   {per_call_ms(uncached, args.repeat):8.3f} ms")
    print(f"  cached + blit         {per_call_ms(cached, args.repeat):8.3f} ms")
    lines = wrap_text(PARAGRAPH, font, 600)
    print(f"{len(PARAGRAPH)}-char paragraph, {args.size}px, 600px wide ({len(lines)} lines), µs:")
    if old is not None:
        print(f"  old breaker           {per_call_ms(lambda: old(PARAGRAPH, measure, 600), args.repeat) * 1000:8.0f} µs")
    print(f"  new, first time       {per_call_ms(wrap_first, args.repeat) * 1000:8.0f} µs")
    print(f"  new, again            {per_call_ms(lambda: wrap_text(PARAGRAPH, font, 600), args.repeat) * 1000:8.0f} µs")
    print(f"  cache renders: {cache.renders}, hits: {cache.hits}")
    texts = shipped_texts()
    corpus(old, fonts.get(CORPUS_PX), texts)
    table_figures(texts)


if __name__ == "__main__":
    main()
