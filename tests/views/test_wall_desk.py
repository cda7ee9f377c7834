"""The wall's PIN pad overlay: a key opens it, the officer signs in and acknowledges, gone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.models.workstation.desk import Desk, DeskPolicy
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.views import wall_desk
from desktop.views.wall_desk import WallDeskOverlay

pytestmark = pytest.mark.gui
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
CHEAP = SecretHasher(HashProfile.cheap())


@pytest.fixture
def desk(tmp_path, clock):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="王建国", name="王建国", role="duty_officer", secret="135790")
    enrol(store, CHEAP, NOW, login="刘振华", name="刘振华", role="duty_leader", secret="864213")
    return Desk(store, clock=clock, hasher=CHEAP,
                policy=DeskPolicy(idle_timeout=dt.timedelta(minutes=10)))


def test_a_key_opens_the_pin_pad_which_signs_in_acknowledges_and_closes(qtbot, desk,
                                                                         monkeypatch):
    monkeypatch.setattr(wall_desk, "DONE_CLOSE_MS", 50)
    window = QWidget()
    window.resize(1920, 1080)
    qtbot.addWidget(window)
    acknowledged = []
    overlay = WallDeskOverlay(window, desk, lambda: acknowledged.append(desk.officer), 34)
    window.show()
    assert overlay.isHidden()
    overlay.shortcut.activated.emit()  # the key (F2)
    assert overlay.isVisible()
    assert overlay.width() >= 0.4 * window.width()  # large type, across the wall
    names = [overlay.officer.text()]
    qtbot.keyClick(overlay, Qt.Key.Key_Down)
    names.append(overlay.officer.text())
    assert names[0] != names[1]
    while "刘振华" not in overlay.officer.text():
        qtbot.keyClick(overlay, Qt.Key.Key_Down)
    qtbot.keyClicks(overlay, "000")
    qtbot.keyClick(overlay, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "PIN" in overlay.message.text() or "not" in
                    overlay.message.text().lower(), timeout=5000)
    assert acknowledged == [] and desk.officer is None
    qtbot.keyClicks(overlay, "864213")
    assert overlay.pin.text().endswith("●" * 6)  # the PIN is never shown
    with qtbot.waitSignal(overlay.closed, timeout=5000):
        qtbot.keyClick(overlay, Qt.Key.Key_Return)
    assert len(acknowledged) == 1 and acknowledged[0].name == "刘振华"
    assert overlay.isHidden()


def test_escape_closes_it_and_so_does_waiting(qtbot, desk, monkeypatch):
    window = QWidget()
    qtbot.addWidget(window)
    overlay = WallDeskOverlay(window, desk, lambda: None, 24)
    window.show()
    overlay.open_overlay()
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert overlay.isHidden()
    monkeypatch.setattr(wall_desk, "IDLE_CLOSE_MS", 50)
    overlay.open_overlay()
    qtbot.keyClicks(overlay, "12")
    with qtbot.waitSignal(overlay.closed, timeout=3000):
        pass
    assert overlay.isHidden() and overlay._pin == ""
