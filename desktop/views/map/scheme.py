"""The dutymap:// URL scheme that serves the map page, and the guard that keeps it offline.

Duty rooms often have no internet, and a page that quietly fetches from a
CDN works on a developer's machine and shows nothing on the wall. So the
page gets every file from MapSchemeHandler (offline MBTiles tiles included),
and LocalOnlyInterceptor blocks, logs and counts any request to anything else.
The one exception is a configured online tile source: images from exactly its
host(s) pass, nothing else from there and nothing from anywhere else.
"""

from __future__ import annotations

import logging
import struct
import threading
import zlib

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from desktop.models.tiles import MBTiles
from desktop.views.map.map_page import HOST, SCHEME, read_asset
from desktop.views.map.map_tiles import TILE_PATH, parse_tile_path

log = logging.getLogger("desktop.views.map")

_SCHEME_BYTES = SCHEME.encode()
ALLOWED_SCHEMES = frozenset({SCHEME, "data", "blob"})
_MAX_KEPT_URLS = 100


def _png_1x1_transparent() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)  # 1×1, 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00")) + chunk(b"IEND", b""))


# A tile the file does not hold (sparse MBTiles, beyond its area): nothing, quietly.
EMPTY_TILE = _png_1x1_transparent()

_tiles_lock = threading.Lock()
_tiles: MBTiles | None = None


def set_tile_file(tiles: MBTiles | None) -> None:
    """The MBTiles file dutymap://local/tiles/z/x/y.ext is served from (None: no tiles)."""
    global _tiles
    with _tiles_lock:
        _tiles = tiles


def tile_file() -> MBTiles | None:
    return _tiles


def _read_tile(path: str) -> tuple[bytes, str]:
    address = parse_tile_path(path)
    with _tiles_lock:
        tiles = _tiles
    if address is None or tiles is None:
        raise KeyError(path)
    data = tiles.tile(*address)
    return (data, tiles.mime) if data is not None else (EMPTY_TILE, "image/png")


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
            if url.path().startswith(TILE_PATH):
                data, mime = _read_tile(url.path())
            else:
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
    """Blocks every request that would leave the machine; counts and logs them.

    ``tile_hosts``: (scheme, host, port) of a configured online tile source,
    whose images (and only images) may pass.
    """

    def __init__(self, parent: QObject | None = None,
                 tile_hosts: frozenset[tuple[str, str, int]] = frozenset()) -> None:
        super().__init__(parent)
        self._blocked = 0
        self._urls: list[str] = []
        self._tile_hosts = tile_hosts

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
        if self._tile_hosts and self._is_tile(info):
            return
        info.block(True)
        self._blocked += 1
        text = url.toString()
        if text not in self._urls:
            if len(self._urls) < _MAX_KEPT_URLS:
                self._urls.append(text)
            log.warning("blocked a non-local request from the map page: %s", text)


    def _is_tile(self, info: QWebEngineUrlRequestInfo) -> bool:
        url = info.requestUrl()
        default = 443 if url.scheme() == "https" else 80
        address = (url.scheme(), url.host().lower(), url.port(default))
        return (address in self._tile_hosts and info.requestMethod() == b"GET"
                and info.resourceType() == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeImage)


_handler: MapSchemeHandler | None = None


def map_profile() -> QWebEngineProfile:
    """The (off-the-record) default profile, with our scheme handler installed once."""
    global _handler
    profile = QWebEngineProfile.defaultProfile()
    if profile.urlSchemeHandler(_SCHEME_BYTES) is None:
        _handler = MapSchemeHandler(profile)
        profile.installUrlSchemeHandler(_SCHEME_BYTES, _handler)
    return profile
