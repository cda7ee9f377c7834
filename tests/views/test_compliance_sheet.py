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
    text = _text(pdf)
    assert "超过复审期" in text and "缺带班领导" in text
    assert f"检查日期：{day:%Y-%m-%d}" in text


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
