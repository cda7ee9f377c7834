import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.models.deadlines import DeadlineRule
from desktop.models.situation import IncidentStatus, Readiness, Reason, StationStatus
from desktop.views.qt_incident_model import IncidentTableModel
from desktop.views.qt_station_model import StationTableModel

pytestmark = [pytest.mark.gui, pytest.mark.calendar]
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


def station(code, level, reasons=()):
    return StationStatus(
        id=int(code[-1]), code=code, name=f"站{code}", kind="service_station", lon=112.15,
        lat=32.08, service_radius_m=500, response_minutes=None, community="长安社区",
        readiness=Readiness(level, tuple(Reason("x", zh, zh.upper(), level) for zh in reasons)),
        kinds_required=8, kinds_complete=8 if level == "green" else 7,
    )


def incident(number, severity, minutes_ago, exercise=False):
    at = NOW - dt.timedelta(minutes=minutes_ago)
    return IncidentStatus(
        id=number, code=f"I{number}", title="居民楼火情", class_code="accident",
        type_code="A20600", severity=severity, status="verified", place="长安花园3栋",
        lon=112.15, lat=32.08, grid_code=None, exercise=exercise, occurred_at=at,
        recorded_at=at, last_event_at=at,
    )


def test_station_model_sorts_worst_first_with_words(qtmodeltester):
    model = StationTableModel("zh_CN")
    model.set_stations((station("S1", "green"), station("S2", "red", ["a", "b", "c"]),
                        station("S3", "amber", ["d"])))
    qtmodeltester.check(model)
    assert [model.station(r).code for r in range(3)] == ["S2", "S3", "S1"]
    assert model.data(model.index(0, 0)) == "■ Not ready"
    assert model.data(model.index(0, 3)) == "a；b …"
    # the tooltip: the station's name and every reason, as text (escaped rich text)
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole) == \
        "<p style='white-space:pre-wrap'>站S2\na\nb\nc</p>"
    assert model.data(model.index(2, 2)) == "8/8"


def test_station_model_english_reasons(qtmodeltester):
    model = StationTableModel("en")
    model.set_stations((station("S1", "amber", ["d"]),))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 3)) == "D"


def test_incident_model_severity_first_with_stage_place_and_exercise_mark(qtmodeltester):
    model = IncidentTableModel("zh_CN", rules=(DeadlineRule(2, "first_report", 30),
                                              DeadlineRule(4, "first_report", 20)),
                               clock=lambda: NOW)
    model.set_incidents((incident(1, 4, 30), incident(2, 2, 5, exercise=True)))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "II"
    assert model.data(model.index(0, 1)) == "核实"
    assert model.data(model.index(0, 2)).startswith("[EXERCISE] ")
    assert model.data(model.index(1, 2)) == "居民楼火情"
    assert model.data(model.index(1, 3)) == "长安花园3栋"  # the place in its own column
    assert model.data(model.index(1, 5)) == "09:30"  # Beijing time
    assert model.data(model.index(0, 4)) == "初报剩余 25:00"
    assert model.data(model.index(1, 4)) == "■ 初报超时 10:00"
    assert model.data(model.index(1, 4), Qt.ItemDataRole.BackgroundRole).color().name() == (
        "#ff8f8f")
    assert model.data(model.index(0, 4), Qt.ItemDataRole.BackgroundRole) is None


def test_incidents_order_by_severity_then_the_nearest_deadline():
    rules = (DeadlineRule(3, "first_report", 60), DeadlineRule(4, "first_report", 360))
    model = IncidentTableModel("zh_CN", rules=rules, clock=lambda: NOW)
    # IV received just now; III due in 50 min; III overdue; IV with its report made (no clock)
    done = dataclasses.replace(incident(4, 4, 400), status="first_report")
    model.set_incidents((incident(1, 4, 1), incident(2, 3, 10), incident(3, 3, 90), done))
    assert [model.incident(r).id for r in range(4)] == [3, 2, 1, 4]
