"""A Python without some of the game's packages: validate still checks the content without Babel,
and a command that needs a missing package says so in one line instead of a traceback."""

import os
import subprocess
import sys

# Runs the command line with a package made unimportable (sys.modules[name] = None).
RUN = "import sys; sys.modules[{name!r}] = None; from game.cli import main; sys.exit(main({argv!r}))"


def run_without(name: str, argv: list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUN.format(name=name, argv=argv)],
                          capture_output=True, text=True, timeout=300, env=env)


def test_validate_checks_the_content_without_babel():
    done = run_without("babel", ["validate"])
    assert done.returncode == 0, done.stderr
    assert "0 error(s)" in done.stdout


def test_a_missing_package_is_one_line_not_a_traceback():
    done = run_without("yaml", ["validate"])
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and "'yaml' is missing" in done.stderr


def test_validate_checks_the_shipped_content_without_platformdirs():
    env = {k: v for k, v in os.environ.items() if k != "FANZHA_DATA_DIR"}   # no known user data folder
    done = run_without("platformdirs", ["validate"], env)
    assert done.returncode == 0, done.stderr
    assert "0 error(s)" in done.stdout and "installed content packs left out" in done.stderr
