"""Who may sign in at this desk, and what their role lets them do.

Officers are people on the replica's roster (``person_code`` links them);
enrolment stores an Argon2id hash of their PIN or password, never the secret.
Permissions are read from the store's ``role_permission`` table, not from code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.models.workstation.passwords import SecretHasher, check_strength
from desktop.models.workstation.roles import PERMISSION, ROLE, check_role
from desktop.models.workstation.schema import Credential, Officer, RolePermission
from desktop.models.workstation.store import WorkstationStore


@dataclass(frozen=True)
class OfficerInfo:
    id: int
    login: str
    name: str
    role: str
    person_code: str | None
    active: bool
    locked_until: dt.datetime | None = None

    def locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def role_label(self, english: bool = False) -> str:
        term = ROLE.get(self.role)
        return (term.en if english else term.zh) if term else self.role


def _info(row: Officer) -> OfficerInfo:
    return OfficerInfo(row.id, row.login, row.name, row.role, row.person_code, row.active,
                       row.locked_until)


# Writes the audit row of a change in the change's own transaction.
Record = Callable[[Session], None]


class LastAdministrator(ValueError):
    """Refused: nobody would be left to manage the officers."""


def permissions_of(session: Session, role: str) -> frozenset[str]:
    return frozenset(session.scalars(
        select(RolePermission.permission).where(RolePermission.role == role)))


def grants(store: WorkstationStore) -> dict[str, frozenset[str]]:
    with store.read() as session:
        rows = session.execute(select(RolePermission.role, RolePermission.permission)).all()
    table: dict[str, set[str]] = {role: set() for role in ROLE}
    for role, permission in rows:
        table.setdefault(role, set()).add(permission)
    return {role: frozenset(permissions) for role, permissions in table.items()}


def set_grant(store: WorkstationStore, role: str, permission: str, allowed: bool) -> None:
    check_role(role)
    if permission not in PERMISSION:
        raise ValueError(f"unknown permission {permission!r}")
    with store.write() as session:
        session.execute(delete(RolePermission).where(RolePermission.role == role,
                                                     RolePermission.permission == permission))
        if allowed:
            session.add(RolePermission(role=role, permission=permission))


def enrol(
    store: WorkstationStore,
    hasher: SecretHasher,
    now: dt.datetime,
    *,
    login: str,
    name: str,
    role: str,
    secret: str,
    person_code: str | None = None,
    record: Record | None = None,
) -> OfficerInfo:
    """Add an officer (or replace an existing login's role, name and secret). ``record``
    writes the audit row in the same transaction."""
    check_role(role)
    kind = check_strength(secret)
    login = login.strip()
    if not login:
        raise ValueError("an officer needs a login name")
    hashed = hasher.hash(secret)
    with store.write() as session:
        officer = session.scalars(select(Officer).where(Officer.login == login)).first()
        if officer is None:
            officer = Officer(login=login, created_at=now, failed_count=0)
            session.add(officer)
        officer.name, officer.role, officer.person_code = name.strip(), role, person_code
        officer.active = True
        session.flush()
        set_credential(session, officer.id, kind, hashed, now)
        if record is not None:
            record(session)
        return _info(officer)


def set_active(store: WorkstationStore, login: str, active: bool, *,
               record: Record | None = None) -> None:
    """Enable or disable a login (a disabled officer cannot sign in; the records stay).
    The last active administrator cannot be disabled."""
    with store.write() as session:
        officer = _officer(session, login)
        if not active and officer.active and officer.role == "admin":
            admins = session.scalars(select(Officer.id).where(
                Officer.role == "admin", Officer.active.is_(True))).all()
            if len(admins) <= 1:
                raise LastAdministrator("the last active administrator cannot be disabled")
        officer.active = active
        if record is not None:
            record(session)


def reset_secret(store: WorkstationStore, hasher: SecretHasher, now: dt.datetime, login: str,
                 secret: str, *, record: Record | None = None) -> None:
    """Give a login a new PIN or password and lift any lockout (a forgotten PIN)."""
    kind = check_strength(secret)
    hashed = hasher.hash(secret)
    with store.write() as session:
        officer = _officer(session, login)
        officer.failed_count, officer.last_failed_at, officer.locked_until = 0, None, None
        set_credential(session, officer.id, kind, hashed, now)
        if record is not None:
            record(session)


def set_credential(session: Session, officer_id: int, kind: str, hashed: str,
                   now: dt.datetime) -> None:
    credential = session.get(Credential, officer_id)
    if credential is None:
        session.add(Credential(officer_id=officer_id, kind=kind, hash=hashed, set_at=now))
    else:
        credential.kind, credential.hash, credential.set_at = kind, hashed, now


def _officer(session: Session, login: str) -> Officer:
    officer = session.scalars(select(Officer).where(Officer.login == login)).first()
    if officer is None:
        raise LookupError(f"no officer {login!r}")
    return officer


def still_enrolled(store: WorkstationStore, officer_id: int, login: str, role: str) -> bool:
    """Does the store (perhaps restored or replaced meanwhile) still know this officer, active
    and in this role?"""
    with store.read() as session:
        officer = session.get(Officer, officer_id)
        return (officer is not None and officer.login == login and officer.active
                and officer.role == role)


def is_admin(store: WorkstationStore, login: str) -> bool:
    with store.read() as session:
        officer = session.scalars(select(Officer).where(Officer.login == login.strip())).first()
        return officer is not None and officer.role == "admin"


def has_admin(store: WorkstationStore) -> bool:
    with store.read() as session:
        return session.scalars(select(Officer.id).where(
            Officer.role == "admin", Officer.active.is_(True))).first() is not None


def list_officers(store: WorkstationStore, *, active_only: bool = True) -> tuple[OfficerInfo, ...]:
    query = select(Officer).order_by(Officer.role, Officer.login)
    if active_only:
        query = query.where(Officer.active.is_(True))
    with store.read() as session:
        return tuple(_info(row) for row in session.scalars(query))


def enrol_duty_staff(
    store: WorkstationStore,
    hasher: SecretHasher,
    now: dt.datetime,
    replica: str | Path,
    secret: str,
    record: Callable[[str, str], Record] | None = None,
) -> tuple[OfficerInfo, ...]:
    """Enrol every active duty leader and duty officer on the replica's roster with one
    initial secret (the demo, or a first install; each officer then sets their own).
    ``record(name, role)``: the audit row of each enrolment."""
    from desktop.models.replica import reading
    from desktop.models.schema import Person

    with reading(replica) as session:
        people = session.execute(
            select(Person.code, Person.name, Person.role)
            .where(Person.role.in_(("duty_leader", "duty_officer")), Person.active.is_(True))
            .order_by(Person.code)).all()
    return tuple(enrol(store, hasher, now, login=name, name=name, role=role, secret=secret,
                       person_code=code, record=record(name, role) if record else None)
                 for code, name, role in people)


DEMO_EXTRA = (("管理员", "admin"), ("演练组织者", "drill_coordinator"))


def enrol_demo_desk(store: WorkstationStore, hasher: SecretHasher, now: dt.datetime,
                    replica: str | Path, secret: str) -> tuple[OfficerInfo, ...]:
    """On a demo street with an empty store: the duty staff, plus an administrator and a drill
    coordinator (logins 管理员 / 演练组织者), all with ``secret``. Does nothing once anyone
    is enrolled, so a demo restart never resets PINs."""
    if list_officers(store, active_only=False):
        return ()
    staff = enrol_duty_staff(store, hasher, now, replica, secret)
    extra = tuple(enrol(store, hasher, now, login=login, name=login, role=role, secret=secret)
                  for login, role in DEMO_EXTRA)
    return staff + extra
