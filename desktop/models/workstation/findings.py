"""问题与整改: what an after-action report found and what is to be corrected, kept per scope.

The drill coordinator writes them in the app; each save appends a row (the
table refuses UPDATE and DELETE) and an audit row, and the newest row of a
scope (a drill code, or a replayed window) is what the report prints.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.after_action import Findings
from desktop.models.workstation import audit
from desktop.models.workstation.schema import FindingRow
from desktop.models.workstation.store import WorkstationStore

MAX_TEXT = 4000


def save(session: Session, actor: audit.Actor, now: dt.datetime, scope: str, problems: str,
         actions: str) -> Findings:
    if actor.officer_id is None:
        raise ValueError("findings need a signed-in officer")
    problems, actions = problems.strip(), actions.strip()
    if not scope:
        raise ValueError("findings need a drill or a window")
    if len(problems) > MAX_TEXT or len(actions) > MAX_TEXT:
        raise ValueError(f"each text holds at most {MAX_TEXT} characters")
    row = FindingRow(scope=scope[:80], recorded_at=now, officer_id=actor.officer_id,
                     officer_name=actor.name, problems=problems, actions=actions)
    session.add(row)
    session.flush()
    audit.record(session, now, "findings", actor, target=scope[:80],
                 detail=f"#{row.id}: {len(problems)} + {len(actions)} characters")
    return Findings(problems, actions, actor.name, now)


def latest(store: WorkstationStore, scope: str) -> Findings | None:
    with store.read() as session:
        row = session.scalars(select(FindingRow).where(FindingRow.scope == scope[:80])
                              .order_by(FindingRow.id.desc()).limit(1)).first()
        if row is None:
            return None
        return Findings(row.problems, row.actions, row.officer_name, row.recorded_at)
