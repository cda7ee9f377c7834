"""The main map view as pixels: readiness colours, coverage hatching, a drawn street.

A picture of the panel (offscreen, QWidget.grab) is reduced to colour counts and
compared with tolerances, so it guards what the wall shows without pinning fonts
or antialiasing. Then every station loses readiness and the picture must change as
an officer would see it: green gone, gaps grown.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QImage

from desktop.models.situation import Readiness, Reason
from desktop.views.map import MapPanel, map_payload
from desktop.views.map.preview import sample_situation

pytestmark = pytest.mark.gui

BACKGROUND = "#0b121b"


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=np.int32)


def _pixels(panel: MapPanel) -> np.ndarray:
    image = panel.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).astype(np.int32)


def _share(pixels: np.ndarray, colour: str, tolerance: int = 40) -> float:
    """Share of pixels within ``tolerance`` (summed channel distance) of ``colour``."""
    distance = np.abs(pixels - _rgb(colour)).sum(axis=2)
    return float((distance <= tolerance).mean())


def _hatch_colour() -> str:
    """The hatch lines as drawn: the gap colour at its fill opacity over the background."""
    style = map_payload.BASE_STYLES["gap"]
    alpha = style["fill_opacity"]
    mixed = _rgb(style["fill"]) * alpha + _rgb(BACKGROUND) * (1 - alpha)
    return "#" + "".join(f"{round(v):02x}" for v in mixed)


def _picture(qtbot: Any, panel: MapPanel, settled: Any) -> np.ndarray:
    """The panel's pixels once ``settled(pixels)`` holds: frames reach the widget a little
    after the page has painted them."""
    box: list[np.ndarray] = []

    def ready() -> bool:
        box[:] = [_pixels(panel)]
        return bool(settled(box[0]))

    qtbot.waitUntil(ready, timeout=10000)
    return box[0]


def test_the_main_view_shows_readiness_gaps_and_the_street(qtbot):
    situation = sample_situation()
    panel = MapPanel()
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    with qtbot.waitSignal(panel.ready, timeout=15000):
        panel.show_situation(situation)
    before = _picture(qtbot, panel, lambda p: _share(p, BACKGROUND, 12) < 0.85)
    if os.environ.get("DUTYROOM_SHOTS"):  # for looking at it: DUTYROOM_SHOTS=/tmp/shots
        Path(os.environ["DUTYROOM_SHOTS"]).mkdir(parents=True, exist_ok=True)
        panel.grab().save(str(Path(os.environ["DUTYROOM_SHOTS"]) / "map-test-before.png"))

    palette = map_payload.READINESS_PALETTE
    green = _share(before, palette["green"]["bg"])
    amber = _share(before, palette["amber"]["bg"])
    red = _share(before, palette["red"]["bg"])
    gaps = _share(before, _hatch_colour(), 30)
    background = _share(before, BACKGROUND, 12)
    # Every readiness shows (badges and circles), gaps are hatched, the street is drawn.
    assert green > 0.002 and amber > 0.0003 and red > 0.0009, (green, amber, red)
    assert gaps > 0.002, gaps
    assert background < 0.85, background

    # Every station loses readiness: no green left on the map, and the gaps grow.
    lost = dataclasses.replace(situation, stations=tuple(
        dataclasses.replace(s, readiness=Readiness("red", (
            Reason("custodian", "钥匙保管人未在岗", "No key custodian on duty", "red"),)))
        for s in situation.stations))
    panel.show_situation(lost)
    qtbot.waitUntil(lambda: panel.coverage is not None
                    and panel.coverage.covering_station_ids == (), timeout=5000)
    green_before = _share(before, map_payload.READINESS_PALETTE["green"]["bg"])
    after = _picture(qtbot, panel, lambda p: _share(
        p, map_payload.READINESS_PALETTE["green"]["bg"]) < green_before / 5)
    if os.environ.get("DUTYROOM_SHOTS"):
        panel.grab().save(str(Path(os.environ["DUTYROOM_SHOTS"]) / "map-test-after.png"))
    assert _share(after, palette["green"]["bg"]) < green / 5
    assert _share(after, palette["red"]["bg"]) > red * 1.5
    assert _share(after, _hatch_colour(), 30) > gaps * 1.2
