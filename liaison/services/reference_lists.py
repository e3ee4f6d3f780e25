"""Small reference lists for pickers: streets, categories."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from liaison.data.db import Database
from liaison.data.models import Category, Street
from liaison.data.reference import street_order


@dataclass(frozen=True)
class StreetInfo:
    id: str
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class CategoryInfo:
    id: str
    code: str
    name: str
    measure_no: int | None


def list_streets(db: Database) -> list[StreetInfo]:
    """The district's streets and towns in the official order (that of the reference list;
    any other after them, by name)."""
    order = street_order()
    with db.read() as s:
        rows = list(s.scalars(select(Street)))
    rows.sort(key=lambda r: (order.get(r.code, len(order)), r.name))
    return [StreetInfo(r.id, r.code, r.name, r.kind) for r in rows]


def list_categories(db: Database, *, include_inactive: bool = False) -> list[CategoryInfo]:
    with db.read() as s:
        stmt = select(Category).order_by(
            Category.measure_no.is_(None), Category.measure_no, Category.name
        )
        if not include_inactive:
            stmt = stmt.where(Category.active.is_(True))
        return [CategoryInfo(c.id, c.code, c.name, c.measure_no) for c in s.scalars(stmt)]
