"""``python -m benchmarks.bench_map``: the live map at district size.

Targets on this 2-core machine: a district replica with ≥ 20,000 point features
loads to ready in ≤ 1.0 s (map load = page load start to the page's ready
flag); a batch of 5,000 feature updates is applied and painted in ≤ 150 ms;
the update path is ≥ 20× faster than rebuilding and reloading the folium page
for the same change. Both paths are measured in the same run, medians of
``--runs``; the page is 1920×1080, offscreen (``--xvfb``: on an Xvfb screen).
Writes its section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from benchmarks import replicas
from benchmarks.results import write_section

SCALE = 50  # streets: ~25k registry features, ~3k grids
BATCH = 5_000
TIMEOUT_MS = 60_000


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


def _read_situation(path: str) -> Any:
    from sqlalchemy.orm import Session

    from desktop.models import clock
    from desktop.models.queries import situation_now
    from desktop.models.replica import open_reader

    engine = open_reader(path)
    with Session(engine) as session:
        situation = situation_now(session, clock.now())
    engine.dispose()
    return situation


def _moved(situation: Any, count: int, metres: float) -> Any:
    """The situation with ``count`` point features of the biggest point layer moved north."""
    layer = max((layer for layer in situation.layers if layer.geometry_kind == "point"),
                key=lambda layer: len(layer.features))
    shift = metres / 111_000
    features = list(layer.features)
    for index in range(min(count, len(features))):
        f = features[index]
        lon, lat = f.geometry["coordinates"][:2]
        features[index] = dataclasses.replace(
            f, geometry={"type": "Point", "coordinates": [lon, round(lat + shift, 7)]})
    moved = dataclasses.replace(layer, features=tuple(features))
    return dataclasses.replace(situation, layers=tuple(
        moved if candidate is layer else candidate for candidate in situation.layers))


def _one_station_red(situation: Any) -> Any:
    from desktop.models.coverage import compute_coverage
    from desktop.models.situation import Readiness, Reason

    station = next((s for s in situation.stations if s.readiness.level == "green"
                    and s.kind != "sand_depot"), situation.stations[0])
    red = dataclasses.replace(station, readiness=Readiness("red", (
        Reason("custodian", "钥匙保管人未在岗", "No key custodian on duty", "red"),)))
    changed = dataclasses.replace(situation, stations=tuple(
        red if s is station else s for s in situation.stations))
    # The coverage comes with the situation: the live reader computes it again so.
    return dataclasses.replace(changed, coverage=compute_coverage(changed))


def _classic_folium_ms(payload: dict[str, Any]) -> float:
    """Build (not load) the page the way folium is usually used: every point a CircleMarker
    in the HTML. A lower bound of that baseline: loading such a page costs more on top."""
    import folium

    started = time.perf_counter()
    frame = folium.Map(location=[32.08, 112.15], zoom_start=15, tiles=None, prefer_canvas=True)
    for layer in payload["layers"]:
        for f in layer["features"]:
            g = f.get("g") or {}
            if g.get("type") == "Point":
                lon, lat = g["coordinates"][:2]
            elif "lat" in f:
                lon, lat = f["lon"], f["lat"]
            else:
                continue
            folium.CircleMarker([lat, lon], radius=4, tooltip=f.get("tip", {}).get("title")
                                ).add_to(frame)
    frame.get_root().render()
    return (time.perf_counter() - started) * 1000


def _point_features(payload: dict[str, Any]) -> int:
    count = 0
    for layer in payload["layers"]:
        for f in layer["features"]:
            if "lat" in f or (f.get("g") or {}).get("type") == "Point":
                count += 1
    return count


class _Page:
    """One MapPanel at 1920×1080 and the waiting helpers the measurements need."""

    def __init__(self, app: Any) -> None:
        from desktop.views.map.map_panel import MapPanel

        self.app = app
        self.panel = MapPanel()
        self.panel.resize(1920, 1080)
        self.panel.show()
        self._painted: set[str] = set()
        self.panel.painted.connect(self._painted.add)

    def wait(self, done: Callable[[], bool], what: str) -> None:
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.perf_counter() + TIMEOUT_MS / 1000
        while not done():
            if time.perf_counter() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)

    def load(self, built: Any) -> float:
        """Page load start (the panel's load call) to the page's ready flag seen in Python."""
        self.panel.show_built(built)
        self.wait(lambda: self.panel.is_ready, "the map's ready flag")
        assert self.panel.load_ms is not None
        return self.panel.load_ms

    def phases(self) -> dict[str, float]:
        """The page's own clock (ms since its navigation started) at each step of the load."""
        box: list[Any] = []
        self.panel.evaluate_json("DutyMap.state().phases", box.append)
        self.wait(lambda: bool(box), "the page's phases")
        return dict(box[0] or {})

    def apply_and_paint(self, pieces: list[str], token: str) -> float:
        """From the first apply call to the page's report that the next frame was painted."""
        page = self.panel.page
        started = time.perf_counter()
        for piece in pieces:
            page.runJavaScript(f"DutyMap.apply({json.dumps(piece, ensure_ascii=False)})")
        page.runJavaScript(f"DutyMap.notifyPainted({json.dumps(token)})")
        self.wait(lambda: token in self._painted, "the painted notice")
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        self.panel.close()
        self.panel.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _delta_pieces(mp: Any, old: dict[str, Any], new: dict[str, Any]) -> tuple[float, list[str]]:
    from desktop.views.map.map_panel import MAX_FEATURES_PER_CALL

    def make() -> list[str]:
        delta = mp.diff_payload(old, new)
        return [mp.to_json(p) for p in mp.split_delta(delta, MAX_FEATURES_PER_CALL)]

    return _timed(make)


def measure(args: argparse.Namespace) -> str:
    from desktop.app import prepare_environment

    prepare_environment()
    from desktop.views.map import register_url_schemes

    register_url_schemes()
    from PySide6.QtWidgets import QApplication

    from desktop.views.map import map_page
    from desktop.views.map import map_payload as mp

    dutyroom = replicas.dutyroom_command()
    if dutyroom is None:
        raise SystemExit("dutyroom is not installed: run bash setup.sh first")
    path = replicas.demo_replica(args.scale, dutyroom=dutyroom, env=dict(os.environ),
                                 timeout_s=900)
    print(f"reading the district replica ({path.name}) ...", flush=True)
    situation = _read_situation(str(path))
    moved = _moved(situation, BATCH, 25.0)
    station_red = _one_station_red(situation)

    build_ms, json_ms = [], []
    for _ in range(args.runs):
        ms, built = _timed(lambda: mp.build(situation))
        build_ms.append(ms)
        json_ms.append(_timed(lambda b=built: mp.to_json(b.payload))[0])
    built_moved = mp.build(moved)
    built_red = mp.build(station_red)
    points = _point_features(built.payload)
    features = sum(len(layer["features"]) for layer in built.payload["layers"])

    app = QApplication.instance() or QApplication(sys.argv[:1])
    map_page.page_html()  # the cached frame, as the app serves it

    # 1. Load to ready, a fresh page each run.
    load_ms, page_ready_ms, page_called_ms = [], [], []
    for _ in range(args.runs):
        page = _Page(app)
        load_ms.append(page.load(built))
        phases = page.phases()
        page_ready_ms.append(phases.get("ready", float("nan")))
        page_called_ms.append(phases.get("called", float("nan")))
        page.close()

    # 2. Updates on one page: 5,000 moved features, then one station losing readiness
    #    (its badge, and the coverage gap it opens). Each change is applied and undone.
    page = _Page(app)
    page.load(built)
    prep_batch_ms, batch_ms, prep_one_ms, one_ms = [], [], [], []
    counts: dict[str, int] = {}
    for run in range(args.runs):
        for label, other, prep, paint in (("batch", built_moved, prep_batch_ms, batch_ms),
                                          ("one", built_red, prep_one_ms, one_ms)):
            ms, pieces = _delta_pieces(mp, built.payload, other.payload)
            prep.append(ms)
            counts[label] = sum(len(c["put"]) for piece in pieces
                                for c in json.loads(piece).get("features", ()))
            paint.append(page.apply_and_paint(pieces, f"{label}-{run}"))
            _ms, back = _delta_pieces(mp, other.payload, built.payload)
            page.apply_and_paint(back, f"{label}-{run}-back")
    page.close()

    # 3. The baseline: rebuild the folium page and reload it with the changed situation.
    folium_ms, reload_ms = [], []
    for _ in range(args.runs):
        ms, _html = _timed(map_page.build_page_html)
        folium_ms.append(ms)
        page = _Page(app)
        reload_ms.append(page.load(built_moved))
        page.close()

    classic_ms = _classic_folium_ms(built_moved.payload) if args.classic else None
    b, j, ld = _median(build_ms), _median(json_ms), _median(load_ms)
    pb, ab = _median(prep_batch_ms), _median(batch_ms)
    po, ao = _median(prep_one_ms), _median(one_ms)
    fo, rl = _median(folium_ms), _median(reload_ms)
    rebuild_page = fo + rl
    rebuild_all = fo + b + j + rl
    env = "Xvfb" if os.environ.get("QT_QPA_PLATFORM") == "xcb" else "offscreen"
    rows = [
        ("rebuild: folium frame built anew + page reloaded with the changed situation "
         "(baseline)", rebuild_page, "", ""),
        (f"load to ready: page load start → ready flag seen by the panel ({points:,} point "
         f"features, {features:,} in all)", ld, "≤ 1,000 ms", ""),
        ("… of which the page's own clock: navigation start → ready flag set "
         f"(payload handed over at {_median(page_called_ms):,.0f} ms)", _median(page_ready_ms),
         "", ""),
        (f"{counts.get('batch', 0):,} feature updates: apply → painted", ab, "≤ 150 ms",
         f"{rebuild_page / ab:.1f}×"),
        (f"one station loses readiness ({counts.get('one', 0)} features: badge + gaps): "
         "apply → painted", ao, "", f"{rebuild_page / ao:.0f}×"),
    ]
    if classic_ms is not None:
        rows.append(("classic folium page, every point a `CircleMarker`: build only (1 run; "
                     "a lower bound of rebuilding the page the usual folium way)", classic_ms,
                     "", f"this ÷ 5,000 updates {classic_ms / ab:,.0f}×, "
                         f"÷ one station {classic_ms / ao:,.0f}×"))
    table = ("| figure | median | target | rebuild ÷ this |\n|---|---|---|---|\n" + "".join(
        f"| {name} | {ms:,.0f} ms | {target} | {ratio or '1.0×'} |\n"
        for name, ms, target, ratio in rows))
    python = (
        "| Python side (worker thread in the app) | median |\n|---|---|\n"
        f"| build the payload (layers, coverage, checks) | {b:,.0f} ms |\n"
        f"| encode it as JSON | {j:,.0f} ms |\n"
        f"| delta for the 5,000-feature change (diff + JSON, after a build) | {pb:,.0f} ms |\n"
        f"| delta for the one-station change (diff + JSON, after a build) | {po:,.0f} ms |\n"
        f"| folium frame build (part of the baseline) | {fo:,.0f} ms |\n"
    )
    whole = (
        "With the Python side counted on both paths (build + diff + JSON + apply + paint "
        f"against folium + build + JSON + reload): the 5,000-feature change "
        f"{b + pb + ab:,.0f} ms vs {rebuild_all:,.0f} ms "
        f"({rebuild_all / (b + pb + ab):.1f}×), one station {b + po + ao:,.0f} ms vs "
        f"{rebuild_all:,.0f} ms ({rebuild_all / (b + po + ao):.1f}×).")
    return (
        "## Map at district size\n\n"
        f"Written by `python -m benchmarks.bench_map` on {dt.date.today()}, "
        f"{os.cpu_count()} cores, {env}, 1920×1080; medians of {args.runs}. Demo replica of "
        f"{args.scale} streets. The update path pushes the delta (`DutyMap.apply`) and waits "
        "for the page's paint notice (a frame callback after Leaflet's canvas redraw, then a "
        "task after that frame); the baseline rebuilds the folium frame and loads a fresh "
        "page with the changed situation until its ready flag.\n\n"
        + table + "\n" + python + "\n" + whole + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_map",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=int, default=SCALE)
    parser.add_argument("--xvfb", action="store_true", help="run on an Xvfb screen")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--no-classic", dest="classic", action="store_false",
                        help="skip the ~15 s build of the classic folium page")
    args = parser.parse_args(argv)
    if args.xvfb and os.environ.get("QT_QPA_PLATFORM") != "xcb":
        if shutil.which("xvfb-run") is None:
            raise SystemExit("xvfb-run is missing (Debian package xvfb)")
        env = dict(os.environ, QT_QPA_PLATFORM="xcb")
        command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, "-m",
                   "benchmarks.bench_map", *(argv if argv is not None else sys.argv[1:])]
        return subprocess.run(command, env=env, check=False).returncode
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    markdown = measure(args)
    print(markdown)
    if not args.no_write:
        write_section("map", markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
