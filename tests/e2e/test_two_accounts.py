"""Two OS accounts, as on a workstation: a writer, and a dashboard that can only read.

The writer account owns the replica's folder (2750) and the replica (0640); the
dashboard account is in the writer's group, so it can read both and write
neither. The dashboard's reader must open that replica, stay live while the
writer commits, and still open it after the writer has gone (SQLite deletes
the WAL files when its last connection closes; a reader that cannot write the
folder could not make them again: replica.keep_wal_files).

Needs root to make the accounts (CI runs as root); they are removed afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.e2e]

READER = textwrap.dedent("""
    import json, os, sys, time
    from desktop.models import clock
    from desktop.models.live import ReplicaReader
    path, want, patience = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    print(json.dumps({"can_write_folder": os.access(os.path.dirname(path), os.W_OK),
                      "can_write_file": os.access(path, os.W_OK)}), flush=True)
    reader = ReplicaReader(path)
    deadline = time.monotonic() + patience
    seen = set()
    while True:
        try:
            refresh = reader.refresh(clock.now())
            row = {"seq": refresh.seq, "heartbeat": str(refresh.heartbeat)}
        except Exception as error:  # reported to the test, which fails on it
            row = {"error": f"{type(error).__name__}: {error}"}
        key = json.dumps(row)
        if key not in seen:
            seen.add(key)
            print(key, flush=True)
        if row.get("seq", -1) >= want or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    reader.close()
""")

WRITER = textwrap.dedent("""
    import sys, time
    from sqlalchemy import insert
    from sqlalchemy.orm import Session
    from desktop.models import clock
    from desktop.models.replica import beat, open_writer
    from desktop.models.schema import Team
    path, count = sys.argv[1], int(sys.argv[2])
    engine = open_writer(path)
    for number in range(count):
        with Session(engine) as session:
            session.execute(insert(Team).values(code=f"T{number}", name=f"队{number}",
                                                kind="duty"))
            beat(session, "two-accounts-test", clock.now())
            session.commit()
        time.sleep(0.4)
    engine.dispose()
""")


@dataclass(frozen=True)
class Accounts:
    writer: str
    reader: str
    base: Path
    python: list[str]
    env: dict[str, str]

    def run(self, user: str, *args: str, timeout: float = 60,
            background: bool = False) -> subprocess.Popen[str] | subprocess.CompletedProcess[str]:
        home = self.base / f"home-{user}"
        env = dict(self.env, HOME=str(home), DUTYROOM_DATA_DIR=str(home / "data"),
                   DUTYROOM_CONFIG_DIR=str(home / "config"), DUTYROOM_LOG_DIR=str(home / "log"),
                   DUTYROOM_CACHE_DIR=str(home / "cache"))
        command = ["runuser", "-u", user, "--", "env", "-i",
                   *(f"{k}={v}" for k, v in env.items()), *self.python, *args]
        if background:
            return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True)
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def _python_for_others(probe_user: str) -> tuple[list[str], dict[str, str]]:
    """An interpreter the test accounts may run: this one, or (when it lives in a folder
    only root can enter) the system's Python of the same version with our packages."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    check = subprocess.run(["runuser", "-u", probe_user, "--", sys.executable, "-c", "pass"],
                           capture_output=True, timeout=30)
    if check.returncode == 0:
        return [sys.executable], env
    system = shutil.which("python3", path="/usr/bin:/bin")
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    if system is None:
        pytest.fail("no Python the test accounts can run")
    found = subprocess.run([system, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                           capture_output=True, text=True, timeout=30).stdout.strip()
    if found != version:
        pytest.fail(f"the test accounts can run only Python {found}, not {version}")
    # The venv as the accounts' user site: its .pth files (the editable install) apply.
    return [system], dict(env, PYTHONUSERBASE=sys.prefix)


@pytest.fixture
def accounts() -> Iterator[Accounts]:
    if os.geteuid() != 0:
        pytest.skip("making OS accounts needs root (CI runs as root)")
    tag = uuid.uuid4().hex[:6]
    writer, reader = f"drw{tag}", f"drr{tag}"
    base = Path(f"/tmp/dutyroom-accounts-{tag}")
    made: list[str] = []
    try:
        subprocess.run(["useradd", "--system", "--user-group", "--no-create-home",
                        "--shell", "/usr/sbin/nologin", writer], check=True, timeout=30)
        made.append(writer)
        subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        "--groups", writer, reader], check=True, timeout=30)
        made.append(reader)
        base.mkdir(mode=0o755)
        base.chmod(0o755)
        for user in (writer, reader):
            home = base / f"home-{user}"
            home.mkdir(mode=0o700)
            shutil.chown(home, user, user if user == writer else None)
        folder = base / "replica"
        folder.mkdir()
        shutil.chown(folder, writer, writer)
        folder.chmod(0o2750)  # the installer's layout (installer/linux/accounts.sh)
        python, env = _python_for_others(reader)
        yield Accounts(writer, reader, base, python, env)
    finally:
        for user in reversed(made):
            subprocess.run(["userdel", user], timeout=30, check=False)
        subprocess.run(["groupdel", writer], timeout=30, check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _rows(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_the_dashboard_account_reads_live_a_replica_it_cannot_write(accounts: Accounts):
    replica = accounts.base / "replica" / "replica.db"
    made = accounts.run(accounts.writer, "-m", "desktop", "replica", "init", str(replica))
    assert made.returncode == 0, made.stderr
    assert oct(replica.stat().st_mode & 0o777) == "0o640"

    # The dashboard starts before the writer; the writer then commits six times.
    watcher = accounts.run(accounts.reader, "-c", READER, str(replica), "6", "45",
                           background=True)
    assert isinstance(watcher, subprocess.Popen) and watcher.stdout is not None
    first = [watcher.stdout.readline(), watcher.stdout.readline()]  # access, first read
    writer = accounts.run(accounts.writer, "-c", WRITER, str(replica), "6")
    assert writer.returncode == 0, writer.stderr
    out, err = watcher.communicate(timeout=60)
    rows = _rows("".join(first) + out)
    assert len(rows) > 1, f"the reader printed nothing: {out} {err}"
    assert rows[0] == {"can_write_folder": False, "can_write_file": False}
    errors = [row for row in rows if "error" in row]
    assert not errors, f"the dashboard's reader failed: {errors} {err}"
    seqs = [row["seq"] for row in rows[1:]]
    assert seqs[-1] >= 6, f"the reader did not follow the writer live: {seqs}"
    assert len(set(seqs)) >= 3, f"commits seen only at the end, not live: {seqs}"

    # The writer has gone (its last connection closed): a dashboard started now still reads.
    later = accounts.run(accounts.reader, "-c", READER, str(replica), "6", "5")
    assert later.returncode == 0, later.stderr
    rows = _rows(later.stdout)
    assert all("error" not in row for row in rows), rows
    assert rows[-1]["seq"] >= 6

    # …and cannot write it.
    refused = accounts.run(accounts.reader, "-c", (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "try:\n    c.execute(\"DELETE FROM team\"); c.commit(); print('WROTE')\n"
        "except sqlite3.Error as e:\n    print('refused', e)\n"), str(replica))
    assert "refused" in refused.stdout and "WROTE" not in refused.stdout
