"""The statistics tables. ``PRAGMA user_version`` holds the schema version.

Nothing personal is stored: no names, no class names, no free text — only
content ids, enum values, counts and times. Enum-like columns have no CHECK
constraints on purpose: content may gain new values, and an old database must
keep accepting them; the recorder validates values instead.
"""

from __future__ import annotations

import sqlite3
from typing import Callable

from .facts import SESSION_MEASURES
from .site import load_site

SCHEMA_VERSION = 2

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

_MEASURE_COLUMNS = "".join(
    f"ALTER TABLE sessions ADD COLUMN {m} {'REAL' if m.endswith('_s') else 'INTEGER'} NOT NULL DEFAULT 0;\n"
    for m in SESSION_MEASURES)
_DIM_COLUMNS = """
    local_day   TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    site        TEXT NOT NULL,
    district    TEXT NOT NULL,
    mode        TEXT NOT NULL,
    audience    TEXT NOT NULL,
    pack        TEXT NOT NULL,"""

# Version 2: every session carries its device and site, human and computer seats, a status
# (open / completed / abandoned) and, once closed, its facts (game/stats/facts.py); the learning
# check; the sync bookkeeping. A closed session and everything under it can no longer change.
_V2 = f"""
ALTER TABLE sessions ADD COLUMN uuid TEXT;                -- made on the device; the key in PostgreSQL
ALTER TABLE sessions ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN district TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN local_day TEXT NOT NULL DEFAULT '';   -- the kiosk's calendar day at the start
ALTER TABLE sessions ADD COLUMN humans INTEGER NOT NULL DEFAULT 0;     -- seats played by people (or teams)
ALTER TABLE sessions ADD COLUMN computers INTEGER NOT NULL DEFAULT 0;  -- seats played by the computer
ALTER TABLE sessions ADD COLUMN seat_unit TEXT NOT NULL DEFAULT 'person';  -- person / team (classroom)
ALTER TABLE sessions ADD COLUMN status TEXT NOT NULL DEFAULT 'open';   -- open / completed / abandoned
ALTER TABLE sessions ADD COLUMN closed_seq INTEGER;       -- order of closing: what sync has sent
{_MEASURE_COLUMNS}
CREATE TABLE checks (                                     -- anonymous learning check, before and after
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    phase       TEXT NOT NULL CHECK (phase IN ('before', 'after')),
    item_id     TEXT NOT NULL,                            -- 'pool_id:item_id' or 'pool_id#index'
    scam_type   TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1))
);
CREATE INDEX checks_session_id ON checks (session_id);

CREATE TABLE scam_type_facts (
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    scam_type   TEXT NOT NULL,{_DIM_COLUMNS}
    played      INTEGER NOT NULL,
    missed      INTEGER NOT NULL,
    spotted     INTEGER NOT NULL,
    PRIMARY KEY (session_id, scam_type)
);
CREATE TABLE technique_facts (
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    technique   TEXT NOT NULL,{_DIM_COLUMNS}
    met         INTEGER NOT NULL,
    missed      INTEGER NOT NULL,
    PRIMARY KEY (session_id, technique)
);
CREATE TABLE check_facts (
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    scam_type   TEXT NOT NULL,{_DIM_COLUMNS}
    pairs       INTEGER NOT NULL,
    before_right INTEGER NOT NULL,
    after_right INTEGER NOT NULL,
    PRIMARY KEY (session_id, scam_type)
);

CREATE TABLE sync_state (                                 -- one row per PostgreSQL target
    target          TEXT PRIMARY KEY,                     -- connection text, never a password
    sent_upto       INTEGER NOT NULL DEFAULT 0,           -- closed_seq of the last session sent
    last_ok_at      TEXT,
    last_attempt_at TEXT,
    last_error      TEXT
);

CREATE UNIQUE INDEX sessions_uuid ON sessions (uuid);
CREATE INDEX sessions_closed_seq ON sessions (closed_seq);
CREATE INDEX sessions_status ON sessions (status);
CREATE INDEX sessions_local_day ON sessions (local_day);
"""

# Kept apart from _V2: the backfill of old sessions runs between the two.
_V2_GUARDS = """
CREATE TRIGGER closed_session_is_final BEFORE UPDATE ON sessions
WHEN OLD.status <> 'open'
BEGIN SELECT RAISE(ABORT, 'statistics: a closed session cannot change'); END;

CREATE TRIGGER scene_needs_open_session BEFORE INSERT ON scenes
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'statistics: the session is closed or unknown'); END;

CREATE TRIGGER scene_of_closed_session_is_final BEFORE UPDATE ON scenes
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) <> 'open'
BEGIN SELECT RAISE(ABORT, 'statistics: the session is closed'); END;

CREATE TRIGGER choice_needs_open_session BEFORE INSERT ON choices
WHEN (SELECT s.status FROM scenes c JOIN sessions s ON s.id = c.session_id WHERE c.id = NEW.scene_id)
     IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'statistics: the session is closed or unknown'); END;

CREATE TRIGGER check_needs_open_session BEFORE INSERT ON checks
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'statistics: the session is closed or unknown'); END;
"""


def _to_v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(_V2):
        conn.execute(statement)
    # Sessions of version 1: the site is this machine's, days are this machine's local days,
    # every seat was counted as a person; closed ones get their facts now, in the order they began.
    from .facts import close_session
    site = load_site()
    conn.execute("""UPDATE sessions SET uuid = lower(hex(randomblob(16))), device_id = ?, site = ?, district = ?,
                                        local_day = date(started_at, 'localtime'), humans = players""",
                 (site.device_id, site.site, site.district))
    for session_id, ended_at, finished, duration in conn.execute(
            "SELECT id, ended_at, finished, duration_s FROM sessions WHERE ended_at IS NOT NULL ORDER BY id"
    ).fetchall():
        close_session(conn, session_id, status="completed" if finished else "abandoned", ended_at=ended_at,
                      duration_s=duration)
    for statement in _statements(_V2_GUARDS):
        conn.execute(statement)


# MIGRATIONS[v] takes a database at version v to v + 1: SQL text, or a function run in the transaction.
MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {0: _V1, 1: _to_v2}


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
            step = MIGRATIONS[version]
            if callable(step):
                step(conn)
            else:
                for statement in _statements(step):
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
