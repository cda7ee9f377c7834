"""Signing in and out at the desk: lockout after failures, idle timeout on an injected clock."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models.workstation.auth import LockedOut, LockoutPolicy, WrongSecret
from desktop.models.workstation.desk import Desk, DeskPolicy
from desktop.models.workstation.officers import enrol, set_active
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import AuditRecord, DeskSession

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
CHEAP = SecretHasher(HashProfile.cheap())


@pytest.fixture
def store(tmp_path):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="王值班", name="王值班", role="duty_officer", secret="135790",
          person_code="420606001001P0101")
    enrol(store, CHEAP, NOW, login="刘带班", name="刘带班", role="duty_leader", secret="864213")
    return store


def _desk(store, clock, **policy):
    return Desk(store, clock=clock, hasher=CHEAP, policy=DeskPolicy(**policy))


def _audit(store):
    with store.read() as session:
        return [(r.action, r.officer_name, r.reason, r.detail)
                for r in session.scalars(select(AuditRecord).order_by(AuditRecord.id))]


def test_sign_in_and_out_are_recorded_with_a_desk_session(store, clock):
    desk = _desk(store, clock)
    states = []
    desk.subscribe(states.append)
    officer = desk.sign_in(" 王值班 ", "135790")
    assert (officer.name, officer.role) == ("王值班", "duty_officer")
    assert desk.officer == officer and states[-1].officer == officer
    clock.advance(5 * MINUTE)
    desk.sign_out()
    assert desk.officer is None and states[-1].officer is None
    assert _audit(store) == [("sign_in", "王值班", "", ""), ("sign_out", "王值班", "sign_out", "")]
    with store.read() as session:
        row = session.scalars(select(DeskSession)).one()
    assert (row.signed_in_at, row.signed_out_at, row.end_reason) == (NOW, NOW + 5 * MINUTE,
                                                                    "sign_out")


def test_the_next_sign_in_replaces_the_officer_at_the_desk(store, clock):
    desk = _desk(store, clock)
    desk.sign_in("王值班", "135790")
    desk.sign_in("刘带班", "864213")
    assert desk.officer.name == "刘带班"
    assert [(a, n, r) for a, n, r, _ in _audit(store)] == [
        ("sign_in", "王值班", ""), ("sign_in", "刘带班", ""), ("sign_out", "王值班", "replaced")]


def test_wrong_pin_counts_down_then_locks_out(store, clock):
    desk = _desk(store, clock, lockout=LockoutPolicy(max_failures=3, lock_for=10 * MINUTE))
    remaining = []
    for _ in range(2):
        with pytest.raises(WrongSecret) as refused:
            desk.sign_in("王值班", "000000")
        remaining.append(refused.value.remaining)
    assert remaining == [2, 1]
    with pytest.raises(LockedOut) as locked:
        desk.sign_in("王值班", "000000")
    assert locked.value.until == NOW + 10 * MINUTE
    clock.advance(5 * MINUTE)
    with pytest.raises(LockedOut):  # even the right PIN, while locked
        desk.sign_in("王值班", "135790")
    assert desk.officer is None
    clock.advance(5 * MINUTE)
    assert desk.sign_in("王值班", "135790").name == "王值班"
    actions = [a for a, *_ in _audit(store)]
    assert actions == ["sign_in_failed", "sign_in_failed", "sign_in_failed", "locked_out",
                       "sign_in"]


def test_lockout_is_shared_by_every_desk_on_the_store(store, clock):
    policy = {"lockout": LockoutPolicy(max_failures=2)}
    for desk in (_desk(store, clock, **policy), _desk(store, clock, **policy)):
        with pytest.raises((WrongSecret, LockedOut)):
            desk.sign_in("刘带班", "111111")
    with pytest.raises(LockedOut):
        _desk(store, clock, **policy).sign_in("刘带班", "864213")


def test_old_failures_are_forgotten_after_the_window(store, clock):
    desk = _desk(store, clock, lockout=LockoutPolicy(max_failures=2, window=10 * MINUTE))
    with pytest.raises(WrongSecret):
        desk.sign_in("王值班", "000000")
    clock.advance(11 * MINUTE)
    with pytest.raises(WrongSecret) as refused:
        desk.sign_in("王值班", "000000")
    assert refused.value.remaining == 1


def test_a_good_sign_in_clears_the_failure_count(store, clock):
    desk = _desk(store, clock, lockout=LockoutPolicy(max_failures=2))
    with pytest.raises(WrongSecret):
        desk.sign_in("王值班", "000000")
    desk.sign_in("王值班", "135790")
    with pytest.raises(WrongSecret) as refused:
        desk.sign_in("王值班", "000000")
    assert refused.value.remaining == 1


def test_unknown_names_and_inactive_officers_are_refused_without_naming_them(store, clock):
    desk = _desk(store, clock)
    with pytest.raises(WrongSecret) as refused:
        desk.sign_in("不存在", "135790")
    assert refused.value.remaining is None
    set_active(store, "王值班", False)
    with pytest.raises(WrongSecret):
        desk.sign_in("王值班", "135790")
    assert _audit(store)[0] == ("sign_in_failed", "", "", "unknown name")
    assert all("不存在" not in str(row) for row in _audit(store))


def test_idle_officer_is_signed_out_by_the_injected_clock(store, clock):
    desk = _desk(store, clock, idle_timeout=10 * MINUTE)
    desk.sign_in("王值班", "135790")
    clock.advance(9 * MINUTE)
    assert desk.idle_left() == MINUTE
    desk.touch()  # activity restarts the idle clock
    clock.advance(9 * MINUTE)
    assert desk.officer is not None
    assert not desk.expire_idle()
    clock.advance(MINUTE)
    assert desk.expire_idle()
    assert desk.officer is None and desk.idle_left() is None
    assert _audit(store)[-1] == ("sign_out", "王值班", "idle", "")


def test_reading_the_officer_after_the_timeout_signs_them_out(store, clock):
    desk = _desk(store, clock, idle_timeout=10 * MINUTE)
    desk.sign_in("王值班", "135790")
    clock.advance(10 * MINUTE)
    assert desk.officer is None
    assert not desk.may("write_log")
