"""The desk badge tells the next administrator about break-glass acts at the command line."""

from __future__ import annotations

import pytest
from conftest import NOW

from desktop.models.workstation import audit
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.views.desk_badge import DeskBadge, DeskBridge

pytestmark = pytest.mark.gui
CHEAP = SecretHasher(HashProfile.cheap())


def test_break_glass_is_shown_to_the_next_administrator(qtbot, chinese, tmp_path, clock):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="张管理", name="张管理", role="admin", secret="135790")
    with store.write() as session:  # what 'officers reset-pin 张管理 --break-glass' writes
        audit.record(session, NOW, "break_glass", None, target="reset-pin 张管理",
                     detail="secret_reset without an administrator's PIN (command line)")
    desk = Desk(store, clock=clock, hasher=CHEAP)
    bridge = DeskBridge(desk)
    badge = DeskBadge(bridge)
    qtbot.addWidget(badge)
    assert badge.alert.isHidden()
    desk.sign_in("张管理", "135790")
    qtbot.waitUntil(lambda: not badge.alert.isHidden())
    assert "紧急越权" in badge.alert.text() and "1" in badge.alert.text()
    tip = badge.alert.toolTip()
    assert audit.OS_ACCOUNT in tip and "reset-pin 张管理" in tip
    desk.sign_out()
    qtbot.waitUntil(lambda: badge.alert.isHidden())
    bridge.close()
