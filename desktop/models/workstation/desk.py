"""The desk: the one service object the views call for anything that must be recorded.

It knows who is signed in (in this process), signs them out when idle,
checks permissions, and records every act in the workstation store. When the
store fails, the desk says "recording unavailable" (``DeskState``) and refuses
recorded acts — a reveal nobody can audit is not made — while everything
unrecorded (the wall itself) carries on. Listeners may be called from a worker
thread; the Qt side re-emits them as signals.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.models import clock as process_clock
from desktop.models.clock import Clock
from desktop.models.handover import HandoverPackage
from desktop.models.reveal import Contact, RevealTarget
from desktop.models.workstation import alert_acts, audit, auth, duty_log, handovers, officers
from desktop.models.workstation.audit import REVEAL_REASONS
from desktop.models.workstation.auth import LockoutPolicy, SignedIn
from desktop.models.workstation.officers import OfficerInfo, Record
from desktop.models.workstation.passwords import SecretHasher
from desktop.models.workstation.roles import ACKNOWLEDGE, MANAGE_OFFICERS, MUTE_ALERT, WRITE_LOG
from desktop.models.workstation.store import StoreChanged, StoreUnavailable, WorkstationStore

if TYPE_CHECKING:  # after-action brings numpy and shapely: not on the start-up path
    from desktop.models.after_action import Findings, ReplayNote

log = logging.getLogger(__name__)

REVEAL_REASON = {t.code: t for t in REVEAL_REASONS}


@dataclass(frozen=True)
class DeskPolicy:
    idle_timeout: dt.timedelta = dt.timedelta(minutes=15)
    reveal_for: dt.timedelta = dt.timedelta(seconds=60)
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)


@dataclass(frozen=True)
class StoreChange:
    """The store was restored or replaced under the running desk (codes; the views say it)."""

    how: str  # restored | replaced
    at: dt.datetime
    signed_out: str = ""  # the officer signed out because the store no longer knows them


@dataclass(frozen=True)
class DeskState:
    officer: SignedIn | None
    recording: bool
    problem: str = ""  # why recording is unavailable
    notice: str = ""  # what happened to the store at start (e.g. recovered from a backup)
    epoch: int = 0  # counts store changes noticed: lists showing store rows reload on a change
    change: StoreChange | None = None  # the last one
    break_glass: tuple[audit.AuditEntry, ...] = ()  # shown to the administrator signed in


@dataclass(frozen=True)
class Revealed:
    contact: Contact
    reason: str
    revealed_at: dt.datetime
    expires_at: dt.datetime


class SignInRequired(PermissionError):
    def __init__(self) -> None:
        super().__init__("sign in first")


class NotPermitted(PermissionError):
    def __init__(self, role: str, permission: str) -> None:
        super().__init__(f"role {role} may not {permission}")
        self.permission = permission


Listener = Callable[[DeskState], None]


class Desk:
    def __init__(
        self,
        store: WorkstationStore | None,
        *,
        clock: Clock = process_clock.now,
        hasher: SecretHasher | None = None,
        policy: DeskPolicy | None = None,
        fetch_contact: Callable[[RevealTarget], Contact] | None = None,
        problem: str = "",
        notice: str = "",
    ) -> None:
        self.store = store
        self.clock = clock
        self.policy = policy or DeskPolicy()
        self._hasher = hasher
        self._fetch_contact = fetch_contact
        self._lock = threading.RLock()
        self._officer: SignedIn | None = None
        self._last_activity = clock()
        self._recording = store is not None
        self._problem = problem or ("" if store is not None else "workstation store not open")
        self.notice = notice
        self._epoch = 0
        self._change: StoreChange | None = None
        self._break_glass: tuple[audit.AuditEntry, ...] = ()
        self._listeners: list[Listener] = []

    # ------------------------------------------------------------ state

    @property
    def hasher(self) -> SecretHasher:
        if self._hasher is None:
            self._hasher = SecretHasher()
        return self._hasher

    @property
    def state(self) -> DeskState:
        with self._lock:
            return DeskState(self._officer, self._recording, self._problem, self.notice,
                             self._epoch, self._change, self._break_glass)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self) -> None:
        state = self.state
        for listener in list(self._listeners):
            listener(state)

    def _set_recording(self, recording: bool, problem: str) -> None:
        with self._lock:
            changed = (recording, problem) != (self._recording, self._problem)
            self._recording, self._problem = recording, problem
        if changed:
            if not recording:
                log.error("recording unavailable: %s", problem)
            self._notify()

    @contextmanager
    def _recorded(self) -> Iterator[WorkstationStore]:
        """Use the store; a failure flips the desk to 'recording unavailable' and re-raises."""
        if self.store is None:
            raise StoreUnavailable(self._problem or "workstation store not open")
        try:
            yield self.store
        except StoreChanged as change:
            self._adopt(change)
            raise
        except StoreUnavailable as error:
            self._set_recording(False, str(error))
            raise
        else:
            if not self._recording:
                self._set_recording(True, "")
        self.store.backup_if_due(self.clock())

    def _adopt(self, change: StoreChanged) -> None:
        """Another (or an older) store is in place: go on with it, sign out an officer it no
        longer knows, record what happened, and tell the listeners (their lists reload)."""
        store = self.store
        assert store is not None
        store.adopt(change)
        with self._lock:
            officer = self._officer
        gone = officer is not None and not officers.still_enrolled(
            store, officer.officer_id, officer.login, officer.role)
        if gone:
            self._swap(None)
        now = self.clock()
        try:
            with store.write() as session:
                audit.record(session, now, "store_changed", None, target=store.path.name,
                             detail=f"{change.how}; signed out: {officer.login}" if gone and
                             officer else change.how)
        except StoreUnavailable as error:
            log.error("store change not recorded: %s", error)
        with self._lock:
            self._epoch += 1
            self._change = StoreChange(change.how, now, officer.name if gone and officer else "")
            if gone:
                self._break_glass = ()
        log.warning("%s%s", change, f"; {officer.login} signed out" if gone and officer else "")
        self._notify()

    def check_store(self) -> bool:
        """Health check (call every half minute or so, off the GUI thread)."""
        if self.store is None:
            return False
        try:
            self.store.check()
        except StoreChanged as change:
            self._adopt(change)
            return True
        except StoreUnavailable as error:
            self._set_recording(False, str(error))
            return False
        self._set_recording(True, "")
        return True

    # ------------------------------------------------------------ who is at the desk

    @property
    def officer(self) -> SignedIn | None:
        self.expire_idle()
        with self._lock:
            return self._officer

    def touch(self) -> None:
        """The officer did something: the idle clock starts again."""
        with self._lock:
            self._last_activity = self.clock()

    def idle_left(self) -> dt.timedelta | None:
        with self._lock:
            if self._officer is None:
                return None
            return self.policy.idle_timeout - (self.clock() - self._last_activity)

    def expire_idle(self) -> bool:
        """Sign out an officer idle longer than the timeout; True when that happened."""
        left = self.idle_left()
        if left is None or left > dt.timedelta(0):
            return False
        self.sign_out(reason="idle")
        return True

    def sign_in(self, login: str, secret: str) -> SignedIn:
        """Raises auth.WrongSecret, auth.LockedOut or StoreUnavailable. Slow (hash check):
        call it off the GUI thread."""
        with self._recorded() as store:
            signed = auth.sign_in(store, self.hasher, self.policy.lockout, self.clock(),
                                  login, secret)
            shown = self._take_break_glass(store, signed) if signed.role == "admin" else ()
        with self._lock:
            self._break_glass = shown
        previous = self._swap(signed)
        if previous is not None:
            self._close(previous, "replaced")
        self._notify()
        return signed

    def _take_break_glass(self, store: WorkstationStore,
                          signed: SignedIn) -> tuple[audit.AuditEntry, ...]:
        """Break-glass acts at the command line since an administrator last saw them: shown
        to this one, and recorded as seen."""
        unseen = audit.unseen_break_glass(store)
        if unseen:
            with store.write() as session:
                audit.record(session, self.clock(), "break_glass_seen", signed.actor,
                             detail=", ".join(str(entry.id) for entry in unseen))
        return unseen

    def sign_out(self, reason: str = "sign_out") -> None:
        with self._lock:
            self._break_glass = ()
        previous = self._swap(None)
        if previous is not None:
            self._close(previous, reason)
            self._notify()

    def _swap(self, officer: SignedIn | None) -> SignedIn | None:
        with self._lock:
            previous, self._officer = self._officer, officer
            self._last_activity = self.clock()
            return previous

    def _close(self, officer: SignedIn, reason: str) -> None:
        try:
            with self._recorded() as store:
                auth.close_session(store, officer, self.clock(), reason)
        except StoreUnavailable:
            log.warning("sign-out of %s not recorded: store unavailable", officer.login)

    def may(self, permission: str) -> bool:
        officer = self.officer
        return officer is not None and officer.can(permission)

    def require(self, permission: str) -> SignedIn:
        officer = self.officer
        if officer is None:
            raise SignInRequired()
        if not officer.can(permission):
            raise NotPermitted(officer.role, permission)
        self.touch()
        return officer

    def officers(self, *, active_only: bool = True) -> tuple[OfficerInfo, ...]:
        with self._recorded() as store:
            return officers.list_officers(store, active_only=active_only)

    def change_own_secret(self, current: str, new: str) -> None:
        """The signed-in officer sets their own PIN (slow: two hashes; off the GUI thread)."""
        officer = self.officer
        if officer is None:
            raise SignInRequired()
        self.touch()
        with self._recorded() as store:
            auth.change_secret(store, self.hasher, self.policy.lockout, self.clock(), officer,
                               current, new)

    # ------------------------------------------------------------ managing officers

    def enrol_officer(self, *, login: str, name: str, role: str, secret: str,
                      person_code: str | None = None) -> OfficerInfo:
        """Add an officer, or give an existing login a new name, role and secret (slow: the
        hash; call it off the GUI thread). Raises WeakSecret, ValueError, NotPermitted."""
        actor = self.require(MANAGE_OFFICERS).actor
        target = f"{name.strip()} ({login.strip()})"
        with self._recorded() as store:
            return officers.enrol(store, self.hasher, self.clock(), login=login, name=name,
                                  role=role, secret=secret, person_code=person_code,
                                  record=self._audit("enrol", actor, target, role))

    def set_officer_active(self, login: str, active: bool) -> None:
        actor = self.require(MANAGE_OFFICERS).actor
        action = "officer_enabled" if active else "officer_disabled"
        with self._recorded() as store:
            officers.set_active(store, login, active, record=self._audit(action, actor, login))

    def reset_officer_secret(self, login: str, secret: str) -> None:
        """A new PIN or password for ``login``, lockout lifted (slow: the hash)."""
        actor = self.require(MANAGE_OFFICERS).actor
        with self._recorded() as store:
            officers.reset_secret(store, self.hasher, self.clock(), login, secret,
                                  record=self._audit("secret_reset", actor, login))

    def _audit(self, action: str, actor: audit.Actor, target: str,
               detail: str = "") -> Record:
        return lambda session: audit.record(session, self.clock(), action, actor,
                                            target=target, detail=detail)

    # ------------------------------------------------------------ recorded acts

    def record(self, action: str, permission: str, *, target: str = "", reason: str = "",
               detail: str = "") -> None:
        """A recorded act with nothing else to store: print, export, mute, acknowledge an alert."""
        officer = self.require(permission)
        with self._recorded() as store, store.write() as session:
            audit.record(session, self.clock(), action, officer.actor, target=target,
                         reason=reason, detail=detail)

    def acknowledge_alerts(self, codes: str, keys: Iterable[str]) -> None:
        """Record acknowledged alerts: ``codes`` for people, ``keys`` for the other windows."""
        self.record("acknowledge", ACKNOWLEDGE, target=codes,
                    detail=alert_acts.acknowledge_detail(keys))

    def mute_alerts(self, minutes: int) -> dt.datetime:
        """Mute the alert sound on every window of this workstation for ``minutes`` (0: end a
        mute now); returns when it ends. The banner still flashes."""
        until = self.clock() + dt.timedelta(minutes=minutes)
        self.record("mute", MUTE_ALERT, target=f"{minutes} min",
                    detail=alert_acts.mute_detail(until))
        return until

    def shared_alerts(self, since: dt.datetime) -> alert_acts.SharedAlerts:
        """Acknowledgements and mutes any window recorded (no sign-in needed to obey them)."""
        with self._recorded() as store:
            return alert_acts.shared_alerts(store, self.clock(), since)

    def reveal(self, target: RevealTarget, reason: str) -> Revealed:
        """Fetch one contact in full and record who saw it and why; the value is never stored."""
        officer = self.require(target.permission)
        if reason not in REVEAL_REASON:
            raise ValueError(f"unknown reveal reason {reason!r}")
        if self._fetch_contact is None:
            raise StoreUnavailable("no replica to reveal from")
        if not self.state.recording:
            raise StoreUnavailable(self._problem or "recording unavailable")
        contact = self._fetch_contact(target)
        now = self.clock()
        with self._recorded() as store, store.write() as session:
            audit.record(session, now, "reveal", officer.actor,
                         target=f"{target.label} [{target.kind} {target.ref}]",
                         reason=reason, detail=contact.masked)
        return Revealed(contact, reason, now, now + self.policy.reveal_for)

    def add_log_entry(self, category: str, text: str, *, occurred_at: dt.datetime | None = None,
                      link: duty_log.LogLink | None = None,
                      corrects: int | None = None) -> duty_log.LogEntry:
        officer = self.require("write_log")
        with self._recorded() as store, store.write() as session:
            return duty_log.append(session, officer.actor, self.clock(), category=category,
                                   text=text, occurred_at=occurred_at, link=link,
                                   corrects=corrects)

    def log_entries(self, since: dt.datetime, until: dt.datetime) -> tuple[
            duty_log.LogEntry, ...]:
        with self._recorded() as store:
            return duty_log.entries(store, since, until)

    def save_findings(self, scope: str, problems: str, actions: str) -> Findings:
        """问题与整改 of an after-action report (the drill coordinator writes them)."""
        from desktop.models.workstation import findings

        officer = self.require(WRITE_LOG)
        with self._recorded() as store, store.write() as session:
            return findings.save(session, officer.actor, self.clock(), scope, problems, actions)

    def findings(self, scope: str) -> Findings | None:
        from desktop.models.workstation import findings

        with self._recorded() as store:
            return findings.latest(store, scope)

    def save_bookmark(self, scope: str, at: dt.datetime, name: str, note: str = "",
                      mark: str = "", deleted: bool = False) -> ReplayNote:
        """A replay bookmark of ``scope`` (new, or a revision of ``mark``: edit or delete)."""
        from desktop.models.workstation import bookmarks

        officer = self.require(WRITE_LOG)
        with self._recorded() as store, store.write() as session:
            return bookmarks.save(session, officer.actor, self.clock(), scope, at, name, note,
                                  mark, deleted)

    def bookmarks(self, scope: str) -> tuple[ReplayNote, ...]:
        from desktop.models.workstation import bookmarks

        with self._recorded() as store:
            return bookmarks.current(store, scope)

    def record_export(self, action: str, permission: str, what: str, path: Path,
                      detail: str = "") -> str:
        """Record a file just written (who, what, when, its SHA-256); returns the hash. If
        the record cannot be written the file is removed and the error raised: an export
        without its audit row does not exist."""
        from desktop.models.file_digest import sha256_of

        try:
            digest = sha256_of(path)
            self.record(action, permission, target=f"{what} → {path.name}",
                        detail=(f"{detail}; " if detail else "") + f"sha256 {digest}")
        except BaseException:
            Path(path).unlink(missing_ok=True)
            raise
        return digest

    def write_handover(self, package: HandoverPackage, notes: str) -> handovers.WrittenHandover:
        officer = self.require("write_handover")
        with self._recorded() as store, store.write() as session:
            return handovers.write(session, officer.actor, self.clock(), package, notes)

    def acknowledge_handover(self, written: handovers.WrittenHandover,
                             remarks: str = "") -> handovers.WrittenHandover:
        officer = self.require("acknowledge")
        with self._recorded() as store, store.write() as session:
            return handovers.acknowledge(session, officer.actor, self.clock(), written.id,
                                         written.digest, remarks)

    def handovers_between(self, since: dt.datetime, until: dt.datetime) -> tuple[
            handovers.WrittenHandover, ...]:
        with self._recorded() as store:
            return handovers.between(store, since, until)

    def latest_handover(self) -> handovers.WrittenHandover | None:
        with self._recorded() as store:
            return handovers.latest(store)

    def audit_log(self, wanted: audit.AuditFilter | None = None) -> tuple[audit.AuditEntry, ...]:
        self.require("view_audit")
        with self._recorded() as store:
            return audit.query(store, wanted or audit.AuditFilter())

    def audit_csv(self, entries: tuple[audit.AuditEntry, ...], *, english: bool = False,
                  destination: str = "") -> str:
        """The CSV text, after recording the export (the caller writes the file)."""
        self.require("view_audit")
        self.record("export", "export", target="audit log CSV",
                    detail=f"{len(entries)} rows {destination}".strip())
        return audit.to_csv(entries, english=english)
