"""The phone page as a file: self-contained, ES5, its policy matching its own inline code, labels per locale."""

import base64
import hashlib
import re

import pytest

from game.vote import page as vote_page
from game.vote.page import LABELS, SCRIPT, build_page


@pytest.fixture(scope="module")
def zh():
    html, csp = build_page("zh_Hans")
    return html.decode("utf-8"), csp


def _inline(html: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.S)


def test_the_page_fetches_nothing_from_anywhere(zh):
    html, _ = zh
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"\b(src|href)\s*=", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html


def test_the_page_is_small_enough_for_a_weak_signal(zh):
    assert len(zh[0].encode("utf-8")) < 16_000


@pytest.mark.parametrize("modern", [r"=>", r"\blet\b", r"\bconst\b", "`", r"\bfetch\b", r"\bPromise\b",
                                    r"\bclass\b\s+\w+\s*\{", r"\basync\b", r"\bawait\b", r"WebSocket",
                                    r"EventSource", r"\.\.\.", r"\bfor\s*\(\s*var\s+\w+\s+of\b"])
def test_the_script_is_es5_for_old_android_and_wechat_browsers(modern):
    assert not re.search(modern, SCRIPT)


def test_game_text_reaches_the_page_only_as_text():
    assert "innerHTML" not in SCRIPT and "insertAdjacentHTML" not in SCRIPT and "document.write" not in SCRIPT
    assert "textContent" in SCRIPT


def test_the_policy_allows_exactly_the_inline_script_and_style(zh):
    html, csp = zh

    def digest(source):
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"

    scripts, styles = _inline(html, "script"), _inline(html, "style")
    assert len(scripts) == 2 and len(styles) == 1
    script_src = re.search(r"script-src ([^;]+)", csp).group(1).split()
    style_src = re.search(r"style-src ([^;]+)", csp).group(1).split()
    assert sorted(script_src) == sorted(digest(s) for s in scripts)
    assert style_src == [digest(styles[0])]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp


def test_labels_are_chinese_first(zh):
    html, _ = zh
    assert '<html lang="zh-Hans">' in html
    assert LABELS["join_heading"] in html and "请等老师出题" in html


@pytest.mark.parametrize("locale, lang, word", [("en", "en", "Join"), ("zh_Hant", "zh-Hant", "課堂投票")])
def test_labels_follow_the_games_locale(locale, lang, word):
    html = build_page(locale)[0].decode("utf-8")
    assert f'<html lang="{lang}">' in html and word in html
    assert "请等老师出题" not in html


def test_a_label_cannot_break_out_of_the_page(monkeypatch):
    evil = '</script><script>alert(1)</script><b onmouseover="x">'
    monkeypatch.setattr(vote_page, "labels", lambda locale: {**LABELS, "title": evil, "you_chose": evil})
    html, _ = build_page("zh_Hans")
    text = html.decode("utf-8")
    assert evil not in text
    assert text.count("<script>") == 2 and "&lt;/script&gt;" in text and "\\u003c/script\\u003e" in text


def test_every_label_the_script_uses_exists():
    used = set(re.findall(r"\bL\.(\w+)", SCRIPT))
    assert used and used <= set(LABELS)
