import datetime as dt

from desktop.models.readiness import (
    CustodianFacts,
    ItemFacts,
    KindFacts,
    StationFacts,
    assess_station,
)

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
TODAY = NOW.date()

EXTINGUISHER = KindFacts(1, "灭火器", "extinguisher", 4, 30, 5, 2, 10)
FIRST_AID = KindFacts(2, "急救箱", "first-aid kit", 2, 1, None, None, None)


MADE = TODAY.replace(year=2023)


def item(
    kind=1,
    quantity=1,
    status="in_service",
    made=MADE,
    expires=None,
    serviced=None,
    inspected=NOW - dt.timedelta(hours=3),
):
    return ItemFacts(kind, quantity, status, made, expires, serviced, inspected)


KEYS = [CustodianFacts(100, True), CustodianFacts(101, True)]


def assess(items, kinds=(EXTINGUISHER,), custodians=KEYS, reachable=(100,)):
    return assess_station(StationFacts(list(kinds), items, custodians), reachable, NOW)


def test_complete_inspected_station_with_reachable_key_is_green():
    readiness = assess([item() for _ in range(4)])
    assert (readiness.level, readiness.reasons) == ("green", ())


def test_overdue_pressure_check_names_count_kind_and_days():
    late = NOW - dt.timedelta(days=33)
    readiness = assess([item(inspected=late), item(inspected=late), item(), item()])
    assert readiness.level == "amber"
    assert [r.zh for r in readiness.reasons] == ["2 件灭火器 检查逾期 3 天"]


def test_shortage_is_amber_and_missing_kind_is_red():
    assert [r.zh for r in assess([item(), item()]).reasons] == ["灭火器 在位 2/4"]
    assert assess([item(), item()]).level == "amber"
    empty = assess([])
    assert empty.level == "red"
    assert empty.reasons[0].zh == "灭火器 在位 0/4"


def test_dispatched_faulty_expired_and_scrap_age_are_not_on_hand():
    items = [
        item(status="dispatched"),
        item(status="faulty"),
        item(made=TODAY.replace(year=2015)),
        item(),
    ]
    texts = [r.zh for r in assess(items).reasons]
    assert "1 件灭火器已派出未归还" in texts
    assert "1 件灭火器故障" in texts
    assert "1 件灭火器已到报废年限" in texts
    assert "灭火器 在位 1/4" in texts


def test_expired_and_expiring_first_aid_kits():
    expired = item(kind=2, expires=TODAY - dt.timedelta(days=1))
    expiring = item(kind=2, expires=TODAY + dt.timedelta(days=10))
    fine = item(kind=2, expires=TODAY + dt.timedelta(days=200))
    readiness = assess([expired, expiring, fine], kinds=(FIRST_AID,))
    assert [r.zh for r in readiness.reasons] == ["1 件急救箱已过期", "1 件急救箱 30 天内到期"]
    assert readiness.level == "amber"


def test_extinguisher_service_due_after_first_service_age():
    old = TODAY.replace(year=TODAY.year - 5) + dt.timedelta(days=10)
    readiness = assess([item(made=old)] + [item() for _ in range(3)])
    assert [r.code for r in readiness.reasons] == ["service_due"]


def test_key_custody_incomplete_and_unreachable():
    single = assess([item() for _ in range(4)], custodians=KEYS[:1])
    assert [r.code for r in single.reasons] == ["custody_incomplete"]
    nobody = assess([item() for _ in range(4)], reachable=())
    assert nobody.level == "red"
    assert [r.code for r in nobody.reasons] == ["no_key_holder"]
    no_phone = assess([item() for _ in range(4)], custodians=[CustodianFacts(100, False)] * 2)
    assert no_phone.level == "red"


def test_reasons_are_ordered_worst_first_and_have_english():
    readiness = assess([item(status="dispatched")], reachable=())
    assert readiness.reasons[0].level == "red"
    assert all(r.en and r.en != r.zh for r in readiness.reasons)
