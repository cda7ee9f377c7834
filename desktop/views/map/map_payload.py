"""The map's data as JSON: a Situation becomes a payload, two payloads a delta.

Pure functions, no Qt: the page (resources/map/dutymap.js) draws whatever
this produces, so layers, legend rows, labels and tooltips are decided here
and tested as plain data. Every layer of the registry becomes a payload layer
through one generic path; nothing here names a registry key.

Personal fields (grid workers, names in sensitive layers) arrive masked from
the models; feature ``properties`` are not sent except the keys a layer's
style lists under ``tooltip_fields``, and every text of a sensitive layer goes
through map_privacy once more. Geometry arrives drawable: the fact readers
left out (and noted) what the page cannot draw (desktop.models.drawable); a
point that cannot be placed is simply not drawn. The coverage gaps
(desktop.models.coverage) are a derived layer; with GCJ-02 tiles every
position is shifted last (map_tiles).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import math
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

from desktop.models import vocab
from desktop.models.drawable import DRAWN_KINDS, placeable
from desktop.models.situation import (
    Area,
    IncidentStatus,
    MapFeature,
    MapLayer,
    Situation,
    StationStatus,
)
from desktop.views.map import map_privacy
from desktop.views.map.map_delta import JsonDict, diff_payload, split_delta
from desktop.views.map.map_tiles import shift_bounds, shift_layers

__all__ = ["Built", "JsonDict", "build", "build_payload", "diff_payload", "split_delta",
           "to_json"]

SCHEMA = 1
if TYPE_CHECKING:  # numpy and shapely load with the first payload, on its worker, not at start
    from desktop.models.coverage import Coverage, NearestStation

RECENT_MINUTES = 10
T = TypeVar("T")
GRID_LABEL_MIN_ZOOM = 15


# Glyphs and badges are drawn black on these backgrounds: each pair has a
# contrast ratio of at least 7:1 (tested), and the glyph or word says the
# same as the colour, for colour-blind officers.
READINESS_PALETTE: dict[str, JsonDict] = {
    "green": {"bg": "#4cd964", "fg": "#000000", "ring": "#4cd964"},
    "amber": {"bg": "#ffc21a", "fg": "#000000", "ring": "#ffc21a"},
    "red": {"bg": "#ff6666", "fg": "#000000", "ring": "#ff6666"},
}
SEVERITY_PALETTE: dict[str, JsonDict] = {
    "1": {"bg": "#ff6666", "fg": "#000000"},  # I 特别重大: red
    "2": {"bg": "#ff9900", "fg": "#000000"},  # II 重大: orange
    "3": {"bg": "#ffe033", "fg": "#000000"},  # III 较大: yellow
    "4": {"bg": "#4da3ff", "fg": "#000000"},  # IV 一般: blue
    "0": {"bg": "#c8ced6", "fg": "#000000"},  # unknown severity
}
NUMERALS = {1: "I", 2: "II", 3: "III", 4: "IV"}

# Colours for registry layers whose style names none, picked by key so a
# layer keeps its colour from run to run.
FALLBACK_COLOURS = (
    "#4fc3f7", "#81c784", "#ffb74d", "#ba68c8", "#f06292", "#4db6ac", "#fff176", "#a1887f",
)
STATION_SHAPES = {
    "service_station": "circle", "micro_fire_station": "square", "sand_depot": "diamond",
}
POINT_SHAPES = frozenset({"circle", "square", "diamond", "triangle"})

BASE_STYLES: dict[str, JsonDict] = {
    "street": {"color": "#6f8299", "weight": 9.0, "opacity": 0.9, "fill": None, "dash": None},
    "community": {"color": "#e8edf3", "weight": 4.0, "opacity": 1.0, "fill": None, "dash": None},
    # Outlines only: a faint fill over the whole street cost ~140 ms per redraw of the
    # area canvas at district size (software raster); the page hit-tests grids without it.
    "grid": {
        "color": "#8fb3d9", "weight": 1.5, "opacity": 0.85, "fill": None,
        "fill_opacity": 0.07, "dash": None,
    },
    # Hatched as well as tinted: a gap reads without colour too. A solid outline: dashing
    # thousands of edges doubled the gap canvas's raster time.
    "gap": {
        "color": "#ff5c8a", "weight": 1.2, "opacity": 0.8, "fill": "#ff5c8a",
        "fill_opacity": 0.38, "dash": None, "hatch": True,
    },
}

# Words shown inside the page. Chinese is the default; English by switch.
TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "legend": "图例", "sensitive": "敏感", "street": "街道边界", "communities": "社区边界",
        "grids": "网格", "incidents": "突发事件", "code": "编码", "households": "户数",
        "worker": "网格员", "layer": "图层", "kind": "类型", "state": "状态", "reasons": "原因",
        "kit": "装备", "kit_value": "{done}/{total} 种齐全", "radius": "服务半径",
        "metres": "{m} 米", "response": "响应时间", "minutes": "{n} 分钟", "community": "社区",
        "covers": "服务覆盖", "covers_value": "小区 {c} 个、自建房片区 {s} 个、经营性场所 {p} 家",
        "depot": "运砂车与储备", "depot_value": "{t} 辆，{r} 吨",
        "severity": "等级", "stage": "进展", "place": "地点", "occurred": "发生",
        "recorded": "接报", "exercise": "演练", "exercise_long": "演练 / EXERCISE",
        "recent": "新接报（{n} 分钟内）", "unplaced": "无坐标事件 {n} 起", "separator": "；",
        "green": "就绪", "amber": "不全", "red": "停用",
        "glyph_green": "备", "glyph_amber": "缺", "glyph_red": "停",
        "gaps": "救援覆盖缺口", "gap_legend": "就绪站点服务圈外",
        "uncovered": "未覆盖", "uncovered_value": "{share}%（{m2} 平方米）",
        "nearest": "最近就绪站点", "nearest_value": "{name} {m} 米", "none_ready": "无就绪站点",
        "basemap": "底图：{source}（{datum}）",
    },
    "en": {
        "legend": "Legend", "sensitive": "sensitive", "street": "Street boundary",
        "communities": "Communities", "grids": "Grids", "incidents": "Incidents", "code": "Code",
        "households": "Households", "worker": "Grid worker", "layer": "Layer", "kind": "Kind",
        "state": "State", "reasons": "Reasons", "kit": "Kit", "kit_value": "{done}/{total} kinds",
        "radius": "Service radius", "metres": "{m} m", "response": "Response", "minutes": "{n} min",
        "covers": "Covers", "covers_value": "{c} compounds, {s} self-built areas, {p} shops",
        "depot": "Sand trucks and reserve", "depot_value": "{t} trucks, {r} t",
        "community": "Community", "severity": "Severity", "stage": "Stage", "place": "Place",
        "occurred": "Occurred", "recorded": "Recorded", "exercise": "EXERCISE",
        "exercise_long": "演练 / EXERCISE", "recent": "New (last {n} min)",
        "unplaced": "{n} without location", "separator": "; ",
        "green": "Ready", "amber": "Incomplete", "red": "Out of service",
        "glyph_green": "OK", "glyph_amber": "!", "glyph_red": "X",
        "gaps": "Rescue cover gaps", "gap_legend": "Outside every ready station's circle",
        "uncovered": "Not covered", "uncovered_value": "{share}% ({m2} m²)",
        "nearest": "Nearest ready station", "nearest_value": "{name}, {m} m",
        "none_ready": "no station ready", "basemap": "Base map: {source} ({datum})",
    },
}

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")
_DASH = re.compile(r"^\d+(\.\d+)?([ ,]+\d+(\.\d+)?)*$")

# Ranks order drawing (low first) and the legend (high first).
_RANK = {"street": 0, "grid": 10, "gap": 15, "community": 20, "polygon": 100, "line": 200,
         "point": 300, "station": 400, "incident": 500}


# ------------------------------------------------------------------ payload


@dataclass(frozen=True)
class Built:
    """A payload and the coverage it drew."""

    payload: JsonDict
    coverage: Coverage | None = None


class LayerCache:
    """The layers built for the last situation, kept by what they were built from.

    A live read reuses the parts of the situation no change touched (the very same
    objects), so a layer built from such parts is not built and shifted
    again: an incident update rebuilds the incident layer and leaves the grids,
    the registry layers and the coverage alone. One per map panel, used by one
    thread at a time (the panel prepares one payload at a time).
    """

    def __init__(self) -> None:
        self._settings: tuple[Any, ...] = ()
        self._entries: dict[str, tuple[tuple[Any, ...], Any, Any]] = {}

    def settings(self, *values: Any) -> None:
        """What every layer depends on (language, datum, …): a change forgets everything."""
        if values != self._settings:
            self._settings = values
            self._entries.clear()

    def get(self, key: str, inputs: tuple[Any, ...], make: Callable[[], T],
            value: Any = None) -> T:
        """``make``'s value for ``inputs`` (compared by identity) and ``value`` (compared by
        equality), made again only when they differ from last time."""
        entry = self._entries.get(key)
        if entry is None or entry[1] != value or len(entry[0]) != len(inputs) or any(
                a is not b for a, b in zip(entry[0], inputs, strict=True)):
            entry = (inputs, value, make())
            self._entries[key] = entry
        return cast("T", entry[2])


def build(
    situation: Situation, *, lang: str = "zh", recent_minutes: int = RECENT_MINUTES,
    base_map: JsonDict | None = None, datum: str = "cgcs2000", with_coverage: bool = True,
    cache: LayerCache | None = None,
) -> Built:
    """Everything the page draws for one situation, as JSON-ready data.

    ``base_map`` is map_tiles.tile_spec's answer (None: plain background);
    ``datum`` the tiles' datum, into which every position is shifted last;
    ``cache``: the layers built for earlier situations (see LayerCache).
    Costs tens of milliseconds on the demo street and a few hundred at district
    size when built from nothing: the panel runs it off the GUI thread.
    """
    cache = cache or LayerCache()
    cache.settings(lang, recent_minutes, datum, with_coverage)
    with _cyclic_gc_paused():
        return _build(situation, lang, recent_minutes, base_map, datum, with_coverage, cache)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The payload allocates ~10⁶ objects at district size; each collection they trigger walks
    the whole Situation too (half the build time). Nothing here makes cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(situation: Situation, lang: str, recent_minutes: int, base_map: JsonDict | None,
           datum: str, with_coverage: bool, cache: LayerCache) -> Built:
    from desktop.models.coverage import compute_coverage

    text = TEXT[lang]
    s = situation
    places = (s.street, s.grids, s.communities)

    def shifted(layers: list[JsonDict]) -> list[JsonDict]:
        return shift_layers(layers, datum)

    street, grids, communities = cache.get("areas", places, lambda: shifted([
        _street_layer(s, text), _grid_layer(s.grids, text),
        _community_layer(s.communities, text)]))
    layers: list[JsonDict] = [street, grids, communities]
    coverage = None
    if with_coverage:
        # The situation carries its coverage (live and replay alike); a situation made by
        # hand (a test's, the preview's) gets it here from the same function.
        coverage = s.coverage or compute_coverage(s)
        drawn = coverage
        layers.extend(cache.get("gaps", (coverage.gaps, grids), lambda: shifted(
            [_gap_layer(drawn, grids, text)])))
    layers.extend(cache.get("registry", (s.layers,), lambda: shifted([
        built for index, layer in enumerate(s.layers)
        if (built := _registry_layer(layer, index, lang, text)) is not None])))
    layers.extend(cache.get("stations", (s.stations,), lambda: shifted(
        _station_layers(s.stations, lang, text))))
    layers.extend(shifted([_incident_layer(s, lang, text, recent_minutes,
                                           coverage.nearest if coverage is not None else None)]))
    bounds = cache.get("bounds", places, lambda: shift_bounds(street_bounds(s), datum))
    boxes = cache.get("street_boxes", (s.communities,), lambda: street_boxes(s))
    focus = shift_bounds(focus_bounds(s, boxes), datum) if len(boxes) > 1 else None
    payload = {
        "schema": SCHEMA,
        "lang": lang,
        "text": {k: text[k] for k in ("legend", "sensitive", "exercise")},
        "palette": {"readiness": READINESS_PALETTE, "severity": SEVERITY_PALETTE},
        "options": {"grid_label_min_zoom": GRID_LABEL_MIN_ZOOM},
        "tiles": base_map,
        "bounds": bounds,
        "focus": focus,
        "layers": sorted(layers, key=lambda layer: layer["rank"]),
    }
    return Built(payload, coverage)


def build_payload(
    situation: Situation, *, lang: str = "zh", recent_minutes: int = RECENT_MINUTES,
    base_map: JsonDict | None = None, datum: str = "cgcs2000", with_coverage: bool = True,
) -> JsonDict:
    """The payload alone (see ``build``)."""
    return build(situation, lang=lang, recent_minutes=recent_minutes, base_map=base_map,
                 datum=datum, with_coverage=with_coverage).payload


def street_bounds(situation: Situation) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the street (or of its areas), for fitting the view."""
    geometries = [situation.street.geometry] if situation.street.geometry else []
    if not geometries:
        geometries = [a.geometry for a in (*situation.communities, *situation.grids)]
    lons: list[float] = []
    lats: list[float] = []
    for geometry in geometries:
        for lon, lat in _positions(geometry.get("coordinates")):
            if placeable(lon, lat):  # a hand-made situation's bad vertex is not fitted
                lons.append(lon)
                lats.append(lat)
    if not lons:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


Box = tuple[float, float, float, float]  # south, west, north, east


def _box(geometries: Iterable[Mapping[str, Any]]) -> Box | None:
    lons: list[float] = []
    lats: list[float] = []
    for geometry in geometries:
        for lon, lat in _positions(geometry.get("coordinates")):
            if placeable(lon, lat):
                lons.append(lon)
                lats.append(lat)
    return (min(lats), min(lons), max(lats), max(lons)) if lons else None


def street_boxes(situation: Situation) -> dict[str, tuple[Box, tuple[Box, ...]]]:
    """Each street of the situation (its communities' parent) with its box and its
    communities' boxes: one street on a street replica, many on a district."""
    by_street: dict[str, list[Box]] = {}
    for community in situation.communities:
        box = _box([community.geometry])
        if box is not None and community.parent_code:
            by_street.setdefault(community.parent_code, []).append(box)
    return {code: ((min(b[0] for b in parts), min(b[1] for b in parts),
                    max(b[2] for b in parts), max(b[3] for b in parts)), tuple(parts))
            for code, parts in by_street.items()}


def focus_bounds(situation: Situation,
                 boxes: dict[str, tuple[Box, tuple[Box, ...]]]) -> list[list[float]] | None:
    """What the wall fits on a district: the streets with an open incident or a station not
    ready (any not green), or the whole district when there are none."""

    def street_at(lat: float, lon: float) -> str | None:
        return next((code for code, (_box_, parts) in boxes.items()
                     if any(p[0] <= lat <= p[2] and p[1] <= lon <= p[3] for p in parts)), None)

    points = [(i.lat, i.lon) for i in situation.incidents
              if i.lat is not None and i.lon is not None]
    points += [(st.lat, st.lon) for st in situation.stations if st.readiness.level != "green"]
    hot = {code for lat, lon in points if (code := street_at(lat, lon)) is not None}
    chosen = [boxes[code][0] for code in sorted(hot or boxes)]
    if not chosen:
        return None
    return [[min(b[0] for b in chosen), min(b[1] for b in chosen)],
            [max(b[2] for b in chosen), max(b[3] for b in chosen)]]


def _positions(coords: Any) -> Iterator[tuple[Any, Any]]:
    if isinstance(coords, list | tuple) and coords:
        if len(coords) >= 2 and not isinstance(coords[0], list | tuple | dict):
            yield coords[0], coords[1]
        else:
            for part in coords:
                yield from _positions(part)


def _layer(
    key: str, name: str, render: str, *, rank: int, style: JsonDict, legend: list[JsonDict],
    features: list[JsonDict], sensitive: bool = False, visible: bool = True,
) -> JsonDict:
    return {
        "key": key, "name": name, "render": render, "rank": rank, "sensitive": sensitive,
        "visible": visible, "style": style, "legend": legend, "features": features,
    }


def _street_layer(situation: Situation, text: Mapping[str, str]) -> JsonDict:
    street = situation.street
    geometry = street.geometry
    missing = not geometry or (geometry.get("type") == "GeometryCollection"
                               and not geometry.get("geometries"))  # noted by the query
    features = [] if missing else [{"id": street.code, "g": geometry}]
    style = BASE_STYLES["street"]
    return _layer(
        "street", text["street"], "street", rank=_RANK["street"], style=style,
        legend=[_row(text["street"], _swatch("line", style))], features=features,
    )


def _grid_layer(grids: Iterable[Area], text: Mapping[str, str]) -> JsonDict:
    style = BASE_STYLES["grid"]
    features = [
        {
            "id": str(grid.id),
            "g": grid.geometry,
            "label": _short_code(grid),
            "label_at": _label_point(grid),
            "tip": _tip(
                grid.name,
                (text["code"], grid.code),
                (text["households"], grid.households),
                (text["worker"], map_privacy.mask_name_once(grid.worker) if grid.worker
                 else None),
            ),
        }
        for grid in grids
    ]
    return _layer(
        "grids", text["grids"], "grid", rank=_RANK["grid"], style=style,
        legend=[_row(text["grids"], _swatch("polygon", style))], features=features,
    )


def _short_code(grid: Area) -> str:
    """The grid's own part of its code (after the community's), short enough to label."""
    parent = grid.parent_code or ""
    if parent and grid.code.startswith(parent) and len(grid.code) > len(parent):
        return grid.code[len(parent):]
    return grid.code


def _community_layer(communities: Iterable[Area], text: Mapping[str, str]) -> JsonDict:
    style = BASE_STYLES["community"]
    features = [
        {"id": str(c.id), "g": c.geometry, "label": c.name, "label_at": _label_point(c)}
        for c in communities
    ]
    return _layer(
        "communities", text["communities"], "community", rank=_RANK["community"], style=style,
        legend=[_row(text["communities"], _swatch("line", style))], features=features,
    )


def _gap_layer(coverage: Coverage, grids: JsonDict, text: Mapping[str, str]) -> JsonDict:
    """The parts of areas no ready station reaches, hatched, with the area's own tooltip rows."""
    style = BASE_STYLES["gap"]
    area_tips = {f["id"]: f["tip"] for f in grids["features"]}
    features = []
    for gap in coverage.gaps:
        fid = str(gap.area_id)
        tip = area_tips.get(fid) or {"title": gap.name, "rows": []}
        share = text["uncovered_value"].format(share=round(gap.share * 100),
                                               m2=f"{round(gap.uncovered_m2):,}")
        features.append({"id": fid, "g": gap.geometry, "share": round(gap.share, 3),
                         "tip": {"title": tip["title"],
                                 "rows": [[text["uncovered"], share], *tip["rows"]]}})
    return _layer(
        "coverage", text["gaps"], "gap", rank=_RANK["gap"], style=style,
        legend=[_row(text["gap_legend"], _swatch("polygon", style))], features=features,
    )


def _label_point(area: Area) -> list[float] | None:
    """[lat, lon] of a point surely inside the area (a centroid can fall outside).

    The query computes it off the GUI thread; only hand-made situations lack it.
    """
    if area.label_at is not None:
        return list(area.label_at)
    from shapely.geometry import shape  # shapely is pure geometry; imported when needed

    try:
        point = shape(area.geometry).representative_point()
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    if point.is_empty:
        return None
    return [round(point.y, 7), round(point.x, 7)]


# --------------------------------------------------------------- registry


def _registry_layer(layer: MapLayer, index: int, lang: str, text: Mapping[str, str],
                    ) -> JsonDict | None:
    key = "layer:" + layer.key
    kind = layer.geometry_kind
    if kind not in DRAWN_KINDS:  # the models leave such a layer out (noted); a hand-made one
        return None
    style = normalise_style(layer.style, kind, layer.key)
    name = layer.name_zh if lang == "zh" else layer.name_en
    tooltip_fields = [f for f in layer.style.get("tooltip_fields", ()) if isinstance(f, str)]
    features = [_registry_feature(f, name, text, tooltip_fields, layer.sensitive)
                for f in layer.features]
    return _layer(
        key, name, kind, rank=_RANK[kind] + index, style=style,
        legend=[_row(name, _swatch(kind, style))], features=features,
        sensitive=layer.sensitive, visible=layer.visible_by_default,
    )


def _registry_feature(
    feature: MapFeature, layer_name: str, text: Mapping[str, str], tooltip_fields: list[str],
    sensitive: bool,
) -> JsonDict:
    if not sensitive:
        rows: list[tuple[str, Any]] = [(text["layer"], layer_name),
                                       (text["code"], feature.code)]
        rows.extend((key, feature.properties.get(key)) for key in tooltip_fields)
        return {"id": str(feature.id), "g": feature.geometry, "tip": _tip(feature.name, *rows)}
    rows = [(text["layer"], layer_name), (text["code"], map_privacy.mask_numbers(feature.code))]
    rows.extend(map_privacy.shown_fields(feature.properties, tooltip_fields))
    title = map_privacy.mask_numbers(map_privacy.mask_name_once(feature.name))
    return {"id": str(feature.id), "g": feature.geometry, "tip": _tip(title, *rows)}


def normalise_style(style: Mapping[str, Any], kind: str, key: str) -> JsonDict:
    """A registry style in the few keys the page knows, with safe values and defaults.

    Accepts the spellings importers meet (colour/color, fillColor/fill_color,
    dashArray/dash, width/weight); a value that is not a plain colour, number
    or dash pattern is replaced by the default rather than passed to the page.
    """
    default_colour = FALLBACK_COLOURS[zlib.crc32(key.encode()) % len(FALLBACK_COLOURS)]
    colour = _colour(_first(style, "color", "colour", "stroke")) or default_colour
    fill = _colour(_first(style, "fill_color", "fillColor", "fill_colour", "fill")) or colour
    shape = _first(style, "shape", "icon")
    return {
        "color": colour,
        "fill": None if kind == "line" else fill,
        "weight": _number(_first(style, "weight", "width"), 3.0 if kind == "line" else 2.0, 0, 20),
        "opacity": _number(style.get("opacity"), 1.0, 0, 1),
        "fill_opacity": _number(
            _first(style, "fill_opacity", "fillOpacity"), 0.85 if kind == "point" else 0.25, 0, 1
        ),
        "radius": _number(style.get("radius"), 6.0, 1, 40),
        "dash": _dash(_first(style, "dash", "dashArray", "dash_array")),
        "shape": shape if shape in POINT_SHAPES else "circle",
    }


def _first(style: Mapping[str, Any], *keys: str) -> Any:
    return next((style[k] for k in keys if style.get(k) is not None), None)


def _colour(value: Any) -> str | None:
    return value if isinstance(value, str) and _COLOUR.match(value) else None


def _number(value: Any, default: float, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return default
    return float(min(max(value, low), high))


def _dash(value: Any) -> str | None:
    if isinstance(value, list | tuple) and all(isinstance(v, int | float) for v in value):
        value = ",".join(str(v) for v in value)
    return value if isinstance(value, str) and _DASH.match(value) else None


# ----------------------------------------------------------------- stations


def _station_layers(
    stations: Iterable[StationStatus], lang: str, text: Mapping[str, str],
) -> list[JsonDict]:
    by_kind: dict[str, list[StationStatus]] = {}
    for station in stations:
        if not placeable(station.lon, station.lat):  # noted by the models
            continue
        by_kind.setdefault(station.kind, []).append(station)
    known = [t.code for t in vocab.STATION_KINDS]
    kinds = [k for k in known if k in by_kind] + sorted(k for k in by_kind if k not in known)
    terms = {t.code: t for t in vocab.STATION_KINDS}
    readiness_rows = [
        _row(
            text[level],
            {"kind": "badge", "shape": "circle", "glyph": text["glyph_" + level], **palette},
            shared=True,
        )
        for level, palette in READINESS_PALETTE.items()
    ]
    layers = []
    for offset, kind in enumerate(kinds):
        term = terms.get(kind)
        name = (term.zh if lang == "zh" else term.en) if term else kind
        shape = STATION_SHAPES.get(kind, "circle")
        style = {"shape": shape, "dash": "10,8" if kind == "sand_depot" else None}
        legend = [
            _row(name, {"kind": "badge", "shape": shape, "glyph": "", "bg": "#e8edf3",
                        "fg": "#000000"}),
            *readiness_rows,
        ]
        features = [_station_feature(s, name, lang, text) for s in by_kind[kind]]
        layers.append(
            _layer("station:" + kind, name, "station", rank=_RANK["station"] + offset,
                   style=style, legend=legend, features=features)
        )
    return layers


def _station_feature(
    station: StationStatus, kind_name: str, lang: str, text: Mapping[str, str]
) -> JsonDict:
    level = station.readiness.level if station.readiness.level in READINESS_PALETTE else "red"
    state = f"{text['glyph_' + level]} {text[level]}"
    reasons = text["separator"].join(r.text(lang) for r in station.readiness.reasons)
    return {
        "id": str(station.id),
        "lat": station.lat,
        "lon": station.lon,
        "radius_m": station.service_radius_m,
        "level": level,
        "glyph": text["glyph_" + level],
        "label": station.name,
        "tip": _tip(
            station.name,
            (text["kind"], kind_name),
            (text["state"], state),
            (text["reasons"], reasons or None),
            (text["kit"], text["kit_value"].format(
                done=station.kinds_complete, total=station.kinds_required)),
            (text["radius"], text["metres"].format(m=round(station.service_radius_m))),
            (text["response"], None if station.response_minutes is None
             else text["minutes"].format(n=_plain(station.response_minutes))),
            *_profile_rows(station, text),
            (text["community"], station.community),
            (text["code"], station.code),
        ),
    }


def _profile_rows(station: StationStatus, text: Mapping[str, str]) -> list[
        tuple[str, str | None]]:
    """A station's figures (station_profile's typed schema): coverage, the depot's trucks."""
    profile = station.profile
    rows: list[tuple[str, str | None]] = []
    if profile is None:
        return rows

    def n(value: float | None) -> str:
        return "—" if value is None else _plain(value)

    if profile.has_coverage:
        rows.append((text["covers"], text["covers_value"].format(
            c=n(profile.covers_compounds), s=n(profile.covers_self_built_areas),
            p=n(profile.covers_shops))))
    if profile.has_depot:
        rows.append((text["depot"], text["depot_value"].format(
            t=n(profile.sand_trucks), r=n(profile.reserve_tonnes))))
    return rows


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


# ---------------------------------------------------------------- incidents


def _incident_layer(
    situation: Situation, lang: str, text: Mapping[str, str], recent_minutes: int,
    nearest: Mapping[int, NearestStation] | None,
) -> JsonDict:
    placed = []
    unplaced = 0
    for incident in situation.incidents:
        if incident.lon is None or incident.lat is None:
            unplaced += 1  # no location yet: normal at intake, counted in the legend
            continue
        if placeable(incident.lon, incident.lat):  # one that cannot be: noted by the models
            placed.append(incident)
    legend = [
        _row(_severity_name(n, lang), {"kind": "badge", "shape": "pill", "glyph": NUMERALS[n],
                                       **SEVERITY_PALETTE[str(n)]})
        for n in NUMERALS
    ]
    legend.append(_row(text["exercise"], {"kind": "badge", "shape": "pill", "glyph": "",
                                          "exercise": text["exercise"],
                                          **SEVERITY_PALETTE["0"]}))
    legend.append(_row(text["recent"].format(n=recent_minutes),
                       {"kind": "badge", "shape": "pill", "glyph": "", "pulse": True,
                        **SEVERITY_PALETTE["0"]}))
    if unplaced:
        legend.append(_row(text["unplaced"].format(n=unplaced), {"kind": "none"}))
    features = [_incident_feature(i, situation.at, lang, text, recent_minutes,
                                  nearest, ready_known=nearest is not None) for i in placed]
    return _layer(
        "incidents", text["incidents"], "incident", rank=_RANK["incident"], style={},
        legend=legend, features=features,
    )


def _severity_name(severity: int, lang: str) -> str:
    term = vocab.SEVERITIES[severity - 1]
    return (term.zh if lang == "zh" else term.en).rsplit(" ", 1)[0]


def _incident_feature(
    incident: IncidentStatus, at: dt.datetime, lang: str, text: Mapping[str, str],
    recent_minutes: int, nearest: Mapping[int, NearestStation] | None, *, ready_known: bool,
) -> JsonDict:
    severity = incident.severity if incident.severity in NUMERALS else 0
    stage = vocab.STAGE.get(incident.status)
    near = nearest.get(incident.id) if nearest is not None else None
    near_text = (text["nearest_value"].format(name=near.name, m=f"{round(near.distance_m):,}")
                 if near is not None else text["none_ready"] if ready_known else None)
    feature = {
        "id": str(incident.id),
        "lat": incident.lat,
        "lon": incident.lon,
        "severity": severity,
        "glyph": NUMERALS.get(severity, "?"),
        "exercise": incident.exercise,
        "recent": is_recent(incident.recorded_at, at, recent_minutes),
        "tip": _tip(
            incident.title,
            (text["severity"], f"{NUMERALS[severity]} {_severity_name(severity, lang)}"
             if severity else str(incident.severity)),
            (text["stage"], (stage.zh if lang == "zh" else stage.en) if stage else incident.status),
            (text["place"], incident.place),
            (text["occurred"], _time(incident.occurred_at)),
            (text["recorded"], _time(incident.recorded_at)),
            (text["nearest"], near_text),
            (text["exercise"], text["exercise_long"] if incident.exercise else None),
            (text["code"], incident.code),
        ),
    }
    if near is not None:
        feature["near"] = {"layer": "station:" + near.kind, "id": str(near.station_id),
                           "lat": near.lat, "lon": near.lon, "m": round(near.distance_m),
                           "text": f"{text['nearest']}：{near_text}" if lang == "zh"
                           else f"{text['nearest']}: {near_text}"}
    return feature


def is_recent(recorded_at: dt.datetime, at: dt.datetime, minutes: int) -> bool:
    """Recorded within the last ``minutes`` before ``at`` (a replay's t or now)."""
    try:
        age = at - recorded_at
    except TypeError:  # one naive, one aware: cannot be compared honestly
        return False
    return dt.timedelta(0) <= age <= dt.timedelta(minutes=minutes)


def _time(value: dt.datetime) -> str:
    return value.strftime("%m-%d %H:%M")


# ------------------------------------------------------------------ helpers


def _tip(title: str, *rows: tuple[str, Any]) -> JsonDict:
    """A tooltip as data: the page writes it as text, never as HTML."""
    return {"title": title, "rows": [[k, str(v)] for k, v in rows if v not in (None, "")]}


def _row(label: str, swatch: JsonDict, *, shared: bool = False) -> JsonDict:
    row: JsonDict = {"label": label, "swatch": swatch}
    if shared:
        row["shared"] = True
    return row


def _swatch(kind: str, style: Mapping[str, Any]) -> JsonDict:
    swatch = {"kind": kind, **{k: style.get(k) for k in ("color", "fill", "fill_opacity",
                                                         "weight", "dash", "shape")}}
    if style.get("hatch"):
        swatch["hatch"] = True
    return swatch


def to_json(value: Any) -> str:
    """Compact JSON; NaN or infinity raise here rather than break the page's parser."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
