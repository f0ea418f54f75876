"""Validate N generated scenario files and print seconds (target: 1,000 files ≤ 2 s on one core).

    python benchmarks/bench_validate.py [N ...]      (default: 100 1000 5000)

Each generated script has 8 nodes, 3 decision points, both endings and ~30 texts,
about the size of a shipped script. Font coverage is checked as in real runs.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.loader import load_library  # noqa: E402

SCAM = """kind: scam_type
id: fake_police
name: 冒充公检法
summary: 骗子冒充警察，说你涉嫌洗钱。
techniques: [authority, fear, secrecy]
signs: [自称警察在电话里办案, 要求保密]
right_action: 挂断，拨打110核实。
advice: 警察不会在电话里办案。
"""


def scenario(i: int) -> str:
    steps = []
    for s in range(3):
        nxt = f"step{s + 1}" if s < 2 else "pay"
        steps.append(f"""  step{s}:
    channel: {"phone_call" if s == 0 else "chat"}
    contact: {{name: 王警官{i}, number: "+00 852 6012 {i:04d}", note: 归属地：境外}}
    lines:
      - them: 我是市公安局的王警官，你的银行卡涉嫌洗钱，第{s + 1}次提醒。
      - me: 真的吗？我没做过这种事。
      - them: 这件事必须保密，不能告诉家人，否则会影响办案。
    choices:
      - text: 挂断，自己拨打110核实
        to: safe_end
        outcome: safe
        ladder: verified
        techniques: [authority]
        feedback: 警察不会在电话里办案，挂断后自己拨打110核实是对的。
      - text: 继续听他说
        to: {nxt}
        outcome: risky
        ladder: engaged
        techniques: [authority, fear, secrecy]
        feedback: 对方用警察身份和保密要求施压，这是典型的骗局信号。
""")
    return f"""kind: scenario
id: police_{i}
title: 警官来电{i}
scam_type: fake_police
summary: 一个自称警察的人说你涉嫌洗钱。
at_stake: 50000
start: step0
nodes:
{"".join(steps)}  pay:
    channel: payment
    payee: 安全账户
    amount: 50000
    choices:
      - text: 转账
        to: scammed
        outcome: risky
        ladder: paid
        money: 50000
        feedback: 没有任何安全账户。
      - text: 取消，拨打110
        to: safe_end
        outcome: safe
        ladder: reported
        feedback: 停下来报警永远来得及。
  safe_end:
    channel: in_person
    ending: {{outcome: reported, summary: 你识破了骗局。}}
  scammed:
    channel: in_person
    ending: {{outcome: scammed, summary: 钱被骗走了。}}
"""


def measure(n: int) -> float:
    root = Path(tempfile.mkdtemp(prefix="bench_validate_"))
    try:
        (root / "scam.yaml").write_text(SCAM, encoding="utf-8")
        for i in range(n):
            (root / f"s{i:05d}.yaml").write_text(scenario(i), encoding="utf-8")
        start = time.perf_counter()
        result = load_library(paths=[root])
        seconds = time.perf_counter() - start
        assert not result.errors, result.errors[:3]
        assert len(result.library.scenarios) == n
        return seconds
    finally:
        shutil.rmtree(root)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000, 5000]
    measure(20)  # warm up imports and the font table
    print(f"{'files':>6} {'seconds':>8} {'ms/file':>8}")
    for n in sizes:
        seconds = measure(n)
        print(f"{n:>6} {seconds:>8.2f} {seconds / n * 1000:>8.2f}")


if __name__ == "__main__":
    main()
