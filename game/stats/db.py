"""Opening the statistics database: where it lives, connection set-up, corruption policy.

The game writes (one short transaction per call) while the operator menu or
``stats report`` read, possibly from another process: WAL lets readers and the
writer work side by side, and the busy timeout covers the rare moment two
writers meet. ``synchronous=NORMAL`` in WAL mode keeps every committed
transaction through a crash or SIGKILL of the game; only a power cut can lose
the last few, and it never corrupts the file.

A corrupt database is set aside (renamed beside itself, never deleted) and a
new one started, with a notice for the operator — the same policy as settings.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from game.i18n.marker import N_
from game.i18n.message import Said
from game.paths import user_data_dir
from game.settings import set_aside

from .basics import StatsError, iso_utc  # noqa: F401 (re-exported: the statistics modules' error and time text)
from .schema import SCHEMA_VERSION, SchemaTooNew, migrate

DB_FILE = "stats.sqlite3"
BUSY_TIMEOUT_S = 5.0
_SIDECARS = ("-wal", "-shm", "-journal")
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def default_db_path() -> Path:
    return user_data_dir() / DB_FILE


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def is_corruption(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CORRUPT_CODES
    text = str(exc)
    return "malformed" in text or "not a database" in text


def connect(path: Path, *, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with our pragmas set.

    Without ``create`` a missing file is an error rather than a new empty database.
    """
    uri = Path(path).resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        if readonly:
            conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection):
    """BEGIN IMMEDIATE … COMMIT; ROLLBACK if the block fails. Takes the write lock up front."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def open_for_writing(path: Path | str | None = None) -> tuple[sqlite3.Connection, str | None]:
    """(connection, notice) to a checked, up-to-date database; a corrupt one is replaced.

    Raises StatsError when the database cannot be used at all (folder not
    writable, written by a newer game, …).
    """
    path = Path(path) if path is not None else default_db_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return _open_checked(path), None
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc):
                raise
        aside = set_aside_db(path)
        conn = _open_checked(path)
    except SchemaTooNew as exc:
        raise StatsError(N_("统计数据库 {path} 来自更新版本的游戏，本版本不会改动它（{reason}）"), path=path,
                         reason=exc) from None
    except (sqlite3.Error, OSError) as exc:
        raise StatsError(N_("无法打开统计数据库 {path}：{reason}"), path=path, reason=exc) from None
    return conn, Said(N_("统计数据库损坏，已新建数据库；原文件已保存为 {aside}"), aside=aside)


def _open_checked(path: Path) -> sqlite3.Connection:
    conn = connect(path, create=True)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise sqlite3.DatabaseError("database disk image is malformed: " + "; ".join(r[0] for r in rows[:3]))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:   # before anything below changes the file
            raise SchemaTooNew(f"statistics schema {version} is newer than this game's {SCHEMA_VERSION}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise sqlite3.OperationalError(f"could not switch to WAL mode (journal_mode is {mode})")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def set_aside_db(path: Path) -> Path:
    """Rename the database and its WAL/SHM files out of the way, keeping them together."""
    aside = set_aside(path)
    for suffix in _SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(aside.with_name(aside.name + suffix))
    return aside


def open_for_reading(path: Path | str | None = None) -> sqlite3.Connection:
    """A read-only connection to an existing database. StatsError with a clear message otherwise."""
    path = Path(path) if path is not None else default_db_path()
    if not path.is_file():
        raise StatsError(N_("找不到统计数据库 {path}（还没有记录过游戏？）"), path=path)
    try:
        conn = connect(path, readonly=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except BaseException:
            conn.close()
            raise
    except sqlite3.Error as exc:
        if is_corruption(exc):
            raise StatsError(N_("统计数据库 {path} 已损坏，无法读取（游戏下次启动时会把它另存并新建）"),
                             path=path) from None
        raise StatsError(N_("无法读取统计数据库 {path}：{reason}"), path=path, reason=exc) from None
    if version != SCHEMA_VERSION:
        conn.close()
        if version == 0:
            raise StatsError(N_("{path} 不是统计数据库（没有统计表）"), path=path)
        if version < SCHEMA_VERSION:
            raise StatsError(N_("统计数据库 {path} 是旧版本 {version}：用本版本的游戏打开一次，它会自动升级"),
                             path=path, version=version)
        raise StatsError(N_("统计数据库 {path} 的版本是 {version}，本程序只认识版本 {known}"), path=path,
                         version=version, known=SCHEMA_VERSION)
    return conn
