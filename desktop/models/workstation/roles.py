"""Roles and what each may do, as data.

The defaults below are written into the store's ``role_permission`` table
when the store is created; from then on that table is the authority, so a
district that wants (say) duty officers to stop revealing residents' guardians
changes rows, not code. Least privilege: the administrator manages officers
and reads the audit but sees no personal data; the drill coordinator prints
and exports after-action material but reveals nothing.
"""

from __future__ import annotations

from desktop.models.vocab import Term

ROLES: tuple[Term, ...] = (
    Term("duty_officer", "值班员", "Duty officer"),
    Term("duty_leader", "带班领导", "Duty leader"),
    Term("drill_coordinator", "演练组织者", "Drill coordinator"),
    Term("admin", "管理员", "Administrator"),
)
ROLE = {t.code: t for t in ROLES}

# Permission codes the desk checks (Desk.require).
REVEAL_STAFF = "reveal_staff_phone"  # on-duty leader, key custodians
REVEAL_RESIDENT = "reveal_resident_contact"  # a vulnerable person's guardian
ACKNOWLEDGE = "acknowledge"  # handovers and alerts
MUTE_ALERT = "mute_alert"
WRITE_LOG = "write_log"
WRITE_HANDOVER = "write_handover"
PRINT = "print"
EXPORT = "export"
EXPORT_PERSONAL = "export_personal"  # files with unmasked personal data
VIEW_AUDIT = "view_audit"
MANAGE_OFFICERS = "manage_officers"

PERMISSIONS: tuple[Term, ...] = (
    Term(REVEAL_STAFF, "查看值班人员/钥匙保管人电话", "Reveal staff phones"),
    Term(REVEAL_RESIDENT, "查看重点人员监护人联系方式", "Reveal residents' guardians"),
    Term(ACKNOWLEDGE, "确认交接班与告警", "Acknowledge handovers and alerts"),
    Term(MUTE_ALERT, "告警静音", "Mute alerts"),
    Term(WRITE_LOG, "填写值班日志", "Write the duty log"),
    Term(WRITE_HANDOVER, "填写交接班记录", "Write handovers"),
    Term(PRINT, "打印", "Print"),
    Term(EXPORT, "导出", "Export"),
    Term(EXPORT_PERSONAL, "导出含完整个人信息的文件", "Export with full personal data"),
    Term(VIEW_AUDIT, "查看审计日志", "View the audit log"),
    Term(MANAGE_OFFICERS, "管理值班人员账号", "Manage officers"),
)
PERMISSION = {t.code: t for t in PERMISSIONS}

_DESK_WORK = (REVEAL_STAFF, REVEAL_RESIDENT, ACKNOWLEDGE, MUTE_ALERT, WRITE_LOG,
              WRITE_HANDOVER, PRINT, EXPORT)

DEFAULT_GRANTS: dict[str, tuple[str, ...]] = {
    "duty_officer": _DESK_WORK,
    "duty_leader": (*_DESK_WORK, EXPORT_PERSONAL, VIEW_AUDIT),
    "drill_coordinator": (WRITE_LOG, PRINT, EXPORT),
    "admin": (VIEW_AUDIT, MANAGE_OFFICERS, PRINT, EXPORT),
}


def check_role(role: str) -> str:
    if role not in ROLE:
        raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLE)}")
    return role
