"""Signing in at the desk: check the secret, count failures, lock out, open a desk session.

Failure counts live in the store, not in memory, so a second window or a
restart cannot be used to reset them. The slow hash check runs outside any
write transaction (the other process is never held up by it); counters are
then updated with SQL arithmetic so two simultaneous failures both count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy import select, update

from desktop.models.workstation import audit
from desktop.models.workstation.officers import permissions_of, set_credential
from desktop.models.workstation.passwords import SecretHasher, check_strength
from desktop.models.workstation.schema import Credential, DeskSession, Officer
from desktop.models.workstation.store import WorkstationStore


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    window: dt.timedelta = dt.timedelta(minutes=15)  # failures older than this are forgotten
    lock_for: dt.timedelta = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class SignedIn:
    """The officer at the desk, with the permissions their role had at sign-in."""

    officer_id: int
    login: str
    name: str
    role: str
    permissions: frozenset[str]
    session_id: int
    signed_in_at: dt.datetime

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    @property
    def actor(self) -> audit.Actor:
        return audit.Actor(self.officer_id, self.name, self.role)


class SignInRefused(Exception):
    """Base of the reasons a sign-in did not succeed."""


class WrongSecret(SignInRefused):
    def __init__(self, remaining: int | None) -> None:
        super().__init__("name or PIN not recognised")
        self.remaining = remaining  # attempts left before a lockout (None: unknown name)


class LockedOut(SignInRefused):
    def __init__(self, until: dt.datetime) -> None:
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until


def _known(store: WorkstationStore, login: str) -> tuple[int, str, dt.datetime | None] | None:
    with store.read() as session:
        row = session.execute(
            select(Officer.id, Credential.hash, Officer.locked_until)
            .join(Credential, Credential.officer_id == Officer.id)
            .where(Officer.login == login, Officer.active.is_(True))).first()
    return (row[0], row[1], row[2]) if row else None


def _checked(store: WorkstationStore, hasher: SecretHasher, policy: LockoutPolicy,
             now: dt.datetime, login: str, secret: str, *, record_unknown: bool,
             ) -> tuple[int, str]:
    """(officer id, stored hash) when ``secret`` is that active officer's: the one check of
    a PIN, with the lockout (a wrong one counts toward it). Raises WrongSecret, LockedOut."""
    known = _known(store, login)
    if known is None:
        hasher.burn(secret)  # the same time as a known name: no way to probe for names
        if record_unknown:
            with store.write() as session:
                audit.record(session, now, "sign_in_failed", None, detail="unknown name")
        raise WrongSecret(None)
    officer_id, stored_hash, locked_until = known
    if locked_until is not None and now < locked_until:
        raise LockedOut(locked_until)
    if not hasher.verify(stored_hash, secret):
        _count_failure(store, policy, now, officer_id)
    return officer_id, stored_hash


def sign_in(store: WorkstationStore, hasher: SecretHasher, policy: LockoutPolicy,
            now: dt.datetime, login: str, secret: str) -> SignedIn:
    officer_id, stored_hash = _checked(store, hasher, policy, now, login.strip(), secret,
                                       record_unknown=True)
    return _open_session(store, hasher, now, officer_id, secret, stored_hash)


class NotAdministrator(SignInRefused):
    def __init__(self, login: str) -> None:
        super().__init__(f"{login} is not an active administrator")


def authorise_admin(store: WorkstationStore, hasher: SecretHasher, policy: LockoutPolicy,
                    now: dt.datetime, login: str, secret: str) -> audit.Actor:
    """An administrator's PIN, given at the command line for an act on an administrator:
    checked like a sign-in (a wrong one counts toward the lockout) but opens no desk
    session. Raises WrongSecret, LockedOut, NotAdministrator."""
    login = login.strip()
    officer_id, _hash = _checked(store, hasher, policy, now, login, secret,
                                 record_unknown=False)
    with store.read() as session:
        officer = session.get(Officer, officer_id)
        assert officer is not None
        if officer.role != "admin":
            raise NotAdministrator(login)
        return audit.Actor(officer.id, officer.name, officer.role)


class SameSecret(ValueError):
    """Refused: the new PIN is the current one."""


def change_secret(store: WorkstationStore, hasher: SecretHasher, policy: LockoutPolicy,
                  now: dt.datetime, signed: SignedIn, current: str, new: str) -> None:
    """The signed-in officer's own new PIN or password, after their current one (a wrong one
    counts toward the lockout like a failed sign-in). Raises WrongSecret, LockedOut,
    WeakSecret, SameSecret."""
    officer_id, _hash = _checked(store, hasher, policy, now, signed.login, current,
                                 record_unknown=False)  # unknown: disabled meanwhile
    kind = check_strength(new)
    if new == current:
        raise SameSecret("the new PIN is the current one")
    hashed = hasher.hash(new)
    with store.write() as session:
        set_credential(session, officer_id, kind, hashed, now)
        audit.record(session, now, "secret_changed", signed.actor, target=signed.login)


def _count_failure(store: WorkstationStore, policy: LockoutPolicy, now: dt.datetime,
                   officer_id: int) -> NoReturn:
    with store.write() as session:
        officer = session.get(Officer, officer_id)
        assert officer is not None
        recent = officer.last_failed_at is not None and now - officer.last_failed_at < policy.window
        session.execute(update(Officer).where(Officer.id == officer_id).values(
            failed_count=(Officer.failed_count + 1) if recent else 1, last_failed_at=now))
        session.refresh(officer)
        actor = audit.Actor(officer.id, officer.name, officer.role)
        audit.record(session, now, "sign_in_failed", actor,
                     detail=f"failure {officer.failed_count}/{policy.max_failures}")
        locked = officer.failed_count >= policy.max_failures
        if locked:
            officer.locked_until = now + policy.lock_for
            officer.failed_count = 0
            audit.record(session, now, "locked_out", actor,
                         detail=f"until {officer.locked_until.isoformat()}")
        remaining = policy.max_failures - officer.failed_count
        until = officer.locked_until
    if locked and until is not None:
        raise LockedOut(until)
    raise WrongSecret(remaining)


def _open_session(store: WorkstationStore, hasher: SecretHasher, now: dt.datetime,
                  officer_id: int, secret: str, stored_hash: str) -> SignedIn:
    new_hash = hasher.hash(secret) if hasher.needs_rehash(stored_hash) else None
    with store.write() as session:
        officer = session.get(Officer, officer_id)
        assert officer is not None
        officer.failed_count, officer.last_failed_at, officer.locked_until = 0, None, None
        if new_hash is not None:
            credential = session.get(Credential, officer_id)
            if credential is not None:
                credential.hash = new_hash
        desk_session = DeskSession(officer_id=officer_id, signed_in_at=now,
                                   workstation=audit.WORKSTATION)
        session.add(desk_session)
        session.flush()
        signed = SignedIn(officer.id, officer.login, officer.name, officer.role,
                          permissions_of(session, officer.role), desk_session.id, now)
        audit.record(session, now, "sign_in", signed.actor, target=officer.login)
    return signed


def close_session(store: WorkstationStore, signed: SignedIn, now: dt.datetime,
                  reason: str) -> None:
    with store.write() as session:
        row = session.get(DeskSession, signed.session_id)
        if row is not None and row.signed_out_at is None:
            row.signed_out_at, row.end_reason = now, reason
        audit.record(session, now, "sign_out", signed.actor, reason=reason)
