"""The 六有 sheets as PDF: text extracts, the Chinese font is embedded, no font → refusal."""

from __future__ import annotations

import subprocess

import pytest

from desktop.models.clock import beijing_day
from desktop.models.compliance import Standard

pytestmark = [pytest.mark.gui, pytest.mark.calendar]


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def test_all_stations_sheet_has_every_item_and_station_name(qapp, demo_replica, tmp_path,
                                                           run_cli):
    result = run_cli("sheets", "--out", str(tmp_path), "--all", "--replica", str(demo_replica))
    assert result.returncode == 0, result.stderr
    (pdf,) = tmp_path.glob("*.pdf")
    text = _text(pdf)
    for item in Standard.load().items:
        assert item["name"] in text
    for name in ("长安花园驿站", "团山应急服务站", "综合得分", "检查人（签字）", "负责人（签字）"):
        assert name in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert "WenQuanYi" in fonts and " yes " in fonts.splitlines()[2]


def test_street_sheet_states_the_shortfalls(qapp, demo_replica, tmp_path, run_cli, fixed_now):
    day = beijing_day(fixed_now)  # the day the demo was built for, whatever today is
    result = run_cli("sheets", "--out", str(tmp_path), "--as-of", f"{day:%Y-%m-%d}",
                     "--replica", str(demo_replica))
    assert result.returncode == 0, result.stderr
    (pdf,) = tmp_path.glob("*.pdf")
    assert pdf.name.endswith(f"_{day:%Y%m%d}.pdf")
    text = _text(pdf).replace("\n", "")  # wrapped cells come out line by line
    assert "超过复审期" in text
    assert "缺带班领导" not in text  # a leaderless shift ahead is the roster's, not the team's
    assert "应急队伍 95 人" in text and "装备标准：4+9、4 类 8 种" in text
    assert f"检查日期（截至）：{day:%Y-%m-%d}" in text and "检查日期早于打印日" in text


def test_sheets_for_a_day_not_begun_are_refused(demo_replica, tmp_path, run_cli):
    result = run_cli("sheets", "--out", str(tmp_path), "--as-of", "2999-01-01",
                     "--replica", str(demo_replica))
    assert result.returncode == 1 and "has not begun yet" in result.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_unknown_station_code_is_refused_in_words(demo_replica, tmp_path, run_cli):
    result = run_cli("sheets", "--out", str(tmp_path), "--station", "NOPE",
                     "--replica", str(demo_replica))
    assert result.returncode == 1 and "no station with code NOPE" in result.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_without_a_chinese_font_the_export_refuses(qapp, tmp_path, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    from desktop.views.printing import Document, Paragraph, PrintError, write_pdf

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *args: []))
    with pytest.raises(PrintError, match="Chinese font"):
        write_pdf(tmp_path / "x.pdf", Document("“六有”建设检查表", (Paragraph("有场地设施"),)))
    assert not (tmp_path / "x.pdf").exists()


def test_a_street_named_like_a_path_writes_inside_out(qapp, demo_replica, tmp_path, run_cli):
    """``../../../x/PWNED`` as the street's name: the PDF is still written in --out."""
    import sqlite3

    with sqlite3.connect(demo_replica) as connection:
        connection.execute("UPDATE admin_unit SET name = ? WHERE level = 'street'",
                           ("../../../x/PWNED\u202e\x00" + "长" * 300,))
    out = tmp_path / "a" / "b" / "out"
    result = run_cli("sheets", "--out", str(out), "--replica", str(demo_replica))
    assert result.returncode == 0, result.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".pdf"]
    assert len(written) == 1 and written[0].parent == out
    assert "PWNED" in written[0].name and not (tmp_path / "x").exists()
    assert len(written[0].name.encode("utf-8")) <= 200


def _score_table(text: str) -> str:
    """From each sheet's heading to its total: the scored part of the page."""
    return "\n".join(part.split("综合得分")[0] + "综合得分" + part.split("综合得分")[1][:12]
                     for part in text.split("建设检查表")[1:] if "综合得分" in part)


def test_a_kit_out_on_a_call_and_back_gives_the_same_sheets(qapp, demo_replica, tmp_path,
                                                           run_cli, fixed_now):
    """Two runs for the same as-of day, the kit out and then returned: byte-identical."""
    import sqlite3

    day = f"{beijing_day(fixed_now):%Y-%m-%d}"
    first, second = tmp_path / "out", tmp_path / "back"
    result = run_cli("sheets", "--out", str(first), "--all", "--as-of", day,
                     "--replica", str(demo_replica))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(demo_replica) as connection:
        (item_id, station), = connection.execute(
            "SELECT i.id, s.name FROM equipment_loan l JOIN equipment_item i ON i.id = l.item_id"
            " JOIN station s ON s.id = i.station_id WHERE l.back_at IS NULL").fetchall()
        connection.execute("UPDATE equipment_loan SET back_at = '2026-11-23 03:00:00.000000' "
                           "WHERE back_at IS NULL")
        connection.execute("UPDATE equipment_item SET status = 'in_service', dispatched_at = "
                           "NULL WHERE id = ?", (item_id,))
    result = run_cli("sheets", "--out", str(second), "--all", "--as-of", day,
                     "--replica", str(demo_replica))
    assert result.returncode == 0, result.stderr
    (out_pdf,), (back_pdf,) = first.glob("*.pdf"), second.glob("*.pdf")
    out_text, back_text = _text(out_pdf), _text(back_pdf)
    assert _score_table(out_text).encode() == _score_table(back_text).encode()
    assert out_text.count("综合得分") == 8
    page = next(p for p in out_text.split("\f") if station in p).replace("\n", "")
    assert "出勤在用" in page  # stated, and counted as present
