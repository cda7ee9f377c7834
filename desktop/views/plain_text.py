"""Replica and store text on screen: shown as text, on one line where one is meant, cut.

Data is hostile (ARCHITECTURE, "Data is hostile"): a title may hold HTML, a
right-to-left override, line breaks, thousands of characters. Every label that
shows data is a PlainText label (``plain_label``); where our own rich text
carries data, the data goes through ``escaped``. ``one_line`` is the one rule
for what of a data text is drawn: line breaks become spaces, a bidi override
is contained in its own isolate (it cannot turn round the time or place drawn
after it), and text longer than its limit is cut with "…" (the full text is in
the tooltip, made by ``tooltip``, or in the station's detail).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

ELLIPSIS = "…"
LABEL_LIMIT = 80  # characters of one data text in a label or a table cell
TOOLTIP_LIMIT = 1000
NAME_LIMIT = 60  # a name inside our own sentence or heading, on screen or paper
TITLE_LIMIT = 120  # a title or an area inside our own sentence
_BREAKS = re.compile(r"[\r\n\v\f\u0085\u2028\u2029]+")
_OVERRIDES = re.compile(r"[\u202a-\u202e\u200e\u200f]")
_ISOLATES = re.compile(r"[\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"
_OURS = re.compile("\u2068[^\u2066-\u2069]*\u2069")


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:max(limit - 1, 0)].rstrip() + ELLIPSIS


def isolated(text: str) -> str:
    """``text`` in an isolate of its own when it holds bidi controls, so that an override
    in it cannot turn round what is drawn after it (isolate marks inside go: they could
    close it early)."""
    outside = _OURS.sub("", text)  # isolates made here already hold what is in them
    if _OVERRIDES.search(outside) or _ISOLATES.search(outside):
        return FSI + _ISOLATES.sub("", text) + PDI
    return text


def one_line(text: object, limit: int = LABEL_LIMIT) -> str:
    """What a label or cell draws of a data text (see the module docstring)."""
    return isolated(cut(_BREAKS.sub(" ", "" if text is None else str(text)), limit))


def escaped(text: object, limit: int = LABEL_LIMIT) -> str:
    """A data text for our own rich text: one line, cut, then HTML-escaped."""
    return html.escape(one_line(text, limit), quote=True)


def tooltip(text: object) -> str:
    """A tooltip showing ``text`` as text: Qt guesses tooltips to be HTML when they start
    with a tag, so the tooltip is our own rich text with the data escaped (line breaks
    kept, long lines wrapped)."""
    if text is None or text == "":
        return ""
    body = html.escape(cut(str(text), TOOLTIP_LIMIT), quote=True)
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def plain_label(text: str = "", parent: QWidget | None = None, *,
                object_name: str = "") -> QLabel:
    """A label that draws its text as text, whatever it holds."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label


def show_data(label: QLabel, text: object, limit: int = LABEL_LIMIT) -> None:
    """Put a data text into a PlainText label: one line, cut, the full text as its tooltip
    when it had to be cut or changed."""
    full = "" if text is None else str(text)
    shown = one_line(full, limit)
    label.setText(shown)
    label.setToolTip(tooltip(full) if shown != full else "")


def plain_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str,
                  text: str) -> QMessageBox:
    """A message box (opened, not run) whose text is drawn as text: messages carry data
    (file names, station names, problem lines)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box
