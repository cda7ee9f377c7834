"""Replay mode in a test window of its own: controller, bar, watermark, and the live panels.

The lead wires the real main window; this composes the same panels so the
replayed Situation is seen driving them unchanged. Set DUTYROOM_SCREENSHOTS
to keep the screenshot.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QRawFont
from PySide6.QtWidgets import (
    QGridLayout,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from desktop.views import theme
from desktop.views.incident_panel import IncidentPanel
from desktop.views.kpi_tiles import KpiTiles
from desktop.views.replay_bar import ReplayBar
from desktop.views.replay_controller import ReplayController
from desktop.views.replay_watermark import ReplayWatermark
from desktop.views.roster_panel import RosterPanel
from desktop.views.station_panel import StationPanel
from desktop.views.timeline_panel import TimelinePanel

pytestmark = pytest.mark.gui




class ReplayWindow(QWidget):
    """Timeline, replay bar, KPI tiles, stations, roster and incidents, under a watermark."""

    def __init__(self, location: str) -> None:
        super().__init__()
        sizes = theme.Sizes.for_screen(False, 1080)
        self.setStyleSheet(theme.style_sheet(sizes))
        self.controller = ReplayController(location, self, snapshot_every=4)
        self.bar = ReplayBar(self.controller)
        self.kpis = KpiTiles()
        self.stations = StationPanel("zh_CN", sizes.row)
        self.roster = RosterPanel("zh_CN")
        self.incidents = IncidentPanel("zh_CN", sizes.row)
        self.timeline = TimelinePanel("zh_CN", sizes.body)
        grid = QGridLayout()
        grid.addWidget(self.stations, 0, 0)
        grid.addWidget(self.incidents, 0, 1)
        grid.addWidget(self.roster, 0, 2)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)
        grid.setColumnStretch(2, 3)
        grid.addWidget(self.timeline, 1, 0, 1, 3)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.kpis)
        layout.addLayout(grid, 1)
        self.watermark = ReplayWatermark(self, sizes.body)
        # The wiring the lead does in MainWindow:
        for panel in (self.kpis, self.stations, self.roster, self.incidents, self.timeline):
            self.controller.situation_ready.connect(panel.show_situation)
        self.controller.timeline_ready.connect(self.timeline.show_timeline)
        self.timeline.seek_requested.connect(self.controller.seek)
        self.incidents.opened.connect(
            lambda incident_id: self.controller.open_incident(incident_id, False, self))
        self.controller.active_changed.connect(self.watermark.set_replaying)
        self.controller.opened.connect(lambda replay: self.watermark.set_title(replay.title))
        self.controller.clock_changed.connect(self.watermark.show_clock)


def make_window(qtbot, location) -> ReplayWindow:
    widget = ReplayWindow(str(location))
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    widget.show()
    return widget


@pytest.fixture
def window(qtbot, demo_replica):
    widget = make_window(qtbot, demo_replica)
    yield widget
    widget.controller.back_to_live()


def _open_first_drill(qtbot, window):
    controller = window.controller
    with qtbot.waitSignal(controller.drills_ready, timeout=10_000) as drills:
        controller.load_drills()
    assert window.bar.drills.count() == len(drills.args[0]) == 2
    with qtbot.waitSignals([controller.opened, controller.timeline_ready,
                            controller.situation_ready], timeout=20_000):
        window.bar.open_drill.click()
    return controller.replay


def test_drill_replay_drives_the_panels_with_watermark(qtbot, chinese, demo_replica, tmp_path):
    window = make_window(qtbot, demo_replica)
    replay = _open_first_drill(qtbot, window)
    controller = window.controller
    assert controller.active and window.watermark.isVisible()
    own = [i for i in replay.timeline.incidents if i.drill_id == replay.drill.id]
    arrived = min(e.recorded_at for i in own for e in i.events if e.stage == "arrived")
    shown = []
    controller.situation_ready.connect(shown.append)
    with qtbot.waitSignal(window.timeline.drawn, timeout=5000):
        controller.seek(arrived + dt.timedelta(minutes=2))
    situation = shown[-1]
    exercise = [i for i in situation.incidents if i.exercise]
    assert exercise and {i.status for i in exercise} & {"arrived", "handling", "follow_up"}
    rows = [window.incidents.model.incident(r) for r in range(window.incidents.model.rowCount())]
    assert rows == list(situation.incidents)
    assert window.kpis.incidents.value.text() == str(situation.kpis.open_incidents)
    assert window.timeline.cutoff == situation.at
    known = sum(1 for i in replay.timeline.incidents for e in i.events
                if e.recorded_at <= situation.at)
    assert sum(len(m.data) for m in window.timeline.plot._marks) == known > 0
    assert window.watermark.caption.startswith("演练回放 / REPLAY")
    assert replay.title in window.watermark.caption
    assert window.bar.time.text() == situation.at.astimezone(
        dt.timezone(dt.timedelta(hours=8))).strftime("%m-%d %H:%M:%S")
    assert 0 < window.bar.scrubber.value() < window.bar.scrubber.maximum()
    assert window.watermark.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert window.watermark.geometry() == window.rect()
    folder = Path(os.environ.get("DUTYROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(folder / "replay-mid-drill.png"))
    window.controller.back_to_live()


def test_play_step_speed_bookmarks_and_back_to_live(qtbot, window):
    replay = _open_first_drill(qtbot, window)
    controller = window.controller
    clock = controller.clock
    window.bar.speed.setCurrentIndex(window.bar.speed.findData(60))
    assert clock.speed == 60
    window.bar.play.click()
    assert clock.playing and window.bar.play.text() != ""
    qtbot.waitUntil(lambda: clock.position >= replay.start + dt.timedelta(seconds=30),
                    timeout=5000)
    window.bar.play.click()  # pause
    assert not clock.playing
    before = clock.position
    window.bar.forward.click()
    arrivals = [t for t in replay.engine.arrival_times() if t > before]
    assert clock.position == (arrivals[0] if arrivals else replay.end)
    window.bar.bookmark.click()
    assert window.bar.bookmarks.count() == 1
    controller.seek(replay.end)
    window.bar.bookmarks.activated.emit(0)
    assert clock.position == clock.bookmarks[0].at
    with qtbot.waitSignal(controller.active_changed, timeout=2000) as mode:
        window.bar.live.click()
    assert mode.args == [False] and not controller.active
    assert not window.watermark.isVisible()
    assert not window.bar.play.isEnabled()


def test_export_after_action_from_the_open_drill(qtbot, window, tmp_path):
    replay = _open_first_drill(qtbot, window)
    assert window.bar.export.isEnabled()
    written = window.controller.export_after_action(tmp_path / "summary.pdf", "en")
    assert written.stat().st_size > 10_000
    assert replay.drill is not None


def test_a_replica_that_cannot_be_read_is_reported_not_raised(qtbot, tmp_path):
    controller = ReplayController(str(tmp_path / "missing.db"))
    bar = ReplayBar(controller)
    qtbot.addWidget(bar)
    with qtbot.waitSignal(controller.failed, timeout=10_000) as failed:
        controller.open_drill(1)
    assert "not found" in failed.args[0]
    assert failed.args[0] in bar.status.text()
    assert not controller.active


# ---------------------------------------------------------------- seek like a media player


def test_a_click_on_the_groove_seeks_within_one_pixel_of_the_clicked_time(qtbot, window):
    replay = _open_first_drill(qtbot, window)
    clock = window.controller.clock
    slider = window.bar.scrubber
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    groove = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderGroove, slider)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderHandle, slider)
    travel = groove.width() - handle.width()  # the handle centre's pixels
    left = groove.x() + handle.width() // 2
    span = replay.end - replay.start
    one_pixel = span / travel
    for share in (0.73, 0.21, 0.5):  # far from the handle each time: a jump, not a page step
        x = left + round(share * travel)
        clicked = replay.start + span * ((x - left) / travel)
        qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))
        assert abs(clock.position - clicked) <= one_pixel, (share, clock.position, clicked)
        slider.initStyleOption(option)
        moved = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                              QStyle.SubControl.SC_SliderHandle, slider)
        assert abs(moved.center().x() - x) <= 1  # the handle sits under the pointer
    state = clock.state
    assert window.bar.elapsed.text() == (
        f"{_hms(state.position - state.start)} / {_hms(state.end - state.start)}")
    events, _ = slider.ticks
    assert len(events) == len(clock.marks) > 0 and all(0 <= f <= 1 for f in events)
    columns = slider._event_columns()  # drawn one line per pixel column, however many
    assert 0 < len(columns) <= min(len(events), slider.width())


def _hms(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def test_every_keyboard_shortcut_drives_the_replay(qtbot, window):
    replay = _open_first_drill(qtbot, window)
    controller, clock, bar = window.controller, window.controller.clock, window.bar
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    key = partial(qtbot.keyClick, bar.scrubber)
    marks = clock.marks
    controller.seek(marks[3])
    key(Qt.Key.Key_Right)
    assert clock.position == marks[4] and not clock.playing
    key(Qt.Key.Key_Left)
    key(Qt.Key.Key_Left)
    assert clock.position == marks[2]
    key(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert clock.position == marks[2] + dt.timedelta(minutes=1)
    key(Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    key(Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert clock.position == marks[2] - dt.timedelta(minutes=1)
    assert clock.speed == 1
    key(Qt.Key.Key_Plus)
    assert clock.speed == 2
    key(Qt.Key.Key_Equal)
    assert clock.speed == 5
    key(Qt.Key.Key_Minus)
    key(Qt.Key.Key_Minus)
    key(Qt.Key.Key_Minus)  # stays at the slowest
    assert clock.speed == 1 and bar.speed.currentData() == 1
    key(Qt.Key.Key_B)
    assert [b.at for b in clock.bookmarks] == [clock.position]
    key(Qt.Key.Key_Space)
    assert clock.playing and bar.play.text().startswith("‖")
    key(Qt.Key.Key_Space)
    assert not clock.playing and bar.play.text().startswith("▶")
    controller.back_to_live()
    before = replay.start
    key(Qt.Key.Key_Space)  # no replay: the keys do nothing
    assert controller.clock is None and before == replay.start


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_transport_glyphs_are_in_the_font_we_ship(qtbot, request, language):
    if language == "zh_CN":
        request.getfixturevalue("chinese")  # the Chinese labels, from the .ts as it is now
    raw = QRawFont.fromFont(QFont("WenQuanYi Micro Hei"))
    assert raw.familyName() == "WenQuanYi Micro Hei"
    controller = ReplayController("sqlite:///nowhere")
    bar = ReplayBar(controller, language)
    qtbot.addWidget(bar)
    texts = [bar.play.text(), bar.back.text(), bar.forward.text(), bar.live.text(),
             bar.bookmark.text(), bar.tr("‖ Pause"), bar.tr("▶ Play")]
    glyphs = {ch for text in texts for ch in text if ord(ch) > 0x2000}
    assert {"‖", "▶", "◀", "■", "★"} <= glyphs
    assert [ch for ch in glyphs if not raw.supportsCharacter(ord(ch))] == []
    assert not raw.supportsCharacter(0x23F8)  # why ⏸ was an empty box


# ---------------------------------------------------------------- bookmarks that last


def test_bookmarks_are_kept_survive_a_restart_and_appear_in_the_pdf(qtbot, demo_replica,
                                                                     tmp_path):
    import subprocess

    from desktop.models.workstation.desk import Desk
    from desktop.models.workstation.officers import enrol
    from desktop.models.workstation.passwords import HashProfile, SecretHasher
    from desktop.models.workstation.recovery import open_store

    hasher = SecretHasher(HashProfile.cheap())
    now = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
    store, _ = open_store(tmp_path / "ws.db", now)
    enrol(store, hasher, now, login="李协调", name="李协调", role="duty_officer",
          secret="246810")
    desk = Desk(store, clock=lambda: now, hasher=hasher)
    desk.sign_in("李协调", "246810")
    window = make_window(qtbot, demo_replica)
    window.bar.desk = desk
    replay = _open_first_drill(qtbot, window)
    controller = window.controller
    moment = controller.clock.marks[5]
    controller.seek(moment)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    qtbot.keyClick(window.bar.scrubber, Qt.Key.Key_B)  # B: kept, signed in
    kept = desk.bookmarks(controller.scope())
    assert [b.at for b in kept] == [moment] and kept[0].officer_name == "李协调"
    dialog = window.bar.open_bookmarks()
    dialog.name.setText("派遣偏慢")
    dialog.note.setPlainText("核实后 3 分钟才派遣，下次同步通知两站")
    dialog.save_button.click()
    assert [(b.name, b.note) for b in desk.bookmarks(controller.scope())] == [
        ("派遣偏慢", "核实后 3 分钟才派遣，下次同步通知两站")]
    assert window.bar.bookmarks.itemText(0).endswith("派遣偏慢")
    controller.seek(replay.end)
    dialog.go_button.click()
    assert controller.clock.position == moment
    # a second bookmark, deleted again
    controller.seek(controller.clock.marks[7])
    window.bar.bookmark.click()
    assert len(desk.bookmarks(controller.scope())) == 2
    dialog.reload()
    dialog.marks.setCurrentRow(1)
    dialog.delete_button.click()
    assert len(desk.bookmarks(controller.scope())) == 1
    dialog.close()
    controller.back_to_live()

    # a restart: a new store object on the same file, a new window
    again, _ = open_store(tmp_path / "ws.db", now)
    later = Desk(again, clock=lambda: now, hasher=hasher)
    other = make_window(qtbot, demo_replica)
    other.bar.desk = later
    _open_first_drill(qtbot, other)
    assert [b.at for b in other.controller.clock.bookmarks] == [moment]
    assert other.bar.bookmarks.count() == 1
    _events, marks = other.bar.scrubber.ticks
    assert len(marks) == 1
    path = other.controller.export_after_action(tmp_path / "summary.pdf", "zh_CN", later)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    assert "书签与备注" in flat or "Bookmarksandnotes" in flat
    assert "派遣偏慢" in flat and "核实后3分钟才派遣，下次同步通知两站" in flat
    assert "李协调" in flat
    other.controller.back_to_live()


# ---------------------------------------------------------------- per-incident drill-down


def test_double_click_opens_the_incident_with_its_events_distances_and_jumps(
        qtbot, chinese, window, tmp_path):
    from desktop.models.after_action import after_action
    from desktop.views.drill_down import DrillDownDialog

    replay = _open_first_drill(qtbot, window)
    controller = window.controller
    controller.seek(replay.end - dt.timedelta(minutes=20))
    table = window.incidents.table
    model = window.incidents.model
    row = next(r for r in range(model.rowCount()) if model.incident(r).exercise)
    incident_id = model.incident(row).id
    opened = []
    window.incidents.opened.connect(opened.append)
    rect = table.visualRect(model.index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [incident_id]
    dialog = window.findChild(DrillDownDialog)
    assert dialog is not None and dialog.isVisible()
    incident = dialog.incident
    assert [e.id for e in dialog.events] == [e.id for e in incident.events]
    assert [e.occurred_at for e in dialog.events] == sorted(e.occurred_at for e in dialog.events)
    report = after_action(replay)  # the same distance as the report states
    sent = next(d for i in report.incidents if i.incident.id == incident_id
                for d in i.dispatches)
    row_of = next(n for n, e in enumerate(dialog.events) if e.stage == "dispatched")
    assert f"{sent.straight_m:.0f} 米" in dialog.text_of(row_of, 5)
    assert sent.station.name in dialog.text_of(row_of, 4)
    assert dialog.text_of(row_of, 0).endswith(
        dialog.events[row_of].occurred_at.astimezone(
            dt.timezone(dt.timedelta(hours=8))).strftime("%H:%M:%S"))
    assert dialog.text_of(row_of, 3) not in ("", "—")  # who acted (masked)
    dialog.table.selectRow(2)
    dialog.go.click()
    assert controller.clock.position == dialog.events[2].recorded_at
    dialog.table.setFocus()
    dialog.table.selectRow(4)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert controller.clock.position == dialog.events[4].recorded_at
    folder = Path(os.environ.get("DUTYROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(folder / "drill-down.png"))
    dialog.close()
    # Enter on the row opens it as well
    table.setFocus()
    table.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [incident_id, incident_id]


# ---------------------------------------------------------------- responders on the map


def test_replay_hands_out_each_team_between_dispatch_and_arrival(qtbot, window):
    from desktop.models.after_action import after_action
    from desktop.models.coverage import projection_for
    from desktop.models.responders import responder_at

    replay = _open_first_drill(qtbot, window)
    controller = window.controller
    sent = next(d for d in after_action(replay).dispatches if d.arrived_at is not None)
    moment = sent.dispatched_at + (sent.arrived_at - sent.dispatched_at) * 0.4
    with qtbot.waitSignal(controller.responders_changed, timeout=3000) as shown:
        controller.seek(moment)
    teams = [t for t in shown.args[0] if t.incident_id == sent.incident_id]
    expected = responder_at(sent, moment, projection_for(replay.engine.situation_at(replay.start)))
    assert teams == [expected] and expected is not None
    assert expected.share == pytest.approx(0.4, abs=1e-3) and not expected.estimated
    with qtbot.waitSignal(controller.responders_changed, timeout=3000) as shown:
        controller.seek(sent.arrived_at)
    assert all(t.incident_id != sent.incident_id for t in shown.args[0])
    with qtbot.waitSignal(controller.responders_changed, timeout=3000) as shown:
        controller.back_to_live()
    assert shown.args == [()]
