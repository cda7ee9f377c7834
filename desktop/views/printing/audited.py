"""Every print and export in the app: sign-in first, then the file, then its audit row.

Nothing is written before an officer allowed to do it has signed in (a
cancelled sign-in or file choice writes nothing); once written, the file is
recorded with who, what, when and its SHA-256 (``Desk.record_export``), and a
file whose record cannot be written is removed again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.models.workstation.desk import Desk
from desktop.models.workstation.roles import EXPORT
from desktop.models.workstation.store import StoreUnavailable
from desktop.views.printing.fonts import PrintError

log = logging.getLogger(__name__)

Written = Callable[[Path, str], None]  # (path, sha256)


def _word(text: str) -> str:
    return QCoreApplication.translate("AuditedExport", text)


def write_recorded(desk: Desk, *, what: str, write: Callable[[Path], Path], path: Path,
                   permission: str = EXPORT, action: str = "export", detail: str = "") -> tuple[
        Path, str]:
    """Write ``path`` for the signed-in officer and record it; (path, sha256). Raises
    PermissionError before writing anything when nobody allowed is signed in."""
    desk.require(permission)
    written = write(path)
    return written, desk.record_export(action, permission, what, written, detail)


def audited_export(desk: Desk | None, parent: QWidget | None, *, what: str,
                   write: Callable[[Path], Path], choose: Callable[[], Path | None],
                   permission: str = EXPORT, action: str = "export", detail: str = "",
                   purpose: str = "", written: Written | None = None,
                   failed: Callable[[str], None] | None = None) -> None:
    """Sign in (``permission``), choose the file, write it, record it."""
    def fail(text: str) -> None:
        if failed is not None:
            failed(text)

    if desk is None:
        fail(_word("Not exported: recording is unavailable"))
        return

    def act(_officer: object) -> None:
        path = choose()
        if path is None:
            return
        try:
            done, digest = write_recorded(desk, what=what, write=write, path=path,
                                          permission=permission, action=action, detail=detail)
        except (PrintError, StoreUnavailable, OSError, PermissionError, ValueError) as error:
            log.warning("export of %s not made: %s", what, error)
            fail(_word("Not exported: %1").replace("%1", str(error)))
            return
        if written is not None:
            written(done, digest)

    from desktop.views.sign_in import with_officer

    with_officer(desk, parent, permission, act, purpose=purpose)
