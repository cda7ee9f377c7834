"""Sign-in dialog and desk badge: sign-in, wrong PIN, idle sign-out, recording unavailable."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from sqlalchemy import select

from desktop.models.workstation.desk import Desk, DeskPolicy
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import AuditRecord
from desktop.views import theme
from desktop.views.desk_badge import DeskBadge, DeskBridge
from desktop.views.sign_in import SignInDialog, with_officer

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
CHEAP = SecretHasher(HashProfile.cheap())
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def desk(tmp_path, clock):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="王建国", name="王建国", role="duty_officer", secret="135790")
    enrol(store, CHEAP, NOW, login="刘振华", name="刘振华", role="duty_leader", secret="864213")
    return Desk(store, clock=clock, hasher=CHEAP,
                policy=DeskPolicy(idle_timeout=dt.timedelta(minutes=10)))


@pytest.fixture
def bridge(qtbot, desk):
    bridge = DeskBridge(desk, idle_every_ms=20, health_every_ms=50)
    yield bridge
    bridge.close()
    bridge.deleteLater()


@pytest.fixture
def zh_ui(tmp_path, qapp):
    """The Simplified Chinese UI (compiled from the committed .ts) for a screenshot."""
    compiled = tmp_path / "dutyroom_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease if lrelease.exists() else shutil.which("pyside6-lrelease")),
                    str(ROOT / "resources" / "translations" / "dutyroom_zh_CN.ts"), "-qm",
                    str(compiled)], check=True, capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _audit(desk):
    with desk.store.read() as session:
        return [(r.action, r.officer_name) for r in
                session.scalars(select(AuditRecord).order_by(AuditRecord.id))]


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DUTYROOM_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sign_in(qtbot, dialog, name, secret):
    dialog.name.setCurrentText(name)
    dialog.secret.setText(secret)
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)


def test_sign_in_shows_the_officer_on_the_badge_and_leaves_an_audit_row(
        qtbot, desk, bridge, tmp_path):
    badge = DeskBadge(bridge, "zh_CN")
    qtbot.addWidget(badge)
    assert badge.button.text() == "Sign in" and "masked" in badge.who.text()
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.name.itemText(i) for i in range(dialog.name.count())] == ["刘振华", "王建国"]
    dialog.name.setCurrentText("王建国")
    dialog.secret.setText("135790")
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as signed:
        qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    assert signed.args[0].name == "王建国"
    qtbot.waitUntil(lambda: "王建国" in badge.who.text())
    assert badge.who.text() == "● 值班员 王建国" and badge.button.text() == "Sign out"
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _audit(desk) == [("sign_in", "王建国")]
    qtbot.mouseClick(badge.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: badge.button.text() == "Sign in")
    assert _audit(desk)[-1] == ("sign_out", "王建国")


def test_wrong_pin_says_how_many_attempts_are_left(qtbot, desk):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.refused, timeout=5000) as refused:
        _sign_in(qtbot, dialog, "刘振华", "000000")
    assert "not recognised" in refused.args[0] and "4 attempt(s) left" in refused.args[0]
    assert dialog.isVisible() and dialog.secret.text() == "" and dialog.submit.isEnabled()
    assert _audit(desk) == [("sign_in_failed", "刘振华")]


def test_idle_officer_is_signed_out_and_the_badge_says_so(qtbot, desk, bridge, clock):
    badge = DeskBadge(bridge)
    qtbot.addWidget(badge)
    desk.sign_in("王建国", "135790")
    qtbot.waitUntil(lambda: "王建国" in badge.who.text())
    clock.now += dt.timedelta(minutes=10)
    qtbot.waitUntil(lambda: badge.button.text() == "Sign in", timeout=3000)
    assert _audit(desk)[-1] == ("sign_out", "王建国")


def test_key_presses_keep_the_officer_signed_in(qtbot, desk, bridge, clock):
    widget = DeskBadge(bridge)
    qtbot.addWidget(widget)
    widget.installEventFilter(bridge)
    desk.sign_in("王建国", "135790")
    clock.now += dt.timedelta(minutes=9)
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    clock.now += dt.timedelta(minutes=9)
    assert desk.officer is not None  # 18 minutes signed in, never 10 idle


def test_recorded_act_asks_for_sign_in_first_then_runs(qtbot, desk):
    done = []
    dialog = with_officer(desk, None, "write_log", done.append)
    assert dialog is not None and dialog.isVisible() and not done
    with qtbot.waitSignal(dialog.signed_in, timeout=5000):
        _sign_in(qtbot, dialog, "王建国", "135790")
    assert [o.name for o in done] == ["王建国"]
    assert with_officer(desk, None, "write_log", done.append) is None  # signed in: runs at once
    assert len(done) == 2


def test_store_deleted_while_running_badge_says_recording_unavailable(
        qtbot, desk, bridge, tmp_path):
    badge = DeskBadge(bridge)
    qtbot.addWidget(badge)
    badge.show()
    assert not badge.recording.isVisible()
    os.remove(tmp_path / "ws.db")
    qtbot.waitUntil(lambda: badge.recording.isVisible(), timeout=5000)
    assert badge.recording.text() == "■ Recording unavailable"
    assert "missing" in badge.recording.toolTip()
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    assert not dialog.submit.isEnabled() and "unavailable" in dialog.message.text()


def test_sign_in_screenshot_in_chinese(qtbot, zh_ui, desk, tmp_path):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(theme.style_sheet(theme.Sizes.for_screen(False, 1080)))
    dialog.show()
    dialog.name.setCurrentText("王建国")
    dialog.secret.setText("135790")
    assert (dialog.windowTitle(), dialog.submit.text()) == ("值班签到", "签到")
    with qtbot.waitSignal(dialog.refused, timeout=5000):
        _sign_in(qtbot, dialog, "王建国", "000000")
    dialog.secret.setText("135790")
    assert dialog.message.text() == "姓名或 PIN 码不正确。 再错 4 次将锁定该账号。"
    dialog.grab().save(str(_shots(tmp_path) / "sign-in.png"))
