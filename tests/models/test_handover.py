from sqlalchemy.orm import Session

from desktop.models.handover import compile_handover
from desktop.models.queries import situation_now
from desktop.models.replica import open_reader


def test_handover_package_carries_what_the_wall_shows(demo_template, fixed_now):
    engine = open_reader(demo_template)
    with Session(engine) as session:
        situation = situation_now(session, fixed_now)
    engine.dispose()
    package = compile_handover(situation)
    assert package.street == "七里河街道"
    assert {i.id for i in package.open_incidents} == {i.id for i in situation.incidents}
    assert [s.readiness.level for s in package.stations_not_ready] == sorted(
        (s.readiness.level for s in package.stations_not_ready), key=["red", "amber"].index)
    assert all(s.readiness.level != "green" for s in package.stations_not_ready)
    assert [g.code for g in package.staffing_gaps] == ["no_leader"]
    assert package.warnings == situation.warnings and package.warnings
    assert package.outgoing == situation.duty_now and package.incoming == situation.duty_next
    assert not package.nothing_to_hand_over
