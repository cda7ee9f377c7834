"""The printing module: A4 pages with a frame, wrapped Chinese in tables, embedded font.

pdftotext and pdffonts (poppler-utils) read back what was written: the text
must come out as text, not as empty boxes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontDatabase, QPainter

from desktop.views.printing import (
    Cell,
    Column,
    Document,
    Drawing,
    Heading,
    PageBreak,
    Paragraph,
    PrintError,
    Table,
    require_cjk_font,
    write_pdf,
)

pytestmark = pytest.mark.gui


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} missing: install poppler-utils (bash setup.sh does)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def _long_table() -> Table:
    rows = tuple(
        (f"{n:02d}", Cell("灭火器压力指针在红区，需要立即更换并补充记录，检查人签字确认"
                          if n % 7 == 0 else "正常", fill="#ffd9d9" if n % 7 == 0 else None),
         "七里河街道长安花园驿站")
        for n in range(1, 61))
    return Table((Column("序号", 0.6), Column("检查结果", 3.0), Column("站点", 1.6)), rows)


def test_a_long_document_paginates_with_frame_and_repeated_table_header(qtbot, tmp_path):
    drawn = []

    def paint(painter: QPainter, rect: QRectF, family: str) -> None:
        drawn.append(family)
        painter.fillRect(rect.adjusted(0, 0, -rect.width() / 2, 0), QColor("#64b5f6"))

    document = Document(
        title="交接班记录", subtitle="七里河街道", mark="演练 / EXERCISE", footer="个人信息已脱敏",
        page_word="第 %1 页 / 共 %2 页",
        blocks=(Heading("值班情况"), Paragraph("接报、核实、派遣、到场、处置。" * 12),
                _long_table(), Drawing(40, paint, "示意图"), PageBreak(),
                Heading("附件", level=2), Paragraph("无")),
    )
    path = write_pdf(tmp_path / "sheet.pdf", document)
    text = poppler("pdftotext", "-layout", str(path), "-")
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "交接班记录" in page and "演练 / EXERCISE" in page
        assert f"第{number}页/共{len(pages)}页" in page.replace(" ", "")
    assert sum(page.count("检查结果") for page in pages) >= 2  # header repeated
    assert "灭火器压力指针在红区" in text.replace("\n", "").replace(" ", "")
    assert "附件" in pages[-1] and "示意图" in text
    assert drawn and drawn[0] == require_cjk_font()
    fonts = poppler("pdffonts", str(path))
    assert "WenQuanYi" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # embedded


def test_no_chinese_font_refuses_with_a_clear_message(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: []))
    with pytest.raises(PrintError, match="Chinese font"):
        write_pdf(tmp_path / "x.pdf", Document("t", (Paragraph("中文"),)))
    assert not Path(tmp_path / "x.pdf").exists()
