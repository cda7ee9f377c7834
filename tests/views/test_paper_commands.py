"""``dutyroom after-action``, ``daily-report`` and ``sheets``: the PDF and one audit row each
in the workstation store (OS account, host, time, what, SHA-256), no sign-in at the shell."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys

import pytest

from desktop.models.clock import beijing_day

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


@pytest.fixture
def dutyroom(tmp_path):
    store = tmp_path / "desk" / "ws.db"
    env = dict(os.environ, DUTYROOM_WORKSTATION_STORE=str(store), QT_QPA_PLATFORM="offscreen")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", *args], env=env,
                              capture_output=True, text=True, timeout=180)

    run.store = store
    return run


def _exports(store_path, fixed_now):
    from desktop.models.workstation.audit import AuditFilter, query
    from desktop.models.workstation.recovery import open_store

    store, _ = open_store(store_path, fixed_now)
    try:
        return query(store, AuditFilter(actions=frozenset({"export"})))
    finally:
        store.dispose()


def test_each_command_line_export_writes_one_audit_row_with_the_hash(dutyroom, demo_replica,
                                                                     tmp_path, fixed_now):
    from desktop.models.workstation.audit import OS_ACCOUNT, WORKSTATION

    day = f"{beijing_day(fixed_now):%Y-%m-%d}"
    runs = [
        ("after-action", "--drill", "420606010-DR-FIRE", "--out", str(tmp_path / "aa.pdf")),
        ("after-action", "--from", "2026-11-18 14:00", "--to", "2026-11-18 16:00",
         "--out", str(tmp_path / "window.pdf")),
        ("daily-report", "--date", day, "--out", str(tmp_path / "daily.pdf")),
        ("sheets", "--as-of", day, "--out", str(tmp_path / "sheets")),
    ]
    for count, args in enumerate(runs, start=1):
        result = dutyroom(*args, "--replica", str(demo_replica))
        assert result.returncode == 0, result.stderr
        assert len(_exports(dutyroom.store, fixed_now)) == count, args[0]
    rows = _exports(dutyroom.store, fixed_now)
    files = [tmp_path / "aa.pdf", tmp_path / "window.pdf", tmp_path / "daily.pdf",
             *(tmp_path / "sheets").glob("*.pdf")]
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        (row,) = [r for r in rows if r.target.endswith(str(path.resolve()))]
        assert f"sha256 {digest}" in row.detail and "command line" in row.detail
        assert row.os_account == OS_ACCOUNT and row.workstation == WORKSTATION
    flat = re.sub(r"\s+", "", _text(tmp_path / "window.pdf"))
    assert "时段回放" in flat and "派遣：距离与服务圈" in flat and "问题与整改" in flat


def test_an_unknown_drill_is_refused_in_words_and_writes_nothing(dutyroom, demo_replica,
                                                                 tmp_path, fixed_now):
    result = dutyroom("after-action", "--drill", "NOPE", "--out", str(tmp_path / "x.pdf"),
                      "--replica", str(demo_replica))
    assert result.returncode == 1 and "no drill with code NOPE" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
