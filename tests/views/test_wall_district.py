"""On a district replica the wall fits the streets that need looking at."""

from __future__ import annotations

import dataclasses

import pytest
from wall_scene import demo_situation

from desktop.models.situation import Readiness
from desktop.replica_commands import init_replica
from desktop.views.map import map_payload as mp


@pytest.fixture(scope="module")
def district(tmp_path_factory, fixed_now):
    path = tmp_path_factory.mktemp("district") / "district.db"
    init_replica(str(path), demo=True, scale=4, now=fixed_now)
    return demo_situation(str(path), fixed_now)


def _all_ready(situation):
    return tuple(dataclasses.replace(s, readiness=Readiness("green", ()))
                 for s in situation.stations)


def test_the_focus_is_the_streets_with_incidents_or_stations_not_ready(district):
    boxes = mp.street_boxes(district)
    assert len(boxes) == 4
    quiet = dataclasses.replace(district, incidents=(), stations=_all_ready(district))
    whole = mp.focus_bounds(quiet, boxes)
    south = min(box[0] for box, _ in boxes.values())
    north = max(box[2] for box, _ in boxes.values())
    assert whole[0][0] == south and whole[1][0] == north  # nothing to look at: all of it

    home = district.street.code
    other = next(code for code in sorted(boxes) if code != home)
    (s, w, n, e), parts = boxes[other]
    incident = next(i for i in district.incidents)
    inside = dataclasses.replace(incident, lat=(parts[0][0] + parts[0][2]) / 2,
                                 lon=(parts[0][1] + parts[0][3]) / 2)
    busy = dataclasses.replace(quiet, incidents=(inside,))
    assert mp.focus_bounds(busy, boxes) == [[s, w], [n, e]]  # that street alone

    station = dataclasses.replace(next(st for st in quiet.stations), readiness=Readiness(
        "red", ()))
    both = dataclasses.replace(busy, stations=(station, *quiet.stations[1:]))
    focus = mp.focus_bounds(both, boxes)
    assert focus[0][0] <= s and focus[1][0] >= n  # the incident's street …
    assert focus[0][0] <= station.lat <= focus[1][0]  # … and the station's
    assert focus[0][1] <= station.lon <= focus[1][1]


def test_a_street_replica_has_no_focus_and_a_moved_focus_is_a_delta(district):
    boxes = mp.street_boxes(district)
    quiet = dataclasses.replace(district, incidents=(), stations=_all_ready(district))
    before = mp.build_payload(quiet)
    incident = district.incidents[0]
    (_s, _w, _n, _e), parts = boxes[sorted(boxes)[-1]]
    moved = dataclasses.replace(incident, lat=(parts[0][0] + parts[0][2]) / 2,
                                lon=(parts[0][1] + parts[0][3]) / 2)
    after = mp.build_payload(dataclasses.replace(quiet, incidents=(moved,)))
    assert before["focus"] != after["focus"]
    delta = mp.diff_payload(before, after)
    assert "reload" not in delta and delta["focus"] == after["focus"]


@pytest.mark.gui
def test_the_wall_page_fits_the_busy_street_of_the_district(qtbot, district):
    from desktop.wall_check import open_wall

    boxes = mp.street_boxes(district)
    other = sorted(code for code in boxes if code != district.street.code)[0]
    (_s, _w, _n, _e), parts = boxes[other]
    incident = dataclasses.replace(district.incidents[0], lat=(parts[0][0] + parts[0][2]) / 2,
                                   lon=(parts[0][1] + parts[0][3]) / 2)
    busy = dataclasses.replace(district, incidents=(incident,), stations=_all_ready(district))
    window = open_wall(busy, 1920, 1080, "zh_CN")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.map.is_ready, timeout=30_000)
    box: list = []
    window.map.evaluate_json("DutyMap.extent()", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    pane, street = box[0]["pane"], box[0]["street"]
    assert max(street["w"] / pane["w"], street["h"] / pane["h"]) >= 0.7
    assert street["x"] >= 0 and street["x"] + street["w"] <= pane["w"] + 1
    window.close()
