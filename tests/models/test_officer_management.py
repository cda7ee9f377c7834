"""Managing who may sign in: the first administrator from the command line, then officers
enrolled, disabled, enabled and given new PINs by an administrator at the desk; every change
recorded."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from desktop.models.workstation.audit import AuditFilter, query
from desktop.models.workstation.auth import LockedOut, SameSecret, SignInRefused, WrongSecret
from desktop.models.workstation.desk import Desk, NotPermitted
from desktop.models.workstation.officers import LastAdministrator, enrol, list_officers
from desktop.models.workstation.passwords import HashProfile, SecretHasher, WeakSecret
from desktop.models.workstation.recovery import open_store

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
CHEAP = SecretHasher(HashProfile.cheap())


@pytest.fixture
def admin_desk(tmp_path, clock):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="张管理", name="张管理", role="admin", secret="135790")
    desk = Desk(store, clock=clock, hasher=CHEAP)
    desk.sign_in("张管理", "135790")
    return desk


def test_an_administrator_enrols_disables_enables_and_resets(admin_desk):
    desk = admin_desk
    info = desk.enrol_officer(login="王值班", name="王值班", role="duty_officer", secret="246810")
    assert info.role == "duty_officer" and info.active
    with pytest.raises(WeakSecret):
        desk.enrol_officer(login="短", name="短", role="duty_officer", secret="123")
    desk.set_officer_active("王值班", False)
    assert [o.login for o in desk.officers()] == ["张管理"]
    assert {o.login: o.active for o in desk.officers(active_only=False)} == {
        "张管理": True, "王值班": False}
    desk.set_officer_active("王值班", True)
    # Locked out by wrong PINs, then given a new one: the lockout is lifted too.
    for _ in range(10):
        try:
            desk.sign_in("王值班", "000000")
        except LockedOut:
            break
        except WrongSecret:
            continue
    with pytest.raises(LockedOut):
        desk.sign_in("王值班", "246810")
    desk.sign_in("张管理", "135790")
    desk.reset_officer_secret("王值班", "975310")
    signed = desk.sign_in("王值班", "975310")
    assert signed.role == "duty_officer"
    actions = [e.action for e in query(desk.store, AuditFilter(actions=frozenset({
        "enrol", "officer_enabled", "officer_disabled", "secret_reset"})))]
    assert actions == ["secret_reset", "officer_enabled", "officer_disabled", "enrol"]


def test_only_an_administrator_manages_and_the_last_one_stays(admin_desk):
    desk = admin_desk
    desk.enrol_officer(login="王值班", name="王值班", role="duty_officer", secret="246810")
    with pytest.raises(LastAdministrator):
        desk.set_officer_active("张管理", False)
    # A refused change leaves no audit row.
    assert not query(desk.store, AuditFilter(actions=frozenset({"officer_disabled"})))
    desk.sign_in("王值班", "246810")
    with pytest.raises(NotPermitted):
        desk.enrol_officer(login="李", name="李", role="admin", secret="111222")
    with pytest.raises(NotPermitted):
        desk.reset_officer_secret("张管理", "111222")
    with pytest.raises(SignInRefused):
        desk.sign_in("李", "111222")


def _cli(store, *args, pin=None):
    return subprocess.run([sys.executable, "-m", "desktop", "officers", *args],
                          input=pin, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, DUTYROOM_WORKSTATION_STORE=str(store)))


@pytest.mark.slow
def test_the_first_administrator_comes_from_the_command_line(tmp_path, clock):
    store_path = tmp_path / "ws.db"
    listed = _cli(store_path, "list")
    assert listed.returncode == 0 and "no officers enrolled" in listed.stdout
    weak = _cli(store_path, "add", "张管理", "--role", "admin", "--pin-stdin", pin="1357\n")
    assert weak.returncode == 1 and "6 digits" in weak.stderr and "Traceback" not in weak.stderr
    added = _cli(store_path, "add", "张管理", "--role", "admin", "--pin-stdin", pin="135790\n")
    assert added.returncode == 0, added.stderr
    refused = _cli(store_path, "disable", "张管理")
    assert refused.returncode == 1 and "last active administrator" in refused.stderr
    assert _cli(store_path, "disable", "nobody").returncode == 1
    store, _ = open_store(store_path, NOW)
    assert [(o.login, o.role) for o in list_officers(store)] == [("张管理", "admin")]
    desk = Desk(store, clock=clock)
    assert desk.sign_in("张管理", "135790").role == "admin"  # the real hash, as enrolled
    row = query(store, AuditFilter(actions=frozenset({"enrol"})))[0]
    assert row.target == "张管理 (张管理)" and "command line" in row.detail
    assert "135790" not in (store_path.read_bytes().decode("latin-1"))


def test_an_officer_sets_their_own_pin(admin_desk):
    """enrol-staff gives everyone one initial PIN; each officer then sets their own."""
    desk = admin_desk
    desk.enrol_officer(login="王值班", name="王值班", role="duty_officer", secret="246810")
    desk.sign_in("王值班", "246810")
    with pytest.raises(WrongSecret):
        desk.change_own_secret("000000", "975310")
    with pytest.raises(WeakSecret):
        desk.change_own_secret("246810", "975")
    with pytest.raises(SameSecret):
        desk.change_own_secret("246810", "246810")
    desk.change_own_secret("246810", "975310")
    desk.sign_out()
    with pytest.raises(WrongSecret):
        desk.sign_in("王值班", "246810")
    assert desk.sign_in("王值班", "975310").login == "王值班"
    rows = query(desk.store, AuditFilter(actions=frozenset({"secret_changed"})))
    assert [(r.officer_name, r.target) for r in rows] == [("王值班", "王值班")]
    desk.sign_out()
    with pytest.raises(PermissionError):
        desk.change_own_secret("975310", "135135")
