"""Sign-in at the desk (name + PIN or password), and "sign in first" for recorded acts.

The hash check takes about a tenth of a second on purpose, so it runs off the
GUI thread; the dialog only shows the outcome. ``with_officer`` is what every
recorded act goes through: it runs the act at once when a permitted officer
is signed in, otherwise it asks for sign-in first and then runs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import beijing
from desktop.models.workstation.auth import LockedOut, SignedIn, WrongSecret
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.roles import PERMISSION
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import plain_label
from desktop.views.worker import run_blocking

log = logging.getLogger(__name__)


class SignInDialog(QDialog):
    signed_in = Signal(object)  # SignedIn
    refused = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None, *, purpose: str = "") -> None:
        super().__init__(parent)
        self._desk = desk
        self.setWindowTitle(self.tr("Sign in at the duty desk"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        heading = plain_label(purpose or self.tr("Recorded actions carry the name of the officer "
                                            "signed in here."))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.lineEdit().setPlaceholderText(self.tr("Your name"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("PIN or password"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN"), self.secret)
        layout.addLayout(form)
        self.message = plain_label("")
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit = self.buttons.addButton(self.tr("Sign in"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.secret.returnPressed.connect(self.try_sign_in)
        self._busy = False
        self._fill_names()

    def _fill_names(self) -> None:
        try:
            officers = self._desk.officers()
        except StoreUnavailable as error:
            self._show_unavailable(str(error))
            return
        for officer in officers:
            self.name.addItem(officer.name, officer.login)
        self.name.setCurrentIndex(-1)
        self.name.setFocus()

    def _login(self) -> str:
        text = self.name.currentText().strip()
        index = self.name.findText(text, Qt.MatchFlag.MatchExactly)
        data = self.name.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def try_sign_in(self) -> None:
        if self._busy:
            return
        login, secret = self._login(), self.secret.text()
        if not login or not secret:
            self.message.setText(self.tr("Enter your name and PIN."))
            return
        self._busy = True
        self.submit.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        desk = self._desk
        run_blocking(self, lambda: desk.sign_in(login, secret), self._done, self._failed)

    def _done(self, officer: SignedIn) -> None:
        self._busy = False
        self.secret.clear()
        self.signed_in.emit(officer)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self.secret.clear()
        self.secret.setFocus()
        if isinstance(error, WrongSecret):
            text = self.tr("Name or PIN not recognised.")
            if error.remaining is not None:
                text += " " + self.tr("%n attempt(s) left before the name is locked.", "",
                                      error.remaining)
        elif isinstance(error, LockedOut):
            text = self.tr("Too many wrong attempts: locked until %1.").replace(
                "%1", beijing(error.until).strftime("%H:%M"))
        elif isinstance(error, StoreUnavailable):
            self._show_unavailable(str(error))
            return
        else:
            log.error("sign-in failed unexpectedly", exc_info=error)
            text = self.tr("Sign-in failed: %1").replace("%1", str(error))
        self.message.setText(text)
        self.refused.emit(text)

    def _show_unavailable(self, problem: str) -> None:
        text = self.tr("Recording is unavailable, so nobody can sign in: %1").replace(
            "%1", problem)
        self.message.setText(text)
        self.submit.setEnabled(False)
        self.refused.emit(text)


def with_officer(desk: Desk, parent: QWidget | None, permission: str,
                 act: Callable[[SignedIn], None], *, purpose: str = "") -> SignInDialog | None:
    """Run ``act`` for a signed-in officer allowed ``permission`` (``""``: any officer); ask
    for sign-in first if nobody is signed in. Returns the sign-in dialog when one was opened
    (non-modal)."""
    officer = desk.officer
    if officer is not None:
        if not permission or officer.can(permission):
            desk.touch()
            act(officer)
        else:
            _not_permitted(parent, officer, permission)
        return None
    dialog = SignInDialog(desk, parent, purpose=purpose)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def signed(new: SignedIn) -> None:
        if not permission or new.can(permission):
            act(new)
        else:
            _not_permitted(parent, new, permission)

    dialog.signed_in.connect(signed)
    dialog.open()
    return dialog


def _not_permitted(parent: QWidget | None, officer: SignedIn, permission: str) -> None:
    term = PERMISSION.get(permission)
    english = QLocale().name().startswith("en")
    what = (term.en if english else term.zh) if term else permission
    text = QCoreApplication.translate("SignIn", "%1 may not do this: %2").replace(
        "%1", officer.name).replace("%2", what)
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("SignIn", "Not permitted"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
