"""Duty log dialog: add entries, correct one (the original stays), each with its audit row."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QFont
from sqlalchemy import select

from desktop.models.workstation.desk import Desk
from desktop.models.workstation.duty_log import LogEntry, LogLink
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import AuditRecord
from desktop.views import theme
from desktop.views.duty_log import DutyLogDialog
from desktop.views.qt_duty_log_model import DutyLogTableModel

pytestmark = [pytest.mark.gui, pytest.mark.calendar]
ROOT = Path(__file__).resolve().parents[2]
CHEAP = SecretHasher(HashProfile.cheap())
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)  # 10:00 Beijing


@pytest.fixture
def desk(tmp_path, clock):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="王建国", name="王建国", role="duty_officer", secret="135790")
    desk = Desk(store, clock=clock, hasher=CHEAP)
    desk.sign_in("王建国", "135790")
    return desk


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
        return [(r.action, r.officer_name, r.target) for r in session.scalars(
            select(AuditRecord).where(AuditRecord.action.like("log_%")).order_by(AuditRecord.id))]


def _entry(number, text, corrects=None, corrected_by=None, minutes=0):
    at = NOW + dt.timedelta(minutes=minutes)
    return LogEntry(number, at, at, "王建国", "call_received", text,
                    LogLink(incident_code="INC-1", label="居民楼火情"), corrects, corrected_by)


def test_duty_log_model_marks_corrections(qtmodeltester):
    model = DutyLogTableModel("zh_CN")
    model.set_entries((_entry(1, "3栋报火情", corrected_by=2), _entry(2, "5栋报火情", corrects=1)))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "10:00"  # Beijing time
    assert model.data(model.index(0, 2)) == "接听来电"
    assert model.data(model.index(0, 4)) == "INC-1 · 居民楼火情"
    assert model.data(model.index(0, 6)) == "corrected by #2"
    assert model.data(model.index(1, 6)) == "corrects #1"
    font = model.data(model.index(0, 3), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert model.data(model.index(1, 3), Qt.ItemDataRole.FontRole) is None


def _add(qtbot, dialog, text, category=0, link=("", "")):
    dialog.category.setCurrentIndex(category)
    dialog.text.setPlainText(text)
    if link[0]:
        dialog.link_kind.setCurrentIndex(dialog.link_kind.findData(link[0]))
        dialog.link_code.setText(link[1])
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_add_and_correct_entries_leaving_audit_rows(qtbot, desk, tmp_path):
    dialog = DutyLogDialog(desk, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.count.text() != "")
    _add(qtbot, dialog, "长安花园3栋居民来电报楼道冒烟", link=("incident", "420606010-20261123-03"))
    desk.clock.now += dt.timedelta(minutes=7)
    _add(qtbot, dialog, "传达区应急局指令：加强低洼路段巡查", category=1)
    _add(qtbot, dialog, "巡查长安花园驿站：灭火器压力正常", category=3, link=("station", "S001"))
    assert dialog.model.rowCount() == 3

    dialog.table.selectRow(0)
    dialog.start_correction()
    assert dialog.text.toPlainText() == "长安花园3栋居民来电报楼道冒烟"
    assert dialog.save_button.text() == "Save correction"
    dialog.text.setPlainText("长安花园5栋居民来电报楼道冒烟（更正楼栋号）")
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    model = dialog.model
    assert model.rowCount() == 4
    texts = [model.entry(r).text for r in range(4)]
    original = model.entry(texts.index("长安花园3栋居民来电报楼道冒烟"))
    fixed = model.entry(texts.index("长安花园5栋居民来电报楼道冒烟（更正楼栋号）"))
    assert original.corrected_by_id == fixed.id and fixed.corrects_id == original.id
    assert fixed.link.incident_code == "420606010-20261123-03"
    assert dialog.save_button.text() == "Add entry"
    assert [a[0] for a in _audit(desk)] == ["log_entry"] * 3 + ["log_correction"]
    assert _audit(desk)[-1] == ("log_correction", "王建国", f"#{fixed.id} → #{original.id}")

    dialog.table.selectRow(texts.index("长安花园3栋居民来电报楼道冒烟"))
    dialog.start_correction()
    assert "already corrected" in dialog.status.text()


def test_filter_narrows_the_table(qtbot, desk):
    desk.add_log_entry("other", "巡查值班室设备")
    desk.add_log_entry("call_received", "居民来电咨询防汛沙袋")
    dialog = DutyLogDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    dialog.filter.setText("沙袋")
    assert dialog.proxy.rowCount() == 1


def test_an_empty_entry_is_refused_in_words(qtbot, desk):
    dialog = DutyLogDialog(desk)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("   ")
    dialog.save()
    assert dialog.status.text() == "Write the entry first."
    dialog.text.setPlainText("长" * 2001)
    dialog.save()
    qtbot.waitUntil(lambda: "at most 2000" in dialog.status.text(), timeout=5000)


def test_duty_log_screenshot_in_chinese(qtbot, zh_ui, desk, tmp_path):
    first = desk.add_log_entry("call_received", "长安花园3栋居民来电报楼道冒烟",
                               link=LogLink(incident_code="420606010-20261123-03"))
    desk.clock.now += dt.timedelta(minutes=4)
    desk.add_log_entry("instruction_relayed", "传达区应急局指令：暴雨黄色预警期间加强低洼路段巡查")
    desk.clock.now += dt.timedelta(minutes=9)
    desk.add_log_entry("call_received", "长安花园5栋居民来电报楼道冒烟（更正楼栋号）",
                       corrects=first.id)
    desk.add_log_entry("check_done", "巡查长安花园驿站：灭火器压力正常，急救箱齐全",
                       link=LogLink(station_code="S001"))
    dialog = DutyLogDialog(desk, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(theme.style_sheet(theme.Sizes.for_screen(False, 1080)))
    dialog.resize(1400, 560)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4)
    assert dialog.windowTitle() == "值班日志" and dialog.count.text() == "共 4 条"
    assert dialog.model.headerData(3, Qt.Orientation.Horizontal) == "内容"
    assert dialog.model.data(dialog.model.index(0, 6)) == "已由第 3 条更正"
    dialog.table.selectRow(0)
    dialog.start_correction()
    folder = Path(os.environ.get("DUTYROOM_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(folder / "duty-log.png"))


def test_a_store_restored_under_the_dialog_says_so_in_words_and_reloads(qtbot, chinese,
                                                                         tmp_path, clock):
    """A backup copied back over the store while the dashboard runs: "添加记录" used to show
    a raw sqlite3.IntegrityError (FOREIGN KEY, with the SQL) while the list kept an entry no
    longer on disk and the header an officer who no longer existed."""
    from desktop.models.workstation import backups
    from desktop.views.desk_badge import DeskBadge, DeskBridge

    path = tmp_path / "store" / "ws.db"
    store, _ = open_store(path, NOW)
    copy = tmp_path / "before.db"
    shutil.copyfile(backups.make_backup(path, tmp_path / "copies", NOW.date()), copy)
    enrol(store, CHEAP, NOW, login="王建国", name="王建国", role="duty_officer", secret="135790")
    desk = Desk(store, clock=clock, hasher=CHEAP)
    desk.sign_in("王建国", "135790")
    bridge = DeskBridge(desk)
    badge = DeskBadge(bridge)
    qtbot.addWidget(badge)
    dialog = DutyLogDialog(desk, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.count.text() != "")
    _add(qtbot, dialog, "长安花园3栋居民来电报楼道冒烟")
    assert dialog.model.rowCount() == 1
    backups.restore(copy, path)
    dialog.text.setPlainText("第二条记录")
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    status = dialog.status.text()
    assert "恢复" in status and "未保存" in status, status
    for raw in ("FOREIGN KEY", "INSERT", "IntegrityError", "sqlite3"):
        assert raw not in status
    assert dialog.model.rowCount() == 0, "the list still shows an entry no longer on disk"
    qtbot.waitUntil(lambda: not badge.alert.isHidden())
    assert "恢复" in badge.alert.text() and "王建国" in badge.alert.text()
    assert "王建国" not in badge.who.text(), "the header still shows a signed-out officer"
    bridge.close()
