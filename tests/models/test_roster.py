import datetime as dt

from desktop.models.roster import (
    RosterRules,
    ShiftFacts,
    Skill,
    find_gaps,
    overlapping_assignments,
    skills_cover,
)

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)
RULES = RosterRules(lookahead_hours=24, min_officers=1,
                    skills=(Skill("drone", "无人机搜救", "Drone search", 1),
                            Skill("first_aid", "急救", "First aid", 2)))


def duty(i, start_h, end_h, *roles):
    return ShiftFacts(i, "duty", NOW + start_h * H, NOW + end_h * H, tuple(roles))


def test_fully_staffed_cover_has_no_gaps():
    shifts = [duty(1, -6, 7, "leader", "officer"), duty(2, 7, 16, "leader", "officer"),
              duty(3, 16, 31, "leader", "officer", "officer")]
    assert find_gaps(shifts, NOW, RULES) == ()


def test_shift_without_leader_is_a_gap_with_words():
    gaps = find_gaps([duty(1, -6, 7, "leader", "officer"), duty(2, 7, 30, "officer")], NOW,
                     RULES)
    assert [(g.code, g.zh, g.starts_at) for g in gaps] == [("no_leader", "缺带班领导", NOW + 7 * H)]


def test_uncovered_hours_and_missing_officers_are_gaps():
    gaps = find_gaps([duty(1, -6, 7, "leader"), duty(2, 10, 30, "leader", "officer")], NOW,
                     RULES)
    assert [(g.code, g.zh) for g in gaps] == [("too_few_officers", "值班员 0/1"),
                                              ("no_shift", "无人值班")]
    assert (gaps[1].starts_at, gaps[1].ends_at) == (NOW + 7 * H, NOW + 10 * H)


def test_nothing_rostered_ahead_is_one_gap_to_the_horizon():
    gaps = find_gaps([duty(1, -6, 2, "leader", "officer")], NOW, RULES)
    assert [(g.code, g.starts_at, g.ends_at) for g in gaps] == [
        ("no_shift", NOW + 2 * H, NOW + 24 * H)]


def test_shifts_past_or_beyond_the_horizon_are_ignored():
    gaps = find_gaps([duty(1, -30, -20), duty(2, -1, 24, "leader", "officer"),
                      duty(3, 24, 30)], NOW, RULES)
    assert gaps == ()


def test_skills_cover_counts_each_member_once_per_skill():
    cover = skills_cover([("drone", "drone"), ("first_aid",), ()], RULES)
    assert [(c.skill.code, c.have, c.short) for c in cover] == [("drone", 1, False),
                                                                ("first_aid", 1, True)]


def test_person_on_two_overlapping_duty_shifts_is_found():
    rows = [(1, NOW, NOW + 9 * H, 7), (2, NOW + 8 * H, NOW + 16 * H, 7),
            (3, NOW + 9 * H, NOW + 16 * H, 8), (4, NOW, NOW + 9 * H, 8)]
    assert overlapping_assignments(rows) == [(7, 1, 2)]


def test_default_rules_come_from_the_data_file():
    rules = RosterRules.default()
    assert rules.lookahead_hours == 72
    assert {s.code for s in rules.skills} >= {"drone", "leakage_detector", "first_aid"}
