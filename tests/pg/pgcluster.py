"""A throw-away PostgreSQL cluster: initdb in a temporary folder, started and stopped by us.

PostgreSQL refuses to run as root, so as root the cluster belongs to a system user
(``postgres`` when Debian's package made it, else ``fanzha-pg``, created here) and
every server command runs through ``runuser``. The server listens on a Unix socket
in the cluster's folder and on a free loopback port. Admin connections use the
socket (trust); kiosk logins use TCP with SCRAM passwords, so ``.pgpass`` is real.

Used by tests/pg (pytest fixtures) and benchmarks/bench_fleet.py.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ADMIN = "fanzha_admin"
DBNAME = "fanzha"


def find_bindir() -> Path | None:
    """The folder with initdb/pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<newest>/bin."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_user() -> str | None:
    """None when we are not root (run as ourselves); otherwise a system user for the server."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "fanzha-pg"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            pass
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "fanzha-pg"],
                   check=True, capture_output=True)
    return "fanzha-pg"


class PgCluster:
    def __init__(self, *, durable: bool = False, settings: dict[str, str] | None = None):
        bindir = find_bindir()
        if bindir is None:
            raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                                    "run .ci/postgres.sh or apt-get install postgresql")
        self.bindir = bindir
        self.user = _server_user()
        self.folder = Path(tempfile.mkdtemp(prefix="fanzha-pg-"))
        self.data = self.folder / "data"
        self.socket_dir = self.folder
        self.log = self.folder / "server.log"
        self.port = _free_port()
        if self.user:
            shutil.chown(self.folder, self.user, self.user)
        os.chmod(self.folder, 0o755)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--auth-local=trust", "--auth-host=scram-sha-256",
                  "-E", "UTF8", "--locale=C.UTF-8")
        conf = {"listen_addresses": "'127.0.0.1'", "port": str(self.port),
                "unix_socket_directories": f"'{self.socket_dir}'", "max_connections": "50"}
        if not durable:    # a test cluster: nothing needs to survive a crash of the machine
            conf.update(fsync="off", full_page_writes="off")   # commits still reach the kernel: a stopped
            # server keeps them (synchronous_commit stays on — sync relies on a commit being kept)
        conf.update(settings or {})
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as f:
            f.writelines(f"{k} = {v}\n" for k, v in conf.items())
        self.start()
        self.psql_admin("postgres", f"CREATE DATABASE {DBNAME}")

    # ---- server
    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bindir / tool), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if check and done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    # ---- connecting
    def admin_url(self, dbname: str = DBNAME) -> str:
        return f"postgresql://{ADMIN}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def tcp_url(self, user: str, dbname: str = DBNAME) -> str:
        """No password in it: libpq finds it in PGPASSFILE."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}?sslmode=disable"

    def psql_admin(self, dbname: str, sql: str) -> None:
        import psycopg
        with psycopg.connect(self.admin_url(dbname), autocommit=True) as conn:
            conn.execute(sql)

    def reset_database(self) -> None:
        """A new, empty county database (roles are cluster-wide and stay)."""
        self.psql_admin("postgres", f"DROP DATABASE IF EXISTS {DBNAME} WITH (FORCE)")
        self.psql_admin("postgres", f"CREATE DATABASE {DBNAME}")
