"""The checker's teaching rules: choices that give their verdict away, lone steps tagged with techniques,
decisions without a safe or a tempting way, phone numbers no phone shows, and the company_money field."""

import shutil
from pathlib import Path

import pytest

from game.content.loader import load_library
from game.content.wording import VERDICT_WORDS, impossible_number_in, verdict_words_in

FIXTURE = Path(__file__).parent / "fixture"


def script(call_choices: str, number: str = "138 0000 1234", extra: str = "") -> str:
    return f"""kind: scenario
id: check_me
title: 测试
scam_type: fake_police
summary: 测试用的剧本。
{extra}start: call
nodes:
  call:
    channel: phone_call
    contact: {{name: 未知号码, number: "{number}"}}
    lines:
      - them: 我是王警官。
    choices:
{call_choices}
  pay:
    channel: payment
    choices:
      - text: 转账
        to: scammed
        outcome: risky
        ladder: paid
        money: 500
        feedback: 钱转走了。
      - text: 挂断，打{{hotline.police}}
        to: done
        outcome: safe
        ladder: reported
        feedback: 对。
  done:
    channel: in_person
    ending: {{outcome: reported, summary: 报了警。}}
  scammed:
    channel: in_person
    ending: {{outcome: scammed, summary: 钱被骗走了。}}
"""


def choice(text: str, to: str, outcome: str, techniques: str = "[authority]") -> str:
    return f"""      - text: {text}
        to: {to}
        outcome: {outcome}
        ladder: engaged
        techniques: {techniques}
        feedback: 说明。
"""


TWO = choice("挂断，打{hotline.police}", "done", "safe") + choice("听他说", "pay", "risky")


def check(tmp_path: Path, text: str):
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "check_me.yaml").write_text(text, encoding="utf-8")
    result = load_library(paths=[tmp_path])
    mine = [p for p in result.problems if p.path.endswith("check_me.yaml")]
    return result, mine


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def test_a_clean_script_has_no_wording_warnings(tmp_path):
    assert check(tmp_path, script(TWO))[1] == []


@pytest.mark.parametrize("text", ["这是骗局，挂断", "借卡是违法的，不理", "脸是假的！挂断", "不对劲，打{hotline.police}"])
def test_a_choice_that_says_its_verdict_is_warned_about(tmp_path, text):
    _, problems = check(tmp_path, script(choice(text, "done", "safe") + choice("听他说", "pay", "risky")))
    assert codes(problems) == ["verdict-in-choice"] and problems[0].severity == "warning"


def test_the_verdict_warning_points_at_the_choice_text(tmp_path):
    _, problems = check(tmp_path, script(choice("这是骗局，挂断", "done", "safe") + choice("听他说", "pay", "risky")))
    assert (problems[0].line, problems[0].col) == (14, 15)


def test_verdict_words_in_feedback_are_fine(tmp_path):
    text = script(TWO).replace("feedback: 说明。", "feedback: 这是骗局，挂断是对的。", 1)
    assert check(tmp_path, text)[1] == []


def test_the_verdict_word_list_finds_every_word_it_holds():
    assert [verdict_words_in(f"先{w}再说") for w in VERDICT_WORDS] == [[w] for w in VERDICT_WORDS]


def test_a_lone_choice_with_techniques_is_warned_about(tmp_path):
    text = script(TWO).replace("""      - text: 挂断，打{hotline.police}
        to: done
        outcome: safe
        ladder: reported
        feedback: 对。
""", "").replace("ladder: paid\n        money: 500", "ladder: paid\n        money: 500\n        techniques: [fear]")
    _, problems = check(tmp_path, text)
    assert "lone-choice-tagged" in codes(problems)


def test_a_lone_choice_without_techniques_is_fine(tmp_path):
    text = script(TWO).replace("""      - text: 挂断，打{hotline.police}
        to: done
        outcome: safe
        ladder: reported
        feedback: 对。
""", "")
    assert "lone-choice-tagged" not in codes(check(tmp_path, text)[1])


@pytest.mark.parametrize("outcomes, missing", [(("safe", "safe"), "risky or neutral"), (("risky", "neutral"), "safe")])
def test_a_decision_needs_a_safe_and_a_tempting_choice(tmp_path, outcomes, missing):
    choices = choice("挂断，打{hotline.police}", "done", outcomes[0]) + choice("听他说", "pay", outcomes[1])
    _, problems = check(tmp_path, script(choices))
    found = [p for p in problems if p.code == "one-sided-decision"]
    assert len(found) == 1 and f"no {missing} choice" in found[0].message


def test_a_safe_and_a_neutral_choice_make_a_decision(tmp_path):
    choices = choice("挂断，打{hotline.police}", "done", "safe") + choice("问他要警号", "pay", "neutral")
    assert "one-sided-decision" not in codes(check(tmp_path, script(choices))[1])


@pytest.mark.parametrize("number", ["+00 852 6012 3344", "+0 86 138 0000 1234", "+ 00 44 7700 9015"])
def test_a_caller_number_starting_plus_zero_is_warned_about(tmp_path, number):
    _, problems = check(tmp_path, script(TWO, number=number))
    assert codes(problems) == ["impossible-number"] and problems[0].line == 10


def test_a_plus_zero_number_inside_a_text_is_warned_about_too(tmp_path):
    _, problems = check(tmp_path, script(TWO.replace("听他说", "回拨+00 21 5555 0183")))
    assert codes(problems) == ["impossible-number"]


@pytest.mark.parametrize("number", ["+852 6012 3344", "0044 7700 9015", "+86 138 0000 1234", "010 6512 3456"])
def test_real_international_and_domestic_numbers_are_fine(tmp_path, number):
    assert check(tmp_path, script(TWO, number=number))[1] == []


def test_impossible_number_quotes_what_was_written():
    assert impossible_number_in("来电 +00 21 5555 0183 说") == "+00 21 5555"


def test_company_money_is_read_into_the_scenario(tmp_path):
    result, problems = check(tmp_path, script(TWO, extra="company_money: true\n"))
    assert problems == [] and result.library.scenarios["check_me"].company_money


def test_company_money_defaults_to_the_players_own_money(tmp_path):
    assert not check(tmp_path, script(TWO))[0].library.scenarios["check_me"].company_money


def test_company_money_must_be_true_or_false(tmp_path):
    _, problems = check(tmp_path, script(TWO, extra="company_money: 公司\n"))
    assert "wrong-type" in codes(problems)
