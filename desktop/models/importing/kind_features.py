"""Map features for a layer of the registry, or for a new layer the import registers.

GeoJSON from elsewhere keeps its properties as they are; name and code come
from them (名称/name, 编码/code/adcode) or from the Feature's ``id``. Our own
exports carry those fields in a ``dutyroom`` member beside untouched
properties, and the layer rows in a top-level member, so a feature file
round-trips into an empty replica. Points and polygons without a grid code
get the grid they fall in.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import shape
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import clock, masking
from desktop.models.importing.columns import Field
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import (
    CODE,
    DATUM,
    GEOMETRY,
    LAT,
    LON,
    ExportTable,
    Kind,
    Row,
    need,
)
from desktop.models.importing.parsers import code, json_object, moment, text
from desktop.models.importing.spatial import KIND_OF, dumps
from desktop.models.importing.upsert import Counts, columns, upsert
from desktop.models.schema import AdminUnit, Feature, Layer

_LAYER_COLUMNS = ("key", "name_zh", "name_en", "geometry_kind", "style", "sensitive",
                  "symbol_code", "sort_order", "visible_by_default")


def _personal(key: str) -> bool:
    """Property keys whose values masking shortens with '*' (names, phones, ID numbers)."""
    return (key in masking.NAME_KEYS or key.endswith(("_name", "_person", "姓名"))
            or any(part in key for part in ("phone", "电话", "手机", "id_number", "身份证")))


@dataclass(frozen=True)
class LayerOptions:
    key: str | None = None  # every row goes to this layer
    name_zh: str | None = None  # registers the layer when it is new
    name_en: str | None = None
    sensitive: bool = False


class Features(Kind):
    name = "features"
    entity = "feature"
    title_zh, title_en = "图层要素", "map features"
    fields = (
        Field("code", ("编码", "要素编码", "编号", "code", "adcode", "id"), CODE, True),
        Field("name", ("名称", "name", "标题"), text(120), True),
        Field("layer", ("图层", "layer", "layer_key"), code(40)),
        Field("grid_code", ("所属网格", "网格编码", "grid_code"), CODE),
        Field("updated_at", ("更新时间", "updated_at"), moment),
        Field("properties", ("属性", "properties"), json_object),
        LON, LAT, DATUM, GEOMETRY,
    )
    geometry_types = frozenset(KIND_OF)
    geometry_required = True

    def __init__(self, options: LayerOptions, file_layers: list[dict[str, Any]] | None = None
                 ) -> None:
        self.options = options
        self.file_layers = file_layers or []
        self._new_layers: dict[str, dict[str, Any]] = {}

    def set_file_layers(self, layers: Any) -> None:
        if isinstance(layers, list):
            self.file_layers.extend(item for item in layers if isinstance(item, dict))

    def prepare(self, rows: list[Row], context: Context) -> None:
        self._new_layers = {}
        known = context.lookup("layer")
        for layer in self.file_layers:
            key = layer.get("key")
            if isinstance(key, str) and key not in known:
                self._new_layers[key] = {c: layer[c] for c in _LAYER_COLUMNS if c in layer}
        key = self.options.key
        if key and key not in known and key not in self._new_layers and self.options.name_zh:
            kinds = {KIND_OF[row.geometry["type"]] for row in rows if row.geometry}
            self._new_layers[key] = {
                "key": key, "name_zh": self.options.name_zh,
                "name_en": self.options.name_en or key,
                "geometry_kind": kinds.pop() if len(kinds) == 1 else "mixed",
                "style": {}, "sensitive": self.options.sensitive, "sort_order": 100,
                "visible_by_default": True}

    def _layer(self, row: Row, context: Context) -> tuple[str, str, bool]:
        stated = row.get("layer")
        key = self.options.key or stated
        if key is None:
            raise Bad("缺少图层：请在文件中给出图层列，或用 --layer 指定",
                      "no layer: give a layer column or pass --layer", column="layer")
        if self.options.key and stated is not None and stated != self.options.key:
            raise Bad(f"图层“{stated}”与指定的 --layer {self.options.key} 不同",
                      f"layer {stated!r} differs from --layer {self.options.key}", column="layer")
        known = context.lookup("layer").get(key)
        if known is not None:
            return key, known[0], bool(known[1])
        new = self._new_layers.get(key)
        if new is None:
            raise Bad(f"图层“{key}”未登记：用 --layer-name 给出名称即可登记新图层",
                      f"layer {key!r} is not registered: pass --layer-name to register it",
                      column="layer")
        if new["geometry_kind"] == "mixed":
            raise Bad("新图层的要素几何类型不一（点、线、面混合）",
                      "the new layer's features mix points, lines and polygons",
                      column="geometry")
        return key, str(new["geometry_kind"]), bool(new.get("sensitive"))

    def check(self, row: Row, context: Context) -> dict[str, Any]:
        code_ = need(row, "code", "编码", "code")
        layer, geometry_kind, sensitive = self._layer(row, context)
        assert row.geometry is not None
        if KIND_OF[row.geometry["type"]] != geometry_kind:
            raise Bad(f"图层“{layer}”是{geometry_kind}图层，此要素是 {row.geometry['type']}",
                      f"layer {layer!r} holds {geometry_kind}s, this is a "
                      f"{row.geometry['type']}", column="geometry")
        other = context.lookup("feature").get(code_)
        if other is not None and other != layer:
            raise Bad(f"编码“{code_}”已被图层“{other}”的要素使用",
                      f"code {code_!r} is already used by a feature of layer {other!r}",
                      column="code")
        properties = dict(row.get("properties") or {})
        properties.update(row.extra)
        name = row.get("name")
        if sensitive:
            if "*" in str(name):
                raise Bad("名称是脱敏后的（含 *）：导入需要完整数据"
                          "（导出时加 --full-personal-data）",
                          "the name is masked (has *): export with --full-personal-data to "
                          "re-import", column="name")
            for key, value in properties.items():
                if _personal(key) and isinstance(value, str) and "*" in value:
                    raise Bad(f"属性“{key}”是脱敏后的（含 *）", f"property {key!r} is masked "
                              "(has *)", column=key)
        record: dict[str, Any] = {"code": code_, "name": name, "layer_key": layer,
                                  "geometry": dumps(row.geometry), "properties": properties}
        if row.has("grid_code"):
            grid = row.get("grid_code")
            record["grid_id"] = None if grid is None else context.resolve(
                "admin_unit", grid, "网格", "grid", "grid_code")[0]
        elif KIND_OF[row.geometry["type"]] != "line":
            record["_locate"] = row.geometry
        if row.has("updated_at") and row.get("updated_at") is not None:
            record["updated_at"] = row.get("updated_at")
        return record

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        session = context.session
        if self._new_layers:
            upsert(session, Layer, lambda r: r["key"], list(self._new_layers.values()),
                   ("key",))
            context.forget("layer")
        _locate(session, [r for r in records if "_locate" in r])
        rows = [columns(r) for r in records]
        now = _now()
        existing = context.lookup("feature")
        for row in rows:
            if "updated_at" not in row and row["code"] not in existing:
                row["updated_at"] = now
        counts = upsert(session, Feature, lambda r: r["code"], rows, ("code",))
        context.forget("feature")
        return counts

    def export(self, session: Session, masked: bool) -> ExportTable:
        layers = {layer.key: layer for layer in session.scalars(
            select(Layer).order_by(Layer.sort_order, Layer.key))}
        query = select(Feature).order_by(Feature.layer_key, Feature.code)
        if self.options.key:
            query = query.where(Feature.layer_key == self.options.key)
        features = list(session.scalars(query))
        grids = dict(session.execute(select(AdminUnit.id, AdminUnit.code)).all())
        used = {f.layer_key for f in features}
        rows, ids, members = [], [], []
        for f in features:
            sensitive = masked and layers[f.layer_key].sensitive
            properties = masking.mask_properties(f.properties or {}) if sensitive else \
                (f.properties or {})
            name = masking.mask_name(f.name) if sensitive else f.name
            grid = grids.get(f.grid_id) if f.grid_id else None
            geometry = json.loads(f.geometry)
            rows.append([f.code, name, f.layer_key, grid, f.updated_at, properties, None, None,
                         "CGCS2000", geometry])
            ids.append(f.code)
            members.append({"layer": f.layer_key, "name": name, "grid_code": grid,
                            "updated_at": f.updated_at})
        layer_rows = [{c: getattr(layers[k], c) for c in _LAYER_COLUMNS}
                      for k in layers if k in used]
        return ExportTable(self.name, [f.header for f in self.fields], rows, geometry_column=9,
                           ids=ids, members=members, file_member={"layers": layer_rows})


def _now() -> dt.datetime:
    return clock.now().replace(microsecond=0)


def _locate(session: Session, records: list[dict[str, Any]]) -> None:
    """Grid of each point (or polygon's inner point), in one STRtree query."""
    if not records:
        return
    grids = [(uid, shape(json.loads(g))) for uid, g in session.execute(
        select(AdminUnit.id, AdminUnit.geometry).where(AdminUnit.level == "grid"))]
    for record in records:
        record["grid_id"] = None
    if not grids:
        return
    tree = shapely.STRtree([g for _uid, g in grids])
    points = []
    for record in records:
        geometry = record["_locate"]
        if geometry["type"] == "Point":
            points.append(shapely.Point(geometry["coordinates"][:2]))
        else:
            points.append(shape(geometry).representative_point())
    found = tree.query(points, predicate="within")
    for point_index, grid_index in zip(found[0].tolist(), found[1].tolist(), strict=True):
        if records[point_index]["grid_id"] is None:
            records[point_index]["grid_id"] = grids[grid_index][0]
