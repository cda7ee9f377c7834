"""The one way to run blocking work off the GUI thread, for an owner.

``run_blocking(owner, fn, on_result, on_error)`` runs ``fn`` on the global thread
pool and calls exactly one of the callbacks on the GUI thread, in the style of
Anki's ``QueryOp(parent, op, success)``: the work belongs to ``owner`` (the panel,
dialog, item model or feed that asked), and when the owner is gone by the time
the result arrives — its window closed, the test that made it ended — the result
is dropped with a debug line instead of calling into a deleted object. Workers
never touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry results home."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # delivered to the caller's error handler
            self._deliver(self._relay.failed, error)
        else:
            self._deliver(self._relay.done, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver went away (application shutting down)
            log.debug("background result dropped: its receiver is gone")


_alive: set[_Relay] = set()


def run_blocking(
    owner: QObject,
    fn: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """Run ``fn`` for ``owner``; ``on_result(value)`` or ``on_error(error)`` follows on
    the GUI thread while the owner lives, nothing once it is gone."""
    relay = _Relay()
    _alive.add(relay)
    what = getattr(fn, "__qualname__", type(fn).__name__)

    def finish(handler: Callable[[Any], None] | None, value: Any) -> None:
        _alive.discard(relay)
        relay.deleteLater()
        if not isValid(owner):  # deleted: its window closed, its test ended
            log.debug("background result of %s dropped: its owner is gone", what)
            return
        if handler is not None:
            handler(value)
        elif isinstance(value, BaseException):
            log.error("background work failed", exc_info=value)

    relay.done.connect(lambda value: finish(on_result, value))
    relay.failed.connect(lambda error: finish(on_error, error))
    (pool or QThreadPool.globalInstance()).start(_Job(fn, relay))


def wait_for_background_work(timeout_ms: int = 5000) -> bool:
    """At shutdown: let running jobs finish before their receivers are destroyed."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
