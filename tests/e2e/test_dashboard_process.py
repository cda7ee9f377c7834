"""Start the real ``dutyroom`` process on a demo replica and wait for READY."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QImage

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


def _start(replica, tmp_path, *flags):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    ready = tmp_path / "ready.txt"
    shot = tmp_path / "shot.png"
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--replica", str(replica), "--ready-file", str(ready),
         "--screenshot", str(shot), *flags],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    return process, ready, shot


def _wait_ready(process, ready, timeout=90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready.exists() and ready.read_text().strip():
            return int(ready.read_text())
        if process.poll() is not None:
            break
        time.sleep(0.2)  # polling another process's file: no Qt event loop to wait on here
    process.kill()
    _out, err = process.communicate()
    pytest.fail(f"dutyroom never became ready (exit {process.returncode}):\n{err[-3000:]}")


def _stop(process):
    process.terminate()
    try:
        out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    return process.returncode, out, err


@pytest.mark.parametrize("flags", [(), ("--wall",)], ids=["operator", "wall"])
def test_dashboard_process_reaches_ready_and_draws(live_demo_replica, tmp_path, flags):
    process, ready, shot = _start(live_demo_replica, tmp_path, *flags)
    elapsed = _wait_ready(process, ready)
    code, out, err = _stop(process)
    assert code == 0, err[-3000:]
    assert f"READY {elapsed}" in out
    assert 0 < elapsed < 90_000
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 600
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16)
               for y in range(0, image.height(), 16)}
    assert len(colours) > 20, "the window looks blank"
    # The map panel (left, below the KPI tiles) shows the street, not an empty page.
    width, height = image.width(), image.height()
    map_colours = {image.pixel(x, y) for x in range(width // 20, width * 2 // 5, 4)
                   for y in range(height // 3, height * 9 // 10, 4)}
    assert len(map_colours) > 40, f"the map looks empty ({len(map_colours)} colours)"
    assert "Traceback" not in err


def test_dashboard_survives_missing_replica_and_says_so(tmp_path):
    process, _ready, _shot = _start(tmp_path / "missing.db", tmp_path)
    # No data means no map or panels to draw: it never claims ready, and never dies.
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    assert process.poll() is None, "the dashboard exited on a missing replica"
    code, _out, err = _stop(process)
    assert code == 0
    assert "replica file not found" in err
    assert "Traceback" not in err
