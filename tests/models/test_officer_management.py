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
    refused = _cli(store_path, "disable", "张管理", "--break-glass")
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


@pytest.mark.slow
def test_acts_on_an_administrator_at_the_shell_need_a_pin_or_break_glass(tmp_path, clock):
    """Shell access used to bypass the desk: reset-pin lifted an administrator's lockout and
    set a new PIN, add --role admin promoted anyone, with no PIN at all."""
    from desktop.models.workstation.audit import OS_ACCOUNT, WORKSTATION

    store_path = tmp_path / "ws.db"
    assert _cli(store_path, "add", "张管理", "--role", "admin", "--pin-stdin",
                pin="135790\n").returncode == 0  # the first administrator needs nobody
    refused = _cli(store_path, "reset-pin", "张管理", "--pin-stdin", pin="111111\n")
    assert refused.returncode == 1 and "--break-glass" in refused.stderr
    promoted = _cli(store_path, "add", "李四", "--role", "admin", "--pin-stdin",
                    pin="222333\n")
    assert promoted.returncode == 1 and "administrator's PIN" in promoted.stderr
    wrong = _cli(store_path, "add", "李四", "--role", "admin", "--admin", "张管理",
                 "--pin-stdin", pin="000000\n222333\n")
    assert wrong.returncode == 1 and "not recognised" in wrong.stderr
    added = _cli(store_path, "add", "李四", "--role", "admin", "--admin", "张管理",
                 "--pin-stdin", pin="135790\n222333\n")
    assert added.returncode == 0, added.stderr
    assert _cli(store_path, "add", "王五", "--role", "duty_officer", "--pin-stdin",
                pin="333444\n").returncode == 0  # not an administrator: no PIN needed
    glass = _cli(store_path, "reset-pin", "张管理", "--break-glass", "--pin-stdin",
                 pin="999888\n")
    assert glass.returncode == 0, glass.stderr

    store, _ = open_store(store_path, NOW)
    rows = query(store, AuditFilter())
    assert all(row.os_account == OS_ACCOUNT and row.workstation == WORKSTATION for row in rows)
    enrolled = [row for row in rows if row.action == "enrol" and "李四" in row.target]
    assert enrolled[0].officer_name == "张管理", "the authorising administrator is recorded"
    assert "command line" in enrolled[0].detail
    broken = [row for row in rows if row.action == "break_glass"]
    assert len(broken) == 1 and broken[0].target == "reset-pin 张管理"

    desk = Desk(store, clock=clock)
    desk.sign_in("王五", "333444")
    assert desk.state.break_glass == (), "shown to administrators only"
    desk.sign_in("李四", "222333")
    shown = desk.state.break_glass
    assert [entry.target for entry in shown] == ["reset-pin 张管理"]
    assert shown[0].os_account == OS_ACCOUNT
    desk.sign_out()
    desk.sign_in("张管理", "999888")
    assert desk.state.break_glass == (), "seen once by an administrator: not shown again"
