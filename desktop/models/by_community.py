"""Open incidents counted by community (the wall's rotation view "incidents by community").

An incident belongs to the community its grid belongs to (grid → parent code); one
without a grid, or in a grid the street does not list, counts as "not placed".
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.situation import Situation


@dataclass(frozen=True)
class CommunityCount:
    code: str | None  # None: not placed in a community
    name: str | None
    by_severity: tuple[int, int, int, int]  # I, II, III, IV

    @property
    def total(self) -> int:
        return sum(self.by_severity)


def total(row: list[int]) -> int:
    return sum(row, 0)


def incidents_by_community(situation: Situation) -> tuple[CommunityCount, ...]:
    """Every community of the street (none open too), most open first, then by code; the
    incidents not placed in one last, when there are any."""
    community_of = {g.code: g.parent_code for g in situation.grids}
    names = {c.code: c.name for c in situation.communities}
    counts: dict[str | None, list[int]] = {code: [0, 0, 0, 0] for code in names}
    for incident in situation.incidents:
        code = community_of.get(incident.grid_code) if incident.grid_code else None
        key = code if code in names else None
        row = counts.setdefault(key, [0, 0, 0, 0])
        if 1 <= incident.severity <= 4:
            row[incident.severity - 1] += 1
    placed: list[str] = sorted((c for c in counts if c is not None),
                               key=lambda c: (-total(counts[c]), c))
    result = [CommunityCount(c, names[c], (counts[c][0], counts[c][1], counts[c][2],
                                            counts[c][3])) for c in placed]
    if None in counts and total(counts[None]):
        row = counts[None]
        result.append(CommunityCount(None, None, (row[0], row[1], row[2], row[3])))
    return tuple(result)
