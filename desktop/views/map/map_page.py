"""The map page frame, built once with folium, and every file the page loads.

The page is served by our own URL scheme (see scheme.py), never a CDN:
folium's default asset links are swapped for local ones, and an asset folium
asks for that has no local copy stops the build with UnmappedAssetError
instead of producing a page that is blank without internet. No Qt here.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import mimetypes
import re
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

import desktop.resources as resources
from desktop.models.file_modes import write_file
from desktop.settings import cache_dir

log = logging.getLogger("desktop.views.map")

SCHEME = "dutymap"
HOST = "local"
BASE_URL = f"{SCHEME}://{HOST}"
PAGE_PATH = "/index.html"
PAGE_URL = BASE_URL + PAGE_PATH

# Every asset folium may put in the page header, by folium's own name.
# None: folium's Map asks for it by default, and the page works without it.
_LOCAL_ASSETS: dict[str, str | None] = {
    "leaflet": f"{BASE_URL}/leaflet/leaflet.js",
    "leaflet_css": f"{BASE_URL}/leaflet/leaflet.css",
    "dutymap_batch_js": f"{BASE_URL}/app/dutymap-batch.js",
    "dutymap_js": f"{BASE_URL}/app/dutymap.js",
    "dutymap_css": f"{BASE_URL}/app/dutymap.css",
    "jquery": None,
    "bootstrap": None,
    "bootstrap_css": None,
    "glyphicons_css": None,
    "awesome_markers": None,
    "awesome_markers_css": None,
    "awesome_markers_font_css": None,
    "awesome_rotate_css": None,
}
_LINK = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']|url\(\s*["']?)([^"')\s]+)""", re.IGNORECASE)
_MIME = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".png": "image/png"}


class UnmappedAssetError(RuntimeError):
    """folium wants a file the page would fetch from the internet."""


def _cache_key() -> str:
    """Changes whenever the built page could: our builder or the libraries it uses."""
    try:
        digest = hashlib.sha256(Path(__file__).read_bytes())
    except OSError:  # a frozen build ships no sources: its version stands for them
        from desktop import __version__

        digest = hashlib.sha256(f"frozen {__version__}".encode())
    for package in ("folium", "branca", "xstatic-leaflet", "jinja2"):
        digest.update(f"{package}={metadata.version(package)};".encode())
    return digest.hexdigest()[:16]


@functools.cache
def page_html() -> str:
    """The page frame from the disk cache, built (and cached) only when missing or outdated.

    Building imports folium (~0.25 s); a cached page keeps that off the start-up path.
    """
    cached = cache_dir() / f"map-page-{_cache_key()}.html"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    html = build_page_html()
    try:
        partial = write_file(cached.with_suffix(".partial"), html.encode("utf-8"))
        partial.replace(cached)
    except OSError as error:
        log.warning("map page not cached (%s)", error)
    return html


def build_page_html() -> str:
    """The page frame: a Leaflet map with a plain dark background and no tiles.

    The situation is drawn into it later as JSON by dutymap.js. folium is
    imported here, not at module import (~0.25 s).
    """
    import folium
    from branca.element import MacroElement
    from jinja2 import Template

    class DutyMapHook(folium.elements.JSCSSMixin, MacroElement):
        """Loads our script and stylesheet after Leaflet and hands it the map."""

        _template = Template(
            """{% macro script(this, kwargs) %}
            L.control.scale({metric: true, imperial: false, maxWidth: 240})
                .addTo({{ this._parent.get_name() }});
            DutyMap.attach({{ this._parent.get_name() }});
            {% endmacro %}"""
        )
        default_js: list[tuple[str, str]] = [  # noqa: RUF012
            ("dutymap_batch_js", "dutymap-batch.js"), ("dutymap_js", "dutymap.js")]
        default_css: list[tuple[str, str]] = [("dutymap_css", "dutymap.css")]  # noqa: RUF012

    frame = folium.Map(
        location=[0, 0],
        zoom_start=3,
        tiles=None,
        prefer_canvas=True,
        control_scale=False,  # ours, above: metric only
        zoom_control=True,
        zoom_snap=0.25,  # fit the street snugly, not to the next whole zoom level
        zoom_delta=0.5,
    )
    frame.add_child(DutyMapHook())  # type: ignore[no-untyped-call]
    root = frame.get_root()
    localize_assets(root)
    html: str = root.render()
    check_offline(html)
    return html


def localize_assets(element: Any) -> None:
    """Point every folium asset link under ``element`` at our scheme, or drop it."""
    default_js = getattr(element, "default_js", None)
    if default_js is not None:
        element.default_js = _localized(default_js)  # instance copy: the class stays untouched
        element.default_css = _localized(element.default_css)
    for child in getattr(element, "_children", {}).values():
        localize_assets(child)
    for part in ("header", "html", "script"):
        sub = getattr(element, part, None)
        if sub is not None and sub is not element:
            localize_assets(sub)


def _localized(links: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for name, url in links:
        if name not in _LOCAL_ASSETS:
            raise UnmappedAssetError(
                f"folium asks for asset {name!r} ({url}) which has no local copy: "
                "map it in desktop/views/map/map_page.py or drop what needs it"
            )
        if name == "leaflet":
            _check_leaflet_version(url)
        local = _LOCAL_ASSETS[name]
        if local is not None:
            out.append((name, local))
    return out


def _check_leaflet_version(url: str) -> None:
    import xstatic.pkg.leaflet as leaflet

    wanted = re.search(r"leaflet@(\d+)\.", url)
    if wanted and wanted.group(1) != leaflet.VERSION.split(".")[0]:
        raise UnmappedAssetError(
            f"folium expects Leaflet {url} but xstatic-leaflet is {leaflet.VERSION}"
        )


def check_offline(html: str) -> None:
    """Raise if the page links to anything but our scheme or inline data."""
    for link in _LINK.findall(html):
        if not link.startswith((BASE_URL + "/", "data:", "#")):
            raise UnmappedAssetError(f"the map page links to {link!r}, which is not local")


def read_asset(path: str) -> tuple[bytes, str]:
    """(content, MIME type) of the page file at a URL path; KeyError when there is none.

    ``/index.html`` is the page, ``/leaflet/...`` the xstatic-leaflet package,
    ``/app/...`` our files in resources/map.
    """
    if path == PAGE_PATH:
        return page_html().encode("utf-8"), "text/html"
    parts = PurePosixPath(path).parts
    if len(parts) < 3 or parts[0] != "/" or any(p in ("..", ".") or "\\" in p for p in parts):
        raise KeyError(path)
    area, rest = parts[1], parts[2:]
    mime = _MIME.get(PurePosixPath(path).suffix) or mimetypes.guess_type(path)[0]
    if mime is None:
        raise KeyError(path)
    return _read(area, rest), mime


@functools.cache
def _read(area: str, rest: tuple[str, ...]) -> bytes:
    if area == "leaflet":
        import xstatic.pkg.leaflet as leaflet

        file = Path(leaflet.BASE_DIR).joinpath(*rest)
        if not file.is_file():
            raise KeyError("/".join(rest))
        return file.read_bytes()
    if area == "app":
        node = resources.path("map", *rest)
        if not node.is_file():
            raise KeyError("/".join(rest))
        content: bytes = node.read_bytes()
        return content
    raise KeyError(area)
