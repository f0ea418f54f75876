"""Build the game as one folder that runs without Python: ``dist/fanzha-chess/``.

    python -m pip install ".[bundle]"
    python tools/build_bundle.py [--dist DIR] [--work DIR]

For kiosk PCs (mostly Windows, no Python). PyInstaller packs the interpreter, pygame-ce,
PyYAML, Babel and the game; the content, fonts, sounds and catalogs (compiled here) go
inside as ``game/data``, where an installed game looks for them (``game/paths.py``).
Statistics, settings and logs stay in the per-user data folder, so copying a new bundle
over an old one keeps them. Build on the OS the bundle is for (PyInstaller does not
cross-compile): on Windows the result is ``dist\\fanzha-chess\\fanzha-chess.exe`` (the game, no console
window) beside ``fanzha-chess-cli.exe`` (the same program for commands typed in a terminal: it prints).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "fanzha-chess"            # the game (on Windows without a console window: for the kiosk)
CLI_NAME = "fanzha-chess-cli"    # the same program with a console: commands that print
SHIPPED = ("scenarios", "assets", "locales")


def stage_data(staging: Path) -> Path:
    """A copy of the shipped folders with compiled catalogs, laid out as the package expects."""
    sys.path.insert(0, str(ROOT))
    from setup import LEFT_OUT, compile_catalogs   # the wheel's own build step: one way to ship data

    data = staging / "data"
    for name in SHIPPED:
        shutil.copytree(ROOT / name, data / name, ignore=LEFT_OUT)
    compile_catalogs(data / "locales")
    return data


SPEC = """\
# Written by tools/build_bundle.py; one folder, two programs sharing it.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

a = Analysis([{entry!r}], pathex=[{root!r}],
             # the package's own data (pyproject's package-data: the word table, the county schema)
             datas=[({data!r}, "game/data")] + collect_data_files("babel")
                   + collect_data_files("game", includes=["text/*.json", "stats/migrations/*.sql"]),
             # sub-commands are imported by name (game/cli.py), so PyInstaller cannot see them
             hiddenimports=collect_submodules("game"))
pyz = PYZ(a.pure)
# the kiosk program: on Windows no console window behind the game
game = EXE(pyz, a.scripts, [], exclude_binaries=True, name={name!r}, console={console})
# the same game for commands in a terminal (validate, voice build, stats …): it prints, and waits
cli = EXE(pyz, a.scripts, [], exclude_binaries=True, name={cli_name!r}, console=True)
coll = COLLECT(game, cli, a.binaries, a.datas, name={name!r})
"""


def build(dist: Path, work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    data = stage_data(Path(tempfile.mkdtemp(prefix="stage-", dir=work)))
    entry = work / "fanzha_chess_entry.py"
    entry.write_text("import sys\nfrom game.cli import main\nsys.exit(main())\n", encoding="utf-8")
    spec = work / f"{NAME}.spec"
    spec.write_text(SPEC.format(entry=str(entry), root=str(ROOT), data=str(data), name=NAME, cli_name=CLI_NAME,
                                console=sys.platform != "win32"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(dist),
                    "--workpath", str(work / "build"), str(spec)], check=True, cwd=work)
    return dist / NAME


def main() -> int:
    parser = argparse.ArgumentParser(description="build the one-folder bundle (PyInstaller)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work folder")
    args = parser.parse_args()
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is missing: python -m pip install \".[bundle]\"", file=sys.stderr)
        return 2
    folder = build(args.dist.resolve(), args.work.resolve())
    suffix = ".exe" if sys.platform == "win32" else ""
    print(f"bundle:   {folder}\ngame:     {folder / (NAME + suffix)}\ncommands: {folder / (CLI_NAME + suffix)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
