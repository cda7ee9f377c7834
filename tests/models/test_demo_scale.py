"""The demo is reproducible, and scale=N builds N separate streets by the same rules."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import shapely
from shapely.geometry import Point, shape
from sqlalchemy.orm import Session

from desktop.models import migrate
from desktop.models.demo import DemoSummary, build_demo
from desktop.models.replica import open_writer
from desktop.models.schema import Base

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
M2_PER_DEG2 = 111_320 * math.cos(math.radians(32.08)) * 110_574


def build(path: Path, *, seed: int = 7, scale: int = 1, now: dt.datetime = NOW) -> DemoSummary:
    engine = open_writer(path, create=True)
    migrate.upgrade(engine)
    with Session(engine) as session:
        summary = build_demo(session, now=now, seed=seed, scale=scale)
        session.commit()
    engine.dispose()
    return summary


def digest(path: Path) -> dict[str, str]:
    """A hash of every table's rows, except change_log (its times are the wall clock's) and
    the replica's identity (random: every replica has its own)."""
    connection = sqlite3.connect(path)
    try:
        hashes = {}
        for table in Base.metadata.sorted_tables:
            if table.name == "change_log":
                continue
            where = " WHERE key != 'replica_id'" if table.name == "replica_meta" else ""
            rows = connection.execute(f"SELECT * FROM {table.name}{where} ORDER BY 1").fetchall()
            hashes[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return hashes
    finally:
        connection.close()


def test_same_seed_and_time_give_identical_rows(tmp_path: Path) -> None:
    build(tmp_path / "a.sqlite")
    build(tmp_path / "b.sqlite")
    first, second = digest(tmp_path / "a.sqlite"), digest(tmp_path / "b.sqlite")
    assert first == second
    build(tmp_path / "c.sqlite", seed=8)
    other = digest(tmp_path / "c.sqlite")
    changed = [name for name in first if first[name] != other[name]]
    assert {"admin_unit", "person", "feature", "incident", "equipment_item"} <= set(changed)


def test_a_later_now_moves_the_data_with_it(tmp_path: Path) -> None:
    later = NOW + dt.timedelta(days=40, hours=7)
    build(tmp_path / "later.sqlite", now=later)
    connection = sqlite3.connect(tmp_path / "later.sqlite")
    try:
        newest = connection.execute(
            "SELECT max(recorded_at) FROM incident WHERE status = 'received'"
        ).fetchone()[0]
        shifts = connection.execute(
            "SELECT min(starts_at), max(ends_at) FROM duty_shift"
        ).fetchone()
    finally:
        connection.close()
    later_utc = later.astimezone(dt.UTC).replace(tzinfo=None)
    assert later_utc - dt.timedelta(minutes=15) <= dt.datetime.fromisoformat(newest) <= later_utc
    assert dt.datetime.fromisoformat(shifts[0]) <= later_utc - dt.timedelta(days=30)
    assert dt.datetime.fromisoformat(shifts[1]) >= later_utc + dt.timedelta(days=13)


@pytest.fixture(scope="module")
def three_streets(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[sqlite3.Connection, DemoSummary]]:
    path = tmp_path_factory.mktemp("scale") / "district.sqlite"
    summary = build(path, scale=3)
    connection = sqlite3.connect(path)
    yield connection, summary
    connection.close()


def test_scale_builds_separate_streets(
    three_streets: tuple[sqlite3.Connection, DemoSummary],
) -> None:
    connection, summary = three_streets
    streets = connection.execute(
        "SELECT id, code, name, geometry FROM admin_unit WHERE level = 'street' ORDER BY id"
    ).fetchall()
    assert summary.streets == 3 and len(streets) == 3
    assert streets[0][2] == "七里河街道"
    assert len({name for _, _, name, _ in streets}) == 3
    polygons = [shape(json.loads(geometry)) for *_, geometry in streets]
    for i in range(3):
        for j in range(i + 1, 3):
            assert polygons[i].intersection(polygons[j]).area * M2_PER_DEG2 < 0.01


def test_home_street_is_the_same_at_any_scale(
    three_streets: tuple[sqlite3.Connection, DemoSummary], tmp_path: Path
) -> None:
    connection, _ = three_streets
    build(tmp_path / "one.sqlite")
    alone = sqlite3.connect(tmp_path / "one.sqlite")
    query = "SELECT code, name, geometry, households FROM admin_unit WHERE code LIKE ? ORDER BY id"
    try:
        home = alone.execute(
            "SELECT value FROM replica_meta WHERE key = 'home_street_code'"
        ).fetchone()
        expected = alone.execute(query, (home[0] + "%",)).fetchall()
    finally:
        alone.close()
    assert connection.execute(query, (home[0] + "%",)).fetchall() == expected


def test_scale_grids_are_disjoint_and_belong_to_one_street(
    three_streets: tuple[sqlite3.Connection, DemoSummary],
) -> None:
    connection, _ = three_streets
    streets = {
        code: shape(json.loads(g))
        for code, g in connection.execute(
            "SELECT code, geometry FROM admin_unit WHERE level = 'street'"
        )
    }
    grids = connection.execute(
        "SELECT code, geometry FROM admin_unit WHERE level = 'grid'"
    ).fetchall()
    polygons = [shape(json.loads(g)) for _, g in grids]
    tree = shapely.STRtree(polygons)
    for i, polygon in enumerate(polygons):
        for j in tree.query(polygon, predicate="intersects"):
            if j > i:
                assert polygon.intersection(polygons[j]).area * M2_PER_DEG2 < 0.01
    for (code, _), polygon in zip(grids, polygons, strict=True):
        home = streets[code[:9]]
        assert home.buffer(1e-9).contains(polygon)
    assert {code[:9] for code, _ in grids} == set(streets)


def test_every_street_has_its_own_95_and_stations(
    three_streets: tuple[sqlite3.Connection, DemoSummary],
) -> None:
    connection, summary = three_streets
    team = Counter(
        (code[:9], kind)
        for code, kind in connection.execute(
            "SELECT t.code, t.kind FROM person p JOIN team t ON p.team_id = t.id "
            "WHERE t.kind IN ('professional', 'cadre_militia')"
        )
    )
    streets = [
        code for (code,) in connection.execute("SELECT code FROM admin_unit WHERE level = 'street'")
    ]
    for code in streets:
        assert team[(code, "professional")] == 35 and team[(code, "cadre_militia")] == 60
    assert summary.team_members == 95 * 3
    areas = {
        code: shape(json.loads(g))
        for code, g in connection.execute(
            "SELECT code, geometry FROM admin_unit WHERE level = 'street'"
        )
    }
    per_street: Counter[str] = Counter()
    for code, lon, lat, kind in connection.execute("SELECT code, lon, lat, kind FROM station"):
        assert areas[code[:9]].contains(Point(lon, lat))
        per_street[code[:9]] += kind == "service_station"
    assert all(per_street[code] >= 2 for code in streets)
    depots = connection.execute("SELECT count(*) FROM station WHERE kind = 'sand_depot'").fetchone()
    assert depots[0] == 3


@pytest.mark.slow
def test_models_demo_imports_no_qt() -> None:
    code = (
        "import sys, desktop.models.demo; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
