"""Sending a kiosk's closed games to the county's PostgreSQL: offline-first, idempotent, resumable.

The game keeps writing its SQLite file; nothing here is on the game's path. Each
closed session gets a closing number (``closed_seq``); per target, ``sync_state``
remembers the last number sent. One batch = whole sessions (with their scenes,
choices, learning checks and facts), inserted in one PostgreSQL transaction with
``ON CONFLICT DO NOTHING`` on keys made on the device. Only after PostgreSQL
committed is the local mark moved on. So:

* a kill or a lost connection before the commit: nothing arrived, the batch is sent again;
* between the commit and the local mark: the batch is sent again and changes nothing;
* a closed session never changes (SQLite triggers), so what was sent stays true.

``BackgroundSyncer`` runs ``sync_once`` in a daemon thread every few minutes, with
connect and statement time-outs; the game only ever reads ``status()`` (a small
local query). API for the operator menu: ``sync_status(db, target)`` and
``BackgroundSyncer.status()`` → ``SyncStatus(last_ok_at, waiting, last_error, …)``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.i18n.marker import N_
from game.i18n.message import from_stored, message_of, stored

from .central import connect, conninfo_dict, safe_text
from .db import StatsError
from .db import connect as sqlite_connect
from .db import default_db_path, iso_utc, transaction, utc_now
from .facts import CHECK_MEASURES, DIMS, SCAM_TYPE_MEASURES, SESSION_MEASURES, TECHNIQUE_MEASURES, cut_off_stale
from .schema import SCHEMA_VERSION
from .site import load_site

log = logging.getLogger("game.stats.sync")

BATCH_SESSIONS = 1000
CONNECT_TIMEOUT_S = 10
STATEMENT_TIMEOUT_S = 60
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3}

_DIM_TYPES = {"local_day": "date", "device_id": "text", "site": "text", "district": "text", "mode": "text",
              "audience": "text", "pack": "text"}


def _measure_types(measures) -> list[tuple[str, str]]:
    return [(m, "real" if m.endswith("_s") else "int4") for m in measures]


# (PostgreSQL table, [(column, type)]) in the order rows are built below.
TABLES = {
    "sessions": [("id", "uuid"), *_DIM_TYPES.items(), ("started_at", "timestamptz"), ("ended_at", "timestamptz"),
                 ("locale", "text"), ("board", "text"), ("players", "int2"), ("humans", "int2"),
                 ("computers", "int2"), ("seat_unit", "text"), ("status", "text"), ("duration_s", "real"),
                 *_measure_types(SESSION_MEASURES)],
    "scenes": [("session_id", "uuid"), ("seq", "int4"), ("device_id", "text"), ("kind", "text"), ("item_id", "text"),
               ("scam_type", "text"), ("ending", "text"), ("correct", "bool"), ("money_lost", "int4"),
               ("furthest", "text"), ("techniques", "text"), ("duration_s", "real")],
    "choices": [("session_id", "uuid"), ("scene_seq", "int4"), ("seq", "int4"), ("device_id", "text"),
                ("node", "text"), ("choice_index", "int2"), ("outcome", "text"), ("ladder", "text"),
                ("techniques", "text"), ("duration_s", "real")],
    "checks": [("session_id", "uuid"), ("seq", "int4"), ("device_id", "text"), ("phase", "text"),
               ("item_id", "text"), ("scam_type", "text"), ("correct", "bool")],
    "scam_type_facts": [("session_id", "uuid"), ("scam_type", "text"), *_DIM_TYPES.items(),
                        *_measure_types(SCAM_TYPE_MEASURES)],
    "technique_facts": [("session_id", "uuid"), ("technique", "text"), *_DIM_TYPES.items(),
                        *_measure_types(TECHNIQUE_MEASURES)],
    "check_facts": [("session_id", "uuid"), ("scam_type", "text"), *_DIM_TYPES.items(),
                    *_measure_types(CHECK_MEASURES)],
}


@dataclass(frozen=True)
class SyncStatus:
    target: str
    waiting: int                      # closed games not yet sent
    last_ok_at: datetime | None       # last time a sync reached the end of what was waiting
    last_attempt_at: datetime | None
    last_error: str | None            # None after a good sync
    running: bool = False


@dataclass(frozen=True)
class SyncResult:
    sent: int                         # sessions sent in this run (re-sent ones included)
    waiting: int                      # still waiting afterwards
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


# ---------------------------------------------------------------- local side

def open_local(path: Path | str | None) -> sqlite3.Connection:
    path = Path(path) if path is not None else default_db_path()
    if not path.is_file():
        raise StatsError(N_("找不到统计数据库 {path}"), path=path)
    conn = sqlite_connect(path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        conn.close()
        raise StatsError(N_("统计数据库 {path} 的版本是 {version}，本程序需要版本 {known}（先启动一次游戏）"),
                         path=path, version=version, known=SCHEMA_VERSION)
    return conn


def _state(conn: sqlite3.Connection, key: str) -> tuple:
    row = conn.execute("SELECT sent_upto, last_ok_at, last_attempt_at, last_error FROM sync_state WHERE target = ?",
                       (key,)).fetchone()
    return row or (0, None, None, None)


def _waiting(conn: sqlite3.Connection, sent_upto: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM sessions WHERE closed_seq > ?", (sent_upto,)).fetchone()[0]


def _parse(iso: str | None) -> datetime | None:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")) if iso else None


def sync_status(db: Path | str | None, target: str) -> SyncStatus:
    """What the operator menu shows: games waiting, last good sync, last error. Local only, fast."""
    conn = open_local(db)
    try:
        key = safe_text(target)
        sent_upto, ok_at, attempt_at, error = _state(conn, key)
        return SyncStatus(key, _waiting(conn, sent_upto), _parse(ok_at), _parse(attempt_at), from_stored(error))
    finally:
        conn.close()


def _record(conn: sqlite3.Connection, key: str, **fields) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO sync_state (target) VALUES (?) ON CONFLICT (target) DO NOTHING", (key,))
        sets = ", ".join(f"{k} = ?" for k in fields)
        conn.execute(f"UPDATE sync_state SET {sets} WHERE target = ?", (*fields.values(), key))


def read_batch(conn: sqlite3.Connection, after: int, limit: int) -> tuple[dict[str, list[tuple]], int]:
    """Rows for PostgreSQL of the next ``limit`` closed sessions after ``after``; and the last closed_seq."""
    session_cols = ["uuid", *DIMS, "started_at", "ended_at", "locale", "board", "players", "humans", "computers",
                    "seat_unit", "status", "duration_s", *SESSION_MEASURES]
    rows = conn.execute(f"SELECT id, closed_seq, {', '.join(session_cols)} FROM sessions "
                        f"WHERE closed_seq > ? ORDER BY closed_seq LIMIT ?", (after, limit)).fetchall()
    out: dict[str, list[tuple]] = {t: [] for t in TABLES}
    if not rows:
        return out, after
    ids = {r[0]: (r[2], r[2 + 1 + DIMS.index("device_id")]) for r in rows}   # id → (uuid, device)
    device_of = dict(ids.values())
    out["sessions"] = [r[2:] for r in rows]
    lo, hi = min(ids), max(ids)
    scene_seq: dict[int, tuple[str, int]] = {}
    counters: dict[int, int] = {}
    for scene_id, session_id, *rest in conn.execute(
            "SELECT id, session_id, kind, item_id, scam_type, ending, correct, money_lost, furthest, techniques, "
            "duration_s FROM scenes WHERE session_id BETWEEN ? AND ? ORDER BY id", (lo, hi)):
        if session_id not in ids:
            continue
        uuid, device = ids[session_id]
        seq = counters[session_id] = counters.get(session_id, 0) + 1
        scene_seq[scene_id] = (uuid, seq)
        kind, item, scam_type, ending, correct, money, furthest, techniques, duration = rest
        out["scenes"].append((uuid, seq, device, kind, item, scam_type, ending,
                              None if correct is None else bool(correct), money, furthest, techniques, duration))
    if scene_seq:
        counters = {}
        for scene_id, *rest in conn.execute(
                "SELECT scene_id, node, choice_index, outcome, ladder, techniques, duration_s FROM choices "
                "WHERE scene_id BETWEEN ? AND ? ORDER BY id", (min(scene_seq), max(scene_seq))):
            if scene_id not in scene_seq:
                continue
            uuid, seq = scene_seq[scene_id]
            n = counters[scene_id] = counters.get(scene_id, 0) + 1
            out["choices"].append((uuid, seq, n, device_of[uuid], *rest))
    counters = {}
    for session_id, phase, item, scam_type, correct in conn.execute(
            "SELECT session_id, phase, item_id, scam_type, correct FROM checks WHERE session_id BETWEEN ? AND ? "
            "ORDER BY id", (lo, hi)):
        if session_id in ids:
            n = counters[session_id] = counters.get(session_id, 0) + 1
            out["checks"].append((ids[session_id][0], n, ids[session_id][1], phase, item, scam_type, bool(correct)))
    for table, key, measures in (("scam_type_facts", "scam_type", SCAM_TYPE_MEASURES),
                                 ("technique_facts", "technique", TECHNIQUE_MEASURES),
                                 ("check_facts", "scam_type", CHECK_MEASURES)):
        for session_id, *rest in conn.execute(
                f"SELECT session_id, {key}, {', '.join(DIMS)}, {', '.join(measures)} FROM {table} "
                f"WHERE session_id BETWEEN ? AND ?", (lo, hi)):
            if session_id in ids:
                out[table].append((ids[session_id][0], *rest))
    return out, rows[-1][1]


# ---------------------------------------------------------------- PostgreSQL side

def send_batch(pg, batch: dict[str, list[tuple]]) -> None:
    """Insert a batch in one transaction; rows already there are skipped (ON CONFLICT DO NOTHING).
    Sessions go last: a report never sees a session without its facts."""
    with pg.transaction():
        for table in ("scenes", "choices", "checks", "scam_type_facts", "technique_facts", "check_facts", "sessions"):
            rows = batch[table]
            if not rows:
                continue
            columns = TABLES[table]
            arrays = [list(col) for col in zip(*rows)]
            unnest = ", ".join(f"%s::{kind}[]" for _, kind in columns)
            pg.execute(f"INSERT INTO fanzha.{table} ({', '.join(c for c, _ in columns)}) "
                       f"SELECT * FROM unnest({unnest}) ON CONFLICT DO NOTHING", arrays)


def _claim(pg, devices: set[str]) -> None:
    for device in sorted(devices):
        answer = pg.execute("SELECT fanzha.claim_device(%s)", (device,)).fetchone()[0]
        pg.commit()
        if answer == "other":
            raise StatsError(N_("这个 PostgreSQL 登录已绑定到另一台设备，不能替设备 {device} 上传"), device=device)


def sync_once(db: Path | str | None, target: str, *, batch_size: int = BATCH_SESSIONS,
              stop: threading.Event | None = None, timeout_s: float = CONNECT_TIMEOUT_S,
              now=utc_now) -> SyncResult:
    """Send every closed game not yet sent to ``target``. Never raises for database or network
    trouble: the error is in the result and in ``sync_state`` for the operator."""
    key = safe_text(target)
    try:
        local = open_local(db)
    except StatsError as exc:
        return SyncResult(0, 0, exc.message)
    sent = 0
    pg = None
    try:
        with transaction(local):
            cut_off_stale(local, now())
        _record(local, key, last_attempt_at=iso_utc(now()))
        sent_upto = _state(local, key)[0]
        if _waiting(local, sent_upto):
            pg = connect(target, timeout_s=timeout_s, statement_timeout_s=STATEMENT_TIMEOUT_S,
                         application_name="fanzha-chess sync", **_keepalive(target))
            claimed: set[str] = set()
            while not (stop and stop.is_set()):
                batch, last = read_batch(local, sent_upto, batch_size)
                if not batch["sessions"]:
                    break
                devices = {r[1 + DIMS.index("device_id")] for r in batch["sessions"]} - claimed
                if devices:
                    _claim(pg, devices)
                    claimed |= devices
                send_batch(pg, batch)
                _record(local, key, sent_upto=last)
                sent += len(batch["sessions"])
                sent_upto = last
        waiting = _waiting(local, sent_upto)
        if waiting == 0:
            _record(local, key, last_ok_at=iso_utc(now()), last_error=None)
        return SyncResult(sent, waiting)
    except Exception as exc:  # noqa: BLE001 — psycopg, sqlite3, StatsError: kept for the operator
        message = message_of(exc)   # a ``Said`` when the game wrote it: shown translated
        log.warning("statistics sync to %s failed: %s", key, message)
        try:
            _record(local, key, last_error=stored(message))
            waiting = _waiting(local, _state(local, key)[0])
        except sqlite3.Error:
            waiting = 0
        return SyncResult(sent, waiting, message)
    finally:
        if pg is not None:
            try:
                pg.close()
            except Exception as exc:  # noqa: BLE001 — the batch is already safe; only the socket is left
                log.debug("sync: closing the PostgreSQL connection failed: %s", exc)
        local.close()


def _keepalive(target: str) -> dict:
    """TCP keep-alives so a server that vanished is noticed in seconds — unless the target sets them."""
    given = conninfo_dict(target)
    return {k: v for k, v in KEEPALIVE.items() if k not in given}


# ---------------------------------------------------------------- in the background

class BackgroundSyncer:
    """Syncs every ``every_s`` seconds in a daemon thread. ``start()``, ``sync_now()``, ``stop()``,
    ``status()``. Nothing here waits on the network in the caller's thread."""

    def __init__(self, db: Path | str | None, target: str, every_s: float = 15 * 60, *,
                 batch_size: int = BATCH_SESSIONS, first_delay_s: float = 5.0):
        self.db = Path(db) if db is not None else default_db_path()
        self.target = target
        self.every_s = every_s
        self.batch_size = batch_size
        self.first_delay_s = first_delay_s
        self.last_result: SyncResult | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._busy = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="stats-sync", daemon=True)
            self._thread.start()

    def sync_now(self) -> None:
        self._wake.set()

    def stop(self, timeout_s: float = 2.0) -> None:
        """Ask the thread to stop after the batch in flight; waits at most ``timeout_s``."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    @property
    def running(self) -> bool:
        return self._busy.is_set()

    def status(self) -> SyncStatus | None:
        try:
            s = sync_status(self.db, self.target)
        except (StatsError, sqlite3.Error):
            return None
        return SyncStatus(s.target, s.waiting, s.last_ok_at, s.last_attempt_at, s.last_error, self.running)

    def _run(self) -> None:
        delay = self.first_delay_s
        while not self._stop.is_set():
            self._wake.wait(delay)
            self._wake.clear()
            if self._stop.is_set():
                break
            self._busy.set()
            began = time.monotonic()
            try:
                self.last_result = sync_once(self.db, self.target, batch_size=self.batch_size, stop=self._stop)
            except Exception as exc:  # noqa: BLE001 — the thread must live on
                log.warning("statistics sync crashed: %s", exc)
            finally:
                self._busy.clear()
            delay = max(1.0, self.every_s - (time.monotonic() - began))


def start_from_site(db: Path | str | None = None) -> BackgroundSyncer | None:
    """The syncer the operator set up in ``site.json`` (``sync_on``, ``sync_to``, ``sync_every_min``),
    started; None when sync is off or has no target."""
    site = load_site()
    if not (site.sync_on and site.sync_to):
        return None
    syncer = BackgroundSyncer(db, site.sync_to, site.sync_every_min * 60)
    syncer.start()
    return syncer
