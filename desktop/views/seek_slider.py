"""The replay scrubber: a slider that seeks where it is clicked, with event ticks on its groove.

A click on the groove puts the handle under the pointer (as a media player
does) and keeps it there for a drag; the bar turns the slider's position
into a moment. The ticks are the replay's events (where ←/→ stop) and its
bookmarks, drawn below the groove.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

from desktop.views import theme

EVENT_TICK = QColor(theme.TEXT_DIM)
BOOKMARK_TICK = QColor(theme.ACCENT)


class SeekSlider(QSlider):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._events: tuple[float, ...] = ()
        self._bookmarks: tuple[float, ...] = ()
        self._columns: tuple[int, ...] | None = None
        self._columns_key: tuple[int, int] | None = None
        self.setMinimumHeight(28)

    # ------------------------------------------------------------ geometry

    def _option(self) -> QStyleOptionSlider:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return option

    def _rects(self) -> tuple[QRect, QRect]:
        option = self._option()
        style = self.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderHandle, self)
        return groove, handle

    def span_px(self) -> tuple[int, int]:
        """The handle centre's travel: its leftmost x and the number of pixels it spans."""
        groove, handle = self._rects()
        half = handle.width() // 2
        return groove.x() + half, max(1, groove.width() - handle.width())

    def value_at(self, x: int) -> int:
        left, span = self.span_px()
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), x - left, span)

    def x_of(self, fraction: float) -> int:
        left, span = self.span_px()
        return left + round(min(max(fraction, 0.0), 1.0) * span)

    # ------------------------------------------------------------ ticks

    def set_ticks(self, events: Sequence[float], bookmarks: Sequence[float]) -> None:
        """Fractions (0…1) of the replay where events and bookmarks are (events: once per
        replay, a day's log holds 100,000; they are drawn one line per pixel column)."""
        events, bookmarks = tuple(events), tuple(bookmarks)
        if events is not self._events and events != self._events:
            self._events = events
            self._columns = None
            self.update()
        if bookmarks != self._bookmarks:
            self._bookmarks = bookmarks
            self.update()

    def set_bookmark_ticks(self, bookmarks: Sequence[float]) -> None:
        self.set_ticks(self._events, bookmarks)

    def _event_columns(self) -> tuple[int, ...]:
        key = (self.width(), len(self._events))
        if self._columns_key != key or self._columns is None:
            left, span = self.span_px()  # one style query, not one per event
            self._columns = tuple(sorted({left + round(min(max(f, 0.0), 1.0) * span)
                                          for f in self._events}))
            self._columns_key = key
        return self._columns

    @property
    def ticks(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        return self._events, self._bookmarks

    # ------------------------------------------------------------ events

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            _groove, handle = self._rects()
            point = event.position().toPoint()
            if not handle.contains(point):
                self.setSliderPosition(self.value_at(point.x()))  # → actionTriggered(SliderMove)
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not (self._events or self._bookmarks):
            return
        groove, _handle = self._rects()
        painter = QPainter(self)
        bottom = self.height() - 1
        top = min(bottom - 3, groove.bottom() + 1)
        painter.setPen(QPen(EVENT_TICK, 1))
        for x in self._event_columns():
            painter.drawLine(QPoint(x, top), QPoint(x, bottom))
        painter.setPen(QPen(BOOKMARK_TICK, 2))
        for fraction in self._bookmarks:
            x = self.x_of(fraction)
            painter.drawLine(QPoint(x, 0), QPoint(x, bottom))
        painter.end()
