"""Fetching one contact in full, on demand, for an audited reveal.

The situation carries personal data masked only (PIPL); this module is the
one place that reads a full phone number, and only for the single record a
signed-in officer asked for. It opens the replica read-only for that one
query and lets go of it again. Recording who saw what is the desk's job
(``desktop.models.workstation.desk.Desk.reveal``), not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import masking
from desktop.models.replica import reading
from desktop.models.schema import Feature, KeyCustodian, Person, Station
from desktop.models.situation import MapFeature, OnDuty, Shift
from desktop.models.workstation.roles import REVEAL_RESIDENT, REVEAL_STAFF

Kind = Literal["person_phone", "guardian_phone"]

# Feature properties holding a guardian's (or contact person's) name and phone.
_GUARDIAN_KEYS = (("guardian", "guardian_phone"), ("contact_person", "contact_phone"),
                  ("监护人", "联系电话"))


@dataclass(frozen=True)
class RevealTarget:
    """What may be revealed: ``ref`` is a replica person id or a feature code; ``label`` is
    already masked (it goes into the audit log as it is)."""

    kind: Kind
    ref: str
    label: str

    @property
    def permission(self) -> str:
        return REVEAL_STAFF if self.kind == "person_phone" else REVEAL_RESIDENT


@dataclass(frozen=True)
class Contact:
    """One contact in full. Lives only in the reveal dialog, for the time limit."""

    target: RevealTarget
    name: str
    phone: str

    @property
    def masked(self) -> str:
        return f"{masking.mask_name(self.name)} {masking.mask_phone(self.phone)}".strip()


class NothingToReveal(LookupError):
    """The record is gone, or holds no phone number."""


def person_target(person: OnDuty, role_label: str) -> RevealTarget:
    return RevealTarget("person_phone", str(person.person_id), f"{role_label} {person.name}")


def leader_target(shift: Shift | None, role_label: str = "带班领导") -> RevealTarget | None:
    """The on-duty leader's phone, or None when the shift has no leader."""
    leader = shift.leader if shift else None
    return person_target(leader, role_label) if leader else None


def guardian_target(feature: MapFeature, layer_name: str) -> RevealTarget | None:
    """A sensitive map feature's guardian, when the feature lists one."""
    if not any(phone in feature.properties for _name, phone in _GUARDIAN_KEYS):
        return None
    return RevealTarget("guardian_phone", feature.code, f"{layer_name} {feature.name}")


def custodian_targets(session: Session, station_id: int, *, english: bool = False) -> tuple[
        RevealTarget, ...]:
    """The station's key custodians (钥匙双保管), labelled with masked names."""
    rows = session.execute(
        select(KeyCustodian.holder, Person.id, Person.name, Station.name)
        .join(Person, Person.id == KeyCustodian.person_id)
        .join(Station, Station.id == KeyCustodian.station_id)
        .where(KeyCustodian.station_id == station_id)
        .order_by(KeyCustodian.holder, Person.code)
    ).all()
    holders = ({"property": "property key", "community": "community key"} if english else
               {"property": "物业钥匙", "community": "社区钥匙"})
    return tuple(
        RevealTarget("person_phone", str(person_id),
                     f"{station} {holders.get(holder, holder)} {masking.mask_name(name)}")
        for holder, person_id, name, station in rows
    )


def contact_in(session: Session, target: RevealTarget) -> Contact:
    if target.kind == "person_phone":
        person = session.get(Person, int(target.ref))
        if person is None or not person.phone:
            raise NothingToReveal(f"no phone on record for {target.label}")
        return Contact(target, person.name, person.phone)
    found = session.execute(
        select(Feature.properties).where(Feature.code == target.ref)).first()
    if found is None:
        raise NothingToReveal(f"no record {target.ref}")
    properties = found[0] or {}
    for name_key, phone_key in _GUARDIAN_KEYS:
        phone = properties.get(phone_key)
        if phone:
            return Contact(target, str(properties.get(name_key) or ""), str(phone))
    raise NothingToReveal(f"no guardian phone on record for {target.label}")


def fetch_contact(location: str | Path, target: RevealTarget) -> Contact:
    """Open the replica read-only, read this one contact, close it again."""
    with reading(location) as session:
        return contact_in(session, target)


def load_custodian_targets(location: str | Path, station_id: int, *,
                           english: bool = False) -> tuple[RevealTarget, ...]:
    with reading(location) as session:
        return custodian_targets(session, station_id, english=english)
