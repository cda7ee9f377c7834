"""The one rule for text in the CSV files we write: no cell may become a formula.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (``=HYPERLINK(…)``, ``+cmd|' /C calc'!A0``, ``-1+1``, ``@SUM(…)``), and
some also after a leading tab or carriage return. Such text is written with an
apostrophe in front, which every spreadsheet shows as text. Only text is
touched: numbers and dates are written by the caller before or instead of this.

Text that already starts with apostrophes followed by one of those characters
gets one more, so ``restore`` (the importer, on files it knows are our own
exports) gives back exactly what was written, whatever the text was.
"""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def _guarded(text: str) -> bool:
    """Text that a spreadsheet could run, or that ``restore`` would take for guarded."""
    return text.lstrip(GUARD)[:1] in TRIGGERS


def neutralise(value: Any) -> Any:
    """``value`` as it is safe to write into a CSV cell; anything but text is returned as is."""
    if isinstance(value, str) and _guarded(value):
        return GUARD + value
    return value


def restore(value: Any) -> Any:
    """The text ``neutralise`` was given (for cells of a file we exported)."""
    if isinstance(value, str) and value[:1] == GUARD and _guarded(value[1:]):
        return value[1:]
    return value
