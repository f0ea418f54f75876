"""The shipped library: clean, big enough for the content issue, every route playable, facts right."""

import pytest

from game.content.loader import load_library
from game.content.models import Channel, EndingOutcome, TileType
from game.rules import check_routes, iter_routes


@pytest.fixture(scope="module")
def shipped():
    return load_library()


def test_no_errors(shipped):
    assert [p.format() for p in shipped.errors] == []


def test_no_warnings(shipped):
    assert [p.format() for p in shipped.warnings] == []


def test_every_file_loaded(shipped):
    assert shipped.skipped_files == []


def test_library_meets_the_minimums_of_the_content_issue(shipped):
    lib = shipped.library
    keyword_tiles = [t for t in lib.tiles.values() if t.type is TileType.SCAM]
    assert (len(lib.scam_types) >= 15, len(lib.scenarios) >= 24, lib.quiz_item_count() >= 60,
            len(keyword_tiles) >= 24, len(lib.boards) >= 3, len(lib.packs) >= 4) == (True,) * 6


def test_every_scam_type_has_a_scenario(shipped):
    lib = shipped.library
    assert set(lib.scam_types) - {s.scam_type for s in lib.scenarios.values()} == set()


def test_every_channel_is_in_at_least_two_scripts(shipped):
    scripts = shipped.library.scenarios.values()
    counts = {c: sum(c in s.channels for s in scripts) for c in Channel}
    assert {c.value: n for c, n in counts.items() if n < 2} == {}


def test_every_route_of_every_script_plays_to_an_ending(shipped):
    assert {sid: check_routes(s) for sid, s in shipped.library.scenarios.items() if check_routes(s)} == {}


def test_every_script_has_three_decisions_on_its_longest_route(shipped):
    short = {}
    for sid, scenario in shipped.library.scenarios.items():
        longest = max(len(r.choices) for r in iter_routes(scenario))
        if longest < 3:
            short[sid] = longest
    assert short == {}


def test_every_script_can_end_safely_and_scammed(shipped):
    missing = {}
    for sid, scenario in shipped.library.scenarios.items():
        outcomes = {n.ending.outcome for n in scenario.nodes.values() if n.ending}
        if EndingOutcome.SCAMMED not in outcomes or not outcomes & {EndingOutcome.ESCAPED, EndingOutcome.REPORTED}:
            missing[sid] = sorted(o.value for o in outcomes)
    assert missing == {}


def test_every_tile_is_on_a_board_or_in_reach_of_a_pack(shipped):
    lib = shipped.library
    on_boards = {sq.tile for b in lib.boards.values() for sq in b.squares if sq.tile}
    reachable_scenarios = {s for t in lib.tiles.values() if t.id in on_boards for s in t.scenarios}
    assert set(lib.scenarios) - reachable_scenarios == set()


# Real companies, banks, apps and platforms must never appear in a scam story.
REAL_NAMES = ["淘宝", "天猫", "京东", "拼多多", "支付宝", "微信支付", "抖音", "快手", "美团", "饿了么", "顺丰", "中通",
              "圆通", "韵达", "申通", "工商银行", "建设银行", "农业银行", "中国银行", "招商银行", "交通银行",
              "平安银行", "平安保险", "腾讯", "阿里巴巴", "百度", "华为", "小米", "苹果公司", "钉钉", "腾讯会议", "Zoom",
              "王者荣耀", "和平精英", "网易", "哔哩哔哩", "小红书", "闲鱼", "携程", "中国移动", "中国联通",
              "中国电信", "花呗", "借呗", "微粒贷", "Apple", "Alipay", "WeChat Pay", "Taobao", "JD.com"]


def test_no_real_company_is_named(shipped):
    hits = [f"{f.path}:{t.line}: {name}" for f in shipped.files for t in f.texts for name in REAL_NAMES
            if name in t.text]
    assert hits == []


def test_calls_from_96110_are_shown_as_the_police_warning_line(shipped):
    """A call from 96110 is the police warning you: the phone must label it, never as a scam number."""
    calls = [n for s in shipped.library.scenarios.values() for n in s.nodes.values()
             if n.contact and n.contact.number.replace(" ", "") == "96110"]
    assert calls and [n.id for n in calls if "反诈" not in n.contact.note] == []
