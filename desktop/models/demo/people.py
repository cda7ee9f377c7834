"""People of one street: the 95-strong emergency team, duty-room staff, volunteers, grid workers.

Team sizes and the party-member count come from the scenario; roles and
team kinds are the vocabulary's codes.
"""

from __future__ import annotations

import random

from desktop.models.demo.context import Build, Street
from desktop.models.schema import Person, Team

_TEAMS = (
    ("professional", "PRO", "应急铁军专业救援队"),
    ("cadre_militia", "MIL", "应急铁军社区干部与基干民兵队"),
    ("duty", "DUTY", "应急值班室"),
    ("volunteer", "VOL", "党员志愿者服务队"),
)


def add_person(
    build: Build,
    street: Street,
    rnd: random.Random,
    role: str,
    *,
    team: str | None,
    ages: tuple[int, int],
    party: bool = False,
    skills: list[str] | None = None,
    male_share: float = 0.5,
) -> int:
    identity = build.identities.person(
        build.today,
        ages,
        male=rnd.random() < male_share,
        taken=street.staff.names,
    )
    street.staff.count += 1
    person_id = build.rows.add(
        Person,
        code=f"{street.code}P{street.staff.count:04d}",
        name=identity.name,
        phone=identity.phone,
        id_number=identity.id_number,
        role=role,
        team_id=street.staff.teams[team] if team else None,
        party_member=party,
        skills=skills or [],
        active=True,
    )
    street.staff.role(role).append(person_id)
    return person_id


def _skills(rnd: random.Random, pool: list[str], low: int, high: int) -> list[str]:
    return sorted(rnd.sample(pool, rnd.randint(low, high)), key=pool.index)


def build_staff(build: Build, street: Street) -> None:
    rnd = street.rnd(build, "people")
    team = build.data.scenario["team"]
    for kind, suffix, name in _TEAMS:
        street.staff.teams[kind] = build.rows.add(
            Team,
            code=f"{street.code}-{suffix}",
            name=f"{street.name}{name}",
            kind=kind,
        )
    members = team["professional_rescuers"] + team["community_cadres"] + team["militia"]
    party = set(rnd.sample(range(members), team["party_members"]))
    roster = (
        [("professional_rescuer", "professional", (22, 50), 0.88)] * team["professional_rescuers"]
        + [("community_cadre", "cadre_militia", (26, 56), 0.45)] * team["community_cadres"]
        + [("militia", "cadre_militia", (18, 35), 0.8)] * team["militia"]
    )
    pro_pool, cadre_pool = team["professional_skills"], team["cadre_skills"]
    for index, (role, kind, ages, male_share) in enumerate(roster):
        skills = (
            _skills(rnd, pro_pool, 2, 4)
            if role == "professional_rescuer"
            else _skills(rnd, cadre_pool, 0, 2)
        )
        add_person(
            build,
            street,
            rnd,
            role,
            team=kind,
            ages=ages,
            party=index in party,
            skills=skills,
            male_share=male_share,
        )
    for _ in range(team["duty_leaders"]):
        add_person(
            build,
            street,
            rnd,
            "duty_leader",
            team="duty",
            ages=(36, 56),
            party=True,
            male_share=0.7,
        )
    for _ in range(team["duty_officers"]):
        add_person(
            build, street, rnd, "duty_officer", team="duty", ages=(24, 50), party=rnd.random() < 0.5
        )
    for _ in range(team["volunteers"]):
        add_person(
            build,
            street,
            rnd,
            "volunteer",
            team="volunteer",
            ages=(20, 68),
            party=rnd.random() < 0.8,
        )


def add_grid_worker(build: Build, street: Street, rnd: random.Random) -> int:
    return add_person(
        build,
        street,
        rnd,
        "grid_worker",
        team=None,
        ages=(24, 52),
        party=rnd.random() < 0.6,
        male_share=0.35,
    )
