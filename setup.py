"""Build hook: a wheel carries the game's content, assets and compiled catalogs.

The repository keeps ``scenarios/``, ``assets/`` and ``locales/`` at its top level, where authors
and translators work. ``build_py`` copies them into the built package as ``game/data/`` and
compiles every ``.po`` to ``.mo`` there, so an installed game never writes into its own folder.
Everything else is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("scenarios", "assets", "locales")
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "*.mo.tmp", ".*")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the repository's folders (game/paths.py)
        target = Path(self.build_lib) / "game" / "data"
        if target.exists():
            shutil.rmtree(target)
        for name in SHIPPED:
            shutil.copytree(ROOT / name, target / name, ignore=LEFT_OUT)
        compile_catalogs(target / "locales")

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        data = Path(self.build_lib) / "game" / "data"
        return outputs + [str(p) for p in data.rglob("*") if p.is_file()] if data.exists() else outputs


def compile_catalogs(locales: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(locales.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        with po.with_suffix(".mo").open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)


if __name__ == "__main__":   # tools/build_bundle.py imports this file for compile_catalogs
    setup(cmdclass={"build_py": BuildWithData})
