"""The data-quality collector: every problem the queries meet, in words.

Queries skip a bad row and note it here instead of failing; the header shows
the count and the operator can open the list.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.models.situation import Problem


class QualityCollector:
    def __init__(self) -> None:
        self._problems: list[Problem] = []

    def note(self, entity: str, entity_id: object, problem: str) -> None:
        self._problems.append(Problem(entity, str(entity_id), problem))

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(self._problems)

    def geometry(self, entity: str, entity_id: object, text: str | None) -> dict[str, Any] | None:
        """Parse a GeoJSON geometry column; None (and a noted problem) when unusable."""
        if not text:
            self.note(entity, entity_id, "geometry missing")
            return None
        try:
            value = json.loads(text)
        except (TypeError, ValueError) as error:
            self.note(entity, entity_id, f"geometry is not valid JSON ({error})")
            return None
        if not isinstance(value, dict) or "type" not in value or "coordinates" not in value:
            self.note(entity, entity_id, "geometry is not a GeoJSON geometry")
            return None
        return value
