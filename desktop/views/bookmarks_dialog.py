"""Bookmarks and notes of the open replay: name a marked moment, write a note, delete, go there.

Kept in the workstation store per drill (signed in, audited; an edit or a delete
is a new revision) and listed in the after-action summary.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.after_action import ReplayNote
from desktop.models.clock import beijing
from desktop.models.workstation.bookmarks import MAX_NAME, MAX_NOTE
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.roles import WRITE_LOG
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import one_line, plain_label

log = logging.getLogger(__name__)


class BookmarksDialog(QDialog):
    changed = Signal(object)  # tuple[ReplayNote, ...]: the scope's bookmarks now

    def __init__(self, desk: Desk, scope: str, go: Callable[[ReplayNote], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bookmarks and notes"))
        self._desk = desk
        self._go = go
        self.scope = scope
        self.notes: tuple[ReplayNote, ...] = ()
        self.marks = QListWidget()
        self.marks.currentRowChanged.connect(self._chosen)
        self.marks.itemDoubleClicked.connect(lambda _item: self.go_to())
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("Name"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.status = plain_label("")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        self.go_button = QPushButton(self.tr("Go to"))
        self.go_button.clicked.connect(self.go_to)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.go_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.marks, 2)
        layout.addWidget(self.name)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(640, 480)
        self.reload()

    def reload(self, select: str = "") -> None:
        try:
            self.notes = self._desk.bookmarks(self.scope)
        except StoreUnavailable as error:
            self.notes = ()
            self.status.setText(str(error))
        self.marks.blockSignals(True)
        self.marks.clear()
        for note in self.notes:
            written = one_line(note.officer_name, 20)
            self.marks.addItem(f"★ {beijing(note.at):%H:%M:%S}  {one_line(note.name, 40)}"
                               f"  · {written}")
        self.marks.blockSignals(False)
        row = next((n for n, note in enumerate(self.notes) if note.mark == select), 0)
        self.marks.setCurrentRow(row if self.notes else -1)
        self._chosen(self.marks.currentRow())

    def current(self) -> ReplayNote | None:
        row = self.marks.currentRow()
        return self.notes[row] if 0 <= row < len(self.notes) else None

    def _chosen(self, _row: int) -> None:
        note = self.current()
        self.name.setText(note.name if note else "")
        self.note.setPlainText(note.note if note else "")
        for widget in (self.save_button, self.delete_button, self.go_button, self.name,
                       self.note):
            widget.setEnabled(note is not None)

    def go_to(self) -> None:
        note = self.current()
        if note is not None:
            self._go(note)

    def save(self) -> None:
        self._write(deleted=False)

    def delete(self) -> None:
        self._write(deleted=True)

    def _write(self, deleted: bool) -> None:
        from desktop.views.sign_in import with_officer

        note = self.current()
        if note is None:
            return
        name, text = self.name.text(), self.note.toPlainText()
        if len(text) > MAX_NOTE:
            self.status.setText(self.tr("A note holds at most %1 characters.").replace(
                "%1", str(MAX_NOTE)))
            return

        def write(_officer: object) -> None:
            try:
                saved = self._desk.save_bookmark(self.scope, note.at, name, text, note.mark,
                                                 deleted)
            except (StoreUnavailable, PermissionError, ValueError) as error:
                self.status.setText(str(error))
                return
            self.reload(select=saved.mark)
            self.changed.emit(self.notes)

        with_officer(self._desk, self, WRITE_LOG, write,
                     purpose=self.tr("Sign in to keep the bookmarks."))
