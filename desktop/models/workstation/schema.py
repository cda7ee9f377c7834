"""The workstation store's own small schema (not the replica's).

Records that must never change once written — the audit log, the duty log,
handovers and their acknowledgements — are refused UPDATE and DELETE by
triggers (``APPEND_ONLY``), so even a hand-edit with the sqlite3 shell
cannot rewrite history; a correction is a new row that points at the old.
Times are stored as UTC and come back timezone-aware (the replica's type).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.models.schema import UTCDateTime


class StoreBase(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime}


class RolePermission(StoreBase):
    __tablename__ = "role_permission"
    role: Mapped[str] = mapped_column(String(32), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)


class Officer(StoreBase):
    """Someone who may sign in at this desk; ``person_code`` links to the replica's person."""

    __tablename__ = "officer"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(60), unique=True)  # what is typed at sign-in
    name: Mapped[str] = mapped_column(String(60))
    person_code: Mapped[str | None] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime]
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[dt.datetime | None]
    locked_until: Mapped[dt.datetime | None]


class Credential(StoreBase):
    """An Argon2id hash (PHC string); the secret itself is never stored."""

    __tablename__ = "credential"
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # pin | password
    hash: Mapped[str] = mapped_column(String(200))
    set_at: Mapped[dt.datetime]


class DeskSession(StoreBase):
    """One sign-in at the desk, closed by sign-out, idle timeout or the next sign-in."""

    __tablename__ = "desk_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)
    signed_in_at: Mapped[dt.datetime]
    signed_out_at: Mapped[dt.datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(16))  # sign_out | idle | replaced
    workstation: Mapped[str] = mapped_column(String(80))


class AuditRecord(StoreBase):
    """Who did what, when and why. Personal data appears masked only."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    officer_name: Mapped[str] = mapped_column(String(60), default="")
    role: Mapped[str] = mapped_column(String(32), default="")
    action: Mapped[str] = mapped_column(String(32), index=True)
    target: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(60), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(String(80), default="")
    os_account: Mapped[str] = mapped_column(String(64), default="")  # who ran the process


class StoreMeta(StoreBase):
    """One row: which store this is (``identity``, made once) and how many write transactions
    it has seen (``generation``). A store restored from an older copy under a running
    dashboard has the same identity and a smaller generation; another store put in its
    place has another identity (``store.StoreChanged``)."""

    __tablename__ = "store_meta"
    id: Mapped[int] = mapped_column(primary_key=True)
    identity: Mapped[str] = mapped_column(String(36))
    generation: Mapped[int] = mapped_column(Integer, default=0)


class DutyLogRow(StoreBase):
    """值班日志: append-only; ``corrects_id`` makes a row the correction of an earlier one."""

    __tablename__ = "duty_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    officer_name: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    incident_code: Mapped[str | None] = mapped_column(String(40))
    station_code: Mapped[str | None] = mapped_column(String(32))
    person_code: Mapped[str | None] = mapped_column(String(32))
    link_label: Mapped[str] = mapped_column(String(200), default="")  # masked
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("duty_log.id"), index=True)


class HandoverRow(StoreBase):
    """A written handover: the package as it was compiled, the outgoing officer's notes."""

    __tablename__ = "handover"
    id: Mapped[int] = mapped_column(primary_key=True)
    written_at: Mapped[dt.datetime] = mapped_column(index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    officer_name: Mapped[str] = mapped_column(String(60))
    package_json: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of package_json + notes


class HandoverAck(StoreBase):
    """The incoming officer's acknowledgement of exactly one written handover (by digest)."""

    __tablename__ = "handover_ack"
    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handover.id"), unique=True)
    at: Mapped[dt.datetime]
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    officer_name: Mapped[str] = mapped_column(String(60))
    remarks: Mapped[str] = mapped_column(Text, default="")
    digest: Mapped[str] = mapped_column(String(64))


class FindingRow(StoreBase):
    """问题与整改 of an after-action report (a drill code or a replayed window): append-only,
    the newest row of a scope is its current text."""

    __tablename__ = "after_action_finding"
    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(80), index=True)
    recorded_at: Mapped[dt.datetime]
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    officer_name: Mapped[str] = mapped_column(String(60))
    problems: Mapped[str] = mapped_column(Text)
    actions: Mapped[str] = mapped_column(Text)


class BookmarkRow(StoreBase):
    """A replay bookmark (a named moment, with a note) of a scope: append-only. Editing or
    deleting one appends a revision with the same ``mark``; the newest revision of a mark
    is the bookmark (gone when that revision is ``deleted``)."""

    __tablename__ = "replay_bookmark"
    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(80), index=True)
    mark: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[dt.datetime]  # the replayed moment it marks
    name: Mapped[str] = mapped_column(String(80))
    note: Mapped[str] = mapped_column(Text)
    deleted: Mapped[bool] = mapped_column(default=False)
    recorded_at: Mapped[dt.datetime]
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    officer_name: Mapped[str] = mapped_column(String(60))


APPEND_ONLY: tuple[str, ...] = ("audit", "duty_log", "handover", "handover_ack",
                                "after_action_finding", "replay_bookmark")


def append_only_triggers() -> list[str]:
    statements = []
    for table in APPEND_ONLY:
        for op in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    return statements
