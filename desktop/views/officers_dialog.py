"""Officers dialog for the administrator: who may sign in at this desk, and with which role;
and the dialog in which any officer sets their own PIN.

Enrol a new officer (or give a login a new name, role and PIN), disable or enable a
login, reset a forgotten PIN (which also lifts a lockout). Every act needs the
``manage_officers`` permission and is recorded by the desk; hashing a PIN is slow,
so the acts run off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import clock
from desktop.models.clock import beijing
from desktop.models.workstation.auth import LockedOut, SameSecret, WrongSecret
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.officers import LastAdministrator, OfficerInfo
from desktop.models.workstation.passwords import MIN_PASSWORD_CHARS, MIN_PIN_DIGITS, WeakSecret
from desktop.models.workstation.roles import MANAGE_OFFICERS, ROLE
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import plain_label
from desktop.views.qt_rows_model import RowsTableModel
from desktop.views.sign_in import with_officer
from desktop.views.store_watch import StoreWatch
from desktop.views.worker import run_blocking

log = logging.getLogger(__name__)


def weak_secret_text() -> str:
    return QCoreApplication.translate(
        "OfficersDialog", "A PIN needs at least %1 digits, a password at least %2 characters."
    ).replace("%1", str(MIN_PIN_DIGITS)).replace("%2", str(MIN_PASSWORD_CHARS))


class OfficerTableModel(RowsTableModel):
    COLUMNS = ("login", "name", "role", "state")

    def __init__(self, language: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._english = language.startswith("en")

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("State"))

    def cell(self, item: Any, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return item.login
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "role":
            return item.role_label(self._english)
        if column == "state":
            if not item.active:
                return self.tr("disabled")
            if item.locked(clock.now()):
                return self.tr("locked until %1").replace(
                    "%1", f"{beijing(item.locked_until):%H:%M}")
            return self.tr("active")
        return getattr(item, column)


class OfficersDialog(QDialog):
    changed = Signal()  # the list was read again after an act

    def __init__(self, desk: Desk, language: str = "zh_CN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        english = language.startswith("en")
        self.store_watch = StoreWatch(desk, self.reload, self)  # rows of a restored store
        self.setWindowTitle(self.tr("Officers"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.model = OfficerTableModel(language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.login = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        for code, term in ROLE.items():
            self.role.addItem(term.en if english else term.zh, code)
        self.secret = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.secret, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN (6+ digits) or password"), self.secret)
        form.addRow(self.tr("Again"), self.again)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.enrol_button = QPushButton(self.tr("Enrol / update"))
        self.reset_button = QPushButton(self.tr("Reset PIN"))
        self.active_button = QPushButton(self.tr("Disable / enable"))
        for button in (self.enrol_button, self.reset_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.enrol_button.clicked.connect(self.enrol)
        self.reset_button.clicked.connect(self.reset_secret)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.selectionModel().currentRowChanged.connect(self._selected)

    # ------------------------------------------------------------ reading

    def reload(self) -> None:
        """Read the officers (sign-in as administrator first)."""
        with_officer(self._desk, self, MANAGE_OFFICERS, lambda _officer: self._load(),
                     purpose=self.tr("Sign in as administrator to manage officers."))

    def _load(self, message: str = "") -> None:
        desk = self._desk

        def shown(rows: tuple[OfficerInfo, ...]) -> None:
            self.model.replace_rows(rows)
            self.status.setText(message or self.tr("%n officer(s)", "", len(rows)))
            self.changed.emit()

        run_blocking(self, lambda: desk.officers(active_only=False), shown, self._failed)

    def _selected(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        officer: OfficerInfo = self.model.row_item(current.row())
        self.login.setText(officer.login)
        self.name.setText(officer.name)
        self.role.setCurrentIndex(max(0, self.role.findData(officer.role)))

    def selected(self) -> OfficerInfo | None:
        index = self.table.currentIndex()
        return self.model.row_item(index.row()) if index.isValid() else None

    # ------------------------------------------------------------ acts

    def _secret(self) -> str | None:
        secret = self.secret.text()
        if secret != self.again.text():
            self.status.setText(self.tr("The two PINs differ."))
            return None
        return secret

    def _act(self, work: Callable[[], object], done: str) -> None:
        def finished(_result: object) -> None:
            self.secret.clear()
            self.again.clear()
            self._load(done)

        with_officer(self._desk, self, MANAGE_OFFICERS,
                     lambda _officer: run_blocking(self, work, finished, self._failed))

    def enrol(self) -> None:
        login, name = self.login.text().strip(), self.name.text().strip() or self.login.text()
        role, secret = str(self.role.currentData()), self._secret()
        if secret is None:
            return
        desk = self._desk
        self._act(lambda: desk.enrol_officer(login=login, name=name, role=role, secret=secret),
                  self.tr("%1 enrolled").replace("%1", login))

    def reset_secret(self) -> None:
        login, secret = self.login.text().strip(), self._secret()
        if secret is None:
            return
        desk = self._desk
        self._act(lambda: desk.reset_officer_secret(login, secret),
                  self.tr("New PIN set for %1").replace("%1", login))

    def toggle_active(self) -> None:
        officer = self.selected()
        if officer is None:
            self.status.setText(self.tr("Choose an officer in the list first."))
            return
        desk, active = self._desk, not officer.active
        self._act(lambda: desk.set_officer_active(officer.login, active),
                  (self.tr("%1 enabled") if active else self.tr("%1 disabled"))
                  .replace("%1", officer.login))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WeakSecret):
            text = weak_secret_text()
        elif isinstance(error, LastAdministrator):
            text = self.tr("The last active administrator cannot be disabled.")
        elif isinstance(error, LookupError):
            text = self.tr("No officer with this login.")
        elif isinstance(error, PermissionError):
            text = self.tr("Only an administrator may manage officers.")
        elif isinstance(error, StoreUnavailable):
            text = self.tr("Recording unavailable: %1").replace("%1", str(error))
        elif isinstance(error, ValueError):  # an empty login, an unknown role
            text = self.tr("Fill in the login, the name and the role.")
        else:
            log.error("officer management failed", exc_info=error)
            text = str(error)
        self.status.setText(text)


class ChangePinDialog(QDialog):
    """The signed-in officer's own new PIN, after the current one (recorded)."""

    done = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.setWindowTitle(self.tr("Change my PIN"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.current, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Current PIN"), self.current)
        form.addRow(self.tr("New PIN (6+ digits) or password"), self.new)
        form.addRow(self.tr("Again"), self.again)
        layout.addLayout(form)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def save(self) -> None:
        current, new = self.current.text(), self.new.text()
        if new != self.again.text():
            self.status.setText(self.tr("The two new PINs differ."))
            return
        desk = self._desk
        self.save_button.setEnabled(False)
        run_blocking(self, lambda: desk.change_own_secret(current, new), self._saved, self._failed)

    def _saved(self, _result: object) -> None:
        self.save_button.setEnabled(True)
        for edit in (self.current, self.new, self.again):
            edit.clear()
        self.status.setText(self.tr("Your new PIN is set."))
        self.done.emit()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, LockedOut):
            text = self.tr("Too many wrong PINs: locked until %1.").replace(
                "%1", f"{beijing(error.until):%H:%M}")
        elif isinstance(error, WrongSecret):
            text = self.tr("The current PIN is wrong.")
        elif isinstance(error, WeakSecret):
            text = weak_secret_text()
        elif isinstance(error, SameSecret):
            text = self.tr("The new PIN must differ from the current one.")
        elif isinstance(error, PermissionError):
            text = self.tr("Sign in first.")
        else:
            log.error("PIN change failed", exc_info=error)
            text = str(error)
        self.status.setText(text)
