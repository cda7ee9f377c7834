"""What the desk records: duty log with corrections, written handovers, the audit and its CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from desktop.models.handover import HandoverPackage
from desktop.models.situation import OnDuty, Shift
from desktop.models.workstation.audit import AuditFilter, to_csv
from desktop.models.workstation.desk import Desk, NotPermitted
from desktop.models.workstation.duty_log import AlreadyCorrected, LogLink
from desktop.models.workstation.handovers import HandoverRefused
from desktop.models.workstation.officers import enrol
from desktop.models.workstation.passwords import HashProfile, SecretHasher
from desktop.models.workstation.recovery import open_store
from desktop.models.workstation.schema import DutyLogRow

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
CHEAP = SecretHasher(HashProfile.cheap())


@pytest.fixture
def desk(tmp_path, clock):
    store, _ = open_store(tmp_path / "ws.db", NOW)
    enrol(store, CHEAP, NOW, login="王值班", name="王值班", role="duty_officer", secret="135790")
    enrol(store, CHEAP, NOW, login="李接班", name="李接班", role="duty_officer", secret="246802")
    enrol(store, CHEAP, NOW, login="刘带班", name="刘带班", role="duty_leader", secret="864213")
    desk = Desk(store, clock=clock, hasher=CHEAP)
    desk.sign_in("王值班", "135790")
    return desk


def test_log_entries_carry_time_officer_and_an_optional_link(desk, clock):
    link = LogLink(incident_code="INC-20261123-01", label="居民楼火情")
    first = desk.add_log_entry("call_received", "长安花园3栋居民报火情", link=link,
                               occurred_at=NOW - 5 * MINUTE)
    clock.now += MINUTE
    desk.add_log_entry("check_done", "巡查长安花园驿站，物资齐全",
                       link=LogLink(station_code="S001"))
    entries = desk.log_entries(NOW - dt.timedelta(hours=1), NOW + dt.timedelta(hours=1))
    assert [e.text for e in entries] == ["长安花园3栋居民报火情", "巡查长安花园驿站，物资齐全"]
    assert entries[0] == first
    assert (first.recorded_at, first.occurred_at, first.officer_name) == (
        NOW, NOW - 5 * MINUTE, "王值班")
    assert first.link.incident_code == "INC-20261123-01" and first.category_label() == "接听来电"
    assert entries[1].link.station_code == "S001"


def test_a_correction_is_a_new_entry_and_the_old_one_stays(desk, clock):
    wrong = desk.add_log_entry("call_received", "3栋报火情", link=LogLink(station_code="S001"))
    clock.now += 2 * MINUTE
    fixed = desk.add_log_entry("call_received", "5栋报火情（更正楼栋号）", corrects=wrong.id)
    assert fixed.id != wrong.id and fixed.corrects_id == wrong.id
    assert fixed.occurred_at == wrong.occurred_at  # same event, later record
    assert fixed.link.station_code == "S001"  # link carried over
    entries = {e.id: e for e in desk.log_entries(NOW - MINUTE, NOW + MINUTE)}
    assert entries[wrong.id].text == "3栋报火情" and entries[wrong.id].corrected_by_id == fixed.id
    assert entries[fixed.id].current and not entries[wrong.id].current
    with pytest.raises(AlreadyCorrected) as again:
        desk.add_log_entry("other", "再改一次", corrects=wrong.id)
    assert again.value.by == fixed.id
    twice = desk.add_log_entry("call_received", "5栋2单元报火情", corrects=fixed.id)
    assert twice.corrects_id == fixed.id
    with desk.store.read() as session:
        assert session.scalar(select(func.count()).select_from(DutyLogRow)) == 3
    desk.sign_in("刘带班", "864213")
    recorded = [(e.action, e.target) for e in reversed(desk.audit_log())
                if e.action.startswith("log_")]
    assert recorded == [("log_entry", f"#{wrong.id}"),
                        ("log_correction", f"#{fixed.id} → #{wrong.id}"),
                        ("log_correction", f"#{twice.id} → #{fixed.id}")]


def test_log_needs_text_a_known_category_and_the_write_permission(desk):
    for category, text in (("other", "  "), ("gossip", "闲聊"), ("other", "长" * 2001)):
        with pytest.raises(ValueError):
            desk.add_log_entry(category, text)
    with pytest.raises(LookupError):
        desk.add_log_entry("other", "更正不存在的条目", corrects=999)


def _package():
    leader = OnDuty(7, "刘*", "138****1234", "leader", "duty", True)
    officer = OnDuty(8, "王*", None, "officer", "duty", True)
    shift = Shift(1, "duty", NOW - dt.timedelta(hours=9), NOW + dt.timedelta(hours=7),
                  (leader, officer))
    return HandoverPackage(compiled_at=NOW, street="七里河街道", outgoing=shift, incoming=None,
                           open_incidents=(), stations_not_ready=(), staffing_gaps=(),
                           warnings=(), problems=())


def test_handover_written_by_one_acknowledged_by_another_with_both_names_and_times(desk, clock):
    written = desk.write_handover(_package(), "长安花园驿站灭火器待补充；3栋火情续报待跟进")
    assert written.package["street"] == "七里河街道"
    assert written.package["outgoing"]["leader"] == "刘*"  # masked as the situation had it
    with pytest.raises(HandoverRefused, match="someone other"):
        desk.acknowledge_handover(written)
    clock.now += 10 * MINUTE
    desk.sign_in("李接班", "246802")
    pending = desk.latest_handover()
    assert pending == written and pending.acknowledgement is None
    done = desk.acknowledge_handover(pending, "已阅，接班")
    ack = done.acknowledgement
    assert (done.officer_name, done.written_at) == ("王值班", NOW)
    assert (ack.officer_name, ack.at, ack.remarks) == ("李接班", NOW + 10 * MINUTE, "已阅，接班")
    assert desk.latest_handover().acknowledgement == ack
    with pytest.raises(HandoverRefused, match="already"):
        desk.acknowledge_handover(pending)


def test_acknowledging_a_changed_handover_is_refused(desk):
    written = desk.write_handover(_package(), "无")
    desk.sign_in("李接班", "246802")
    with pytest.raises(HandoverRefused, match="changed"):
        desk.acknowledge_handover(replace(written, digest="0" * 64))


def test_audit_is_filterable_and_exports_csv_for_the_leader_only(desk, clock):
    desk.add_log_entry("other", "交班前检查")
    desk.record("print", "print", target="值班日报 2026-11-23")
    with pytest.raises(NotPermitted):
        desk.audit_log()
    clock.now += MINUTE
    desk.sign_in("刘带班", "864213")
    everything = desk.audit_log()
    assert [e.action for e in everything][:3] == ["sign_out", "sign_in", "print"]
    assert everything[0].reason == "replaced"  # codes are stored, words are shown
    assert everything[0].reason_label() == "他人签到" and "他人签到" in to_csv(everything)
    prints = desk.audit_log(AuditFilter(actions=frozenset({"print"})))
    assert [(e.officer_name, e.target) for e in prints] == [("王值班", "值班日报 2026-11-23")]
    assert [e.action for e in desk.audit_log(AuditFilter(officer="刘"))] == ["sign_in"]
    assert {e.action for e in desk.audit_log(AuditFilter(since=NOW + MINUTE))} == {
        "sign_in", "sign_out"}
    text = desk.audit_csv(prints, destination="/tmp/audit.csv")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["时间（北京时间）", "人员", "角色", "操作"]
    assert rows[1][:5] == ["2026-11-23 10:00:00", "王值班", "值班员", "打印", "值班日报 2026-11-23"]
    assert desk.audit_log()[0].action == "export"  # the export itself is recorded


def test_csv_cells_cannot_become_spreadsheet_formulas(desk):
    desk.record("print", "print", target="=HYPERLINK(\"http://x\")")
    desk.sign_in("刘带班", "864213")
    text = to_csv(desk.audit_log(AuditFilter(actions=frozenset({"print"}))), english=True)
    assert "'=HYPERLINK" in text and text.splitlines()[0].lstrip("\ufeff").startswith("Time")
