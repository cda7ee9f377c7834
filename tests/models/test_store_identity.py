"""A store restored or replaced under a running desk: noticed, adopted, said in words."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import NOW

from desktop.models.workstation import backups, duty_log
from desktop.models.workstation.audit import AuditFilter, query
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.store import StoreChanged

CHEAP = SecretHasher(HashProfile.cheap())
DAY = (NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=1))


@pytest.fixture
def desk_and_backup(tmp_path, clock):
    path = tmp_path / "ws.db"
    store, _ = open_store(path, NOW)  # its first daily backup: an admin only
    enrol(store, CHEAP, NOW, login="张管理", name="张管理", role="admin", secret="135790")
    copy = tmp_path / "before.db"
    backups.make_backup(path, tmp_path / "copies", NOW.date())
    shutil.copyfile(backups.backups(tmp_path / "copies")[-1], copy)
    desk = Desk(store, clock=clock, hasher=CHEAP)
    desk.sign_in("张管理", "135790")
    desk.enrol_officer(login="王值班", name="王值班", role="duty_officer", secret="246810")
    desk.sign_in("王值班", "246810")  # enrolled after the copy was made
    desk.add_log_entry("call_received", "接到群众来电")
    assert len(desk.log_entries(*DAY)) == 1
    return desk, path, copy


def test_a_store_restored_under_the_desk_is_noticed_and_the_officer_signed_out(
        desk_and_backup):
    desk, path, copy = desk_and_backup
    backups.restore(copy, path)  # what an administrator's shell restore does
    with pytest.raises(StoreChanged) as raised:
        desk.add_log_entry("call_received", "第二条")
    assert raised.value.how == "restored"
    message = str(raised.value)
    assert "restored from an older copy" in message
    assert "FOREIGN KEY" not in message and "INSERT" not in message
    state = desk.state
    assert state.officer is None, "an officer the restored store does not know stays signed in"
    assert state.epoch == 1 and state.change is not None
    assert state.change.how == "restored" and state.change.signed_out == "王值班"
    assert desk.log_entries(*DAY) == (), "the list must come from the store now on disk"
    desk.sign_in("张管理", "135790")  # the restored store's officers work at once
    desk.enrol_officer(login="王值班", name="王值班", role="duty_officer", secret="246810")
    rows = query(desk.store, AuditFilter(actions=frozenset({"store_changed"})))
    assert rows and "restored" in rows[0].detail and "王值班" in rows[0].detail


def test_another_store_put_in_place_is_noticed_by_the_health_check(desk_and_backup, tmp_path):
    desk, path, _copy = desk_and_backup
    other_path = tmp_path / "elsewhere" / "other.db"
    other, _ = open_store(other_path, NOW)
    enrol(other, CHEAP, NOW, login="王值班", name="王值班", role="duty_officer",
          secret="246810")
    other.dispose()
    backups.restore(other_path, path)
    assert desk.check_store()
    state = desk.state
    assert state.change is not None and state.change.how == "replaced"
    assert state.officer is None  # same login, but not the same officer record


def test_the_other_window_s_writes_are_not_a_restore(desk_and_backup, clock):
    desk, path, _copy = desk_and_backup
    store2, _ = open_store(path, NOW)
    second = Desk(store2, clock=clock, hasher=CHEAP)
    second.sign_in("王值班", "246810")
    for text in ("一", "二", "三"):
        second.add_log_entry("call_received", text)
    desk.add_log_entry("call_received", "四")  # newer generation: the same store, not restored
    assert desk.state.epoch == 0 and desk.state.officer is not None
    assert len(duty_log.entries(desk.store, *DAY)) == 5
