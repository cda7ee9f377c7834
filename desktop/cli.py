"""The ``dutyroom`` command: the dashboard, and the replica writers.

Qt is imported only when the dashboard starts, so the writer commands run on
machines (and in CI steps) without a display.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from desktop import settings as settings_module
from desktop.logs import setup_logging
from desktop.settings import Settings, SettingsError

log = logging.getLogger(__name__)


def _add_setting_flags(parser: argparse.ArgumentParser, default: object) -> None:
    group = parser.add_argument_group(
        "settings",
        "each also read from DUTYROOM_<NAME> and from settings.json in "
        f"{settings_module.config_dir()}",
    )
    for item in fields(Settings):
        flag = "--" + item.name.replace("_", "-")
        help_text = item.metadata.get("help", "")
        if item.type in (bool, "bool"):
            group.add_argument(flag, dest=item.name, action=argparse.BooleanOptionalAction,
                               default=default, help=help_text)
        elif item.name == "language":
            group.add_argument("--lang", "--language", dest=item.name, default=default,
                               choices=settings_module.LANGUAGES, help=help_text)
        else:
            kinds = {int: int, "int": int, float: float, "float": float}
            group.add_argument(flag, dest=item.name, default=default, help=help_text,
                               type=kinds.get(item.type, str))


def _add_dashboard_flags(parser: argparse.ArgumentParser, *, sub: bool = False) -> None:
    # A subcommand must not reset what was given before it: its defaults are SUPPRESS.
    default = argparse.SUPPRESS if sub else None
    parser.add_argument("--ready-file", type=Path, default=default,
                        help="write the start-up time in ms here once the dashboard is ready")
    parser.add_argument("--screenshot", type=Path, default=default,
                        help="save a PNG of the window once the dashboard is ready")
    parser.add_argument("--settings-file", type=Path, default=default,
                        help="settings file to use instead of the one in the config folder")
    _add_setting_flags(parser, default)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dutyroom",
        description="街道应急值班指挥台 Street Duty Room: the duty room's wall-screen dashboard.",
        epilog="Without a command the dashboard starts on the configured replica.",
    )
    _add_dashboard_flags(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", help="build the demo replica (七里河街道) if missing and start the dashboard on it")
    demo.add_argument("--rebuild", action="store_true", help="build the demo replica anew")
    _add_dashboard_flags(demo, sub=True)

    replica = commands.add_parser("replica", help="create, migrate or check a replica")
    replica_commands = replica.add_subparsers(dest="replica_command", metavar="ACTION",
                                              required=True)
    init = replica_commands.add_parser("init", help="create a replica (empty or demo)")
    init.add_argument("path", nargs="?", help="SQLite file (default: the configured replica)")
    init.add_argument("--demo", action="store_true", help="fill it with the demo street")
    init.add_argument("--scale", type=int, default=1,
                      help="number of streets in the demo (≈50 for a district)")
    init.add_argument("--seed", type=int, default=7, help="random seed of the demo")
    init.add_argument("--force", action="store_true", help="replace an existing file")
    migrate = replica_commands.add_parser("migrate", help="upgrade a replica's schema")
    migrate.add_argument("path", nargs="?", help="replica (default: the configured replica)")
    from desktop import sync_commands

    sync_commands.add_replication_flags(migrate)
    check = replica_commands.add_parser("check", help="check a replica and print a summary")
    check.add_argument("path", nargs="?", help="replica (default: the configured replica)")
    from desktop import import_commands  # argparse only: no SQLAlchemy or Qt at parse time

    import_commands.add_parsers(replica_commands)
    from desktop import sheet_commands

    sheet_commands.add_parser(commands)
    from desktop import paper_commands

    paper_commands.add_parser(commands)
    from desktop import officer_commands

    officer_commands.add_parser(commands)
    sync_commands.add_parser(commands)
    from desktop import wall_check

    wall_check.add_parser(commands)

    simulate = commands.add_parser(
        "simulate", help="keep a replica live: new incidents through their lifecycle, "
        "inspections, kit out and back, check-ins and handovers, drills; writer heartbeat")
    simulate.add_argument("path", nargs="?", help="replica (default: the configured replica)")
    simulate.add_argument("--rate", type=float, default=1.0, metavar="EVENTS_PER_MIN",
                          help="new happenings (incidents, walk-throughs, kit loans) per "
                               "minute (default 1; 0: only what is already under way)")
    simulate.add_argument("--time-scale", type=float, default=None, metavar="X",
                          help="simulated minutes per real minute for lifecycles and returns "
                               "(default 10, or 1 with --drill); shifts follow the wall clock")
    simulate.add_argument("--drill", metavar="CODE", default=None,
                          help="play this drill of the replica (code, or its last part such "
                               "as FLOOD) as exercise incidents")
    simulate.add_argument("--seed", type=int, default=None,
                          help="random seed: the same seed gives the same feed "
                               "(default: a new one, logged)")
    simulate.add_argument("--interval", type=float, default=5.0,
                          help="seconds between heartbeats (at most 10)")
    simulate.add_argument("--duration", type=float, default=None,
                          help="stop after this many seconds (default: run until stopped)")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {item.name: getattr(args, item.name, None) for item in fields(Settings)}
    return settings_module.load(overrides, path=getattr(args, "settings_file", None))


URL_IN_ARGUMENT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*")


def password_in_argv(argv: Sequence[str]) -> bool:
    """Any argument holding a URL with a password (``ps`` shows argv to every user)."""
    from desktop.models.replica import has_password

    return any(has_password(found.group(0)) for argument in argv
               for found in URL_IN_ARGUMENT.finditer(argument))


def use_password_file(config: Settings) -> None:
    """The replica's password from ``replica_password_file`` into this process's
    environment (libpq reads PGPASSWORD; children inherit it, ``ps`` does not show it)."""
    if not config.replica_password_file:
        return
    path = Path(config.replica_password_file).expanduser()
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            raise SettingsError(f"password file {path} can be read by others: "
                                "chmod 600 it")
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise SettingsError(f"password file {path} cannot be read ({error.strerror})") from None
    if not lines or not lines[0]:
        raise SettingsError(f"password file {path} is empty")
    os.environ["PGPASSWORD"] = lines[0]


def main(argv: Sequence[str] | None = None) -> int:
    # Whatever a library creates for us (SQLite journals, Qt's caches) is owner-only too;
    # the files we create set their modes themselves (desktop/models/file_modes.py).
    os.umask(0o077)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if password_in_argv(arguments):
        print("dutyroom: a password in a URL on the command line is visible to every user "
              "(ps): give the URL without it and put the password in ~/.pgpass, PGPASSWORD "
              "or --replica-password-file", file=sys.stderr)
        return 2
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        config = _settings(args)
        use_password_file(config)
    except SettingsError as error:
        print(f"dutyroom: {error}", file=sys.stderr)
        return 2
    setup_logging()
    from desktop.models.errors import ReplicaError

    try:
        if args.command == "replica":
            from desktop import replica_commands

            return replica_commands.run(args, config)
        if args.command == "sheets":
            from desktop import sheet_commands

            return sheet_commands.run(args, config)
        if args.command in ("after-action", "daily-report"):
            from desktop import paper_commands

            return paper_commands.run(args, config)
        if args.command == "officers":
            from desktop import officer_commands

            return officer_commands.run(args, config)
        if args.command == "sync":
            from desktop import sync_commands

            return sync_commands.run(args, config)
        if args.command == "wall-check":
            from desktop import wall_check

            return wall_check.run(args, config)
        if args.command == "simulate":
            from desktop import replica_commands

            return replica_commands.simulate(args, config)
        if args.command == "demo":
            from desktop import replica_commands

            replica_path = replica_commands.ensure_demo(rebuild=args.rebuild)
            config = settings_module.load(
                {**{item.name: getattr(args, item.name, None) for item in fields(Settings)},
                 "replica": replica_path},
                path=getattr(args, "settings_file", None),
            )
            with replica_commands.heartbeat_process(replica_path):
                return _dashboard(config, args)
        return _dashboard(config, args)
    except ReplicaError as error:
        print(f"dutyroom: {error}", file=sys.stderr)
        return 1


def _dashboard(config: Settings, args: argparse.Namespace) -> int:
    from desktop.app import run

    return run(config, ready_file=getattr(args, "ready_file", None),
               screenshot=getattr(args, "screenshot", None))


if __name__ == "__main__":
    sys.exit(main())
