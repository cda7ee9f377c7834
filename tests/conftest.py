"""Shared test set-up.

Qt parts are configured only when pytest-qt is loaded: the models suite also
runs alone with ``-p no:pytest-qt`` and no display, proving it needs no Qt.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)  # 10:00 Beijing time


def _qt_enabled(config: pytest.Config) -> bool:
    return config.pluginmanager.hasplugin("pytest-qt")


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    if not pluginmanager.hasplugin("pytest-qt"):
        # The Qt-free run (-p no:pytest-qt) still reads pyproject's qt_* settings.
        parser.addini("qt_log_level_fail", "pytest-qt setting (unused without Qt)")
        parser.addini("qt_log_ignore", "pytest-qt setting (unused without Qt)", type="linelist")


def pytest_configure(config: pytest.Config) -> None:
    # Tests never touch the user's settings, data or logs.
    base = Path(os.environ.get("PYTEST_DUTYROOM_HOME", "/tmp")) / f"dutyroom-tests-{os.getpid()}"
    os.environ["DUTYROOM_CONFIG_DIR"] = str(base / "config")
    os.environ["DUTYROOM_DATA_DIR"] = str(base / "data")
    os.environ["DUTYROOM_LOG_DIR"] = str(base / "log")
    os.environ["DUTYROOM_CACHE_DIR"] = str(base / "cache")
    if not _qt_enabled(config):
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import prepare_environment

    prepare_environment()
    import PySide6.QtWebEngineWidgets  # noqa: F401  (before any QApplication)

    from desktop.views.map import register_url_schemes

    register_url_schemes()


# Whole modules that are slow (fuzzing, a PostgreSQL cluster per module) or need a
# real PostgreSQL server, by file name; single tests carry their own marks.
SLOW_MODULES = {"test_import_fuzz.py", "test_postgres.py", "test_postgres_cluster.py"}
POSTGRES_MODULES = {"test_postgres.py", "test_postgres_cluster.py", "test_faults_postgres.py",
                    "test_hot_standby.py"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark what the quick loop (-m "not slow and not e2e") and the moved-clock runs
    (-m "not postgres") leave out: every test that runs the real command line is slow."""
    for item in items:
        name = item.path.name
        if name in SLOW_MODULES or "run_cli" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
        if name in POSTGRES_MODULES:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def _deliver_deferred_deletes(request: pytest.FixtureRequest):
    """Delete widgets scheduled for deletion after each GUI test (WebEngine exit segfault)."""
    yield
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def chinese(qapp, tmp_path):
    """The UI in Chinese (the duty room's default), from the .ts as it is now; removed after."""
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication, QTranslator

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    source = Path(__file__).resolve().parents[1] / "resources/translations/dutyroom_zh_CN.ts"
    compiled = tmp_path / "zh.qm"
    subprocess.run([str(lrelease), str(source), "-qm", str(compiled)], check=True,
                   capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="session")
def fixed_now() -> dt.datetime:
    """The moment the demo template was built at."""
    return NOW


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo replica built per test session; tests copy it (never share writes)."""
    from desktop.replica_commands import init_replica

    path = tmp_path_factory.mktemp("template") / "demo.db"
    init_replica(str(path), demo=True, now=NOW)
    return path


@pytest.fixture
def demo_replica(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo built at the fixed NOW (its heartbeat is long stale)."""
    path = tmp_path / "replica.db"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture(scope="session")
def live_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo built at the real current time, for tests that run the dashboard's clock."""
    from desktop.replica_commands import init_replica

    path = tmp_path_factory.mktemp("live-template") / "demo.db"
    init_replica(str(path), demo=True)
    return path


@pytest.fixture
def live_demo_replica(live_demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "live.db"
    shutil.copyfile(live_demo_template, path)
    return path


class FakeClock:
    """A settable clock for the duty desk (workstation tests): ``clock.now = …``."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, delta: dt.timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def run_cli():
    """Run the real ``dutyroom`` command (as ``python -m desktop``) and capture its output."""
    import subprocess
    import sys

    def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                              text=True, timeout=timeout)

    return run
