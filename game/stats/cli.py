"""``python -m game stats report|summary|sync|migrate|add-kiosk``: anonymous play statistics for organisers."""

from __future__ import annotations

import argparse
import sys

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
    sub.set_defaults(stats_run=run_summary)
    sub = subs.add_parser("sync", help="send closed games to the county's PostgreSQL",
                          description="Send every closed game not sent yet; safe to repeat or interrupt.")
    sub.add_argument("--db", default=None, metavar="PATH", help="this kiosk's statistics database (default: "
                                                                 "stats.sqlite3 in the user data folder)")
    sub.add_argument("--to", required=True, metavar="URL|SERVICE",
                     help="postgresql://user@host/db?sslmode=…, service=NAME or a service name; the password "
                          "comes from .pgpass or PGPASSFILE")
    sub.add_argument("--batch", type=int, default=1000, metavar="N", help="sessions per transaction")
    sub.set_defaults(stats_run=run_sync)
    sub = subs.add_parser("migrate", help="create or update the county schema in PostgreSQL",
                          description="Apply the numbered SQL migrations (run as the database owner).")
    sub.add_argument("--db", required=True, metavar="URL|SERVICE")
    sub.set_defaults(stats_run=run_migrate)
    sub = subs.add_parser("add-kiosk", help="make a PostgreSQL login for one kiosk",
                          description="Create a login role that may only insert the games of one device.")
    sub.add_argument("--db", required=True, metavar="URL|SERVICE")
    sub.add_argument("login", help="the kiosk's login name, e.g. kiosk_renmin_park")
    sub.add_argument("--device", default=None, help="its device id (operator menu); default: the first to sync")
    sub.add_argument("--password-stdin", action="store_true", help="read the login's password from stdin")
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
    result = sync_once(args.db, args.to, batch_size=args.batch)
    print(f"sent {result.sent} games, {result.waiting} waiting")
    if result.error:
        print(f"stats sync: {result.error}", file=sys.stderr)
        return 1
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    try:
        done = migrate(args.db)
    except StatsError as exc:
        print(f"stats migrate: {exc}", file=sys.stderr)
        return 1
    print("applied: " + ", ".join(done) if done else "schema up to date")
    return 0


def run_add_kiosk(args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    try:
        add_kiosk(args.db, args.login, args.device, password)
    except StatsError as exc:
        print(f"stats add-kiosk: {exc}", file=sys.stderr)
        return 1
    print(f"kiosk login {args.login} ready" + (f" for device {args.device}" if args.device else ""))
    return 0


def run_summary(args: argparse.Namespace) -> int:

    try:
        conn = report.open_db(args.db)
        try:
            figures = summary(conn, report.filter_from(args))
        finally:
            conn.close()
    except StatsError as exc:
        print(f"stats summary: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 — a message, not a traceback
        print(f"stats summary: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    pct = _pct
    print(f"完成 {figures['completed']} 场（今天 {figures['games_today']}），未玩完 {figures['abandoned']} 场，"
          f"参与 {figures['people']} 人" + (f"、{figures['teams']} 组" if figures["teams"] else ""))
    if figures["autoplay_left_out"]:
        print(f"电脑自动演示 {figures['autoplay_left_out']} 场不计入")
    if figures["open_games"]:
        print(f"{figures['open_games']} 场还在进行，结束后才计入")
    print(f"完成率 {pct(figures['completion_rate'])}，平均时长 {_minutes(figures['avg_duration_s'])}")
    print(f"情景 {figures['scenarios']}，答题 {figures['quiz_answered']}，安全选择率 {pct(figures['safe_choice_rate'])}")
    for row in figures["by_audience"]:
        print(f"  {audience_name(row['audience'])}: 完成 {row['completed']} 场，完成率 {pct(row['completion_rate'])}，"
              f"安全选择率 {pct(row['safe_choice_rate'])}")
    if figures["top_missed_scam_types"]:
        print("最常被骗或答错的诈骗类型: " + "、".join(
            f"{scam_type_name(r['scam_type'])} {r['missed']} 次" for r in figures["top_missed_scam_types"]))
    if figures["top_missed_techniques"]:
        print("最常得逞的手法: " + "、".join(
            f"{technique_name(r['technique'])} {r['missed']} 次" for r in figures["top_missed_techniques"]))
    gain = figures["learning_gain"]
    if gain and gain["gain"] is not None:
        print(f"前后小测验 {gain['pairs']} 对：答对率 {pct(gain['before_rate'])} → {pct(gain['after_rate'])}")
    return 0


def _pct(fraction: float | None) -> str:
    return "-" if fraction is None else f"{fraction * 100:.1f}%"


def _minutes(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / 60:.1f} 分钟"
