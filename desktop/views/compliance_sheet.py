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
from desktop.models.station_profile import StationProfile
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
from desktop.views.printing.blocks import Block, signature_boxes

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
                         circle_label(circle))
        painter.restore()
        painter.setPen(QPen(QColor("#555555"), rect.width() / 800))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    return paint


def circle_label(circle: CircleMap) -> str:
    """What the drawn circle is: a rescue circle in metres, or a response circle in minutes."""
    if circle.response_minutes is not None:
        return (f"{circle.response_minutes:g} 分钟响应圈（登记半径 "
                f"{circle.radius_m / 1000:.1f} 公里）")
    return f"快速救援圈 半径 {circle.radius_m:.0f} 米"


def profile_lines(profile: StationProfile) -> tuple[str, ...]:
    """A station's figures in the sheet's words (Chinese: an inspection form)."""
    lines = []
    if profile.has_coverage:
        def n(value: int | None) -> str:
            return "—" if value is None else str(value)
        lines.append(f"服务覆盖 小区 {n(profile.covers_compounds)} 个、自建房片区 "
                     f"{n(profile.covers_self_built_areas)} 个、经营性场所 "
                     f"{n(profile.covers_shops)} 家")
    if profile.has_depot:
        trucks = "—" if profile.sand_trucks is None else f"{profile.sand_trucks} 辆"
        tonnes = "—" if profile.reserve_tonnes is None else f"{profile.reserve_tonnes:g} 吨"
        lines.append(f"自动化运砂车 {trucks}，砂石储备 {tonnes}")
    if profile.partner:
        lines.append(f"共建单位 {profile.partner}")
    if profile.members is not None:
        lines.append(f"队员 {profile.members} 人" + (
            f"，每班 {profile.members_per_shift} 人" if profile.members_per_shift else ""))
    if profile.upgraded_from:
        lines.append(f"由{profile.upgraded_from}升级")
    return tuple(lines)


def _rings(geometry: dict[str, Any]) -> Iterable[Sequence[Sequence[float]]]:
    if geometry.get("type") == "Polygon":
        yield from geometry.get("coordinates", [])
    elif geometry.get("type") == "MultiPolygon":
        for polygon in geometry.get("coordinates", []):
            yield from polygon


def sheet_blocks(result: Compliance, street: str, period: tuple[dt.date, dt.date],
                 circle: CircleMap | None = None,
                 profile: Sequence[str] = ()) -> tuple[Block, ...]:
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
                  f"检查日期（截至）：{result.as_of:%Y-%m-%d}    "
                  f"检查期间：{period[0]:%Y-%m-%d} 至 {period[1]:%Y-%m-%d}", size_pt=10),
        Paragraph(f"检查标准：{result.standard}"
                  + (f"；装备标准：{result.kit_standard}" if result.kit_standard else "")
                  + "；按检查日终了时的记录评分", size_pt=10),
        Spacer(3),
        Table((Column("序号", 0.45), Column("项目", 1.15), Column("结果", 1.1),
               Column("依据", 4.3), Column("不足", 2.8), Column("得分", 0.8, align_right=True)),
              rows, size_pt=9.5),
        Spacer(3),
        Paragraph(f"综合得分：{result.score:g} / {result.full_score:g}", size_pt=12, bold=True),
    ]
    if profile:
        blocks += [Spacer(2), Paragraph("概况：" + "；".join(one_line(x, 200) for x in profile),
                                        size_pt=10)]
    if circle is not None:
        blocks += [Spacer(2), Drawing(60, _paint_map(circle), "站点服务范围示意（网格为参考）")]
    blocks += [
        Spacer(4),
        Paragraph("备注：", size_pt=10, bold=True),
        Paragraph("\n".join(result.remarks) + "\n\n", size_pt=10),
        signature_boxes(("检查人（签字）", "负责人（签字）", "单位（盖章）"), "年    月    日", 28),
    ]
    return tuple(blocks)


def sheets_document(sheet_set: SheetSet) -> Document:
    blocks: list[Block] = []
    for index, (result, circle) in enumerate(sheet_set.sheets):
        if index:
            blocks.append(PageBreak())
        figures = sheet_set.profiles[index] if index < len(sheet_set.profiles) else None
        profile = profile_lines(figures) if figures is not None else ()
        blocks.extend(sheet_blocks(result, sheet_set.street, sheet_set.period, circle, profile))
    sheets = sheet_set.sheets
    names = one_line(sheets[0][0].name, NAME_LIMIT) if len(sheets) == 1 else f"{len(sheets)} 份"
    return Document(title="“六有”建设检查表", subtitle=f"{sheet_set.street} · {names}",
                    blocks=tuple(blocks), footer="街道应急值班指挥台 生成",
                    page_word="第 %1 页 / 共 %2 页")
