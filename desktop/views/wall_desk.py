"""The wall's own sign-in and acknowledge overlay: a key, a PIN pad in large type, gone.

The wall has no buttons and no cursor; acknowledging and signing in belong to the
operator window. Where a wall runs without one, ``OPEN_KEY`` opens this overlay over
the wall: ↑/↓ choose the officer, the digit keys type the PIN (shown as dots), Enter
signs in and acknowledges every pending alert (recorded, as at the operator window),
Esc closes. It closes itself after use, and after ``IDLE_CLOSE_MS`` untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.models.clock import beijing
from desktop.views import theme
from desktop.views.plain_text import plain_label
from desktop.views.worker import run_blocking

if TYPE_CHECKING:
    from desktop.models.workstation.desk import Desk

OPEN_KEY = "F2"
IDLE_CLOSE_MS = 30_000
DONE_CLOSE_MS = 3_000
PIN_DOTS = 12  # the most dots shown for a PIN


class WallDeskOverlay(QFrame):
    """Over the wall window; ``acknowledge`` is the app's recorded acknowledgement (run once
    the officer is signed in)."""

    closed = Signal()

    def __init__(self, window: QWidget, desk: Desk, acknowledge: Callable[[], None],
                 font_px: int) -> None:
        super().__init__(window)
        self._window = window
        self._desk = desk
        self._acknowledge = acknowledge
        self._officers: list[tuple[str, str]] = []  # (login, name)
        self._choice = 0
        self._pin = ""
        self._busy = False
        self.setObjectName("wallDesk")
        large = round(font_px * 1.5)
        self.setStyleSheet(
            f"QFrame#wallDesk {{ background: {theme.PANEL}; border: 4px solid {theme.ACCENT};"
            f" border-radius: 12px; }} QLabel {{ font-size: {large}px; }}"
            f" QLabel#wallDeskPad {{ color: {theme.TEXT_DIM}; }}")
        layout = QVBoxLayout(self)
        self.heading = plain_label(self.tr("Sign in and acknowledge"))
        self.heading.setStyleSheet(f"color: {theme.ACCENT}; font-weight: bold;")
        self.officer = plain_label("")
        self.pin = plain_label("")
        self.message = plain_label("")
        self.message.setWordWrap(True)
        self.hint = plain_label(self.tr("↑↓ officer · digits PIN · Enter · Esc"))
        self.hint.setObjectName("wallDeskPad")
        pad = QGridLayout()
        for index, key in enumerate("123456789←0↵"):
            label = QLabel(key)
            label.setObjectName("wallDeskPad")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pad.addWidget(label, index // 3, index % 3)
        for widget in (self.heading, self.officer, self.pin):
            layout.addWidget(widget)
        layout.addLayout(pad)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.close_overlay)
        self.hide()
        self.shortcut = QShortcut(QKeySequence(OPEN_KEY), window)
        self.shortcut.activated.connect(self.open_overlay)
        window.installEventFilter(self)

    # ------------------------------------------------------------ showing

    def open_overlay(self) -> None:
        try:
            self._officers = [(o.login, o.name) for o in self._desk.officers()]
        except Exception as error:  # the store unreadable: say so, in words
            self._officers = []
            self.message.setText(str(error))
        self._choice, self._pin, self._busy = 0, "", False
        self.message.setText(self.message.text() if not self._officers else "")
        self._refresh()
        self._place()
        self.show()
        self.raise_()
        self.setFocus()
        self._idle.start(IDLE_CLOSE_MS)

    def close_overlay(self) -> None:
        self._pin = ""
        self._idle.stop()
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def _place(self) -> None:
        area = self._window.rect()
        width, height = round(area.width() * 0.42), round(area.height() * 0.7)
        self.setGeometry(area.center().x() - width // 2, area.center().y() - height // 2,
                         width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _refresh(self) -> None:
        name = self._officers[self._choice][1] if self._officers else "—"
        self.officer.setText(self.tr("Officer: %1").replace("%1", name))
        self.pin.setText(self.tr("PIN: %1").replace("%1", "●" * min(len(self._pin), PIN_DOTS)))

    # ------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._idle.start(IDLE_CLOSE_MS)
        key, text = event.key(), event.text()
        if key == Qt.Key.Key_Escape:
            self.close_overlay()
        elif self._busy:
            return
        elif key == Qt.Key.Key_Up and self._officers:
            self._choice = (self._choice - 1) % len(self._officers)
        elif key == Qt.Key.Key_Down and self._officers:
            self._choice = (self._choice + 1) % len(self._officers)
        elif key == Qt.Key.Key_Backspace:
            self._pin = self._pin[:-1]
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif text.isdigit() and len(text) == 1:
            self._pin += text
        self._refresh()

    def _submit(self) -> None:
        if not self._officers or not self._pin:
            self.message.setText(self.tr("Choose your name and type your PIN."))
            return
        login, pin, desk = self._officers[self._choice][0], self._pin, self._desk
        self._pin, self._busy = "", True
        self.message.setText(self.tr("Checking…"))
        run_blocking(self, lambda: desk.sign_in(login, pin), self._signed_in, self._refused)

    def _signed_in(self, _officer: object) -> None:
        self._busy = False
        self._acknowledge()  # signed in now: recorded at once, no dialog
        self.message.setText(self.tr("Signed in; alerts acknowledged."))
        self._idle.start(DONE_CLOSE_MS)

    def _refused(self, error: BaseException) -> None:
        from desktop.models.workstation.auth import LockedOut, WrongSecret

        self._busy = False
        if isinstance(error, WrongSecret):
            text = self.tr("Name or PIN not recognised.")
        elif isinstance(error, LockedOut):
            text = self.tr("Too many wrong attempts: locked until %1.").replace(
                "%1", f"{beijing(error.until):%H:%M}")
        else:
            text = self.tr("Not signed in: %1").replace("%1", str(error))
        self.message.setText(text)
        self._refresh()
