"""Reveal dialog: the value is shown, recorded, then masked again after the time limit."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.masking import mask_name, mask_phone
from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.models.reveal import fetch_contact, leader_target
from desktop.models.schema import Person
from desktop.models.workstation.desk import Desk, DeskPolicy
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import AuditRecord
from desktop.views.reveal_dialog import RevealDialog
from desktop.views.sign_in import SignInDialog

pytestmark = pytest.mark.gui
CHEAP = SecretHasher(HashProfile.cheap())


@pytest.fixture(scope="module")
def leader(demo_template, fixed_now):
    engine = open_reader(demo_template)
    with Session(engine) as session:
        situation = situation_now(session, fixed_now)
        person = session.get(Person, situation.duty_now.leader.person_id)
        full = person.name, person.phone
    engine.dispose()
    return leader_target(situation.duty_now), full


@pytest.fixture
def desk(tmp_path, demo_template, fixed_now):
    store, _ = open_store(tmp_path / "ws.db", fixed_now)
    enrol(store, CHEAP, fixed_now, login="王建国", name="王建国", role="duty_officer",
          secret="135790")
    return Desk(store, hasher=CHEAP, policy=DeskPolicy(reveal_for=dt.timedelta(milliseconds=400)),
                fetch_contact=functools.partial(fetch_contact, demo_template))


def _reveals(desk):
    with desk.store.read() as session:
        return [(r.officer_name, r.reason, r.target, r.detail) for r in session.scalars(
            select(AuditRecord).where(AuditRecord.action == "reveal"))]


def test_value_shown_then_masked_again_after_the_limit_with_an_audit_row(qtbot, desk, leader):
    target, (name, phone) = leader
    desk.sign_in("王建国", "135790")
    dialog = RevealDialog(desk, target, language="zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setCurrentIndex(1)  # 核实接报情况
    with qtbot.waitSignal(dialog.revealed, timeout=5000):
        qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.value.text() == f"{name}  {phone}"
    assert "Masked again in" in dialog.countdown.text()
    assert not dialog.reveal_button.isEnabled()
    assert _reveals(desk) == [("王建国", "verify_report",
                               f"{target.label} [person_phone {target.ref}]",
                               f"{mask_name(name)} {mask_phone(phone)}")]
    qtbot.waitUntil(lambda: phone not in dialog.value.text(), timeout=3000)
    assert dialog.value.text().endswith(mask_phone(phone))
    assert dialog.reveal_button.isEnabled() and dialog._value is None


def test_nobody_signed_in_asks_for_sign_in_first(qtbot, desk, leader):
    target, (_name, phone) = leader
    dialog = RevealDialog(desk, target)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    sign_in = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, SignInDialog) and w.isVisible())
    assert _reveals(desk) == []
    sign_in.name.setCurrentText("王建国")
    sign_in.secret.setText("135790")
    with qtbot.waitSignal(dialog.revealed, timeout=5000):
        qtbot.mouseClick(sign_in.submit, Qt.MouseButton.LeftButton)
    assert phone in dialog.value.text() and len(_reveals(desk)) == 1


def test_closing_the_dialog_masks_at_once(qtbot, desk, leader):
    target, (_name, phone) = leader
    desk.sign_in("王建国", "135790")
    dialog = RevealDialog(desk, target)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.revealed, timeout=5000):
        dialog.request()
    with qtbot.waitSignal(dialog.masked_again, timeout=1000):
        dialog.reject()
    assert phone not in dialog.value.text()


def test_no_reveal_without_recording(qtbot, desk, leader, tmp_path):
    target, (_name, phone) = leader
    desk.sign_in("王建国", "135790")
    (tmp_path / "ws.db").unlink()
    dialog = RevealDialog(desk, target)
    qtbot.addWidget(dialog)
    dialog.request()
    qtbot.waitUntil(lambda: "recording is unavailable" in dialog.countdown.text(), timeout=5000)
    assert phone not in dialog.value.text()
