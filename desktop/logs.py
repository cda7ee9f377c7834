"""Logging to a rotating file in the platform's log folder (and stderr)."""

from __future__ import annotations

import io
import logging
import logging.handlers
import sys
from pathlib import Path
from typing import cast

from desktop.models.file_modes import make_dirs, opener
from desktop.settings import log_dir

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every log file, the first and each one after a rollover, is owner-only (0600)."""

    def _open(self) -> io.TextIOWrapper:
        return cast(io.TextIOWrapper, open(self.baseFilename, self.mode, encoding=self.encoding,
                                           errors=self.errors, opener=opener()))


def setup_logging(level: int = logging.INFO, directory: Path | None = None) -> Path | None:
    """Install the handlers once; returns the log file (None if the folder is unusable)."""
    root = logging.getLogger()
    if getattr(root, "_dutyroom_configured", False):
        return getattr(root, "_dutyroom_file", None)
    root.setLevel(level)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(console)
    path: Path | None = (directory or log_dir()) / "dutyroom.log"
    try:
        assert path is not None
        make_dirs(path.parent)
        handler = PrivateRotatingFileHandler(
            path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    except OSError as error:
        logging.getLogger(__name__).warning("no log file (%s); logging to stderr only", error)
        path = None
    logging.getLogger("alembic").setLevel(logging.WARNING)
    root._dutyroom_configured = True  # type: ignore[attr-defined]
    root._dutyroom_file = path  # type: ignore[attr-defined]
    return path
