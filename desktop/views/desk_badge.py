"""Who is at the desk, in the header: the signed-in officer, sign-in/out, "recording unavailable".

The officer's own name is shown in full: it is the person sitting at the desk,
a public official on duty whose name is on the posted duty roster anyway, and
everyone in the room must see whose name every recorded act will carry.
Residents' data stays masked whatever the badge says.

``DeskBridge`` turns the Qt-free desk's callbacks (which may come from a
worker thread) into a queued Qt signal, runs the idle-timeout check every
second and the store health check off the GUI thread every half minute.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.models.workstation.desk import Desk, DeskState
from desktop.models.workstation.roles import ROLE
from desktop.views import theme
from desktop.views.plain_text import one_line, plain_label, tooltip
from desktop.views.store_watch import break_glass_text, store_change_text
from desktop.views.worker import run_blocking

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class DeskBridge(QObject):
    state_changed = Signal(object)  # DeskState

    def __init__(self, desk: Desk, parent: QObject | None = None, *,
                 health_every_ms: int = 30_000, idle_every_ms: int = 1000) -> None:
        super().__init__(parent)
        self.desk = desk
        self._unsubscribe = desk.subscribe(self.state_changed.emit)
        self._idle = QTimer(self)
        self._idle.timeout.connect(desk.expire_idle)
        self._idle.start(idle_every_ms)
        self._health = QTimer(self)
        self._health.timeout.connect(self.check_store)
        self._health.start(health_every_ms)
        self._checking = False

    def check_store(self) -> None:
        if self._checking:
            return
        self._checking = True
        run_blocking(self, self.desk.check_store, self._checked, self._checked)

    def _checked(self, _result: object) -> None:
        self._checking = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Installed on the application: any key or click keeps the officer signed in."""
        if event.type() in _ACTIVITY and self.desk.state.officer is not None:
            self.desk.touch()
        return False

    def close(self) -> None:
        self._idle.stop()
        self._health.stop()
        self._unsubscribe()


class DeskBadge(QWidget):
    sign_in_requested = Signal()

    def __init__(self, bridge: DeskBridge, language: str = "zh_CN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._english = language.startswith("en")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.who = plain_label("")
        self.who.setObjectName("deskOfficer")
        self.button = QPushButton("")
        self.button.clicked.connect(self._clicked)
        self.recording = plain_label("")
        self.recording.setObjectName("recording")
        self.recording.setWordWrap(True)
        self.alert = plain_label("")
        self.alert.setObjectName("deskAlert")
        self.alert.setWordWrap(True)
        self.alert.setVisible(False)
        layout.addWidget(self.alert)
        layout.addWidget(self.recording)
        layout.addWidget(self.who)
        layout.addWidget(self.button)
        bridge.state_changed.connect(self.show_state)
        self.show_state(bridge.desk.state)

    def _clicked(self) -> None:
        if self._bridge.desk.state.officer is None:
            self.sign_in_requested.emit()
        else:
            self._bridge.desk.sign_out()

    def show_state(self, state: DeskState) -> None:
        officer = state.officer
        if officer is None:
            self.who.setText(self.tr("Nobody signed in · contacts masked"))
            self.button.setText(self.tr("Sign in"))
        else:
            term = ROLE.get(officer.role)
            role = (term.en if self._english else term.zh) if term else officer.role
            self.who.setText(f"● {role} {one_line(officer.name, 20)}")
            self.button.setText(self.tr("Sign out"))
        if state.recording:
            self.recording.setText("")
            self.recording.setStyleSheet("")
            self.recording.setVisible(bool(state.notice))
            if state.notice:
                self.recording.setText(self.tr("▲ Store restored from a backup"))
                self.recording.setStyleSheet(
                    f"background:{theme.STATUS_COLOUR['amber']}; color:{theme.ON_STATUS};"
                    " padding:2px 6px;")
            self.recording.setToolTip(state.notice)
        else:
            self.recording.setText(self.tr("■ Recording unavailable"))
            self.recording.setToolTip(state.problem)
            self.recording.setStyleSheet(
                f"background:{theme.STATUS_COLOUR['red']}; color:{theme.ON_STATUS};"
                " font-weight:bold; padding:2px 6px;")
            self.recording.setVisible(True)
        self.setProperty("recording", state.recording)
        self._show_alert(state)

    def _show_alert(self, state: DeskState) -> None:
        """What an officer must know about the store: a restore or replacement under the
        running dashboard, and (to an administrator) break-glass acts at the command line."""
        parts, details = [], []
        if state.break_glass:
            parts.append(self.tr("▲ %n break-glass act(s) at the command line since an "
                                 "administrator last signed in", "", len(state.break_glass)))
            details.append(break_glass_text(state.break_glass))
        if state.change is not None:
            parts.append("▲ " + store_change_text(state.change))
            details.append(store_change_text(state.change))
        self.alert.setVisible(bool(parts))
        self.alert.setText("\n".join(parts))
        self.alert.setToolTip(tooltip("\n".join(details)))
        self.alert.setStyleSheet(
            f"background:{theme.STATUS_COLOUR['amber']}; color:{theme.ON_STATUS};"
            " font-weight:bold; padding:2px 6px;" if parts else "")
