"""Every print and export in the app asks for sign-in before anything is written, and is
recorded with who, what, when and the file's SHA-256: one test per path. A cancelled
sign-in writes no file and no audit row."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.handover import compile_handover
from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import AuditRecord
from desktop.views.sign_in import SignInDialog

pytestmark = [pytest.mark.gui, pytest.mark.calendar]
CHEAP = SecretHasher(HashProfile.cheap())
DAY = dt.date(2026, 11, 23)


@pytest.fixture
def desk(tmp_path, fixed_now):
    """A desk nobody is signed in to."""
    store, _ = open_store(tmp_path / "ws.db", fixed_now)
    enrol(store, CHEAP, fixed_now, login="王建国", name="王建国", role="duty_leader",
          secret="135790")
    return Desk(store, clock=lambda: fixed_now, hasher=CHEAP)


@pytest.fixture(scope="module")
def situation(demo_template, fixed_now):
    engine = open_reader(demo_template)
    with Session(engine) as session:
        result = situation_now(session, fixed_now)
    engine.dispose()
    return result


def _rows(desk: Desk, action: str = "export") -> list[AuditRecord]:
    with desk.store.read() as session:
        rows = session.scalars(select(AuditRecord).where(AuditRecord.action == action)).all()
        session.expunge_all()
        return list(rows)


def _cancel_sign_in(qtbot) -> None:
    """The sign-in the export opened, cancelled by the officer."""
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, SignInDialog) and w.isVisible()]
    assert len(dialogs) == 1, "the export must ask for sign-in first"
    dialogs[0].reject()


def _recorded_once(desk: Desk, path: Path, action: str = "export") -> None:
    rows = _rows(desk, action)
    assert len(rows) == 1
    (row,) = rows
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert row.officer_name == "王建国" and path.name in row.target
    assert f"sha256 {digest}" in row.detail


def test_daily_report(qtbot, desk, situation, demo_template, tmp_path):
    from PySide6.QtWidgets import QWidget

    from desktop.views.daily_report_pdf import DailyReportExport

    window = QWidget()  # the app passes its window: the sign-in opens over it
    qtbot.addWidget(window)
    target = tmp_path / "daily.pdf"
    exporter = DailyReportExport(desk, str(demo_template), "en", window)
    exporter.start(DAY, situation, target)
    _cancel_sign_in(qtbot)
    assert not target.exists() and _rows(desk) == []
    desk.sign_in("王建国", "135790")
    with qtbot.waitSignal(exporter.written, timeout=20_000):
        exporter.start(DAY, situation, target)
    _recorded_once(desk, target)


def test_compliance_sheets(qtbot, desk, demo_replica, situation, tmp_path, fixed_now):
    from desktop.views.sheets_dialog import SheetsDialog

    dialog = SheetsDialog(str(demo_replica), situation.stations, as_of=DAY, desk=desk)
    qtbot.addWidget(dialog)
    dialog.export_to(tmp_path)
    _cancel_sign_in(qtbot)
    assert not list(tmp_path.glob("*.pdf")) and _rows(desk) == []
    desk.sign_in("王建国", "135790")
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as signal:
        dialog.export_to(tmp_path)
    _recorded_once(desk, Path(signal.args[0]))


def test_handover_record_print(qtbot, desk, situation, tmp_path):
    from desktop.views.handover_pdf import HandoverPrinter

    desk.sign_in("王建国", "135790")
    written = desk.write_handover(compile_handover(situation), "车库排水待续报")
    desk.sign_out()
    target = tmp_path / "handover.pdf"
    assert HandoverPrinter(desk, "zh_CN")(written, None, target) is None
    assert not target.exists() and _rows(desk, "print") == []
    desk.sign_in("王建国", "135790")
    assert HandoverPrinter(desk, "zh_CN")(written, None, target) == target
    _recorded_once(desk, target, "print")


def test_after_action_summary(qtbot, desk, demo_template, tmp_path):
    from desktop.views.replay_bar import ReplayBar
    from desktop.views.replay_controller import ReplayController

    controller = ReplayController(str(demo_template), snapshot_every=4)
    bar = ReplayBar(controller)
    qtbot.addWidget(bar)
    bar.desk = desk
    with qtbot.waitSignal(controller.opened, timeout=30_000):
        controller.open_drill(1)
    target = tmp_path / "after-action.pdf"
    bar._export(target)
    _cancel_sign_in(qtbot)
    assert not target.exists() and _rows(desk) == []
    desk.sign_in("王建国", "135790")
    bar._export(target)
    _recorded_once(desk, target)
    assert "演练总结" in _rows(desk)[0].target


def test_after_action_without_a_desk_writes_nothing(qtbot, demo_template, tmp_path):
    from desktop.views.replay_bar import ReplayBar
    from desktop.views.replay_controller import ReplayController

    controller = ReplayController(str(demo_template), snapshot_every=4)
    bar = ReplayBar(controller)
    qtbot.addWidget(bar)
    with qtbot.waitSignal(controller.opened, timeout=30_000):
        controller.open_drill(1)
    bar._export(tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_findings_written_in_the_app_are_audited_and_print(qtbot, chinese, desk,
                                                           demo_template, tmp_path):
    import re
    import subprocess

    from desktop.views.replay_bar import ReplayBar
    from desktop.views.replay_controller import ReplayController

    controller = ReplayController(str(demo_template), snapshot_every=4)
    bar = ReplayBar(controller)
    qtbot.addWidget(bar)
    bar.desk = desk
    with qtbot.waitSignal(controller.opened, timeout=30_000):
        controller.open_drill(1)
    desk.sign_in("王建国", "135790")
    dialog = bar.open_findings()
    assert dialog is not None
    dialog.problems.setPlainText("卧龙站派出点距现场约950米，超出服务圈")
    dialog.actions.setPlainText("调整派遣规则：优先派服务圈内站点")
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.save()
    (row,) = _rows(desk, "findings")
    assert row.target == "420606010-DR-FLOOD" and row.officer_name == "王建国"
    target = tmp_path / "aa.pdf"
    bar._export(target)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert "问题与整改" in flat
    assert "卧龙站派出点距现场约950米，超出服务圈" in flat and "调整派遣规则" in flat


def test_printing_the_sheets_from_the_preview_is_recorded(qtbot, desk, demo_replica, situation,
                                                          tmp_path):
    from desktop.views.sheets_dialog import SheetsDialog

    desk.sign_in("王建国", "135790")
    dialog = SheetsDialog(str(demo_replica), situation.stations, as_of=DAY, desk=desk)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as signal:
        dialog.export_to(tmp_path)
    preview = dialog.open_preview()
    assert preview is not None and _rows(desk, "print") == []
    preview.accept()  # what the preview's print button ends with
    _recorded_once(desk, Path(signal.args[0]), "print")
