"""Plays the generated chime; with no audio device (or Qt Multimedia) it logs, stays silent."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from desktop.models.alert_tone import chime
from desktop.models.file_modes import write_file
from desktop.settings import cache_dir

log = logging.getLogger(__name__)


class AlertSound(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect: object | None = None
        self.available = False
        self.reason = ""
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as error:  # no libpulse etc.: visual alerts only
            self.reason = f"Qt Multimedia unavailable ({error})"
        else:
            if QMediaDevices.defaultAudioOutput().isNull():
                self.reason = "no audio output device"
            else:
                path = self._tone_file()
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                self._effect = effect
                self.available = True
        if not self.available:
            log.info("alert sound off: %s (the banner still flashes)", self.reason)

    @staticmethod
    def _tone_file() -> Path:
        path = cache_dir() / "alert-chime.wav"
        if not path.exists():
            write_file(path, chime())
        return path

    def play(self, level: int) -> None:
        """Level 1 rings; each repeat is louder (ARCHITECTURE, "Alerts")."""
        if self._effect is None or level <= 0:
            return
        self._effect.setVolume(min(1.0, 0.5 + 0.25 * (level - 1)))  # type: ignore[attr-defined]
        self._effect.play()  # type: ignore[attr-defined]
