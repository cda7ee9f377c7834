"""Smoke test of the frozen one-folder build (installer/build.py), run by setup.sh's step 6.

DUTYROOM_FROZEN names the built binary. Without it the test cannot run: under CI
that is a failure (step 6 always sets it), on a developer's machine a skip.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.frozen, pytest.mark.e2e]


@pytest.fixture(scope="module")
def frozen() -> Path:
    value = os.environ.get("DUTYROOM_FROZEN")
    if not value:
        if os.environ.get("CI"):
            pytest.fail("DUTYROOM_FROZEN is not set: run `bash setup.sh test` (step 6 builds it)")
        pytest.skip("no frozen build: `bash setup.sh test` builds one in step 6")
    binary = Path(value)
    assert binary.is_file(), f"{binary} is missing"
    return binary


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "DATA", "LOG", "CACHE"):
        env[f"DUTYROOM_{name}_DIR"] = str(tmp_path / name.lower())
    return env


def test_frozen_build_creates_a_demo_and_reaches_ready(frozen, tmp_path):
    env = _env(tmp_path)
    replica = tmp_path / "demo.db"
    built = subprocess.run([str(frozen), "replica", "init", "--demo", str(replica)], env=env,
                           capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr[-2000:]
    ready = tmp_path / "ready.txt"
    process = subprocess.Popen([str(frozen), "--replica", str(replica), "--ready-file",
                                str(ready)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None and not (
            ready.exists() and ready.read_text().strip()):
        time.sleep(0.2)  # another process's file: no event loop here to wait on
    reached = ready.exists() and ready.read_text().strip()
    process.terminate()
    out, err = process.communicate(timeout=30)
    assert reached, f"the frozen build never became ready:\n{err[-3000:]}"
    assert process.returncode == 0, err[-3000:]
    assert "READY" in out
    assert "Traceback" not in err
    assert (tmp_path / "log" / "dutyroom.log").exists()


def test_frozen_build_refuses_a_replica_newer_than_itself(frozen, tmp_path):
    env = _env(tmp_path)
    replica = tmp_path / "r.db"
    subprocess.run([str(frozen), "replica", "init", str(replica)], env=env, check=True,
                   capture_output=True, timeout=120)
    connection = sqlite3.connect(replica)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    result = subprocess.run([str(frozen), "replica", "check", str(replica)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "newer than this application" in result.stderr
    assert "Traceback" not in result.stderr
