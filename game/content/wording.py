"""Wording rules the checker applies to what players read.

* A choice names an action, never its verdict: a button that says "这是骗局，挂断"
  gives the answer away and teaches nothing. ``VERDICT_WORDS`` are the words that
  judge instead of act; a choice text containing one gets ``verdict-in-choice``.
  Feedback, endings, tips and quiz explanations may use them freely.
* A phone number never starts "+0": no country code starts with 0, so a phone
  shows an international call as "+44 …" or "0044 …", never "+00 …".
"""

from __future__ import annotations

import re

# Words that pass judgement (scam, crime, fake, suspicious …) or quote a proverb that does.
VERDICT_WORDS: tuple[str, ...] = (
    "骗子", "骗局", "诈骗", "上当", "陷阱", "圈套", "杀猪盘",
    "违法", "犯罪", "非法", "不合规", "不正规",
    "是假的", "假平台", "假网站", "假客服", "假警察",
    "可疑", "不对劲", "有问题", "有鬼", "露馅",
    "馅饼", "免费的午餐",
)

# "+" then optional spaces then "0" and a digit: "+00 852 …", "+0 86 …".
_IMPOSSIBLE_NUMBER = re.compile(r"\+[ \u00a0]*0")


def verdict_words_in(text: str) -> list[str]:
    """The verdict words ``text`` contains, in list order."""
    return [w for w in VERDICT_WORDS if w in text]


def impossible_number_in(text: str) -> str | None:
    """The first "+0…" number in ``text`` (as written, up to 12 characters), or None."""
    m = _IMPOSSIBLE_NUMBER.search(text)
    if m is None:
        return None
    return text[m.start():m.start() + 12].strip()
