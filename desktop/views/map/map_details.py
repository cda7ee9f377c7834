"""The operator's details of the feature clicked on the map: what its tooltip says, as text.

It shows only what the page was given (already masked); for a sensitive layer
it offers "Reveal…", which only asks (``reveal_requested``): whoever handles
it checks the officer's role, fetches the one record and writes the audit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.views.plain_text import one_line

DETAIL_LIMIT = 500  # the drill-down shows long texts, wrapped, up to this many characters


class FeatureDetails(QFrame):
    reveal_requested = Signal(str, str)  # layer key, feature id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapDetails")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._title = QLabel()
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setStyleSheet("font-weight: bold;")
        self._title.setWordWrap(True)
        self._body = QLabel()
        self._body.setTextFormat(Qt.TextFormat.PlainText)
        self._body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._body.setWordWrap(True)
        self._reveal = QPushButton(self.tr("Reveal…"))
        self._reveal.setToolTip(self.tr("Show this person's full record (checked and recorded)"))
        self._reveal.clicked.connect(self._ask_reveal)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._reveal)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._body)
        layout.addLayout(buttons)
        self._shown: tuple[str, str] | None = None
        self.hide()

    def show_feature(self, layer_key: str, feature_id: str, layer_name: str,
                     tip: dict[str, Any] | None, *, sensitive: bool, can_reveal: bool,
                     colon: str = "：") -> None:
        self._shown = (layer_key, feature_id)
        rows = (tip or {}).get("rows", [])
        self._title.setText(one_line((tip or {}).get("title") or feature_id, DETAIL_LIMIT))
        lines = [one_line(layer_name)] + [
            f"{one_line(key)}{colon}{one_line(value, DETAIL_LIMIT)}" for key, value in rows]
        self._body.setText("\n".join(lines))
        self._reveal.setVisible(sensitive and can_reveal)
        self.show()

    @property
    def text(self) -> str:
        return self._title.text() + "\n" + self._body.text()

    @property
    def shown(self) -> tuple[str, str] | None:
        return self._shown if self.isVisible() else None

    def _ask_reveal(self) -> None:
        if self._shown is not None:
            self.reveal_requested.emit(*self._shown)
