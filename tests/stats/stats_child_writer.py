"""Child process for the kill test: records sessions as fast as it can until killed.

Prints ``FINISHED <id> <scenes> <choices>`` after each session's end is committed.
"""

import random
import sys

from game.stats import ChoiceRecord, StatsRecorder


def main(db: str) -> None:
    rng = random.Random()
    recorder = StatsRecorder(db)
    if not recorder.available or recorder.notice:
        print(f"PROBLEM {recorder.notice or recorder.last_error}", file=sys.stderr, flush=True)
    while True:
        session = recorder.start_session(mode="autoplay", audience=rng.choice(["elderly", "students"]),
                                         players=rng.randint(1, 4), pack="elderly", board="park_simple")
        choices = 0
        scenes = rng.randint(1, 3)
        for _ in range(scenes):
            scene = recorder.begin_scene(session, kind="scenario", item_id="police_safe_account",
                                         scam_type="fake_police")
            for node in ("call", "video", "pay")[:rng.randint(1, 3)]:
                recorder.record_choice(scene, node=node, choice_index=rng.randrange(3), outcome="risky",
                                       ladder="engaged", techniques=["authority", "fear"], duration_s=1.5)
                choices += 1
            recorder.end_scene(scene, ending="scammed", money_lost=100)
        recorder.record_scene(session, kind="quiz", item_id="quiz_basics:call_from_96110", correct=True,
                              choices=[ChoiceRecord("q", 0, "safe", "ignored")])
        if recorder.end_session(session, finished=True):
            print(f"FINISHED {session} {scenes + 1} {choices + 1}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
