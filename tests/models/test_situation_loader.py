"""SituationLoader: a later read re-reads only the parts a change touched, and the result
is what a whole read gives."""

import datetime as dt
import re

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from desktop.models.queries import PARTS, SituationLoader, situation_now
from desktop.models.replica import open_reader, open_writer
from desktop.models.schema import TRACKED_TABLES

# What every part shares: the change feed's own tables, read for freshness.
FEED_TABLES = {"change_log", "heartbeat"}


def _write(replica, sql: str, **params) -> None:
    engine = open_writer(str(replica))
    with engine.begin() as connection:
        connection.execute(text(sql), params)
    engine.dispose()


def _full(replica, now) -> object:
    engine = open_reader(str(replica))
    with Session(engine) as session:
        result = situation_now(session, now)
    engine.dispose()
    return result


def test_each_part_declares_every_table_it_reads(demo_replica, fixed_now):
    """The declared ``reads`` are what the part's SQL really reads: a table missing from them
    would leave that part stale after a change to it."""
    engine = open_reader(str(demo_replica))
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _k, statement, *_rest: seen.append(statement))
    loader = SituationLoader()
    with Session(engine) as session:
        loader.load(session, fixed_now)
        for name, part in PARTS.items():
            seen.clear()
            loader.read_part(session, name, fixed_now)
            tables = {m for s in seen for m in re.findall(r"(?:FROM|JOIN)\s+(\w+)", s)}
            assert bool(tables) == bool(part.reads), name  # a derived-only part reads nothing
            assert tables - FEED_TABLES <= part.reads, (name, tables - part.reads)
    engine.dispose()


def test_every_table_the_situation_reads_is_tracked():
    """A part reading a table the change feed does not track would never be re-read."""
    for name, part in PARTS.items():
        assert part.reads <= set(TRACKED_TABLES), (name, part.reads - set(TRACKED_TABLES))


@pytest.mark.parametrize(("sql", "touched", "reread", "kept"), [
    ("UPDATE incident SET severity = 1 WHERE id = (SELECT min(id) FROM incident "
     "WHERE status != 'closed')", {"incident"}, ["incidents"],
     ["street", "grids", "communities", "layers", "stations", "duty_now", "roster", "warnings"]),
    ("UPDATE equipment_item SET status = 'dispatched' WHERE id = (SELECT min(id) "
     "FROM equipment_item)", {"equipment_item"}, ["stations"],
     ["grids", "layers", "incidents", "duty_now", "roster"]),
    ("DELETE FROM duty_assignment WHERE shift_id = (SELECT id FROM duty_shift "
     "WHERE kind = 'duty' AND starts_at <= :now AND ends_at > :now)", {"duty_assignment"},
     ["duty_now", "roster"], ["grids", "layers", "incidents", "warnings"]),
    ("UPDATE feature SET name = 'renamed' WHERE id = (SELECT min(id) FROM feature)",
     {"feature"}, ["layers"], ["grids", "stations", "incidents", "duty_now", "roster"]),
    ("UPDATE admin_unit SET name = 'renamed' WHERE level = 'grid' AND id = (SELECT min(id) "
     "FROM admin_unit WHERE level = 'grid')", {"admin_unit"},
     ["grids"], ["layers", "duty_now", "roster", "warnings"]),
    # Stations read no admin_unit rows but show their community's name (from the areas).
    ("UPDATE admin_unit SET name = '新名社区' WHERE id = (SELECT community_id FROM station "
     "WHERE community_id IS NOT NULL ORDER BY id LIMIT 1)", {"admin_unit"},
     ["communities", "stations"], ["layers", "duty_now", "roster", "warnings", "incidents"]),
    ("UPDATE duty_assignment SET role = role", {"duty_assignment"}, [],  # a no-op write
     ["street", "grids", "layers", "stations", "incidents", "duty_now", "roster", "warnings"]),
    ("UPDATE plan SET title = title || ' (rev)'", {"plan"}, [],
     ["street", "grids", "layers", "stations", "incidents", "duty_now", "roster", "warnings"]),
])
def test_a_change_rereads_its_parts_and_keeps_the_rest(demo_replica, fixed_now, sql, touched,
                                                       reread, kept):
    engine = open_reader(str(demo_replica))
    loader = SituationLoader()
    with Session(engine) as session:
        before = loader.load(session, fixed_now)
    _write(demo_replica, sql, now=fixed_now.replace(tzinfo=None).isoformat(sep=" "))
    with Session(engine) as session:
        after = loader.load(session, fixed_now, touched=touched, clock=False)
    engine.dispose()
    assert after == _full(demo_replica, fixed_now), "the incremental read differs from a whole one"
    assert after.unchanged(before, *kept)
    for name in reread:
        assert not after.unchanged(before, name), name
    if reread:
        assert after != before, "the change should show"


def test_the_clock_rereads_the_time_dependent_parts_only(demo_replica, fixed_now):
    engine = open_reader(str(demo_replica))
    loader = SituationLoader()
    later = fixed_now + dt.timedelta(hours=13)  # the duty shift has changed by then
    with Session(engine) as session:
        before = loader.load(session, fixed_now)
        after = loader.load(session, later, touched=set(), clock=True)
    engine.dispose()
    assert after.duty_now != before.duty_now
    assert after == _full(demo_replica, later)
    assert after.unchanged(before, "street", "grids", "communities", "layers", "incidents")


def test_nothing_touched_and_no_clock_reuses_everything(demo_replica, fixed_now):
    engine = open_reader(str(demo_replica))
    loader = SituationLoader()
    with Session(engine) as session:
        before = loader.load(session, fixed_now)
        after = loader.load(session, fixed_now, touched=set(), clock=False)
    engine.dispose()
    fields = [f for f in before.__dataclass_fields__ if f not in ("freshness", "at")]
    assert after.unchanged(before, *fields)
    assert not after.unchanged(None, "street")


def test_the_reader_says_when_the_clock_changes_the_situation_next(demo_replica, fixed_now):
    """A shift or a warning beginning or ending, or the live facts' window running out: the
    live feed derives the time-dependent parts again then, not up to a minute later."""
    from desktop.models.live import ReplicaReader
    from desktop.models.queries import LIVE_WINDOW
    from desktop.models.schema import DutyShift, HazardWarning

    engine = open_reader(str(demo_replica))
    with Session(engine) as session:
        moments = [m for row in session.query(DutyShift.starts_at, DutyShift.ends_at)
                   for m in row] + [m for row in session.query(HazardWarning.valid_from,
                                                               HazardWarning.valid_to)
                                    for m in row]
    engine.dispose()
    expected = min([m for m in moments if m > fixed_now] + [fixed_now + LIVE_WINDOW])
    reader = ReplicaReader(str(demo_replica))
    first = reader.refresh(fixed_now)
    assert first.clock_due == expected
    assert reader.refresh(fixed_now).update is None  # nothing written, not due yet
    at_boundary = reader.refresh(expected, reload=True)
    assert at_boundary.update is not None and at_boundary.update.changes.clock
    assert at_boundary.update.situation == _full(demo_replica, expected)
    assert at_boundary.clock_due is not None and at_boundary.clock_due > expected
    reader.close()


def _changed_rows(engine, after_seq: int) -> dict[str, frozenset[str]]:
    """What the change log lists after ``after_seq``: table -> ids (as the live reader
    hands them to the loader)."""
    rows: dict[str, set[str]] = {}
    with engine.connect() as connection:
        for entity, entity_id in connection.execute(
                text("SELECT entity, entity_id FROM change_log WHERE seq > :s"), {"s": after_seq}):
            rows.setdefault(entity, set()).add(entity_id)
    return {entity: frozenset(ids) for entity, ids in rows.items()}


def _last_seq(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT coalesce(max(seq), 0) FROM change_log")).scalar()


def _station_codes_read(engine, loader, session, now, touched):
    """The parameters of each select of station rows the loader made (one id each)."""
    seen: list[str] = []

    def listen(_c, _k, statement, parameters, *_rest):
        if re.search(r"FROM station\b", statement):
            seen.append(tuple(parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        return loader.load(session, now, touched=touched, clock=False), seen
    finally:
        event.remove(engine, "before_cursor_execute", listen)


@pytest.mark.parametrize(("sql", "stations", "shows"), [
    # A kit change at one station re-reads that station only.
    ("UPDATE equipment_item SET status = 'faulty' WHERE id = :item", 1, True),
    # An item moved to another station: both are read again.
    ("UPDATE equipment_item SET station_id = :other WHERE id = :item", 2, True),
    # An item removed: its former station is read again.
    ("DELETE FROM equipment_item WHERE id = :item", 1, True),
    # A new inspection of the item (its readiness does not change): its station.
    ("INSERT INTO inspection (station_id, item_id, inspected_at, result) "
     "SELECT station_id, id, :now, 'ok' FROM equipment_item WHERE id = :item", 1, False),
])
def test_a_kit_change_rereads_only_its_stations_and_equals_a_whole_read(
        demo_replica, fixed_now, sql, stations, shows):
    engine = open_reader(str(demo_replica))
    loader = SituationLoader()
    with engine.connect() as connection:
        item, station = connection.execute(text(  # one no other row refers to
            "SELECT id, station_id FROM equipment_item WHERE id NOT IN (SELECT item_id FROM "
            "equipment_loan) AND id NOT IN (SELECT item_id FROM inspection WHERE item_id IS "
            "NOT NULL) ORDER BY id LIMIT 1")).one()
        other = connection.execute(text("SELECT min(id) FROM station WHERE id != :s"),
                                   {"s": station}).scalar()
    with Session(engine) as session:
        before = loader.load(session, fixed_now)
    seq = _last_seq(engine)
    _write(demo_replica, sql, item=item, other=other,
           now=fixed_now.replace(tzinfo=None).isoformat(sep=" "))
    with Session(engine) as session:
        after, read = _station_codes_read(engine, loader, session, fixed_now,
                                          _changed_rows(engine, seq))
    engine.dispose()
    assert after == _full(demo_replica, fixed_now), "the station-by-station read differs"
    assert (after.stations != before.stations) == shows
    assert len(read) == 1 and len(read[0]) == stations  # one select of just those stations
    unchanged = [s for s in after.stations if s.id not in (station, other)]
    by_id = {s.id: s for s in before.stations}
    assert all(s is by_id[s.id] or s == by_id[s.id] for s in unchanged)


def test_a_loan_row_gone_reads_every_station_again(demo_replica, fixed_now):
    """A deleted loan names no item any more: the loader cannot tell whose kit it was."""
    engine = open_reader(str(demo_replica))
    loader = SituationLoader()
    with Session(engine) as session:
        loader.load(session, fixed_now)
    seq = _last_seq(engine)
    _write(demo_replica, "DELETE FROM equipment_loan WHERE id = (SELECT min(id) "
           "FROM equipment_loan)")
    touched = _changed_rows(engine, seq)
    assert set(touched) == {"equipment_loan"}
    with Session(engine) as session:
        after, read = _station_codes_read(engine, loader, session, fixed_now, touched)
    engine.dispose()
    assert after == _full(demo_replica, fixed_now)
    assert read == [()]  # every station
