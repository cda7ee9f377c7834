"""The base map in the payload: which tiles the page draws, their attribution, their datum.

Pure functions, no Qt. ``tile_spec`` says what the page puts under the vector
layers; ``shift_layers`` moves every position of a payload from the replica's
CGCS2000 into the tiles' datum (GCJ-02 tiles), so that nothing lands 50-500 m
off. Distances and coverage are computed before the shift, on true positions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import Any

from desktop.models.tiles import DATUM_NAMES, STORED_DATUMS, MBTiles, TileSource, shift_positions
from desktop.views.map.map_delta import JsonDict
from desktop.views.map.map_page import BASE_URL

TILE_PATH = "/tiles/"
MAX_ZOOM = 19
_TAG = re.compile(r"<[^>]*>")


def tile_spec(source: TileSource, mbtiles: MBTiles | None, text: Mapping[str, str],
              ) -> JsonDict | None:
    """What the page needs to draw the base map (None: plain background), attribution included.

    The attribution is plain text (MBTiles metadata often carries HTML links: the
    tags are dropped, never rendered), with the datum named after it.
    """
    attribution = source.attribution
    if source.kind == "none":
        if not attribution:
            return None
        return {"layers": [], "attribution": _plain(attribution), "datum": None}
    if source.kind == "mbtiles":
        if mbtiles is None:
            return None
        low, high = mbtiles.zoom_range
        if not attribution:
            attribution = mbtiles.attribution or mbtiles.metadata.get("name", "") or \
                mbtiles.path.name
        layers = [{"url": f"{BASE_URL}{TILE_PATH}{{z}}/{{x}}/{{y}}.{mbtiles.extension}",
                   "min_zoom": low, "max_native_zoom": high}]
    else:
        if not attribution:
            attribution = ", ".join(sorted({host for _, host, _ in source.hosts}))
        layers = [{"url": template, "min_zoom": 0, "max_native_zoom": 18}
                  for template in source.templates]
    datum = DATUM_NAMES[source.datum]
    return {
        "layers": layers,
        "max_zoom": MAX_ZOOM,
        "attribution": text["basemap"].format(source=_plain(attribution), datum=datum),
        "datum": datum,
    }


def _plain(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def parse_tile_path(path: str) -> tuple[int, int, int] | None:
    """(z, x, y) of a page request for /tiles/z/x/y.ext, else None."""
    match = re.fullmatch(r"/tiles/(\d{1,2})/(\d{1,8})/(\d{1,8})\.[a-z]{3,4}", path)
    if match is None:
        return None
    z, x, y = (int(g) for g in match.groups())
    return z, x, y


# ------------------------------------------------------------------ datum


def shift_layers(layers: list[JsonDict], datum: str) -> list[JsonDict]:
    """Copies of the payload layers with every position in ``datum`` (the input is not changed).

    Geometries are shared with the frozen Situation, so they are rebuilt, not
    edited: one pass collects every position, one vectorised call shifts them
    all, one pass writes the copies.
    """
    if datum in STORED_DATUMS:
        return layers
    lons: list[float] = []
    lats: list[float] = []
    for layer in layers:
        for feature in layer["features"]:
            for lon, lat in _feature_positions(feature):
                lons.append(lon)
                lats.append(lat)
    x, y = shift_positions(lons, lats, datum)
    shifted = iter(zip(x.tolist(), y.tolist(), strict=True))
    return [{**layer, "features": [_shift_feature(f, shifted) for f in layer["features"]]}
            for layer in layers]


def shift_bounds(bounds: list[list[float]] | None, datum: str) -> list[list[float]] | None:
    """[[south, west], [north, east]] in ``datum``."""
    if datum in STORED_DATUMS or bounds is None:
        return bounds
    (lat0, lon0), (lat1, lon1) = bounds
    x, y = shift_positions([lon0, lon1], [lat0, lat1], datum)
    return [[float(y[0]), float(x[0])], [float(y[1]), float(x[1])]]


def _feature_positions(feature: JsonDict) -> Iterator[tuple[float, float]]:
    if "g" in feature:
        yield from _geometry_positions(feature["g"])
    if "lat" in feature:
        yield feature["lon"], feature["lat"]
    if feature.get("label_at"):
        yield feature["label_at"][1], feature["label_at"][0]
    if feature.get("near"):
        yield feature["near"]["lon"], feature["near"]["lat"]


def _geometry_positions(geometry: JsonDict) -> Iterator[tuple[float, float]]:
    if geometry.get("type") == "GeometryCollection":
        for part in geometry["geometries"]:
            yield from _geometry_positions(part)
        return
    yield from _coords_positions(geometry["coordinates"])


def _coords_positions(coords: Any) -> Iterator[tuple[float, float]]:
    if coords and isinstance(coords[0], int | float):
        yield float(coords[0]), float(coords[1])
        return
    for part in coords:
        yield from _coords_positions(part)


def _shift_feature(feature: JsonDict, shifted: Iterator[tuple[float, float]]) -> JsonDict:
    out = dict(feature)
    if "g" in feature:
        out["g"] = _shift_geometry(feature["g"], shifted)
    if "lat" in feature:
        lon, lat = next(shifted)
        out["lon"], out["lat"] = _r(lon), _r(lat)
    if feature.get("label_at"):
        lon, lat = next(shifted)
        out["label_at"] = [_r(lat), _r(lon)]
    if feature.get("near"):
        lon, lat = next(shifted)
        out["near"] = {**feature["near"], "lon": _r(lon), "lat": _r(lat)}
    return out


def _shift_geometry(geometry: JsonDict, shifted: Iterator[tuple[float, float]]) -> JsonDict:
    if geometry.get("type") == "GeometryCollection":
        return {**geometry, "geometries": [_shift_geometry(g, shifted)
                                           for g in geometry["geometries"]]}
    return {"type": geometry["type"], "coordinates": _shift_coords(geometry["coordinates"],
                                                                   shifted)}


def _shift_coords(coords: Any, shifted: Iterator[tuple[float, float]]) -> Any:
    if coords and isinstance(coords[0], int | float):
        lon, lat = next(shifted)
        return [_r(lon), _r(lat)]
    return [_shift_coords(part, shifted) for part in coords]


def _r(value: float) -> float:
    return round(value, 7)
