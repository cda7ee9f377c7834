"""Write a Document as an A4 PDF: the same page frame on every page, then the laid-out pieces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from desktop.models.file_modes import create_file
from desktop.views.plain_text import isolated
from desktop.views.printing.blocks import Document
from desktop.views.printing.fonts import PrintError, require_cjk_font
from desktop.views.printing.layout import Measurer, paginate, pieces

RESOLUTION = 300  # dpi
MARGIN_MM = 15.0
HEADER_MM = 11.0
FOOTER_MM = 9.0
MARK_RED = "#c00000"


def write_pdf(path: Path, document: Document) -> Path:
    """Write ``document`` to ``path``; PrintError (with the reason in words) if it cannot."""
    family = require_cjk_font()
    path = create_file(Path(path))  # owner-only before Qt writes into it
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(document.title)
    writer.setCreator("Street Duty Room")
    if "author" in document.meta:
        writer.setAuthor(document.meta["author"])
    page = QRectF(0, 0, writer.width(), writer.height())
    mm = RESOLUTION / 25.4
    content = page.adjusted(MARGIN_MM * mm, (MARGIN_MM + HEADER_MM) * mm,
                            -MARGIN_MM * mm, -(MARGIN_MM + FOOTER_MM) * mm)
    measurer = Measurer(writer, family, content.width(), content.height())
    pages = paginate(pieces(measurer, document.blocks), content.height())
    painter = QPainter()
    if not painter.begin(writer):
        raise PrintError(f"cannot write {path}")
    try:
        for number, placed in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            _frame(painter, measurer, document, page, number, len(pages))
            for piece, y in placed:
                piece.paint(painter, content.left(), content.top() + y, content.width())
    finally:
        painter.end()
    return path


def _elided(painter: QPainter, text: str, width: float) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


def _frame(painter: QPainter, m: Measurer, document: Document, page: QRectF, number: int,
           count: int) -> None:
    mm = m.mm
    left, right = MARGIN_MM * mm, page.width() - MARGIN_MM * mm
    header = QRectF(left, MARGIN_MM * mm, right - left, HEADER_MM * mm * 0.7)
    painter.setPen(QColor("#333333"))
    painter.setFont(m.font(9, True))
    align_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    align_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    # Title and subtitle may carry data (a street's name): each keeps to its share of the line.
    painter.drawText(header, align_left, _elided(painter, isolated(document.title),
                                                 header.width() * 0.55))
    painter.setFont(m.font(9))
    subtitle = isolated(document.subtitle)
    if document.mark:
        painter.setPen(QColor(MARK_RED))
        painter.setFont(m.font(10, True))
        painter.drawText(header, align_right, document.mark)
        width = painter.fontMetrics().horizontalAdvance(document.mark) + 4 * mm
        header = header.adjusted(0, 0, -width, 0)
        painter.setFont(m.font(9))
        painter.setPen(QColor("#333333"))
    painter.drawText(header, align_right, _elided(painter, subtitle, header.width() * 0.42))
    painter.setPen(QPen(QColor("#555555"), 0.3 * mm))
    line_y = MARGIN_MM * mm + HEADER_MM * mm * 0.8
    painter.drawLine(int(left), int(line_y), int(right), int(line_y))
    footer_y = page.height() - (MARGIN_MM + FOOTER_MM * 0.6) * mm
    painter.drawLine(int(left), int(footer_y), int(right), int(footer_y))
    footer = QRectF(left, footer_y + 1 * mm, right - left, FOOTER_MM * mm * 0.6)
    painter.setPen(QColor("#333333"))
    painter.setFont(m.font(8))
    words = document.page_word.replace("%1", str(number)).replace("%2", str(count))
    painter.drawText(footer, align_left, _elided(painter, isolated(document.footer),
                                                 footer.width() * 0.8))
    painter.drawText(footer, align_right, words)
