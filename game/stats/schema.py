"""The statistics tables. ``PRAGMA user_version`` holds the schema version.

Nothing personal is stored: no names, no class names, no free text — only
content ids, enum values, counts and times. Enum-like columns have no CHECK
constraints on purpose: content may gain new values, and an old database must
keep accepting them; the recorder validates values instead.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 1

_V1 = """
CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,               -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
    ended_at    TEXT,                        -- NULL while playing or when the game was cut off
    mode        TEXT NOT NULL,               -- normal / kiosk / classroom / autoplay
    pack        TEXT NOT NULL DEFAULT '',
    audience    TEXT NOT NULL,               -- Audience value
    locale      TEXT NOT NULL,
    board       TEXT NOT NULL DEFAULT '',
    players     INTEGER NOT NULL,
    finished    INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),
    duration_s  REAL
);
CREATE INDEX sessions_started_at ON sessions (started_at);

CREATE TABLE scenes (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('scenario', 'quiz')),
    item_id     TEXT NOT NULL,               -- scenario id; quiz: 'pool_id:item_id' or 'pool_id#index'
    scam_type   TEXT NOT NULL DEFAULT '',
    ending      TEXT,                        -- scenario: EndingOutcome value; NULL if not reached
    correct     INTEGER CHECK (correct IN (0, 1)),  -- quiz: answered right; NULL if not answered
    money_lost  INTEGER NOT NULL DEFAULT 0,
    furthest    TEXT,                        -- scenario: deepest Ladder step reached
    techniques  TEXT NOT NULL DEFAULT '',    -- quiz: the item's Technique values, comma-separated
    duration_s  REAL,
    CHECK (kind = 'scenario' OR ending IS NULL),
    CHECK (kind = 'quiz' OR correct IS NULL)
);
CREATE INDEX scenes_session_id ON scenes (session_id);

CREATE TABLE choices (
    id           INTEGER PRIMARY KEY,
    scene_id     INTEGER NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
    node         TEXT NOT NULL,
    choice_index INTEGER NOT NULL,
    outcome      TEXT NOT NULL,              -- Outcome value: safe / risky / neutral
    ladder       TEXT NOT NULL,              -- Ladder value
    techniques   TEXT NOT NULL DEFAULT '',   -- Technique values, comma-separated
    duration_s   REAL
);
CREATE INDEX choices_scene_id ON choices (scene_id);
"""

# MIGRATIONS[v] takes a database at version v to v + 1.
MIGRATIONS: dict[int, str] = {0: _V1}


class SchemaTooNew(Exception):
    """The database was written by a newer version of the game."""


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to ``SCHEMA_VERSION``, each step in its own transaction."""
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            if version > SCHEMA_VERSION:
                raise SchemaTooNew(f"statistics schema {version} is newer than this game's {SCHEMA_VERSION}")
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT first; running statements one by one keeps them in our transaction.
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements
