"""Replay bookmarks and notes: named moments of a drill (or a replayed window), kept per scope.

The coordinator marks a moment (B, or ★), names it and writes a note; each save
appends a revision (the table refuses UPDATE and DELETE) and an audit row. A
bookmark is the newest revision of its ``mark``; a delete is a revision that
says so. The after-action report lists the current ones.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.after_action import ReplayNote
from desktop.models.workstation import audit
from desktop.models.workstation.schema import BookmarkRow
from desktop.models.workstation.store import WorkstationStore

MAX_NAME = 80
MAX_NOTE = 2000


def save(session: Session, actor: audit.Actor, now: dt.datetime, scope: str, at: dt.datetime,
         name: str, note: str = "", mark: str = "", deleted: bool = False) -> ReplayNote:
    """Add a bookmark (``mark`` empty) or a revision of one (its name, note, or deletion)."""
    if actor.officer_id is None:
        raise ValueError("bookmarks need a signed-in officer")
    if not scope:
        raise ValueError("bookmarks need a drill or a window")
    name, note = " ".join(name.split()), note.strip()
    if len(name) > MAX_NAME or len(note) > MAX_NOTE:
        raise ValueError(f"a name holds at most {MAX_NAME} characters, a note {MAX_NOTE}")
    mark = mark or str(uuid.uuid4())
    row = BookmarkRow(scope=scope[:80], mark=mark, at=at, name=name, note=note,
                      deleted=deleted, recorded_at=now, officer_id=actor.officer_id,
                      officer_name=actor.name)
    session.add(row)
    session.flush()
    what = "deleted" if deleted else f"{len(name)} + {len(note)} characters"
    audit.record(session, now, "bookmark", actor, target=scope[:80],
                 detail=f"#{row.id} {mark[:8]} at {at:%Y-%m-%dT%H:%M:%S}Z: {what}")
    return ReplayNote(at, name, note, actor.name, now, mark)


def current(store: WorkstationStore, scope: str) -> tuple[ReplayNote, ...]:
    """The scope's bookmarks as they stand now (newest revision of each, not deleted)."""
    with store.read() as session:
        rows = session.scalars(select(BookmarkRow).where(BookmarkRow.scope == scope[:80])
                               .order_by(BookmarkRow.id)).all()
    newest: dict[str, BookmarkRow] = {}
    for row in rows:
        newest[row.mark] = row
    return tuple(sorted(
        ReplayNote(r.at, r.name, r.note, r.officer_name, r.recorded_at, r.mark)
        for r in newest.values() if not r.deleted))
