"""This installation as a statistics site: a random device id, the site name and district, the sync target.

Kept in ``user_data_dir()/site.json`` (not in settings.json: the device id must
survive a reset of the settings, and the operator's sync target lives beside it).
The device id is made once, at random, the first time it is needed; it says
nothing about the machine or the people at it. Site and district are place
names typed by the operator (e.g. 人民公园 / 城关镇). Every session row carries
all three, so county reports can tell the machines apart.

API for the operator menu::

    info = load_site()                     # SiteInfo; never raises
    info = load_site(keep=False)           # the same for a throw-away run: site.json never written
    info = save_site(site="人民公园", district="城关镇")   # SiteError (a ValueError) with a message to show
    save_site(sync_to="service=fanzha", sync_every_min=15, sync_on=True)

``sync_to`` is a libpq service name, ``service=…`` or a ``postgresql://`` URL
without a password (passwords belong in ``.pgpass`` / ``PGPASSFILE``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from game.i18n.marker import N_
from game.i18n.message import SaidError
from game.paths import user_data_dir
from game.settings import set_aside

from .central import conninfo_dict

log = logging.getLogger("game.stats")

SITE_FILE = "site.json"
MAX_NAME = 40
SYNC_EVERY_CHOICES = (5, 15, 30, 60, 240)
_DEVICE_RE = re.compile(r"^[0-9a-f]{32}$")
_KEEP = ContextVar("keep_site_file", default=True)   # False inside ``left_alone()``


class SiteError(SaidError, ValueError):
    """A value the operator typed that cannot be kept: ``say(exc, tr)`` tells them why, in their language."""


@dataclass(frozen=True)
class SiteInfo:
    device_id: str
    site: str = ""
    district: str = ""
    sync_to: str = ""             # '' = not configured
    sync_every_min: int = 15
    sync_on: bool = False


def site_path() -> Path:
    return user_data_dir() / SITE_FILE


def new_device_id() -> str:
    return uuid.uuid4().hex


@contextmanager
def left_alone():
    """Inside, ``load_site`` reads but never writes site.json, whoever calls it (a throw-away run
    opening its statistics database: the database's migrations stamp old rows with the site too).
    Per thread: other threads keep the file as usual."""
    token = _KEEP.set(False)
    try:
        yield
    finally:
        _KEEP.reset(token)


def load_site(path: Path | None = None, keep: bool = True) -> SiteInfo:
    """The saved site; a new device id is made (and saved) when there is none. Never raises:
    a damaged file is set aside and a new one started, as with settings.

    ``keep=False`` (a throw-away run: autoplay, the monkey, a test's trace, sample data) reads the
    file but never creates, repairs or changes it: without one, the device id is made for this call only."""
    path = path or site_path()
    keep = keep and _KEEP.get()
    data: dict = {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        data = {}
    except (OSError, ValueError) as exc:
        if keep:
            log.warning("site file %s unreadable (%s): starting a new one", path, exc)
            _set_aside(path)
        data = {}
    info = _from_dict(data)
    if keep and info.device_id != data.get("device_id"):
        _write(path, info)
    return info


def save_site(path: Path | None = None, **changes) -> SiteInfo:
    """Change site, district or sync fields and save at once. ValueError (a message for the
    operator) when a value is not acceptable; the file is then left as it was."""
    path = path or site_path()
    unknown = set(changes) - {"site", "district", "sync_to", "sync_every_min", "sync_on"}
    if unknown:
        raise TypeError(f"save_site: unknown fields {sorted(unknown)}")
    info = load_site(path)
    for field in ("site", "district"):
        if field in changes:
            changes[field] = check_place_name(changes[field])
    if "sync_to" in changes:
        changes["sync_to"] = check_sync_target(changes["sync_to"])
    if "sync_every_min" in changes:
        minutes = changes["sync_every_min"]
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 24 * 60:
            raise SiteError(N_("同步间隔必须是 1 到 1440 分钟，不是 {minutes}"), minutes=repr(minutes))
    if "sync_on" in changes:
        changes["sync_on"] = bool(changes["sync_on"])
    info = replace(info, **changes)
    _write(path, info)
    return info


def check_place_name(value: object) -> str:
    """A site or district name: up to 40 characters of one line, surrounding spaces removed."""
    if not isinstance(value, str):
        raise SiteError(N_("地点名称必须是文字"))
    text = " ".join(value.split())
    if len(text) > MAX_NAME:
        raise SiteError(N_("地点名称最多 {n} 个字"), n=MAX_NAME)
    if any(not ch.isprintable() for ch in text):
        raise SiteError(N_("地点名称里有不能显示的字符"))
    return text


def check_sync_target(value: object) -> str:
    """'' (off), a service name, ``key=value`` connection settings or a postgresql:// URL — never a password."""
    if not isinstance(value, str):
        raise SiteError(N_("同步地址必须是文字"))
    text = value.strip()
    if not text:
        return ""
    try:
        params = conninfo_dict(text)
    except ValueError as exc:
        raise SiteError(N_("同步地址看不懂：{reason}"), reason=exc.args[0] if exc.args else exc) from None
    if "password" in params:
        raise SiteError(N_("同步地址里不能写密码：请把密码放在 .pgpass 文件（或 PGPASSFILE 指定的文件）里"))
    return text


def _from_dict(data: dict) -> SiteInfo:
    device = data.get("device_id")
    if not (isinstance(device, str) and _DEVICE_RE.match(device)):
        device = new_device_id()
    fields = {"device_id": device}
    for name, check in (("site", check_place_name), ("district", check_place_name),
                        ("sync_to", check_sync_target)):
        try:
            fields[name] = check(data.get(name, ""))
        except (ValueError, ImportError):
            fields[name] = ""
    minutes = data.get("sync_every_min", 15)
    if isinstance(minutes, int) and not isinstance(minutes, bool) and 1 <= minutes <= 24 * 60:
        fields["sync_every_min"] = minutes
    fields["sync_on"] = data.get("sync_on") is True
    return SiteInfo(**fields)


def _write(path: Path, info: SiteInfo) -> None:
    """Write to a temporary file and rename it over the old one: a power cut leaves one or the other."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(asdict(info), f, ensure_ascii=False, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("cannot save %s: %s", path, exc)


def _set_aside(path: Path) -> None:
    try:
        set_aside(path)
    except OSError:
        pass
