"""The real ``dutyroom replica import/export`` commands: exit codes, report, export flags."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from conftest import NOW

from desktop.replica_commands import init_replica

PEOPLE = ("人员编码,姓名,手机,身份证号,角色,政治面貌\r\n"
          "T-1,张三,13812341234,420606198503279150,网格员,中共党员\r\n"
          "T-2,李四,13812341235,42060619850327915X,志愿者,群众\r\n")


def test_import_reports_and_exits_1_then_0_when_fixed(run_cli, demo_replica, tmp_path):
    bad = tmp_path / "people.csv"
    bad.write_text(PEOPLE, encoding="gb18030")  # the ANSI CSV Excel writes on Chinese Windows
    report = tmp_path / "report.csv"
    done = run_cli("replica", "import", str(bad), "--replica", str(demo_replica),
                   "--report", str(report))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "row 3, column 身份证号" in done.stdout and "check digit" in done.stdout
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][:4] == ["error", "people.csv", "3", "身份证号"]

    good = tmp_path / "people-fixed.csv"
    good.write_text(PEOPLE.replace("42060619850327915X", "420606198503279169"),
                    encoding="gb18030")
    dry = run_cli("replica", "import", str(good), "--dry-run", "--replica", str(demo_replica))
    assert dry.returncode == 0 and "dry run" in dry.stdout
    done = run_cli("replica", "import", str(good), "--replica", str(demo_replica))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "inserted 2" in done.stdout and "encoding gb18030" in done.stdout
    again = run_cli("replica", "import", str(good), "--replica", str(demo_replica))
    assert "inserted 0, 更新 updated 0, 未变 unchanged 2" in again.stdout


def test_usage_errors_exit_2(run_cli, demo_replica, tmp_path):
    done = run_cli("replica", "import", str(tmp_path / "missing.csv"), "--replica",
                   str(demo_replica))
    assert done.returncode == 2 and "no such file" in done.stderr
    done = run_cli("replica", "import", "x.csv", "--datum", "mercator")
    assert done.returncode == 2


def test_export_masks_unless_asked_and_round_trips(run_cli, demo_replica, tmp_path):
    masked = tmp_path / "people.xlsx"
    done = run_cli("replica", "export", str(demo_replica), "--kind", "people", "--format",
                   "xlsx", "--out", str(masked))
    assert done.returncode == 0 and "exported 196 people rows" in done.stdout
    full = tmp_path / "stations.geojson"
    done = run_cli("replica", "export", str(demo_replica), "--kind", "stations", "--format",
                   "geojson", "--out", str(full), "--full-personal-data")
    assert done.returncode == 0 and "recorded" in done.stdout
    document = json.loads(full.read_bytes())
    assert document["crs"]["properties"]["name"].endswith("4490")
    stamp = document["dutyroom"].pop("stamp")
    assert document["dutyroom"] == {"kind": "stations", "masked": False}
    assert stamp["kind"] == "stations" and stamp["position"] > 0 and len(stamp["replica"]) == 36
    empty = tmp_path / "empty.db"
    init_replica(str(empty))
    back = run_cli("replica", "import", str(full), "--replica", str(empty))
    # stations need their communities and key holders first: named, nothing written
    assert back.returncode == 1 and "所属社区" in back.stdout


def test_stale_export_is_refused_then_forced_with_each_row_listed(run_cli, demo_replica,
                                                                 tmp_path):
    ledger = tmp_path / "equipment.xlsx"
    done = run_cli("replica", "export", str(demo_replica), "--kind", "equipment", "--format",
                   "xlsx", "--out", str(ledger))
    assert done.returncode == 0
    with sqlite3.connect(demo_replica) as connection:
        code, status = connection.execute(
            "SELECT code, status FROM equipment_item WHERE status = 'in_service' "
            "ORDER BY code LIMIT 1").fetchone()
        connection.execute("UPDATE equipment_item SET status = 'faulty' WHERE code = ?", (code,))
    report = tmp_path / "report.csv"
    refused = run_cli("replica", "import", str(ledger), "--replica", str(demo_replica),
                      "--dry-run", "--report", str(report))
    assert refused.returncode == 1, refused.stdout
    assert "changed in the replica after the export" in refused.stdout
    assert "“在用”" in refused.stdout and "“故障”" in refused.stdout
    assert "refused (changed since the export) 1" in refused.stdout
    assert "error,equipment.xlsx," in report.read_text(encoding="utf-8-sig")
    forced = run_cli("replica", "import", str(ledger), "--replica", str(demo_replica),
                     "--overwrite-newer", "--report", str(report))
    assert forced.returncode == 0, forced.stdout
    assert "强制覆盖 FORCED  equipment.xlsx, row " in forced.stdout
    assert f"({code}): 状态: 故障 → 在用" in forced.stdout
    assert "warning,equipment.xlsx," in report.read_text(encoding="utf-8-sig")
    with sqlite3.connect(demo_replica) as connection:
        assert connection.execute("SELECT status FROM equipment_item WHERE code = ?",
                                  (code,)).fetchone() == (status,)


@pytest.mark.slow
def test_every_command_line_export_is_in_the_workstation_audit(demo_replica, tmp_path):
    """--full-personal-data used to be recorded only in the rotating log."""
    import hashlib
    import os
    import subprocess
    import sys

    from desktop.models.workstation.audit import OS_ACCOUNT, WORKSTATION, AuditFilter, query
    from desktop.models.workstation.recovery import open_store

    store_path = tmp_path / "desk" / "ws.db"
    env = dict(os.environ, DUTYROOM_WORKSTATION_STORE=str(store_path))

    def export(out, *extra):
        return subprocess.run([sys.executable, "-m", "desktop", "replica", "export",
                               str(demo_replica), "--kind", "people", "--format", "csv",
                               "--out", str(out), *extra], env=env, capture_output=True,
                              text=True, timeout=120)

    masked, full = tmp_path / "masked.csv", tmp_path / "full.csv"
    assert export(masked).returncode == 0
    assert export(full, "--full-personal-data").returncode == 0
    store, _ = open_store(store_path, NOW)
    rows = query(store, AuditFilter(actions=frozenset({"export"})))
    assert len(rows) == 2
    by_file = {row.target.rsplit(" → ", 1)[1]: row for row in rows}
    for path, extent in ((masked, "personal data masked"), (full, "FULL personal data")):
        row = by_file[str(path.resolve())]
        assert row.os_account == OS_ACCOUNT and row.workstation == WORKSTATION
        assert extent in row.detail and "command line" in row.detail
        assert f"sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}" in row.detail
    store.dispose()

    blocker = tmp_path / "not-a-folder"  # an audit that cannot be written (even by root)
    blocker.write_text("")
    env["DUTYROOM_WORKSTATION_STORE"] = str(blocker / "ws.db")
    refused = export(tmp_path / "refused.csv", "--full-personal-data")
    assert refused.returncode == 1 and "audit cannot be written" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "refused.csv").exists(), "an export nobody can audit was made"
