"""值班日报 content: one Beijing day of incidents, warnings, shifts, readiness and the duty log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from desktop.models.clock import day_bounds
from desktop.models.daily_report import ReportIncident, assemble, load_daily_report
from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.models.workstation.duty_log import LogEntry, LogLink

DAY = dt.date(2026, 11, 23)  # the demo's "today" (built at 10:00 Beijing time)
QUIET_DAY = dt.date(2026, 11, 6)  # the demo has no incident and no warning that day


@pytest.fixture(scope="module")
def situation(demo_template, fixed_now):
    engine = open_reader(demo_template)
    with Session(engine) as session:
        result = situation_now(session, fixed_now)
    engine.dispose()
    return result


def entry(number, minutes, text, corrects=None, corrected_by=None):
    at = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
    return LogEntry(number, at, at, "王值班", "call_received", text, LogLink(), corrects,
                    corrected_by)


def test_day_bounds_are_beijing_midnights():
    start, end = day_bounds(DAY)
    assert start == dt.datetime(2026, 11, 22, 16, 0, tzinfo=dt.UTC)
    assert end - start == dt.timedelta(days=1)


def test_report_of_a_busy_day_from_the_demo(demo_template, situation, fixed_now):
    log = (entry(1, 0, "3栋报火情", corrected_by=3), entry(2, 5, "5栋报火情"),
           entry(3, 2, "5栋报火情（更正）", corrects=1), entry(4, 30, "巡查完毕"))
    report = load_daily_report(demo_template, DAY, situation=situation, log=log,
                               compiled_at=fixed_now, compiled_by="王值班")
    assert report.street == "七里河街道" and report.compiled_by == "王值班"
    assert sorted(i.code for i in report.incidents) == [
        f"420606010-20261123-0{n}" for n in range(1, 6)]  # received 22 Nov 23:03 UTC = 23 Nov
    assert report.incidents_by_status()["handling"] == 1 and not report.zero_report
    assert [(w.kind, w.level) for w in report.warnings] == [("rainstorm", "yellow")]
    assert report.shifts and all(s.leader is None or "*" in s.leader for s in report.shifts)
    assert all("*" in name for s in report.shifts for name in s.officers)
    not_ready = [s for s in situation.stations if s.readiness.level != "green"]
    assert len(report.stations_not_ready) == len(not_ready) > 0
    assert report.stations_not_ready[0].level == "red" or not any(
        s.readiness.level == "red" for s in not_ready)
    assert [g.zh for g in report.gaps] == ["缺带班领导"]
    assert [e.text for e in report.log] == ["5栋报火情（更正）", "5栋报火情", "巡查完毕"]


def test_a_quiet_day_is_a_zero_report(demo_template, situation, fixed_now):
    report = load_daily_report(demo_template, QUIET_DAY, situation=None, log=(),
                               compiled_at=fixed_now, compiled_by="王值班")
    assert report.zero_report
    assert report.incidents == () and report.warnings == () and report.log == ()
    assert report.stations_not_ready == () and report.gaps == ()  # no situation given
    assert not report.readiness_known


def test_only_exercises_still_make_a_zero_report(fixed_now):
    drill = ReportIncident("DR-1", "（演练）漫堤险情", 4, "closed", "七里河", fixed_now, True)
    report = assemble(DAY, situation=None, shifts=(), incidents=(drill,), warnings=(), log=(),
                      compiled_at=fixed_now, compiled_by="王值班", street="七里河街道")
    assert report.zero_report and report.incidents == (drill,)


def test_open_incidents_come_first_with_stage_and_deadline(demo_template, fixed_now):
    report = load_daily_report(demo_template, DAY, situation=None, log=(),
                               compiled_at=fixed_now, compiled_by="王值班")
    opened = [i.open for i in report.incidents]
    assert opened == sorted(opened, reverse=True) and any(opened)  # open ones first
    first = report.incidents[0]
    assert first.open and first.status == "received"
    assert first.deadline_stage == "first_report"
    assert first.deadline_at == first.received_at + dt.timedelta(hours=6)  # 一般 IV: 6 h
    assert all(i.deadline_at is None for i in report.incidents if not i.open)


def test_an_incident_still_open_next_day_is_carried_over(demo_template, fixed_now):
    next_day = DAY + dt.timedelta(days=1)
    today = load_daily_report(demo_template, DAY, situation=None, log=(),
                              compiled_at=fixed_now, compiled_by="王值班")
    after = load_daily_report(demo_template, next_day, situation=None, log=(),
                              compiled_at=fixed_now + dt.timedelta(days=1),
                              compiled_by="王值班")
    still_open = {i.code for i in today.incidents if i.open}
    assert still_open and still_open <= {i.code for i in after.incidents if i.carried_over}
    assert after.zero_report  # nothing new received: carried-over ones are not new
