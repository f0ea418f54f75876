"""Plain-word names shown to players: techniques, choice outcomes, scene endings.

Each string is marked with ``N_`` for the translators' catalog and translated
at display time with ``app.tr``.
"""

from __future__ import annotations


from ...content.models import Outcome, Technique
from ...i18n.marker import N_  # noqa: F401 (re-exported for the screens)


# The manipulation techniques, in the words a player learns to recognise.
TECHNIQUE_LABELS = {
    "urgency": N_("制造紧迫感"),
    "authority": N_("冒充权威"),
    "secrecy": N_("要求保密"),
    "greed": N_("利诱"),
    "fear": N_("恐吓"),
    "trust_borrowing": N_("借用熟人信任"),
    "foot_in_the_door": N_("先小后大"),
    "technical_trap": N_("技术陷阱"),
}

# One sentence per technique: what it sounds like.
TECHNIQUE_HINTS = {
    "urgency": N_("催你“马上、立刻、今天就办”，不给你时间想和问。"),
    "authority": N_("自称警察、法官、客服、领导，用身份压你。"),
    "secrecy": N_("不让你告诉家人、挂电话或去银行问。"),
    "greed": N_("中奖、返利、高收益、免费礼品，先给甜头。"),
    "fear": N_("说你涉案、要冻结、要拘留，吓得你听话。"),
    "trust_borrowing": N_("冒充亲人、朋友、熟悉的品牌，借你的信任。"),
    "foot_in_the_door": N_("先让你做小事、给小钱，再一步步要大钱。"),
    "technical_trap": N_("让你点链接、下App、共享屏幕、报验证码。"),
}

# "neutral": what real victims try and what is not enough (a staff number, a video that looks right).
OUTCOME_LABELS = {"safe": N_("安全"), "risky": N_("有风险"), "neutral": N_("还不够")}
OUTCOME_STYLES = {"safe": ("safe", "safe_text", "check"), "risky": ("risky", "risky_text", "cross"),
                  "neutral": ("neutral", "neutral_text", "info")}

ENDING_LABELS = {"escaped": N_("成功脱险"), "reported": N_("及时报警"), "scammed": N_("被骗了")}
ENDING_STYLES = {"escaped": ("safe", "safe_text", "check"), "reported": ("safe", "safe_text", "check"),
                 "scammed": ("risky", "risky_text", "cross")}

# What the phone says after the player's face-swap check (``rules.face_checks.shown_glitch``), by the
# check and the glitch it showed ("": none). A glitch is a reason to hang up; a clean check proves
# nothing; either way the check that counts is calling back on a number the player already had.
CHECK_WATCH = N_("看仔细：脸有没有跟着动？")
CHECK_HINTS = {
    ("turn", "glitch_on_turn"): N_("头转过去了，脸却没跟上，还撕开了：可能是AI换脸！挂断，打您原来存的号码核实。"),
    ("turn", "blur_edges"): N_("一转头，脸的边缘就发糊：可能是AI换脸！挂断，打您原来存的号码核实。"),
    ("turn", ""): N_("转头没露馅，也证明不了是本人。挂断，打您原来存的号码核实。"),
    ("wave", "glitch_on_wave"): N_("手从脸前挥过，却钻到了脸后面，脸也花了：可能是AI换脸！挂断，打您原来存的号码核实。"),
    ("wave", "blur_edges"): N_("手在脸前一挥，脸的边缘就糊开了：可能是AI换脸！挂断，打您原来存的号码核实。"),
    ("wave", ""): N_("挥手没露馅，也证明不了是本人。挂断，打您原来存的号码核实。"),
}

SPEAKER_SYSTEM = N_("旁白")
SPEAKER_ME = N_("我")


# Punctuation between spoken parts, for the languages that do not write Chinese punctuation.
_LATIN_PUNCTUATION = {"。": ". ", "：": ": ", "；": "; ", "，": ", "}


def spoken_join(app, parts, sep: str = "。") -> str:
    """Parts of something read aloud (already translated), joined with the language's own punctuation."""
    parts = [p.strip() for p in parts if p and p.strip()]
    if not app.locale.startswith("zh"):
        sep = _LATIN_PUNCTUATION.get(sep, sep)
        parts = [p.rstrip(".:;,") if i < len(parts) - 1 else p for i, p in enumerate(parts)]
    return sep.join(parts)


def technique_label(tech: Technique) -> str:
    return TECHNIQUE_LABELS.get(tech.value, tech.value)


def outcome_key(outcome: Outcome) -> str:
    return outcome.value
