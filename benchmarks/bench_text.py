#!/usr/bin/env python3
"""Text benchmarks: uncached render vs cached blit, and wrapping a paragraph.

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python benchmarks/bench_text.py [--repeat N]

Prints (no pass/fail):

* ms per render of a 30-character Chinese line (TextCache miss: wrap + render);
* ms per frame when the same line comes from the cache and is blitted;
* ms to wrap a 200-character mixed paragraph with ``break_lines`` (real font metrics).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.ui.fonts import FontBook  # noqa: E402
from game.ui.text import TextCache, wrap_text  # noqa: E402

LINE = "请拨打96110咨询，或下载国家反诈中心APP举报电信诈骗。"
PARAGRAPH = ("接到自称“公检法”的电话，要求把钱转到“安全账户”的，都是诈骗！"
             "请拨打96110咨询，或下载国家反诈中心APP。境外来电+00 852 1234请警惕，"
             "涉及金额¥5,000以上务必先核实。详见https://www.96110.cn/help。") * 2
PARAGRAPH = PARAGRAPH[:200]
assert len(LINE) == 30 and len(PARAGRAPH) == 200


def per_call_ms(fn, repeat: int) -> float:
    """Best of 5 batches, in ms per call."""
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - t0) / repeat)
    return best * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=200, help="calls per batch (default 200)")
    ap.add_argument("--size", type=int, default=32, help="font size in px (default 32)")
    args = ap.parse_args()

    pygame.init()
    screen = pygame.display.set_mode((1280, 720))
    fonts = FontBook()
    font = fonts.get(args.size)

    def uncached():
        cache = TextCache(fonts)  # a fresh cache: every call is a miss
        cache.render(LINE, args.size, colour=(40, 40, 40))

    cache = TextCache(fonts)

    def cached():
        cache.new_generation()
        screen.blit(cache.render(LINE, args.size, colour=(40, 40, 40)), (100, 100))

    def wrap():
        wrap_text(PARAGRAPH, font, 600)

    print(f"{len(LINE)}-char line, {args.size}px:")
    print(f"  render (cache miss)   {per_call_ms(uncached, args.repeat):8.3f} ms")
    print(f"  cached + blit         {per_call_ms(cached, args.repeat):8.3f} ms")
    lines = wrap_text(PARAGRAPH, font, 600)
    print(f"{len(PARAGRAPH)}-char paragraph, {args.size}px, 600px wide ({len(lines)} lines):")
    print(f"  wrap                  {per_call_ms(wrap, args.repeat):8.3f} ms")
    print(f"  cache renders: {cache.renders}, hits: {cache.hits}")


if __name__ == "__main__":
    main()
