"""The game's own screens at every size the layout tests check, for looking at them side by side.

    python tools/layout_screenshots.py [OUT_DIR] [--size WxH ...] [--scene NAME ...]

Writes ``<scene>_<W>x<H>.png`` (default OUT_DIR /tmp/layout_screenshots) for the title, a board in
the middle of a game (planes out on the squares), the phone waiting for a choice, its feedback and
the results, at 1024×768, 1280×720, 1920×1080, 3840×2160, 800×1280, 1080×1920 and 3840×1080.
Runs without a window (SDL dummy drivers) and never touches the player's settings file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import i18n_screenshots as shots   # sets the dummy drivers and a throw-away data folder first

import pygame  # noqa: E402

SIZES = [(1024, 768), (1280, 720), (1920, 1080), (3840, 2160), (800, 1280), (1080, 1920), (3840, 1080)]


def main(argv: list[str]) -> int:
    from game.settings import Settings
    from game.ui.app import App

    args = list(argv)
    sizes, scenes, out_dir = [], [], Path("/tmp/layout_screenshots")
    while args:
        a = args.pop(0)
        if a == "--size":
            w, h = args.pop(0).lower().split("x")
            sizes.append((int(w), int(h)))
        elif a == "--scene":
            scenes.append(args.pop(0))
        else:
            out_dir = Path(a)
    out_dir.mkdir(parents=True, exist_ok=True)
    for size in sizes or SIZES:
        app = App(size=size, settings=Settings(locale="zh_Hans", voice=False), sound=False, seed=3)
        for scene in scenes or shots.SCENES:
            print(shots.shoot(app, scene, out_dir / f"{scene}_{size[0]}x{size[1]}.png"))
        app.stack.scenes.clear()
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
