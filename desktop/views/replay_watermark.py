"""The unmistakable replay mark: a translucent 演练回放 / REPLAY overlay over the whole window.

Laid over its parent (following every resize), it lets every click through.
It paints an amber frame round the screen, a banner along the top with what
is replayed and when, and the word repeated faintly across everything, so no
one at the wall mistakes a replay for live data, whatever panel they look at.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from desktop.models.clock import beijing
from desktop.models.replay import ClockState
from desktop.views import theme

BANNER = theme.STATUS_COLOUR["amber"]


class ReplayWatermark(QWidget):
    def __init__(self, parent: QWidget, font_px: int = 24) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._font_px = font_px
        self._title = ""
        self._moment = ""
        self._backdrop: QPixmap | None = None  # frame and tiles, painted once per size
        self._host = parent
        self._above: list[QWidget] = []  # what must stay on top of the mark (live alerts)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    @property
    def mark(self) -> str:
        """演练回放 / REPLAY in Chinese, REPLAY in English."""
        local = self.tr("REPLAY")
        return local if local == "REPLAY" else f"{local} / REPLAY"

    @property
    def caption(self) -> str:
        return " · ".join(p for p in (self.mark, self._title, self._moment) if p)

    def set_title(self, title: str) -> None:
        self._title = title
        self.update(self._banner_rect())

    def show_clock(self, state: ClockState) -> None:
        """Show the replayed moment in the banner (connect to the controller's clock_changed)."""
        moment = beijing(state.position).strftime("%Y-%m-%d %H:%M:%S")
        if moment != self._moment:
            self._moment = moment
            self.update(self._banner_rect())

    def _banner_rect(self) -> QRect:
        """Where the banner may be: the top strip, full width (it is centred and elided)."""
        return QRect(0, 0, self.width(), round(self._font_px * 2.2))

    def set_replaying(self, replaying: bool) -> None:
        """Connect to the controller's active_changed (the router does)."""
        self.setVisible(replaying)
        if replaying:
            self.setGeometry(self._host.rect())
            self._raise()

    def keep_above(self, widget: QWidget) -> None:
        """``widget`` (a sibling) stays on top of the mark whenever the mark is raised: live
        data breaking through a replay must not look replayed."""
        self._above.append(widget)

    def _raise(self) -> None:
        self.raise_()
        for widget in self._above:
            if widget.parent() is self._host:
                widget.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (getattr: the filter may still be called while this object is being torn down)
        if watched is getattr(self, "_host", None) and event.type() in (
                QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.setGeometry(self._host.rect())
            if self.isVisible():
                self._raise()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        """Any repaint beneath repaints the overlay too: copy the cached backdrop, draw the
        banner."""
        backdrop = self._cached_backdrop()
        ratio = backdrop.devicePixelRatio()
        area = QRectF(event.rect())
        source = QRectF(area.x() * ratio, area.y() * ratio, area.width() * ratio,
                        area.height() * ratio)
        painter = QPainter(self)
        painter.drawPixmap(area, backdrop, source)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_banner(painter, QRectF(self.rect()))
        painter.end()

    def _cached_backdrop(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        size = QSize(round(self.width() * ratio), round(self.height() * ratio))
        if self._backdrop is None or self._backdrop.size() != size:
            pixmap = QPixmap(size)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(self.rect())
            edge = max(4.0, self._font_px / 4)
            painter.setPen(QPen(QColor(BANNER), edge))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2))
            self._paint_tiles(painter, rect)
            painter.end()
            self._backdrop = pixmap
        return self._backdrop

    def _paint_tiles(self, painter: QPainter, rect: QRectF) -> None:
        font = QFont()
        font.setPixelSize(self._font_px * 3)
        font.setBold(True)
        painter.setFont(font)
        faint = QColor(BANNER)
        faint.setAlpha(38)
        painter.setPen(faint)
        text = self.mark
        width = painter.fontMetrics().horizontalAdvance(text) + self._font_px * 4
        height = self._font_px * 9
        painter.save()
        painter.translate(rect.center())
        painter.rotate(-20)
        span = int(max(rect.width(), rect.height()))
        for row, y in enumerate(range(-span, span, height)):
            shift = (row % 2) * width // 2
            for x in range(-span - shift, span, width):
                painter.drawText(x, y, text)
        painter.restore()

    def _paint_banner(self, painter: QPainter, rect: QRectF) -> None:
        font = QFont()
        font.setPixelSize(self._font_px)
        font.setBold(True)
        painter.setFont(font)
        text = self.caption
        metrics = painter.fontMetrics()
        width = min(rect.width() * 0.9, metrics.horizontalAdvance(text) + self._font_px * 2)
        height = metrics.height() * 1.4
        banner = QRectF(rect.center().x() - width / 2, 0, width, height)
        fill = QColor(BANNER)
        fill.setAlpha(235)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(banner, height / 4, height / 4)
        painter.setPen(QColor(theme.ON_STATUS))
        painter.drawText(banner, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, int(width - self._font_px)))
