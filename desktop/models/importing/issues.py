"""The per-row import report: file, row, column, problem in Chinese and English.

Validators raise ``Bad`` for one value; the pipeline turns it into an ``Issue``
with the place it came from. Rows are numbered as a person sees them: the
spreadsheet row (header included) for CSV/XLSX, the feature's position
(1-based) for GeoJSON, the text line for a file that cannot be parsed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.models.csv_cells import neutralise
from desktop.models.file_modes import write_file

ERROR = "error"
WARNING = "warning"


class Bad(Exception):
    """One value (or row) is unusable: the reason in both languages."""

    def __init__(self, zh: str, en: str, column: str | None = None,
                 row: int | None = None) -> None:
        super().__init__(en)
        self.zh, self.en, self.column, self.row = zh, en, column, row


@dataclass(frozen=True)
class Issue:
    file: str
    row: int | None  # None: the whole file
    column: str | None  # the header as written in the file, or a field's main header
    zh: str
    en: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def text(self, language: str = "zh_CN") -> str:
        return self.en if language.startswith("en") else self.zh

    def place(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def line(self) -> str:
        """One printable line: where, then the problem in Chinese / English."""
        mark = "错误 ERROR" if self.is_error else "警告 WARNING"
        return f"{mark}  {self.place()}: {self.zh} / {self.en}"


class Issues:
    """Collects issues for one file (its name is filled in)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Issue] = []

    def error(self, row: int | None, column: str | None, zh: str, en: str) -> None:
        self.items.append(Issue(self.file, row, column, zh, en, ERROR))

    def warning(self, row: int | None, column: str | None, zh: str, en: str) -> None:
        self.items.append(Issue(self.file, row, column, zh, en, WARNING))

    def bad(self, row: int | None, column: str | None, problem: Bad) -> None:
        self.error(problem.row if problem.row is not None else row, problem.column or column,
                   problem.zh, problem.en)

    @property
    def has_errors(self) -> bool:
        return any(item.is_error for item in self.items)


REPORT_HEADER = ("严重程度 severity", "文件 file", "行 row", "列 column", "问题 problem",
                 "problem (English)")


def report_csv(issues: Iterable[Issue]) -> str:
    """The report as CSV text (UTF-8 with BOM when written, so Excel shows the Chinese)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REPORT_HEADER)
    for item in issues:
        writer.writerow((item.severity, neutralise(item.file),
                         "" if item.row is None else item.row, neutralise(item.column or ""),
                         neutralise(item.zh), neutralise(item.en)))
    return buffer.getvalue()


def write_report(path: Path, issues: Iterable[Issue]) -> None:
    write_file(path, report_csv(issues).encode("utf-8-sig"))
