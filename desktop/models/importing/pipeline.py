"""One import: read every file, check kind by kind against the replica, write once.

All files go in one transaction. Kinds are checked and written in dependency
order (grids before people before stations …) inside that transaction, so a
roster can name people from the people file beside it; if anything is wrong
the transaction is rolled back and the replica is as it was. With
``skip_invalid`` the valid rows are kept and the rest reported. A dry run is
the same import, always rolled back. Both list what they change, per row and
field (``changes``); a row that changed in the replica after the export its
file was stamped by is refused, unless ``overwrite_newer``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.models import clock
from desktop.models.importing import kinds as kind_registry
from desktop.models.importing import stamp as stamps
from desktop.models.importing.changes import Changes, RowChange, report_items
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad, Issue, Issues
from desktop.models.importing.kind_base import Kind
from desktop.models.importing.kind_features import LayerOptions
from desktop.models.importing.reading import ReadFile, ReadOptions, read_file
from desktop.models.importing.sources import Source
from desktop.models.importing.upsert import WATCH, WHERE, Counts, Where
from desktop.models.replica import beat, describe_error

FAR_DEG = 0.05  # ≈ 5 km: a file this far from the street was probably declared in the wrong datum
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class ImportOptions:
    kind: str | None = None
    datum: str | None = None
    platform_export: bool = False
    skip_invalid: bool = False
    dry_run: bool = False
    repair_geometry: bool = False
    layer: LayerOptions = field(default_factory=LayerOptions)
    overwrite_newer: bool = False  # write rows changed in the replica after the export


@dataclass(frozen=True)
class FileResult:
    name: str
    kind: str | None
    rows: int
    invalid: int
    datum: str | None
    encoding: str | None


@dataclass(frozen=True)
class ImportResult:
    issues: tuple[Issue, ...]
    counts: dict[str, Counts]
    files: tuple[FileResult, ...]
    committed: bool
    dry_run: bool
    would_import: bool  # the import (or the dry run) loads at least the valid rows
    changes: tuple[RowChange, ...] = ()  # what it writes (or would), row by row

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.is_error)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if not i.is_error)

    @property
    def exit_code(self) -> int:
        """0 imported (or a dry run that would), 1 nothing imported because of errors."""
        return 0 if self.would_import else 1

    def report_items(self) -> list[Issue]:
        """The report: every problem, then every change (severity new or change)."""
        return [*self.issues, *report_items(self.changes)]

    def summary(self) -> list[str]:
        lines = []
        for name, c in self.counts.items():
            line = (f"{name}: 新增 inserted {c.inserted}, 更新 updated {c.updated}, "
                    f"未变 unchanged {c.unchanged}, 跳过 skipped {c.invalid}")
            if c.refused:
                line += f", 拒绝（导出后已修改） refused (changed since the export) {c.refused}"
            if c.forced:
                line += f", 强制覆盖 forced {c.forced}"
            lines.append(line)
        if any(c.refused for c in self.counts.values()):
            lines.append("导出后副本中已修改的行未覆盖：确需覆盖请加 --overwrite-newer / rows "
                         "changed in the replica after the export were not overwritten: "
                         "--overwrite-newer forces them")
        if self.dry_run:
            lines.append("试导入（未写入） dry run: nothing written")
        elif self.committed:
            lines.append("已写入副本 written to the replica")
        else:
            lines.append("未写入任何数据 nothing written")
        return lines


def import_sources(engine: Engine, sources: Sequence[Source], options: ImportOptions,
                   progress: Progress | None = None) -> ImportResult:
    """Import ``sources`` into the replica behind ``engine`` (a writer) as one transaction."""
    report = progress or (lambda _f, _t: None)
    with Session(engine) as session:
        try:
            if engine.dialect.name == "sqlite":
                # take the write lock now: nothing may change between our checks and writes
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            result = _run(session, sources, options, report)
        except (DBAPIError, SQLAlchemyError) as error:
            session.rollback()
            issue = Issue("-", None, None, f"副本拒绝写入：{describe_error(error)}",
                          f"the replica refused the write: {describe_error(error)}")
            return ImportResult((issue,), {}, (), False, options.dry_run, False)
        if result.would_import and not options.dry_run:
            beat(session, "import")
            session.commit()
            result = dataclasses.replace(result, committed=True, dry_run=False,
                                         would_import=True)
        else:
            session.rollback()
        report(1.0, "done")
        return result


def _run(session: Session, sources: Sequence[Source], options: ImportOptions,
         report: Progress) -> ImportResult:
    context = Context.load(session)
    registry = kind_registry.make(options.layer)
    read_options = ReadOptions(options.kind, options.datum, options.platform_export, context.tz,
                               options.repair_geometry)
    files: list[ReadFile] = []
    for index, source in enumerate(sources):
        report(0.4 * index / max(1, len(sources)), source.name)
        read = read_file(source, read_options, registry.kinds, registry.get)
        if read.kind is not None and read.kind.name == "features":
            registry.get("features").set_file_layers(read.member.get("layers"))  # type: ignore[attr-defined]
        files.append(read)
    changes = _guard(session, files, context.tz, options.overwrite_newer)
    counts: dict[str, Counts] = {}
    valid_rows = 0
    session.info[WATCH] = changes
    try:
        for step, name in enumerate(kind_registry.ORDER):
            mine = [f for f in files if f.kind is not None and f.kind.name == name and f.rows]
            if not mine:
                continue
            report(0.4 + 0.55 * step / len(kind_registry.ORDER), name)
            kind = registry.get(name)
            records, invalid = _check_kind(kind, mine, context)
            counts[name] = Counts(invalid=invalid)
            if records:
                changes.kind = kind
                counts[name].add(kind.apply(records, context))
                valid_rows += len(records)
    finally:
        session.info.pop(WATCH, None)
    decided, refusals = changes.result()
    issues = [issue for f in files for issue in _dedupe(f.issues.items)] + refusals
    has_errors = any(issue.is_error for issue in issues)
    would_import = (valid_rows > 0 or not has_errors) if options.skip_invalid else not has_errors
    if not files or all(not f.rows for f in files):
        would_import = would_import and not has_errors
    summaries = tuple(FileResult(f.source.name, f.kind.name if f.kind else None, len(f.rows),
                                 len(f.invalid), f.datum, f.encoding) for f in files)
    return ImportResult(tuple(issues), counts, summaries, False, options.dry_run, would_import,
                        tuple(decided))


def _guard(session: Session, files: list[ReadFile], tz: dt.tzinfo,
           overwrite_newer: bool) -> Changes:
    """The import's Changes, guarding the files stamped by this replica's exports."""
    changes = Changes(session, tz, overwrite_newer)
    stamped = [f for f in files if f.stamp is not None]
    if not stamped:
        return changes
    identity, now = stamps.replica_id(session), stamps.position(session)
    for f in stamped:
        stamp = f.stamp
        assert stamp is not None
        if stamp.replica != identity:
            f.issues.warning(None, None, f"此文件导出自另一个副本（{stamp.replica[:8]}…）："
                             "不检查导出后的修改", f"this file was exported from another replica "
                             f"({stamp.replica[:8]}…): changes since its export are not checked")
            continue
        if stamp.position > now:
            f.issues.warning(None, None, "此文件的导出标记比副本还新（副本从备份恢复过？）",
                             "the file's export stamp is newer than the replica (restored from "
                             "a backup?)")
        changes.guard(f.source.name, stamp.position)
    changes.load()
    return changes


def _check_kind(kind: Kind, files: list[ReadFile], context: Context) -> tuple[list[dict], int]:  # type: ignore[type-arg]
    kind.prepare([row for f in files for row in f.rows if row.number not in f.invalid], context)
    seen: dict[Hashable, tuple[str, int]] = {}
    records = []
    invalid = 0
    for f in files:
        _extent_warning(f, kind, context)
        for row in f.rows:
            if row.number in f.invalid:
                invalid += 1
                _mark(kind, f, row.get("code"), context, row.number)
                continue
            context.row = row.number
            try:
                key = kind.natural_key(row)
                context.where = Where(f.source.name, row.number, key)
                where = (f.source.name, row.number)
                if key in seen:
                    name, number = seen[key]
                    raise Bad(f"与 {name} 第 {number} 行重复（{kind.key_text(row)}）",
                              f"duplicate of {name} row {number} ({kind.key_text(row)})",
                              column=kind.key_fields[-1] if kind.name == "roster" else
                              kind.key_fields[0])
                seen[key] = where
                if kind.point_in_street and row.get("lon") is not None:
                    _inside_street(row.get("lon"), row.get("lat"), context)
                record = kind.check(row, context)
                record[WHERE] = context.where
            except Bad as problem:
                f.fail(row.number, problem)
                invalid += 1
                _mark(kind, f, row.get("code"), context, row.number)
                continue
            records.append(record)
        for warned_row, warning in context.warnings:
            f.issues.warning(warned_row, f.header(warning.column), warning.zh, warning.en)
        context.warnings.clear()
    return records, invalid


def _mark(kind: Kind, f: ReadFile, code: object, context: Context, number: int) -> None:
    if isinstance(code, str):
        context.mark_invalid(kind.entity, code, (f.source.name, number))


def _inside_street(lon: float, lat: float, context: Context) -> None:
    extent = context.street_extent
    if extent is not None and not extent.contains(lon, lat):
        raise Bad(f"坐标 ({lon:.6f}, {lat:.6f}) 不在街道范围内（坐标系或经纬度有误？）",
                  f"({lon:.6f}, {lat:.6f}) is outside the street's extent (wrong datum or "
                  "swapped coordinates?)", column="lon")


def _extent_warning(f: ReadFile, kind: Kind, context: Context) -> None:
    from desktop.models.importing.context import Extent

    street = context.street_extent
    points = [(r.get("lon"), r.get("lat")) for r in f.rows if r.get("lon") is not None]
    boxes = [Extent(x, y, x, y) for x, y in points]
    for row in f.rows:
        if row.geometry is not None:
            from desktop.models.importing.context import extent_of

            found = extent_of(row.geometry["coordinates"])
            if found is not None:
                boxes.append(found)
    if street is None or not boxes or f.datum is None:
        return
    box = boxes[0]
    for other in boxes[1:]:
        box = box.grow(other)
    if not street.near(box, FAR_DEG):
        f.issues.warning(None, None,
                         f"按声明的坐标系 {f.datum}，文件中的位置远在街道范围之外："
                         "坐标系或文件有误？",
                         f"under the declared datum {f.datum} the file's positions lie far "
                         "outside the street: wrong datum or wrong file?")


def _dedupe(items: list[Issue]) -> list[Issue]:
    """Warnings repeated on many rows are reported once, with a count."""
    out: list[Issue] = []
    repeats: dict[tuple[str | None, str], list[int]] = {}
    first: dict[tuple[str | None, str], int] = {}
    for item in items:
        if item.is_error:
            out.append(item)
            continue
        key = (item.column, item.en)
        if key in first:
            repeats.setdefault(key, []).append(1)
            continue
        first[key] = len(out)
        out.append(item)
    for key, extra in repeats.items():
        item = out[first[key]]
        out[first[key]] = Issue(item.file, item.row, item.column,
                                f"{item.zh}（另有 {len(extra)} 行相同）",
                                f"{item.en} (and {len(extra)} more rows)", item.severity)
    return out


def now_utc() -> dt.datetime:
    return clock.now()


__all__ = ["FileResult", "ImportOptions", "ImportResult", "Issues", "import_sources"]
