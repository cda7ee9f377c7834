"""Background work finds its owner, or is dropped when the owner is gone.

Each kind of owner that calls ``run_blocking`` (a panel, a dialog, an item model,
a feed) is deleted while its work is still running; the result must then reach
no callback, and a debug line must say it was dropped.
"""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, QThreadPool
from PySide6.QtWidgets import QDialog, QWidget

from desktop.views.worker import run_blocking

pytestmark = pytest.mark.gui

OWNERS = {
    "panel": QWidget,
    "dialog": QDialog,
    "item model": QStringListModel,
    "feed": QObject,
}


def _delete(owner: QObject) -> None:
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _settle(qtbot) -> None:
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(20)  # the queued result reaches the GUI thread


@pytest.mark.parametrize("kind", OWNERS)
def test_result_reaches_a_living_owner(qtbot, kind):
    owner = OWNERS[kind]()
    got = []
    run_blocking(owner, lambda: 41 + 1, got.append)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    _delete(owner)


@pytest.mark.parametrize("kind", OWNERS)
def test_result_for_a_deleted_owner_is_dropped(qtbot, caplog, kind):
    owner = OWNERS[kind]()
    release, got = threading.Event(), []

    def slow() -> str:
        assert release.wait(10)
        return "late"

    def on_result(value: str) -> None:
        got.append(value)
        owner.objectName()  # would raise "Internal C++ object already deleted"

    run_blocking(owner, slow, on_result, on_result)
    _delete(owner)
    with caplog.at_level(logging.DEBUG, logger="desktop.views.worker"):
        release.set()
        _settle(qtbot)
    assert got == []
    assert any("dropped: its owner is gone" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("kind", OWNERS)
def test_error_for_a_deleted_owner_is_dropped(qtbot, kind):
    owner = OWNERS[kind]()
    release, errors = threading.Event(), []

    def failing() -> None:
        assert release.wait(10)
        raise OSError("store went away")

    run_blocking(owner, failing, lambda _value: None, errors.append)
    _delete(owner)
    release.set()
    _settle(qtbot)
    assert errors == []


def test_error_reaches_a_living_owner(qtbot):
    owner = QObject()

    def failing() -> None:
        raise OSError("store went away")

    errors: list[BaseException] = []
    run_blocking(owner, failing, lambda _value: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], OSError)


def test_a_real_dialog_closed_before_its_read_ends(qtbot):
    """The roster-week dialog (a real call site) deleted while its loader runs."""
    from desktop.views.roster_week import RosterWeekDialog

    release, asked = threading.Event(), threading.Event()

    def loader(_first):
        asked.set()
        assert release.wait(10)
        return ()

    dialog = RosterWeekDialog(loader)
    assert asked.wait(10)
    _delete(dialog)
    release.set()
    _settle(qtbot)  # without the owner check: RuntimeError from a deleted model


def test_a_real_feed_deleted_before_its_poll_ends(qtbot, live_demo_replica):
    """The live feed (a real call site) deleted while a poll is on the worker."""
    from desktop.settings import Settings
    from desktop.views.live_feed import LiveFeed

    feed = LiveFeed(Settings(replica=str(live_demo_replica), poll_interval_ms=60_000))
    updates = []
    feed.situation_ready.connect(updates.append)
    feed.update_ready.connect(updates.append)
    feed.start()  # the first poll is on the worker now
    _delete(feed)
    _settle(qtbot)
    assert updates == []

