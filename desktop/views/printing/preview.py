"""Print preview and printing of a PDF we wrote: the pages are rendered by QtPdf and
painted onto the printer, so paper shows exactly what the exported file holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desktop.views.printing.fonts import PrintError

RENDER_DPI = 200


def paint_pdf(path: Path, printer: QPrinter) -> int:
    """Paint every page of ``path`` onto ``printer``; returns the page count."""
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise PrintError(f"cannot read {path} for printing")
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("the printer cannot be opened")
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * RENDER_DPI),
                         round(points.height() / 72 * RENDER_DPI))
            image = document.render(page, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()
    return document.pageCount()


def preview_pdf(path: Path, parent: QWidget | None = None,
                printed: Callable[[], None] | None = None) -> QPrintPreviewDialog:
    """A print preview of ``path`` (print from it to any installed printer); ``printed`` is
    called once the officer has printed (the dialog closes accepted)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ = printer  # type: ignore[attr-defined]  # the dialog does not own it
    dialog.paintRequested.connect(lambda target: paint_pdf(path, target))
    if printed is not None:
        dialog.accepted.connect(printed)
    return dialog
