"""What the operator can open from the dashboard: dialogs, recorded acts, their shortcuts.

One place wires the panels' requests and the toolbar to the dialogs, so panels
never call each other. Every act that must be recorded goes through the desk
(sign-in first, then the audit row).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QToolBar

from desktop.models import clock
from desktop.models.clock import BEIJING
from desktop.models.situation import Situation, StationStatus
from desktop.settings import Settings
from desktop.views.main_window import MainWindow

if TYPE_CHECKING:  # (the store's modules load the database layer: not at start-up)
    from desktop.models.workstation.alert_acts import SharedAlerts

log = logging.getLogger(__name__)

SHARED_POLL_MS = 2000  # how often the other windows' acknowledgements and mutes are read
SHARED_SINCE = dt.timedelta(days=1)  # acknowledgements older than this no longer matter


class OperatorActions(QObject):
    def __init__(self, window: MainWindow, settings: Settings, desk: Any) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.desk = desk
        self.situation: Situation | None = None
        self.last_dialog: QDialog | None = None
        self._share_timer = QTimer(self)  # started once the desk is open (share_alerts)
        self._acted_at = 0.0  # this window's last acknowledgement or mute (monotonic)
        self._sharing = False
        window.stations.station_activated.connect(self.open_station)
        window.roster.week_requested.connect(self.open_week)
        window.alerts.acknowledge_requested.connect(self.acknowledge_alerts)
        window.map.feature_clicked.connect(self.on_map_feature)
        window.map.reveal_requested.connect(self.reveal_map_feature)
        self.toolbar = QToolBar(self.tr("Duty desk"))
        self.toolbar.setObjectName("operatorToolbar")
        entries: list[tuple[str, str, Callable[[], None]]] = [
            (self.tr("Sign in"), "Ctrl+I", self.open_sign_in),
            (self.tr("Duty log"), "Ctrl+L", self.open_duty_log),
            (self.tr("Handover"), "Ctrl+H", self.open_handover),
            (self.tr("Reveal leader's phone"), "Ctrl+R", self.reveal_leader_phone),
            (self.tr("Daily report"), "Ctrl+D", self.export_daily_report),
            (self.tr("六有 sheets"), "Ctrl+E", self.open_sheets),
            (self.tr("Week roster"), "Ctrl+W", self.open_week),
            (self.tr("Audit"), "Ctrl+Shift+A", self.open_audit),
            (self.tr("Mute alert sound"), "Ctrl+M", self.toggle_mute),
            (self.tr("Officers"), "Ctrl+Shift+O", self.open_officers),
            (self.tr("Change my PIN"), "Ctrl+Shift+P", self.change_my_pin),
        ]
        self.actions: dict[str, QAction] = {}
        for text, keys, slot in entries:
            action = QAction(text, window)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            window.addAction(action)  # shortcuts work on the wall too, without the toolbar
            self.toolbar.addAction(action)
            self.actions[keys] = action
        if not settings.wall:  # the wall is read from afar, not clicked
            window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def show_situation(self, situation: Situation) -> None:
        self.situation = situation

    def _desk_ready(self) -> bool:
        """Recorded acts wait for the desk, which opens just after the first picture."""
        if self.desk is None:
            self.window.header.show_notice(self.tr("The duty desk is still opening"))
            return False
        return True

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_dialog = dialog
        return dialog

    # ------------------------------------------------------------ reading

    def open_week(self) -> None:
        from desktop.models.roster import load_week
        from desktop.views.roster_week import RosterWeekDialog

        location = self.settings.replica
        self._show(RosterWeekDialog(lambda first: load_week(location, first, BEIJING),
                                    parent=self.window))

    def open_station(self, station: StationStatus) -> None:
        from desktop.models.stations import load_station_detail
        from desktop.views.station_detail import StationDetailDialog

        location = self.settings.replica
        english = self.settings.language.startswith("en")
        self._show(StationDetailDialog(
            station, lambda station_id: load_station_detail(location, station_id,
                                                            english=english),
            self.settings.language, self.window))

    def on_map_feature(self, layer: str, feature_id: str) -> None:
        """A station clicked on the map opens its detail in the operator window."""
        if self.settings.wall or not layer.startswith("station:") or self.situation is None:
            return
        station = next((s for s in self.situation.stations if str(s.id) == feature_id), None)
        if station is not None:
            self.open_station(station)

    # ------------------------------------------------------------ recorded acts

    def reveal_map_feature(self, layer_key: str, feature_id: str) -> None:
        """A vulnerable person's guardian: revealed for one record, recorded, then masked."""
        if not self._desk_ready():
            return
        from desktop.models.reveal import guardian_target
        from desktop.views.reveal_dialog import RevealDialog

        if self.situation is None:
            return
        layer = next((m for m in self.situation.layers if m.key == layer_key), None)
        feature = next((f for f in layer.features if str(f.id) == feature_id), None) if (
            layer) else None
        if layer is None or feature is None:
            return
        name = layer.name_en if self.settings.language.startswith("en") else layer.name_zh
        target = guardian_target(feature, name)
        if target is not None:
            self._show(RevealDialog(self.desk, target, self.window,
                                    language=self.settings.language))

    def open_sign_in(self) -> None:
        if not self._desk_ready():
            return
        from desktop.views.sign_in import SignInDialog

        self._show(SignInDialog(self.desk, self.window))

    def open_duty_log(self) -> None:
        if not self._desk_ready():
            return
        from desktop.views.duty_log import DutyLogDialog

        self._show(DutyLogDialog(self.desk, self.settings.language, self.window))

    def open_handover(self) -> None:
        if not self._desk_ready():
            return
        from desktop.models.handover import compile_handover
        from desktop.views.handover_dialog import HandoverDialog

        package = compile_handover(self.situation) if self.situation else None
        self._show(HandoverDialog(self.desk, package, self.settings.language, self.window))

    def open_audit(self) -> None:
        if not self._desk_ready():
            return
        from desktop.views.audit_view import AuditDialog

        dialog = AuditDialog(self.desk, self.settings.language, self.window)
        self._show(dialog)
        dialog.reload()

    def open_officers(self) -> None:
        if not self._desk_ready():
            return
        from desktop.views.officers_dialog import OfficersDialog

        dialog = OfficersDialog(self.desk, self.settings.language, self.window)
        self._show(dialog)
        dialog.reload()

    def change_my_pin(self) -> None:
        """Any officer, once signed in, sets their own PIN."""
        if not self._desk_ready():
            return
        from desktop.views.officers_dialog import ChangePinDialog
        from desktop.views.sign_in import with_officer

        with_officer(self.desk, self.window, "",
                     lambda _officer: self._show(ChangePinDialog(self.desk, self.window)))

    def reveal_leader_phone(self) -> None:
        if not self._desk_ready():
            return
        from desktop.models.reveal import leader_target
        from desktop.views.reveal_dialog import RevealDialog

        target = leader_target(self.situation.duty_now if self.situation else None,
                               QCoreApplication.translate("App", "Duty leader"))
        if target is not None:
            self._show(RevealDialog(self.desk, target, self.window,
                                    language=self.settings.language))

    def export_daily_report(self) -> None:
        if not self._desk_ready():
            return
        from desktop.models.clock import beijing_day
        from desktop.views.daily_report_pdf import DailyReportExport

        export = DailyReportExport(self.desk, self.settings.replica, self.settings.language,
                                   self.window)
        export.failed.connect(self.window.header.show_notice)
        export.start(beijing_day(self.desk.clock()), self.situation)
        self.last_export = export

    def open_sheets(self) -> None:
        from desktop.views.sheets_dialog import SheetsDialog

        dialog = SheetsDialog(self.settings.replica,
                              self.situation.stations if self.situation else (), self.window,
                              desk=self.desk)  # signs in first, records each export
        self._show(dialog)

    def acknowledge_alerts(self) -> None:
        """Acknowledging is recorded: who, when, which alerts (sign-in first)."""
        if not self._desk_ready():
            return
        from desktop.views.sign_in import with_officer

        def acknowledge(_officer: object) -> None:
            done = self.window.alerts.acknowledge_all()
            if done:
                self.desk.acknowledge_alerts(", ".join(alert.incident.code for alert in done),
                                             [alert.key for alert in done])
                self._acted_at = time.monotonic()

        with_officer(self.desk, self.window, "acknowledge", acknowledge)

    def toggle_mute(self) -> None:
        """Mute the alert sound for the set time on every window of the workstation, or end a
        running mute (recorded; the banner keeps flashing)."""
        if not self._desk_ready():
            return
        from desktop.models.workstation.roles import MUTE_ALERT
        from desktop.views.sign_in import with_officer

        banner = self.window.alerts
        minutes = 0 if banner.muted() else self.settings.mute_minutes

        def mute(_officer: object) -> None:
            until = self.desk.mute_alerts(minutes)
            self._acted_at = time.monotonic()
            banner.set_muted(until if minutes else None)
            notice = (self.tr("Alert sound muted until %1").replace(
                "%1", f"{until.astimezone(BEIJING):%H:%M}") if minutes
                else self.tr("Alert sound on again"))
            self.window.header.show_notice(notice)

        with_officer(self.desk, self.window, MUTE_ALERT, mute)

    def share_alerts(self) -> None:
        """Follow the acknowledgements and mutes of the workstation's other windows (read from
        the store every few seconds, off the GUI thread)."""
        from desktop.views.worker import run_blocking

        busy = False

        def poll() -> None:
            nonlocal busy
            if busy or self.desk is None:
                return
            busy = True
            desk, started = self.desk, time.monotonic()
            since = clock.now() - SHARED_SINCE

            def done(shared: SharedAlerts) -> None:
                nonlocal busy
                busy = False
                if not self._sharing:  # closed meanwhile (the window may be gone)
                    return
                if started >= self._acted_at:  # else it may predate this window's own act
                    self.window.alerts.apply_shared(shared)

            def failed(error: BaseException) -> None:
                nonlocal busy
                busy = False  # the desk already says "recording unavailable"
                log.debug("shared alert state not read: %s", error)

            run_blocking(self, lambda: desk.shared_alerts(since), done, failed)

        self._sharing = True
        self._share_timer.timeout.connect(poll)
        self._share_timer.start(SHARED_POLL_MS)
        poll()

    def close(self) -> None:
        """Stop reading the shared alert state (before the desk closes)."""
        self._sharing = False
        self._share_timer.stop()
