"""The demo street, built once into a real replica file and checked against DOMAIN.md."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import shapely
from shapely.geometry import Point, shape
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session

from desktop.models import migrate, vocab
from desktop.models.demo import DemoSummary, build_demo
from desktop.models.replica import open_reader, open_writer
from desktop.models.schema import (
    AdminUnit,
    Drill,
    DutyAssignment,
    DutyShift,
    EquipmentCategory,
    EquipmentItem,
    EquipmentKind,
    Feature,
    HazardWarning,
    Incident,
    IncidentEvent,
    Inspection,
    KeyCustodian,
    KitRequirement,
    KitStandard,
    Layer,
    Person,
    Plan,
    ReplicaMeta,
    Station,
    Team,
    Training,
    WorkRule,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)
NOW_UTC = NOW.astimezone(dt.UTC)
TODAY = NOW.date()
M2_PER_DEG2 = 111_320 * math.cos(math.radians(32.08)) * 110_574  # near 32° N
STAGES = [term.code for term in vocab.LIFECYCLE]

STATION_KIT = {  # DOMAIN "Defaults": 4 categories × 2 kinds
    ("灭火类", "灭火器"),
    ("灭火类", "消防水带与水枪"),
    ("破拆救援类", "破拆工具组"),
    ("破拆救援类", "救援绳索"),
    ("医疗急救类", "急救箱"),
    ("医疗急救类", "担架"),
    ("照明通讯类", "强光照明灯"),
    ("照明通讯类", "手持对讲机"),
}


def build_replica(path: Path, *, seed: int = 7, scale: int = 1) -> tuple[Engine, DemoSummary]:
    engine = open_writer(path, create=True)
    migrate.upgrade(engine)
    with Session(engine) as session:
        summary = build_demo(session, now=NOW, seed=seed, scale=scale)
        session.commit()
    engine.dispose()
    return open_reader(path), summary


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, DemoSummary]]:
    engine, summary = build_replica(tmp_path_factory.mktemp("demo") / "replica.sqlite")
    with Session(engine) as session:
        yield session, summary
    engine.dispose()


@pytest.fixture(scope="module")
def db(demo: tuple[Session, DemoSummary]) -> Session:
    return demo[0]


def geom(text: str) -> Any:
    return shape(json.loads(text))


def units(db: Session, level: str) -> list[AdminUnit]:
    return list(
        db.scalars(select(AdminUnit).where(AdminUnit.level == level).order_by(AdminUnit.id))
    )


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(SHANGHAI)


# ---------------------------------------------------------------- meta


def test_replica_meta_names_the_home_street(db: Session) -> None:
    meta = {row.key: row.value for row in db.scalars(select(ReplicaMeta))}
    assert meta["home_street_name"] == "七里河街道"
    assert meta["district_name"] == "襄阳高新区"
    assert meta["generator"] == "demo"
    assert (meta["seed"], meta["scale"]) == ("7", "1")
    assert dt.datetime.fromisoformat(meta["generated_at"]) == NOW
    street = units(db, "street")
    assert [s.code for s in street] == [meta["home_street_code"]]
    assert street[0].name == "七里河街道"


def test_build_refuses_naive_time_and_a_replica_with_content(db: Session) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        build_demo(db, now=dt.datetime(2026, 11, 23, 10, 0))
    with pytest.raises(ValueError, match="empty"):
        build_demo(db, now=NOW)


# ---------------------------------------------------------------- geography


def test_street_and_codes_follow_gbt2260(db: Session) -> None:
    (street,) = units(db, "street")
    communities, grids = units(db, "community"), units(db, "grid")
    assert len(street.code) == 9 and street.code.startswith("420606")
    assert 6 <= len(communities) <= 8
    assert 40 <= len(grids) <= 70
    by_id = {c.id: c for c in communities}
    for community in communities:
        assert community.parent_id == street.id
        assert community.code[:9] == street.code and len(community.code) == 12
        assert community.name.endswith("社区")
    for grid in grids:
        parent = by_id[grid.parent_id]  # type: ignore[index]
        assert grid.code[:12] == parent.code and len(grid.code) == 15
        assert grid.name == f"{parent.name}第{int(grid.code[12:])}网格"


def test_street_centre_is_qilihe_in_xiangyang(db: Session) -> None:
    (street,) = units(db, "street")
    polygon = geom(street.geometry)
    centre = polygon.centroid
    assert abs(centre.x - 112.15) < 0.03 and abs(centre.y - 32.08) < 0.03
    width_km = (polygon.bounds[2] - polygon.bounds[0]) * M2_PER_DEG2 / 110_574 / 1000
    assert 2.0 < width_km < 6.0


def _assert_tiles(parent: Any, children: list[Any]) -> None:
    assert parent.is_valid and all(child.is_valid for child in children)
    union = shapely.union_all(children)
    gap_or_spill = union.symmetric_difference(parent).area * M2_PER_DEG2
    assert gap_or_spill < 1.0, f"{gap_or_spill:.3f} m² between parent and children"
    tree = shapely.STRtree(children)
    for i, child in enumerate(children):
        for j in tree.query(child, predicate="intersects"):
            if j > i:
                overlap = child.intersection(children[j]).area * M2_PER_DEG2
                assert overlap < 0.01, f"children {i} and {j} overlap by {overlap:.3f} m²"


def test_communities_tile_the_street_and_grids_tile_communities(db: Session) -> None:
    (street,) = units(db, "street")
    communities = units(db, "community")
    _assert_tiles(geom(street.geometry), [geom(c.geometry) for c in communities])
    grids = units(db, "grid")
    for community in communities:
        children = [geom(g.geometry) for g in grids if g.parent_id == community.id]
        assert children, community.name
        _assert_tiles(geom(community.geometry), children)


def test_communities_are_contiguous(db: Session) -> None:
    for community in units(db, "community"):
        assert geom(community.geometry).geom_type == "Polygon", community.name


def test_grids_are_not_a_square_lattice(db: Session) -> None:
    polygons = [geom(g.geometry) for g in units(db, "grid")]
    axis_rectangles = [p for p in polygons if p.area / p.envelope.area > 0.999]
    assert len(axis_rectangles) <= len(polygons) // 10
    angles = []
    for polygon in polygons:
        xy = list(polygon.exterior.coords)
        for (x0, y0), (x1, y1) in itertools.pairwise(xy):
            angles.append(round(math.degrees(math.atan2(y1 - y0, (x1 - x0) * 0.847))) % 90)
    most_common_share = Counter(angles).most_common(1)[0][1] / len(angles)
    assert most_common_share < 0.25  # edges run in many directions


def test_grid_edges_follow_the_road_network(db: Session) -> None:
    """Grids are cut along roads and lanes. Small blocks merge with a neighbour across a road
    (rarely an arterial), so a share of minor roads runs inside grids."""
    edges = shapely.union_all([geom(g.geometry).boundary for g in units(db, "grid")])
    near_edges = edges.buffer(2e-6)  # ~0.2 m
    total: Counter[str] = Counter()
    on_edges: Counter[str] = Counter()
    for road in db.scalars(select(Feature).where(Feature.layer_key == "roads")):
        line = geom(road.geometry)
        kind = road.properties["road_class"]
        total[kind] += line.length
        on_edges[kind] += line.intersection(near_edges).length
    assert total["arterial"] and total["secondary"] and total["lane"]
    assert on_edges["arterial"] >= 0.9 * total["arterial"]
    assert on_edges["secondary"] >= 0.75 * total["secondary"]
    assert on_edges["lane"] >= 0.99 * total["lane"]
    roads = db.scalars(select(Feature.properties).where(Feature.layer_key == "roads")).all()
    classes = Counter(properties["road_class"] for properties in roads)
    assert classes["arterial"] >= 2 and classes["secondary"] >= 3 and classes["lane"] >= 10


def test_households_per_grid_and_sums(db: Session) -> None:
    (street,) = units(db, "street")
    communities, grids = units(db, "community"), units(db, "grid")
    assert all(160 <= (g.households or 0) <= 400 for g in grids)
    for community in communities:
        assert community.households == sum(
            g.households or 0 for g in grids if g.parent_id == community.id
        )
    assert street.households == sum(c.households or 0 for c in communities)


def test_every_grid_has_its_own_grid_worker(db: Session) -> None:
    grids = units(db, "grid")
    workers = {p.id: p for p in db.scalars(select(Person).where(Person.role == "grid_worker"))}
    assert len({g.grid_worker_id for g in grids}) == len(grids)
    assert all(g.grid_worker_id in workers and workers[g.grid_worker_id].phone for g in grids)


# ---------------------------------------------------------------- people


def test_emergency_team_is_95_of_whom_35_professional(db: Session) -> None:
    rows = db.execute(select(Person, Team.kind).join(Team, Person.team_id == Team.id)).all()
    professional = [p for p, kind in rows if kind == "professional"]
    cadres = [p for p, kind in rows if kind == "cadre_militia"]
    assert len(professional) == 35
    assert {p.role for p in professional} == {"professional_rescuer"}
    assert len(cadres) == 60
    assert {p.role for p in cadres} == {"community_cadre", "militia"}
    team = professional + cadres
    assert sum(p.party_member for p in team) * 3 > len(team)
    skills = Counter(skill for p in team for skill in p.skills)
    for skill in ("drone", "leakage_detector", "first_aid", "rope_rescue", "driving"):
        assert skills[skill] >= 3, skill


def test_duty_room_staff_are_beyond_the_95(db: Session) -> None:
    roles = Counter(db.scalars(select(Person.role)))
    assert roles["duty_leader"] >= 3 and roles["duty_officer"] >= 4
    duty_team = db.scalars(select(Team).where(Team.kind == "duty")).one()
    for person in db.scalars(
        select(Person).where(Person.role.in_(["duty_leader", "duty_officer"]))
    ):
        assert person.team_id == duty_team.id


def _id_check(first17: str) -> str:
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def test_phones_and_id_numbers_are_well_formed(db: Session) -> None:
    people = db.scalars(select(Person)).all()
    phones = [p.phone for p in people if p.phone]
    assert len(phones) == len(people) and len(set(phones)) == len(phones)
    for phone in phones:
        assert len(phone) == 11 and phone.isdigit() and phone[:2] in ("13", "15", "18")
    for person in people:
        number = person.id_number or ""
        assert len(number) == 18 and number.startswith("4206"), number
        assert number[17] == _id_check(number[:17]), number
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        assert 16 <= (TODAY - born).days / 365.25 <= 70
    names = Counter(p.name for p in people)
    assert names.most_common(1)[0][1] == 1
    assert all(2 <= len(p.name) <= 3 for p in people)


# ---------------------------------------------------------------- stations and kit


def _stations(db: Session) -> list[Station]:
    return list(db.scalars(select(Station).order_by(Station.id)))


def test_stations_sit_in_their_community_with_500m_circles(db: Session) -> None:
    stations = _stations(db)
    communities = {c.id: geom(c.geometry) for c in units(db, "community")}
    names = [s.name for s in stations if s.kind == "service_station"]
    assert "长安花园驿站" in names and len(names) >= 5
    assert any(s.kind == "micro_fire_station" for s in stations)
    for station in stations:
        assert communities[station.community_id].contains(Point(station.lon, station.lat))  # type: ignore[index]
        assert station.address and station.opening_hours
        if station.kind != "sand_depot":
            assert station.service_radius_m == 500


def test_sand_depot_partnership(db: Session) -> None:
    (depot,) = [s for s in _stations(db) if s.kind == "sand_depot"]
    assert depot.properties["sand_trucks"] == 4
    assert depot.properties["reserve_tonnes"] == 700
    assert depot.response_minutes == 20
    speed_kmh = depot.service_radius_m / 1000 / (depot.response_minutes / 60)
    assert 15 <= speed_kmh <= 40  # a loaded truck's urban speed


def test_key_dual_custody_with_one_station_short_of_a_holder(db: Session) -> None:
    holders: dict[int, list[KeyCustodian]] = defaultdict(list)
    for custodian in db.scalars(select(KeyCustodian)):
        holders[custodian.station_id].append(custodian)
        assert custodian.person.phone
    stations = _stations(db)
    kinds = [sorted(h.holder for h in holders[s.id]) for s in stations]
    assert kinds.count(["community", "property"]) == len(stations) - 1
    assert kinds.count(["community"]) == 1
    pilot = next(s for s in stations if s.name == "长安花园驿站")
    assert sorted(h.holder for h in holders[pilot.id]) == ["community", "property"]


def _requirements(db: Session, key: str) -> list[tuple[KitRequirement, EquipmentKind]]:
    rows = db.execute(
        select(KitRequirement, EquipmentKind)
        .join(EquipmentKind, KitRequirement.kind_id == EquipmentKind.id)
        .where(KitRequirement.standard_key == key)
    )
    return [(requirement, kind) for requirement, kind in rows]


def test_every_service_station_standard_holds_the_4_categories_8_kinds(db: Session) -> None:
    stations = [s for s in _stations(db) if s.kind == "service_station"]
    assert all(s.kit_standard_key for s in stations)
    for key in {s.kit_standard_key for s in stations}:
        held = {(kind.category.name_zh, kind.name_zh) for _, kind in _requirements(db, key or "")}
        assert held >= STATION_KIT, key
    default = db.get(KitStandard, "4x8")
    assert default is not None
    assert {(k.category.name_zh, k.name_zh) for _, k in _requirements(db, "4x8")} == STATION_KIT


def test_four_plus_nine_standard_is_8_professional_and_34_regular(db: Session) -> None:
    rows = _requirements(db, "4+9")
    assert sum(kind.professional for _, kind in rows) == 8
    assert sum(not kind.professional for _, kind in rows) == 34
    regular_categories = {kind.category_id for _, kind in rows if not kind.professional}
    assert len(regular_categories) == 9
    assert any(s.kit_standard_key == "4+9" for s in _stations(db))


def test_equipment_standards_come_from_the_data_file(db: Session) -> None:
    from importlib.resources import files

    data = json.loads(
        (files("desktop.resources") / "standards" / "equipment.json").read_text("utf-8")
    )
    in_file = {k["code"]: k for c in data["categories"] for k in c["kinds"]}
    in_db = {k.code: k for k in db.scalars(select(EquipmentKind))}
    assert in_db.keys() == in_file.keys()
    extinguisher = in_db["extinguisher"]
    assert extinguisher.tracking == "unit" and extinguisher.inspection_interval_days == 30
    assert (
        extinguisher.first_service_years,
        extinguisher.service_interval_years,
        extinguisher.scrap_years,
    ) == (5, 2, 10)
    assert in_db["first_aid_kit"].shelf_life_days and in_db["first_aid_kit"].tracking == "batch"
    assert len(list(db.scalars(select(EquipmentCategory)))) == len(data["categories"])


def _items(db: Session) -> list[EquipmentItem]:
    return list(db.scalars(select(EquipmentItem).order_by(EquipmentItem.id)))


def _overdue(item: EquipmentItem) -> bool:
    interval = item.kind.inspection_interval_days
    if interval is None:
        return False
    last = item.last_inspected_at
    return last is None or NOW_UTC - last > dt.timedelta(days=interval)


def test_unit_items_are_one_row_each_and_batches_carry_quantities(db: Session) -> None:
    items = _items(db)
    assert all(item.quantity == 1 for item in items if item.kind.tracking == "unit")
    batches = [item for item in items if item.kind.tracking == "batch"]
    assert any(item.quantity > 1 for item in batches)
    assert all(item.expires_on for item in batches if item.kind.shelf_life_days)
    assert Counter(item.kind.code for item in items)["extinguisher"] >= 8 * 5


def test_extinguishers_follow_the_dry_powder_service_rules(db: Session) -> None:
    for item in _items(db):
        if item.kind.code != "extinguisher":
            continue
        assert item.made_on and item.expires_on
        assert abs((item.expires_on - item.made_on).days - 3652) <= 2
        if (TODAY - item.made_on).days >= 5 * 365.25:
            assert item.last_serviced_on and (TODAY - item.last_serviced_on).days <= 2 * 365


def test_planted_equipment_problems(db: Session) -> None:
    items = _items(db)
    assert any(_overdue(i) for i in items)
    assert any(_overdue(i) for i in items if i.kind.code == "extinguisher")
    kits = [i for i in items if i.kind.code == "first_aid_kit" and i.expires_on]
    assert any(TODAY <= i.expires_on <= TODAY + dt.timedelta(days=30) for i in kits)  # type: ignore[operator]
    assert any(i.expires_on < TODAY for i in kits)  # type: ignore[operator]
    (faulty,) = [i for i in items if i.status == "faulty"]
    faults = db.scalars(
        select(Inspection).where(Inspection.item_id == faulty.id, Inspection.result == "fault")
    ).all()
    assert faults
    (out,) = [i for i in items if i.status == "dispatched"]
    assert out.dispatched_at is not None and out.dispatched_at <= NOW_UTC
    job = (
        db.execute(
            select(Incident)
            .join(IncidentEvent, IncidentEvent.incident_id == Incident.id)
            .where(
                IncidentEvent.stage == "dispatched",
                IncidentEvent.station_id == out.station_id,
                IncidentEvent.occurred_at == out.dispatched_at,
            )
        )
        .scalars()
        .one()
    )
    assert job.status != "closed"


def test_at_least_one_station_is_fully_in_order(db: Session) -> None:
    items = _items(db)
    holders = Counter(c.station_id for c in db.scalars(select(KeyCustodian)))
    in_order = []
    for station in _stations(db):
        if not station.kit_standard_key:
            continue
        mine = [i for i in items if i.station_id == station.id]
        stock = Counter()  # type: Counter[int]
        for item in mine:
            if item.status == "in_service":
                stock[item.kind_id] += item.quantity
        complete = all(
            stock[r.kind_id] >= r.required_quantity
            for r, _ in _requirements(db, station.kit_standard_key)
        )
        healthy = all(
            i.status == "in_service"
            and not _overdue(i)
            and (i.expires_on is None or i.expires_on > TODAY + dt.timedelta(days=30))
            for i in mine
        )
        if complete and healthy and holders[station.id] == 2:
            in_order.append(station.name)
    assert "长安花园驿站" in in_order
    assert len(in_order) < len([s for s in _stations(db) if s.kit_standard_key])


def test_daily_inspection_history_with_missed_days(db: Session) -> None:
    days: dict[int, set[dt.date]] = defaultdict(set)
    for inspection in db.scalars(select(Inspection).where(Inspection.item_id.is_(None))):
        assert NOW_UTC - dt.timedelta(days=31) <= inspection.inspected_at <= NOW_UTC
        assert inspection.inspector_id is not None
        days[inspection.station_id].add(local(inspection.inspected_at).date())
    assert set(days) == {s.id for s in _stations(db)}
    assert all(len(d) >= 20 for d in days.values())
    assert any(len(d) < 31 for d in days.values())
    assert max(len(d) for d in days.values()) >= 30  # every day, this morning's if done


# ---------------------------------------------------------------- map layers


def test_layer_registry(db: Session) -> None:
    layers = {layer.key: layer for layer in db.scalars(select(Layer))}
    wanted = {
        "防汛点",
        "重点区域",
        "重点人群",
        "消防栓",
        "救援路线",
        "失能/半失能人员",
        "未成年人防溺水重点对象",
        "经营性场所",
        "重点场所",
        "避难场所",
        "道路",
    }
    assert wanted <= {layer.name_zh for layer in layers.values()}
    for layer in layers.values():
        assert layer.key.isascii() and layer.name_en
        assert layer.geometry_kind in ("point", "line", "polygon")
        colour = layer.style["color"]
        assert len(colour) == 7 and colour[0] == "#" and int(colour[1:], 16) >= 0
        if layer.sensitive:
            assert not layer.visible_by_default
    sensitive = {layer.name_zh for layer in layers.values() if layer.sensitive}
    assert sensitive == {"重点人群", "失能/半失能人员", "未成年人防溺水重点对象"}
    shelters = next(layer for layer in layers.values() if layer.name_zh == "避难场所")
    assert shelters.symbol_code == "D60100"
    assert layers["roads"].geometry_kind == "line" and not layers["roads"].sensitive


def test_feature_counts_are_realistic(db: Session) -> None:
    counts = Counter(db.scalars(select(Feature.layer_key)))
    assert 150 <= counts["fire_hydrants"] <= 300
    assert counts["flood_points"] >= 8 and counts["rescue_routes"] >= 3
    assert counts["shelters"] >= 3 and counts["key_areas"] >= 4
    for key in (
        "key_people",
        "disabled_persons",
        "drowning_risk_minors",
        "business_premises",
        "key_premises",
        "rivers",
    ):
        assert counts[key] >= 1, key


def test_features_are_valid_and_named_once(db: Session) -> None:
    rows = db.execute(select(Feature, Layer.geometry_kind).join(Layer))
    names: Counter[tuple[str, str]] = Counter()
    for feature, kind in rows:
        shape_ = geom(feature.geometry)
        assert shape_.is_valid and not shape_.is_empty, feature.code
        wanted = {
            "point": {"Point"},
            "line": {"LineString", "MultiLineString"},
            "polygon": {"Polygon", "MultiPolygon"},
        }[kind]
        assert shape_.geom_type in wanted, feature.code
        if feature.layer_key in ("rescue_routes", "flood_points", "shelters", "key_areas"):
            names[(feature.layer_key, feature.name)] += 1
    assert max(names.values()) == 1


def test_every_point_feature_lies_in_its_grid(db: Session) -> None:
    grids = {g.id: geom(g.geometry) for g in units(db, "grid")}
    points = db.execute(select(Feature).join(Layer).where(Layer.geometry_kind == "point")).scalars()
    count = 0
    for feature in points:
        count += 1
        assert feature.grid_id in grids, feature.code
        assert grids[feature.grid_id].contains(geom(feature.geometry)), feature.code
    assert count > 300


def test_sensitive_features_carry_personal_data(db: Session) -> None:
    rows = db.execute(select(Feature).join(Layer).where(Layer.sensitive)).scalars().all()
    by_layer: dict[str, list[Feature]] = defaultdict(list)
    for feature in rows:
        by_layer[feature.layer_key].append(feature)
        assert feature.properties["name"] == feature.name
        assert len(feature.properties["id_number"]) == 18
    for feature in by_layer["disabled_persons"]:
        assert feature.properties["condition"] in ("失能", "半失能")
        assert len(feature.properties["guardian_phone"]) == 11
    for feature in by_layer["drowning_risk_minors"]:
        assert feature.properties["age"] < 18 and feature.properties["guardian"]
    assert all(f.properties["phone"] for f in by_layer["key_people"])


def test_rescue_routes_follow_roads(db: Session) -> None:
    roads = shapely.union_all(
        [geom(f.geometry) for f in db.scalars(select(Feature).where(Feature.layer_key == "roads"))]
    ).buffer(2e-6)
    for route in db.scalars(select(Feature).where(Feature.layer_key == "rescue_routes")):
        line = geom(route.geometry)
        assert line.difference(roads).length <= 0.01 * line.length, route.name


# ---------------------------------------------------------------- shifts


def _shifts(db: Session, kind: str) -> list[DutyShift]:
    return list(
        db.scalars(select(DutyShift).where(DutyShift.kind == kind).order_by(DutyShift.starts_at))
    )


def test_duty_shifts_hand_over_at_8_and_17_and_cover_44_days(db: Session) -> None:
    shifts = _shifts(db, "duty")
    assert {local(s.starts_at).strftime("%H:%M") for s in shifts} == {"08:00", "17:00"}
    for before, after in itertools.pairwise(shifts):
        assert before.ends_at == after.starts_at
    assert local(shifts[0].starts_at).date() <= TODAY - dt.timedelta(days=30)
    assert local(shifts[-1].ends_at).date() >= TODAY + dt.timedelta(days=14)


def test_each_duty_shift_has_a_leader_but_one_planned_gap(db: Session) -> None:
    people = {p.id: p for p in db.scalars(select(Person))}
    gaps = []
    for shift in _shifts(db, "duty"):
        roles = Counter(a.role for a in shift.assignments)
        assert 1 <= roles["officer"] <= 2
        for assignment in shift.assignments:
            expected = {"leader": "duty_leader", "officer": "duty_officer"}[assignment.role]
            assert people[assignment.person_id].role == expected
        if roles["leader"] != 1:
            gaps.append(shift)
    assert len(gaps) == 1
    assert NOW_UTC < gaps[0].starts_at <= NOW_UTC + dt.timedelta(hours=72)


def test_past_shifts_checked_in_with_handover_notes(db: Session) -> None:
    incidents = db.scalars(select(Incident).where(Incident.exercise.is_(False))).all()
    mentioned = 0
    for shift in _shifts(db, "duty"):
        started = shift.starts_at <= NOW_UTC
        assert all((a.checked_in_at is not None) == started for a in shift.assignments)
        if shift.ends_at <= NOW_UTC:
            assert shift.handover_note
            still_open = [
                i
                for i in incidents
                if i.recorded_at < shift.ends_at
                and (i.closed_at is None or i.closed_at > shift.ends_at)
            ]
            for incident in still_open:
                assert incident.title in shift.handover_note
                mentioned += 1
        else:
            assert shift.handover_note is None
    assert mentioned >= 1


TEAM_KINDS = ("professional", "cadre_militia")


def test_team_readiness_days_draw_on_the_95(db: Session) -> None:
    team_kinds = {
        person: kind
        for person, kind in db.execute(
            select(Person.id, Team.kind).join(Team, Person.team_id == Team.id)
        )
    }
    readiness = _shifts(db, "readiness")
    assert len(readiness) == len(_shifts(db, "duty")) // 2
    holders = {c.person_id for c in db.scalars(select(KeyCustodian))}
    for shift in readiness:
        assert local(shift.starts_at).strftime("%H:%M") == "08:00"
        assert shift.ends_at - shift.starts_at == dt.timedelta(hours=24)
        members = [a for a in shift.assignments if a.role == "member"]
        team = [a for a in members if team_kinds.get(a.person_id) in TEAM_KINDS]
        assert len(members) == len(shift.assignments) and 10 <= len(team) <= 24
        assert {a.person_id for a in members} - {a.person_id for a in team} <= holders
    current = next(s for s in readiness if s.starts_at <= NOW_UTC < s.ends_at)
    on_list = {a.person_id for a in current.assignments}
    # Both parties' key holders are on every day's list: dual custody reachable 24 hours.
    parties = {c.holder for c in db.scalars(select(KeyCustodian))}
    assert parties == {"property", "community"} and holders <= on_list


# ---------------------------------------------------------------- incidents


def _live(db: Session) -> list[Incident]:
    return list(db.scalars(select(Incident).where(Incident.exercise.is_(False))))


def _events(db: Session, incident: Incident) -> list[IncidentEvent]:
    return list(
        db.scalars(
            select(IncidentEvent)
            .where(IncidentEvent.incident_id == incident.id)
            .order_by(IncidentEvent.occurred_at, IncidentEvent.id)
        )
    )


def test_a_month_of_incidents_across_the_four_classes(db: Session) -> None:
    incidents = _live(db)
    assert 25 <= len(incidents) <= 45
    assert all(NOW_UTC - dt.timedelta(days=30) <= i.occurred_at <= NOW_UTC for i in incidents)
    assert {i.class_code for i in incidents} == {t.code for t in vocab.INCIDENT_CLASSES}
    assert {"A20600", "A10100", "A20400", "A20100"} <= {i.type_code for i in incidents}
    severities = Counter(i.severity for i in incidents)
    assert severities[2] == 1 and severities[3] >= 2 and severities[1] == 0
    assert severities[4] > len(incidents) / 2
    assert all(i.source and i.place for i in incidents)
    assert any(i.recorded_at > i.occurred_at for i in incidents)


def test_some_incidents_are_open_now_at_various_stages(db: Session) -> None:
    still_open = [i for i in _live(db) if i.status != "closed"]
    assert 3 <= len(still_open) <= 6
    assert len({i.status for i in still_open}) >= 3
    assert all(i.closed_at is None for i in still_open)
    newest = max(still_open, key=lambda i: i.recorded_at)
    assert newest.status == "received"
    assert NOW_UTC - newest.recorded_at <= dt.timedelta(minutes=15)


def test_incident_locations_lie_in_their_grids(db: Session) -> None:
    grids = {g.id: geom(g.geometry) for g in units(db, "grid")}
    for incident in db.scalars(select(Incident)):
        grid = grids[incident.grid_id]  # type: ignore[index]
        assert grid.contains(Point(incident.lon, incident.lat)), incident.code


def test_event_logs_follow_the_lifecycle(db: Session) -> None:
    workers = {g.id: g.grid_worker_id for g in units(db, "grid")}
    for incident in db.scalars(select(Incident)):
        events = _events(db, incident)
        order = [STAGES.index(e.stage) for e in events]
        assert order == sorted(order), incident.code
        assert events[0].stage == "received"
        assert events[-1].stage == incident.status
        reports = [e.report_no for e in events if e.stage == "follow_up"]
        assert reports == list(range(1, len(reports) + 1))
        assert incident.recorded_at >= incident.occurred_at
        assert incident.occurred_at <= events[0].occurred_at
        for event in events:
            assert event.recorded_at >= event.occurred_at and event.occurred_at <= NOW_UTC
            assert event.actor_id is not None and event.note
            if event.stage in ("dispatched", "arrived"):
                assert event.station_id is not None
            if event.stage == "verified":
                assert event.actor_id == workers[incident.grid_id]  # type: ignore[index]
        if incident.status == "closed":
            assert incident.closed_at == events[-1].occurred_at
            assert {e.stage for e in events} >= set(STAGES) - {"follow_up"}


def test_drills_have_targets_and_complete_exercise_logs(db: Session) -> None:
    drills = db.scalars(select(Drill)).all()
    assert len(drills) >= 2
    for drill in drills:
        assert {"verify_min", "dispatch_min", "arrive_min", "close_min"} <= drill.targets.keys()
        assert drill.scenario and drill.starts_at < drill.ends_at < NOW_UTC
        exercises = db.scalars(select(Incident).where(Incident.drill_id == drill.id)).all()
        assert len(exercises) >= 2
        for incident in exercises:
            assert incident.exercise and incident.status == "closed"
            events = _events(db, incident)
            assert [e.stage for e in events if e.stage != "follow_up"] == [
                s for s in STAGES if s != "follow_up"
            ]
            assert all(drill.starts_at <= e.occurred_at <= drill.ends_at for e in events)
        held = db.scalars(select(Training).where(Training.drill_id == drill.id)).one()
        assert held.kind == "drill" and held.held_on == local(drill.starts_at).date()


# ---------------------------------------------------------------- warnings and 六有 evidence


def test_one_warning_in_force_and_some_expired(db: Session) -> None:
    warnings = db.scalars(select(HazardWarning)).all()
    active = [w for w in warnings if w.valid_from <= NOW_UTC < w.valid_to]
    assert len(active) == 1 and (active[0].kind, active[0].level) == ("rainstorm", "yellow")
    assert sum(w.valid_to <= NOW_UTC for w in warnings) >= 2
    assert {w.level for w in warnings} <= {t.code for t in vocab.WARNING_LEVELS}
    assert {w.kind for w in warnings} <= {t.code for t in vocab.WARNING_KINDS}


def _months_later(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + year, month + 1, min(day.day, 28))


def test_liuyou_evidence(db: Session) -> None:
    plans = db.scalars(select(Plan)).all()
    street_kinds = {p.kind for p in plans if p.station_id is None}
    assert {"flood", "geological", "fire", "mass_event"} <= street_kinds
    overdue = [p for p in plans if _months_later(p.approved_on, p.review_months) < TODAY]
    assert len(overdue) == 1
    posts = {s.id for s in _stations(db) if s.kind != "sand_depot"}
    assert posts <= {p.station_id for p in plans}
    rules = db.scalars(select(WorkRule)).all()
    assert any(not r.posted for r in rules) and sum(r.posted for r in rules) > len(rules) / 2
    trainings = db.scalars(select(Training).where(Training.kind == "training")).all()
    assert sum("漏电检测仪" in t.title for t in trainings) >= 4
    assert sum("无人机" in t.title for t in trainings) >= 4
    rotation = [t for t in trainings if t.attendance == 12]
    assert sum(t.hours for t in rotation) == 48


def test_summary_matches_the_rows(demo: tuple[Session, DemoSummary]) -> None:
    db, summary = demo
    assert summary.grids == len(units(db, "grid"))
    assert summary.team_members == 95
    assert summary.incidents == len(db.scalars(select(Incident)).all())
    assert summary.people == len(db.scalars(select(Person)).all())
    assert summary.drills == len(db.scalars(select(Drill)).all())
    assert summary.open_incidents == sum(i.status != "closed" for i in _live(db))
    assert summary.shifts == len(db.scalars(select(DutyShift)).all())
    assert len(db.scalars(select(DutyAssignment)).all()) > summary.shifts


def test_the_demo_drills_agree_with_themselves(db: Session) -> None:
    """Place, title and time: the scenario is where the first incident is, no title
    carries its own exercise mark, nothing happens before the drill starts."""
    from desktop.models.demo.consistency import compound_of, drill_problems

    assert drill_problems(db) == []
    fire = db.scalars(select(Drill).where(Drill.code.like("%-DR-FIRE"))).one()
    first = db.scalars(select(Incident).where(Incident.drill_id == fire.id)
                       .order_by(Incident.occurred_at)).first()
    assert first is not None and first.occurred_at >= fire.starts_at
    communities = db.scalars(select(AdminUnit.name).where(AdminUnit.level == "community"))
    home = compound_of(first.place, list(communities))
    assert home and home in (fire.scenario or "") and home in first.title


def test_the_drill_check_finds_what_the_old_demo_got_wrong(tmp_path) -> None:
    """The three faults the coordinator saw: a scenario at 红光雅居 for an incident at
    阳光新村, an incident before the drill starts, "[演练]（演练）…"."""
    from desktop.models.demo.consistency import drill_problems
    from desktop.models.schema import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'r.db'}")
    Base.metadata.create_all(engine)
    start = dt.datetime(2026, 11, 18, 6, 30, tzinfo=dt.UTC)
    with Session(engine) as session:
        session.add(AdminUnit(id=1, code="1", name="米庄社区", level="community",
                              geometry="{}"))
        session.add(Drill(id=1, code="DR-FIRE", title="高层住宅火灾演练", starts_at=start,
                          ends_at=start + dt.timedelta(hours=1),
                          scenario="模拟红光雅居高层住宅电动车充电起火", targets={}))
        session.add(Incident(code="DR-FIRE-01", title="（演练）阳光新村高层住宅电动车起火",
                             class_code="accident", severity=4, status="closed",
                             place="米庄社区阳光新村20栋3单元", exercise=True, drill_id=1,
                             occurred_at=start - dt.timedelta(minutes=5),
                             recorded_at=start + dt.timedelta(minutes=10)))
        session.commit()
        problems = drill_problems(session)
    assert any("does not name 阳光新村" in p for p in problems)
    assert any("its own exercise mark" in p for p in problems)
    assert any("outside the drill" in p for p in problems)
    assert len(problems) == 3
    engine.dispose()
