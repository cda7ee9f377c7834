"""A Simplified Chinese font for paper, or a clear refusal.

Without a CJK font Qt writes empty boxes into a PDF and says nothing, and the
text cannot be searched: printing refuses instead. Fonts that extract
cleanly (WenQuanYi) are preferred over ones that turn some characters into
Kangxi radicals (Noto CJK).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase

PREFERRED = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Source Han Sans SC",
             "Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "SimSun")


class PrintError(Exception):
    """A document cannot be written; the message says why, for the operator."""


def require_cjk_font() -> str:
    """The family to print with; PrintError when no Simplified Chinese font is installed."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        raise PrintError(QCoreApplication.translate(
            "Printing", "No Chinese font is installed, so the PDF would show empty boxes "
            "instead of Chinese text: install a Simplified Chinese font (on Debian: "
            "fonts-wqy-microhei) and export again."))
    return next((f for f in PREFERRED if f in families), families[0])
