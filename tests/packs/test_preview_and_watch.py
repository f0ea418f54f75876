"""What the author preview (play --scenario ID --node ID --watch) gets from the content layer."""

from game.content.packs import ContentSources
from game.content.preview import ContentWatcher, load_scenario

from pack_helpers import set_field


def _sources(county):
    return ContentSources(extra=(county,))


def test_one_scenario_of_the_pack_with_its_start_node_and_audience_pack(county):
    preview = load_scenario("qs_gas_bill_sms", sources=_sources(county))
    assert preview.ok and preview.node.id == "sms" and preview.pack.id == "qingshan_all"


def test_a_node_to_start_at(county):
    assert load_scenario("qs_gas_bill_sms", "chat", sources=_sources(county)).node.id == "chat"


def test_an_unknown_node_lists_the_nodes(county):
    preview = load_scenario("qs_gas_bill_sms", "chta", sources=_sources(county))
    assert not preview.ok and "no node 'chta'" in preview.error and "chat" in preview.error


def test_an_unknown_scenario_says_so(county):
    preview = load_scenario("qs_nothing", sources=_sources(county))
    assert not preview.ok and "no scenario with the id 'qs_nothing'" in preview.error


def test_a_scenario_of_a_pack_that_did_not_load_gives_the_reason_and_errors(county):
    set_field(county / "quiz" / "quiz_qingshan.yaml", "    answer: 3\n", "    answer: 4\n")
    preview = load_scenario("qs_gas_bill_sms", sources=_sources(county))
    assert not preview.ok and "is not loaded" in preview.error and preview.problems[0].code == "out-of-range"


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def _poll_until_reload(watcher, clock, limit=10):
    for _ in range(limit):
        clock.now += watcher.interval
        result = watcher.poll()
        if result is not None:
            return result
    return None


def test_nothing_changed_nothing_reloaded(county):
    clock = Clock()
    watcher = ContentWatcher(_sources(county), clock=clock)
    assert _poll_until_reload(watcher, clock) is None


def test_a_changed_file_reloads_the_content(county):
    clock = Clock()
    watcher = ContentWatcher(_sources(county), clock=clock)
    set_field(county / "tiles" / "qingshan.yaml", "keyword: 号码停机", "keyword: 停机通知")
    result = _poll_until_reload(watcher, clock)
    assert result.library.tiles["qs_number_suspend"].keyword == "停机通知"
    assert [p.endswith("qingshan.yaml") for p in watcher.changed] == [True]


def test_a_broken_file_gives_its_errors_and_a_fix_gives_the_game_back(county):
    clock = Clock()
    watcher = ContentWatcher(_sources(county), clock=clock)
    tiles = county / "tiles" / "qingshan.yaml"
    good = tiles.read_text(encoding="utf-8")
    tiles.write_text(good.replace("tip: 缴燃气费用不着银行卡密码。", 'tip: "缴费"用不着密码'), encoding="utf-8")
    broken = _poll_until_reload(watcher, clock)
    assert [p.code for p in watcher.errors(broken)] == ["yaml-syntax"]
    tiles.write_text(good, encoding="utf-8")
    fixed = _poll_until_reload(watcher, clock)
    assert watcher.errors(fixed) == [] and fixed.pack("qingshan").loaded


def test_a_file_still_being_written_is_not_loaded_until_it_settles(county):
    clock = Clock()
    watcher = ContentWatcher(_sources(county), clock=clock, interval=0.5, settle=0.3)
    set_field(county / "tiles" / "qingshan.yaml", "keyword: 号码停机", "keyword: 停机通知")
    clock.now += 0.5
    assert watcher.poll() is None     # changed just now: wait for it to stay the same
    clock.now += 0.5
    assert watcher.poll() is not None
