"""Column mapping: the headers staff write (Chinese or English) to each kind's fields.

Headers match after folding (full-width to half-width, case, spaces,
underscores, a required-marker ``*`` and a trailing unit in brackets such as
服务半径（米）). Title rows above the header, common in office spreadsheets,
are skipped: the header is the first of the top rows that names most fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.models.importing.enums import fold
from desktop.models.importing.parsers import Parser

HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Field:
    """One importable value; ``headers[0]`` is the header our exports write."""

    key: str
    headers: tuple[str, ...]
    parse: Parser
    required: bool = False

    @property
    def header(self) -> str:
        return self.headers[0]


def fold_header(header: Any) -> str:
    text = "" if header is None else str(header)
    text = re.sub(r"[(（\[【][^)）\]】]*[)）\]】]\s*$", "", text.strip())  # trailing unit
    return fold(text)


def alias_table(fields: Iterable[Field]) -> dict[str, Field]:
    table: dict[str, Field] = {}
    for field in fields:
        for header in (*field.headers, field.key):
            table.setdefault(fold_header(header), field)
    return table


@dataclass
class ColumnMap:
    """Where each field sits in a file: column index (tabular) and header as written."""

    index: dict[str, int]  # field key → column index
    written: dict[str, str]  # field key → header as written in the file
    unknown: dict[int, str]  # column index → header we do not know
    duplicates: list[tuple[str, str]]  # (header as written, field key) seen twice

    def header(self, key: str, fields: dict[str, Field]) -> str:
        return self.written.get(key) or fields[key].header


def map_headers(headers: Sequence[Any], fields: Sequence[Field]) -> ColumnMap:
    aliases = alias_table(fields)
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    unknown: dict[int, str] = {}
    duplicates: list[tuple[str, str]] = []
    for position, header in enumerate(headers):
        text = "" if header is None else str(header).strip()
        if not text:
            continue
        field = aliases.get(fold_header(text))
        if field is None:
            unknown[position] = text
        elif field.key in index:
            duplicates.append((text, field.key))
        else:
            index[field.key] = position
            written[field.key] = text
    return ColumnMap(index, written, unknown, duplicates)


def score(headers: Sequence[Any], fields: Sequence[Field]) -> int:
    return len(map_headers(headers, fields).index)


def find_header(rows: Sequence[tuple[int, list[Any]]], fields: Sequence[Field]) -> int | None:
    """Position in ``rows`` of the header row (most fields named among the top rows)."""
    best, best_score = None, 0
    seen = 0
    for position, (_number, cells) in enumerate(rows):
        if not any(cell not in (None, "") for cell in cells):
            continue
        seen += 1
        found = score(cells, fields)
        if found > best_score:
            best, best_score = position, found
        if seen >= HEADER_SEARCH_ROWS:
            break
    return best
