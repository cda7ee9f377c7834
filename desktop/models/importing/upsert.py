"""Insert new rows, update changed ones, leave equal ones alone: idempotent by design.

A row is compared field by field with what the replica holds; only rows that
differ are written, so re-importing the same file writes nothing and the
change_log triggers stay silent. Fields a file does not carry are not in the
row dicts and are never touched. During an import every decision is told to
the import's ``changes.Changes`` (on ``session.info[WATCH]``) before anything
is written; it may refuse an update that would undo a newer change.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from desktop.models.schema import Base

BATCH = 5000
WATCH = "dutyroom.import.changes"  # session.info key of the running import's Changes
WHERE = "_where"  # row key (not a column): the file, row and key text the row came from


class Where(NamedTuple):
    file: str
    row: int
    key: Hashable  # the row's natural key (a code, or a tuple of the key fields)
SPREADSHEET_PRECISION = dt.timedelta(milliseconds=1)


def same(current: Any, new: Any) -> bool:
    """Whether ``new`` leaves ``current`` as it is. Excel and WPS keep times to the
    millisecond: a moment read back from a spreadsheet is the replica's own when the two
    agree to the millisecond, so saving an export in Excel changes nothing."""
    if isinstance(current, dt.datetime) and isinstance(new, dt.datetime) \
            and current.tzinfo is not None and new.tzinfo is not None:
        return abs(current - new) < SPREADSHEET_PRECISION
    return bool(current == new)


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    refused: int = 0  # would undo a change made in the replica after the export
    forced: int = 0  # did so anyway (--overwrite-newer); also counted as updated

    def add(self, other: Counts) -> None:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.invalid += other.invalid
        self.refused += other.refused
        self.forced += other.forced

    @property
    def written(self) -> int:
        return self.inserted + self.updated


def columns(record: dict[str, Any]) -> dict[str, Any]:
    """A kind's checked record as upsert's row: its columns, and where it came from."""
    return {k: v for k, v in record.items() if not k.startswith("_") or k == WHERE}


def upsert(
    session: Session,
    model: type[Base],
    key: Callable[[dict[str, Any]], Hashable],
    rows: Sequence[dict[str, Any]],
    key_columns: Sequence[str],
    defaults: dict[str, Any] | None = None,
) -> Counts:
    """Upsert ``rows`` (column → value) matched on ``key`` over ``key_columns``."""
    table = cast(Table, model.__table__)
    counts = Counts()
    if not rows:
        return counts
    watch = session.info.get(WATCH)
    wanted = sorted(({column for row in rows for column in row} - {WHERE}) | set(key_columns))
    pk = next(iter(table.primary_key.columns)).name
    columns = [table.c[name] for name in wanted if name != pk]
    existing: dict[Hashable, dict[str, Any]] = {}
    for mapping in session.execute(select(table.c[pk], *columns)).mappings():
        existing[key(dict(mapping))] = dict(mapping)
    inserts: list[dict[str, Any]] = []
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    skip = {pk, WHERE}
    for row in rows:
        where = row.get(WHERE)
        found = key(row)
        current = existing.get(found)
        if current is None:
            new = {**(defaults or {}), **row}
            new.pop(WHERE, None)
            inserts.append(new)
            if watch is not None:
                watch.inserted(table, found, where)
            continue
        differing = [name for name, value in row.items() if name not in skip
                     and current.get(name) != value and not same(current.get(name), value)]
        if not differing:
            counts.unchanged += 1
            continue
        if watch is not None:
            decided = watch.updated(table, current[pk], found, where,
                                    {name: (current.get(name), row[name]) for name in differing})
            if decided == "refused":
                counts.refused += 1
                continue
            if decided == "forced":
                counts.forced += 1
        changed = {f"v_{name}": row[name] for name in differing}
        changed["_pk"] = current[pk]
        updates[tuple(sorted(changed))].append(changed)
        counts.updated += 1
    for start in range(0, len(inserts), BATCH):
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for row in inserts[start:start + BATCH]:
            by_columns[tuple(sorted(row))].append(row)
        for batch in by_columns.values():
            session.execute(insert(table), batch)
    counts.inserted = len(inserts)
    for names, batch in updates.items():
        statement = (update(table).where(table.c[pk] == bindparam("_pk"))
                     .values({name[2:]: bindparam(name) for name in names if name != "_pk"}))
        session.connection().execute(statement, batch)
    return counts
