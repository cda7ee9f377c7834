"""The after-action summary PDF of a demo drill, in Chinese: headings, misses, masking, pages.

The summary is rendered to PNG with pdftoppm for a person to look at (kept in
DUTYROOM_SCREENSHOTS when set).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.models.after_action import after_action
from desktop.models.replay import list_drills
from desktop.models.replay.source import replay_drill, with_replica
from desktop.views.after_action_pdf import AfterActionPdf, write_after_action_pdf

pytestmark = pytest.mark.gui
PRINTED = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


def _run(tool: str, *args: str) -> str:
    local = Path(sys.executable).with_name(tool)
    found = str(local) if local.exists() else shutil.which(tool)
    if not found:
        pytest.fail(f"{tool} not found (poppler-utils / PySide6 provide it)")
    return subprocess.run([found, *args], capture_output=True, text=True, check=True,
                          timeout=120).stdout




@pytest.fixture(scope="module")
def reports(demo_template):
    def read(session):
        return [after_action(replay_drill(session, d.id)) for d in list_drills(session)]

    return with_replica(str(demo_template), read)


def test_summary_pdf_in_chinese_with_misses_and_masked_names(qtbot, chinese, reports, tmp_path):
    report = next(r for r in reports if r.drill.code.endswith("FIRE"))
    path = write_after_action_pdf(report, tmp_path / "after-action.pdf", "zh_CN", PRINTED)
    text = _run("pdftotext", "-layout", str(path), "-")
    flat = re.sub(r"\s+", "", text)
    for heading in ("演练总结", "处置时效与目标对比", "事件时间线", "事件记录", "数据问题",
                    "派遣：距离与服务圈", "参演人员与资源", "问题与整改", "签字确认",
                    "演练组织者（签字）"):
        assert heading in flat, heading
    assert "“实测”按事情实际发生的时间计算，“按记录”按值班室录入的时间计算" in flat
    sent = [d for i in report.incidents for d in i.dispatches
            if d.straight_m is not None and d.station is not None
            and d.station.kind != "sand_depot"]
    assert sent  # each dispatch's distance and circle, as the report measured it
    for dispatch in sent:
        side = "内" if dispatch.inside else "外"
        assert (f"{dispatch.straight_m:.0f}米，在{dispatch.station.radius_m:.0f}米服务圈{side}"
                in flat)
    assert report.drill.title in flat and "演练/EXERCISE" in flat
    assert "七里河街道" in flat and "个人信息已脱敏" in flat
    missed = sum(1 for i in report.incidents for m in i.measures if m.verdict == "missed")
    missed += sum(1 for d in report.dispatches if d.verdict == "missed")
    # each miss in words, not colour alone
    assert flat.count("超时") - flat.count("超时或未到场") == missed > 0
    assert flat.count("达标") - 2 >= 0  # the summary line names 达标 too
    actors = {e.actor for i in report.incidents for e in i.incident.events if e.actor}
    assert actors and all("*" in a and a in flat for a in actors)
    assert "第1页/共" in flat
    document = AfterActionPdf(report, "zh_CN", PRINTED).document()
    assert document.mark == "演练 / EXERCISE"
    folder = Path(os.environ.get("DUTYROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    _run("pdftoppm", "-r", "80", "-png", str(path), str(folder / "after-action"))
    assert list(folder.glob("after-action*.png"))


def test_each_demo_drill_prints(qtbot, reports, tmp_path):
    for number, report in enumerate(reports):
        path = write_after_action_pdf(report, tmp_path / f"{number}.pdf", "en", PRINTED)
        info = _run("pdfinfo", str(path))
        assert "Pages:" in info
        text = _run("pdftotext", str(path), "-")
        assert "After-action summary" in text and report.drill.title in re.sub(r"\s+", "", text)
