"""The one clock: Beijing days at the awkward moments, "as of" a day, and injection."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import clock

UTC = dt.UTC


@pytest.mark.parametrize(("moment", "day"), [
    (dt.datetime(2027, 2, 28, 22, 30, tzinfo=UTC), dt.date(2027, 3, 1)),    # 06:30 on the 1st
    (dt.datetime(2026, 12, 31, 16, 30, tzinfo=UTC), dt.date(2027, 1, 1)),   # 00:30 on 1 January
    (dt.datetime(2028, 2, 28, 16, 0, tzinfo=UTC), dt.date(2028, 2, 29)),    # a leap day begins
    (dt.datetime(2028, 2, 29, 15, 59, 59, tzinfo=UTC), dt.date(2028, 2, 29)),
    (dt.datetime(2028, 2, 29, 16, 0, tzinfo=UTC), dt.date(2028, 3, 1)),
])
def test_days_are_beijing_days(moment, day):
    assert clock.beijing_day(moment) == day
    with clock.using(lambda: moment):
        assert clock.today() == day


def test_day_bounds_are_24_hours_from_beijing_midnight():
    start, end = clock.day_bounds(dt.date(2027, 1, 1))
    assert start == dt.datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
    assert end - start == dt.timedelta(hours=24)


def test_as_of_a_past_day_is_its_last_moment_and_today_is_now():
    now = dt.datetime(2027, 2, 28, 22, 30, tzinfo=UTC)  # 06:30 Beijing, 1 March
    last = clock.as_of(dt.date(2027, 2, 28), now)
    assert clock.beijing_day(last) == dt.date(2027, 2, 28)
    assert last + dt.timedelta(microseconds=1) == clock.day_bounds(dt.date(2027, 3, 1))[0]
    assert clock.as_of(dt.date(2027, 3, 1), now) == now
    with pytest.raises(ValueError, match="2027-03-02 has not begun yet"):
        clock.as_of(dt.date(2027, 3, 2), now)


def test_as_of_reads_the_process_clock_when_not_given_a_moment():
    now = dt.datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    with clock.using(lambda: now):
        assert clock.as_of(dt.date(2027, 1, 1)) == now
        with pytest.raises(ValueError):
            clock.as_of(dt.date(2027, 1, 2))


@pytest.mark.parametrize("text", ["2028-02-29", "20280229", "2028/02/29", " 2028-02-29 "])
def test_days_from_the_command_line(text):
    assert clock.parse_day(text) == dt.date(2028, 2, 29)


@pytest.mark.parametrize("text", ["2027-02-29", "yesterday", "", "2027-13-01"])
def test_bad_days_are_refused_in_words(text):
    with pytest.raises(ValueError, match="not a date"):
        clock.parse_day(text)


def test_the_installed_clock_is_used_and_restored():
    fixed = dt.datetime(2030, 5, 1, tzinfo=UTC)
    before = clock.now()
    with clock.using(lambda: fixed):
        assert clock.now() == fixed
    after = clock.now()
    assert after != fixed and after >= before


def test_no_other_now_in_the_product():
    """Every "now" comes from the one clock: a second one is a test that rots."""
    import re
    from pathlib import Path

    root = Path(clock.__file__).resolve().parents[1]
    pattern = re.compile(r"datetime\.now\(|date\.today\(|\.utcnow\(|currentDateTime\(|"
                         r"currentDate\(|currentMSecsSinceEpoch\(")
    found = [f"{path.relative_to(root.parent)}:{number}"
             for path in root.rglob("*.py") if path != Path(clock.__file__).resolve()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert found == []
