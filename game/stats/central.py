"""Connecting to the county's PostgreSQL, the libpq way.

A target is a ``postgresql://`` URL, ``key=value`` settings (``service=fanzha``,
``host=… dbname=… sslmode=verify-full``) or a bare service name from
``pg_service.conf``. Passwords come from ``.pgpass`` / ``PGPASSFILE`` (libpq reads
them); a target with a password in it is refused wherever it would be saved.
``sslmode`` and every other libpq setting are passed through untouched.
"""

from __future__ import annotations

import re

from .basics import StatsError

CONNECT_TIMEOUT_S = 10
_ID_RE = r"^[A-Za-z_][A-Za-z0-9_.-]*$"


def is_postgres_target(text: str) -> bool:
    """A URL or key=value settings; anything else is taken for a SQLite file path."""
    return text.startswith(("postgresql://", "postgres://")) or "=" in text


def conninfo(target: str) -> str:
    """The libpq connection string for a target; a bare word is a service name."""
    text = target.strip()
    if not is_postgres_target(text):
        if not re.match(_ID_RE, text):
            raise ValueError(f"'{text}' is not a postgresql:// URL, key=value settings or a service name")
        return f"service={text}"
    return text


def conninfo_dict(target: str) -> dict:
    from psycopg.conninfo import conninfo_to_dict  # psycopg (and libpq) load only for a county database
    try:
        return conninfo_to_dict(conninfo(target))
    except Exception as exc:   # psycopg.ProgrammingError for bad syntax
        raise ValueError(str(exc).strip()) from None


def safe_text(target: str) -> str:
    """The target with any password removed, for logs, messages and the sync bookkeeping."""
    try:
        params = conninfo_dict(target)
    except ValueError:
        return "(unreadable target)"
    params.pop("password", None)
    from psycopg.conninfo import make_conninfo  # psycopg (and libpq) load only for a county database
    return make_conninfo(**params)


def connect(target: str, *, timeout_s: float = CONNECT_TIMEOUT_S, statement_timeout_s: float | None = None,
            autocommit: bool = False, application_name: str = "fanzha-chess", **extra):
    """A psycopg connection; StatsError with a readable message when it cannot be made."""
    try:
        import psycopg  # psycopg (and libpq) load only for a county database
    except ImportError:
        raise StatsError("需要 psycopg 才能连接 PostgreSQL：pip install 'psycopg[binary]'") from None
    options = {"connect_timeout": max(1, round(timeout_s)), "application_name": application_name, **extra}
    if statement_timeout_s:
        options["options"] = f"-c statement_timeout={int(statement_timeout_s * 1000)}"
    try:
        return psycopg.connect(conninfo(target), autocommit=autocommit, **options)
    except ValueError as exc:
        raise StatsError(f"连接设置有误：{exc}") from None
    except psycopg.Error as exc:
        raise StatsError(f"无法连接 PostgreSQL（{safe_text(target)}）：{str(exc).strip()}") from None


def connect_report(target: str):
    """A read-only connection for reports (works for the reporting role and for owners alike)."""
    conn = connect(target, autocommit=True)
    conn.execute("SET default_transaction_read_only = on")
    try:
        conn.execute("SELECT 1 FROM fanzha.session_daily LIMIT 0")
    except Exception as exc:  # noqa: BLE001 — psycopg errors: say what to do
        conn.close()
        raise StatsError(f"PostgreSQL 里没有统计表（先运行 python -m game stats migrate --db …）：{exc}".strip()) \
            from None
    return conn
