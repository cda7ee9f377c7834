"""installer/linux/install.sh on a fake build: placement, desktop entry, autostart, upgrade."""

from __future__ import annotations

import configparser
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "installer" / "linux" / "install.sh"


def _fake_build(folder: Path, version: str) -> Path:
    dist = folder / f"dist-{version}"
    icons = dist / "_internal" / "desktop" / "resources" / "icons"
    icons.mkdir(parents=True)
    (icons / "dutyroom.svg").write_text("<svg/>")
    binary = dist / "dutyroom"
    binary.write_text(f"#!/bin/sh\necho {version}\n")
    binary.chmod(0o755)
    return dist


def _install(home: Path, dist: Path, *options: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    env["PATH"] = "/usr/bin:/bin"  # no systemctl user session in tests
    return subprocess.run(["bash", str(SCRIPT), str(dist), *options], env=env,
                          capture_output=True, text=True, timeout=60)


def test_install_places_program_entry_icon_and_autostart_unit(tmp_path):
    home = tmp_path / "home"
    result = _install(home, _fake_build(tmp_path, "1"), "--autostart")
    assert result.returncode == 0, result.stderr
    prefix = home / ".local" / "opt" / "dutyroom"
    assert subprocess.run([prefix / "dutyroom"], capture_output=True, text=True).stdout == "1\n"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(home / ".local/share/applications/dutyroom.desktop", encoding="utf-8")
    assert entry["Desktop Entry"]["Exec"] == f"{prefix}/dutyroom"
    assert entry["Desktop Entry"]["Name[zh_CN]"] == "街道应急值班指挥台"
    assert (home / ".local/share/icons/hicolor/scalable/apps/dutyroom.svg").exists()
    unit = (home / ".config/systemd/user/dutyroom-wall.service").read_text()
    assert f"ExecStart={prefix}/dutyroom --wall" in unit
    assert "Restart=always" in unit


def test_upgrade_replaces_the_program_and_keeps_settings_and_data(tmp_path):
    home = tmp_path / "home"
    assert _install(home, _fake_build(tmp_path, "1")).returncode == 0
    settings = home / ".config/dutyroom/settings.json"
    store = home / ".local/share/dutyroom/workstation.db"
    for path, text in ((settings, '{"wall": true}'), (store, "store")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    assert _install(home, _fake_build(tmp_path, "2")).returncode == 0
    prefix = home / ".local" / "opt" / "dutyroom"
    assert subprocess.run([prefix / "dutyroom"], capture_output=True, text=True).stdout == "2\n"
    assert settings.read_text() == '{"wall": true}' and store.read_text() == "store"
    assert not list(prefix.parent.glob("dutyroom.*"))  # no staging leftovers


def test_install_refuses_a_folder_that_is_not_a_build(tmp_path):
    result = _install(tmp_path / "home", tmp_path)
    assert result.returncode == 2
    assert "is not a build" in result.stderr


def test_accounts_script_makes_a_writer_and_a_reading_dashboard(tmp_path):
    """installer/linux/accounts.sh as root: the writer account, the dashboard in its group,
    the replica folder the dashboard can read and not write, the hand-over folder."""
    import grp
    import pwd
    import shutil
    import stat
    import uuid

    import pytest

    if os.geteuid() != 0:
        pytest.skip("making OS accounts needs root (CI runs as root)")
    tag = uuid.uuid4().hex[:6]
    writer, dashboard = f"dww{tag}", f"dwd{tag}"
    data = Path(f"/tmp/dutyroom-install-{tag}")
    script = ROOT / "installer" / "linux" / "accounts.sh"
    subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", dashboard],
                   check=True, timeout=30)
    try:
        for _twice in range(2):  # idempotent
            done = subprocess.run(["bash", str(script), "--dashboard", dashboard, "--writer",
                                   writer, "--data", str(data)], capture_output=True,
                                  text=True, timeout=60)
            assert done.returncode == 0, done.stderr
        assert dashboard in grp.getgrnam(writer).gr_mem
        assert pwd.getpwnam(writer).pw_shell == "/usr/sbin/nologin"
        for folder, mode in ((data, 0o2750), (data / "incoming", 0o2770)):
            status = folder.stat()
            assert stat.S_IMODE(status.st_mode) == mode
            assert pwd.getpwuid(status.st_uid).pw_name == writer
        assert f'"replica": "{data}/replica.db"' in done.stdout
        made = subprocess.run(["runuser", "-u", writer, "--", "touch", str(data / "r.db")],
                              timeout=30)
        assert made.returncode == 0
        refused = subprocess.run(["runuser", "-u", dashboard, "--", "touch", str(data / "x")],
                                 capture_output=True, timeout=30)
        assert refused.returncode != 0, "the dashboard account can write the replica folder"
        handed = subprocess.run(["runuser", "-u", dashboard, "--", "touch",
                                 str(data / "incoming" / "batch.csv")], timeout=30)
        assert handed.returncode == 0, "the dashboard account cannot hand files over"
        assert grp.getgrgid((data / "incoming" / "batch.csv").stat().st_gid).gr_name == writer
    finally:
        subprocess.run(["userdel", dashboard], timeout=30, check=False)
        subprocess.run(["userdel", writer], timeout=30, check=False)
        subprocess.run(["groupdel", writer], timeout=30, check=False, capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def test_accounts_script_sync_runs_the_drop_folder_as_the_writer(tmp_path):
    """--sync: the writer's systemd user unit, enabled and lingering; its command line, run
    as the writer, imports a file the dashboard account handed over and leaves the outcome
    readable by the dashboard account (the writer's group)."""
    import pwd
    import shutil
    import stat
    import sys
    import uuid

    import pytest

    if os.geteuid() != 0:
        pytest.skip("making OS accounts needs root (CI runs as root)")
    tag = uuid.uuid4().hex[:6]
    writer, dashboard = f"dsw{tag}", f"dsd{tag}"
    data = Path(f"/tmp/dutyroom-sync-{tag}")
    program = Path(f"/tmp/dutyroom-program-{tag}")
    script = ROOT / "installer" / "linux" / "accounts.sh"
    subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", dashboard],
                   check=True, timeout=30)
    try:
        sys.path.insert(0, str(ROOT / "tests" / "e2e"))
        from test_two_accounts import _python_for_others

        python, python_env = _python_for_others(dashboard)
        user_base = python_env.get("PYTHONUSERBASE")
        program.write_text("#!/bin/sh\n" + (f"export PYTHONUSERBASE={user_base}\n"
                                             if user_base else "")
                           + f"exec {' '.join(python)} -m desktop \"$@\"\n")
        program.chmod(0o755)
        done = subprocess.run(["bash", str(script), "--dashboard", dashboard, "--writer", writer,
                               "--data", str(data), "--sync", str(program)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        units = data / ".config" / "systemd" / "user"
        unit = configparser.ConfigParser(interpolation=None)
        unit.read(units / "dutyroom-sync.service")
        command = unit["Service"]["ExecStart"].split()
        assert command == [str(program), "sync", "--watch", f"{data}/incoming", "--replica",
                           f"{data}/replica.db"]
        assert unit["Install"]["WantedBy"] == "default.target"
        wanted = units / "default.target.wants" / "dutyroom-sync.service"
        assert wanted.resolve() == (units / "dutyroom-sync.service").resolve()
        assert pwd.getpwuid((units / "dutyroom-sync.service").stat().st_uid).pw_name == writer
        if shutil.which("systemd-analyze"):
            checked = subprocess.run(["systemd-analyze", "verify",
                                      str(units / "dutyroom-sync.service")],
                                     capture_output=True, text=True, timeout=60)
            assert checked.returncode == 0 and not checked.stderr.strip(), checked.stderr

        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "HOME": str(data),
               "DUTYROOM_CONFIG_DIR":
               f"{data}/.config/dutyroom", "DUTYROOM_DATA_DIR": f"{data}/.local/share",
               "DUTYROOM_LOG_DIR": f"{data}/.local/state/log", "DUTYROOM_CACHE_DIR":
               f"{data}/.cache"}

        def as_user(user: str, *args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(["runuser", "-u", user, "--", *args], env=env,
                                  capture_output=True, text=True, timeout=120)

        made = as_user(writer, str(program), "replica", "init", f"{data}/replica.db")
        assert made.returncode == 0, made.stderr
        handed = as_user(dashboard, "sh", "-c", "printf '人员编码,姓名,联系电话,角色,党员\\r\\n"
                         f"S001,张三,13800000001,志愿者,否\\r\\n' > {data}/incoming/p.csv")
        assert handed.returncode == 0, handed.stderr
        synced = as_user(writer, *command, "--once", "--settle", "0")
        assert synced.returncode == 0, synced.stderr[-2000:]
        assert "p.csv → done/" in synced.stdout
        report = data / "incoming" / "done" / "p.csv.report.csv"
        assert stat.S_IMODE(report.stat().st_mode) == 0o640
        read = as_user(dashboard, "cat", str(report))
        assert read.returncode == 0 and "S001" in read.stdout
    finally:
        subprocess.run(["userdel", dashboard], timeout=30, check=False)
        subprocess.run(["userdel", writer], timeout=30, check=False)
        subprocess.run(["groupdel", writer], timeout=30, check=False, capture_output=True)
        shutil.rmtree(data, ignore_errors=True)
        program.unlink(missing_ok=True)
