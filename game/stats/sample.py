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
from .facts import close_session
from .recorder import INSERT_CHECK, INSERT_CHOICE, INSERT_SCENE, INSERT_SESSION, time_ordered_id
from .site import SiteInfo, load_site

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
TECHNIQUES = list(Technique)
CHECK_TYPES = ("fake_police", "task_rebate", "fake_boss", "fake_customer_service", "phishing_link")
SCAM_PULL = {"fake_police": 0.10, "ai_face_swap": 0.15, "task_rebate": 0.08, "health_products": 0.12,
             "game_trade": 0.10, "phishing_link": 0.05}


def fill_sample(path: Path | str, sessions: int = 200, *, seed: int = 0, end: datetime | None = None,
                days: int = 30, open_sessions: int = 2, site: SiteInfo | None = None,
                checks: float = 0.3) -> None:
    """Add ``sessions`` completed-or-abandoned sessions spread over ``days`` days before ``end``,
    plus ``open_sessions`` still running (no end time). ``checks``: share of sessions with a
    before/after learning check."""
    rng = random.Random(seed)
    end = end or datetime.now(timezone.utc)
    site = site or load_site(keep=False)   # sample data is no reason to make this machine a site
    conn, _ = open_for_writing(path)
    try:
        with transaction(conn):
            for i in range(sessions + open_sessions):
                data = make_session(rng, end, days, still_open=i >= sessions, checks=checks)
                write_session(conn, data, site)
    finally:
        conn.close()


def make_session(rng: random.Random, end: datetime, days: int, *, still_open: bool = False, checks: float = 0.3,
                 scene_counts: list[tuple[int, int]] | None = None, audience: str | None = None,
                 mode: str | None = None) -> dict:
    """One plausible session as plain data: the session's fields, its scenes (each with its
    choices) and its learning-check answers. ``scene_counts``: (scenarios, quizzes) per game to
    draw from (e.g. measured by the simulator); by default 2–8 scenes, 70 % of them scenarios.
    ``audience``/``mode``: fixed (a kiosk runs one pack in one mode) instead of drawn at random."""
    audience = audience or rng.choice([a.value for a in Audience])
    mode = mode or rng.choices([m for m, _ in MODES], weights=[w for _, w in MODES])[0]
    players = 4 if mode == "classroom" else rng.randint(1, 4)
    computers = players if mode == "autoplay" else (0 if mode == "classroom" else rng.choice((0, 0, 0, 1)))
    computers = min(computers, players - 1) if mode != "autoplay" else computers
    day = end - timedelta(days=rng.randrange(days))
    started = day.replace(hour=rng.randint(1, 11), minute=rng.randrange(60), second=rng.randrange(60))
    if started > end:
        started -= timedelta(days=1)
    if scene_counts:
        n_scenarios, n_quizzes = rng.choice(scene_counts)
        kinds = ["scenario"] * n_scenarios + ["quiz"] * n_quizzes
        rng.shuffle(kinds)
    else:
        kinds = ["scenario" if rng.random() < 0.7 else "quiz" for _ in range(rng.randint(2, 8))]
    scenes = [_scenario(rng, audience) if kind == "scenario" else _quiz(rng) for kind in kinds]
    total = sum(sc["duration_s"] for sc in scenes)
    data = {"started_at": started, "mode": mode, "pack": audience, "audience": audience, "locale": "zh_Hans",
            "board": rng.choice(BOARDS), "players": players, "computers": computers,
            "seat_unit": "team" if mode == "classroom" else "person", "scenes": scenes, "checks": [],
            "status": "open", "ended_at": None, "duration_s": None}
    if rng.random() < checks:
        data["checks"] = _checks(rng, mode)
    if not still_open:
        finished = rng.random() < 0.8
        duration = round(total + rng.uniform(60, 400), 1)
        if not finished:
            data["checks"] = [c for c in data["checks"] if c["phase"] == "before"]
        data.update(status="completed" if finished else "abandoned", duration_s=duration,
                    ended_at=started + timedelta(seconds=duration))
    return data


def _checks(rng: random.Random, mode: str) -> list[dict]:
    """Learning-check answers on two scam types, before and after: one answer for a player, or one
    for each hand a class raised (a class of 20–40 votes by show of hands, each hand stored alone)."""
    out = []
    hands = rng.randint(20, 40) if mode == "classroom" else 1
    learned = 0.25 if mode == "classroom" else 0.15
    for scam_type in rng.sample(CHECK_TYPES, 2):
        right_before = rng.uniform(0.35, 0.7)
        for phase, share in (("before", right_before), ("after", min(1.0, right_before + learned))):
            item_id = f"quiz_{scam_type}:q{rng.randrange(8)}"
            out += [{"phase": phase, "item_id": item_id, "scam_type": scam_type, "correct": rng.random() < share}
                    for _ in range(hands)]
    return out


def write_session(conn, data: dict, site: SiteInfo) -> int:
    """Insert a ``make_session`` session into a kiosk database and close it as the recorder would."""
    started = data["started_at"]
    session_id = conn.execute(INSERT_SESSION, (
        iso_utc(started), data["mode"], data["pack"], data["audience"], data["locale"], data["board"],
        data["players"], time_ordered_id(started), site.device_id,
        site.site, site.district, started.astimezone().date().isoformat(), data["players"] - data["computers"],
        data["computers"], data["seat_unit"])).lastrowid
    for scene in data["scenes"]:
        scene_id = conn.execute(INSERT_SCENE, (session_id, scene["kind"], scene["item_id"], scene["scam_type"],
                                               scene["ending"], scene["correct"], scene["money_lost"],
                                               scene["furthest"], scene["techniques"],
                                               scene["duration_s"])).lastrowid
        conn.executemany(INSERT_CHOICE, [(scene_id, c["node"], c["choice_index"], c["outcome"], c["ladder"],
                                          c["techniques"], c["duration_s"]) for c in scene["choices"]])
    conn.executemany(INSERT_CHECK, [(session_id, c["phase"], c["item_id"], c["scam_type"], int(c["correct"]))
                                    for c in data["checks"]])
    if data["status"] != "open":
        close_session(conn, session_id, status=data["status"], ended_at=iso_utc(data["ended_at"]),
                      duration_s=data["duration_s"])
    return session_id


def _scenario(rng: random.Random, audience: str) -> dict:
    fitting = [s for s in SCENARIOS if audience in s[2]] or list(SCENARIOS)
    scenario_id, scam_type, _ = rng.choice(fitting)
    risk = AUDIENCE_RISK[audience] + SCAM_PULL.get(scam_type, 0.0)
    choices, money, duration = [], 0, 0.0
    for depth in range(rng.randint(1, 4)):
        techniques = ",".join(t.value for t in rng.sample(TECHNIQUES, rng.randint(1, 3)))
        seconds = round(rng.uniform(4, 40), 1)
        duration += seconds
        choice = {"node": f"n{depth}", "choice_index": rng.randrange(3), "techniques": techniques,
                  "duration_s": seconds}
        if rng.random() < 0.08:
            choices.append({**choice, "outcome": "neutral", "ladder": "engaged"})
        elif rng.random() < risk:
            step = RISKY_STEPS[min(depth, 2)]
            money += rng.choice((0, 500, 2000, 20000)) if step is Ladder.PAID else 0
            choices.append({**choice, "outcome": "risky", "ladder": step.value})
        else:
            choices.append({**choice, "outcome": "safe", "ladder": rng.choice(SAFE_STEPS).value})
            break
    last = choices[-1]
    ending = "scammed" if last["outcome"] != "safe" else ("reported" if last["ladder"] == "reported" else "escaped")
    furthest = max((Ladder(c["ladder"]) for c in choices), key=lambda s: s.rank).value
    return {"kind": "scenario", "item_id": scenario_id, "scam_type": scam_type, "ending": ending, "correct": None,
            "money_lost": money if ending == "scammed" else 0, "furthest": furthest, "techniques": "",
            "duration_s": round(duration, 1), "choices": choices}


def _quiz(rng: random.Random) -> dict:
    pool = rng.choice(QUIZ_POOLS)
    scam_type = "" if pool == "quiz_basics" else pool[len("quiz_"):]
    techniques = ",".join(t.value for t in rng.sample(TECHNIQUES, rng.randint(0, 2)))
    return {"kind": "quiz", "item_id": f"{pool}:q{rng.randrange(8)}", "scam_type": scam_type, "ending": None,
            "correct": int(rng.random() < 0.7), "money_lost": 0, "furthest": None, "techniques": techniques,
            "duration_s": round(rng.uniform(5, 30), 1), "choices": []}
