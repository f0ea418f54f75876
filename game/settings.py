"""Settings, kept in ``user_data_dir()/settings.json``.

The file holds the machine's fields (start mode, statistics on/off, operator PIN) and the
player fields (language, pack, text size …) once per mode: what a teacher picks in
classroom mode or a visitor in normal mode never becomes the kiosk's. Only a person
changes the file — the settings screen, the operator menu —, never a run's command-line
options, ``--autoplay`` or ``--monkey`` (``game.ui.app`` decides when to save).

A kiosk must always start. So ``load_settings`` never raises for a bad file:
anything it cannot use falls back to its default, the original file is set
aside (renamed, never deleted or overwritten) for a person to look at, the
settings now in use are written in its place, and a notice explains what
happened so the operator menu can show it.

The operator PIN is never stored in clear: only a PBKDF2-SHA256 hash and its
random salt. A fresh install has no hash; the first-setup PIN is then
``DEFAULT_PIN`` (2468, written in the operator guide) and ``pin_is_default``
tells the operator menu to insist on a new one. A forgotten PIN is reset by
deleting (or renaming) settings.json, which brings back every default.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from game.i18n.marker import N_
from game.i18n.message import Said
from game.paths import user_data_dir

SETTINGS_FILE = "settings.json"
FILE_VERSION = 2
DEFAULT_PIN = "2468"
PIN_ITERATIONS = 200_000  # changing this invalidates stored PINs (they fall back to the default)

TEXT_SIZES = ("normal", "large", "extra_large")
MODES = ("normal", "kiosk", "classroom")
# Where the machine stands decides the hotlines it names (96110 / 18222 / 165): set by the operator,
# one value for every mode. The facts are in game.content.hotlines.
REGIONS = ("mainland", "hong_kong", "taiwan")

_LOCALE_RE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]{2,8})*$")
_ID_RE = re.compile(r"^([a-z0-9][a-z0-9_]*)?$")  # '' or a content id
_HASH_RE = re.compile(r"^([0-9a-f]{64})?$")   # '' or 32 bytes
_SALT_RE = re.compile(r"^([0-9a-f]{32})?$")   # '' or 16 bytes
_PIN_RE = re.compile(r"^[0-9]{4,8}$")
_CLASS_NAME_MAX = 40


@dataclass(frozen=True)
class Settings:
    """The settings a run uses: the machine's fields plus those of the run's mode."""

    locale: str = "zh_Hans"
    pack: str = ""                  # audience pack id; '' = ask on the title screen
    text_size: str = "normal"       # one of TEXT_SIZES
    text_size_chosen: bool = False  # set in the settings screen: an audience pack's text size no longer overrides it
    high_contrast: bool = False
    reduced_motion: bool = False
    muted: bool = False
    voice: bool = True              # read texts aloud
    learning_check: bool = True     # the operator lets packs that ask for it run the before/after check
    idle_timeout_s: int = 90        # no touch for this long → "还在吗？" countdown
    countdown_s: int = 15           # …then back to the attract screen
    mode: str = "normal"            # one of MODES: the mode the game starts in
    class_name: str = ""            # classroom: shown on screen only, never in statistics
    teams: int = 4                  # classroom: number of teams (2–4)
    stats_enabled: bool = True      # anonymous play statistics
    operator_pin_hash: str = ""     # hex; '' = first setup, DEFAULT_PIN works
    operator_pin_salt: str = ""     # hex
    region: str = "mainland"        # whose hotlines the game names: one of REGIONS (game.content.hotlines)


# One value for the whole machine; every other field is kept per mode, so what is chosen in
# normal mode never becomes the kiosk's (only the operator menu changes the kiosk's).
MACHINE_FIELDS = ("mode", "stats_enabled", "operator_pin_hash", "operator_pin_salt", "region")


# Allowed values per field, beyond the type check. Each returns True if the value is usable.
_CHECKS = {
    "locale": lambda v: bool(_LOCALE_RE.match(v)),
    "pack": lambda v: bool(_ID_RE.match(v)),
    "text_size": lambda v: v in TEXT_SIZES,
    "idle_timeout_s": lambda v: 15 <= v <= 3600,
    "countdown_s": lambda v: 0 <= v <= 120,
    "mode": lambda v: v in MODES,
    "class_name": lambda v: len(v) <= _CLASS_NAME_MAX and v.isprintable(),
    "teams": lambda v: 2 <= v <= 4,
    "operator_pin_hash": lambda v: bool(_HASH_RE.match(v)),
    "operator_pin_salt": lambda v: bool(_SALT_RE.match(v)),
    "region": lambda v: v in REGIONS,
}
_TYPES = {f.name: f.type for f in fields(Settings)}


def default_settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


# ---------------------------------------------------------------- load / save

def load_settings(path: Path | str | None = None, mode: str | None = None) -> tuple[Settings, str | None]:
    """(settings for ``mode`` — default: the mode the file says to start in —, notice).
    The notice is None when the file was missing or fine."""
    path = Path(path) if path is not None else default_settings_path()
    stored, notice = read_settings_file(path)
    return stored.for_mode(mode or stored.machine.get("mode", "normal")), notice


def read_mode(path: Path) -> str:
    """The start mode the file names; "normal" if it names none or cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "normal"
    mode = data.get("mode") if isinstance(data, dict) else None
    return mode if mode in MODES else "normal"


@dataclass(frozen=True)
class StoredSettings:
    """What settings.json holds: the machine's fields and one set of player fields per mode."""

    machine: dict
    modes: dict   # mode -> {field: value}; a mode not in the file uses the defaults

    def for_mode(self, mode: str) -> Settings:
        return Settings(**{**self.modes.get(mode, {}), **self.machine})

    def with_settings(self, settings: Settings, mode: str | None) -> "StoredSettings":
        """These settings stored for ``mode`` (None: for every mode, as a fresh set-up)."""
        values = asdict(settings)
        machine = {name: values[name] for name in MACHINE_FIELDS}
        player = {name: v for name, v in values.items() if name not in MACHINE_FIELDS}
        modes = dict(self.modes)
        for name in (MODES if mode is None else (mode,)):
            modes[name] = player
        return StoredSettings(machine, modes)


EMPTY = StoredSettings({}, {})


def read_settings_file(path: Path) -> tuple[StoredSettings, str | None]:
    """The file's settings and a notice for the operator, or None. Never raises for a bad file:
    what cannot be used falls back to its default, and a bad file is set aside (renamed, never
    overwritten) with the settings now in use written in its place."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return EMPTY, None
    except OSError as exc:
        return EMPTY, Said(N_("无法读取设置文件 {path}（{reason}），本次使用默认设置。"), path=path,
                           reason=exc.strerror or exc)

    stored, problems, whole_file = _parse(raw)
    if not problems:
        return stored, None

    reasons = problems          # joined with "；" (translated: "; ") when the notice is shown
    try:
        aside = set_aside(path)
    except OSError as exc:
        return stored, Said(N_("设置文件有误（{reasons}），本次使用默认值；原文件无法改名保存：{reason}"),
                            reasons=reasons, reason=exc)
    try:
        write_settings_file(stored, path)
    except OSError:
        pass  # the notice still tells the operator; the next start finds no file and uses defaults
    if whole_file:
        return stored, Said(N_("设置文件损坏，已改用默认设置；原文件已保存为 {aside}（{reasons}）"), aside=aside,
                            reasons=reasons)
    return stored, Said(N_("设置文件中有误的项目已改用默认值（{reasons}）；原文件已保存为 {aside}"), reasons=reasons,
                        aside=aside)


def _parse(raw: bytes) -> tuple[StoredSettings, list[Said], bool]:
    """(settings, one readable line per unusable thing, whether the whole file was unusable)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return EMPTY, [Said(N_("不是 UTF-8 文本"))], True
    except json.JSONDecodeError as exc:
        return EMPTY, [Said(N_("不是有效的 JSON（第 {line} 行）"), line=exc.lineno)], True
    if not isinstance(data, dict):
        return EMPTY, [Said(N_("内容不是一个对象"))], True

    problems: list[Said] = []
    version = data.pop("version", 1)
    if version == 1:   # one flat set of fields, used by every mode
        values = _fields(data, problems, "")
        machine = {k: v for k, v in values.items() if k in MACHINE_FIELDS}
        player = {k: v for k, v in values.items() if k not in MACHINE_FIELDS}
        modes = {mode: player for mode in MODES}
    elif version == FILE_VERSION:
        sections = data.pop("modes", {})
        machine = _fields(data, problems, "", MACHINE_FIELDS)
        modes = {}
        if not isinstance(sections, dict):
            problems.append(Said(N_("{field} 类型错误"), field="modes"))
            sections = {}
        for mode, section in sections.items():
            if mode not in MODES:
                problems.append(Said(N_("未知模式 {mode}"), mode=_short(mode)))
            elif not isinstance(section, dict):
                problems.append(Said(N_("{field} 类型错误"), field=f"modes.{mode}"))
            else:
                player_fields = tuple(n for n in _TYPES if n not in MACHINE_FIELDS)
                modes[mode] = _fields(section, problems, f"modes.{mode}.", player_fields)
    else:
        return EMPTY, [Said(N_("未知的版本 {version}"), version=_short(version))], True
    # Hash and salt only make sense together.
    if bool(machine.get("operator_pin_hash")) != bool(machine.get("operator_pin_salt")):
        machine.pop("operator_pin_hash", None)
        machine.pop("operator_pin_salt", None)
        problems.append(Said(N_("操作员密码不完整，已恢复初始密码")))
    return StoredSettings(machine, modes), problems, False


def _fields(data: dict, problems: list[Said], where: str, allowed=None) -> dict:
    values = {}
    for name, value in data.items():
        if name not in _TYPES or (allowed is not None and name not in allowed):
            problems.append(Said(N_("未知项目 {field}"), field=f"{where}{_short(name)}"))
        elif not _type_ok(_TYPES[name], value):
            problems.append(Said(N_("{field} 类型错误"), field=f"{where}{name}"))
        elif name in _CHECKS and not _CHECKS[name](value):
            problems.append(Said(N_("{field} 的值 {value} 无效"), field=f"{where}{name}", value=_short(value)))
        else:
            values[name] = value
    return values


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _type_ok(type_name: str, value: object) -> bool:
    # ``from __future__ import annotations`` makes field types strings.
    if type_name == "bool":
        return isinstance(value, bool)
    if type_name == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name == "str":
        return isinstance(value, str)
    raise AssertionError(f"unhandled settings type {type_name}")


def save_settings(settings: Settings, path: Path | str | None = None, mode: str | None = None) -> None:
    """Store ``settings`` as ``mode``'s (None: every mode's), keeping the other modes' as they are."""
    path = Path(path) if path is not None else default_settings_path()
    stored, _notice = read_settings_file(path)
    write_settings_file(stored.with_settings(settings, mode), path)


def write_settings_file(stored: StoredSettings, path: Path) -> None:
    """Write atomically: a crash leaves either the old file or the new one, never half of one."""
    machine = {name: getattr(Settings(), name) for name in MACHINE_FIELDS} | stored.machine
    data = {"version": FILE_VERSION, **machine,
            "modes": {mode: stored.modes[mode] for mode in MODES if mode in stored.modes}}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a bad file to ``<name>.bad-YYYYmmdd-HHMMSS`` (``-2``, ``-3``… if taken). Never overwrites."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.bad-{stamp}")
    target, n = base, 1
    while True:
        try:
            _rename_no_overwrite(path, target)
            return target
        except FileExistsError:
            n += 1
            target = base.with_name(f"{base.name}-{n}")


def _rename_no_overwrite(src: Path, dst: Path) -> None:
    # os.rename silently replaces an existing target on POSIX; a hard link refuses to.
    try:
        os.link(src, dst)
    except FileExistsError:
        raise
    except OSError:  # file system without hard links
        if dst.exists():
            raise FileExistsError(dst)
        os.rename(src, dst)
        return
    os.unlink(src)


# ---------------------------------------------------------------- operator PIN

def _hash_pin(pin: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, PIN_ITERATIONS)


def set_pin(settings: Settings, pin: str) -> Settings:
    """A copy of ``settings`` with a new PIN (4–8 digits; ValueError otherwise)."""
    if not isinstance(pin, str) or not _PIN_RE.match(pin):
        raise ValueError("PIN must be 4 to 8 digits")
    salt = secrets.token_bytes(16)
    return replace(settings, operator_pin_hash=_hash_pin(pin, salt).hex(), operator_pin_salt=salt.hex())


def verify_pin(settings: Settings, pin: str) -> bool:
    if not isinstance(pin, str):
        return False
    if not settings.operator_pin_hash:
        return hmac.compare_digest(pin.encode("utf-8"), DEFAULT_PIN.encode("utf-8"))
    try:
        salt = bytes.fromhex(settings.operator_pin_salt)
        expected = bytes.fromhex(settings.operator_pin_hash)
    except ValueError:
        return False
    return hmac.compare_digest(_hash_pin(pin, salt), expected)


def pin_is_default(settings: Settings) -> bool:
    """True until the operator sets their own PIN; the operator menu should then ask for one."""
    return not settings.operator_pin_hash
