"""The map payload and its deltas, as plain JSON: no Qt, no WebEngine."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import math

import pytest

from desktop.models.situation import MapFeature, MapLayer, Readiness, Reason, Situation
from desktop.views.map import map_payload as mp
from desktop.views.map.preview import AT, sample_situation


@pytest.fixture(scope="module")
def situation() -> Situation:
    return sample_situation(communities=4, grids_per_community=4, features=60, stations=6)


def _layers(payload: mp.JsonDict) -> dict[str, mp.JsonDict]:
    return {layer["key"]: layer for layer in payload["layers"]}


def _apply(payload: mp.JsonDict, delta: mp.JsonDict) -> mp.JsonDict:
    """What the page does with a delta, in Python: the round trip must give the new payload."""
    if "reload" in delta:
        return copy.deepcopy(delta["reload"])
    out = copy.deepcopy(payload)
    layers = {layer["key"]: layer for layer in out["layers"]}
    for key in delta.get("remove_layers", ()):
        del layers[key]
    for layer in delta.get("put_layers", ()):
        layers[layer["key"]] = copy.deepcopy(layer)
    for key, rank in delta.get("ranks", {}).items():
        layers[key]["rank"] = rank
    if "focus" in delta:
        out["focus"] = delta["focus"]
    for change in delta.get("features", ()):
        features = {f["id"]: f for f in layers[change["layer"]]["features"]}
        for fid in change["remove"]:
            del features[fid]
        features.update({f["id"]: f for f in change["put"]})
        layers[change["layer"]]["features"] = list(features.values())
    out["layers"] = sorted(layers.values(), key=lambda layer: layer["rank"])
    return out


def _same(a: mp.JsonDict, b: mp.JsonDict) -> bool:
    def norm(p: mp.JsonDict) -> mp.JsonDict:
        return {**p, "layers": {
            layer["key"]: {**layer, "features": sorted(layer["features"], key=lambda f: f["id"])}
            for layer in p["layers"]}}

    return norm(a) == norm(b)


def _contrast(fg: str, bg: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_registry_layer_is_in_the_payload_with_its_legend_entry(situation):
    layers = _layers(mp.build_payload(situation))
    for registry in situation.layers:
        layer = layers["layer:" + registry.key]
        assert layer["name"] == registry.name_zh
        assert layer["render"] == registry.geometry_kind
        assert [row["label"] for row in layer["legend"]] == [registry.name_zh]
        assert layer["legend"][0]["swatch"]["kind"] == registry.geometry_kind
        assert layer["visible"] is registry.visible_by_default
        assert layer["sensitive"] is registry.sensitive
        assert len(layer["features"]) == len(registry.features)
    sensitive = [layer for layer in layers.values() if layer["sensitive"]]
    assert sensitive and not any(layer["visible"] for layer in sensitive)


def test_built_in_layers_hold_every_area_station_and_incident(situation):
    layers = _layers(mp.build_payload(situation))
    assert len(layers["grids"]["features"]) == len(situation.grids)
    assert len(layers["communities"]["features"]) == len(situation.communities)
    stations = [f for key, layer in layers.items() if key.startswith("station:")
                for f in layer["features"]]
    assert len(stations) == len(situation.stations)
    assert len(layers["incidents"]["features"]) == len(situation.incidents)
    assert "station:sand_depot" in layers  # the depot, with its response area
    depot = layers["station:sand_depot"]["features"][0]
    assert depot["radius_m"] == 3000.0
    assert layers["station:sand_depot"]["style"]["dash"]


def test_a_registry_row_added_at_run_time_appears_without_code_change(situation):
    before = mp.build_payload(situation)
    gas = MapLayer(
        key="gas_pipe_old_compound", name_zh="老旧小区燃气管道", name_en="Gas pipes",
        geometry_kind="line", style={"colour": "#ff8a65", "width": 5}, sensitive=False,
        symbol_code="A20400", visible_by_default=True,
        features=(MapFeature(id=9001, code="GAS-1", name="燃气管道1",
                             geometry={"type": "LineString",
                                       "coordinates": [[112.12, 32.05], [112.13, 32.051]]},
                             properties={}),),
    )
    after = mp.build_payload(dataclasses.replace(situation, layers=(*situation.layers, gas)))
    layer = _layers(after)["layer:gas_pipe_old_compound"]
    assert layer["legend"] == [{"label": "老旧小区燃气管道", "swatch": {
        "kind": "line", "color": "#ff8a65", "fill": None, "fill_opacity": 0.25, "weight": 5.0,
        "dash": None, "shape": "circle"}}]
    delta = mp.diff_payload(before, after)
    assert delta == {"put_layers": [layer]}


def test_delta_holds_only_what_changed(situation):
    before = mp.build_payload(situation)
    assert mp.diff_payload(before, mp.build_payload(situation)) == {}

    station = situation.stations[0]
    changed = dataclasses.replace(station, readiness=Readiness("red", (
        Reason("expired", "灭火器压力不足", "Low extinguisher pressure", "red"),)))
    grid_gone = situation.grids[-1]
    after_situation = dataclasses.replace(
        situation,
        stations=(changed, *situation.stations[1:]),
        grids=situation.grids[:-1],
        incidents=situation.incidents[1:],
    )
    after = mp.build_payload(after_situation)
    delta = mp.diff_payload(before, after)
    assert set(delta) == {"features"}  # no layer's own settings changed
    by_layer = {change["layer"]: change for change in delta["features"]}
    # The station turning red opens a gap in the coverage layer, in the same delta.
    assert set(by_layer) == {"station:" + station.kind, "grids", "incidents", "coverage"}
    assert by_layer["coverage"]["put"]
    station_change = by_layer["station:" + station.kind]
    assert [f["id"] for f in station_change["put"]] == [str(station.id)]
    assert station_change["put"][0]["glyph"] == "停"
    assert station_change["remove"] == []
    assert by_layer["grids"] == {"layer": "grids", "put": [], "remove": [str(grid_gone.id)]}
    assert by_layer["incidents"]["remove"] == [str(situation.incidents[0].id)]
    assert _same(_apply(before, delta), after)


@pytest.mark.parametrize("datum", ["cgcs2000", "gcj02"])
def test_cached_layers_are_reused_only_for_the_same_parts(situation, datum):
    """With a LayerCache, a situation sharing parts with the last one reuses their layers (the
    same objects, so the delta skips them) and the payload is what a fresh build gives. The
    coverage comes with the situation, as the models compute it (one CoverCache, as live)."""
    from desktop.models.coverage import CoverCache

    covers = CoverCache()

    def covered(changed):
        return dataclasses.replace(changed, coverage=covers.coverage(changed))

    situation = covered(situation)
    cache = mp.LayerCache()
    first = mp.build(situation, cache=cache, datum=datum).payload
    incident = dataclasses.replace(situation.incidents[0], severity=1)
    moved = covered(dataclasses.replace(situation,
                                        incidents=(incident, *situation.incidents[1:])))
    second = mp.build(moved, cache=cache, datum=datum).payload
    assert second == mp.build(moved, datum=datum).payload
    before, after = _layers(first), _layers(second)
    for key in after:
        assert (after[key] is before[key]) == (key != "incidents"), key
    delta = mp.diff_payload(first, second)
    assert [change["layer"] for change in delta["features"]] == ["incidents"]

    # A station's reasons reworded: its layer is built again, the coverage is not.
    worded = dataclasses.replace(situation.stations[0], readiness=dataclasses.replace(
        situation.stations[0].readiness, reasons=(Reason("x", "措辞", "wording", "amber"),)))
    reworded = covered(dataclasses.replace(moved, stations=(worded, *moved.stations[1:])))
    again = _layers(mp.build(reworded, cache=cache, datum=datum).payload)
    assert again["coverage"] is after["coverage"]
    assert again["station:" + worded.kind] is not after["station:" + worded.kind]
    # A station turning red: the coverage and the station layers are built again, and the
    # cache never hands out layers for other settings.
    red = dataclasses.replace(situation.stations[0], readiness=Readiness("red"))
    third_situation = covered(dataclasses.replace(moved, stations=(red, *moved.stations[1:])))
    third = _layers(mp.build(third_situation, cache=cache, datum=datum).payload)
    assert third["grids"] is after["grids"]
    assert third["coverage"] is not after["coverage"]
    assert third["station:" + red.kind] is not after["station:" + red.kind]
    assert third == _layers(mp.build(third_situation, datum=datum).payload)
    english = mp.build(third_situation, cache=cache, lang="en", datum=datum).payload
    assert english == mp.build(third_situation, lang="en", datum=datum).payload


def test_delta_put_layers_only_for_changed_layer_settings(situation):
    before = mp.build_payload(situation)
    first = situation.layers[0]
    restyled = dataclasses.replace(first, style={**first.style, "color": "#ffffff"})
    after = mp.build_payload(dataclasses.replace(
        situation, layers=(restyled, *situation.layers[1:])))
    delta = mp.diff_payload(before, after)
    assert list(delta) == ["put_layers"]
    assert [layer["key"] for layer in delta["put_layers"]] == ["layer:" + first.key]
    removed = mp.diff_payload(before, mp.build_payload(dataclasses.replace(
        situation, layers=situation.layers[1:])))
    assert removed["remove_layers"] == ["layer:" + first.key]
    assert set(removed) == {"remove_layers", "ranks"}  # later layers move up, nothing redrawn
    assert _same(_apply(before, removed), mp.build_payload(dataclasses.replace(
        situation, layers=situation.layers[1:])))


def test_language_change_reloads_everything(situation):
    zh = mp.build_payload(situation)
    en = mp.build_payload(situation, lang="en")
    assert mp.diff_payload(zh, en) == {"reload": en}
    assert _layers(en)["grids"]["name"] == "Grids"


def test_split_delta_keeps_batches_small_and_loses_nothing(situation):
    empty = mp.build_payload(dataclasses.replace(situation, layers=(), grids=()))
    full = mp.build_payload(situation)
    delta = mp.diff_payload(empty, full)
    pieces = mp.split_delta(delta, max_features=7)
    assert len(pieces) > 5
    for piece in pieces:
        count = sum(len(layer["features"]) for layer in piece.get("put_layers", ()))
        count += sum(len(change["put"]) for change in piece.get("features", ()))
        assert count <= 7
    rebuilt = empty
    for piece in pieces:
        rebuilt = _apply(rebuilt, piece)
    assert _same(rebuilt, full)
    assert mp.split_delta({}) == []


def test_station_readiness_has_a_word_and_glyph_not_only_colour(situation):
    payload = mp.build_payload(situation)
    features = [f for layer in payload["layers"] if layer["render"] == "station"
                for f in layer["features"]]
    glyphs = {f["level"]: f["glyph"] for f in features}
    assert glyphs == {"green": "备", "amber": "缺", "red": "停"}
    red = next(f for f in features if f["level"] == "red")
    rows = dict(red["tip"]["rows"])
    assert rows["状态"] == "停 停用"
    assert "破拆工具组缺失" in rows["原因"]
    legend = [row for layer in payload["layers"] if layer["render"] == "station"
              for row in layer["legend"] if row.get("shared")]
    assert {row["label"] for row in legend} == {"就绪", "不全", "停用"}


def test_badge_glyphs_have_wall_contrast():
    for colours in (*mp.READINESS_PALETTE.values(), *mp.SEVERITY_PALETTE.values()):
        assert _contrast(colours["fg"], colours["bg"]) >= 7.0, colours


def test_incidents_carry_severity_exercise_and_recent_marks(situation):
    payload = mp.build_payload(situation, recent_minutes=10)
    features = {f["id"]: f for f in _layers(payload)["incidents"]["features"]}
    for incident in situation.incidents:
        f = features[str(incident.id)]
        assert f["glyph"] == mp.NUMERALS[incident.severity]
        assert f["exercise"] is incident.exercise
        assert f["recent"] is (AT - incident.recorded_at <= dt.timedelta(minutes=10))
    drill = next(f for f in features.values() if f["exercise"])
    assert dict(drill["tip"]["rows"])["演练"] == "演练 / EXERCISE"
    assert payload["text"]["exercise"] == "演练"
    assert any(f["recent"] for f in features.values())
    assert not all(f["recent"] for f in features.values())


def test_incident_without_location_is_counted_in_the_legend(situation):
    lost = dataclasses.replace(situation.incidents[0], lon=None, lat=None)
    payload = mp.build_payload(dataclasses.replace(
        situation, incidents=(lost, *situation.incidents[1:])))
    layer = _layers(payload)["incidents"]
    assert len(layer["features"]) == len(situation.incidents) - 1
    assert layer["legend"][-1]["label"] == "无坐标事件 1 起"


def test_recent_needs_comparable_times():
    naive = dt.datetime(2025, 7, 12, 14, 25)
    assert mp.is_recent(AT - dt.timedelta(minutes=5), AT, 10)
    assert not mp.is_recent(AT - dt.timedelta(minutes=11), AT, 10)
    assert not mp.is_recent(naive, AT, 10)


def test_grid_tooltip_shows_masked_worker_and_short_label(situation):
    grid = situation.grids[0]
    feature = _layers(mp.build_payload(situation))["grids"]["features"][0]
    assert feature["label"] == grid.code[len(grid.parent_code or ""):]
    assert dict(feature["tip"]["rows"]) == {
        "编码": grid.code, "户数": str(grid.households), "网格员": grid.worker}
    assert grid.worker is not None and grid.worker.endswith("*")
    lat, lon = feature["label_at"]
    assert 32 < lat < 33 and 112 < lon < 113


def test_feature_properties_stay_out_unless_listed(situation):
    secret = MapFeature(id=1, code="P-1", name="张*", geometry={"type": "Point",
                        "coordinates": [112.12, 32.05]},
                        properties={"phone": "138****1234", "note": "轮椅", "age": 81})
    layer = MapLayer(key="people", name_zh="重点人群", name_en="Key people",
                     geometry_kind="point", style={"tooltip_fields": ["age", "note"]},
                     sensitive=True, symbol_code=None, visible_by_default=False,
                     features=(secret,))
    payload = mp.build_payload(dataclasses.replace(situation, layers=(layer,)))
    text = mp.to_json(payload)
    assert "138****1234" not in text  # not listed
    rows = _layers(payload)["layer:people"]["features"][0]["tip"]["rows"]
    assert ["age", "81"] in rows
    assert "轮椅" not in text  # listed, but a sensitive layer shows only masking's allowlist


def test_style_is_normalised_and_unsafe_values_dropped():
    spelled = mp.normalise_style({"colour": "#123456", "width": 99, "dashArray": [4, 2]},
                                 "line", "k")
    assert (spelled["color"], spelled["weight"], spelled["dash"], spelled["fill"]) == (
        "#123456", 20.0, "4,2", None)
    unsafe = mp.normalise_style({"color": "red;background:url(http://x)",
                                 "dash": "1 2 javascript"}, "polygon", "k")
    assert unsafe["color"] in mp.FALLBACK_COLOURS and unsafe["dash"] is None
    odd = mp.normalise_style({"radius": float("nan"), "shape": "<svg>"}, "point", "k")
    assert (odd["radius"], odd["shape"]) == (6.0, "circle")
    assert mp.normalise_style({}, "point", "k")["color"] == odd["color"]  # stable per key


def test_bounds_cover_the_street(situation):
    (south, west), (north, east) = mp.street_bounds(situation) or [[0, 0], [0, 0]]
    assert south < north and west < east
    for community in situation.communities:
        for lon, lat in community.geometry["coordinates"][0]:
            assert south <= lat <= north and west <= lon <= east


def test_json_is_compact_and_refuses_nan(situation):
    text = mp.to_json(mp.build_payload(situation))
    assert json.loads(text)["schema"] == mp.SCHEMA
    assert "街道边界" in text  # Chinese as text, not \\u escapes
    with pytest.raises(ValueError):
        mp.to_json({"lat": math.nan})
