"""``dutyroom sheets``: the 六有 compliance sheets as PDF, for scheduled exports."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from desktop.models import clock
from desktop.settings import Settings


def add_parser(commands: Any) -> None:
    sheets = commands.add_parser(
        "sheets", help="export the 六有 compliance sheets as PDF (street, one station or all)")
    sheets.add_argument("--out", type=Path, required=True, help="folder for the PDF")
    which = sheets.add_mutually_exclusive_group()
    which.add_argument("--station", action="append", metavar="CODE",
                       help="a station's sheet (repeat for several in one PDF)")
    which.add_argument("--all", action="store_true", help="every station's sheet in one PDF")
    sheets.add_argument("--as-of", dest="as_of", metavar="DATE", default=None,
                        help="score as at the end of this Beijing day, YYYY-MM-DD "
                             "(default: today, as at now)")
    sheets.add_argument("--replica", dest="sheets_replica", default=None,
                        help="replica to read (default: the configured one)")


def sheet_path(folder: Path, street: str, which: str, today: dt.date) -> Path:
    """Where a sheet is written: a safe name from the data, inside ``folder`` or refused."""
    from desktop.models.file_names import file_name, inside

    return inside(folder, file_name("六有检查表", street, which, f"{today:%Y%m%d}", suffix=".pdf"))


def run(args: argparse.Namespace, config: Settings) -> int:
    """Read-only on the replica; writes only the PDF. Exit 0 written, 1 refused."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a cron job has no screen
    from PySide6.QtGui import QGuiApplication

    from desktop.models.compliance.sheets import collect_sheets
    from desktop.models.file_names import UnsafePath
    from desktop.views.compliance_sheet import sheets_document
    from desktop.views.printing import PrintError, write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert app is not None
    try:
        day = clock.parse_day(args.as_of) if args.as_of else clock.today()
        as_of = clock.as_of(day)
    except ValueError as error:
        print(f"dutyroom: --as-of: {error}", file=sys.stderr)
        return 1
    stations: str | list[str] = "all" if args.all else (args.station or "street")
    try:
        sheet_set = collect_sheets(args.sheets_replica or config.replica, as_of,
                                   stations=stations)
    except LookupError as error:
        print(f"dutyroom: {error}", file=sys.stderr)
        return 1
    which = ("全部站点" if args.all else "、".join(args.station) if args.station else "街道")
    try:
        target = sheet_path(args.out, sheet_set.street, which, day)
        write_pdf(target, sheets_document(sheet_set))
    except (PrintError, UnsafePath) as error:
        print(f"dutyroom: {error}", file=sys.stderr)
        return 1
    from desktop.shell_audit import record_export

    if not record_export(target, f"六有 sheets {which}", f"{len(sheet_set.sheets)} sheet(s), "
                         f"as of {day:%Y-%m-%d}"):
        return 1
    print(f"written {target} ({len(sheet_set.sheets)} sheet(s))")
    return 0
