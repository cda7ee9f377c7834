"""Real public data: the districts of 襄阳 (GCJ-02, no crs member) as a new polygon layer.

CI always has ../shared/data beside the clone; there a missing file fails the
test. On a user's clone without it the test is skipped.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.datum import metres_between
from desktop.models.importing import ImportOptions, LayerOptions, Source, import_sources
from desktop.models.replica import open_writer
from desktop.models.schema import ChangeLog, Feature, Layer

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / \
    "xiangyang-420600-districts.geojson"
LAYER = LayerOptions("xiangyang_districts", "襄阳市区县界", "Xiangyang districts")
STREET_CENTRE = (112.15, 32.08)  # 七里河街道, CGCS2000 (DOMAIN, data/README)


@pytest.fixture(scope="module")
def districts() -> Source:
    if not DATA.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DATA} is missing: CI must have ../shared/data beside the clone")
        pytest.skip(f"{DATA} not found (only CI is required to have it)")
    return Source.from_path(DATA)


def _seq(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.max(ChangeLog.seq))) or 0


def test_without_a_datum_the_importer_refuses_to_guess(districts, demo_replica):
    engine = open_writer(demo_replica)
    before = _seq(engine)
    result = import_sources(engine, [districts], ImportOptions(kind="features", layer=LAYER))
    assert result.exit_code == 1
    assert any("--datum" in issue.en and "not declared" in issue.en for issue in result.errors)
    assert _seq(engine) == before


def test_invalid_source_polygons_are_named_then_repaired_on_request(districts, demo_replica):
    engine = open_writer(demo_replica)
    strict = import_sources(engine, [districts],
                            ImportOptions(kind="features", datum="gcj02", layer=LAYER))
    assert strict.exit_code == 1
    # two districts in the public file touch themselves (checked with shapely on the raw data)
    assert sorted((i.row, i.column) for i in strict.errors) == [(6, "geometry"), (8, "geometry")]
    repaired = import_sources(engine, [districts], ImportOptions(
        kind="features", datum="gcj02", layer=LAYER, repair_geometry=True))
    assert repaired.exit_code == 0 and repaired.counts["features"].inserted == 9
    assert len(repaired.warnings) == 2


def test_gcj02_districts_land_about_500_m_away_and_hold_the_street(districts, demo_replica):
    engine = open_writer(demo_replica)
    result = import_sources(engine, [districts], ImportOptions(
        kind="features", datum="gcj02", layer=LAYER, repair_geometry=True))
    assert result.exit_code == 0, [i.line() for i in result.errors]
    raw = {str(f["properties"]["adcode"]): f for f in json.loads(DATA.read_bytes())["features"]}
    with Session(engine) as session:
        layer = session.get(Layer, LAYER.key)
        assert layer is not None and layer.geometry_kind == "polygon"
        stored = {f.code: f for f in session.scalars(
            select(Feature).where(Feature.layer_key == LAYER.key))}
    assert set(stored) == set(raw) and len(stored) == 9
    shifts = []
    for code, feature in stored.items():
        converted = shape(json.loads(feature.geometry)).centroid
        original = shape(raw[code]["geometry"]).buffer(0).centroid
        shifts.append(metres_between(converted.x, converted.y, original.x, original.y))
    assert all(300 < shift < 800 for shift in shifts), shifts
    union = shapely.union_all([shape(json.loads(f.geometry)) for f in stored.values()])
    assert union.contains(Point(*STREET_CENTRE))
    names = {f.name for f in stored.values()}
    assert {"樊城区", "襄州区"} <= names
    again = import_sources(engine, [districts], ImportOptions(
        kind="features", datum="gcj02", layer=LAYER, repair_geometry=True))
    assert again.counts["features"].unchanged == 9 and again.counts["features"].written == 0


def test_platform_exports_default_to_cgcs2000(districts, demo_replica):
    engine = open_writer(demo_replica)
    result = import_sources(engine, [districts], ImportOptions(
        kind="features", platform_export=True, layer=LAYER, repair_geometry=True, dry_run=True))
    assert result.exit_code == 0
    assert result.files[0].datum == "cgcs2000"
    assert not result.committed
