"""``python -m game stats report|summary|sync|migrate|add-kiosk``: anonymous play statistics for organisers.

What it prints (figures, errors: a server refusing, a bad address, no password in .pgpass, a database
from a newer game …) is in the language of ``--locale``, else of the environment (LANGUAGE, LC_ALL,
LC_MESSAGES, LANG; ``game.i18n.environment_locale``); the usage errors of the options stay English.
"""

from __future__ import annotations

import argparse
import sys

from game.i18n.message import say

from . import report
from .db import StatsError
from .labels import audience_name, scam_type_name, technique_name
from .migrate import add_kiosk, migrate
from .queries import summary
from .sync import sync_once


def add_arguments(parser: argparse.ArgumentParser) -> None:
    subs = parser.add_subparsers(dest="stats_action", metavar="ACTION")
    sub = subs.add_parser("report", help="write CSV tables and PNG charts",
                          description="Write CSV tables and PNG charts of the play statistics into a folder.")
    report.add_arguments(sub)
    sub.set_defaults(stats_run=report.run)
    sub = subs.add_parser("summary", help="print the main figures",
                          description="Print the figures the operator menu shows.")
    report.add_filter_arguments(sub)
    report.add_locale_argument(sub)
    sub.set_defaults(stats_run=run_summary)
    sub = subs.add_parser("sync", help="send closed games to the county's PostgreSQL",
                          description="Send every closed game not sent yet; safe to repeat or interrupt.")
    sub.add_argument("--db", default=None, metavar="PATH", help="this kiosk's statistics database (default: "
                                                                 "stats.sqlite3 in the user data folder)")
    sub.add_argument("--to", required=True, metavar="URL|SERVICE",
                     help="postgresql://user@host/db?sslmode=…, service=NAME or a service name; the password "
                          "comes from .pgpass or PGPASSFILE")
    sub.add_argument("--batch", type=int, default=1000, metavar="N", help="sessions per transaction")
    report.add_locale_argument(sub)
    sub.set_defaults(stats_run=run_sync)
    sub = subs.add_parser("migrate", help="create or update the county schema in PostgreSQL",
                          description="Apply the numbered SQL migrations (run as the database owner).")
    sub.add_argument("--db", required=True, metavar="URL|SERVICE")
    report.add_locale_argument(sub)
    sub.set_defaults(stats_run=run_migrate)
    sub = subs.add_parser("add-kiosk", help="make a PostgreSQL login for one kiosk",
                          description="Create a login role that may only insert the games of one device.")
    sub.add_argument("--db", required=True, metavar="URL|SERVICE")
    sub.add_argument("login", help="the kiosk's login name, e.g. kiosk_renmin_park")
    sub.add_argument("--device", default=None, help="its device id (operator menu); default: the first to sync")
    sub.add_argument("--password-stdin", action="store_true", help="read the login's password from stdin")
    report.add_locale_argument(sub)
    sub.set_defaults(stats_run=run_add_kiosk)


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "stats_run", None)
    if action is None:
        print("usage: python -m game stats {report,summary,sync,migrate,add-kiosk} …  (see python -m game stats --help)", file=sys.stderr)
        return 2
    return action(args)


def run_sync(args: argparse.Namespace) -> int:
    if args.batch < 1:
        print("stats sync: --batch must be at least 1", file=sys.stderr)
        return 2
    tr = report.translator(args)
    result = sync_once(args.db, args.to, batch_size=args.batch)
    print(tr("已发送 {sent} 场，等待发送 {waiting} 场").format(sent=result.sent, waiting=result.waiting))
    if result.error:
        print(f"stats sync: {say(result.error, tr)}", file=sys.stderr)
        return 1
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    tr = report.translator(args)
    try:
        done = migrate(args.db)
    except StatsError as exc:
        print(f"stats migrate: {say(exc, tr)}", file=sys.stderr)
        return 1
    print(tr("已应用：{names}").format(names=", ".join(done)) if done else tr("数据库结构已是最新"))
    return 0


def run_add_kiosk(args: argparse.Namespace) -> int:
    tr = report.translator(args)
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    try:
        add_kiosk(args.db, args.login, args.device, password)
    except StatsError as exc:
        print(f"stats add-kiosk: {say(exc, tr)}", file=sys.stderr)
        return 1
    print(tr("展台登录 {login} 已建好，只能上传设备 {device} 的记录").format(login=args.login, device=args.device)
          if args.device else tr("展台登录 {login} 已建好（第一次同步的设备就是它的设备）").format(login=args.login))
    return 0


def run_summary(args: argparse.Namespace) -> int:
    tr = report.translator(args)
    try:
        conn = report.open_db(args.db)
        try:
            figures = summary(conn, report.filter_from(args))
        finally:
            conn.close()
    except StatsError as exc:
        print(f"stats summary: {say(exc, tr)}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 — a message, not a traceback
        print(f"stats summary: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for line in summary_lines(figures, tr):
        print(line)
    return 0


def summary_lines(figures: dict, tr) -> list[str]:
    """The figures the operator menu shows, as lines in ``tr``'s language."""
    def pct(fraction: float | None) -> str:
        return "-" if fraction is None else f"{fraction * 100:.1f}%"

    def minutes(seconds: float | None) -> str:
        return "-" if seconds is None else tr("{n} 分钟").format(n=f"{seconds / 60:.1f}")

    def listed(rows, name, key) -> str:
        return tr("、").join(tr("{name} {n} 次").format(name=tr(name(r[key])), n=r["missed"]) for r in rows)

    f = figures
    lines = [tr("完成 {completed} 场（今天 {today}），未玩完 {abandoned} 场，参与 {people} 人").format(
        completed=f["completed"], today=f["games_today"], abandoned=f["abandoned"], people=f["people"])
        + (tr("、{n} 组").format(n=f["teams"]) if f["teams"] else "")]
    if f["autoplay_left_out"]:
        lines.append(tr("电脑自动演示 {n} 场不计入").format(n=f["autoplay_left_out"]))
    if f["open_games"]:
        lines.append(tr("{n} 场还在进行，结束后才计入").format(n=f["open_games"]))
    lines.append(tr("完成率 {rate}，平均时长 {duration}").format(rate=pct(f["completion_rate"]),
                                                         duration=minutes(f["avg_duration_s"])))
    lines.append(tr("情景 {scenes}，答题 {answered}，安全选择率 {rate}").format(
        scenes=f["scenarios"], answered=f["quiz_answered"], rate=pct(f["safe_choice_rate"])))
    for row in f["by_audience"]:
        lines.append("  " + tr("{audience}：完成 {completed} 场，完成率 {rate}，安全选择率 {safe}").format(
            audience=tr(audience_name(row["audience"])), completed=row["completed"],
            rate=pct(row["completion_rate"]), safe=pct(row["safe_choice_rate"])))
    if f["top_missed_scam_types"]:
        lines.append(tr("最常被骗或答错的诈骗类型：") + listed(f["top_missed_scam_types"], scam_type_name, "scam_type"))
    if f["top_missed_techniques"]:
        lines.append(tr("最常得逞的手法：") + listed(f["top_missed_techniques"], technique_name, "technique"))
    gain = f["learning_gain"]
    if gain and gain["gain"] is not None:
        lines.append(tr("前后小测验 {pairs} 对：答对率 {before} → {after}").format(
            pairs=gain["pairs"], before=pct(gain["before_rate"]), after=pct(gain["after_rate"])))
    return lines
