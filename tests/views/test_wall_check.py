"""``dutyroom wall-check``: the real command renders the wall and measures its ink."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from desktop import wall_check
from desktop.views import theme

pytestmark = pytest.mark.gui

LINE = re.compile(r"^(pass|FAIL)\s+(\w+)\s+([\d.]+)′ \(rule ≥ (\d+)′\)\s+ink (\d+) px\s+(.*)$")


def _results(output: str) -> list[tuple[str, str, float, int, str]]:
    found = []
    for line in output.splitlines():
        match = LINE.match(line)
        if match:
            verdict, what, arcmin, _rule, ink, where = match.groups()
            found.append((verdict, what, float(arcmin), int(ink), where))
    return found


@pytest.mark.parametrize("size", ["1920x1080", "3840x2160"])
def test_body_text_measures_at_least_16_arcmin_at_the_defaults(run_cli, size, tmp_path):
    shot = tmp_path / "wall.png"
    done = run_cli("wall-check", "--size", size, "--shot", str(shot), timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    results = _results(done.stdout)
    kinds = {what for _verdict, what, *_ in results}
    assert kinds == {"body", "kpi", "map"}
    assert all(verdict == "pass" for verdict, *_ in results)
    assert all(arcmin >= 16 for _v, what, arcmin, *_ in results if what in ("body", "map"))
    assert all(arcmin >= 45 for _v, what, arcmin, *_ in results if what == "kpi")
    width, height = (int(n) for n in size.split("x"))
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (width, height)
    assert f"{width}×{height}, 65″" in done.stdout


def test_a_panel_too_small_for_the_distance_fails(run_cli):
    # A 65″ 1080p panel read from 8 m: text sized for 8 m no longer fits the wall, rows
    # and labels are cut, and what is measured in the picture says so (exit status 1).
    done = run_cli("wall-check", "--distance", "8", timeout=180)
    assert done.returncode == 1
    assert any(verdict == "FAIL" and what == "body"
               for verdict, what, *_ in _results(done.stdout))


def test_ink_height_is_measured_in_the_picture(qapp):
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.PANEL))
    painter = QPainter(image)
    painter.fillRect(20, 30, 50, 37, QColor(theme.TEXT))  # a "glyph" 37 px high
    painter.fillRect(100, 10, 2, 80, QColor(0xF2F5F8))  # a thin line across a label
    painter.end()
    assert wall_check.ink_height(image, 0, 0, 90, 100) == 37
    assert wall_check.ink_height(image, 0, 0, 200, 100, colour=0xF2F5F8, share=0.2) == 37
    panel = theme.Panel(1920, 1080, 65, 4)
    assert panel.arcmin(37) == pytest.approx(23.8, abs=0.1)
