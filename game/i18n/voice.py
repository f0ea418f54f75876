"""Narration: every line, choice and feedback can be read aloud.

Where a line's sound comes from, in order:
1. a recorded file ``assets/voice/<locale>/<message-id>.ogg`` (a real voice wins);
2. a pre-rendered file from ``python -m game voice build`` in the user data folder;
3. espeak-ng speaking it live, when the program is installed;
4. silence, and the settings screen says why.

``message_id`` is a stable hash of the source (zh_Hans) text, so recordings keep
working when a translation changes but not when the source line changes.
Nothing here imports pygame: the screen layer passes a ``play(path)`` function.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..paths import ASSETS_DIR, user_data_dir

log = logging.getLogger(__name__)


from .marker import N_

# espeak-ng voice per locale (Mandarin for both Chinese scripts: kiosks in Taiwan
# and mainland exhibitions speak Mandarin; a Cantonese kiosk can switch to "yue").
ESPEAK_VOICES = {"zh_Hans": "cmn", "zh_Hant": "cmn", "en": "en"}
ESPEAK_TIMEOUT_S = 10


_pack_voice_dirs: list[Path] = []     # content packs' voice/ folders, load order (later packs win)


def use_pack_voices(folders: list[Path]) -> None:
    """Recordings of content packs (``<pack>/voice/<locale>/<message id>.ogg``), before the game's own."""
    _pack_voice_dirs[:] = [Path(f) for f in folders]


def message_id(source_text: str) -> str:
    return hashlib.sha1(source_text.encode("utf-8")).hexdigest()[:16]


def recorded_dir(locale: str) -> Path:
    return ASSETS_DIR / "voice" / locale


def rendered_dir(locale: str) -> Path:
    return user_data_dir() / "voice" / locale


@dataclass(frozen=True)
class VoiceSource:
    kind: str            # "recorded", "rendered", "espeak", "silent"
    path: Path | None


class Narrator:
    """Reads lines aloud through ``play(path)``; ``busy()`` (optional) tells whether that sound still plays
    and ``halt()`` stops it, so the screen can show that it is speaking and stop on a tap."""

    def __init__(self, locale: str, play: Callable[[Path], None] | None = None,
                 espeak: str | None = "auto", voice_root: Path | None = None,
                 busy: Callable[[], bool] | None = None, halt: Callable[[], None] | None = None):
        self.locale = locale
        self.play = play
        self.busy = busy
        self.halt = halt
        self.espeak = shutil.which("espeak-ng") if espeak == "auto" else espeak
        self.voice_root = voice_root
        self.last: tuple[str, str] | None = None   # (source text, shown text) for the replay button

    def _recorded(self, source_text: str) -> Path:
        name = f"{message_id(source_text)}.ogg"
        for folder in reversed(_pack_voice_dirs):
            if (folder / self.locale / name).is_file():
                return folder / self.locale / name
        base = self.voice_root / self.locale if self.voice_root else recorded_dir(self.locale)
        return base / name

    def source_for(self, source_text: str) -> VoiceSource:
        recorded = self._recorded(source_text)
        if recorded.is_file():
            return VoiceSource("recorded", recorded)
        rendered = rendered_dir(self.locale) / f"{message_id(source_text)}.wav"
        if rendered.is_file():
            return VoiceSource("rendered", rendered)
        if self.espeak:
            return VoiceSource("espeak", rendered)
        return VoiceSource("silent", None)

    @property
    def available(self) -> bool:
        """Whether anything can speak at all (for the settings screen)."""
        return bool(self.espeak) or self._recorded_dir_has_files() or self._rendered_dir_has_files()

    def status(self) -> str:
        """One line for the settings screen, in zh_Hans (the caller translates it)."""
        if self._recorded_dir_has_files():
            return N_("朗读：使用录音")
        if self.espeak:
            return N_("朗读：使用 espeak-ng 语音合成")
        if self._rendered_dir_has_files():
            return N_("朗读：使用预先生成的语音")
        return N_("朗读不可用：没有录音，也没有安装 espeak-ng")

    def _rendered_dir_has_files(self) -> bool:
        base = rendered_dir(self.locale)
        return base.is_dir() and any(base.glob("*.wav"))

    def _recorded_dir_has_files(self) -> bool:
        base = self.voice_root / self.locale if self.voice_root else recorded_dir(self.locale)
        return any(d.is_dir() and any(d.glob("*.ogg"))
                   for d in [base, *(folder / self.locale for folder in _pack_voice_dirs)])

    def speak(self, source_text: str, shown_text: str) -> VoiceSource:
        """Say ``shown_text`` (the translated line); ``source_text`` names the recording."""
        self.last = (source_text, shown_text)
        source = self.source_for(source_text)
        if source.kind == "espeak" and not render(self.espeak, shown_text, self.locale, source.path):
            source = VoiceSource("silent", None)
        if source.path is not None and source.kind != "silent" and self.play is not None:
            try:
                self.play(source.path)
            except (OSError, RuntimeError) as exc:  # no audio device (pygame.error), unreadable file: stay silent
                log.warning("cannot play %s: %s", source.path, exc)
        return source

    @property
    def speaking(self) -> bool:
        """Whether a line (a recording or espeak-ng's) is still being said; False once it has ended."""
        return bool(self.busy is not None and self.busy())

    def stop(self) -> None:
        if self.halt is not None:
            self.halt()

    def replay(self) -> VoiceSource | None:
        return self.speak(*self.last) if self.last else None


def render(espeak: str, text: str, locale: str, out: Path) -> bool:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.wav")
    try:
        subprocess.run([espeak, "-v", ESPEAK_VOICES.get(locale, "cmn"), "-s", "150", "-w", str(tmp), text],
                       check=True, capture_output=True, timeout=ESPEAK_TIMEOUT_S,
                       creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))   # no console flash on Windows
        tmp.replace(out)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("espeak-ng failed: %s", exc)
        tmp.unlink(missing_ok=True)
        return False
