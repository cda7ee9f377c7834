"""A titled frame that every dashboard panel sits in."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class PanelFrame(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.body = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setObjectName("panelTitle")
        self.body.addWidget(self.title)
