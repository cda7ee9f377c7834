"""值班日报 and the handover record on paper: one page, Chinese headings found by pdftotext,
a zero-report day, and the export recorded in the audit."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.daily_report import load_daily_report
from desktop.models.handover import compile_handover
from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.duty_log import LogLink
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import AuditRecord
from desktop.views.daily_report_pdf import DailyReportExport, write_daily_report
from desktop.views.handover_pdf import HandoverPrinter

pytestmark = [pytest.mark.gui, pytest.mark.calendar]
ROOT = Path(__file__).resolve().parents[2]
CHEAP = SecretHasher(HashProfile.cheap())
DAY = dt.date(2026, 11, 23)
QUIET_DAY = dt.date(2026, 11, 6)


@pytest.fixture(scope="module")
def zh_qm(tmp_path_factory):
    """The committed .ts compiled afresh (what setup.sh does), for these tests only."""
    compiled = tmp_path_factory.mktemp("qm") / "dutyroom_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease if lrelease.exists() else shutil.which("pyside6-lrelease")),
                    str(ROOT / "resources" / "translations" / "dutyroom_zh_CN.ts"), "-qm",
                    str(compiled)], check=True, capture_output=True, timeout=60)
    return compiled


@pytest.fixture
def zh_ui(zh_qm, qapp):
    """The Simplified Chinese UI for one test (removed again after it)."""
    translator = QTranslator()
    assert translator.load(str(zh_qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="module")
def situation(demo_template, fixed_now):
    engine = open_reader(demo_template)
    with Session(engine) as session:
        result = situation_now(session, fixed_now)
    engine.dispose()
    return result


@pytest.fixture
def desk(tmp_path, demo_template, fixed_now):
    store, _ = open_store(tmp_path / "ws.db", fixed_now)
    enrol(store, CHEAP, fixed_now, login="王建国", name="王建国", role="duty_officer",
          secret="135790")
    enrol(store, CHEAP, fixed_now, login="李明", name="李明", role="duty_officer",
          secret="246802")
    desk = Desk(store, clock=lambda: fixed_now, hasher=CHEAP)
    desk.sign_in("王建国", "135790")
    return desk


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _png(pdf: Path, tmp_path: Path, name: str) -> Path:
    folder = Path(os.environ.get("DUTYROOM_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf),
                    str(folder / name)], check=True, timeout=60)
    return folder / f"{name}.png"


def _log_a_day(desk):
    first = desk.add_log_entry("call_received", "泰和华庭物业来电：地下车库进水约20厘米",
                               link=LogLink(incident_code="420606010-20261123-05"))
    desk.add_log_entry("instruction_relayed", "传达区应急局指令：暴雨黄色预警期间加强低洼路段巡查")
    desk.add_log_entry("check_done", "巡查长安花园驿站：灭火器压力正常，急救箱齐全")
    desk.add_log_entry("call_received", "泰和华庭物业来电：地下车库进水约30厘米（更正）",
                       corrects=first.id)


def test_daily_report_is_one_page_with_chinese_headings(
        qtbot, zh_ui, desk, demo_template, situation, fixed_now, tmp_path):
    _log_a_day(desk)
    report = load_daily_report(demo_template, DAY, situation=situation,
                               log=desk.log_entries(fixed_now - dt.timedelta(days=1),
                                                    fixed_now + dt.timedelta(days=1)),
                               compiled_at=fixed_now, compiled_by="王建国")
    pdf = write_daily_report(tmp_path / "daily.pdf", report, "zh_CN")
    assert _pages(pdf) == 1
    text = _text(pdf)
    for heading in ("值班日报", "当日事件", "预警信息", "交接班", "未就绪站点", "值班缺口",
                    "值班日志", "值班员（签字）", "带班领导（签字）"):
        assert heading in text, heading
    assert "七里河街道" in text and "2026-11-23" in text
    assert "零报告" not in text
    assert "地下车库进水约30厘米（更正）" in text and "约20厘米" not in text
    assert "暴雨" in text and "黄色" in text and "缺带班领导" in text
    assert "另有" not in text
    assert _png(pdf, tmp_path, "daily-report").stat().st_size > 10_000


def test_every_station_not_ready_is_listed_by_name(qtbot, zh_ui, demo_template, situation,
                                                   fixed_now, tmp_path):
    """The duty leader signs for all of them: none is folded into "另有 N 条"."""
    import dataclasses

    from desktop.models.situation import Readiness, Reason

    degraded = Readiness("amber", (Reason("expiring", "测试原因", "test reason", "amber"),))
    worse = dataclasses.replace(situation, stations=tuple(
        dataclasses.replace(s, readiness=degraded) if s.readiness.level == "green" else s
        for s in situation.stations))
    report = load_daily_report(demo_template, DAY, situation=worse, log=(),
                               compiled_at=fixed_now, compiled_by="王建国")
    text = _text(write_daily_report(tmp_path / "daily.pdf", report, "zh_CN"))
    names = [s.name for s in worse.stations]
    assert len(names) == 8
    assert all(name[:6] in text for name in names), names
    assert "另有" not in text


def test_a_quiet_day_prints_a_zero_report(qtbot, zh_ui, desk, demo_template, fixed_now,
                                          tmp_path):
    report = load_daily_report(demo_template, QUIET_DAY, situation=None, log=(),
                               compiled_at=fixed_now, compiled_by="王建国")
    pdf = write_daily_report(tmp_path / "quiet.pdf", report, "zh_CN")
    text = _text(pdf)
    assert _pages(pdf) == 1
    assert "零报告" in text and "值班日报" in text and "2026-11-06" in text
    assert "七里河街道" in text  # the street from the replica, with no situation at hand
    _png(pdf, tmp_path, "daily-report-zero")


def test_export_asks_for_sign_in_records_then_writes(qtbot, desk, situation, demo_template,
                                                    tmp_path):
    exporter = DailyReportExport(desk, str(demo_template), "en")
    with qtbot.waitSignal(exporter.written, timeout=10_000) as written:
        exporter.start(DAY, situation, tmp_path / "out.pdf")
    assert Path(written.args[0]).exists()
    assert "Daily duty report" in _text(tmp_path / "out.pdf")
    with desk.store.read() as session:
        exports = session.scalars(select(AuditRecord).where(AuditRecord.action == "export")).all()
    import hashlib

    digest = hashlib.sha256((tmp_path / "out.pdf").read_bytes()).hexdigest()
    assert [(r.officer_name, r.target) for r in exports] == [
        ("王建国", "值班日报 2026-11-23 → out.pdf")]
    assert exports[0].detail.endswith(f"sha256 {digest}")


def test_handover_record_prints_both_names_and_times(qtbot, zh_ui, desk, situation, tmp_path):
    written = desk.write_handover(compile_handover(situation), "泰和华庭车库排水待续报")
    desk.sign_in("李明", "246802")
    done = desk.acknowledge_handover(written, "已阅")
    pdf = HandoverPrinter(desk, "zh_CN")(done, None, tmp_path / "handover.pdf")
    text = _text(pdf)
    assert "交接班记录" in text and "泰和华庭车库排水待续报" in text
    assert "王建国" in text and "李明" in text
    _png(pdf, tmp_path, "handover-record")


def _incident(n: int, open_: bool, fixed_now):
    from desktop.models.daily_report import ReportIncident

    received = fixed_now - dt.timedelta(hours=9) + dt.timedelta(minutes=15 * n)
    return ReportIncident(f"420606010-20261123-{n:02d}", f"第{n}起 车库进水", 4,
                          "handling" if open_ else "closed", f"长虹北路{n}号", received, False,
                          "final_report" if open_ else None,
                          received + dt.timedelta(hours=6) if open_ else None)


def test_a_day_of_31_incidents_lists_every_open_one_and_signs_with_them(
        qtbot, zh_ui, fixed_now, tmp_path):
    """It used to list the first 10 (the oldest, all closed) and fold the rest away."""
    from desktop.models.daily_report import ReportHandover, assemble

    incidents = tuple(_incident(n, n > 19, fixed_now) for n in range(1, 32))  # 12 open
    handover = ReportHandover(fixed_now - dt.timedelta(hours=2), "王建国", "车库排水待续报",
                              "李明", fixed_now - dt.timedelta(hours=1))
    report = assemble(DAY, situation=None, shifts=(), incidents=incidents, warnings=(),
                      log=(), compiled_at=fixed_now, compiled_by="王建国", street="七里河街道",
                      handovers=(handover,))
    assert [i.open for i in report.incidents[:12]] == [True] * 12  # open ones first
    pdf = write_daily_report(tmp_path / "busy.pdf", report, "zh_CN")
    text = _text(pdf)
    for incident in incidents:
        assert incident.code in text, incident.code  # every one, the open ones included
    assert "另有" not in text
    assert "当日事件共 31 起，未办结 12 起" in text
    assert "王建国 交班（李明 于" in text and "车库排水待续报" in text
    last = subprocess.run(["pdftotext", "-f", str(_pages(pdf)), "-l", str(_pages(pdf)),
                           str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "带班领导（签字）" in last and "值班日志" in last  # the signature is not alone
    _png(pdf, tmp_path, "daily-report-31")


def test_the_signature_block_never_stands_alone_on_a_page(qtbot, zh_ui, fixed_now, tmp_path):
    """Whatever the day's length, the page with the signatures holds more than them."""
    from desktop.models.daily_report import assemble

    for count in range(20, 44, 3):
        incidents = tuple(_incident(n, n % 3 == 0, fixed_now) for n in range(1, count + 1))
        report = assemble(DAY, situation=None, shifts=(), incidents=incidents, warnings=(),
                          log=(), compiled_at=fixed_now, compiled_by="王建国")
        pdf = write_daily_report(tmp_path / f"d{count}.pdf", report, "zh_CN")
        pages = _pages(pdf)
        last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf),
                               "-"], check=True, capture_output=True, text=True).stdout
        body = [line for line in last.splitlines() if line.strip() and "签字" not in line
                and "年" not in line and "第" not in line and "值班日报" not in line
                and "填报人" not in line]
        assert body, f"{count} incidents: the signature block stood alone on page {pages}"
