"""问题与整改: the drill coordinator writes what the replayed drill showed and what is to be
corrected; saved in the workstation store (signed in, audited) and printed in the report."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.after_action import Findings
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.findings import MAX_TEXT
from desktop.models.workstation.roles import WRITE_LOG
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import plain_label

log = logging.getLogger(__name__)


class FindingsDialog(QDialog):
    saved = Signal(object)  # Findings

    def __init__(self, desk: Desk, scope: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Problems found and corrective actions"))
        self._desk = desk
        self.scope = scope
        self.problems = QPlainTextEdit()
        self.actions = QPlainTextEdit()
        for edit in (self.problems, self.actions):
            edit.setTabChangesFocus(True)
        self.status = plain_label("")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title))
        layout.addWidget(QLabel(self.tr("Problems found")))
        layout.addWidget(self.problems)
        layout.addWidget(QLabel(self.tr("Corrective actions")))
        layout.addWidget(self.actions)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        try:
            current = desk.findings(scope)
        except StoreUnavailable as error:
            current = None
            self.status.setText(str(error))
        if current is not None:
            self.problems.setPlainText(current.problems)
            self.actions.setPlainText(current.actions)

    def save(self) -> None:
        from desktop.views.sign_in import with_officer

        with_officer(self._desk, self, WRITE_LOG, lambda _o: self._save(),
                     purpose=self.tr("Sign in to save the findings."))

    def _save(self) -> None:
        problems, actions = self.problems.toPlainText(), self.actions.toPlainText()
        if len(problems) > MAX_TEXT or len(actions) > MAX_TEXT:
            self.status.setText(self.tr("Each text holds at most %1 characters.").replace(
                "%1", str(MAX_TEXT)))
            return
        try:
            findings: Findings = self._desk.save_findings(self.scope, problems, actions)
        except (StoreUnavailable, PermissionError, ValueError) as error:
            self.status.setText(str(error))
            return
        self.saved.emit(findings)
        self.accept()
