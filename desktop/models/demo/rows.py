"""Rows gathered in memory and written in bulk, parents before children.

The demo assigns primary keys itself, so rows can point at each other before
anything reaches the database and each table goes in as one executemany.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desktop.models.schema import Base


def rng(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible stream per purpose (string seeds hash with SHA-512)."""
    return random.Random("/".join(str(part) for part in (seed, *parts)))


class Rows:
    def __init__(self) -> None:
        self._pending: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._last_id: dict[str, int] = defaultdict(int)
        self._written: dict[str, int] = defaultdict(int)

    def add(self, model: type[Base], **values: Any) -> int:
        """Queue one row; returns its id (allocated here when the table has an integer id)."""
        name = str(model.__tablename__)
        if "id" in model.__table__.c and "id" not in values:
            self._last_id[name] += 1
            values["id"] = self._last_id[name]
        self._pending[name].append(values)
        self._written[name] += 1
        return int(values.get("id", 0))

    def pending(self, model: type[Base]) -> list[dict[str, Any]]:
        """Rows not yet written, to finish one whose end is only known later."""
        return self._pending[str(model.__tablename__)]

    def count(self, model: type[Base]) -> int:
        """Rows queued for this table so far, written or not."""
        return self._written[str(model.__tablename__)]

    def flush(self, session: Session) -> None:
        """Write everything queued, in foreign-key order, and forget it."""
        for table in Base.metadata.sorted_tables:
            rows = self._pending.pop(table.name, None)
            if not rows:
                continue
            keys = rows[0].keys()
            for row in rows:
                if row.keys() != keys:
                    raise ValueError(
                        f"demo rows for {table.name} differ in columns: {sorted(keys ^ row.keys())}"
                    )
            session.execute(insert(table), rows)
