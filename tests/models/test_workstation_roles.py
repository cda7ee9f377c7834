"""Roles and permissions as data, and password storage with no plain text anywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from desktop.models.reveal import RevealTarget
from desktop.models.workstation import roles
from desktop.models.workstation.desk import Desk, NotPermitted, SignInRequired
from desktop.models.workstation.officers import (
    enrol,
    enrol_demo_desk,
    grants,
    list_officers,
    set_grant,
)
from desktop.models.workstation.passwords import (
    HashProfile,
    SecretHasher,
    WeakSecret,
    check_strength,
)
from desktop.models.workstation.recovery import open_store

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
CHEAP = SecretHasher(HashProfile.cheap())
PEOPLE = {  # login: (role, secret)
    "王值班": ("duty_officer", "135790"),
    "刘带班": ("duty_leader", "864213"),
    "周演练": ("drill_coordinator", "drill-2026"),
    "系统管理员": ("admin", "admin-pass-77"),
}


@pytest.fixture
def store(tmp_path):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    for login, (role, secret) in PEOPLE.items():
        enrol(store, CHEAP, NOW, login=login, name=login, role=role, secret=secret)
    return store


def _desk(store, login):
    desk = Desk(store, clock=lambda: NOW, hasher=CHEAP,
                fetch_contact=lambda target: pytest.fail("not reached"))
    desk.sign_in(login, PEOPLE[login][1])
    return desk


# who may reveal, acknowledge, export, view the audit
EXPECTED = {
    "duty_officer": {"reveal_staff_phone", "reveal_resident_contact", "acknowledge", "export",
                     "print", "write_log", "write_handover", "mute_alert"},
    "duty_leader": {"reveal_staff_phone", "reveal_resident_contact", "acknowledge", "export",
                    "print", "write_log", "write_handover", "mute_alert", "view_audit",
                    "export_personal"},
    "drill_coordinator": {"write_log", "print", "export"},
    "admin": {"view_audit", "manage_officers", "print", "export"},
}


def test_default_grants_are_stored_as_data(store):
    assert {role: set(permissions) for role, permissions in grants(store).items()} == EXPECTED
    assert set(EXPECTED) == set(roles.ROLE)
    assert all(p in roles.PERMISSION for ps in EXPECTED.values() for p in ps)


@pytest.mark.parametrize("login", list(PEOPLE))
def test_each_role_may_do_exactly_its_grants(store, login):
    desk = _desk(store, login)
    role = PEOPLE[login][0]
    for permission in roles.PERMISSION:
        assert desk.may(permission) == (permission in EXPECTED[role]), permission
        if permission not in EXPECTED[role]:
            with pytest.raises(NotPermitted):
                desk.require(permission)


def test_admin_and_drill_coordinator_cannot_reveal_or_acknowledge(store):
    target = RevealTarget("person_phone", "1", "带班领导 刘*")
    for login in ("系统管理员", "周演练"):
        desk = _desk(store, login)
        with pytest.raises(NotPermitted):
            desk.reveal(target, "incident_contact")
        with pytest.raises(NotPermitted):
            desk.require(roles.ACKNOWLEDGE)
    with pytest.raises(NotPermitted):
        _desk(store, "王值班").audit_log()


def test_nobody_signed_in_may_do_nothing_recorded(store):
    desk = Desk(store, clock=lambda: NOW, hasher=CHEAP)
    assert not any(desk.may(p) for p in roles.PERMISSION)
    with pytest.raises(SignInRequired):
        desk.add_log_entry("other", "无人签到")


def test_changing_a_grant_row_changes_what_a_role_may_do(store):
    set_grant(store, "duty_officer", roles.REVEAL_RESIDENT, False)
    assert not _desk(store, "王值班").may(roles.REVEAL_RESIDENT)
    set_grant(store, "admin", roles.WRITE_LOG, True)
    assert _desk(store, "系统管理员").may(roles.WRITE_LOG)
    with pytest.raises(ValueError):
        set_grant(store, "janitor", roles.PRINT, True)


def test_secrets_need_six_digits_or_eight_characters():
    assert check_strength("135790") == "pin"
    assert check_strength("long enough") == "password"
    for weak in ("1234", "12345", "short"):
        with pytest.raises(WeakSecret):
            check_strength(weak)


def test_no_secret_appears_in_the_store_file_only_argon2id_hashes(tmp_path):
    """Real hash parameters; then read every byte of the store (and its WAL)."""
    store, _ = open_store(tmp_path / "ws.db", NOW)
    hasher = SecretHasher()
    secrets = {"王值班": "975312", "刘带班": "correct horse battery"}
    for login, secret in secrets.items():
        enrol(store, hasher, NOW, login=login, name=login, role="duty_officer", secret=secret)
    desk = Desk(store, clock=lambda: NOW, hasher=hasher)
    desk.sign_in("王值班", "975312")
    with pytest.raises(Exception, match="not recognised"):
        desk.sign_in("刘带班", "wrong password typed")
    with store.read() as session:
        hashes = [row[0] for row in session.execute(
            text("SELECT hash FROM credential"))]
    assert len(hashes) == 2 and all(h.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
                                    for h in hashes)
    blob = b"".join(path.read_bytes() for path in tmp_path.iterdir() if path.is_file())
    for secret in (*secrets.values(), "wrong password typed"):
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in blob, secret
    assert [o.login for o in list_officers(store)] == ["刘带班", "王值班"]


def test_hash_made_with_old_parameters_still_verifies_and_is_upgraded(tmp_path):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="王值班", name="王值班", role="duty_officer", secret="135790")
    strong = SecretHasher(HashProfile(time_cost=2, memory_kib=8192, parallelism=1))
    Desk(store, clock=lambda: NOW, hasher=strong).sign_in("王值班", "135790")
    with store.read() as session:
        stored = session.execute(
            text("SELECT hash FROM credential")).scalar_one()
    assert "m=8192,t=2,p=1" in stored


def test_demo_desk_enrols_the_replicas_duty_staff_once(tmp_path, demo_template):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrolled = enrol_demo_desk(store, CHEAP, NOW, demo_template, "246810")
    roles_seen = {o.role for o in enrolled}
    assert roles_seen == {"duty_leader", "duty_officer", "admin", "drill_coordinator"}
    staff = [o for o in enrolled if o.person_code]
    assert staff and all(o.login == o.name and "*" not in o.name for o in staff)
    assert enrol_demo_desk(store, CHEAP, NOW, demo_template, "999999") == ()
    desk = Desk(store, clock=lambda: NOW, hasher=CHEAP)
    assert desk.sign_in(staff[0].login, "246810").name == staff[0].name
    assert desk.sign_in("管理员", "246810").role == "admin"
