"""Generated, plausible statistics for tests, benchmarks and trying out ``stats report``.

Writes straight into the tables in one transaction (the recorder's one
transaction per call would be far too slow for 10,000 sessions).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from game.content.models import Audience, Ladder, Technique

from .db import iso_utc, open_for_writing, transaction
from .recorder import INSERT_CHOICE, INSERT_SCENE, INSERT_SESSION

# (scenario id, scam type, audiences) — a subset of docs/content-plan.md
SCENARIOS = (
    ("click_farming_deposit", "task_rebate", ("students", "general")),
    ("stock_master_group", "fake_investment", ("workplace", "general", "elderly")),
    ("romance_platform", "romance_investment", ("workplace", "general")),
    ("parcel_lost_refund", "fake_customer_service", ("general", "workplace")),
    ("police_safe_account", "fake_police", ("elderly", "general")),
    ("boss_urgent_transfer", "fake_boss", ("workplace",)),
    ("grandson_face_swap", "ai_face_swap", ("elderly",)),
    ("overseas_prize_call", "overseas_call", ("elderly", "general")),
    ("cancel_campus_loan", "fake_loan", ("students",)),
    ("health_lecture_eggs", "health_products", ("elderly",)),
    ("free_skin_qr", "game_trade", ("students",)),
    ("etc_link_sms", "phishing_link", ("general", "workplace", "elderly")),
    ("easy_money_card", "card_renting", ("students",)),
    ("medical_card_abnormal", "fake_social_insurance", ("elderly",)),
)
QUIZ_POOLS = ("quiz_basics", "quiz_fake_police", "quiz_task_rebate", "quiz_fake_boss")
MODES = (("kiosk", 6), ("normal", 2), ("classroom", 2), ("autoplay", 1))
BOARDS = ("park_simple", "classic_four", "classroom_teams")
RISKY_STEPS = (Ladder.ENGAGED, Ladder.SHARED_INFO, Ladder.PAID)
SAFE_STEPS = (Ladder.IGNORED, Ladder.VERIFIED, Ladder.REPORTED)
# How easily each audience falls for a risky choice, and each scam type's extra pull.
AUDIENCE_RISK = {"elderly": 0.38, "students": 0.30, "workplace": 0.22, "general": 0.26}
SCAM_PULL = {"fake_police": 0.10, "ai_face_swap": 0.15, "task_rebate": 0.08, "health_products": 0.12,
             "game_trade": 0.10, "phishing_link": 0.05}


def fill_sample(path: Path | str, sessions: int = 200, *, seed: int = 0, end: datetime | None = None,
                days: int = 30, open_sessions: int = 2) -> None:
    """Add ``sessions`` finished-or-abandoned sessions spread over ``days`` days before ``end``,
    plus ``open_sessions`` still running (no end time)."""
    rng = random.Random(seed)
    end = end or datetime.now(timezone.utc)
    conn, _ = open_for_writing(path)
    try:
        with transaction(conn):
            for i in range(sessions + open_sessions):
                _one_session(conn, rng, end, days, still_open=i >= sessions)
    finally:
        conn.close()


def _one_session(conn, rng: random.Random, end: datetime, days: int, still_open: bool) -> None:
    audience = rng.choice([a.value for a in Audience])
    mode = rng.choices([m for m, _ in MODES], weights=[w for _, w in MODES])[0]
    players = 4 if mode == "classroom" else rng.randint(1, 4)
    day = end - timedelta(days=rng.randrange(days))
    started = day.replace(hour=rng.randint(1, 11), minute=rng.randrange(60), second=rng.randrange(60))
    if started > end:
        started -= timedelta(days=1)
    session_id = conn.execute(INSERT_SESSION, (iso_utc(started), mode, audience, audience, "zh_Hans",
                                               rng.choice(BOARDS), players)).lastrowid
    total = 0.0
    for _ in range(rng.randint(2, 8)):
        total += _scenario(conn, rng, session_id, audience) if rng.random() < 0.7 else _quiz(conn, rng, session_id)
    if still_open:
        return
    finished = rng.random() < 0.8
    duration = total + rng.uniform(60, 400)
    conn.execute("UPDATE sessions SET ended_at = ?, finished = ?, duration_s = ? WHERE id = ?",
                 (iso_utc(started + timedelta(seconds=duration)), int(finished), round(duration, 1), session_id))


def _scenario(conn, rng: random.Random, session_id: int, audience: str) -> float:
    fitting = [s for s in SCENARIOS if audience in s[2]] or list(SCENARIOS)
    scenario_id, scam_type, _ = rng.choice(fitting)
    risk = AUDIENCE_RISK[audience] + SCAM_PULL.get(scam_type, 0.0)
    choices, money, duration = [], 0, 0.0
    for depth in range(rng.randint(1, 4)):
        techniques = ",".join(t.value for t in rng.sample(list(Technique), rng.randint(1, 3)))
        seconds = round(rng.uniform(4, 40), 1)
        duration += seconds
        if rng.random() < 0.08:
            choices.append((f"n{depth}", rng.randrange(3), "neutral", "engaged", techniques, seconds))
        elif rng.random() < risk:
            step = RISKY_STEPS[min(depth, 2)]
            money += rng.choice((0, 500, 2000, 20000)) if step is Ladder.PAID else 0
            choices.append((f"n{depth}", rng.randrange(3), "risky", step.value, techniques, seconds))
        else:
            choices.append((f"n{depth}", rng.randrange(3), "safe", rng.choice(SAFE_STEPS).value, techniques,
                            seconds))
            break
    last = choices[-1]
    ending = "scammed" if last[2] != "safe" else ("reported" if last[3] == "reported" else "escaped")
    furthest = max((Ladder(c[3]) for c in choices), key=lambda s: s.rank).value
    scene_id = conn.execute(INSERT_SCENE, (session_id, "scenario", scenario_id, scam_type, ending, None,
                                           money if ending == "scammed" else 0, furthest, "",
                                           round(duration, 1))).lastrowid
    conn.executemany(INSERT_CHOICE, [(scene_id, *c) for c in choices])
    return duration


def _quiz(conn, rng: random.Random, session_id: int) -> float:
    pool = rng.choice(QUIZ_POOLS)
    scam_type = "" if pool == "quiz_basics" else pool[len("quiz_"):]
    techniques = ",".join(t.value for t in rng.sample(list(Technique), rng.randint(0, 2)))
    seconds = round(rng.uniform(5, 30), 1)
    conn.execute(INSERT_SCENE, (session_id, "quiz", f"{pool}:q{rng.randrange(8)}", scam_type, None,
                                int(rng.random() < 0.7), 0, None, techniques, seconds))
    return seconds
