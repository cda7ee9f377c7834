"""Written handover (交接班记录): the outgoing officer's notes with the package, acknowledged.

The package (``desktop.models.handover``) is frozen into JSON when the
outgoing officer writes the handover, so what the incoming officer
acknowledges is exactly what was handed over, not the screen some minutes
later. A SHA-256 digest over package and notes is stored with both the
handover and its acknowledgement: the acknowledgement names what it covers.
The incoming officer must be someone else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.clock import BEIJING
from desktop.models.handover import HandoverPackage
from desktop.models.situation import Shift
from desktop.models.vocab import SEVERITIES, STAGE, WARNING_KINDS, WARNING_LEVELS
from desktop.models.workstation import audit
from desktop.models.workstation.schema import HandoverAck, HandoverRow
from desktop.models.workstation.store import WorkstationStore

MAX_NOTES = 4000


def _shift(shift: Shift | None) -> dict[str, Any] | None:
    if shift is None:
        return None
    leader = shift.leader
    return {"starts_at": shift.starts_at.isoformat(), "ends_at": shift.ends_at.isoformat(),
            "leader": leader.name if leader else None,
            "officers": [p.name for p in shift.officers]}


def package_snapshot(package: HandoverPackage) -> dict[str, Any]:
    """The package as plain JSON data; personal names stay masked as the situation had them."""
    return {
        "compiled_at": package.compiled_at.isoformat(),
        "street": package.street,
        "outgoing": _shift(package.outgoing),
        "incoming": _shift(package.incoming),
        "incidents": [{"code": i.code, "title": i.title, "severity": i.severity,
                       "status": i.status, "place": i.place, "exercise": i.exercise,
                       "recorded_at": i.recorded_at.isoformat()} for i in package.open_incidents],
        "stations": [{"code": s.code, "name": s.name, "level": s.readiness.level,
                      "reasons_zh": [r.zh for r in s.readiness.reasons],
                      "reasons_en": [r.en for r in s.readiness.reasons]}
                     for s in package.stations_not_ready],
        "gaps": [{"code": g.code, "starts_at": g.starts_at.isoformat(),
                  "ends_at": g.ends_at.isoformat(), "zh": g.zh, "en": g.en}
                 for g in package.staffing_gaps],
        "warnings": [{"kind": w.kind, "level": w.level, "area": w.area,
                      "valid_from": w.valid_from.isoformat(), "valid_to": w.valid_to.isoformat()}
                     for w in package.warnings],
        "problems": len(package.problems),
        "team": None if package.team is None else {
            "members": package.team.members, "professional": package.team.professional,
            "cadres": package.team.cadres, "militia": package.team.militia,
            "party_members": package.team.party_members},
    }


def digest_of(package_json: str, notes: str) -> str:
    return hashlib.sha256(f"{package_json}\n--\n{notes}".encode()).hexdigest()


@dataclass(frozen=True)
class Acknowledgement:
    at: dt.datetime
    officer_name: str
    remarks: str


@dataclass(frozen=True)
class WrittenHandover:
    id: int
    written_at: dt.datetime
    officer_id: int
    officer_name: str
    package: dict[str, Any]
    notes: str
    digest: str
    acknowledgement: Acknowledgement | None = None


class HandoverRefused(ValueError):
    """The acknowledgement cannot be made; ``code`` says why (missing, changed, same_officer,
    already), the message says it in words."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _written(row: HandoverRow, ack: HandoverAck | None) -> WrittenHandover:
    acknowledgement = Acknowledgement(ack.at, ack.officer_name, ack.remarks) if ack else None
    return WrittenHandover(row.id, row.written_at, row.officer_id, row.officer_name,
                           json.loads(row.package_json), row.notes, row.digest, acknowledgement)


def write(session: Session, actor: audit.Actor, now: dt.datetime, package: HandoverPackage,
          notes: str) -> WrittenHandover:
    notes = notes.strip()
    if len(notes) > MAX_NOTES:
        raise ValueError(f"handover notes hold at most {MAX_NOTES} characters")
    if actor.officer_id is None:
        raise ValueError("a handover needs a signed-in officer")
    package_json = json.dumps(package_snapshot(package), ensure_ascii=False, sort_keys=True)
    row = HandoverRow(written_at=now, officer_id=actor.officer_id, officer_name=actor.name,
                      package_json=package_json, notes=notes,
                      digest=digest_of(package_json, notes))
    session.add(row)
    session.flush()
    audit.record(session, now, "handover", actor, target=f"handover #{row.id}",
                 detail=f"sha256 {row.digest[:12]}")
    return _written(row, None)


def acknowledge(session: Session, actor: audit.Actor, now: dt.datetime, handover_id: int,
                digest: str, remarks: str = "") -> WrittenHandover:
    row = session.get(HandoverRow, handover_id)
    if row is None:
        raise HandoverRefused("missing", f"no handover #{handover_id}")
    if row.digest != digest:
        raise HandoverRefused("changed", "the handover changed since it was shown: read it again")
    if actor.officer_id is None or actor.officer_id == row.officer_id:
        raise HandoverRefused("same_officer",
                              "the incoming officer must be someone other than the writer")
    if session.scalar(select(HandoverAck.id).where(HandoverAck.handover_id == handover_id)):
        raise HandoverRefused("already", f"handover #{handover_id} is already acknowledged")
    ack = HandoverAck(handover_id=handover_id, at=now, officer_id=actor.officer_id,
                      officer_name=actor.name, remarks=remarks.strip()[:MAX_NOTES], digest=digest)
    session.add(ack)
    audit.record(session, now, "acknowledge", actor, target=f"handover #{handover_id}",
                 reason="handover", detail=f"from {row.officer_name}; sha256 {digest[:12]}")
    return _written(row, ack)


def latest(store: WorkstationStore) -> WrittenHandover | None:
    """The newest written handover, acknowledged or not."""
    with store.read() as session:
        row = session.scalars(select(HandoverRow)
                              .order_by(HandoverRow.written_at.desc(), HandoverRow.id.desc())
                              .limit(1)).first()
        if row is None:
            return None
        ack = session.scalars(select(HandoverAck).where(HandoverAck.handover_id == row.id)).first()
        return _written(row, ack)


def get(store: WorkstationStore, handover_id: int) -> WrittenHandover:
    with store.read() as session:
        row = session.get(HandoverRow, handover_id)
        if row is None:
            raise LookupError(f"no handover #{handover_id}")
        ack = session.scalars(select(HandoverAck).where(HandoverAck.handover_id == row.id)).first()
        return _written(row, ack)


def _hhmm(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone(BEIJING).strftime("%m-%d %H:%M")


def _shift_line(shift: dict[str, Any] | None, english: bool) -> str:
    if shift is None:
        return "no shift on the roster" if english else "排班表中无此班次"
    span = f"{_hhmm(shift['starts_at'])}–{_hhmm(shift['ends_at'])[-5:]}"
    leader = shift["leader"] or ("no leader" if english else "缺带班领导")
    officers = "、".join(shift["officers"]) or "—"
    if english:
        return f"{span} leader {leader}; officers {officers}"
    return f"{span} 带班 {leader}；值班 {officers}"


def team_line(members: int, professional: int, cadres_militia: int, party: int,
              english: bool = False) -> str:
    """The team's composition in one line (handover package and record)."""
    share = f"{party / members:.0%}" if members else "—"
    if english:
        return (f"Emergency team {members}: professional {professional}, cadres and militia "
                f"{cadres_militia}; party members {party} ({share})")
    return (f"应急队伍 {members} 人：专业救援 {professional}，社区干部和基干民兵 "
            f"{cadres_militia}；党员 {party} 人（{share}）")


def summary_sections(snapshot: dict[str, Any], english: bool = False) -> list[
        tuple[str, list[str]]]:
    """(section code, lines) for the dialog and the printed record; sections always present,
    an empty one means "nothing" (the view prints a word for it)."""
    severities = {int(t.code): (t.en if english else t.zh) for t in SEVERITIES}
    levels = {t.code: (t.en if english else t.zh) for t in WARNING_LEVELS}
    kinds = {t.code: (t.en if english else t.zh) for t in WARNING_KINDS}
    exercise = "[EXERCISE] " if english else "【演练】"
    stages = {t.code: (t.en if english else t.zh) for t in STAGE.values()}
    incidents = [
        f"{exercise if i['exercise'] else ''}{i['title']} · {i['place']} · "
        f"{severities.get(i['severity'], i['severity'])} · {stages.get(i['status'], i['status'])}"
        for i in snapshot["incidents"]]
    stations = [
        s["name"] + (": " if english else "：") + ("; " if english else "；").join(
            s["reasons_en"] if english else s["reasons_zh"])
        for s in snapshot["stations"]]
    gaps = [f"{_hhmm(g['starts_at'])}–{_hhmm(g['ends_at'])} {g['en'] if english else g['zh']}"
            for g in snapshot["gaps"]]
    warnings = [f"{kinds.get(w['kind'], w['kind'])} {levels.get(w['level'], w['level'])} · "
                f"{w['area']} · {_hhmm(w['valid_from'])}–{_hhmm(w['valid_to'])}"
                for w in snapshot["warnings"]]
    shifts = [_shift_line(snapshot["outgoing"], english), _shift_line(snapshot["incoming"],
                                                                      english)]
    team = snapshot.get("team")  # handovers written before it was recorded have none
    if team:
        shifts.append(team_line(team["members"], team["professional"],
                                team["cadres"] + team["militia"], team["party_members"],
                                english))
    return [("shifts", shifts), ("incidents", incidents), ("stations", stations),
            ("gaps", gaps), ("warnings", warnings)]


def between(store: WorkstationStore, since: dt.datetime, until: dt.datetime) -> tuple[
        WrittenHandover, ...]:
    """Handovers written in [since, until), oldest first (for the day's report)."""
    with store.read() as session:
        rows = session.scalars(select(HandoverRow)
                               .where(HandoverRow.written_at >= since,
                                      HandoverRow.written_at < until)
                               .order_by(HandoverRow.written_at, HandoverRow.id)).all()
        acks = {a.handover_id: a for a in session.scalars(
            select(HandoverAck).where(HandoverAck.handover_id.in_([r.id for r in rows])))}
        return tuple(_written(row, acks.get(row.id)) for row in rows)
