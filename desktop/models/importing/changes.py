"""What an import changes, row by row and field by field, and what it must not overwrite.

``upsert`` is the one place that decides whether a row is new, changed or
unchanged. While an import runs, the import's ``Changes`` sits on the session
(``session.info[upsert.WATCH]``) and ``upsert`` tells it every decision before it
writes, so the dry run and the import report show the same changes the import
makes: per row and field, old → new.

A row about to be updated whose file carries a stamp of this replica
(``stamp``) is checked against change_log: an entry for that row's entity and
id after the stamp's position means someone changed the row after the export,
and the file would undo that change. Such a row is refused with the field, the
value in the file, the replica's value and when the row changed; the refusal
is an error, so the import writes nothing (unless ``--skip-invalid``).
``overwrite_newer`` writes it anyway and lists it as forced. The newer
changes are read once, before the import writes anything, so its own writes
never count. Rows written other than by upsert (key custodians, a grid's
worker) are not checked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Hashable
from typing import Any, NamedTuple

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from desktop.models.importing.issues import ERROR, WARNING, Issue
from desktop.models.importing.kind_base import Kind
from desktop.models.importing.parsers import Choice
from desktop.models.importing.upsert import Where
from desktop.models.schema import ChangeLog

NEW, CHANGE, REFUSED, FORCED = "new", "change", "refused", "forced"


class FieldChange(NamedTuple):
    column: str  # the field's header
    old: str  # the replica's value, as our exports write it ("" when empty)
    new: str  # the file's value


class RowChange(NamedTuple):  # a tuple: an import of 100,000 new rows makes 100,000
    kind: str
    entity: str
    file: str | None
    row: int | None
    key: str
    op: str  # NEW | CHANGE | REFUSED | FORCED
    fields: tuple[FieldChange, ...] = ()
    changed_at: str | None = None  # REFUSED/FORCED: when the replica's row last changed


def describe(fields: tuple[FieldChange, ...]) -> str:
    return "；".join(f"{f.column}: {f.old or '（空）'} → {f.new or '（空）'}" for f in fields)


def report_items(changes: tuple[RowChange, ...] | list[RowChange]) -> list[Issue]:
    """Changes as report rows (severity ``new`` or ``change``) beside the problems; refused
    and forced rows are already problems (an error, a warning) with both values."""
    items = []
    for c in changes:
        if c.op == NEW:
            items.append(Issue(c.file or "-", c.row, None, f"新增：{c.key}", f"new: {c.key}",
                               NEW))
        elif c.op == CHANGE:
            items.extend(Issue(c.file or "-", c.row, f.column, f"{f.old} → {f.new}",
                               f"{f.old} → {f.new}", CHANGE) for f in c.fields)
    return items


class Changes:
    """One import's decisions, and the guard against undoing newer changes."""

    def __init__(self, session: Session, tz: dt.tzinfo, overwrite_newer: bool) -> None:
        self.session, self.tz, self.overwrite_newer = session, tz, overwrite_newer
        self.kind: Kind | None = None  # the kind being written (set by the pipeline)
        self.positions: dict[str, int] = {}  # file → stamp position (this replica's files)
        self._newer: dict[tuple[str, str], tuple[int, dt.datetime]] = {}
        self._rows: list[tuple[Any, ...]] = []  # op, table, key, where, fields, at, kind
        self._codes: dict[str, dict[Any, str]] = {}

    def guard(self, file: str, stamp_position: int) -> None:
        known = self.positions.get(file)
        self.positions[file] = stamp_position if known is None else min(known, stamp_position)

    def load(self) -> None:
        """The rows changed after the lowest stamp position: entity, id → (seq, at)."""
        if not self.positions:
            return
        found = self.session.execute(
            select(ChangeLog.entity, ChangeLog.entity_id, func.max(ChangeLog.seq),
                   func.max(ChangeLog.at))
            .where(ChangeLog.seq > min(self.positions.values()))
            .group_by(ChangeLog.entity, ChangeLog.entity_id))
        self._newer = {(entity, entity_id): (seq, at) for entity, entity_id, seq, at in found}

    # ------------------------------------------------------------ upsert's side

    def inserted(self, table: Table, key: Hashable, where: Where | None) -> None:
        self._rows.append((NEW, table, key, where, None, None, self.kind))

    def updated(self, table: Table, pk: Any, key: Hashable, where: Where | None,
                fields: dict[str, tuple[Any, Any]]) -> str:
        """CHANGE, FORCED or REFUSED (the row must not be written)."""
        op, at = CHANGE, None
        position = self.positions.get(where.file) if where is not None else None
        if position is not None:
            newer = self._newer.get((table.name, str(pk)))
            if newer is not None and newer[0] > position:
                op, at = (FORCED if self.overwrite_newer else REFUSED), newer[1]
        self._rows.append((op, table, key, where, fields, at, self.kind))
        return op

    # ------------------------------------------------------------ the result

    def result(self) -> tuple[list[RowChange], list[Issue]]:
        """Every decision as a RowChange, and the problems: refused (errors), forced."""
        changes: list[RowChange] = []
        issues: list[Issue] = []
        for op, table, key, where, fields, at, kind in self._rows:
            shown = tuple(FieldChange(_header(kind, table, column),
                                      self._text(kind, table, column, old),
                                      self._text(kind, table, column, new))
                          for column, (old, new) in (fields or {}).items())
            change = RowChange(kind.name if kind is not None else "", table.name,
                               where.file if where else None, where.row if where else None,
                               _key_text(where.key if where else key), op, shown,
                               self._moment(at) if at is not None else None)
            changes.append(change)
            if op in (REFUSED, FORCED):
                issues.extend(_problems(change))
        return changes, issues

    def _text(self, kind: Kind | None, table: Table, column: str, value: Any) -> str:
        if value is None:
            return ""
        if column.endswith("_id") and column in table.c and table.c[column].foreign_keys:
            return self._code(next(iter(table.c[column].foreign_keys)).column.table, value)
        field = kind.field_map().get(column) if kind is not None else None
        if field is not None and isinstance(field.parse, Choice):
            return field.parse.labels.get(value, str(value))
        return _value_text(value, self.tz)

    def _code(self, target: Any, value: Any) -> str:
        """A referenced row by its code (a station's, a person's), as files name it."""
        if target.name not in self._codes:
            code_column = next((target.c[name] for name in ("code", "key") if name in target.c),
                               None)
            self._codes[target.name] = {} if code_column is None else dict(
                self.session.execute(select(next(iter(target.primary_key.columns)),
                                            code_column)).all())
        return str(self._codes[target.name].get(value, value))

    def _moment(self, at: dt.datetime) -> str:
        return at.astimezone(self.tz).replace(microsecond=0, tzinfo=None).isoformat(sep=" ")


def _header(kind: Kind | None, table: Table, column: str) -> str:
    """The header a file gives ``column`` of ``table`` (a table a kind writes beside its own,
    such as a person's team, has its fields prefixed: 所属队伍 is team_name)."""
    if kind is None:
        return column
    fields = kind.field_map()
    coded = column[:-3] + "_code" if column.endswith("_id") else None
    own = table.name == kind.entity
    for key in ((column, coded) if own else (f"{table.name}_{column}", coded, column)):
        if key is not None and key in fields:
            return fields[key].header
    return column


def _problems(change: RowChange) -> list[Issue]:
    when = change.changed_at or "?"
    file = change.file or "-"
    if change.op == FORCED:
        what = describe(change.fields)
        return [Issue(file, change.row, None,
                      f"已按 --overwrite-newer 覆盖导出后副本中的较新修改（{when}）：{what}",
                      f"overwrote a change made in the replica after the export ({when}) "
                      f"as --overwrite-newer asks: {what}", WARNING)]
    return [Issue(file, change.row, f.column,
                  f"导出后副本中此行已修改（{when}）：文件中为{_zh(f.new)}，副本现为{_zh(f.old)}；"
                  "未覆盖", f"changed in the replica after the export ({when}): the file has "
                  f"{_en(f.new)}, the replica now {_en(f.old)}; not overwritten", ERROR)
            for f in change.fields]


def _zh(value: str) -> str:
    return f"“{value}”" if value else "空"


def _en(value: str) -> str:
    return f"'{value}'" if value else "nothing"


def _key_text(key: Hashable) -> str:
    if isinstance(key, tuple):
        return " / ".join(str(part) for part in key)
    return str(key)


def _value_text(value: Any, tz: dt.tzinfo) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        local = value.astimezone(tz) if value.tzinfo is not None else value
        spec = "seconds" if local.microsecond == 0 else "milliseconds"
        return local.replace(tzinfo=None).isoformat(sep=" ", timespec=spec)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else repr(value)
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return str(value)


__all__ = ["CHANGE", "FORCED", "NEW", "REFUSED", "Changes",
           "FieldChange", "RowChange", "Where", "describe", "report_items"]
