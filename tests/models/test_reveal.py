"""Reveal one contact on demand from the replica; the desk records it and stores no full value."""

from __future__ import annotations

import datetime as dt
import functools
import os

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.masking import mask_phone
from desktop.models.queries import situation_now
from desktop.models.replica import open_reader
from desktop.models.reveal import (
    NothingToReveal,
    RevealTarget,
    custodian_targets,
    fetch_contact,
    guardian_target,
    leader_target,
    load_custodian_targets,
)
from desktop.models.schema import Feature, Person, Station
from desktop.models.workstation.desk import Desk, DeskPolicy
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import AuditRecord
from desktop.models.workstation.store import StoreUnavailable

CHEAP = SecretHasher(HashProfile.cheap())


@pytest.fixture(scope="module")
def demo(demo_template, fixed_now):
    engine = open_reader(demo_template)
    with Session(engine) as session:
        situation = situation_now(session, fixed_now)
        station_id = session.scalars(select(Station.id).order_by(Station.id)).first()
        custodians = custodian_targets(session, station_id)
        feature = session.scalars(select(Feature).where(
            Feature.layer_key == "disabled_persons").order_by(Feature.id)).first()
        guardian = feature.properties["guardian"], feature.properties["guardian_phone"]
        leader = session.get(Person, situation.duty_now.leader.person_id)
        leader_contact = leader.name, leader.phone
    engine.dispose()
    layer = next(layer for layer in situation.layers if layer.key == "disabled_persons")
    masked_feature = next(f for f in layer.features if f.code == feature.code)
    return {"situation": situation, "station_id": station_id, "custodians": custodians,
            "feature": masked_feature, "guardian": guardian, "leader": leader_contact}


@pytest.fixture
def desk(tmp_path, demo_template, fixed_now):
    store, _ = open_store(tmp_path / "ws.db", fixed_now)
    enrol(store, CHEAP, fixed_now, login="王值班", name="王值班", role="duty_officer",
          secret="135790")
    desk = Desk(store, clock=lambda: fixed_now, hasher=CHEAP,
                policy=DeskPolicy(reveal_for=dt.timedelta(seconds=45)),
                fetch_contact=functools.partial(fetch_contact, demo_template))
    desk.sign_in("王值班", "135790")
    return desk


def test_leader_phone_comes_in_full_from_the_replica_for_that_one_record(demo, demo_template):
    target = leader_target(demo["situation"].duty_now)
    assert target.kind == "person_phone" and target.permission == "reveal_staff_phone"
    assert "*" in target.label  # the label is masked: it goes into the audit log
    contact = fetch_contact(demo_template, target)
    assert (contact.name, contact.phone) == demo["leader"]
    assert contact.masked.endswith(mask_phone(demo["leader"][1]))
    # the situation never held the full number
    assert demo["situation"].duty_now.leader.phone == mask_phone(demo["leader"][1])


def test_key_custodians_and_guardians_can_be_targets(demo, demo_template):
    custodians = demo["custodians"]
    assert custodians and all("*" in t.label for t in custodians)
    assert load_custodian_targets(demo_template, demo["station_id"]) == custodians
    assert fetch_contact(demo_template, custodians[0]).phone.isdigit()
    target = guardian_target(demo["feature"], "失能/半失能人员")
    assert target.permission == "reveal_resident_contact"
    contact = fetch_contact(demo_template, target)
    assert (contact.name, contact.phone) == demo["guardian"]
    assert demo["guardian"][1] not in str(demo["feature"].properties)


def test_nothing_to_reveal_is_said_in_words(demo_template):
    with pytest.raises(NothingToReveal):
        fetch_contact(demo_template, RevealTarget("person_phone", "999999", "无此人"))
    with pytest.raises(NothingToReveal):
        fetch_contact(demo_template, RevealTarget("guardian_phone", "NO-SUCH", "无此人"))


def test_desk_reveal_records_who_what_when_why_and_never_the_full_value(
        desk, demo, fixed_now, tmp_path):
    target = leader_target(demo["situation"].duty_now)
    revealed = desk.reveal(target, "incident_contact")
    assert revealed.contact.phone == demo["leader"][1]
    assert revealed.expires_at == fixed_now + dt.timedelta(seconds=45)
    with desk.store.read() as session:
        row = session.scalars(select(AuditRecord).where(AuditRecord.action == "reveal")).one()
    assert (row.officer_name, row.at, row.reason) == ("王值班", fixed_now, "incident_contact")
    assert target.label in row.target and row.detail == revealed.contact.masked
    blob = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())  # store + backups
    assert demo["leader"][1].encode() not in blob
    assert demo["leader"][0].encode() not in blob


def test_reveal_needs_a_reason_from_the_list(desk, demo):
    with pytest.raises(ValueError):
        desk.reveal(leader_target(demo["situation"].duty_now), "curiosity")


def test_no_reveal_when_it_cannot_be_recorded(desk, demo, tmp_path):
    os.remove(tmp_path / "ws.db")
    with pytest.raises(StoreUnavailable):
        desk.reveal(leader_target(demo["situation"].duty_now), "incident_contact")
    with pytest.raises(StoreUnavailable):  # the desk now knows; it does not even fetch
        desk.reveal(leader_target(demo["situation"].duty_now), "incident_contact")
