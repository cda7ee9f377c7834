import datetime as dt

from desktop.models.by_community import incidents_by_community
from desktop.models.situation import Area, Freshness, IncidentStatus, Situation, Street

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


def test_incidents_are_counted_by_the_community_of_their_grid():
    def area(code, level, parent=None, name=""):
        return Area(len(code), code, name or code, level, parent, None, None, {})

    communities = (area("C1", "community", name="长安社区"),
                   area("C2", "community", name="团山社区"))
    grids = (area("G1", "grid", "C1"), area("G2", "grid", "C2"))

    def at(number, severity, grid):
        return IncidentStatus(number, f"I{number}", "火情", "accident", None, severity,
                              "received", "某地", None, None, grid, False, NOW, NOW, NOW)

    situation = Situation(NOW, Street("1", "七里河街道", "", {}), communities, grids, (), (),
                          None, None, None, (at(1, 3, "G2"), at(2, 4, "G2"), at(3, 2, None),
                                             at(4, 4, "NOPE")), (), Freshness(None, 0, NOW))
    rows = incidents_by_community(situation)
    assert [(r.name, r.by_severity, r.total) for r in rows] == [
        ("团山社区", (0, 0, 1, 1), 2), ("长安社区", (0, 0, 0, 0), 0), (None, (0, 1, 0, 1), 2)]
