"""The playback clock, driven by plain numbers as the view's timer drives it."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.replay import SPEEDS, Bookmark, ReplayClock

T0 = dt.datetime(2026, 11, 18, 6, 30, tzinfo=dt.UTC)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def test_plays_at_speed_and_stops_at_the_end():
    clock = ReplayClock(at(0), at(60))
    clock.advance(10)
    assert clock.position == at(0)  # paused: wall time does not move it
    clock.play()
    clock.set_speed(60)
    clock.advance(0.5)  # half a wall second at 60× is half a minute
    assert clock.position == at(0.5)
    clock.advance(3600)
    assert clock.position == at(60) and not clock.playing and clock.at_end
    clock.play()  # from the start again
    assert clock.position == at(0) and clock.playing
    assert clock.state.fraction == 0.0


def test_speeds_are_1_to_60():
    clock = ReplayClock(at(0), at(60))
    assert SPEEDS[0] == 1 and SPEEDS[-1] == 60
    for bad in (0, 0.5, 61):
        with pytest.raises(ValueError):
            clock.set_speed(bad)
    clock.set_speed(30)
    assert clock.state.speed == 30


def test_step_goes_from_arrival_to_arrival_and_pauses():
    clock = ReplayClock(at(0), at(60), marks=[at(5), at(5), at(12), at(90)])
    clock.play()
    assert clock.step() == at(5) and not clock.playing
    assert clock.step() == at(12)
    assert clock.step() == at(60)  # no mark after: the end
    assert clock.step(forward=False) == at(12)
    clock.seek(at(8))
    assert clock.step(forward=False) == at(5)
    assert clock.step(forward=False) == at(0)


def test_step_without_marks_moves_by_the_step():
    clock = ReplayClock(at(0), at(10), step=dt.timedelta(minutes=2))
    assert clock.step() == at(2)
    assert clock.step(forward=False) == at(0)
    assert clock.step(forward=False) == at(0)


def test_seek_is_clamped_and_bookmarks_are_sorted_one_per_moment():
    clock = ReplayClock(at(0), at(60))
    assert clock.seek(at(-5)) == at(0) and clock.seek(at(99)) == at(60)
    clock.seek(at(30))
    late = clock.add_bookmark("到场")
    early = clock.add_bookmark("核实", at=at(10))
    assert clock.bookmarks == (early, late)
    clock.add_bookmark("到场（改）")
    assert clock.bookmarks == (early, Bookmark(at(30), "到场（改）"))
    assert clock.jump(early) == at(10)
    clock.remove_bookmark(early)
    assert [b.label for b in clock.state.bookmarks] == ["到场（改）"]


def test_a_replay_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        ReplayClock(at(10), at(0))


def test_nudge_keeps_playing_and_speed_steps_through_the_listed_speeds():
    start = dt.datetime(2026, 5, 1, 6, tzinfo=dt.UTC)
    clock = ReplayClock(start, start + dt.timedelta(hours=1),
                        marks=[start + dt.timedelta(minutes=m) for m in (5, 10)])
    clock.play()
    clock.nudge(dt.timedelta(minutes=1))
    assert clock.position == start + dt.timedelta(minutes=1) and clock.playing
    clock.nudge(dt.timedelta(minutes=-5))
    assert clock.position == start
    assert clock.marks == (start + dt.timedelta(minutes=5), start + dt.timedelta(minutes=10))
    assert [clock.faster() for _ in SPEEDS] == [*SPEEDS[1:], SPEEDS[-1]]
    assert [clock.faster(False) for _ in SPEEDS] == [*reversed(SPEEDS[:-1]), SPEEDS[0]]
