"""Handover dialog: outgoing writes, incoming acknowledges package + notes, audit rows for both."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.handover import compile_handover
from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import AuditRecord
from desktop.views.handover_dialog import HandoverDialog

pytestmark = [pytest.mark.gui, pytest.mark.calendar]
CHEAP = SecretHasher(HashProfile.cheap())


@pytest.fixture(scope="module")
def package(demo_template, fixed_now):
    engine = open_reader(demo_template)
    with Session(engine) as session:
        situation = situation_now(session, fixed_now)
    engine.dispose()
    return compile_handover(situation)


@pytest.fixture
def desk(tmp_path, fixed_now, clock):
    store, _ = open_store(tmp_path / "ws.db", fixed_now)
    enrol(store, CHEAP, fixed_now, login="王建国", name="王建国", role="duty_officer",
          secret="135790")
    enrol(store, CHEAP, fixed_now, login="李明", name="李明", role="duty_officer",
          secret="246802")
    return Desk(store, clock=clock, hasher=CHEAP)


def _audit(desk):
    with desk.store.read() as session:
        return [(r.action, r.officer_name, r.target) for r in session.scalars(
            select(AuditRecord).where(AuditRecord.action.in_(("handover", "acknowledge")))
            .order_by(AuditRecord.id))]


def test_outgoing_writes_incoming_acknowledges_both_names_and_times(
        qtbot, desk, package, fixed_now):
    desk.sign_in("王建国", "135790")
    dialog = HandoverDialog(desk, package, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.status.text() == "No handover written yet.")
    shown = dialog.package_view.toPlainText()
    assert package.street in shown and package.open_incidents[0].title in shown
    assert package.stations_not_ready[0].name in shown and "缺带班领导" in shown
    dialog.notes.setPlainText("泰和华庭地下车库进水：排水进行中，需跟进续报")
    with qtbot.waitSignal(dialog.written, timeout=5000) as written:
        qtbot.mouseClick(dialog.hand_over_button, Qt.MouseButton.LeftButton)
    record = written.args[0]
    assert dialog.pending == record and dialog.tabs.currentIndex() == 1
    assert "泰和华庭地下车库进水" in dialog.pending_view.toPlainText()
    assert "Handed over by 王建国 at 11-23 10:00" in dialog.status.text()

    dialog.acknowledge()  # the writer cannot take over their own handover
    qtbot.waitUntil(lambda: "writer cannot" in dialog.status.text(), timeout=5000)

    desk.clock.now = fixed_now + dt.timedelta(minutes=12)
    desk.sign_in("李明", "246802")
    dialog.remarks.setPlainText("已阅，接班")
    with qtbot.waitSignal(dialog.acknowledged, timeout=5000) as acknowledged:
        qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)
    done = acknowledged.args[0]
    assert done.acknowledgement.officer_name == "李明"
    assert done.acknowledgement.at == fixed_now + dt.timedelta(minutes=12)
    assert dialog.status.text() == ("Handed over by 王建国 at 11-23 10:00 · "
                                    "taken over by 李明 at 11-23 10:12")
    assert not dialog.acknowledge_button.isEnabled()
    assert _audit(desk) == [("handover", "王建国", f"handover #{record.id}"),
                            ("acknowledge", "李明", f"handover #{record.id}")]


def test_incoming_officer_sees_the_package_as_written_not_as_now(qtbot, desk, package):
    desk.sign_in("王建国", "135790")
    written = desk.write_handover(package, "无遗留事项")
    desk.sign_in("李明", "246802")
    dialog = HandoverDialog(desk, None, "en")  # no situation yet on this screen
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.pending is not None, timeout=5000)
    assert dialog.pending == written and not dialog.hand_over_button.isEnabled()
    assert "no duty leader" in dialog.pending_view.toPlainText()  # English data words
    assert "无遗留事项" in dialog.pending_view.toPlainText()
