"""The dutymap:// URL scheme that serves the map page, and the guard that keeps it offline.

Duty rooms often have no internet, and a page that quietly fetches from a
CDN works on a developer's machine and shows nothing on the wall. So the
page gets every file from MapSchemeHandler, and LocalOnlyInterceptor blocks,
logs and counts any request to anything else.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from desktop.views.map.map_page import HOST, SCHEME, read_asset

log = logging.getLogger("desktop.views.map")

_SCHEME_BYTES = SCHEME.encode()
ALLOWED_SCHEMES = frozenset({SCHEME, "data", "blob"})
_MAX_KEPT_URLS = 100


def register_url_schemes() -> None:
    """Declare dutymap:// to Qt WebEngine. Call once, before the QApplication exists.

    Idempotent. Also imports QtWebEngineWidgets, which must happen before the
    application is created too.
    """
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede QApplication)

    if QWebEngineUrlScheme.schemeByName(_SCHEME_BYTES).name() == QByteArray(_SCHEME_BYTES):
        return
    if QCoreApplication.instance() is not None:
        raise RuntimeError(
            "register_url_schemes() must run before the QApplication is created"
        )
    scheme = QWebEngineUrlScheme(_SCHEME_BYTES)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.CorsEnabled
    )
    QWebEngineUrlScheme.registerScheme(scheme)


class MapSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers dutymap://local/... from the page builder and the package files."""

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        if job.requestMethod() != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        try:
            if url.host() != HOST:
                raise KeyError(url.host())
            data, mime = read_asset(url.path())
        except KeyError:
            log.warning("map page asked for %s, which does not exist", url.toDisplayString())
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)  # the job owns it and deletes it when done
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime.encode(), buffer)


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request that would leave the machine; counts and logs them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._blocked = 0
        self._urls: list[str] = []

    @property
    def blocked_count(self) -> int:
        return self._blocked

    @property
    def blocked_urls(self) -> tuple[str, ...]:
        """The first blocked URLs (at most a hundred), for tests and diagnosis."""
        return tuple(self._urls)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in ALLOWED_SCHEMES:
            return
        info.block(True)
        self._blocked += 1
        text = url.toString()
        if text not in self._urls:
            if len(self._urls) < _MAX_KEPT_URLS:
                self._urls.append(text)
            log.warning("blocked a non-local request from the map page: %s", text)


_handler: MapSchemeHandler | None = None


def map_profile() -> QWebEngineProfile:
    """The (off-the-record) default profile, with our scheme handler installed once."""
    global _handler
    profile = QWebEngineProfile.defaultProfile()
    if profile.urlSchemeHandler(_SCHEME_BYTES) is None:
        _handler = MapSchemeHandler(profile)
        profile.installUrlSchemeHandler(_SCHEME_BYTES, _handler)
    return profile
