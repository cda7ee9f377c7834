"""What a printed document is made of: plain, frozen blocks in reading order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

Paint = Callable[[QPainter, QRectF, str], None]  # painter, target rect, font family


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = section, 2 = subsection


MAX_PARAGRAPH_LINES = 12


@dataclass(frozen=True)
class Paragraph:
    text: str
    size_pt: float = 10.0
    colour: str = "#000000"
    bold: bool = False
    # Wrapped to this many lines, then cut with "…"; None: as much as one page holds (for
    # an officer's own writing, bounded where it is stored).
    max_lines: int | None = MAX_PARAGRAPH_LINES


@dataclass(frozen=True)
class Cell:
    text: str
    fill: str | None = None
    colour: str = "#000000"
    bold: bool = False


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0  # share of the table width
    align_right: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell | str, ...], ...]
    size_pt: float = 9.0
    max_lines: int | None = None  # per cell; None: layout.MAX_CELL_LINES


@dataclass(frozen=True)
class Drawing:
    """Vector drawing painted by ``paint`` into a box of the full text width."""

    height_mm: float
    paint: Paint
    caption: str = ""
    keep_with_previous: bool = False  # a signature block never starts a page on its own


@dataclass(frozen=True)
class Spacer:
    height_mm: float = 4.0


@dataclass(frozen=True)
class PageBreak:
    pass


def signature_boxes(labels: tuple[str, ...], date_word: str, height_mm: float, *,
                    keep_with_previous: bool = False) -> Drawing:
    """One box a signer, side by side across the text width: who signs at the top left,
    the date word at the bottom right (every paper we print signs the same way)."""

    def paint(painter: QPainter, rect: QRectF, family: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QColor, QFont, QPen

        width = rect.width() / len(labels)
        painter.setPen(QPen(QColor("#333333"), rect.width() / 900))
        painter.setFont(QFont(family, 9))
        for index, label in enumerate(labels):
            box = QRectF(rect.left() + index * width + 6, rect.top(), width - 12,
                         rect.height())
            painter.drawRect(box)
            inside = box.adjusted(6, 4, -6, -4)
            painter.drawText(inside, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             label)
            painter.drawText(inside, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             date_word)

    return Drawing(height_mm, paint, keep_with_previous=keep_with_previous)


Block = Heading | Paragraph | Table | Drawing | Spacer | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    subtitle: str = ""  # right of the title in every page header
    mark: str = ""  # e.g. 演练 / EXERCISE, in red in every page header
    footer: str = ""  # left of the page number in every footer
    page_word: str = "%1 / %2"  # "page %1 of %2", translated by the caller
    meta: dict[str, str] = field(default_factory=dict)  # PDF author, subject
