"""The enterprise list: filtered, sorted ids first (cheap), rows for the visible ids on demand."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, literal_column, select

from liaison.data import search as search_index
from liaison.data.db import Database, raw_connection
from liaison.data.models import (
    Account,
    Assignment,
    Demand,
    Enterprise,
    EnterpriseTag,
    Street,
    Visit,
)
from liaison.domain import workflow as wf
from liaison.domain.vocab import INDUSTRIES, SCALES
from liaison.services.context import assignment_current

SEARCH_LIMIT = 5000
"""A text search lists at most this many matches (the total says how many there are)."""

SORT_KEYS = ("name", "uscc", "street")


@dataclass(frozen=True)
class EnterpriseFilter:
    text: str = ""
    street_id: str | None = None
    tag: str | None = None
    scale: str | None = None
    assigned_to: str | None = None
    """An account id: only enterprises this cadre looks after now."""
    not_visited_since: date | None = None
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class EnterpriseIds:
    ids: list[str]
    total: int
    capped: bool


def _filtered(stmt: Select[str], f: EnterpriseFilter) -> Select[str]:
    if f.street_id:
        stmt = stmt.where(Enterprise.street_id == f.street_id)
    if f.scale:
        stmt = stmt.where(Enterprise.scale == f.scale)
    if f.tag:
        stmt = stmt.where(
            Enterprise.id.in_(select(EnterpriseTag.enterprise_id).where(EnterpriseTag.tag == f.tag))
        )
    if f.assigned_to:
        stmt = stmt.where(
            Enterprise.id.in_(
                select(Assignment.enterprise_id).where(
                    Assignment.account_id == f.assigned_to, assignment_current()
                )
            )
        )
    if f.not_visited_since:
        stmt = stmt.where(
            ~Enterprise.id.in_(
                select(Visit.enterprise_id).where(
                    Visit.visit_date >= f.not_visited_since, Visit.deleted_at.is_(None)
                )
            )
        )
    return stmt


def _narrows(f: EnterpriseFilter) -> bool:
    """Whether the filter has conditions besides the search text."""
    return bool(f.street_id or f.scale or f.tag or f.assigned_to or f.not_visited_since)


def enterprise_ids(db: Database, f: EnterpriseFilter) -> EnterpriseIds:
    """Ids of the enterprises the list shows, in display order."""
    stmt = _filtered(select(Enterprise.id).where(Enterprise.deleted_at.is_(None)), f)
    with db.read() as s:
        if f.text.strip():
            found = search_index.search(raw_connection(s), f.text, SEARCH_LIMIT)
            assert found is not None
            if not found.enterprise_ids:
                return EnterpriseIds([], 0, False)
            if _narrows(f):
                listed: Select[tuple[str]] = select(literal_column("value")).select_from(
                    func.json_each(json.dumps(found.enterprise_ids))
                )  # one parameter, not thousands
                wanted = set(s.scalars(stmt.where(Enterprise.id.in_(listed))))
                ids = [i for i in found.enterprise_ids if i in wanted]
            else:  # the search index holds live enterprises only
                ids = list(found.enterprise_ids)
            capped = found.total > len(found.enterprise_ids)
            return EnterpriseIds(ids, found.total if capped else len(ids), capped)
        column = {
            "name": Enterprise.name,
            "uscc": Enterprise.uscc,
            "street": Enterprise.street_id,
        }.get(f.sort, Enterprise.name)
        order = column.desc() if f.descending else column
        ids = list(s.scalars(stmt.order_by(order, Enterprise.id)))
        return EnterpriseIds(ids, len(ids), False)


@dataclass(frozen=True)
class EnterpriseRow:
    id: str
    name: str
    uscc: str
    street: str
    industry: str
    scale: str
    cadres: str
    last_visit: date | None
    open_demands: int


def enterprise_rows(db: Database, ids: list[str]) -> dict[str, EnterpriseRow]:
    """The rows for `ids` (a screenful), keyed by id."""
    if not ids:
        return {}
    open_states = [str(x) for x in wf.OPEN_STATES]
    with db.read() as s:
        last_visit = (
            select(func.max(Visit.visit_date))
            .where(Visit.enterprise_id == Enterprise.id, Visit.deleted_at.is_(None))
            .scalar_subquery()
        )
        open_count = (
            select(func.count())
            .where(Demand.enterprise_id == Enterprise.id, Demand.state.in_(open_states))
            .scalar_subquery()
        )
        rows = s.execute(
            select(Enterprise, Street.name, last_visit, open_count)
            .outerjoin(Street, Street.id == Enterprise.street_id)
            .where(Enterprise.id.in_(ids))
        ).all()
        cadres: dict[str, list[str]] = {}
        for eid, name in s.execute(
            select(Assignment.enterprise_id, Account.display_name)
            .join(Account, Account.id == Assignment.account_id)
            .where(Assignment.enterprise_id.in_(ids), assignment_current())
            .order_by(Assignment.is_lead.desc())
        ):
            cadres.setdefault(eid, []).append(name)
        return {
            e.id: EnterpriseRow(
                e.id,
                e.name,
                e.uscc,
                street or "",
                INDUSTRIES.get(e.industry, ""),
                SCALES.get(e.scale, ""),
                "、".join(cadres.get(e.id, [])),
                visited,
                count,
            )
            for e, street, visited, count in rows
        }
