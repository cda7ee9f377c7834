"""Acknowledgements and mutes recorded in the workstation store and read back by every window
of the workstation (ARCHITECTURE, "Alerts" and "Two windows")."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.workstation.audit import AuditFilter, query
from desktop.models.workstation.desk import Desk, NotPermitted, SignInRequired
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
CHEAP = SecretHasher(HashProfile.cheap())
DAY_AGO = NOW - dt.timedelta(days=1)


@pytest.fixture
def desks(tmp_path, clock):
    """Two desks on one store: the operator window's (signed in) and the wall's (nobody)."""
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="王值班", name="王值班", role="duty_officer", secret="135790")
    enrol(store, CHEAP, NOW, login="赵组织", name="赵组织", role="drill_coordinator",
          secret="246802")
    operator = Desk(store, clock=clock, hasher=CHEAP)
    operator.sign_in("王值班", "135790")
    wall_store, _ = open_store(tmp_path / "ws.db", NOW)
    return operator, Desk(wall_store, clock=clock, hasher=CHEAP)


def test_an_acknowledgement_at_one_window_is_read_by_the_other(desks):
    operator, wall = desks
    assert wall.shared_alerts(DAY_AGO).acknowledged == frozenset()
    operator.acknowledge_alerts("INC-1, INC-2", ["7:new", "9:raised:2"])
    assert wall.shared_alerts(DAY_AGO).acknowledged == {"7:new", "9:raised:2"}
    row = query(operator.store, AuditFilter(actions=frozenset({"acknowledge"})))[0]
    assert (row.officer_name, row.target) == ("王值班", "INC-1, INC-2")  # for people, too
    assert wall.shared_alerts(NOW + MINUTE).acknowledged == frozenset()  # only since


def test_a_mute_runs_for_its_time_and_can_be_ended_early(desks, clock):
    operator, wall = desks
    until = operator.mute_alerts(30)
    assert until == NOW + 30 * MINUTE
    shared = wall.shared_alerts(DAY_AGO)
    assert shared.muted(NOW) and shared.muted_until == until and shared.muted_by == "王值班"
    clock.now = NOW + 29 * MINUTE
    assert wall.shared_alerts(DAY_AGO).muted(clock.now)
    clock.now = NOW + 30 * MINUTE
    assert wall.shared_alerts(DAY_AGO).muted_until is None  # over
    clock.now = NOW + 40 * MINUTE
    operator.touch()  # (still at the desk: no idle sign-out)
    operator.mute_alerts(15)
    clock.now += 5 * MINUTE
    operator.mute_alerts(0)  # ended early: the newest mute decides
    assert not wall.shared_alerts(DAY_AGO).muted(clock.now)


def test_muting_needs_an_officer_allowed_to_mute(desks, clock):
    operator, wall = desks
    with pytest.raises(SignInRequired):
        wall.mute_alerts(30)  # nobody signed in at the wall
    operator.sign_out()
    operator.sign_in("赵组织", "246802")  # a drill coordinator may not mute
    with pytest.raises(NotPermitted):
        operator.mute_alerts(30)
    assert not wall.shared_alerts(DAY_AGO).muted(clock.now)
