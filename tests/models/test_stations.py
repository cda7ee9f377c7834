"""Station queries on the demo replica, including rows a real ledger gets wrong."""

import datetime as dt
import sqlite3

from sqlalchemy.orm import Session

from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.models.stations import station_detail


def _situation(path, now):
    engine = open_reader(path)
    with Session(engine) as session:
        result = situation_now(session, now)
    engine.dispose()
    return result


def test_inconsistent_equipment_rows_are_flagged_not_fatal(demo_replica, fixed_now):
    connection = sqlite3.connect(demo_replica)  # as a sync from upstream could write them
    codes = [row[0] for row in connection.execute(
        "SELECT code FROM equipment_item ORDER BY id LIMIT 3")]
    future = (fixed_now + dt.timedelta(days=3)).replace(tzinfo=None).isoformat(" ")
    connection.execute("UPDATE equipment_item SET quantity = -4 WHERE code = ?", (codes[0],))
    connection.execute("UPDATE equipment_item SET last_inspected_at = ? WHERE code = ?",
                       (future, codes[1]))
    connection.execute("UPDATE equipment_item SET kind_id = 9999 WHERE code = ?", (codes[2],))
    connection.commit()
    connection.close()
    problems = {(p.entity_id, p.problem.split(" ")[0]) for p in
                _situation(demo_replica, fixed_now).problems}
    assert (codes[0], "negative") in problems
    assert (codes[1], "inspection") in problems
    assert (codes[2], "unknown") in problems


def test_station_detail_lists_its_equipment_and_masked_inspectors(demo_replica, fixed_now):
    situation = _situation(demo_replica, fixed_now)
    station = next(s for s in situation.stations if s.name == "长安花园驿站")
    engine = open_reader(demo_replica)
    with Session(engine) as session:
        detail = station_detail(session, station.id)
    engine.dispose()
    assert detail.name == "长安花园驿站"
    assert {row.kind for row in detail.equipment} >= {"灭火器", "急救箱", "手持对讲机"}
    assert detail.inspections
    times = [row.inspected_at for row in detail.inspections]
    assert times == sorted(times, reverse=True)
    assert all("*" in row.inspector for row in detail.inspections if row.inspector)


def test_refreshing_one_station_gives_what_the_full_refresh_gives(demo_replica, fixed_now):
    from desktop.models.fact_reading import station_statuses
    from desktop.models.quality import QualityCollector
    from desktop.models.readiness import ReadinessRules

    engine = open_reader(demo_replica)
    with Session(engine) as session:
        everything = station_statuses(session, {}, {1, 2, 3}, fixed_now, ReadinessRules(),
                                      QualityCollector())
        one = station_statuses(session, {}, {1, 2, 3}, fixed_now, ReadinessRules(),
                               QualityCollector(), station_ids=[everything[3].id])
    engine.dispose()
    assert one == (everything[3],)
