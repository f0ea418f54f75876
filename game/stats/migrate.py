"""``python -m game stats migrate --db postgresql://…``: the county schema, by numbered SQL files.

Files ``migrations/NNNN_name.sql`` are applied in order, each in its own transaction
together with its row in ``fanzha.schema_migrations``; an advisory lock keeps two
people migrating at once from applying a file twice. Run it as the database owner
(a role that may also create roles, for the kiosk and reporting roles).

``add_kiosk`` makes a login role for one kiosk: member of ``fanzha_kiosk``, bound to
one device id (or to the first device that syncs with it).
"""

from __future__ import annotations

import re
from pathlib import Path

from game.i18n.marker import N_

from .central import connect
from .db import StatsError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_FILE_RE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_LOCK = 0x66616E7A      # pg_advisory_xact_lock key: 'fanz'
_ROLE_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_DEVICE_RE = re.compile(r"^[0-9a-f]{32}$")


def migration_files() -> list[tuple[int, str, Path]]:
    out = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = _FILE_RE.match(path.name)
        if match:
            out.append((int(match.group(1)), match.group(2), path))
    return out


def applied_versions(conn) -> set[int]:
    return {r[0] for r in conn.execute("SELECT version FROM fanzha.schema_migrations")}


def migrate(target: str) -> list[str]:
    """Apply every migration not yet applied; returns the names applied now."""
    conn = connect(target)
    done = []
    try:
        for version, name, path in migration_files():
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
                conn.execute("CREATE SCHEMA IF NOT EXISTS fanzha")
                conn.execute("""CREATE TABLE IF NOT EXISTS fanzha.schema_migrations (
                                    version integer PRIMARY KEY, name text NOT NULL,
                                    applied_at timestamptz NOT NULL DEFAULT now())""")
                if version in applied_versions(conn):
                    continue
                conn.execute(path.read_text(encoding="utf-8"))
                conn.execute("INSERT INTO fanzha.schema_migrations (version, name) VALUES (%s, %s)", (version, name))
                done.append(f"{version:04d}_{name}")
    except StatsError:
        raise
    except Exception as exc:  # noqa: BLE001 — psycopg errors, with the file that failed
        raise StatsError(N_("迁移失败：{reason}"), reason=str(exc).strip()) from None
    finally:
        conn.close()
    return done


def add_kiosk(target: str, role: str, device_id: str | None = None, password: str | None = None) -> None:
    """Create (or update) the login role ``role`` for one kiosk."""
    from psycopg import sql  # psycopg (and libpq) load only for a county database
    if not _ROLE_RE.match(role):
        raise StatsError(N_("登录名 '{role}' 不合适：只用小写字母、数字和下划线，字母开头"), role=role)
    if device_id is not None and not _DEVICE_RE.match(device_id):
        raise StatsError(N_("设备编号 '{device_id}' 不对：应为 32 位十六进制（管理员菜单里可看到）"), device_id=device_id)
    conn = connect(target)
    try:
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
            conn.execute(sql.SQL("GRANT fanzha_kiosk TO {}").format(sql.Identifier(role)))
            if password:
                hashed = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()
                conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role), sql.Literal(hashed)))
            conn.execute("""INSERT INTO fanzha.kiosk_logins (role_name, device_id) VALUES (%s, %s)
                            ON CONFLICT (role_name) DO UPDATE SET device_id = EXCLUDED.device_id""", (role, device_id))
    except StatsError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise StatsError(N_("无法建立展台登录 {role}：{reason}"), role=role, reason=str(exc).strip()) from None
    finally:
        conn.close()
