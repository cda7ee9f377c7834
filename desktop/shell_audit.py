"""Acts at the command line recorded in the workstation audit (no Qt).

The command writes into the workstation store of the OS account that runs it
(the desk's store when run as the dashboard account); every row carries that
OS account and the host. An export that cannot be recorded is not made: the
file is removed again and the command fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.models import clock
from desktop.models.file_digest import sha256_of

__all__ = ["COMMAND_LINE", "record_export", "sha256_of"]

COMMAND_LINE = "command line"


def record_export(path: Path, what: str, detail: str) -> bool:
    """Record the export of ``path`` (with its SHA-256); False (file removed, reason
    printed) when the audit cannot be written."""
    from desktop.models.workstation import audit
    from desktop.models.workstation.recovery import open_store
    from desktop.models.workstation.store import StoreUnavailable
    from desktop.settings import workstation_store

    now = clock.now()
    resolved = Path(path).resolve()
    digest = sha256_of(resolved)
    try:
        store, _report = open_store(workstation_store(), now)
        try:
            with store.write() as session:
                audit.record(session, now, "export", None, target=f"{what} → {resolved}",
                             detail=f"{detail}; sha256 {digest} ({COMMAND_LINE}, pid "
                                    f"{os.getpid()})")
        finally:
            store.dispose()
    except (StoreUnavailable, OSError) as error:
        resolved.unlink(missing_ok=True)
        print(f"dutyroom: not exported: the workstation audit cannot be written ({error})",
              file=sys.stderr)
        return False
    return True
