#!/usr/bin/env python3
"""Generate the game's short sound cues into assets/sounds/ (stdlib only: wave, math, array).

    python tools/make_sounds.py

The cues are synthesised here from sine waves and seeded noise, so they are
our own work, free of third-party rights (public domain, CC0). Re-running
writes identical files.
"""

from __future__ import annotations

import array
import math
import random
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def _env(t: float, attack: float, decay: float) -> float:
    """Fast attack, exponential decay."""
    if t < attack:
        return t / attack
    return math.exp(-(t - attack) / decay)


def tone(freq: float, length: float, decay: float, harmonics=(1.0, 0.35, 0.12), attack: float = 0.004):
    out = []
    for i in range(int(length * RATE)):
        t = i / RATE
        v = sum(a * math.sin(2 * math.pi * freq * (k + 1) * t) for k, a in enumerate(harmonics))
        out.append(v * _env(t, attack, decay) / sum(harmonics))
    return out


def mix(length: float, *parts: tuple[float, list[float]]):
    buf = [0.0] * int(length * RATE)
    for start, samples in parts:
        s = int(start * RATE)
        for i, v in enumerate(samples):
            if s + i < len(buf):
                buf[s + i] += v
    return buf


def click(rng: random.Random, length: float = 0.025, bright: float = 0.6):
    out, prev = [], 0.0
    for i in range(int(length * RATE)):
        t = i / RATE
        noise = rng.uniform(-1, 1)
        prev = prev + bright * (noise - prev)   # one-pole low-pass: a wooden knock, not a hiss
        out.append(prev * _env(t, 0.001, length / 4))
    return out


def dice(rng: random.Random):
    parts, t = [], 0.0
    while t < 0.42:
        parts.append((t, click(rng, 0.03, rng.uniform(0.3, 0.7))))
        t += rng.uniform(0.03, 0.07) * (1 + t * 2)   # the rattle slows down as the die settles
    parts.append((t, tone(180, 0.08, 0.02, (1.0, 0.2))))
    return mix(t + 0.1, *parts)


def right():
    notes = (784.0, 988.0, 1175.0)   # G5 B5 D6: a bright major chord, one note after another
    return mix(0.7, *[(i * 0.09, tone(f, 0.55, 0.18)) for i, f in enumerate(notes)])


def wrong():
    # Two low falling notes: clearly "not that", but soft enough not to startle.
    return mix(0.55, (0.0, tone(330, 0.25, 0.12, (1.0, 0.5, 0.3, 0.15))),
               (0.2, tone(247, 0.35, 0.15, (1.0, 0.5, 0.3, 0.15))))


def button():
    return tone(1400, 0.05, 0.012, (1.0, 0.2))


def move():
    return tone(880, 0.07, 0.018, (1.0, 0.5, 0.1))


def write(name: str, samples: list[float], volume: float = 0.55) -> Path:
    peak = max(1e-9, max(abs(v) for v in samples))
    fade = int(0.005 * RATE)
    data = array.array("h")
    for i, v in enumerate(samples):
        edge = min(1.0, (len(samples) - i) / fade)
        data.append(int(v / peak * volume * edge * 32767))
    path = OUT / f"{name}.wav"
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(data.tobytes())
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(96110)
    cues = {"dice": dice(rng), "right": right(), "wrong": wrong(), "button": button(), "move": move()}
    for name, samples in cues.items():
        print(write(name, samples, 0.4 if name in ("button", "move") else 0.55))


if __name__ == "__main__":
    main()
