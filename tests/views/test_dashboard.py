"""The whole window in-process on a demo replica: each panel shows real rows."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.app import Dashboard
from desktop.models.vocab import STAGE
from desktop.settings import Settings
from desktop.views import theme

pytestmark = pytest.mark.gui


@pytest.fixture
def dashboard(qtbot, live_demo_replica):
    board = Dashboard(Settings(replica=str(live_demo_replica), poll_interval_ms=100), 1080)
    qtbot.addWidget(board.window)
    yield board
    board.close()


def _start_and_capture(qtbot, board):
    seen = []
    board.feed.situation_ready.connect(seen.append)
    with qtbot.waitSignal(board.tracker.ready, timeout=30_000):
        board.start()
    return seen[0]


def test_panels_show_real_rows_of_the_demo_street(qtbot, dashboard):
    situation = _start_and_capture(qtbot, dashboard)
    window = dashboard.window
    assert situation.street.name == "七里河街道"
    assert window.header.street.text() == "七里河街道"

    stations = window.stations.model
    assert stations.rowCount() == len(situation.stations) > 0
    levels = [stations.station(row).readiness.level for row in range(stations.rowCount())]
    assert levels == sorted(levels, key={"red": 0, "amber": 1, "green": 2}.get)
    assert {"red", "amber"} & set(levels), "the demo should have something not ready"

    leader = situation.duty_now.leader
    assert leader is not None and "*" in leader.name
    assert leader.name in window.roster.now.text()
    assert all(person.name in window.roster.now.text() for person in situation.duty_now.officers)

    gaps = situation.roster.gaps
    assert [g.code for g in gaps] == ["no_leader"]
    assert window.roster.gaps.isVisible() and "缺带班领导" in window.roster.gaps.text()

    incidents = window.incidents.model
    assert incidents.rowCount() == len(situation.incidents) > 0
    first = incidents.incident(0)
    assert incidents.data(incidents.index(0, 1)) == STAGE[first.status].zh or \
        incidents.data(incidents.index(0, 1)) == STAGE[first.status].en

    kpis = situation.kpis
    assert window.kpis.on_duty.value.text() == str(kpis.on_duty)
    assert window.kpis.incidents.value.text() == str(kpis.open_incidents)
    assert window.kpis.ready.value.text() == str(kpis.stations_ready)

    states = []
    window.map.page_state(states.append)
    qtbot.waitUntil(lambda: bool(states), timeout=10_000)
    features = {layer["key"]: layer["features"] for layer in states[0]["layers"]}
    assert features["grids"] == len(situation.grids) > 0
    assert sum(n for key, n in features.items() if key.startswith("station")) == len(
        situation.stations)


def test_rows_the_map_cannot_draw_are_counted_once_in_the_header(qtbot, live_demo_replica):
    feature, = sqlite3.connect(live_demo_replica).execute(
        "SELECT code FROM feature ORDER BY id LIMIT 1").fetchone()
    station, = sqlite3.connect(live_demo_replica).execute(
        "SELECT code FROM station ORDER BY id LIMIT 1").fetchone()
    bow_tie = {"type": "Polygon", "coordinates": [[[112.12, 32.05], [112.13, 32.06],
                                                   [112.13, 32.05], [112.12, 32.06],
                                                   [112.12, 32.05]]]}
    with sqlite3.connect(live_demo_replica) as db:
        db.execute("UPDATE feature SET geometry = ? WHERE code = ?",
                   (json.dumps(bow_tie), feature))
        db.execute("UPDATE station SET lon = 212.0 WHERE code = ?", (station,))
    db.close()
    board = Dashboard(Settings(replica=str(live_demo_replica), poll_interval_ms=100), 1080)
    qtbot.addWidget(board.window)
    _start_and_capture(qtbot, board)  # ready: the map has drawn its layers too
    window = board.window
    assert window.header.problems.isVisible()
    assert window.header.problems.text().endswith("2")
    window._show_problems()
    lines = window.problems_box.text().splitlines()  # type: ignore[union-attr]
    assert len(lines) == 2
    assert any(line.startswith(f"feature {feature}: ") for line in lines)
    assert any(line.startswith(f"station {station}: ") for line in lines)
    board.close()


def test_missing_replica_is_shown_unreadable_and_window_stays(qtbot, tmp_path):
    board = Dashboard(Settings(replica=str(tmp_path / "gone.db"), poll_interval_ms=100), 1080)
    qtbot.addWidget(board.window)
    board.start()
    badge = board.window.header.freshness
    qtbot.waitUntil(lambda: badge.property("state") == "unreadable", timeout=5_000)
    assert "STALE" in badge.text()
    assert board.window.isVisible()
    board.close()


def test_replica_without_recent_heartbeat_is_stale_not_live(qtbot, demo_replica):
    board = Dashboard(Settings(replica=str(demo_replica), poll_interval_ms=100), 1080)
    qtbot.addWidget(board.window)
    board.start()
    badge = board.window.header.freshness
    qtbot.waitUntil(lambda: badge.property("state") == "stale", timeout=10_000)
    assert "DATA STALE since" in badge.text()
    board.close()


def test_wall_at_4k_scales_widgets_and_the_map_page_together(qtbot, live_demo_replica):
    board = Dashboard(Settings(replica=str(live_demo_replica), wall=True), 2160)
    qtbot.addWidget(board.window)
    with qtbot.waitSignal(board.tracker.ready, timeout=30_000):
        board.start()
    sizes = theme.Sizes.for_screen(True, 2160, diagonal_in=65, distance_m=4)
    # the page zooms with the widgets: twice the 1080p scale of the same 65″ panel
    assert sizes.scale == pytest.approx(2 * theme.Sizes.for_screen(True, 1080).scale, rel=0.05)
    assert board.window.map.page.zoomFactor() == pytest.approx(sizes.scale)
    values = []
    board.window.map.evaluate_json(
        "parseFloat(getComputedStyle(document.querySelector('.dm-legend')).fontSize)",
        values.append)
    qtbot.waitUntil(lambda: bool(values), timeout=5_000)
    assert values[0] * sizes.scale >= sizes.body  # the legend reads like the body text
    assert (f"QWidget {{ background: #0b0f14; color: #f2f5f8; font-size: {sizes.body}px; }}"
            in " ".join(board.window.styleSheet().split()))
    board.close()


def test_double_click_on_a_station_opens_its_equipment_and_history(qtbot, dashboard):
    _start_and_capture(qtbot, dashboard)
    table = dashboard.window.stations.table
    index = table.model().index(0, 1)
    station = dashboard.window.stations.model.station(0)
    table.doubleClicked.emit(index)
    dialog = dashboard.last_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.windowTitle() == station.name
    assert dialog.equipment.rowCount() > 0 and dialog.inspections.rowCount() > 0
    dialog.filter.setText("急救箱")
    proxy = dialog._equipment_proxy
    assert 0 < proxy.rowCount() < dialog.equipment.rowCount()
    dialog.grab().save("/tmp/station-detail.png")
    dialog.close()


def test_equipment_models_pass_the_model_tester(qtmodeltester, demo_replica):
    from desktop.models.stations import load_station_detail
    from desktop.views.qt_equipment_model import EquipmentTableModel, InspectionTableModel

    detail = load_station_detail(str(demo_replica), 1)
    equipment, history = EquipmentTableModel(), InspectionTableModel()
    equipment.set_equipment(detail.equipment)
    history.set_inspections(detail.inspections)
    qtmodeltester.check(equipment)
    qtmodeltester.check(history)


def test_week_view_marks_today_and_the_leaderless_shift(qtbot, dashboard, qtmodeltester):
    _start_and_capture(qtbot, dashboard)
    dashboard.window.roster.week.click()
    dialog = dashboard.last_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    days = [model.data(model.index(row, 0)) for row in range(7)]
    assert sum("today" in day for day in days) == 1
    cells = [model.data(model.index(r, c)) for r in range(7) for c in range(1, 3)]
    assert any("/" in cell for cell in cells if cell)
    dialog.resize(1600, 500)
    dialog.grab().save("/tmp/roster-week.png")
    dialog.close()


def test_a_change_redraws_only_the_panels_that_show_it(qtbot, dashboard, live_demo_replica):
    """An incident update reaches the incident panel, the KPIs and the map; the stations and
    the roster keep their rows (not reset); an equipment change redraws the stations."""
    from sqlalchemy import text

    from desktop.models.replica import open_writer

    first = _start_and_capture(qtbot, dashboard)
    window = dashboard.window
    target = first.incidents[0]
    writer = open_writer(str(live_demo_replica))

    def write(sql: str) -> object:
        with (qtbot.waitSignal(dashboard.feed.update_ready, timeout=10_000) as got,
              writer.begin() as connection):
            connection.execute(text(sql))
        return got.args[0]

    resets: list[str] = []
    window.stations.model.modelReset.connect(lambda: resets.append("stations"))
    update = write(f"UPDATE incident SET title = '堤防渗水 (更新)' WHERE id = {target.id}")
    assert update.changes.entities == {"incident"}
    assert window.drawn == ["alerts", "kpis", "map", "incidents"]
    assert resets == []
    titles = [window.incidents.model.incident(r).title
              for r in range(window.incidents.model.rowCount())]
    assert "堤防渗水 (更新)" in titles

    update = write("UPDATE equipment_item SET status = 'dispatched' WHERE id = "
                   "(SELECT min(id) FROM equipment_item WHERE status = 'in_service')")
    assert update.changes.entities == {"equipment_item"}
    assert window.drawn == ["kpis", "map", "stations"]
    assert resets == ["stations"]
    writer.dispose()


def test_a_shift_starting_is_shown_when_it_starts_without_any_write(qtbot, dashboard,
                                                                     live_demo_replica):
    """Nothing is written at the moment a shift begins: the feed re-reads the time-dependent
    parts then because the reader said when (not at the next once-a-minute reload)."""
    import datetime as dt

    from sqlalchemy.orm import Session

    from desktop.models.masking import mask_name
    from desktop.models.replica import open_writer
    from desktop.models.schema import DutyAssignment, DutyShift, Person

    _start_and_capture(qtbot, dashboard)
    starts = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)
    writer = open_writer(str(live_demo_replica))
    with Session(writer) as session, session.begin():
        shift = DutyShift(kind="duty", starts_at=starts, ends_at=starts + dt.timedelta(hours=1))
        person = session.query(Person).order_by(Person.id).first()
        session.add(shift)
        session.flush()
        session.add(DutyAssignment(shift_id=shift.id, person_id=person.id, role="leader"))
        shift_id, leader = shift.id, mask_name(person.name)
    writer.dispose()
    updates: list[object] = []
    dashboard.feed.update_ready.connect(updates.append)
    qtbot.waitUntil(lambda: any(u.situation.duty_now and u.situation.duty_now.id == shift_id
                                for u in updates), timeout=8_000)
    shown = next(u for u in updates if u.situation.duty_now and u.situation.duty_now.id == shift_id)
    assert shown.changes.reason == "clock" and not shown.changes.touched
    assert dt.datetime.now(dt.UTC) >= starts
    assert leader in dashboard.window.roster.now.text()


def test_wall_and_operator_windows_share_acknowledgements_and_mutes(qtbot, live_demo_replica,
                                                                   tmp_path, monkeypatch):
    """Two windows of one workstation (ARCHITECTURE, "Two windows"): what the officer at the
    operator window acknowledges or mutes is recorded once and obeyed by the wall."""
    import datetime as dt
    import sqlite3

    from desktop.models.clock import beijing
    from desktop.models.workstation.officers import enrol
    from desktop.models.workstation.passwords import HashProfile, SecretHasher
    from desktop.models.workstation.recovery import open_store

    monkeypatch.setenv("DUTYROOM_WORKSTATION_STORE", str(tmp_path / "ws.db"))
    store, _ = open_store(tmp_path / "ws.db", dt.datetime.now(dt.UTC))
    enrol(store, SecretHasher(HashProfile.cheap()), dt.datetime.now(dt.UTC), login="王值班",
          name="王值班", role="duty_officer", secret="135790")
    boards = {}
    for name, wall in (("wall", True), ("operator", False)):
        board = Dashboard(Settings(replica=str(live_demo_replica), wall=wall,
                                   poll_interval_ms=100), 1080)
        qtbot.addWidget(board.window)
        boards[name] = board
        with qtbot.waitSignal(board.tracker.ready, timeout=30_000):
            board.start()
    wall, operator = boards["wall"], boards["operator"]
    qtbot.waitUntil(lambda: wall.desk is not None and operator.desk is not None)

    def new_incident(code: str) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
        connection = sqlite3.connect(live_demo_replica)
        connection.execute(
            "INSERT INTO incident (code, title, class_code, severity, status, place, exercise,"
            " occurred_at, recorded_at) VALUES (?, '燃气泄漏', 'accident', 2, 'received',"
            " '长安花园5栋', 0, ?, ?)", (code, now, now))
        connection.commit()
        connection.close()

    try:
        new_incident("TWO-1")
        for board in boards.values():
            qtbot.waitUntil(lambda b=board: "燃气泄漏" in b.window.alerts.text.text()
                            and b.window.alerts.isVisible(), timeout=10_000)
        operator.desk.sign_in("王值班", "135790")
        operator.actions.acknowledge_alerts()
        assert operator.window.alerts.isHidden()
        qtbot.waitUntil(wall.window.alerts.isHidden, timeout=8_000)  # read from the store

        operator.actions.toggle_mute()
        assert operator.window.alerts.muted()
        new_incident("TWO-2")
        qtbot.waitUntil(lambda: wall.window.alerts.isVisible() and wall.window.alerts.muted(),
                        timeout=10_000)
        until = wall.window.alerts.muted_until
        assert f"{beijing(until):%H:%M}" in wall.window.alerts.text.text()
        operator.actions.toggle_mute()  # the mute ended early, at the operator window
        qtbot.waitUntil(lambda: not wall.window.alerts.muted(), timeout=8_000)
    finally:
        for board in boards.values():
            board.close()
