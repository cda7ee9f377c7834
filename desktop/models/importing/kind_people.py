"""People: the emergency team, duty staff, grid workers and volunteers (personal data).

Teams are named on the person's row (code, name, kind) and created or
renamed with it. 所属网格 is kept for grid workers, as the grid's worker; the
schema has no grid for other people, which the report says once per file.
Masked values (张*, 138****1234) are refused: they come from a masked export
and would overwrite the real data.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.models import masking
from desktop.models.importing import enums
from desktop.models.importing.columns import Field
from desktop.models.importing.context import Context
from desktop.models.importing.issues import Bad
from desktop.models.importing.kind_base import CODE, ExportTable, Kind, Row, need, present
from desktop.models.importing.parsers import (
    boolean,
    choice,
    code,
    id_number,
    person_name,
    phone,
    text,
    word_list,
)
from desktop.models.importing.upsert import WHERE, Counts, columns, upsert
from desktop.models.schema import AdminUnit, Person, Team

_PERSON_COLUMNS = ("code", "name", "phone", "id_number", "role", "party_member", "skills",
                   "active")


class People(Kind):
    name = "people"
    entity = "person"
    title_zh, title_en = "人员", "people"
    fields = (
        Field("code", ("人员编码", "人员编号", "编号", "编码", "工号", "code", "person_code"),
              CODE, True),
        Field("name", ("姓名", "名字", "name", "full_name"), person_name, True),
        Field("phone", ("联系电话", "手机", "手机号", "手机号码", "电话", "联系方式", "phone",
                        "mobile", "telephone"), phone),
        Field("id_number", ("身份证号", "身份证号码", "公民身份号码", "身份证", "id_number",
                            "id_card"), id_number),
        Field("role", ("角色", "人员类别", "身份", "类别", "role"),
              choice(enums.ROLE, "角色", "role", enums.ROLE_LABEL), True),
        Field("team_code", ("所属队伍编码", "队伍编码", "team_code"), code(32)),
        Field("team_name", ("所属队伍", "队伍", "队伍名称", "team", "team_name"), text(100)),
        Field("team_kind", ("队伍类型", "team_kind"),
              choice(enums.TEAM_KIND, "队伍类型", "team kind", enums.TEAM_KIND_LABEL)),
        Field("party_member", ("党员", "是否党员", "政治面貌", "party_member"), boolean),
        Field("skills", ("技能", "专长", "特长", "skills"), word_list),
        Field("active", ("在岗", "是否在岗", "active"), boolean),
        Field("grid_code", ("所属网格", "网格编码", "网格", "grid", "grid_code"), word_list),
    )

    def __init__(self) -> None:
        self._teams: dict[str, tuple[str | None, str | None, int]] = {}
        self._team_where: dict[str, Any] = {}  # team code → where its first row is

    def prepare(self, rows: list[Row], context: Context) -> None:
        self._teams = {}
        self._team_where = {}

    def check(self, row: Row, context: Context) -> dict[str, Any]:
        record = present(row.values, row, *_PERSON_COLUMNS)
        record["code"] = need(row, "code", "人员编码", "person code")
        if row.has("skills") and record["skills"] is None:
            record["skills"] = []
        for key in ("party_member", "active"):
            if key in record and record[key] is None:
                record[key] = key == "active"
        team_code, team_name, team_kind = (row.get("team_code"), row.get("team_name"),
                                           row.get("team_kind"))
        if team_code is None and team_name is not None:
            matches = [c for c, (n, _k, _r) in self._teams.items() if n == team_name]
            matches += list(context.session.scalars(
                select(Team.code).where(Team.name == team_name)))
            if len(set(matches)) != 1:
                raise Bad(f"队伍“{team_name}”需要队伍编码", f"team {team_name!r} needs a team code",
                          column="team_code")
            team_code = matches[0]
        if team_code is not None:
            earlier = self._teams.get(team_code)
            if earlier and team_name and earlier[0] and earlier[0] != team_name:
                raise Bad(f"队伍“{team_code}”的名称与第 {earlier[2]} 行不同",
                          f"team {team_code!r} has another name on row {earlier[2]}",
                          column="team_name")
            if team_code not in context.lookup("team") and not (team_name or earlier):
                raise Bad(f"队伍“{team_code}”不存在：填写所属队伍（名称）即可新建",
                          f"team {team_code!r} does not exist: give its name to create it",
                          column="team_code")
            if context.where is not None:
                self._team_where.setdefault(team_code, context.where._replace(key=team_code))
            if team_name or team_kind or not earlier:
                self._teams[team_code] = (team_name or (earlier[0] if earlier else None),
                                          team_kind or (earlier[1] if earlier else None),
                                          row.number)
        record["_team"] = team_code
        if row.has("team_code") or row.has("team_name"):
            record["team_id"] = None
        grids = row.get("grid_code") or []
        units = context.lookup("admin_unit")
        for grid in grids:
            found = context.resolve("admin_unit", grid, "网格", "grid", "grid_code")
            if found[1] != "grid":
                raise Bad(f"“{grid}”不是网格（是{enums.LEVEL_LABEL.get(found[1], found[1])}）",
                          f"{grid!r} is not a grid (it is a {found[1]})", column="grid_code")
        del units
        if grids and record.get("role", "grid_worker") != "grid_worker":
            context.warn(Bad("所属网格只为网格员保存（作为该网格的网格员）",
                             "a grid is stored only for grid workers (as the grid's worker)",
                             column="grid_code"))
            grids = []
        record["_grids"] = grids
        return record

    def apply(self, records: list[dict[str, Any]], context: Context) -> Counts:
        session = context.session
        teams = context.lookup("team")
        team_rows = []
        for team_code, (team_name, team_kind, _row) in self._teams.items():
            row: dict[str, Any] = {"code": team_code, WHERE: self._team_where.get(team_code)}
            if team_name:
                row["name"] = team_name
            if team_kind:
                row["kind"] = team_kind
            if team_code not in teams:
                row.setdefault("name", team_code)
                row.setdefault("kind", "volunteer")
            team_rows.append(row)
        upsert(session, Team, lambda r: r["code"], team_rows, ("code",))
        context.forget("team")
        teams = context.lookup("team")
        rows = []
        for record in records:
            row = columns(record)
            if "team_id" in row:
                row["team_id"] = teams.get(record["_team"]) if record["_team"] else None
            rows.append(row)
        counts = upsert(session, Person, lambda r: r["code"], rows, ("code",),
                        defaults={"party_member": False, "skills": [], "active": True})
        context.forget("person")
        people = context.lookup("person")
        units = context.lookup("admin_unit")
        current = dict(session.execute(select(AdminUnit.code, AdminUnit.grid_worker_id)).all())
        for record in records:
            for grid in record["_grids"]:
                person_id = people[record["code"]]
                if current.get(grid) != person_id:
                    session.execute(update(AdminUnit).where(AdminUnit.id == units[grid][0])
                                    .values(grid_worker_id=person_id))
                    current[grid] = person_id
        return counts

    def export(self, session: Session, masked: bool) -> ExportTable:
        teams = {t.id: t for t in session.scalars(select(Team))}
        grids: dict[int | None, list[str]] = {}
        for code_, worker in session.execute(select(AdminUnit.code, AdminUnit.grid_worker_id)
                                             .where(AdminUnit.grid_worker_id.is_not(None))
                                             .order_by(AdminUnit.code)):
            grids.setdefault(worker, []).append(code_)
        rows = []
        for p in session.scalars(select(Person).order_by(Person.code)):
            team = teams.get(p.team_id) if p.team_id else None
            rows.append([
                p.code,
                masking.mask_name(p.name) if masked else p.name,
                masking.mask_phone(p.phone) if masked else p.phone,
                masking.mask_id_number(p.id_number) if masked else p.id_number,
                enums.ROLE_LABEL.get(p.role, p.role),
                team.code if team else None, team.name if team else None,
                enums.TEAM_KIND_LABEL.get(team.kind, team.kind) if team else None,
                "是" if p.party_member else "否", "、".join(p.skills or []),
                "是" if p.active else "否", ";".join(grids.get(p.id, [])),
            ])
        return ExportTable(self.name, [f.header for f in self.fields], rows)
