"""Officers dialog: the administrator enrols, disables, enables and resets PINs; a duty officer
is refused; mistakes are said in the UI's words; everything is recorded."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.workstation.audit import AuditFilter, query
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.officers import OfficerInfo, enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.views.officers_dialog import OfficersDialog, OfficerTableModel

pytestmark = pytest.mark.gui
CHEAP = SecretHasher(HashProfile.cheap())
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def desk(tmp_path):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="张管理", name="张管理", role="admin", secret="135790")
    enrol(store, CHEAP, NOW, login="王建国", name="王建国", role="duty_officer", secret="246810")
    return Desk(store, clock=lambda: NOW, hasher=CHEAP)


def test_officer_model(qtmodeltester):
    model = OfficerTableModel("zh_CN")
    model.replace_rows((OfficerInfo(1, "张管理", "张管理", "admin", None, True),
                        OfficerInfo(2, "王建国", "王建国", "duty_officer", "P001", False),
                        OfficerInfo(3, "李", "李", "duty_leader", None, True,
                                    dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5))))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "管理员"
    assert [model.data(model.index(r, 3)) for r in range(3)][:2] == ["active", "disabled"]
    assert "locked until" in model.data(model.index(2, 3))


def test_administrator_manages_officers_through_the_dialog(qtbot, desk):
    dialog = OfficersDialog(desk, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    desk.sign_in("王建国", "246810")
    dialog.reload()  # a duty officer: refused, nothing listed
    assert dialog.model.rowCount() == 0
    desk.sign_in("张管理", "135790")
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        dialog.reload()
    assert [dialog.model.row_item(r).login for r in range(dialog.model.rowCount())] == [
        "张管理", "王建国"]

    def fill(login, name, role, secret, again=None):
        dialog.login.setText(login)
        dialog.name.setText(name)
        dialog.role.setCurrentIndex(dialog.role.findData(role))
        dialog.secret.setText(secret)
        dialog.again.setText(secret if again is None else again)

    fill("李值班", "李值班", "duty_officer", "975310", again="975311")
    dialog.enrol()
    assert dialog.status.text() == "The two PINs differ." and dialog.model.rowCount() == 2
    fill("李值班", "李值班", "duty_officer", "123")
    dialog.enrol()
    qtbot.waitUntil(lambda: "at least 6 digits" in dialog.status.text(), timeout=5000)
    fill("李值班", "李值班", "duty_officer", "975310")
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        dialog.enrol()
    assert dialog.model.rowCount() == 3 and dialog.secret.text() == ""

    admin_row = next(r for r in range(3) if dialog.model.row_item(r).login == "张管理")
    dialog.table.selectRow(admin_row)
    assert dialog.login.text() == "张管理" and dialog.role.currentData() == "admin"
    dialog.toggle_active()  # the last administrator
    qtbot.waitUntil(lambda: "administrator" in dialog.status.text(), timeout=5000)

    row = next(r for r in range(3) if dialog.model.row_item(r).login == "李值班")
    dialog.table.selectRow(row)
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        dialog.toggle_active()
    rows = [dialog.model.row_item(r) for r in range(dialog.model.rowCount())]
    assert not next(o for o in rows if o.login == "李值班").active
    dialog.secret.setText("864200")
    dialog.again.setText("864200")
    with qtbot.waitSignal(dialog.changed, timeout=5000):
        dialog.reset_secret()
    actions = [e.action for e in query(desk.store, AuditFilter(actions=frozenset({
        "enrol", "officer_disabled", "secret_reset"})))]
    assert actions == ["secret_reset", "officer_disabled", "enrol"]
    dialog.grab().save("/tmp/officers-dialog.png")


def test_an_officer_sets_their_own_pin_in_the_dialog(qtbot, desk):
    from desktop.views.officers_dialog import ChangePinDialog

    desk.sign_in("王建国", "246810")
    dialog = ChangePinDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current.setText("000000")
    dialog.new.setText("975310")
    dialog.again.setText("975310")
    dialog.save()
    qtbot.waitUntil(lambda: "wrong" in dialog.status.text(), timeout=5000)
    dialog.current.setText("246810")
    with qtbot.waitSignal(dialog.done, timeout=5000):
        dialog.save()
    assert dialog.current.text() == "" and "new PIN is set" in dialog.status.text()
    desk.sign_out()
    assert desk.sign_in("王建国", "975310").login == "王建国"
