"""Colours, sizes and the style sheet: one place for wall readability.

DOMAIN "Wall readability": at 1920×1080 body text ≥ 24 px, KPI figures ≥ 64 px,
text contrast ≥ 7:1; scaled in proportion at 3840×2160. Status is never colour
alone: each level carries a word and a shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

BACKGROUND = "#0b0f14"
PANEL = "#131a22"
PANEL_BORDER = "#3a4756"
TEXT = "#f2f5f8"
TEXT_DIM = "#c9d1d9"
ACCENT = "#7cc4ff"
ON_STATUS = "#000000"  # text drawn on a status colour

STATUS_COLOUR = {"green": "#3ddc84", "amber": "#ffc107", "red": "#ff8f8f"}
# Live data: the header's ● LIVE, and a live alert breaking through a replay (never amber).
LIVE_COLOUR = STATUS_COLOUR["green"]
STATUS_SHAPE = {"green": "●", "amber": "▲", "red": "■"}
SEVERITY_COLOUR = {1: "#ff8f8f", 2: "#ffa040", 3: "#ffe066", 4: "#64b5f6"}
WARNING_COLOUR = {"blue": "#64b5f6", "yellow": "#ffe066", "orange": "#ffa040", "red": "#ff8f8f"}


def status_word(level: str) -> str:
    words = {
        "green": QCoreApplication.translate("Status", "Ready"),
        "amber": QCoreApplication.translate("Status", "Degraded"),
        "red": QCoreApplication.translate("Status", "Not ready"),
    }
    return words.get(level, level)


def status_label(level: str) -> str:
    return f"{STATUS_SHAPE.get(level, '?')} {status_word(level)}"


# Legibility by calculation (DOMAIN "Reading distance, computed"; NUREG-0700, ISO 9241-3):
# characters of at least 16′ of arc at the farthest viewer, 20-22′ preferred; KPI figures 45′.
# The wall aims at 17′: at 20′ a 65″ panel seen from 4 m holds 22 lines of text from top to
# bottom, too few for the header, the KPIs, eight stations and a page of incidents; 17′
# keeps a margin over the 16′ floor (wall-check measures the ink, not the font size).
BODY_ARCMIN_MIN = 16.0
BODY_ARCMIN_AIM = 17.0
KPI_ARCMIN_MIN = 45.0
# Ink height per pixel of font size, measured on the wall's rendered glyphs (wall-check):
# CJK ideographs of WenQuanYi Micro Hei, and bold digits.
CJK_INK_PER_PX = 0.92
DIGIT_INK_PER_PX = 0.72
DESIGN_BODY_PX = 24  # the 1920×1080 design the wall's proportions were drawn at


def pixel_pitch_mm(diagonal_in: float, width_px: int, height_px: int) -> float:
    """The size of one pixel of a panel ``diagonal_in`` inches across (square pixels)."""
    return diagonal_in * 25.4 / math.hypot(width_px, height_px)


def arcmin(height_mm: float, distance_m: float) -> float:
    """The angle ``height_mm`` subtends at ``distance_m``, in minutes of arc."""
    return math.degrees(2 * math.atan(height_mm / (2000 * distance_m))) * 60


def ink_px_for(arcminutes: float, distance_m: float, pitch_mm: float) -> float:
    """How many pixels of ink subtend ``arcminutes`` at ``distance_m`` on that panel."""
    height_mm = 2000 * distance_m * math.tan(math.radians(arcminutes / 60) / 2)
    return height_mm / pitch_mm


@dataclass(frozen=True)
class Panel:
    """The screen the wall is on and its farthest viewer (settings wall_diagonal_in,
    wall_distance_m): the wall's scale comes from these, not from the resolution."""

    width_px: int = 1920
    height_px: int = 1080
    diagonal_in: float = 65.0
    distance_m: float = 4.0

    @property
    def pitch_mm(self) -> float:
        return pixel_pitch_mm(self.diagonal_in, self.width_px, self.height_px)

    def arcmin(self, ink_px: float) -> float:
        return arcmin(ink_px * self.pitch_mm, self.distance_m)

    def font_px(self, arcminutes: float, ink_per_px: float) -> int:
        return math.ceil(ink_px_for(arcminutes, self.distance_m, self.pitch_mm) / ink_per_px)


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes for one screen; wall sizes come from the panel and viewing distance."""

    body: int
    small: int
    title: int
    kpi: int
    clock: int
    row: int
    margin: int
    scale: float = 1.0  # of the wall's 1920×1080 design (24 px body); the map page zooms by it

    @staticmethod
    def for_screen(wall: bool, screen_height: int, *, screen_width: int | None = None,
                   diagonal_in: float = 65.0, distance_m: float = 4.0) -> Sizes:
        if not wall:
            return Sizes(body=15, small=13, title=18, kpi=34, clock=28, row=24, margin=6)
        height = max(screen_height, 720)
        width = screen_width or round(height * 16 / 9)
        return Sizes.for_panel(Panel(width, height, diagonal_in, distance_m))

    @staticmethod
    def for_panel(panel: Panel) -> Sizes:
        """Body text aimed at 17′ (never under 16′), KPI figures at 45′, at the panel's
        farthest viewer; everything else in the proportions of the 24 px design."""
        body = panel.font_px(BODY_ARCMIN_AIM, CJK_INK_PER_PX)
        scale = body / DESIGN_BODY_PX
        kpi = max(panel.font_px(KPI_ARCMIN_MIN, DIGIT_INK_PER_PX), round(64 * scale))
        return Sizes(
            body=body,
            small=body,  # nothing on the wall is smaller than body text
            title=round(28 * scale),
            kpi=kpi,
            clock=round(64 * scale),
            row=round(body * 1.45),
            margin=round(8 * scale),
            scale=scale,
        )


def style_sheet(sizes: Sizes) -> str:
    return f"""
    QWidget {{ background: {BACKGROUND}; color: {TEXT}; font-size: {sizes.body}px; }}
    QFrame#panel {{ background: {PANEL}; border: 2px solid {PANEL_BORDER}; border-radius: 6px; }}
    QLabel#panelTitle {{ font-size: {sizes.title}px; font-weight: bold; color: {ACCENT};
                         background: transparent; }}
    QLabel#dim {{ color: {TEXT_DIM}; background: transparent; }}
    QLabel {{ background: transparent; }}
    QLabel#kpiValue {{ font-size: {sizes.kpi}px; font-weight: bold; }}
    QLabel#kpiLabel {{ font-size: {sizes.small}px; color: {TEXT_DIM}; }}
    QLabel#clock {{ font-size: {sizes.clock}px; font-weight: bold; }}
    QLabel#date {{ color: {TEXT_DIM}; }}
    QLabel#stationRest {{ color: {STATUS_COLOUR["green"]}; padding-left: 4px; }}
    QLabel#streetName {{ font-size: {sizes.title}px; font-weight: bold; }}
    QTableView {{ background: {PANEL}; alternate-background-color: #18212b;
                  gridline-color: {PANEL_BORDER}; border: none;
                  selection-background-color: #28425e; selection-color: {TEXT}; }}
    QHeaderView::section {{ background: {PANEL}; color: {TEXT_DIM}; border: none;
                            border-bottom: 2px solid {PANEL_BORDER}; padding: 4px;
                            font-size: {sizes.small}px; }}
    QPushButton {{ background: #1e2a36; border: 2px solid {PANEL_BORDER}; padding: 4px 10px;
                   border-radius: 4px; }}
    """


def relative_luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
