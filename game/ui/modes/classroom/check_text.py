"""How the class's learning check reads: the words of the summary's panel (``summary_check``),
the A4 page's lines and the scene CSV's rows (``ClassroomState.check_hands``; shares from ``game.rules.class_check``)."""

from __future__ import annotations

from game.rules.class_check import CheckHands, class_check_rows, overall
from game.rules.classroom import LETTERS

from ....i18n.marker import N_

CHECK_HEADING = N_("学习小测 · 答对的人：课前 → 课后")


def pct(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def type_name(tr, scam_types, scam_type: str) -> str:
    kind = scam_types.get(scam_type)
    return tr(kind.name) if kind is not None else scam_type


def check_lines(tr, scam_types, hands: list[CheckHands], counts: bool = False) -> list[str]:
    """One line per scam type voted on before the game: "冒充客服 25% → 79%" ("→ 没有课后小测" when
    the after item was not voted on); ``counts`` adds the hands ("10/40 → 30/38")."""
    out = []
    for row in class_check_rows(hands):
        line = f"{type_name(tr, scam_types, row.scam_type)} {pct(row.before.share)}"
        if counts:
            line += f"（{row.before.right}/{row.before.total}）"
        if row.after is None:
            out.append(line + " → " + tr("没有课后小测"))
            continue
        line += f" → {pct(row.after.share)}"
        if counts:
            line += f"（{row.after.right}/{row.after.total}）"
        out.append(line)
    return out


def check_overall(tr, hands: list[CheckHands]) -> str:
    """"全班：答对 25% → 63%" over the types voted on before and after; "" when there are none."""
    rows = class_check_rows(hands)
    before, after = overall(rows, "before"), overall(rows, "after")
    if before is None or after is None:
        return ""
    return tr("全班：答对 {a} → {b}").format(a=pct(before), b=pct(after))


def check_csv_rows(tr, hands: list[CheckHands]) -> list[list[str]]:
    """The check's items as rows of the scene CSV (``classroom_debrief.CSV_FIELDS``): kind
    "check_before" / "check_after", the hands per option as the votes, the right option, and
    "right / hands" as the result."""
    rows = []
    for h in hands:
        item = h.item.item
        options = " | ".join(f"{LETTERS[i]}. {tr(o)}" for i, o in enumerate(item.options))
        votes = " · ".join(f"{LETTERS[i]} {n}" for i, n in enumerate(h.counts))
        rows.append(["", "", tr("全班"), f"check_{h.phase}", h.item.ref, tr(item.question), h.item.scam_type, "",
                     options, votes, "", "", LETTERS[item.answer], f"{h.right}/{h.total}", ""])
    return rows
