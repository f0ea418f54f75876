"""Which callers get the red "境外来电" badge, and which the official 96110 / 12381 label."""

import pytest

from game.ui.phone.numbers import is_overseas, masked_account, money, official_label


@pytest.mark.parametrize("number", [
    "+1 646 0000 275", "+852 6012 3344", "+44 7000 1823", "00852 6012 3344",
    "0044 7000 1823", " +63-917-000-1234",
])
def test_foreign_looking_numbers_are_overseas(number):
    assert is_overseas(number)


@pytest.mark.parametrize("number", [
    "+86 138 0013 8000", "+8613800138000", "138 0013 8000", "010-6512 3456", "96110", "12381", "1069 0071 2288", "",
])
def test_domestic_numbers_are_not(number):
    assert not is_overseas(number)


@pytest.mark.parametrize("note", ["归属地：境外", "境外号码", "海外", "Overseas call"])
def test_a_note_saying_abroad_makes_it_overseas(note):
    assert is_overseas("", note)
    assert is_overseas("138 0013 8000", note)


def test_a_plain_note_does_not():
    assert not is_overseas("138 0013 8000", "归属地：北京")


def test_official_warning_lines():
    assert official_label("96110") == "全国反诈预警劝阻专线"
    assert official_label("+86 96110") == "全国反诈预警劝阻专线"
    assert official_label("12381") == "反诈预警短信"
    assert official_label("+852 96110") == ""
    assert official_label("110") == ""


def test_masked_account_is_stable_and_masked():
    a = masked_account("国家资金清查中心")
    assert a == masked_account("国家资金清查中心")
    assert a.startswith("6217 **** **** ") and len(a.split()[-1]) == 4


def test_money_format():
    assert money(150000) == "¥150,000.00"


def test_every_overseas_script_caller_gets_the_badge():
    """Content check: each scripted caller from abroad ("+44 …", "0044 …") would show the badge."""
    from game.content.loader import load_library
    lib = load_library().library
    for scenario in lib.scenarios.values():
        for node in scenario.nodes.values():
            c = node.contact
            n = c.number.replace(" ", "") if c else ""
            if (n.startswith("+") and not n.startswith("+86")) or n.startswith("00"):
                assert is_overseas(c.number, c.note), (scenario.id, node.id)
