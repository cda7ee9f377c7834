"""UI language (Simplified Chinese by default) and the CJK font check."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

import desktop.resources as resources

log = logging.getLogger(__name__)

_keep: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Load our .qm (and Qt's own) for ``language``. True if loaded.

    English is the source language; its .qm only adds the plural forms
    ("1 entry" / "2 entries"), so without it English still reads correctly.
    """
    QLocale.setDefault(QLocale(language))
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _keep.append(qt_translator)
    compiled = resources.path("translations", f"dutyroom_{language}.qm")
    translator = QTranslator(app)
    if not compiled.is_file() or not translator.load(str(compiled)):
        log.error("translation %s missing: run the set-up (it compiles translations)", compiled)
        return False
    app.installTranslator(translator)
    _keep.append(translator)
    return True


def check_cjk_font() -> str:
    """Empty when a Simplified Chinese font exists; else the problem in words."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if families:
        return ""
    message = QCoreApplication.translate(
        "Fonts", "No Chinese font installed: Chinese text cannot be shown or printed")
    log.error(message)
    return message
