"""``dutyroom replica import`` and ``dutyroom replica export`` (no Qt).

Import exit codes: 0 imported (or, with --dry-run, would import), 1 nothing
imported because of errors, 2 usage (unknown file, bad option). The per-row
report (problems, then every change: new rows, and old → new per field) is
printed and, with --report, written as CSV. A row changed in the replica after
the export a file is stamped with is refused unless --overwrite-newer, which
lists each row it overwrites. An export with full personal data needs
--full-personal-data. Every export is recorded in the workstation audit (OS
account, host, time, file and its SHA-256) and, with full personal data, in the
log too; an export that cannot be recorded is not made.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

KINDS = ("grids", "people", "stations", "equipment", "roster", "drills", "features",
         "incidents", "events")
DATUMS = ("wgs84", "cgcs2000", "gcj02", "bd09")
REPLICA_SUFFIXES = (".db", ".sqlite", ".sqlite3")
MAX_PRINTED = 200


def add_parsers(replica_subparsers: Any) -> None:
    """Register ``import`` and ``export`` under ``dutyroom replica``."""
    load = replica_subparsers.add_parser(
        "import", help="import GeoJSON/CSV/XLSX files (checked first, one transaction)",
        description="Import files into the replica. Every row is checked before anything is "
        "written; any invalid row means nothing is written (unless --skip-invalid). Exit code: "
        "0 imported, 1 nothing imported because of errors, 2 usage.")
    load.add_argument("files", nargs="+", metavar="FILE",
                      help="files to import; a last .db/.sqlite file or URL right after them "
                      "is the replica (or use --replica)")
    load.add_argument("--kind", choices=KINDS, help="what the files hold (default: from columns)")
    load.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    load.add_argument("--skip-invalid", action="store_true",
                      help="load the valid rows, report the rest (still one transaction)")
    load.add_argument("--datum", choices=DATUMS,
                      help="datum of the coordinates (never guessed; GCJ-02/BD-09 are converted)")
    load.add_argument("--platform-export", action="store_true",
                      help="the files come from the provincial platform: CGCS2000 unless declared")
    load.add_argument("--overwrite-newer", action="store_true",
                      help="write rows changed in the replica after the file was exported "
                      "(refused by default; each is listed)")
    load.add_argument("--repair-geometry", action="store_true",
                      help="repair self-touching polygons when that keeps their area (warned)")
    load.add_argument("--report", type=Path, metavar="CSV", help="also write the report as CSV")
    load.add_argument("--layer", help="features: the layer key every feature goes to")
    load.add_argument("--layer-name", help="features: register --layer with this Chinese name")
    load.add_argument("--layer-name-en", help="features: English name of the new layer")
    load.add_argument("--sensitive", action="store_true",
                      help="features: the new layer holds personal data (masked on screen)")
    load.add_argument("--replica", dest="replica", default=argparse.SUPPRESS,
                      help="replica to write (default: the configured replica)")

    dump = replica_subparsers.add_parser(
        "export", help="export a kind to CSV/XLSX/GeoJSON (personal data masked by default)")
    dump.add_argument("path", nargs="?", help="replica (default: the configured replica)")
    dump.add_argument("--kind", choices=KINDS, required=True)
    dump.add_argument("--format", choices=("csv", "xlsx", "geojson"), required=True)
    dump.add_argument("--out", type=Path, required=True, help="file to write")
    dump.add_argument("--layer", help="features: export only this layer")
    dump.add_argument("--full-personal-data", action="store_true",
                      help="names, phones and ID numbers in full (recorded in the log)")
    dump.add_argument("--replica", dest="replica", default=argparse.SUPPRESS,
                      help="replica to read (default: the configured replica)")


def run(args: argparse.Namespace, config: Any) -> int:
    if args.replica_command == "import":
        return _import(args, config)
    return _export(args, config)


def _split_replica(files: list[str]) -> tuple[list[str], str | None]:
    if len(files) > 1 and ("://" in files[-1] or files[-1].lower().endswith(REPLICA_SUFFIXES)):
        return files[:-1], files[-1]
    return files, None


def _import(args: argparse.Namespace, config: Any) -> int:
    from desktop.models import importing
    from desktop.models.replica import check_schema, open_writer

    names, replica = _split_replica(list(args.files))
    missing = [name for name in names if not Path(name).is_file()]
    if missing:
        print(f"dutyroom: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if (args.layer_name or args.sensitive) and not args.layer:
        print("dutyroom: --layer-name and --sensitive need --layer", file=sys.stderr)
        return 2
    options = importing.ImportOptions(
        kind=args.kind, datum=args.datum, platform_export=args.platform_export,
        skip_invalid=args.skip_invalid, dry_run=args.dry_run,
        repair_geometry=args.repair_geometry, overwrite_newer=args.overwrite_newer,
        layer=importing.LayerOptions(args.layer, args.layer_name, args.layer_name_en,
                                     args.sensitive))
    engine = open_writer(replica or config.replica)
    try:
        check_schema(engine)
        sources = [importing.Source.from_path(Path(name)) for name in names]
        result = importing.import_sources(engine, sources, options)
    finally:
        engine.dispose()
    _print_result(result)
    if args.report:
        importing.write_report(args.report, result.report_items())
        print(f"report written: {args.report}")
    return result.exit_code


def _print_result(result: Any) -> None:
    for issue in result.issues[:MAX_PRINTED]:
        print(issue.line())
    if len(result.issues) > MAX_PRINTED:
        print(f"… {len(result.issues) - MAX_PRINTED} more (see --report)")
    _print_changes(result.changes)
    for item in result.files:
        extra = ", ".join(part for part in (
            f"datum {item.datum}" if item.datum else "",
            f"encoding {item.encoding}" if item.encoding else "") if part)
        print(f"{item.name}: {item.kind or '?'}, {item.rows} rows, {item.invalid} invalid"
              + (f" ({extra})" if extra else ""))
    for line in result.summary():
        print(line)
    print(f"{len(result.errors)} 个错误 errors, {len(result.warnings)} 个警告 warnings")


def _print_changes(changes: Any) -> None:
    from desktop.models.importing.changes import CHANGE, FORCED, NEW, describe

    marks = {FORCED: "强制覆盖 FORCED", CHANGE: "变更 CHANGE", NEW: "新增 NEW"}
    shown = sorted((c for c in changes if c.op in marks), key=lambda c: c.op == NEW)
    for change in shown[:MAX_PRINTED]:
        where = ", ".join(str(part) for part in (change.file, change.row and f"row {change.row}")
                          if part)
        what = describe(change.fields) if change.fields else ""
        print(f"{marks[change.op]}  {where} ({change.key})" + (f": {what}" if what else ""))
    if len(shown) > MAX_PRINTED:
        print(f"… {len(shown) - MAX_PRINTED} more changes (see --report)")


def _export(args: argparse.Namespace, config: Any) -> int:
    from desktop.models import importing
    from desktop.models.file_modes import write_file
    from desktop.models.replica import reading

    try:
        with reading(args.path or config.replica) as session:
            data, count = importing.export_bytes(
                session, args.kind, args.format, masked=not args.full_personal_data,
                layer=args.layer)
    except importing.Bad as problem:
        print(f"dutyroom: {problem.zh} / {problem.en}", file=sys.stderr)
        return 1
    write_file(args.out, data)  # owner-only: an export may hold personal data
    from desktop.shell_audit import record_export

    extent = "FULL personal data" if args.full_personal_data else "personal data masked"
    if not record_export(args.out, f"replica export {args.kind} {args.format}",
                         f"{count} rows, {extent}"):
        return 1
    if args.full_personal_data:
        log.warning("export with FULL personal data: user %s, kind %s, %d rows, file %s",
                    getpass.getuser(), args.kind, count, args.out.resolve())
        print("注意：导出包含完整个人信息，已记录 / "
              "full personal data exported (recorded in the audit and the log)")
    print(f"exported {count} {args.kind} rows to {args.out}")
    return 0
