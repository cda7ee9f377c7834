"""A station's figures as typed values (the documented schema of station.properties), and
the team's composition in the handover package."""

import pytest
from sqlalchemy.orm import Session

from desktop.models.station_profile import StationProfile, station_profile


def test_coverage_and_depot_figures_are_typed():
    pilot = station_profile({"covers_compounds": 9, "covers_self_built_areas": 3,
                             "covers_shops": 47, "upgraded_from": "红色驿站"})
    assert (pilot.covers_compounds, pilot.covers_self_built_areas, pilot.covers_shops) == (
        9, 3, 47)
    assert pilot.has_coverage and not pilot.has_depot
    depot = station_profile({"sand_trucks": 4, "reserve_tonnes": 700, "partner": "某公司"})
    assert (depot.sand_trucks, depot.reserve_tonnes, depot.partner) == (4, 700.0, "某公司")
    assert depot.has_depot and not depot.has_coverage


@pytest.mark.parametrize("bad", [{"covers_shops": "47"}, {"sand_trucks": 2.5},
                                 {"reserve_tonnes": -1}, {"covers_compounds": True}])
def test_a_wrongly_typed_value_is_dropped_and_named(bad):
    profile = station_profile(bad)
    assert profile == StationProfile(problems=profile.problems) and len(profile.problems) == 1


def test_the_demo_stations_carry_their_figures(demo_template):
    from desktop.models.replica import open_reader
    from desktop.models.stations import station_detail

    engine = open_reader(demo_template)
    with Session(engine) as session:
        pilot, depot = station_detail(session, 1), station_detail(session, 8)
    engine.dispose()
    assert (pilot.profile.covers_compounds, pilot.profile.covers_shops) == (9, 47)
    assert (depot.profile.sand_trucks, depot.profile.reserve_tonnes) == (4, 700.0)


def test_the_handover_package_carries_the_team_composition(demo_template, fixed_now):
    from desktop.models.handover import compile_handover
    from desktop.models.queries import situation_now
    from desktop.models.replica import open_reader
    from desktop.models.workstation.handovers import package_snapshot, summary_sections

    engine = open_reader(demo_template)
    with Session(engine) as session:
        package = compile_handover(situation_now(session, fixed_now))
    engine.dispose()
    shifts = dict(summary_sections(package_snapshot(package)))["shifts"]
    assert "应急队伍 95 人：专业救援 35，社区干部和基干民兵 60；党员 38 人（40%）" in shifts

