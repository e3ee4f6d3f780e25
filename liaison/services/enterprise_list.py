"""The enterprise list: filtered, sorted ids first (cheap), rows for the visible ids on demand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, case, column, func, select, table
from sqlalchemy.orm import Session

from liaison.data import bulk
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
                listed = bulk.listed(s, found.enterprise_ids)  # one parameter, not thousands
                wanted = set(s.scalars(stmt.where(Enterprise.id.in_(listed))))
                ids = [i for i in found.enterprise_ids if i in wanted]
            else:  # the search index holds live enterprises only
                ids = list(found.enterprise_ids)
            capped = found.total > len(found.enterprise_ids)
            return EnterpriseIds(ids, found.total if capped else len(ids), capped)
        ids = list(s.scalars(sorted_as_listed(s, stmt, f.sort, f.descending)))
        return EnterpriseIds(ids, len(ids), False)


_SEARCH = table("enterprise_search", column("enterprise_id"), column("pinyin"))


def sorted_as_listed(s: Session, stmt: Select[Any], sort: str, descending: bool) -> Select[Any]:
    """`stmt` (selecting from `enterprise`) in the list's order for `sort` (name, uscc or
    street), ties broken by id."""
    stmt, keys = _sort_keys(s, stmt, sort)
    return stmt.order_by(*(k.desc() if descending else k for k in keys), Enterprise.id)


def _sort_keys(s: Session, stmt: Select[Any], sort: str) -> tuple[Select[Any], list[Any]]:
    """The statement (joined as the keys need) and its sort keys. Chinese sorts by pinyin,
    as people look names up (重庆… before 江北…; code points put 江 U+6C5F before 重 U+91CD):
    names by the search index's full pinyin, streets by their names' pinyin; 信用代码 by
    its characters."""
    if sort == "uscc":
        return stmt, [Enterprise.uscc]
    if sort == "street":
        from liaison.domain.pinyin import full_pinyin

        streets = sorted(s.execute(select(Street.id, Street.name)), key=lambda r: full_pinyin(r[1]))
        rank = case({sid: i for i, (sid, _) in enumerate(streets)}, value=Enterprise.street_id)
        return stmt, [rank.nulls_last() if streets else Enterprise.street_id]
    joined = stmt.outerjoin(_SEARCH, _SEARCH.c.enterprise_id == Enterprise.id)
    return joined, [func.coalesce(_SEARCH.c.pinyin, Enterprise.name), Enterprise.name]


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
