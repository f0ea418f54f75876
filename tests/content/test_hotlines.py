"""Hotlines by region: the table, the {hotline.*} placeholders, the library a region plays, and the checks."""

import textwrap

import pytest

from game.content import hotlines, regions
from game.content.loader import load_library
from game.i18n.coverage import interface_messages
from game.settings import REGIONS as SETTINGS_REGIONS

EVERY_KEY = " ".join("{hotline.%s}" % k for k in hotlines.KEYS)


# ---------------------------------------------------------------- the table and resolution

@pytest.mark.parametrize("region, warning, police", [("mainland", "96110", "110"), ("hong_kong", "18222", "999"),
                                                     ("taiwan", "165", "110")])
def test_each_region_names_its_own_numbers(region, warning, police):
    assert hotlines.resolve("{hotline.warning}/{hotline.police}", region) == f"{warning}/{police}"


def test_switching_the_region_switches_every_placeholder():
    shown = {r: hotlines.resolve(EVERY_KEY, r) for r in ("mainland", "hong_kong")}
    for a, b in zip(*(s.split(" ") for s in shown.values())):
        assert a != b


def test_names_are_translated_numbers_are_not():
    upper = {"防骗易热线": "ANTI-SCAM HELPLINE"}.get
    assert hotlines.resolve("{hotline.warning_name} {hotline.warning}", "hong_kong",
                            lambda s: upper(s, s)) == "ANTI-SCAM HELPLINE 18222"


def test_text_without_placeholders_comes_back_as_it_was():
    text = "拨打110报警"
    assert hotlines.resolve(text, "hong_kong") is text


def test_a_fact_the_region_lacks_stays_visible_rather_than_wrong():
    assert hotlines.resolve("装上{hotline.app}", "taiwan") == "装上{hotline.app}"


def test_an_unknown_key_stays_visible():
    assert hotlines.resolve("打{hotline.fire}", "mainland") == "打{hotline.fire}"


def test_an_unknown_region_means_the_mainland():
    assert hotlines.resolve("{hotline.warning}", "atlantis") == "96110"


def test_settings_offer_exactly_the_regions_of_the_table():
    assert SETTINGS_REGIONS == hotlines.REGION_IDS


def test_every_region_fills_the_keys_every_region_must_have():
    for region in hotlines.REGIONS.values():
        assert all(region.value(k) for k in ("warning", "warning_name", "warning_note", "police", "qr")), region.id


def test_the_qr_code_dials_the_regions_hotline():
    assert [hotlines.region(r).qr for r in hotlines.REGION_IDS] == ["tel:96110", "tel:18222", "tel:165"]


@pytest.mark.parametrize("text, found", [
    ("挂断，打110", ["110"]), ("拨打96110问问", ["96110"]), ("收到12381的短信", ["12381"]),
    ("打18222或999", ["18222", "999"]), ("#ADCC18222发来的短讯", ["#ADCC18222"]),
    ("转了110元", []), ("卡号6217 0096 1108 8520", []), ("165天以后", []), ("第999号", []),
    ("+96 1108 8520", []), ("{hotline.police}", []),
])
def test_literal_numbers_are_found_where_they_stand_as_phone_numbers(text, found):
    assert [n for n, _owners in hotlines.literal_numbers_in(text)] == found


def test_a_number_is_allowed_where_every_region_of_the_text_has_it():
    assert hotlines.literal_number_problem("拨打110", ("mainland", "taiwan")) is None
    assert hotlines.literal_number_problem("拨打110", hotlines.REGION_IDS) == "110"
    assert hotlines.literal_number_problem("接听96110", ("mainland",)) is None


@pytest.mark.parametrize("text", ["打{hotline.waring}", "打{ hotline.police }", "打{Hotline.police}"])
def test_askew_placeholders_are_noticed(text):
    assert hotlines.malformed_placeholders_in(text)


# ---------------------------------------------------------------- the checker

SCENE = """\
kind: scenario
id: region_check
title: 测试
scam_type: fake_police
summary: 测试。
{extra}start: call
nodes:
  call:
    channel: phone_call
    contact: {{name: 王警官, number: "{number}"}}
    lines:
      - them: {line}
    choices:
      - text: 挂断，打{{hotline.police}}
        to: done
        outcome: safe
        ladder: reported
        feedback: 对。
      - text: 照做
        to: lost
        outcome: risky
        ladder: paid
        money: 100
        feedback: 钱没了。
  done:
    channel: in_person
    ending: {{outcome: reported, summary: 报了警。}}
  lost:
    channel: in_person
    ending: {{outcome: scammed, summary: 钱被骗走了。}}
"""
SCAM = """\
kind: scam_type
id: fake_police
name: 冒充公检法
summary: 骗子冒充警察。
techniques: [authority]
signs: [电话里办案]
right_action: 挂断，拨打{hotline.police}。
advice: 警察不会电话办案。
"""


def check(tmp_path, line="我是王警官。", extra="", number="+44 20 7946 0110"):
    (tmp_path / "scam.yaml").write_text(SCAM, encoding="utf-8")
    (tmp_path / "scene.yaml").write_text(SCENE.format(line=line, extra=extra, number=number), encoding="utf-8")
    result = load_library(paths=[tmp_path], check_font=False)
    return result, [p.code for p in result.problems]


def test_placeholders_everywhere_they_apply_give_no_problem(tmp_path):
    assert check(tmp_path, "有事打{hotline.warning}问问。")[1] == []


def test_a_literal_mainland_number_in_a_text_for_every_region_is_warned_about(tmp_path):
    result, codes = check(tmp_path, "有事打96110问问。")
    assert codes == ["literal-hotline"]
    assert "hong_kong" in result.problems[0].message and "{hotline.warning}" in result.problems[0].hint


def test_a_literal_number_in_a_contact_is_warned_about_too(tmp_path):
    assert check(tmp_path, number="96110")[1] == ["literal-hotline"]


def test_a_mainland_only_script_may_write_mainland_numbers(tmp_path):
    assert check(tmp_path, "有事打96110问问。", extra="regions: [mainland]\n", number="96110")[1] == []


def test_a_fact_missing_in_a_region_the_text_plays_in_is_warned_about(tmp_path):
    result, codes = check(tmp_path, "装上{hotline.app}。")
    assert codes == ["hotline-missing"] and "taiwan" in result.problems[0].message


def test_limiting_the_regions_answers_the_missing_fact(tmp_path):
    assert check(tmp_path, "装上{hotline.app}。", extra="regions: [mainland, hong_kong]\n")[1] == []


def test_a_misspelt_placeholder_is_an_error(tmp_path):
    result, codes = check(tmp_path, "打{hotline.polise}")
    assert codes == ["bad-placeholder"] and "region_check" not in result.library.scenarios


def test_an_unknown_region_is_an_error(tmp_path):
    result, codes = check(tmp_path, extra="regions: [macao]\n")
    assert codes == ["bad-value"] and "region_check" not in result.library.scenarios


def test_regions_are_read_into_the_scenario(tmp_path):
    result, _ = check(tmp_path, extra="regions: [taiwan, hong_kong]\n")
    assert result.library.scenarios["region_check"].regions == ("taiwan", "hong_kong")


def test_a_keyword_is_measured_as_each_region_shows_it(tmp_path):
    (tmp_path / "tiles.yaml").write_text(textwrap.dedent("""\
        kind: tile_set
        id: tiles_help
        tiles:
          - id: call_police
            type: safe
            keyword: 拨打{hotline.police}
            tip: 报警。
        """), encoding="utf-8")
    assert "long-keyword" not in [p.code for p in load_library(paths=[tmp_path], check_font=False).problems]


# ---------------------------------------------------------------- the library each region plays

@pytest.fixture(scope="module")
def shipped():
    return load_library(check_font=False)


def test_mainland_plays_everything(shipped):
    assert regions.for_region(shipped.library, "mainland").counts() == shipped.library.counts()


@pytest.mark.parametrize("region", ["hong_kong", "taiwan"])
def test_mainland_only_scripts_are_left_out_elsewhere(shipped, region):
    lib = regions.for_region(shipped.library, region)
    mainland_only = [s for s in shipped.library.scenarios.values() if s.regions == ("mainland",)]
    assert mainland_only and not [s.id for s in mainland_only if s.id in lib.scenarios]
    assert not [t.id for t in lib.tiles.values() for s in t.scenarios if s not in lib.scenarios]
    assert not [p.id for p in lib.packs.values() for s in p.scenarios if s not in lib.scenarios]


@pytest.mark.parametrize("region", ["hong_kong", "taiwan"])
def test_mainland_only_quiz_items_are_not_asked_elsewhere(shipped, region):
    lib = regions.for_region(shipped.library, region)
    asked = {q.id for pool in lib.quiz_pools.values() for q in pool.items}
    assert "call_from_96110" not in asked and "what_96110_never_does" in asked


def test_a_tile_limited_to_other_regions_leaves_a_plain_square(shipped):
    lib = regions.for_region(shipped.library, "taiwan")
    assert "anti_fraud_app" in shipped.library.tiles and "anti_fraud_app" not in lib.tiles
    assert not [sq for b in lib.boards.values() for sq in b.squares if sq.tile == "anti_fraud_app"]


def test_loading_for_a_region_gives_that_regions_library(shipped):
    assert load_library(check_font=False, region="taiwan").library == regions.for_region(shipped.library, "taiwan")


@pytest.mark.parametrize("region", hotlines.REGION_IDS)
def test_every_pack_is_offered_in_every_region(shipped, region):
    assert set(regions.for_region(shipped.library, region).packs) == set(shipped.library.packs)


# ---------------------------------------------------------------- what the shipped game says

def test_shipped_content_has_no_hotline_problem(shipped):
    codes = {"literal-hotline", "hotline-missing", "bad-placeholder", "region-square-empty", "region-pack-empty"}
    assert [p.format() for p in shipped.problems if p.code in codes] == []


def test_no_interface_text_names_a_region_dependent_number_outside_the_table():
    found = [f"{path}:{line}: {msgid}" for msgid, (path, line) in interface_messages().items()
             if hotlines.literal_numbers_in(msgid) and not path.endswith("content/hotlines.py")]
    assert found == []


@pytest.mark.parametrize("region", hotlines.REGION_IDS)
def test_every_shipped_text_resolves_fully_where_it_plays(shipped, region):
    lib = regions.for_region(shipped.library, region)
    texts = [t.tip + t.keyword for t in lib.tiles.values()]
    texts += [s.right_action + s.advice + s.summary + "".join(s.signs) for s in lib.scam_types.values()]
    texts += [q.question + q.explanation + "".join(q.options) for p in lib.quiz_pools.values() for q in p.items]
    for s in lib.scenarios.values():
        for n in s.nodes.values():
            texts += [line.text for line in n.lines] + [c.text + c.feedback for c in n.choices]
            texts += [n.ending.summary] if n.ending else []
            texts += [n.contact.name + n.contact.note] if n.contact else []
    assert any("{hotline." in t for t in texts)
    assert [t for t in texts if "{hotline" in hotlines.resolve(t, region)] == []
