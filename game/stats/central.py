"""Connecting to the county's PostgreSQL, the libpq way.

A target is a ``postgresql://`` URL, ``key=value`` settings (``service=fanzha``,
``host=… dbname=… sslmode=verify-full``) or a bare service name from
``pg_service.conf``. Passwords come from ``.pgpass`` / ``PGPASSFILE`` (libpq reads
them); a target with a password in it is refused wherever it would be saved.
``sslmode`` and every other libpq setting are passed through untouched.
"""

from __future__ import annotations

import re

from game.i18n.marker import N_
from game.i18n.message import Said

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
            raise ValueError(Said(N_("“{text}” 不是 postgresql:// 地址、key=value 设置，也不是服务名"), text=text))
        return f"service={text}"
    return text


def conninfo_dict(target: str) -> dict:
    from psycopg.conninfo import conninfo_to_dict  # psycopg (and libpq) load only for a county database
    text = conninfo(target)     # ValueError (a ``Said``) for a bare word that is no service name
    try:
        return conninfo_to_dict(text)
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
        raise StatsError(N_("需要 psycopg 才能连接 PostgreSQL：{command}"),
                         command="pip install 'psycopg[binary]'") from None
    options = {"connect_timeout": max(1, round(timeout_s)), "application_name": application_name, **extra}
    if statement_timeout_s:
        options["options"] = f"-c statement_timeout={int(statement_timeout_s * 1000)}"
    try:
        return psycopg.connect(conninfo(target), autocommit=autocommit, **options)
    except ValueError as exc:
        raise StatsError(N_("连接设置有误：{reason}"), reason=exc.args[0] if exc.args else exc) from None
    except psycopg.Error as exc:
        reason = str(exc).strip()
        if "no password supplied" in reason:     # libpq found no password for this login
            raise StatsError(N_("无法连接 PostgreSQL（{target}）：没有密码。请把密码写进 .pgpass 文件（或 PGPASSFILE "
                                "指定的文件）：{reason}"), target=safe_text(target), reason=reason) from None
        raise StatsError(N_("无法连接 PostgreSQL（{target}）：{reason}"), target=safe_text(target),
                         reason=reason) from None


def connect_report(target: str):
    """A read-only connection for reports (works for the reporting role and for owners alike)."""
    conn = connect(target, autocommit=True)
    conn.execute("SET default_transaction_read_only = on")
    try:
        conn.execute("SELECT 1 FROM fanzha.session_daily LIMIT 0")
    except Exception as exc:  # noqa: BLE001 — psycopg errors: say what to do
        conn.close()
        raise StatsError(N_("PostgreSQL 里没有统计表（先运行 {command}）：{reason}"),
                         command="python -m game stats migrate --db …", reason=str(exc).strip()) from None
    return conn
