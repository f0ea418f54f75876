"""Render every channel's sample to PNG files: ``python -m game.ui.phone.gallery OUT_DIR``.

For looking at the phone screens at several window sizes without starting the game.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

SIZES = ((1280, 720), (1920, 1080), (3840, 2160), (1080, 1920))


def stub_app(theme=None, text_size: str = "normal", reduced_motion: bool = False):
    """The smallest drawing context the phone needs (theme, tr, locale, text size, the text's ink)."""
    # pygame after main() has chosen the dummy video driver
    from game.ui.phone.ink import Ink
    from game.ui.theme import WARM
    return SimpleNamespace(theme=theme or WARM, tr=lambda s: s, locale="zh_Hans", ink=Ink(), text_scale_key=text_size,
                           settings=SimpleNamespace(text_size=text_size, high_contrast=False,
                                                    reduced_motion=reduced_motion, muted=True))


def render(name: str, size, app, state=None):
    import pygame  # pygame after main() has chosen the dummy video driver

    from .dispatch import draw_node  # pygame after main() has chosen the dummy video driver
    from .samples import sample_nodes  # pygame after main() has chosen the dummy video driver
    from .state import PhoneState  # pygame after main() has chosen the dummy video driver
    node = sample_nodes()[name]
    surf = pygame.Surface(size)
    surf.fill(app.theme.background)
    w, h = size
    area = pygame.Rect(0, 0, w * 0.4, h) if w > h else pygame.Rect(0, 0, w, h * 0.5)
    area = area.inflate(-min(w, h) * 0.06, -min(w, h) * 0.06)
    st = state or PhoneState(t=1.3, ringing=name.endswith("ringing"), call_started=42)
    hits = draw_node(surf, area, node, st, app)
    return surf, hits


def main(argv=None) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame  # pygame after main() has chosen the dummy video driver
    pygame.init()
    from .samples import sample_nodes  # pygame after main() has chosen the dummy video driver
    out = Path((argv or sys.argv[1:] or ["/tmp/phone_gallery"])[0])
    out.mkdir(parents=True, exist_ok=True)
    app = stub_app()
    for name in sample_nodes():
        for size in SIZES:
            surf, _ = render(name, size, app)
            pygame.image.save(surf, str(out / f"phone_{name}_{size[0]}x{size[1]}.png"))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
