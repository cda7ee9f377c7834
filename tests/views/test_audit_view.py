"""Audit view: only the duty leader and admin read it; filters; the CSV export is recorded."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from desktop.models.workstation.audit import AuditEntry
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.views.audit_view import AuditDialog
from desktop.views.qt_audit_model import AuditTableModel

pytestmark = [pytest.mark.gui, pytest.mark.calendar]
CHEAP = SecretHasher(HashProfile.cheap())
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def desk(tmp_path):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="王建国", name="王建国", role="duty_officer", secret="135790")
    enrol(store, CHEAP, NOW, login="刘振华", name="刘振华", role="duty_leader", secret="864213")
    desk = Desk(store, clock=lambda: NOW, hasher=CHEAP)
    desk.sign_in("王建国", "135790")
    desk.add_log_entry("other", "巡查")
    desk.record("print", "print", target="值班日报 2026-11-23")
    return desk


def test_audit_model(qtmodeltester):
    model = AuditTableModel("zh_CN")
    model.set_entries((AuditEntry(1, NOW, "王建国", "duty_officer", "reveal", "带班领导 刘*",
                                  "核实接报情况", "刘* 138****1234", "desk-1"),
                       AuditEntry(2, NOW, "", "", "sign_in_failed", "", "", "unknown name", "")))
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "2026-11-23 10:00:00", "王建国", "值班员", "查看完整信息"]
    assert model.data(model.index(1, 1)) == "—"


def test_duty_officer_is_refused_leader_reads_filters_and_exports(qtbot, desk, tmp_path):
    dialog = AuditDialog(desk, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload()  # signed in as a duty officer: refused, nothing loaded
    assert dialog.model.rowCount() == 0
    desk.sign_in("刘振华", "864213")
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.reload()
    actions = [e.action for e in dialog.model.entries()]
    assert actions[:2] == ["sign_out", "sign_in"] and "print" in actions
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.action.setCurrentIndex(dialog.action.findData("print"))
    assert [(e.officer_name, e.target) for e in dialog.model.entries()] == [
        ("王建国", "值班日报 2026-11-23")]
    target = tmp_path / "audit.csv"
    with qtbot.waitSignal(dialog.exported, timeout=5000):
        dialog.export_to(target)
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "时间（北京时间）" and rows[1][1:5] == ["王建国", "值班员", "打印",
                                                               "值班日报 2026-11-23"]
    exports = desk.audit_log()
    assert (exports[0].action, exports[0].officer_name, exports[0].detail) == (
        "export", "刘振华", "1 rows audit.csv")
