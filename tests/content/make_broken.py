"""Writes the broken-content corpus in broken/. Run once; the files are committed.

Each file breaks one rule; tests/content/test_broken_corpus.py lists the error
code and line every file must produce.
"""

from pathlib import Path

HERE = Path(__file__).parent / "broken"
SCAM = """kind: scam_type
id: {id}
name: 假冒客服
summary: 冒充客服退款。
techniques: [trust_borrowing]
signs: [主动打电话说要退款]
right_action: 挂断，在购物App里查订单。
advice: 退款只在官方App里办。
"""


def scenario(nodes: str, extra: str = "", scam_type: str = "fake_police", sid: str = "broken_one") -> str:
    return f"""kind: scenario
id: {sid}
title: 测试
scam_type: {scam_type}
summary: 测试用的剧本。
start: a
{extra}nodes:
{nodes}"""


SAFE_END = """  ok:
    channel: in_person
    ending: {outcome: escaped, summary: 你没有上当。}
"""
BAD_END = """  bad:
    channel: in_person
    ending: {outcome: scammed, summary: 你被骗了。}
"""


def choice(to: str, outcome: str = "safe", ladder: str = "ignored", text: str = "挂断") -> str:
    return f"""      - text: {text}
        to: {to}
        outcome: {outcome}
        ladder: {ladder}
        feedback: 说明。
"""


TWO_WAY = """  a:
    channel: phone_call
    lines:
      - them: 你好
    choices:
""" + choice("ok") + choice("bad", "risky", "paid", "转账")

FILES: dict[str, bytes | str] = {
    "syntax_bad_indent.yaml": "kind: scam_type\nid: fake_x\n  name: 假冒\n",
    "syntax_unclosed_quote.yaml": 'kind: scam_type\nid: fake_x\nname: "假冒\nsummary: x\n',
    "tab_indent.yaml": "kind: scam_type\nid: fake_x\nsigns:\n\t- 一\n",
    "duplicate_key.yaml": SCAM.format(id="dup_key").replace("summary: 冒充客服退款。\n",
                                                            "summary: 冒充客服退款。\nsummary: 又一遍。\n"),
    "unknown_key.yaml": SCAM.format(id="unknown_key").replace("advice:", "advise:"),
    "missing_field.yaml": SCAM.format(id="missing_field").replace("right_action: 挂断，在购物App里查订单。\n", ""),
    "empty_text.yaml": SCAM.format(id="empty_text").replace("summary: 冒充客服退款。", 'summary: ""'),
    "bad_id.yaml": SCAM.format(id="Fake-Service"),
    "bad_technique.yaml": SCAM.format(id="bad_tech").replace("[trust_borrowing]", "[trust_borowing]"),
    "unknown_kind.yaml": "kind: scenerio\nid: x\n",
    "wrong_type_int.yaml": scenario(TWO_WAY + SAFE_END + BAD_END, extra="at_stake: 很多\n"),
    "unknown_ref_scam_type.yaml": scenario(TWO_WAY + SAFE_END + BAD_END, scam_type="fake_polce"),
    "unknown_node.yaml": scenario(TWO_WAY.replace("to: ok", "to: okk") + SAFE_END + BAD_END),
    "unreachable_node.yaml": scenario(TWO_WAY + SAFE_END + BAD_END + """  lonely:
    channel: sms
    ending: {outcome: escaped, summary: 没人来这里。}
"""),
    "dead_end.yaml": scenario(TWO_WAY.replace("to: bad", "to: stuck") + SAFE_END + BAD_END.replace("  bad:", "  unused:") + """  stuck:
    channel: chat
    lines:
      - them: 然后呢？
"""),
    "loop_without_exit.yaml": scenario(TWO_WAY.replace("to: bad", "to: loop1") + SAFE_END + BAD_END + """  loop1:
    channel: chat
    choices:
""" + choice("loop2", "neutral", "engaged") + """  loop2:
    channel: chat
    choices:
""" + choice("loop1", "neutral", "engaged")),
    "no_safe_route.yaml": scenario(TWO_WAY.replace("to: ok", "to: bad") + BAD_END),
    "no_risky_route.yaml": scenario(TWO_WAY.replace("to: bad", "to: ok") + SAFE_END),
    "ending_no_outcome.yaml": scenario(TWO_WAY + SAFE_END + """  bad:
    channel: in_person
    ending: {summary: 你被骗了。}
"""),
    "ending_with_choices.yaml": scenario(TWO_WAY + SAFE_END + """  bad:
    channel: in_person
    ending: {outcome: scammed, summary: 你被骗了。}
    choices:
""" + choice("ok")),
    "bad_channel.yaml": scenario(TWO_WAY.replace("phone_call", "telegram") + SAFE_END + BAD_END),
    "bad_line_speaker.yaml": scenario(TWO_WAY.replace("- them: 你好", "- caller: 你好") + SAFE_END + BAD_END),
    "missing_feedback.yaml": scenario(TWO_WAY.replace("        feedback: 说明。\n", "", 1) + SAFE_END + BAD_END),
    "asset_missing.yaml": scenario(TWO_WAY.replace("    lines:", "    image: images/nope.png\n    lines:", 1)
                                   + SAFE_END + BAD_END),
    "asset_traversal.yaml": scenario(TWO_WAY.replace("    lines:", "    image: ../../etc/passwd\n    lines:", 1)
                                     + SAFE_END + BAD_END),
    "asset_absolute.yaml": scenario(TWO_WAY.replace("    lines:", "    image: /etc/passwd\n    lines:", 1)
                                    + SAFE_END + BAD_END),
    "font_missing.yaml": scenario(TWO_WAY.replace("- them: 你好", "- them: 你好\U0001F600") + SAFE_END + BAD_END),
    "zz_duplicate_id.yaml": SCAM.format(id="fake_police"),
    "quiz_answer_range.yaml": """kind: quiz_pool
id: quiz_bad
name: 坏题
items:
  - id: q1
    question: 怎么办？
    options: [挂断, 转账]
    answer: 5
    explanation: 挂断。
""",
    "board_bad_square.yaml": """kind: board
id: bad_board
name: 坏棋盘
description: 测试。
layout: path
rules: {preset: simple}
players: {min: 1, max: 1}
track:
  length: 8
  tiles: {99: safe_account}
seats:
  - {colour: red, start: 0, home_entry: 7}
""",
    "board_unknown_rule.yaml": """kind: board
id: bad_rules
name: 坏规则
description: 测试。
layout: path
rules: {preset: classic, lauch_on: [6]}
track:
  length: 8
seats:
  - {colour: red, start: 0, home_entry: 7}
players: {min: 1, max: 1}
""",
    "pack_unknown_board.yaml": """kind: pack
id: bad_pack
audience: elderly
name: 坏包
description: 测试。
boards: [mini, maxi]
""",
    "tile_starts_nothing.yaml": """kind: tile_set
id: empty_tiles
tiles:
  - id: lonely
    keyword: 空格子
    scam_type: fake_police
    tip: 什么也不做。
""",
    "python_tag.yaml": "kind: scam_type\nid: !!python/object/apply:os.system ['echo hi']\n",
    "merge_key.yaml": "base: &b {name: x}\nkind: scam_type\n<<: *b\n",
    "alias_bomb.yaml": "".join(
        [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]\n" if i else "l0: &l0 [x,x,x,x,x,x,x,x,x]\n"
         for i in range(9)]),
    "deep_nesting.yaml": "kind: " + "[" * 200 + "]" * 200 + "\n",
    "not_utf8.yaml": "kind: scam_type\nname: 冒充公检法\n".encode("gbk"),
    "binary.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    "empty.yaml": b"",
    "only_comments.yaml": "# 还没写\n# nothing yet\n",
    "multiple_documents.yaml": SCAM.format(id="doc_one") + "---\n" + SCAM.format(id="doc_two"),
    "not_a_mapping.yaml": "- kind: scam_type\n- id: x\n",
    "control_char.yaml": SCAM.format(id="ctrl").replace("冒充客服退款。", "冒充客服\x07退款。"),
}

if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    for name, content in FILES.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (HERE / name).write_bytes(data)
    print(f"wrote {len(FILES)} files to {HERE}")
