"""Sensitive point layers about residents: key people, disabled people, minors at drowning risk.

Each feature carries the personal data a real platform export carries (name,
phone, ID number, condition, guardian); masking is the query layer's job.
Minors at drowning risk live near the river, which is why they are listed.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry.base import BaseGeometry

from desktop.models.demo.context import Grid
from desktop.models.demo.features import FeatureWriter
from desktop.models.demo.identity import Identity

_KEY_PEOPLE = (
    ("独居老人", "每日电话问候，汛期优先转移"),
    ("孤寡老人", "网格员每周走访"),
    ("精神障碍患者", "监护人在家，社区医生随访"),
    ("困境儿童", "学校、社区联合关爱"),
    ("重病患者", "行动不便，需担架转移"),
    ("孕产妇", "预产期临近，汛期优先转移"),
)
_DISABILITY = (("失能", "卧床，需担架转移"), ("半失能", "需轮椅"), ("半失能", "需搀扶行走"))


def _address(writer: FeatureWriter, grid: Grid) -> str:
    rnd = writer.rnd
    community = writer.street.communities[grid.community].name
    return (
        f"{community}{grid.compound}{rnd.randint(1, 24)}栋{rnd.randint(1, 4)}单元"
        f"{rnd.randint(1, 18)}{rnd.randint(1, 4):02d}室"
    )


def _resident(writer: FeatureWriter, ages: tuple[int, int]) -> Identity:
    return writer.build.identities.person(writer.build.today, ages)


def _person(
    writer: FeatureWriter,
    layer: str,
    ages: tuple[int, int],
    area: BaseGeometry | None,
    extra: dict[str, Any],
    with_phone: bool = True,
) -> None:
    today = writer.build.today
    while True:
        x, y, grid = writer.street.random_point(writer.rnd, area)
        who = _resident(writer, ages)
        properties: dict[str, Any] = {
            "name": who.name,
            "gender": "男" if who.male else "女",
            "age": who.age(today),
            "id_number": who.id_number,
            "phone": who.phone if with_phone else None,
            "address": _address(writer, grid),
        } | extra
        if writer.point(layer, who.name, x, y, properties):
            return


def add_residents(writer: FeatureWriter, households: int) -> None:
    rnd = writer.rnd
    for _ in range(max(8, households // 560)):
        category, note = rnd.choice(_KEY_PEOPLE)
        guardian = _resident(writer, (30, 60))
        ages = (65, 92) if "老人" in category else (6, 13) if "儿童" in category else (22, 70)
        _person(
            writer,
            "key_people",
            ages,
            None,
            {
                "category": category,
                "notes": note,
                "contact_person": guardian.name,
                "contact_phone": guardian.phone,
            },
        )
    for _ in range(max(8, households // 470)):
        condition, needs = rnd.choice(_DISABILITY)
        guardian = _resident(writer, (35, 65))
        _person(
            writer,
            "disabled_persons",
            (62, 95),
            None,
            {
                "condition": condition,
                "care_needs": needs,
                "guardian": guardian.name,
                "guardian_phone": guardian.phone,
            },
            with_phone=rnd.random() < 0.4,
        )
    river = writer.street.plan.river
    near_river = None
    if river is not None and not river.is_empty:
        near_river = river.buffer(900.0) & writer.street.plan.boundary
    for _ in range(max(6, households // 760)):
        guardian = _resident(writer, (30, 55))
        _person(
            writer,
            "drowning_risk_minors",
            (7, 15),
            near_river,
            {
                "school": f"{writer.street.communities[0].name.removesuffix('社区')}"
                f"{rnd.choice(('第一小学', '实验小学', '第二中学'))}",
                "guardian": guardian.name,
                "guardian_phone": guardian.phone,
                "risk": "住所临近河道、暑期无人看管",
                "last_visit": None,
            },
            with_phone=False,
        )
