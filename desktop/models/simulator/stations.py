"""Station life: volunteers' walk-throughs (done, or now and then missed) and kit lent out.

A walk-through is one ``inspection`` row per station and counts for every
daily-checked item there, as in the demo's history; it sometimes finds a
fault, and a later walk-through finds it repaired. A missed walk-through
writes nothing, which is exactly how the readiness rule comes to see it.
Kit lent out (a training, a neighbour's job) goes out and comes back.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.models.schema import EquipmentItem, EquipmentLoan, Inspection
from desktop.models.simulator.engine import Followups
from desktop.models.simulator.world import Item, StationPlace, World

log = logging.getLogger(__name__)

MISSED_SHARE = 0.08
FAULT_SHARE = 0.05
REPAIR_SHARE = 0.5


@dataclass
class WalkThrough:
    world: World
    rnd: random.Random
    station: StationPlace

    def apply(self, session: Session, now: dt.datetime) -> Followups:
        if self.rnd.random() < MISSED_SHARE:
            log.info("simulate: walk-through missed at %s", self.station.name)
            return []
        items = [i for i in self.world.items if i.station_id == self.station.id]
        inspectors = self.world.role("volunteer") or self.world.role("community_cadre")
        note = "日常巡检：物资在位" if self.station.kind != "sand_depot" else \
            "日常巡查：运沙车在位、储备充足"
        result = "ok"
        in_service = [i for i in items if i.status == "in_service" and i.daily]
        faulty = [i for i in items if i.status == "faulty"]
        found: Item | None = None
        repaired: Item | None = None
        if in_service and self.rnd.random() < FAULT_SHARE:
            found = self.rnd.choice(in_service)
            result, note = "fault", f"日常巡检：发现{self._name(found)}故障，已登记报修"
        elif faulty and self.rnd.random() < REPAIR_SHARE:
            repaired = self.rnd.choice(faulty)
            note += f"；{self._name(repaired)}已修复"
            self._set(session, repaired, "in_service")
        inspector = self.rnd.choice(inspectors) if inspectors else None
        # The walk-through covers every daily-checked item (its row has no item); a fault
        # found on one, or a repair, gets a row of its own too.
        session.add(Inspection(station_id=self.station.id, item_id=None, inspected_at=now,
                               inspector_id=inspector, result=result, note=note))
        for item, outcome in ((found, "fault"), (repaired, "ok")):
            if item is not None:  # the item's own row: when it became faulty, or repaired
                session.add(Inspection(station_id=self.station.id, item_id=item.id,
                                       inspected_at=now, inspector_id=inspector,
                                       result=outcome, note=note))
        daily = [i.id for i in items if i.daily and i.status != "scrapped"]
        if daily:
            session.execute(update(EquipmentItem).where(EquipmentItem.id.in_(daily))
                            .values(last_inspected_at=now))
        if found is not None:
            self._set(session, found, "faulty")
        return []

    def _name(self, item: Item) -> str:
        try:
            return str(self.world.data.kind(item.kind_code)["name_zh"])
        except KeyError:
            return item.kind_code

    @staticmethod
    def _set(session: Session, item: Item, status: str) -> None:
        row = session.get(EquipmentItem, item.id)
        if row is not None:
            row.status = status
            item.status = status


def end_loan(session: Session, item_id: int, now: dt.datetime) -> None:
    """The item is back: its open loan ends now."""
    for loan in session.scalars(select(EquipmentLoan).where(
            EquipmentLoan.item_id == item_id, EquipmentLoan.back_at.is_(None))):
        loan.back_at = now


@dataclass
class KitLoan:
    """One in-service item goes out for a while, then comes back (``back`` set)."""

    world: World
    rnd: random.Random
    time_scale: float
    item: Item | None = None

    def apply(self, session: Session, now: dt.datetime) -> Followups:
        if self.item is None:
            candidates = [i for i in self.world.items if i.status == "in_service"]
            if not candidates:
                return []
            item = self.rnd.choice(candidates)
            row = session.get(EquipmentItem, item.id)
            if row is None or row.status != "in_service":
                return []
            row.status, row.dispatched_at = "dispatched", now
            session.add(EquipmentLoan(item_id=item.id, out_at=now))
            item.status, self.item = "dispatched", item
            minutes = self.rnd.uniform(20, 120)
            return [(minutes * 60.0 / self.time_scale, self)]
        row = session.get(EquipmentItem, self.item.id)
        if row is not None and row.status == "dispatched":
            row.status, row.dispatched_at = "in_service", None
            end_loan(session, self.item.id, now)
        self.item.status = "in_service"
        return []
