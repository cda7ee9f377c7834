"""The map's responders layer data (teams on their way in a replay), without Qt WebEngine."""

from __future__ import annotations

from typing import Any


def responders_payload(responders: tuple[Any, ...], datum: str, lang: str = "zh") -> list[Any]:
    """The responders layer's data: positions shifted into the tiles' datum, plain text."""
    from desktop.views.map.map_tiles import STORED_DATUMS, shift_positions

    if not responders:
        return []
    lons = [v for r in responders for v in (r.lon, r.from_lon, r.to_lon)]
    lats = [v for r in responders for v in (r.lat, r.from_lat, r.to_lat)]
    if datum not in STORED_DATUMS:
        x, y = shift_positions(lons, lats, datum)
        lons, lats = [float(v) for v in x], [float(v) for v in y]
    english = lang.startswith("en")
    estimate = " (estimated)" if english else "（估算）"
    result = []
    for n, responder in enumerate(responders):
        at = 3 * n
        result.append({
            "at": [lats[at], lons[at]],
            "from": [lats[at + 1], lons[at + 1]],
            "to": [lats[at + 2], lons[at + 2]],
            "label": responder.station + (estimate if responder.estimated else ""),
            "estimated": responder.estimated,
        })
    return result
