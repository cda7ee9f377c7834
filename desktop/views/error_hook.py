"""One hook for every unhandled exception: log it, show a small notice, keep running."""

from __future__ import annotations

import logging
import sys
import threading
import types
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("desktop.unhandled")


class ErrorHook(QObject):
    """Emits ``error`` (on the GUI thread, via a queued connection) for each exception."""

    error = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self._previous: tuple[Callable[..., object], Callable[..., object]] | None = None

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def _report(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        self.count += 1
        log.error("unhandled exception", exc_info=(kind, value, tb))  # type: ignore[arg-type]
        self.error.emit(f"{kind.__name__ if kind else 'Error'}: {value}")

    def _sys_hook(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: types.TracebackType | None,
    ) -> None:
        self._report(kind, value, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self._report(args.exc_type, args.exc_value, args.exc_traceback)
