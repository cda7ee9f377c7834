"""``dutyroom after-action`` and ``dutyroom daily-report``: the coordinator's and the duty
leader's papers as PDF from the command line, each export recorded in the workstation audit
(OS account, host, time, what, SHA-256; no sign-in at the shell)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from desktop.models import clock
from desktop.settings import Settings

COMMANDS = ("after-action", "daily-report")


def add_parser(commands: Any) -> None:
    after = commands.add_parser(
        "after-action", help="the after-action report of a drill or a time window, as PDF")
    which = after.add_mutually_exclusive_group(required=True)
    which.add_argument("--drill", metavar="CODE", help="the drill's code")
    which.add_argument("--from", dest="window_from", metavar="TIME",
                       help="start of a replayed window, Beijing time (YYYY-MM-DD HH:MM)")
    after.add_argument("--to", dest="window_to", metavar="TIME",
                       help="end of the window (with --from), Beijing time")
    after.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    after.add_argument("--replica", dest="paper_replica", default=None,
                       help="replica to read (default: the configured one)")
    after.add_argument("--language", default="zh_CN", help="zh_CN (default) or en")
    daily = commands.add_parser("daily-report", help="the day's 值班日报 as PDF")
    daily.add_argument("--date", required=True, metavar="DATE", help="the Beijing day, YYYY-MM-DD")
    daily.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    daily.add_argument("--replica", dest="paper_replica", default=None,
                       help="replica to read (default: the configured one)")
    daily.add_argument("--language", default="zh_CN", help="zh_CN (default) or en")


def parse_moment(text: str) -> dt.datetime:
    """A Beijing wall-clock time from the command line, as an aware UTC datetime."""
    cleaned = text.strip().replace("T", " ").replace("/", "-")
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            local = dt.datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        return local.replace(tzinfo=clock.BEIJING).astimezone(dt.UTC)
    raise ValueError(f"not a time: {text!r} (use YYYY-MM-DD HH:MM, Beijing time)")


def _qt() -> Any:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a cron job has no screen
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from desktop.views.i18n import install_translators

    return app, install_translators


def run(args: argparse.Namespace, config: Settings) -> int:
    """Read-only on the replica; writes the PDF and one audit row. 0 written, 1 refused."""
    replica = args.paper_replica or config.replica
    try:
        if args.command == "after-action":
            return _after_action(args, replica)
        return _daily_report(args, replica)
    except (ValueError, LookupError) as error:
        print(f"dutyroom: {error}", file=sys.stderr)
        return 1


def _language(args: argparse.Namespace) -> str:
    app, install = _qt()
    install(app, args.language)
    return str(args.language)


def _findings(scope: str) -> Any:
    """The coordinator's 问题与整改 for the scope, read from this account's workstation store
    (None when there is none or the store cannot be read)."""
    from desktop.models.workstation import findings
    from desktop.models.workstation.recovery import open_store
    from desktop.models.workstation.store import StoreUnavailable
    from desktop.settings import workstation_store

    try:
        store, _report = open_store(workstation_store(), clock.now())
    except (StoreUnavailable, OSError):
        return None
    try:
        return findings.latest(store, scope)
    finally:
        store.dispose()


def _after_action(args: argparse.Namespace, replica: str) -> int:
    from desktop.models.after_action import after_action, load_resources
    from desktop.models.replay.loader import list_drills
    from desktop.models.replay.source import replay_drill, replay_window
    from desktop.models.replica import reading

    if args.drill is None and not args.window_to:
        raise ValueError("--from needs --to")
    language = _language(args)
    with reading(replica) as session:
        if args.drill is not None:
            drill = next((d for d in list_drills(session) if d.code == args.drill), None)
            if drill is None:
                raise LookupError(f"no drill with code {args.drill}")
            replay = replay_drill(session, drill.id)
            what = f"after-action {drill.code}"
        else:
            start, end = parse_moment(args.window_from), parse_moment(args.window_to)
            replay = replay_window(session, start, end)
            what = f"after-action {args.window_from} – {args.window_to}"
        resources = load_resources(session, replay)
    report = after_action(replay, resources)
    from dataclasses import replace

    report = replace(report, findings=_findings(report.scope))
    from desktop.views.after_action_pdf import write_after_action_pdf

    return _write(lambda path: write_after_action_pdf(report, path, language), args.out, what,
                  f"{len(report.incidents)} incident(s), {len(report.dispatches)} dispatch(es)")


def _daily_report(args: argparse.Namespace, replica: str) -> int:
    from desktop.models.daily_report import load_daily_report
    from desktop.views.daily_report_pdf import write_daily_report

    day = clock.parse_day(args.date)
    clock.as_of(day)  # refuses a day that has not begun
    language = _language(args)
    entries, handovers = _desk_records(day)
    situation = None
    if day == clock.today():  # today's readiness and gaps are known: the present ones
        from desktop.models.queries import situation_now
        from desktop.models.replica import reading

        with reading(replica) as session:
            situation = situation_now(session, clock.now())
    report = load_daily_report(replica, day, situation=situation, log=entries,
                               compiled_at=clock.now(),
                               compiled_by=f"{COMMAND_LINE_WORD} ({_account()})",
                               handovers=handovers)
    return _write(lambda path: write_daily_report(path, report, language), args.out,
                  f"daily report {day:%Y-%m-%d}", f"{len(report.incidents)} incident(s)")


COMMAND_LINE_WORD = "命令行"


def _account() -> str:
    from desktop.models.workstation.audit import _os_account

    return _os_account()


def _desk_records(day: dt.date) -> tuple[Any, Any]:
    """The day's duty log and written handovers from this account's workstation store."""
    from desktop.models.daily_report import report_handovers
    from desktop.models.workstation import duty_log, handovers
    from desktop.models.workstation.recovery import open_store
    from desktop.models.workstation.store import StoreUnavailable
    from desktop.settings import workstation_store

    try:
        store, _report = open_store(workstation_store(), clock.now())
    except (StoreUnavailable, OSError):
        return (), ()
    try:
        bounds = clock.day_bounds(day)
        return (duty_log.entries(store, *bounds),
                report_handovers(handovers.between(store, *bounds)))
    finally:
        store.dispose()


def _write(write: Any, out: Path, what: str, detail: str) -> int:
    from desktop.models.file_names import UnsafePath, inside
    from desktop.shell_audit import record_export
    from desktop.views.printing import PrintError

    target = Path(out)
    try:
        target = inside(target.parent if str(target.parent) else Path("."), target.name)
        written = write(target)
    except (PrintError, UnsafePath, OSError) as error:
        print(f"dutyroom: {error}", file=sys.stderr)
        return 1
    if not record_export(written, what, detail):
        return 1
    print(f"written {written}")
    return 0
