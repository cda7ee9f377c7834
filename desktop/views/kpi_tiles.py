"""KPI tiles: on duty now, stations ready / not ready, open incidents by severity."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from desktop.models.situation import Situation
from desktop.views import theme
from desktop.views.plain_text import plain_label


class Tile(QFrame):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        layout = QHBoxLayout(self)
        self.value = plain_label("—")
        self.value.setObjectName("kpiValue")
        self.label = plain_label(label)
        self.label.setObjectName("kpiLabel")
        self.detail = plain_label("")
        self.detail.setObjectName("dim")
        words = QVBoxLayout()
        words.addWidget(self.label)
        words.addWidget(self.detail)
        layout.addWidget(self.value)
        layout.addLayout(words, 1)

    def set(self, value: str, detail: str = "", colour: str | None = None) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.value.setStyleSheet(f"color: {colour or theme.TEXT};")


class KpiTiles(QWidget):
    """Each tile counts exactly what its label says, in the stations table's words and
    shapes: ● 就绪, ■ 未就绪 and ▲ 部分就绪 are three tiles, never one count of two."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.on_duty = Tile(self.tr("On duty now"))
        self.ready = Tile(theme.status_label("green"))
        self.not_ready = Tile(theme.status_label("red"))
        self.partly_ready = Tile(theme.status_label("amber"))
        self.incidents = Tile(self.tr("Open incidents"))
        for tile in (self.on_duty, self.ready, self.not_ready, self.partly_ready,
                     self.incidents):
            layout.addWidget(tile)
        # What each station tile counts, by the readiness level the tables show.
        self.station_tiles = {"green": self.ready, "red": self.not_ready,
                              "amber": self.partly_ready}

    def show_situation(self, situation: Situation) -> None:
        kpis = situation.kpis
        leader = situation.duty_now.leader if situation.duty_now else None
        self.on_duty.set(
            str(kpis.on_duty),
            self.tr("Leader %1 · readiness %2").replace("%1", leader.name if leader else "—")
            .replace("%2", str(kpis.readiness_on_duty)),
            theme.TEXT if leader else theme.STATUS_COLOUR["red"],
        )
        stations = self.tr("of %1 stations").replace("%1", str(kpis.stations_total))
        self.ready.set(str(kpis.stations_ready), stations, theme.STATUS_COLOUR["green"])
        self.not_ready.set(str(kpis.stations_not_ready), stations,
                           theme.STATUS_COLOUR["red"] if kpis.stations_not_ready else theme.TEXT)
        self.partly_ready.set(
            str(kpis.stations_partly_ready), stations,
            theme.STATUS_COLOUR["amber"] if kpis.stations_partly_ready else theme.TEXT)
        numerals = ("I", "II", "III", "IV")
        self.incidents.set(
            str(kpis.open_incidents),
            "  ".join(f"{numeral}:{count}"
                      for numeral, count in zip(numerals, kpis.open_by_severity, strict=True)),
            theme.SEVERITY_COLOUR[1] if kpis.open_by_severity[0] + kpis.open_by_severity[1]
            else theme.TEXT,
        )
