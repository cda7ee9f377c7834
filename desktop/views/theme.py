"""Colours, sizes and the style sheet: one place for wall readability.

DOMAIN "Wall readability": at 1920×1080 body text ≥ 24 px, KPI figures ≥ 64 px,
text contrast ≥ 7:1; scaled in proportion at 3840×2160. Status is never colour
alone: each level carries a word and a shape.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes for one screen; wall sizes scale with the screen height."""

    body: int
    small: int
    title: int
    kpi: int
    clock: int
    row: int
    margin: int
    scale: float = 1.0  # of the wall's 1920×1080 design; the map page zooms by it

    @staticmethod
    def for_screen(wall: bool, screen_height: int) -> Sizes:
        if not wall:
            return Sizes(body=15, small=13, title=18, kpi=34, clock=28, row=24, margin=6)
        scale = max(screen_height, 720) / 1080
        return Sizes(
            body=round(24 * scale),
            small=round(24 * scale),  # nothing on the wall is smaller than body text
            title=round(30 * scale),
            kpi=round(64 * scale),
            clock=round(64 * scale),
            row=round(36 * scale),
            margin=round(10 * scale),
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
