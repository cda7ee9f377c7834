"""``dutyroom officers``: who may sign in at this workstation, from the command line.

The first administrator of a new installation has nobody to sign in as: they are
enrolled here (and may then manage the others in the operator window). Every
change is recorded in the workstation store's audit, as done "at the command line",
with the OS account and host. PINs are read from the terminal (twice, not echoed)
or from standard input with ``--pin-stdin`` (one line each), never from the
command line itself.

Shell access must not be a way round the desk: an act on an administrator (adding
one, resetting one's PIN, disabling or enabling one) needs an administrator's PIN
(``--admin LOGIN``) or ``--break-glass``, which is recorded and shown to the next
administrator who signs in at the desk. The very first administrator needs neither.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from typing import Any

from desktop.models import clock
from desktop.settings import Settings

ROLES = ("duty_officer", "duty_leader", "drill_coordinator", "admin")
COMMAND_LINE = "command line"  # the audit's target note for acts without a signed-in officer


def add_parser(commands: Any) -> None:
    officers = commands.add_parser(
        "officers", help="list, add, disable or enable officers and reset PINs (workstation "
        "store)")
    actions = officers.add_subparsers(dest="officers_command", metavar="ACTION", required=True)
    actions.add_parser("list", help="every officer with role, state and lockout")
    add = actions.add_parser("add", help="enrol an officer, or give a login a new name, role "
                                         "and PIN")
    add.add_argument("login", help="what the officer types at sign-in (usually the full name)")
    add.add_argument("--name", help="name shown in records (default: the login)")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--person-code", help="the officer's code on the replica's roster")
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    for name, text in (("disable", "a disabled officer cannot sign in (records stay)"),
                       ("enable", "let a disabled officer sign in again")):
        action = actions.add_parser(name, help=text)
        action.add_argument("login")
    reset = actions.add_parser("reset-pin", help="a new PIN for a login; lifts a lockout")
    reset.add_argument("login")
    reset.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    for action in (add, reset, *(actions.choices[name] for name in ("disable", "enable"))):
        action.add_argument(
            "--admin", metavar="LOGIN", help="an administrator who authorises an act on an "
            "administrator with their PIN (asked first; with --pin-stdin the first line)")
        action.add_argument(
            "--break-glass", action="store_true", help="act on an administrator without "
            "another administrator's PIN (recorded, and shown at the desk to the next "
            "administrator who signs in)")
    staff = actions.add_parser(
        "enrol-staff", help="enrol every active duty leader and officer on the replica's roster "
                            "with one initial PIN (each then gets their own)")
    staff.add_argument("--replica", dest="officers_replica", default=None,
                       help="replica to read the roster from (default: the configured one)")
    staff.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    first = getpass.getpass("PIN: ")
    if getpass.getpass("PIN again: ") != first:
        raise ValueError("the two PINs differ")
    return first


def run(args: argparse.Namespace, config: Settings) -> int:
    """Exit 0 done, 1 refused (with a one-line reason)."""
    from desktop.models.workstation import officers
    from desktop.models.workstation.auth import SignInRefused
    from desktop.models.workstation.passwords import SecretHasher, WeakSecret
    from desktop.models.workstation.recovery import open_store
    from desktop.models.workstation.store import StoreUnavailable
    from desktop.settings import workstation_store

    now = clock.now()
    try:
        store, _report = open_store(workstation_store(), now)
        command = args.officers_command
        if command == "list":
            _print_officers(officers.list_officers(store, active_only=False), now)
            return 0
        hasher = SecretHasher()
        actor, glass = _authority(store, hasher, now, args)
        if command in ("disable", "enable"):
            action = f"officer_{command}d"
            officers.set_active(store, args.login, command == "enable",
                                record=_audit(now, action, args.login, actor=actor,
                                              glass=glass))
            print(f"{args.login}: {command}d")
            return 0
        secret = _read_pin(args.pin_stdin)
        if command == "add":
            name = args.name or args.login
            info = officers.enrol(store, hasher, now, login=args.login, name=name,
                                  role=args.role, secret=secret, person_code=args.person_code,
                                  record=_audit(now, "enrol", f"{name.strip()} "
                                                f"({args.login.strip()})", args.role,
                                                actor=actor, glass=glass))
            print(f"{info.login}: enrolled as {info.role}")
        elif command == "reset-pin":
            officers.reset_secret(store, hasher, now, args.login, secret,
                                  record=_audit(now, "secret_reset", args.login, actor=actor,
                                                glass=glass))
            print(f"{args.login}: new PIN set, lockout lifted")
        else:  # enrol-staff
            enrolled = officers.enrol_duty_staff(
                store, hasher, now, args.officers_replica or config.replica, secret,
                record=lambda name, role: _audit(now, "enrol", f"{name} ({name})", role))
            print(f"{len(enrolled)} duty leader(s) and officer(s) enrolled")
        return 0
    except (LookupError, ValueError, PermissionError, WeakSecret, StoreUnavailable,
            SignInRefused) as error:
        print(f"dutyroom: {error}", file=sys.stderr)
        return 1


def _authority(store: Any, hasher: Any, now: dt.datetime,
               args: argparse.Namespace) -> tuple[Any, str]:
    """Who authorises this act: (administrator actor or None, break-glass text or "").

    Refuses (PermissionError) an act on an administrator with neither an administrator's
    PIN nor --break-glass, unless no administrator exists yet (the first one)."""
    from desktop.models.workstation import officers
    from desktop.models.workstation.auth import LockoutPolicy, authorise_admin

    command = args.officers_command
    if command == "enrol-staff":
        return None, ""
    on_admin = officers.is_admin(store, args.login) or getattr(args, "role", "") == "admin"
    if not on_admin or not officers.has_admin(store):
        return None, ""
    if args.admin:
        secret = (sys.stdin.readline().strip() if args.pin_stdin
                  else getpass.getpass(f"PIN of administrator {args.admin}: "))
        return authorise_admin(store, hasher, LockoutPolicy(), now, args.admin, secret), ""
    if args.break_glass:
        return None, f"{command} {args.login}"
    raise PermissionError(
        f"{command} on an administrator from the command line needs an administrator's PIN "
        "(--admin LOGIN) or --break-glass (recorded and shown at the desk)")


def _audit(now: dt.datetime, action: str, target: str, detail: str = "", *,
           actor: Any = None, glass: str = "") -> Any:
    """The audit row of a change made here, written in the change's own transaction (with
    the break-glass row, when there is one): the OS account and host are on every row."""
    from desktop.models.workstation import audit

    def record(session: Any) -> None:
        audit.record(session, now, action, actor, target=target,
                     detail=f"{detail} ({COMMAND_LINE})".strip())
        if glass:
            audit.record(session, now, "break_glass", None, target=glass,
                         detail=f"{action} without an administrator's PIN ({COMMAND_LINE})")

    return record


def _print_officers(rows: tuple[Any, ...], now: dt.datetime) -> None:
    if not rows:
        print("no officers enrolled: add the first administrator with "
              "'dutyroom officers add LOGIN --role admin'")
        return
    width = max(len(row.login) for row in rows)
    for row in rows:
        state = "active" if row.active else "disabled"
        if row.locked(now):
            state += f", locked until {row.locked_until:%H:%M} UTC"
        print(f"{row.login:<{width}}  {row.role:<17}  {state}  {row.name}")
