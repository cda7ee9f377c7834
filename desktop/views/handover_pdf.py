"""The written handover (交接班记录) on paper, through the shared printing module.

It prints the package as it was handed over (not the screen now), the
outgoing officer's open items, and both names and times — or "not yet
acknowledged" in red, so an unsigned record cannot pass for a signed one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.models.clock import beijing
from desktop.models.workstation.desk import Desk
from desktop.models.workstation.handovers import WrittenHandover, summary_sections
from desktop.models.workstation.roles import PRINT
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.plain_text import NAME_LIMIT, TITLE_LIMIT, isolated, one_line
from desktop.views.printing import Document, Heading, Paragraph, PrintError, Spacer
from desktop.views.printing import write_pdf as _write
from desktop.views.printing.blocks import Block

RED_INK = "#a00000"


class HandoverPdf(QObject):
    """Builds the record's Document (a QObject only for its translated words)."""

    def __init__(self, written: WrittenHandover, language: str = "zh_CN") -> None:
        super().__init__()
        self.written = written
        self.english = language.startswith("en")

    def _heading(self, code: str) -> str:
        return {"shifts": self.tr("Outgoing and incoming shift"),
                "incidents": self.tr("Open incidents"),
                "stations": self.tr("Stations not fully ready"),
                "gaps": self.tr("Staffing gaps ahead"),
                "warnings": self.tr("Active warnings")}.get(code, code)

    def document(self) -> Document:
        written = self.written
        package = written.package
        handed = beijing(written.written_at).strftime("%Y-%m-%d %H:%M")
        blocks: list[Block] = [
            Heading(self.tr("Shift handover record")),
            Paragraph(one_line(package.get("street", ""), NAME_LIMIT), 10),
        ]
        for code, lines in summary_sections(package, self.english):
            blocks.append(Heading(self._heading(code), 2))
            blocks.append(Paragraph("\n".join(f"· {one_line(line, 2 * TITLE_LIMIT)}"
                                              for line in lines)
                                    if lines else self.tr("None."), 10))
        blocks += [Heading(self.tr("Open items written by the outgoing officer"), 2),
                   Paragraph(written.notes or self.tr("None."), 10, max_lines=None), Spacer(4),
                   Paragraph(self.tr("Handed over by %1 at %2").replace(
                       "%1", one_line(written.officer_name, NAME_LIMIT)).replace("%2", handed),
                       11, bold=True)]
        ack = written.acknowledgement
        if ack is None:
            blocks.append(Paragraph(self.tr("Not yet acknowledged by the incoming officer."),
                                    11, RED_INK, True))
        else:
            blocks.append(Paragraph(self.tr("Taken over by %1 at %2").replace(
                "%1", one_line(ack.officer_name, NAME_LIMIT)).replace(
                    "%2", beijing(ack.at).strftime("%Y-%m-%d %H:%M")),
                11, bold=True))
            if ack.remarks:
                blocks.append(Paragraph(self.tr("Remarks: %1").replace(
                    "%1", isolated(ack.remarks)), 10, max_lines=None))
        blocks.append(Paragraph(self.tr("Record #%1 · SHA-256 %2").replace(
            "%1", str(written.id)).replace("%2", written.digest[:16]), 8, "#555555"))
        return Document(title=self.tr("Shift handover record"),
                        subtitle=f"{one_line(package.get('street', ''), NAME_LIMIT)} {handed}",
                        page_word=self.tr("Page %1 of %2"), blocks=tuple(blocks),
                        meta={"author": written.officer_name})


def write_handover_pdf(path: Path, written: WrittenHandover, language: str = "zh_CN") -> Path:
    return _write(path, HandoverPdf(written, language).document())


class HandoverPrinter:
    """The ``printer`` callback for HandoverDialog: choose a file, record the print, write."""

    def __init__(self, desk: Desk, language: str = "zh_CN") -> None:
        self._desk = desk
        self._language = language
        self.last_error = ""

    def __call__(self, written: WrittenHandover, parent: QWidget | None,
                 path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                parent, QCoreApplication.translate("HandoverPdf", "Handover record PDF"),
                f"handover-{beijing(written.written_at):%Y%m%d-%H%M}.pdf",
                QCoreApplication.translate("HandoverPdf", "PDF files (*.pdf)"))
            if not chosen:
                return None
            path = Path(chosen)
        from desktop.views.printing.audited import write_recorded

        try:
            done, _digest = write_recorded(
                self._desk, what=f"交接班记录 #{written.id}", path=path, permission=PRINT,
                action="print", write=lambda target: write_handover_pdf(target, written,
                                                                        self._language))
            return done
        except (PrintError, StoreUnavailable, PermissionError, OSError) as error:
            self.last_error = str(error)
            title = QCoreApplication.translate("HandoverPdf", "Not printed")
            box = QMessageBox(QMessageBox.Icon.Warning, title, str(error),
                              QMessageBox.StandardButton.Ok, parent)
            box.open()
            return None
