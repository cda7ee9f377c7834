"""值班日志: timestamped entries by the signed-in officer, never edited in place.

A mistake is fixed by a correction: a new entry that references the one it
replaces (triggers refuse UPDATE and DELETE on the table). Readers see every
entry, with the superseded ones marked and pointing to their correction, so
the paper trail an inspector expects survives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.vocab import Term
from desktop.models.workstation import audit
from desktop.models.workstation.schema import DutyLogRow
from desktop.models.workstation.store import WorkstationStore

CATEGORIES: tuple[Term, ...] = (
    Term("call_received", "接听来电", "Call received"),
    Term("instruction_relayed", "传达指示", "Instruction relayed"),
    Term("report_made", "上报情况", "Report made"),
    Term("check_done", "检查巡查", "Check done"),
    Term("other", "其他", "Other"),
)
CATEGORY = {t.code: t for t in CATEGORIES}
MAX_TEXT = 2000


@dataclass(frozen=True)
class LogLink:
    """Optional link to an incident, a station or a person (codes; label already masked)."""

    incident_code: str | None = None
    station_code: str | None = None
    person_code: str | None = None
    label: str = ""

    @property
    def empty(self) -> bool:
        return not (self.incident_code or self.station_code or self.person_code)


@dataclass(frozen=True)
class LogEntry:
    id: int
    recorded_at: dt.datetime
    occurred_at: dt.datetime
    officer_name: str
    category: str
    text: str
    link: LogLink
    corrects_id: int | None
    corrected_by_id: int | None = None

    @property
    def current(self) -> bool:
        return self.corrected_by_id is None

    def category_label(self, english: bool = False) -> str:
        term = CATEGORY.get(self.category)
        return (term.en if english else term.zh) if term else self.category


class AlreadyCorrected(ValueError):
    def __init__(self, entry_id: int, by: int) -> None:
        super().__init__(f"entry {entry_id} was already corrected by entry {by}: correct that one")
        self.by = by


def _entry(row: DutyLogRow, corrected_by: int | None) -> LogEntry:
    link = LogLink(row.incident_code, row.station_code, row.person_code, row.link_label)
    return LogEntry(row.id, row.recorded_at, row.occurred_at, row.officer_name, row.category,
                    row.text, link, row.corrects_id, corrected_by)


def _checked_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValueError("a log entry needs some text")
    if len(text) > MAX_TEXT:
        raise ValueError(f"a log entry holds at most {MAX_TEXT} characters")
    return text


def append(session: Session, actor: audit.Actor, now: dt.datetime, *, category: str, text: str,
           occurred_at: dt.datetime | None = None, link: LogLink | None = None,
           corrects: int | None = None) -> LogEntry:
    """A new entry (a correction when ``corrects`` names the entry it replaces)."""
    if category not in CATEGORY:
        raise ValueError(f"unknown log category {category!r}")
    text = _checked_text(text)
    if actor.officer_id is None:
        raise ValueError("a log entry needs a signed-in officer")
    link = link or LogLink()
    if corrects is not None:
        original = session.get(DutyLogRow, corrects)
        if original is None:
            raise LookupError(f"no log entry {corrects}")
        later = session.scalar(select(func.max(DutyLogRow.id))
                               .where(DutyLogRow.corrects_id == corrects))
        if later is not None:
            raise AlreadyCorrected(corrects, later)
        occurred_at = occurred_at or original.occurred_at
        if link.empty:
            link = LogLink(original.incident_code, original.station_code, original.person_code,
                           original.link_label)
    row = DutyLogRow(
        recorded_at=now, occurred_at=occurred_at or now, officer_id=actor.officer_id,
        officer_name=actor.name, category=category, text=text,
        incident_code=link.incident_code, station_code=link.station_code,
        person_code=link.person_code, link_label=link.label[:200], corrects_id=corrects)
    session.add(row)
    session.flush()
    audit.record(session, now, "log_correction" if corrects else "log_entry", actor,
                 target=f"#{row.id}" + (f" → #{corrects}" if corrects else ""),
                 detail=CATEGORY[category].zh)
    return _entry(row, None)


def entries(store: WorkstationStore, since: dt.datetime, until: dt.datetime) -> tuple[
        LogEntry, ...]:
    """Entries that happened in [since, until), oldest first, each marked if corrected since."""
    with store.read() as session:
        rows = session.scalars(
            select(DutyLogRow)
            .where(DutyLogRow.occurred_at >= since, DutyLogRow.occurred_at < until)
            .order_by(DutyLogRow.occurred_at, DutyLogRow.id)).all()
        ids = [row.id for row in rows]
        corrected: dict[int | None, int] = {}
        if ids:
            for original, newest in session.execute(
                    select(DutyLogRow.corrects_id, func.max(DutyLogRow.id))
                    .where(DutyLogRow.corrects_id.in_(ids))
                    .group_by(DutyLogRow.corrects_id)):
                corrected[original] = newest
        return tuple(_entry(row, corrected.get(row.id)) for row in rows)
