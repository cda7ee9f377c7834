"""The audit log: who did what, when and why — append-only, personal data masked.

Every sign-in (and failed attempt), reveal, acknowledgement, export and print
lands here. Rows are written in the same transaction as the act they record
where there is one, so an act without its audit row cannot exist.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import pwd
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.clock import BEIJING
from desktop.models.csv_cells import neutralise
from desktop.models.vocab import Term
from desktop.models.workstation.roles import ROLE
from desktop.models.workstation.schema import AuditRecord
from desktop.models.workstation.store import WorkstationStore

ACTIONS: tuple[Term, ...] = (
    Term("sign_in", "签到", "Sign-in"),
    Term("sign_in_failed", "签到失败", "Sign-in failed"),
    Term("locked_out", "账号锁定", "Locked out"),
    Term("sign_out", "签退", "Sign-out"),
    Term("reveal", "查看完整信息", "Reveal"),
    Term("acknowledge", "确认", "Acknowledgement"),
    Term("handover", "交接班记录", "Handover written"),
    Term("log_entry", "值班日志", "Duty log entry"),
    Term("log_correction", "日志更正", "Duty log correction"),
    Term("export", "导出", "Export"),
    Term("print", "打印", "Print"),
    Term("findings", "问题与整改", "After-action findings"),
    Term("bookmark", "回放书签", "Replay bookmark"),
    Term("mute", "告警静音", "Alert muted"),
    Term("enrol", "账号登记", "Officer enrolled"),
    Term("officer_enabled", "账号启用", "Officer enabled"),
    Term("officer_disabled", "账号停用", "Officer disabled"),
    Term("secret_reset", "口令重置", "PIN reset"),
    Term("secret_changed", "修改本人口令", "Own PIN changed"),
    Term("store_recovered", "存储恢复", "Store recovered"),
    Term("store_changed", "存储被替换或回退", "Store replaced or restored"),
    Term("break_glass", "命令行紧急越权", "Break-glass at the command line"),
    Term("break_glass_seen", "管理员已知悉紧急越权", "Break-glass seen by an administrator"),
)
ACTION = {t.code: t for t in ACTIONS}

# Why a contact is revealed: a short list, no free text (nothing personal typed in).
REVEAL_REASONS: tuple[Term, ...] = (
    Term("incident_contact", "处置突发事件需联系", "Contact needed for an incident"),
    Term("verify_report", "核实接报情况", "Verify a report"),
    Term("relay_warning", "传达预警或指令", "Relay a warning or instruction"),
    Term("open_station", "调用站点物资（开门）", "Open a station for its supplies"),
)
# Every reason code the audit stores (labels are shown, codes are kept).
REASONS: dict[str, Term] = {t.code: t for t in (
    *REVEAL_REASONS,
    Term("sign_out", "主动签退", "Signed out"),
    Term("idle", "空闲超时", "Idle timeout"),
    Term("replaced", "他人签到", "Next officer signed in"),
    Term("handover", "交接班", "Handover"),
)}

WORKSTATION = socket.gethostname()[:80]


def _os_account() -> str:
    """The OS account this process runs as (the audit's "who at the shell")."""
    try:
        return pwd.getpwuid(os.geteuid()).pw_name[:64]
    except (KeyError, OSError):
        return f"uid {os.geteuid()}"


OS_ACCOUNT = _os_account()


@dataclass(frozen=True)
class Actor:
    """Who is acting (None-able fields for system events such as a recovery)."""

    officer_id: int | None
    name: str
    role: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    officer_name: str
    role: str
    action: str
    target: str
    reason: str
    detail: str
    workstation: str
    os_account: str = ""

    def action_label(self, english: bool = False) -> str:
        term = ACTION.get(self.action)
        return (term.en if english else term.zh) if term else self.action

    def reason_label(self, english: bool = False) -> str:
        term = REASONS.get(self.reason)
        return (term.en if english else term.zh) if term else self.reason

    def role_label(self, english: bool = False) -> str:
        term = ROLE.get(self.role)
        return (term.en if english else term.zh) if term else self.role


@dataclass(frozen=True)
class AuditFilter:
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    actions: frozenset[str] = frozenset()
    officer: str = ""  # part of the officer's name
    text: str = ""  # part of target, reason or detail
    limit: int = 5000


def record(session: Session, at: dt.datetime, action: str, actor: Actor | None, *,
           target: str = "", reason: str = "", detail: str = "") -> None:
    if action not in ACTION:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(AuditRecord(
        at=at, officer_id=actor.officer_id if actor else None,
        officer_name=actor.name if actor else "", role=actor.role if actor else "",
        action=action, target=target[:200], reason=reason[:60], detail=detail,
        workstation=WORKSTATION, os_account=OS_ACCOUNT,
    ))


def query(store: WorkstationStore, wanted: AuditFilter | None = None) -> tuple[AuditEntry, ...]:
    """Newest first."""
    wanted = wanted or AuditFilter()
    statement = select(AuditRecord).order_by(AuditRecord.at.desc(), AuditRecord.id.desc())
    if wanted.since is not None:
        statement = statement.where(AuditRecord.at >= wanted.since)
    if wanted.until is not None:
        statement = statement.where(AuditRecord.at < wanted.until)
    if wanted.actions:
        statement = statement.where(AuditRecord.action.in_(sorted(wanted.actions)))
    if wanted.officer:
        statement = statement.where(AuditRecord.officer_name.contains(wanted.officer))
    if wanted.text:
        needle = wanted.text
        statement = statement.where(AuditRecord.target.contains(needle)
                                    | AuditRecord.reason.contains(needle)
                                    | AuditRecord.detail.contains(needle))
    with store.read() as session:
        rows = session.scalars(statement.limit(wanted.limit)).all()
        return tuple(AuditEntry(r.id, r.at, r.officer_name, r.role, r.action, r.target,
                                r.reason, r.detail, r.workstation, r.os_account) for r in rows)


def to_csv(entries: Iterable[AuditEntry], *, english: bool = False) -> str:
    """UTF-8 CSV (with BOM, so Excel opens the Chinese correctly); times in Beijing time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("Time (Beijing)", "Officer", "Role", "Action", "Target", "Reason",
                     "Detail", "Workstation", "OS account") if english else
                    ("时间（北京时间）", "人员", "角色", "操作", "对象", "事由", "详情", "工作站",
                     "系统账号"))
    for entry in entries:
        writer.writerow([entry.at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S"), *(
            neutralise(text) for text in (
                entry.officer_name, entry.role_label(english), entry.action_label(english),
                entry.target, entry.reason_label(english), entry.detail, entry.workstation,
                entry.os_account))])
    return "\ufeff" + buffer.getvalue()


def unseen_break_glass(store: WorkstationStore) -> tuple[AuditEntry, ...]:
    """Break-glass rows newer than the last one an administrator has seen (oldest first)."""
    with store.read() as session:
        seen = session.scalar(select(func.max(AuditRecord.id)).where(
            AuditRecord.action == "break_glass_seen")) or 0
    entries = query(store, AuditFilter(actions=frozenset({"break_glass"})))
    return tuple(sorted((entry for entry in entries if entry.id > seen), key=lambda e: e.id))
