"""Reference data from the district policy: departments, streets, measures, categories.

Loaded from `resources/reference/*.json` (derived from the policy text) on `liaison init`.
Seeding is idempotent and never overwrites what an admin changed: existing rows (matched by
code or number) are left alone; only missing ones are added.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.data.models import Category, CategoryUnit, Department, PolicyMeasure, Street
from liaison.domain.ids import stable_id
from liaison.paths import resources_dir

HUB_CODE = "liaison_office"
SEEDED_AT = datetime(2023, 1, 1)
"""When every replica says its reference data was made: the same everywhere, like the ids, so
replicas that seeded it apart hold equal records (it is never an op: nobody made it)."""


def _load(name: str) -> Any:
    path: Path = resources_dir() / "reference" / name
    return json.loads(path.read_text(encoding="utf-8"))


def street_order() -> dict[str, int]:
    """Each seeded street's place in the official order (by code)."""
    return {s["code"]: i for i, s in enumerate(_load("streets.json"))}


@dataclass(frozen=True)
class SeedReport:
    departments: int
    streets: int
    measures: int
    categories: int


def seed_reference_data(session: Session) -> SeedReport:
    """Add whatever reference rows are missing; returns how many of each were added."""
    dept_doc = _load("departments.json")
    by_name = {d.name: d for d in session.scalars(select(Department))}
    known_codes = {d.code for d in by_name.values()}
    added_depts = 0
    for d in dept_doc["departments"]:
        if d["name"] in by_name or d["code"] in known_codes:
            continue
        dept = Department(
            id=stable_id("department", d["code"]),
            code=d["code"],
            name=d["name"],
            full_name=d.get("full_name") or d["name"],
            kind=d.get("kind", "department"),
            created_at=SEEDED_AT,
            updated_at=SEEDED_AT,
        )
        session.add(dept)
        by_name[dept.name] = dept
        added_depts += 1

    street_names = set(session.scalars(select(Street.name)))
    added_streets = 0
    for s in _load("streets.json"):
        if s["name"] not in street_names:
            session.add(
                Street(
                    id=stable_id("street", s["code"]),
                    code=s["code"],
                    name=s["name"],
                    kind=s["kind"],
                )
            )
            added_streets += 1

    measure_nos = set(session.scalars(select(PolicyMeasure.no)))
    added_measures = 0
    for m in _load("measures.json"):
        if m["no"] not in measure_nos:
            session.add(PolicyMeasure(no=m["no"], title=m["title"], section=m.get("section", "")))
            added_measures += 1
    session.flush()

    category_codes = set(session.scalars(select(Category.code)))
    added_categories = 0
    for c in _load("categories.json"):
        if c["code"] in category_codes:
            continue
        cat = Category(
            id=stable_id("category", c["code"]),
            code=c["code"],
            name=c["name"],
            description=c.get("description", ""),
            keywords=list(c.get("keywords", [])),
            measure_no=c.get("measure_no"),
            reply_days=c.get("reply_days", 3),
            resolve_days=c.get("resolve_days", 15),
            max_days=c.get("max_days", 30),
            extension_notice_days=c.get("extension_notice_days", 1),
            return_days=c.get("return_days", 2),
            created_at=SEEDED_AT,
            updated_at=SEEDED_AT,
        )
        session.add(cat)
        session.flush()
        units = [(n, "lead") for n in c.get("lead_units", [])]
        units += [(n, "responsible") for n in c.get("responsible_units", [])]
        seen: set[str] = set()
        for pos, (unit_name, role) in enumerate(units):
            dept_row = by_name.get(unit_name)
            if dept_row is None or dept_row.id in seen:
                continue
            seen.add(dept_row.id)
            session.add(
                CategoryUnit(category_id=cat.id, department_id=dept_row.id, role=role, position=pos)
            )
        added_categories += 1
    session.flush()
    return SeedReport(added_depts, added_streets, added_measures, added_categories)
