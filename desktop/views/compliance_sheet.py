"""The 六有 sheet: one A4 page per station (or the street) through the shared printing module.

The sheet is Chinese by design (an inspection form); its texts come from the
standard and the scoring, the layout from desktop.views.printing. A small map
of the station's service circle is drawn with QPainter from geometry.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from desktop.models.compliance import Compliance
from desktop.models.compliance.sheets import CircleMap, SheetSet
from desktop.views.plain_text import NAME_LIMIT, one_line
from desktop.views.printing import (
    Cell,
    Column,
    Document,
    Drawing,
    Heading,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from desktop.views.printing.blocks import Block

RESULT_WORD = {"met": "● 达标", "partly": "▲ 部分达标", "not_met": "■ 未达标"}
RESULT_FILL = {"met": "#d7f5e3", "partly": "#ffeeb3", "not_met": "#ffd0d0"}


def _paint_map(circle: CircleMap) -> Any:
    def paint(painter: QPainter, rect: QRectF, family: str) -> None:
        half = circle.radius_m * 1.6  # metres shown each side of the station
        scale = min(rect.width(), rect.height()) / (2 * half)
        centre = rect.center()
        metres_per_lon = 111_320 * math.cos(math.radians(circle.lat))

        def point(lon: float, lat: float) -> QPointF:  # local plane: ample for a 1 km view
            return QPointF(centre.x() + (lon - circle.lon) * metres_per_lon * scale,
                           centre.y() - (lat - circle.lat) * 110_540 * scale)

        painter.save()
        painter.setClipRect(rect)
        painter.fillRect(rect, QColor("#ffffff"))
        painter.setPen(QPen(QColor("#9aa5b1"), rect.width() / 600))
        for geometry in circle.grids:
            for ring in _rings(geometry):
                path = QPainterPath()
                for index, (lon, lat) in enumerate(ring):
                    target = point(lon, lat)
                    path.moveTo(target) if index == 0 else path.lineTo(target)
                painter.drawPath(path)
        radius = circle.radius_m * scale
        painter.setPen(QPen(QColor("#1a7f37"), rect.width() / 250))
        painter.setBrush(QColor(26, 127, 55, 40))
        painter.drawEllipse(centre, radius, radius)
        painter.setBrush(QColor("#c00000"))
        painter.drawEllipse(centre, rect.width() / 90, rect.width() / 90)
        painter.setPen(QColor("#000000"))
        painter.setFont(QFont(family, 8))
        painter.drawText(rect.adjusted(4, 4, -4, -4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         f"服务半径 {circle.radius_m:.0f} 米")
        painter.restore()
        painter.setPen(QPen(QColor("#555555"), rect.width() / 800))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    return paint


def _rings(geometry: dict[str, Any]) -> Iterable[Sequence[Sequence[float]]]:
    if geometry.get("type") == "Polygon":
        yield from geometry.get("coordinates", [])
    elif geometry.get("type") == "MultiPolygon":
        for polygon in geometry.get("coordinates", []):
            yield from polygon


def sheet_blocks(result: Compliance, street: str, period: tuple[dt.date, dt.date],
                 circle: CircleMap | None = None) -> tuple[Block, ...]:
    street = one_line(street, NAME_LIMIT)
    title = (f"{street}应急服务站“六有”建设检查表" if result.scope == "station"
             else f"{street}“六有”建设检查表")
    rows = tuple(
        (str(index), Cell(item.name, bold=True),
         Cell(RESULT_WORD[item.result], fill=RESULT_FILL[item.result]),
         item.evidence or "—", item.shortfall or "—", f"{item.score:g}/{item.weight:g}")
        for index, item in enumerate(result.items, start=1)
    )
    blocks: list[Block] = [
        Heading(title),
        Paragraph(f"被检查单位：{one_line(result.name, NAME_LIMIT)}    "
                  f"检查日期：{result.as_of:%Y-%m-%d}    "
                  f"检查期间：{period[0]:%Y-%m-%d} 至 {period[1]:%Y-%m-%d}    "
                  f"标准：{result.standard}", size_pt=10),
        Spacer(3),
        Table((Column("序号", 0.5), Column("项目", 1.3), Column("结果", 1.2),
               Column("依据", 3.0), Column("不足", 3.0), Column("得分", 0.9, align_right=True)),
              rows, size_pt=9.5),
        Spacer(3),
        Paragraph(f"综合得分：{result.score:g} / {result.full_score:g}", size_pt=12, bold=True),
    ]
    if circle is not None:
        blocks += [Spacer(2), Drawing(60, _paint_map(circle), "站点服务范围示意（网格为参考）")]
    blocks += [
        Spacer(4),
        Paragraph("备注：", size_pt=10, bold=True),
        Paragraph("\n\n", size_pt=10),
        Drawing(28, _paint_signatures),
    ]
    return tuple(blocks)


def _paint_signatures(painter: QPainter, rect: QRectF, family: str) -> None:
    width = rect.width() / 3
    painter.setPen(QPen(QColor("#333333"), rect.width() / 900))
    painter.setFont(QFont(family, 9))
    for index, label in enumerate(("检查人（签字）", "负责人（签字）", "单位（盖章）")):
        box = QRectF(rect.left() + index * width + 6, rect.top(), width - 12, rect.height())
        painter.drawRect(box)
        painter.drawText(box.adjusted(6, 4, -6, -4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)
        painter.drawText(box.adjusted(6, 4, -6, -4),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                         "年    月    日")


def sheets_document(sheet_set: SheetSet) -> Document:
    blocks: list[Block] = []
    for index, (result, circle) in enumerate(sheet_set.sheets):
        if index:
            blocks.append(PageBreak())
        blocks.extend(sheet_blocks(result, sheet_set.street, sheet_set.period, circle))
    sheets = sheet_set.sheets
    names = one_line(sheets[0][0].name, NAME_LIMIT) if len(sheets) == 1 else f"{len(sheets)} 份"
    return Document(title="“六有”建设检查表", subtitle=f"{sheet_set.street} · {names}",
                    blocks=tuple(blocks), footer="街道应急值班指挥台 生成",
                    page_word="第 %1 页 / 共 %2 页")
