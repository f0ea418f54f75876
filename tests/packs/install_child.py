"""Run by the power-cut tests: install a pack, and die at a named step as if the power went off."""

import os
import sys
from pathlib import Path

from game.content import install

packs_dir, source, stop_at = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]


def _cut(step: str) -> None:
    if step == stop_at:
        os._exit(9)   # no clean-up, no finally: like pulling the plug


install.after_step = _cut
result = install.install_pack(source, packs_dir)
print(result.message)
sys.exit(0 if result.ok else 1)
