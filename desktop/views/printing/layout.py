"""Blocks to pages: measure each piece on the PDF device, then fill pages top to bottom.

A table becomes one piece per row; when a page breaks inside a table its
header row repeats on the next page. A heading never ends a page: it moves
with the piece after it. Everything is measured with the device's own font
metrics, so what is measured is what is painted.

Text comes from the replica and may be endless: a table cell is wrapped to at
most MAX_CELL_LINES lines, a heading to MAX_HEADING_LINES, a paragraph to what
one page holds, each cut with "…" beyond that, so no piece is taller than a
page and nothing is painted over the footer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen

from desktop.views.plain_text import isolated
from desktop.views.printing.blocks import (
    Block,
    Cell,
    Drawing,
    Heading,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(
    Qt.AlignmentFlag.AlignTop)
WRAP_ANYWHERE = WRAP | int(Qt.TextFlag.TextWrapAnywhere)
ACCENT = "#1f4e79"
GRID = "#8a94a0"
HEADER_FILL = "#dde4ec"
MAX_CELL_LINES = 3  # unless the table says otherwise (Table.max_lines)
MAX_HEADING_LINES = 2
ELLIPSIS = "…"


@dataclass
class Piece:
    height: float
    paint: Callable[[QPainter, float, float, float], None]  # painter, x, y, width
    keep_with_next: bool = False
    gap: bool = False  # dropped at the top of a page
    table: object | None = None  # the table whose row this is
    header: Piece | None = None  # that table's header row, to repeat after a break
    page_break: bool = False


class Measurer:
    """Fonts and text metrics on the PDF device (300 dpi)."""

    def __init__(self, device: QPagedPaintDevice, family: str, width: float,
                 page_height: float = 0.0) -> None:
        self.device = device
        self.family = family
        self.width = width
        self.page_height = page_height  # of the content area; 0: unknown (no page limit)
        self.mm = device.logicalDpiY() / 25.4

    def font(self, size_pt: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        return font

    def text_height(self, font: QFont, width: float, text: str) -> tuple[float, int]:
        """Height of ``text`` wrapped to ``width``, and the flags that make it fit."""
        metrics = QFontMetricsF(font, self.device)
        box = metrics.boundingRect(QRectF(0, 0, width, 1e7), WRAP, text)
        flags = WRAP if box.width() <= width + 0.5 else WRAP_ANYWHERE
        if flags != WRAP:
            box = metrics.boundingRect(QRectF(0, 0, width, 1e7), flags, text)
        return max(box.height(), metrics.height()), flags

    def fit(self, font: QFont, width: float, text: str,
            max_lines: int | None) -> tuple[str, float, int]:
        """``text`` (cut with "…" when it would wrap to more than ``max_lines`` lines), its
        height wrapped to ``width`` and the flags to paint it with."""
        text = "\n".join(isolated(line) for line in text.split("\n"))  # an override ends
        height, flags = self.text_height(font, width, text)  # with its line
        if max_lines is None:
            return text, height, flags
        limit = QFontMetricsF(font, self.device).lineSpacing() * max_lines + 1.0
        if height <= limit:
            return text, height, flags
        low, high = 0, len(text)  # the longest head that still fits, with the ellipsis
        while low < high:
            middle = (low + high + 1) // 2
            if self.text_height(font, width, text[:middle] + ELLIPSIS)[0] <= limit:
                low = middle
            else:
                high = middle - 1
        shown = "\n".join(isolated(line) for line in (text[:low].rstrip() + ELLIPSIS).split("\n"))
        height, flags = self.text_height(font, width, shown)
        return shown, height, flags

    def page_lines(self, font: QFont, reserve: float = 0.0) -> int | None:
        """How many lines of ``font`` one page holds (None when the page is unknown)."""
        if self.page_height <= 0:
            return None
        spacing = QFontMetricsF(font, self.device).lineSpacing()
        # 80 %: a page-long paragraph still fits on a page under the heading it follows
        return max(1, int((self.page_height * 0.8 - reserve) / spacing))


def _text_piece(m: Measurer, text: str, font: QFont, colour: str, before: float,
                after: float, keep: bool = False, max_lines: int | None = None) -> Piece:
    page = m.page_lines(font, before + after)
    if max_lines is None or (page is not None and page < max_lines):
        max_lines = page
    text, height, flags = m.fit(font, m.width, text, max_lines)

    def paint(painter: QPainter, x: float, y: float, width: float) -> None:
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(x, y + before, width, height), flags, text)

    return Piece(before + height + after, paint, keep_with_next=keep)


def _table_pieces(m: Measurer, table: Table) -> list[Piece]:
    total = sum(c.weight for c in table.columns) or 1.0
    widths = [m.width * c.weight / total for c in table.columns]
    pad = 1.2 * m.mm
    body, bold = m.font(table.size_pt), m.font(table.size_pt, True)

    def row_piece(cells: list[Cell], font_for: Callable[[Cell], QFont], header: bool) -> Piece:
        lines = table.max_lines or MAX_CELL_LINES
        measured = [m.fit(font_for(c), w - 2 * pad, c.text, lines)
                    for c, w in zip(cells, widths, strict=True)]
        height = max(h for _t, h, _f in measured) + 2 * pad

        def paint(painter: QPainter, x: float, y: float, _width: float) -> None:
            left = x
            for cell, width, (text, _h, flags), column in zip(cells, widths, measured,
                                                               table.columns, strict=True):
                box = QRectF(left, y, width, height)
                fill = HEADER_FILL if header and cell.fill is None else cell.fill
                if fill:
                    painter.fillRect(box, QColor(fill))
                painter.setPen(QPen(QColor(GRID), 0.2 * m.mm))
                painter.drawRect(box)
                painter.setFont(font_for(cell))
                painter.setPen(QColor(cell.colour))
                align = int(Qt.AlignmentFlag.AlignRight) if column.align_right else 0
                painter.drawText(box.adjusted(pad, pad, -pad, -pad), flags | align, text)
                left += width

        return Piece(height, paint, table=table)

    header = row_piece([Cell(c.title, bold=True) for c in table.columns], lambda _c: bold, True)
    rows = []
    for row in table.rows:
        cells = [c if isinstance(c, Cell) else Cell(c) for c in row]
        piece = row_piece(cells, lambda c: bold if c.bold else body, False)
        piece.header = header
        rows.append(piece)
    header.keep_with_next = True
    return [header, *rows]


def pieces(m: Measurer, blocks: tuple[Block, ...]) -> list[Piece]:
    result: list[Piece] = []
    for block in blocks:
        if isinstance(block, Heading):
            size = 15.0 if block.level == 1 else 12.0
            result.append(_text_piece(m, block.text, m.font(size, True), ACCENT,
                                      3 * m.mm, 1.5 * m.mm, keep=True,
                                      max_lines=MAX_HEADING_LINES))
        elif isinstance(block, Paragraph):
            result.append(_text_piece(m, block.text, m.font(block.size_pt, block.bold),
                                      block.colour, 0, 1.5 * m.mm, max_lines=block.max_lines))
        elif isinstance(block, Table):
            result.extend(_table_pieces(m, block))
            result.append(Piece(2 * m.mm, lambda *_a: None, gap=True))
        elif isinstance(block, Drawing):
            if block.keep_with_previous:
                while result and result[-1].gap:
                    result.pop()  # no space to break at between the two
                if result:
                    result[-1].keep_with_next = True
            result.append(_drawing_piece(m, block))
        elif isinstance(block, Spacer):
            result.append(Piece(block.height_mm * m.mm, lambda *_a: None, gap=True))
        elif isinstance(block, PageBreak):
            result.append(Piece(0, lambda *_a: None, page_break=True))
    return result


def _drawing_piece(m: Measurer, block: Drawing) -> Piece:
    caption = m.font(9)
    caption_text, caption_height, _flags = m.fit(caption, m.width, block.caption, 2) if \
        block.caption else ("", 0.0, WRAP)
    height = block.height_mm * m.mm

    def paint(painter: QPainter, x: float, y: float, width: float) -> None:
        painter.save()
        block.paint(painter, QRectF(x, y, width, height), m.family)
        painter.restore()
        if block.caption:
            painter.setFont(caption)
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(x, y + height + 0.8 * m.mm, width, caption_height),
                             WRAP, caption_text)

    return Piece(height + caption_height + 2.5 * m.mm, paint)


def paginate(all_pieces: list[Piece], page_height: float) -> list[list[tuple[Piece, float]]]:
    """Pieces with their y on each page (y from the top of the content area)."""
    pages: list[list[tuple[Piece, float]]] = [[]]
    y = 0.0
    for index, piece in enumerate(all_pieces):
        if piece.page_break:
            if pages[-1]:
                pages.append([])
                y = 0.0
            continue
        if piece.gap and not pages[-1]:
            continue
        need = piece.height
        if piece.keep_with_next and index + 1 < len(all_pieces):
            need += all_pieces[index + 1].height
        if y + need > page_height and pages[-1]:
            pages.append([])
            y = 0.0
            if piece.gap:
                continue
            if piece.header is not None:
                pages[-1].append((piece.header, y))
                y += piece.header.height
        pages[-1].append((piece, y))
        y += piece.height
    return pages
