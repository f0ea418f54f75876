"""Narration picks a recorded file, then espeak-ng, then silence."""

from pathlib import Path

from game.i18n.voice import Narrator, message_id

LINE = "请拨打96110咨询"


def _fake_espeak(tmp_path: Path) -> str:
    script = tmp_path / "espeak-ng"
    script.write_text("#!/bin/sh\n# writes an empty wav to the file after -w\n"
                      "while [ $# -gt 0 ]; do if [ \"$1\" = -w ]; then : > \"$2\"; fi; shift; done\n")
    script.chmod(0o755)
    return str(script)


def test_recorded_file_wins_over_espeak(tmp_path):
    recorded = tmp_path / "voice" / "zh_Hans" / f"{message_id(LINE)}.ogg"
    recorded.parent.mkdir(parents=True)
    recorded.write_bytes(b"OggS")
    played = []
    narrator = Narrator("zh_Hans", play=played.append, espeak=_fake_espeak(tmp_path), voice_root=tmp_path / "voice")
    assert narrator.speak(LINE, LINE).kind == "recorded" and played == [recorded]


def test_espeak_used_when_no_recording(tmp_path):
    played = []
    narrator = Narrator("zh_Hans", play=played.append, espeak=_fake_espeak(tmp_path), voice_root=tmp_path / "voice")
    source = narrator.speak(LINE, LINE)
    assert source.kind == "espeak" and played == [source.path]


def test_silent_without_recording_or_espeak(tmp_path):
    played = []
    narrator = Narrator("zh_Hans", play=played.append, espeak=None, voice_root=tmp_path / "voice")
    assert narrator.speak(LINE, LINE).kind == "silent" and played == []


def test_silent_narrator_says_why_in_settings(tmp_path):
    narrator = Narrator("en", espeak=None, voice_root=tmp_path / "voice")
    assert "espeak-ng" in narrator.status() and not narrator.available


def test_replay_repeats_the_last_line(tmp_path):
    played = []
    narrator = Narrator("zh_Hans", play=played.append, espeak=_fake_espeak(tmp_path), voice_root=tmp_path / "voice")
    narrator.speak(LINE, LINE)
    narrator.replay()
    assert len(played) == 2 and played[0] == played[1]


def test_failing_espeak_falls_back_to_silence(tmp_path):
    broken = tmp_path / "espeak-ng"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    played = []
    narrator = Narrator("zh_Hans", play=played.append, espeak=str(broken), voice_root=tmp_path / "voice")
    assert narrator.speak(LINE, LINE).kind == "silent" and played == []
