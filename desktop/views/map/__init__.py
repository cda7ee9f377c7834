"""The street map panel (QtWebEngine + an offline Leaflet page fed with JSON).

Exports are loaded on first use, so that ``map_payload`` and ``map_page``
(pure, tested without a display) can be imported without QtWebEngine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.views.map.map_panel import MapPanel
    from desktop.views.map.scheme import register_url_schemes

__all__ = ["MapPanel", "register_url_schemes"]


def __getattr__(name: str) -> Any:
    if name == "MapPanel":
        from desktop.views.map.map_panel import MapPanel

        return MapPanel
    if name == "register_url_schemes":
        from desktop.views.map.scheme import register_url_schemes

        return register_url_schemes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
