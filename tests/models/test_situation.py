"""situation_now on the demo replica: what every panel draws, masked."""

import re

import pytest
from sqlalchemy.orm import Session

from desktop.models.queries import situation_now
from desktop.models.replica import open_reader


@pytest.fixture(scope="module")
def situation(demo_template, fixed_now):
    engine = open_reader(demo_template)
    with Session(engine) as session:
        result = situation_now(session, fixed_now)
    engine.dispose()
    return result


def test_street_grids_and_layers(situation):
    assert situation.street.name == "七里河街道"
    assert len(situation.grids) > 40 and len(situation.communities) >= 6
    assert all(g.label_at is not None for g in situation.grids)
    keys = {layer.key for layer in situation.layers}
    assert {"fire_hydrants", "flood_points", "rescue_routes"} <= keys
    assert situation.problems == ()


def test_open_incidents_newest_first_and_kpis(situation):
    times = [i.recorded_at for i in situation.incidents]
    assert times == sorted(times, reverse=True)
    assert all(i.status != "closed" for i in situation.incidents)
    assert situation.kpis.open_incidents == len(situation.incidents) > 0


def test_readiness_has_words_for_every_station_not_ready(situation):
    levels = {s.name: s.readiness.level for s in situation.stations}
    assert levels["长安花园驿站"] == "green"
    not_ready = [s for s in situation.stations if s.readiness.level != "green"]
    assert not_ready and all(s.readiness.reasons for s in not_ready)


def test_people_are_masked_everywhere(situation):
    shift = situation.duty_now
    assert shift is not None and shift.leader is not None
    for person in shift.people:
        assert "*" in person.name
        assert person.phone is None or re.fullmatch(r"1\d\d\*{4}\d{4}", person.phone)
    sensitive = [layer for layer in situation.layers if layer.sensitive]
    assert sensitive
    for layer in sensitive:
        for feature in layer.features:
            assert "*" in feature.name
            for value in feature.properties.values():
                assert not re.search(r"\d{11}", str(value)), value
                assert not re.search(r"\d{17}[\dX]", str(value)), value


def test_roster_overview_matches_the_demo_story(situation):
    roster = situation.roster
    assert roster is not None
    composition = roster.composition
    assert (composition.members, composition.professional) == (95, 35)
    assert composition.cadres + composition.militia == 60
    assert composition.party_members * 3 > composition.members
    assert [g.code for g in roster.gaps] == ["no_leader"]
    assert all(cover.have >= 0 for cover in roster.skills_today)
