"""Reveal one masked contact for a limited time, with a reason, recorded by the desk.

The full value is fetched from the replica off the GUI thread, recorded in
the audit (who, what, when, why), shown large enough to dial from, and masked
again when the time limit runs out: the dialog then forgets it. It is never
put on the clipboard, which would outlive the limit.
"""

from __future__ import annotations

import datetime as dt
import logging
import math

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import ReplicaError
from desktop.models.reveal import NothingToReveal, RevealTarget
from desktop.models.workstation.audit import REVEAL_REASONS
from desktop.models.workstation.desk import Desk, NotPermitted, Revealed
from desktop.models.workstation.store import StoreUnavailable
from desktop.views import theme
from desktop.views.plain_text import one_line, plain_label
from desktop.views.sign_in import with_officer
from desktop.views.worker import run_blocking

log = logging.getLogger(__name__)


class RevealDialog(QDialog):
    revealed = Signal(object)  # Revealed
    masked_again = Signal()

    def __init__(self, desk: Desk, target: RevealTarget, parent: QWidget | None = None,
                 *, language: str | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._target = target
        self._value: Revealed | None = None
        english = (language or QLocale().name()).startswith("en")
        self.setWindowTitle(self.tr("Reveal a contact"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Contact"), plain_label(one_line(target.label)))
        self.reason = QComboBox()
        for term in REVEAL_REASONS:
            self.reason.addItem(term.en if english else term.zh, term.code)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.value = plain_label(self.tr("masked"))
        self.value.setObjectName("revealedValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.value.setStyleSheet(f"font-size: 32px; font-weight: bold; color: {theme.ACCENT};")
        layout.addWidget(self.value)
        self.countdown = plain_label("")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown)
        note = plain_label(
            self.tr("Each reveal is recorded with your name, the time and the reason."))
        note.setObjectName("dim")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reveal_button = self.buttons.addButton(self.tr("Reveal"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.reveal_button.clicked.connect(self.request)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.mask_again)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_countdown)

    def request(self) -> None:
        """Reveal after sign-in if needed (the permission depends on the kind of contact)."""
        with_officer(self._desk, self, self._target.permission, lambda _officer: self._fetch(),
                     purpose=self.tr("Sign in to reveal this contact."))

    def _fetch(self) -> None:
        self.reveal_button.setEnabled(False)
        self.countdown.setText(self.tr("Fetching…"))
        desk, target, reason = self._desk, self._target, str(self.reason.currentData())
        run_blocking(self, lambda: desk.reveal(target, reason), self._show, self._failed)

    def _show(self, revealed: Revealed) -> None:
        self._value = revealed
        contact = revealed.contact
        self.value.setText(f"{one_line(contact.name, 40)}  {one_line(contact.phone, 40)}".strip())
        left_ms = max(0, round((revealed.expires_at - revealed.revealed_at) /
                               dt.timedelta(milliseconds=1)))
        self._expiry.start(left_ms)
        self._tick.start()
        self._show_countdown()
        self.revealed.emit(revealed)

    def _show_countdown(self) -> None:
        left = self._expiry.remainingTime()
        if self._value is None or left < 0:
            return
        self.countdown.setText(self.tr("Masked again in %1 s").replace(
            "%1", str(math.ceil(left / 1000))))

    def mask_again(self) -> None:
        value, self._value = self._value, None
        self._tick.stop()
        self._expiry.stop()
        self.value.setText(value.contact.masked if value else self.tr("masked"))
        self.countdown.setText(self.tr("Masked again. Reveal again if needed (recorded again)."))
        self.reveal_button.setEnabled(True)
        self.masked_again.emit()

    def _failed(self, error: BaseException) -> None:
        self.reveal_button.setEnabled(True)
        if isinstance(error, StoreUnavailable):
            text = self.tr("Not revealed: recording is unavailable (%1)").replace("%1", str(error))
        elif isinstance(error, NotPermitted):
            text = self.tr("Not revealed: your role may not reveal this contact.")
        elif isinstance(error, NothingToReveal | ReplicaError):
            text = self.tr("Not revealed: %1").replace("%1", str(error))
        else:
            log.error("reveal failed", exc_info=error)
            text = self.tr("Not revealed: %1").replace("%1", str(error))
        self.countdown.setText(text)

    def done(self, result: int) -> None:
        """Closing the dialog masks the value at once."""
        if self._value is not None:
            self.mask_again()
        super().done(result)
