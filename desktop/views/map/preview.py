"""A synthetic situation for looking at the map panel alone, timing it and testing it.

``python -m desktop.views.map.preview [--wall] [--shot FILE]`` opens the panel
on a made-up street (or saves a picture of it and quits). The street is a
jittered lattice, not the demo scenario: it exists so the map can be seen and
measured before, and independently of, the replica. Names are masked as the
models would mask them. ``--replica PATH`` shows a replica's situation now
instead (e.g. the demo street), ``--tiles`` a base map, ``--follow N`` the N-th
open incident as if it had just arrived.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Sequence
from typing import Any

from desktop.models import clock
from desktop.models.situation import (
    Area,
    Freshness,
    IncidentStatus,
    Level,
    MapFeature,
    MapLayer,
    Readiness,
    Reason,
    Situation,
    StationStatus,
    Street,
)

CHINA = dt.timezone(dt.timedelta(hours=8))
AT = dt.datetime(2025, 7, 12, 14, 30, tzinfo=CHINA)
_ORIGIN = (112.118, 32.046)  # lon, lat: Xiangyang high-tech zone
_SURNAMES = "王李张刘陈杨赵黄周吴"
_COMMUNITY_NAMES = ("长安社区", "七里河社区", "新华社区", "高新社区", "北岸社区", "东津社区",
                    "团山社区", "米庄社区", "刘集社区")

# (key, name_zh, name_en, kind, style, sensitive, visible_by_default, share of features)
SAMPLE_LAYERS: tuple[tuple[str, str, str, str, dict[str, Any], bool, bool, float], ...] = (
    ("hydrant", "消防栓", "Fire hydrants", "point",
     {"color": "#ff5252", "radius": 5, "shape": "circle"}, False, True, 0.40),
    ("flood_point", "防汛点位", "Flood-control points", "point",
     {"color": "#40c4ff", "radius": 7, "shape": "triangle"}, False, True, 0.12),
    ("key_area", "重点区域", "Key areas", "polygon",
     {"color": "#ffab40", "fill_opacity": 0.25, "weight": 2}, False, True, 0.04),
    ("rescue_route", "救援路线", "Rescue routes", "line",
     {"color": "#69f0ae", "weight": 4, "dash": "10,6"}, False, True, 0.02),
    ("key_premises", "重点场所", "Key premises", "point",
     {"color": "#e040fb", "radius": 6, "shape": "square"}, False, True, 0.14),
    ("disabled_people", "失能/半失能人员", "Disabled people", "point",
     {"color": "#ffd740", "radius": 6, "shape": "diamond"}, True, False, 0.18),
    ("minors_drowning", "防溺水重点对象", "Minors at drowning risk", "point",
     {"color": "#18ffff", "radius": 6, "shape": "diamond"}, True, False, 0.10),
)


def sample_situation(
    *, communities: int = 6, grids_per_community: int = 10, features: int = 500,
    stations: int = 10, seed: int = 7,
) -> Situation:
    """A street of ``communities`` × ``grids_per_community`` grids, registry layers
    holding about ``features`` features, stations in every readiness and open incidents."""
    rng = random.Random(seed)
    cols_per, rows = 2, max(1, grids_per_community // 2)
    com_cols = max(1, round(communities**0.5 + 0.5))
    com_rows = -(-communities // com_cols)
    cols, all_rows = com_cols * cols_per, com_rows * rows
    step_lon, step_lat = 0.0050, 0.0042

    def jitter(i: int, last: int, step: float) -> float:
        return rng.uniform(-0.3, 0.3) * step if 0 < i < last else 0.0  # the outline stays straight

    vertex = {
        (c, r): (_ORIGIN[0] + c * step_lon + jitter(c, cols, step_lon),
                 _ORIGIN[1] + r * step_lat + jitter(r, all_rows, step_lat))
        for c in range(cols + 1)
        for r in range(all_rows + 1)
    }
    street_code = "420607001"
    community_areas: list[Area] = []
    grid_areas: list[Area] = []
    for n in range(communities):
        cc, cr = n % com_cols, n // com_cols
        code = f"{street_code}{n + 1:03d}"
        c0, r0 = cc * cols_per, cr * rows
        community_areas.append(Area(
            id=100 + n, code=code, name=_COMMUNITY_NAMES[n % len(_COMMUNITY_NAMES)],
            level="community", parent_code=street_code, households=None, worker=None,
            geometry=_ring_polygon(vertex, c0, r0, c0 + cols_per, r0 + rows),
        ))
        for g in range(cols_per * rows):
            gc, gr = c0 + g % cols_per, r0 + g // cols_per
            grid_areas.append(Area(
                id=1000 + n * 100 + g, code=f"{code}{g + 1:03d}", name=f"第{g + 1}网格",
                level="grid", parent_code=code, households=rng.randint(160, 400),
                worker=f"{rng.choice(_SURNAMES)}*",
                geometry=_ring_polygon(vertex, gc, gr, gc + 1, gr + 1),
            ))
    west, south = _ORIGIN
    east, north = west + cols * step_lon, south + all_rows * step_lat
    street = Street(code=street_code, name="七里河街道", district="襄阳高新区",
                    geometry=_ring_polygon(vertex, 0, 0, cols, all_rows))

    def point() -> tuple[float, float]:
        return (round(rng.uniform(west + 0.001, east - 0.001), 6),
                round(rng.uniform(south + 0.001, north - 0.001), 6))

    layers = []
    feature_id = 1
    for key, zh, en, kind, style, sensitive, visible, share in SAMPLE_LAYERS:
        items = []
        for i in range(max(1, round(features * share))):
            lon, lat = point()
            if kind == "point":
                geometry: dict[str, Any] = {"type": "Point", "coordinates": [lon, lat]}
            elif kind == "line":
                coords = [[lon, lat]]
                for _ in range(4):
                    coords.append([coords[-1][0] + rng.uniform(-0.004, 0.004),
                                   coords[-1][1] + rng.uniform(-0.003, 0.003)])
                geometry = {"type": "LineString", "coordinates": coords}
            else:
                w, h = rng.uniform(0.0008, 0.002), rng.uniform(0.0006, 0.0015)
                geometry = {"type": "Polygon", "coordinates": [[
                    [lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]]]}
            name = f"{rng.choice(_SURNAMES)}*" if sensitive else f"{zh}{i + 1:03d}"
            items.append(MapFeature(id=feature_id, code=f"{key.upper()}-{i + 1:04d}", name=name,
                                    geometry=geometry, properties={}))
            feature_id += 1
        layers.append(MapLayer(key=key, name_zh=zh, name_en=en, geometry_kind=kind, style=style,
                               sensitive=sensitive, symbol_code=None, visible_by_default=visible,
                               features=tuple(items)))

    levels: tuple[Level, ...] = ("green", "green", "amber", "red")
    reasons: dict[str, tuple[Reason, ...]] = {
        "green": (),
        "amber": (Reason("expired", "急救箱 2 件过期", "2 first-aid kits expired", "amber"),),
        "red": (Reason("shortage", "破拆工具组缺失", "Breaching tools missing", "red"),
                Reason("custodian", "钥匙保管人未在岗", "No key custodian on duty", "red")),
    }
    station_rows = []
    for i in range(stations):
        kind = "micro_fire_station" if i % 5 == 4 else "service_station"
        level = levels[i % len(levels)]
        lon, lat = point()
        station_rows.append(StationStatus(
            id=i + 1, code=f"ST-{i + 1:02d}",
            name="长安花园驿站" if i == 0 else f"应急服务站{i + 1}", kind=kind,
            lon=lon, lat=lat, service_radius_m=500.0, response_minutes=3.0,
            community=community_areas[i % communities].name,
            readiness=Readiness(level, reasons[level]),
            kinds_required=8, kinds_complete=8 if level == "green" else 6,
        ))
    station_rows.append(StationStatus(
        id=stations + 1, code="SD-01", name="沙场联合共建点", kind="sand_depot",
        lon=east + 0.004, lat=south + 0.006, service_radius_m=3000.0, response_minutes=20.0,
        community=None, readiness=Readiness("green"), kinds_required=0, kinds_complete=0,
    ))

    incidents = []
    for i, (severity, minutes_ago, exercise, title) in enumerate((
        (2, 4, False, "小区地下车库进水"),
        (3, 35, False, "电动车充电起火"),
        (4, 90, False, "树木倒伏阻塞道路"),
        (1, 8, True, "燃气泄漏疏散演练"),
        (4, 20, False, "儿童被困屋内"),
    )):
        lon, lat = point()
        recorded = AT - dt.timedelta(minutes=minutes_ago)
        incidents.append(IncidentStatus(
            id=i + 1, code=f"EV-{i + 1:03d}", title=title, class_code="accident", type_code=None,
            severity=severity, status="handling" if i % 2 else "dispatched",
            place=f"{lon:.4f},{lat:.4f}", lon=lon, lat=lat, grid_code=None, exercise=exercise,
            occurred_at=recorded - dt.timedelta(minutes=3), recorded_at=recorded,
            last_event_at=recorded,
        ))
    return Situation(
        at=AT, street=street, communities=tuple(community_areas), grids=tuple(grid_areas),
        layers=tuple(layers), stations=tuple(station_rows), duty_now=None, duty_next=None,
        readiness_today=None, incidents=tuple(incidents), warnings=(),
        freshness=Freshness(newest_heartbeat=AT, last_change_seq=1, read_at=AT),
    )


def _replica_situation(location: str) -> Situation:
    from desktop.models.queries import situation_now
    from desktop.models.replica import reading

    with reading(location) as session:
        return situation_now(session, clock.now())


def _ring_polygon(vertex: dict[tuple[int, int], tuple[float, float]], c0: int, r0: int,
                  c1: int, r1: int) -> dict[str, Any]:
    """The outline of the block of lattice cells [c0, c1) × [r0, r1), sharing vertices."""
    ring = [vertex[(c, r0)] for c in range(c0, c1 + 1)]
    ring += [vertex[(c1, r)] for r in range(r0 + 1, r1 + 1)]
    ring += [vertex[(c, r1)] for c in range(c1 - 1, c0 - 1, -1)]
    ring += [vertex[(c0, r)] for r in range(r1 - 1, r0 - 1, -1)]
    return {"type": "Polygon", "coordinates": [[[round(x, 7), round(y, 7)] for x, y in ring]]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wall", action="store_true", help="wall-screen sizes")
    parser.add_argument("--shot", metavar="FILE", help="save a picture once ready, then quit")
    parser.add_argument("--size", default="1920x1080", help="window size, WxH")
    parser.add_argument("--replica", help="draw this replica's situation now")
    parser.add_argument("--tiles", default="none", help="tile_source setting")
    parser.add_argument("--datum", default="", help="tile_datum setting")
    parser.add_argument("--attribution", default="", help="tile_attribution setting")
    parser.add_argument("--follow", type=int, metavar="N", help="follow the N-th incident")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)
    from desktop.models.tiles import parse_tile_source

    tiles = parse_tile_source(args.tiles, args.datum, args.attribution)
    situation = _replica_situation(args.replica) if args.replica else sample_situation()

    from desktop.views.map.scheme import register_url_schemes

    register_url_schemes()
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.views.map.map_panel import MapPanel

    app = QApplication(sys.argv[:1])
    panel = MapPanel(wall=args.wall, tiles=tiles, language=args.lang, follow_incidents=False)
    width, height = (int(v) for v in args.size.split("x"))
    panel.resize(width, height)
    panel.show()

    def on_ready() -> None:
        print(f"map ready in {panel.load_ms:.0f} ms", file=sys.stderr)
        if args.follow is not None and situation.incidents:
            panel.follow_incident(str(situation.incidents[args.follow].id))
        if args.shot:
            # One more frame so the pulse ring and labels are on the picture.
            QTimer.singleShot(800, lambda: (panel.grab().save(args.shot), app.quit()))

    panel.ready.connect(on_ready)
    panel.show_situation(situation)
    code = app.exec()
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
