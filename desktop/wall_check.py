"""``dutyroom wall-check``: render the wall offscreen and measure whether it reads from afar.

The wall is drawn at the panel's resolution on the demo street (or a replica given),
then the rendered picture is measured: the ink height of body text (table cells,
the roster), of the KPI figures and of the map's labels, each converted to minutes of
arc for the panel's diagonal and the viewing distance. Each is printed with whether
it meets its rule (body and map text ≥ 16′, KPI figures ≥ 45′); the exit status is 1
when one does not. Measured, not computed from font sizes: what a viewer sees is ink.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from desktop.models.situation import Situation
    from desktop.views.main_window import MainWindow

DEFAULT_DIAGONAL_IN = 65.0
DEFAULT_DISTANCE_M = 4.0
DEFAULT_SIZE = "1920x1080"
INK_CONTRAST = 90  # a pixel is ink when a channel differs this much from the background
MAP_TEXT = 0xF2F5F8  # the map page's label colour (dutymap.css --dm-fg)
TEXT_MATCH = 60  # a map pixel is label ink within this much of MAP_TEXT in every channel
MAP_ROW_SHARE = 0.2  # a row of a map label is ink with a fifth of its inkiest row's pixels


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "wall-check", help="render the wall offscreen, measure its text in the picture and "
        "say whether it reads at the viewing distance (exit 1 when it does not)")
    parser.add_argument("--diagonal", type=float, default=None, metavar="IN",
                        help="panel diagonal in inches (default: the wall_diagonal_in "
                             f"setting, {DEFAULT_DIAGONAL_IN:g})")
    parser.add_argument("--distance", type=float, default=None, metavar="M",
                        help="farthest viewer in metres (default: the wall_distance_m "
                             f"setting, {DEFAULT_DISTANCE_M:g})")
    parser.add_argument("--size", default=DEFAULT_SIZE, metavar="WxH",
                        help=f"panel resolution (default {DEFAULT_SIZE})")
    parser.add_argument("--shot", type=Path, default=None, metavar="PNG",
                        help="also save the rendered wall")


@dataclass(frozen=True)
class Measure:
    what: str  # body | kpi | map
    where: str  # the widget or label measured
    ink_px: int
    arcmin: float
    rule: float

    @property
    def ok(self) -> bool:
        return self.arcmin >= self.rule


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"dutyroom wall-check: --size must be WxH, not {text!r}") from None
    if not (320 <= width <= 16384 and 240 <= height <= 16384):
        raise SystemExit("dutyroom wall-check: --size out of range")
    return width, height


def open_wall(situation: Situation, width: int, height: int, language: str, *,
              diagonal_in: float = DEFAULT_DIAGONAL_IN,
              distance_m: float = DEFAULT_DISTANCE_M, takeover_severity: int = 0,
              takeover_seconds: float = 45.0, rotation: tuple[str, ...] = (),
              rotation_seconds: int = 20) -> MainWindow:
    """The wall window at ``width``×``height``, sized for that panel, drawing ``situation``
    (``takeover_severity``: with the alarm takeover on, as the wall runs by default)."""
    from desktop.views import theme
    from desktop.views.main_window import MainWindow

    sizes = theme.Sizes.for_screen(True, height, screen_width=width,
                                   diagonal_in=diagonal_in, distance_m=distance_m)
    window = MainWindow(wall=True, language=language, sizes=sizes,
                        takeover_severity=takeover_severity, takeover_seconds=takeover_seconds,
                        rotation=rotation, rotation_seconds=rotation_seconds)
    window.setFixedSize(width, height)
    window.show()
    window.show_situation(situation)
    return window


# ------------------------------------------------------------ measuring ink


def ink_rows(image: QImage, x: int, y: int, width: int, height: int, *,
             colour: int | None = None, share: float = 0.0) -> list[bool]:
    """For each pixel row of the box: whether it holds ink. Ink is what differs from the
    box's background (its most common colour), or, with ``colour``, what is close to
    that text colour (a label over the map, whose background is not one colour). A row
    counts when it holds at least ``share`` of the inkiest row's ink pixels (a line of the
    map crossing a label is not its text)."""
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(image.width(), x + width), min(image.height(), y + height)
    pixels = [[image.pixel(px, py) & 0xFFFFFF for px in range(x0, x1)] for py in range(y0, y1)]
    if not pixels or not pixels[0]:
        return []
    if colour is None:
        counts: dict[int, int] = {}
        for row in pixels:
            for value in row:
                counts[value] = counts.get(value, 0) + 1
        reference = max(counts, key=lambda v: counts[v])
    else:
        reference = colour
    channels = [(reference >> shift) & 0xFF for shift in (16, 8, 0)]

    def distance(value: int) -> int:
        return max(abs(((value >> shift) & 0xFF) - channel)
                   for shift, channel in zip((16, 8, 0), channels, strict=True))

    if colour is None:
        inked = [sum(1 for value in row if distance(value) > INK_CONTRAST) for row in pixels]
    else:
        inked = [sum(1 for value in row if distance(value) < TEXT_MATCH) for row in pixels]
    most = max(inked)
    floor = max(1, share * most)
    return [count >= floor for count in inked]


def ink_height(image: QImage, x: int, y: int, width: int, height: int, *,
               colour: int | None = None, share: float = 0.0) -> int:
    """The height of the tallest run of ink rows in the box: one line of text's ink."""
    best = run = 0
    for inked in ink_rows(image, x, y, width, height, colour=colour, share=share):
        run = run + 1 if inked else 0
        best = max(best, run)
    return best


def _cell_boxes(window: MainWindow) -> list[tuple[str, Any, int, int, int, int]]:
    """Boxes of body text to measure: the first shown text cell of each table (a Chinese
    name or title), mapped into the window."""
    from PySide6.QtCore import QPoint

    boxes = []
    for name, panel, column in (("stations", window.stations, "name"),
                                ("incidents", window.incidents, "title")):
        table = panel.table
        model = table.model()
        index_column = type(model).COLUMNS.index(column)  # type: ignore[attr-defined]
        row = next((r for r in range(model.rowCount()) if not table.isRowHidden(r)), None)
        if row is None:
            continue
        rect = table.visualRect(model.index(row, index_column))
        corner = table.viewport().mapTo(window, QPoint(rect.x(), rect.y()))
        boxes.append((f"{name} table, {column}", table, corner.x(), corner.y(),
                      rect.width(), rect.height()))
    return boxes


def measure(window: MainWindow, image: QImage, map_labels: list[dict[str, Any]],
            diagonal_in: float, distance_m: float, *,
            labels_image: QImage | None = None) -> list[Measure]:
    """Ink heights in ``image`` (the window's picture) as minutes of arc on that panel;
    the map's labels in ``labels_image``, the same picture with the map drawing its text
    alone (DutyMap.inkProbe), or else in ``image`` by their colour."""
    from PySide6.QtCore import QPoint

    from desktop.views import theme

    panel = theme.Panel(image.width(), image.height(), diagonal_in, distance_m)
    found: list[Measure] = []

    def add(what: str, where: str, ink: int, rule: float) -> None:
        found.append(Measure(what, where, ink, round(panel.arcmin(ink), 1), rule))

    for where, _table, x, y, w, h in _cell_boxes(window):
        add("body", where, ink_height(image, x, y, w, h), theme.BODY_ARCMIN_MIN)
    for label, where in ((window.roster.now, "roster"), (window.header.street, "header")):
        corner = label.mapTo(window, QPoint(0, 0))
        add("body", where, ink_height(image, corner.x(), corner.y(), label.width(),
                                      label.fontMetrics().height()), theme.BODY_ARCMIN_MIN)
    for tile in (window.kpis.on_duty, window.kpis.incidents):
        value = tile.value
        corner = value.mapTo(window, QPoint(0, 0))
        add("kpi", f"KPI {tile.label.text()}", ink_height(
            image, corner.x(), corner.y(), value.width(), value.height()),
            theme.KPI_ARCMIN_MIN)
    view = window.map
    origin = view.mapTo(window, QPoint(0, 0))
    zoom = view.page.zoomFactor()

    def label_ink(label: dict[str, Any]) -> int:
        x = origin.x() + round(label["x"] * zoom)
        y = origin.y() + round(label["y"] * zoom)
        w, h = round(label["w"] * zoom), round(label["h"] * zoom)
        if labels_image is not None:
            return ink_height(labels_image, x, y, w, h)
        return ink_height(image, x, y, w, h, colour=MAP_TEXT, share=MAP_ROW_SHARE)

    shown = [label for label in map_labels if label.get("shown")]
    for label in shown:
        if label.get("kind") in ("station", "community"):
            add("map", f"map {label['kind']} label {label.get('text', '')}", label_ink(label),
                theme.BODY_ARCMIN_MIN)
    # The legend strip is one line of text: its character height is its tallest glyph's
    # (a label such as 一般 has no tall one of its own).
    legend = [label_ink(label) for label in shown if label.get("kind") == "legend"]
    if legend:
        add("map", "map legend strip", max(legend), theme.BODY_ARCMIN_MIN)
    return found


def measure_takeover(window: MainWindow, image: QImage, diagonal_in: float,
                     distance_m: float) -> list[Measure]:
    """The alarm takeover's texts in ``image`` (the wall with an alarm on it), as body text."""
    from PySide6.QtCore import QPoint

    from desktop.views import theme

    if window.takeover is None:
        return []
    panel = theme.Panel(image.width(), image.height(), diagonal_in, distance_m)
    found = []
    for name, label in window.takeover.labels().items():
        if not label.isVisible() or not label.text():
            continue
        corner = label.mapTo(window, QPoint(0, 0))
        ink = ink_height(image, corner.x(), corner.y(), label.width(), label.height())
        found.append(Measure("body", f"takeover {name}", ink, round(panel.arcmin(ink), 1),
                             theme.BODY_ARCMIN_MIN))
    return found


# ------------------------------------------------------------ the command


def run(args: argparse.Namespace, config: Any) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = parse_size(args.size)
    diagonal = args.diagonal if args.diagonal is not None else config.wall_diagonal_in
    distance = args.distance if args.distance is not None else config.wall_distance_m
    from desktop.app import prepare_environment

    prepare_environment()
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede the QApplication)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.views.i18n import install_translators
    from desktop.views.map import register_url_schemes

    register_url_schemes()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translators(app, config.language)
    situation = _demo_situation()
    window = open_wall(situation, width, height, config.language,
                       diagonal_in=diagonal, distance_m=distance, takeover_severity=4)
    assert window.takeover is not None
    window.takeover.clear()  # standby first: the demo's incidents just received wait
    result: dict[str, Any] = {}

    def labels_read(labels: Any) -> None:
        result["labels"] = labels or []
        result["image"] = window.grab().toImage()
        window.map.evaluate_json("DutyMap.inkProbe(true)", lambda _: QTimer.singleShot(
            600, probed))

    def probed() -> None:
        result["labels_image"] = window.grab().toImage()
        window.map.evaluate_json("DutyMap.inkProbe(false)", lambda _: take_over())

    def take_over() -> None:
        """An alarm on the wall: its card is measured too (same rule as the body text), once
        the standby wall has been (the takeover moves its panels)."""
        result["found"] = measure(window, result["image"], result["labels"], diagonal,
                                  distance, labels_image=result["labels_image"])
        if window.takeover is None or not situation.incidents:
            app.quit()
            return
        from desktop.models.alerts import Alert

        incident = situation.incidents[0]
        window.takeover.show_situation(situation, (Alert(f"{incident.id}:check", incident, "new",
                                                         situation.at),))
        QTimer.singleShot(800, took_over)

    def took_over() -> None:
        result["takeover"] = measure_takeover(window, window.grab().toImage(), diagonal,
                                              distance)
        app.quit()

    def drawn() -> None:
        QTimer.singleShot(800, lambda: window.map.evaluate_json(
            "DutyMap.labelBoxes()", labels_read))

    window.map.ready.connect(drawn)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    if "found" not in result:
        print("dutyroom wall-check: the map did not draw within 60 s", file=sys.stderr)
        return 1
    image = result["image"]
    if args.shot is not None:
        image.save(str(args.shot))
    found = [*result["found"], *result.get("takeover", ())]
    window.close()
    print(f"wall {width}×{height}, {diagonal:g}″ panel "
          f"(pixel {theme_pitch(diagonal, width, height):.3f} mm), viewer at {distance:g} m")
    for item in found:
        verdict = "pass" if item.ok else "FAIL"
        print(f"{verdict}  {item.what:5} {item.arcmin:5.1f}′ (rule ≥ {item.rule:g}′)  "
              f"ink {item.ink_px} px  {item.where}")
    return 0 if found and all(item.ok for item in found) else 1


def theme_pitch(diagonal: float, width: int, height: int) -> float:
    from desktop.views import theme

    return theme.pixel_pitch_mm(diagonal, width, height)


def _demo_situation() -> Situation:
    """The demo street now, built in a private temporary folder (0.3 s)."""
    import tempfile

    from desktop.models import clock
    from desktop.models.queries import situation_now
    from desktop.models.replica import reading
    from desktop.replica_commands import init_replica

    with tempfile.TemporaryDirectory(prefix="dutyroom-wall-check-") as folder:
        path = str(Path(folder) / "demo.db")
        init_replica(path, demo=True)
        with reading(path) as session:
            return situation_now(session, clock.now())


def main(argv: Sequence[str] | None = None) -> int:  # for python -m desktop.wall_check
    from desktop.cli import main as cli_main

    return cli_main(["wall-check", *(argv or sys.argv[1:])])


if __name__ == "__main__":
    sys.exit(main())
