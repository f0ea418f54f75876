"""PostgreSQL for the county tests: one throw-away cluster per test run (see pgcluster.py).

Without PostgreSQL's server binaries the tests skip and say why — unless
FANZHA_REQUIRE_PG=1 (set by .ci/run after .ci/postgres.sh installed them), when
a missing server is a failure.
"""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pgcluster import PgCluster, find_bindir  # noqa: E402

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")


@pytest.fixture(scope="session")
def pg_cluster():
    if find_bindir() is None:
        reason = "PostgreSQL server binaries not found (run .ci/postgres.sh, or apt-get install postgresql)"
        if os.environ.get("FANZHA_REQUIRE_PG") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    cluster = PgCluster()
    yield cluster
    cluster.destroy()


@pytest.fixture
def county(pg_cluster):
    """An empty, migrated county database; its admin URL."""
    from game.stats.migrate import migrate
    pg_cluster.reset_database()
    migrate(pg_cluster.admin_url())
    return pg_cluster.admin_url()


@pytest.fixture
def pgpass(tmp_path, monkeypatch):
    """A PGPASSFILE for kiosk logins: add(user, password)."""
    path = tmp_path / "pgpass"
    path.write_text("")
    path.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))

    class PgPass:
        def add(self, user: str, password: str) -> None:
            with open(path, "a") as f:
                f.write(f"127.0.0.1:*:*:{user}:{password}\n")
    return PgPass()
