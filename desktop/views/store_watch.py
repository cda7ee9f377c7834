"""The workstation store changed under the running dashboard: reload, and say it in words.

A store restored from a backup (or replaced) while the dashboard runs is noticed
by the desk (``StoreChanged``); dialogs that list the store's rows reload then,
so they never show a row that is no longer on disk.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.models.clock import beijing
from desktop.models.workstation.audit import AuditEntry
from desktop.models.workstation.desk import Desk, DeskState, StoreChange


class StoreWatch(QObject):
    """Calls ``reload`` on the GUI thread each time the desk notices that the workstation
    store was restored or replaced (its lists would show rows no longer on disk)."""

    changed = Signal()

    def __init__(self, desk: Desk, reload: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._epoch = desk.state.epoch
        self.changed.connect(reload)
        unsubscribe = desk.subscribe(self._state)
        parent.destroyed.connect(lambda *_: _quietly(unsubscribe))

    def _state(self, state: DeskState) -> None:
        if state.epoch != self._epoch:
            self._epoch = state.epoch
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                self.changed.emit()


def _quietly(unsubscribe: Callable[[], None]) -> None:
    with contextlib.suppress(ValueError):
        unsubscribe()


def store_change_text(change: StoreChange | str) -> str:
    """The store change, in words (``change``: the StoreChange, or its code)."""
    how = change if isinstance(change, str) else change.how
    if how == "restored":
        text = QCoreApplication.translate(
            "DeskBadge", "The workstation store was restored from an older copy while the "
            "dashboard ran: the lists were reloaded from it")
    else:
        text = QCoreApplication.translate(
            "DeskBadge", "The workstation store was replaced by another one while the "
            "dashboard ran: the lists were reloaded from it")
    if isinstance(change, StoreChange) and change.signed_out:
        text += QCoreApplication.translate(
            "DeskBadge", "; %1 was signed out: that store does not know them").replace(
            "%1", change.signed_out)
    return text


def break_glass_text(entries: tuple[AuditEntry, ...]) -> str:
    """Each break-glass act at the command line, one line each, for the administrator."""
    lines = []
    for entry in entries:
        lines.append(QCoreApplication.translate(
            "DeskBadge", "%1 OS account %2 on %3: %4 (%5)").replace(
            "%1", beijing(entry.at).strftime("%Y-%m-%d %H:%M")).replace(
            "%2", entry.os_account or "?").replace("%3", entry.workstation or "?").replace(
            "%4", entry.target).replace("%5", entry.detail))
    return "\n".join(lines)
