"""Checks of the records that arrive from another device, made from the schema once.

Each shared record's fields are decoded from their JSON text by a msgspec type made from its
table (`record_type`): every value's type, length, fixed list of values (`CHOICES`), real
calendar day, the rows of its child lists, no unknown names. msgspec does this in C, which an
import of tens of thousands of records needs. What the types cannot say is checked after:
date-times are spelled as this application stores them and are real; JSON columns hold JSON,
a demand event's data the values the state machine reads (`EventData`).

Stricter than SQLite, never looser: a value this accepts is one the application can read back.
Text from another device must be spelled exactly as this application writes it (`check_text`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal, NamedTuple, Union

import msgspec
import orjson
from msgspec import UNSET, Meta, UnsetType
from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Integer

from liaison.data.models import Base
from liaison.domain import workflow as wf
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.domain.vocab import DEMAND_KINDS, INDUSTRIES, SCALES, URGENCIES, VISIT_MODES
from liaison.sync.log.records import DELETED, Child, Entity

MAX_TEXT = 100_000
"""Longest value of a text column without a declared length."""
MAX_CHILD_ROWS = 10_000
MAX_OP_BYTES = 1_000_000
"""The longest JSON text (UTF-8) of an op's fields a bundle carries: one cell of its payload,
read with SQLite's length limit set to this."""

CHOICES: dict[tuple[str, str], frozenset[str]] = {
    ("demand_event", "kind"): frozenset(wf.EventKind),
    ("demand_event", "actor_role"): frozenset(Role),
    ("account", "role"): frozenset(Role),
    ("visit", "mode"): frozenset(VISIT_MODES),
    ("demand", "kind"): frozenset(DEMAND_KINDS),
    ("demand", "urgency"): frozenset(URGENCIES),
    ("enterprise", "scale"): frozenset(SCALES) | {""},
    ("enterprise", "industry"): frozenset(INDUSTRIES) | {""},
}
"""Columns whose values come from a fixed list: anything else from another device is refused."""

_DATETIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{6})?$"
"""A date-time as stored here (not `\\d`: it matches any script's digits)."""
_INT = Annotated[int, Meta(gt=-(2**53), lt=2**53)]


def is_date(value: Any) -> bool:
    """A real calendar day written YYYY-MM-DD."""
    if value.__class__ is not str or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _value_type(column: Column[Any], owner: str) -> Any:
    """The msgspec type of a column's non-empty value."""
    t = column.type
    allowed = CHOICES.get((owner, column.name))
    if allowed is not None:
        return Literal[tuple(sorted(str(a) for a in allowed))]
    if isinstance(t, Boolean):
        return Literal[0, 1]
    if isinstance(t, Integer):
        return _INT
    if isinstance(t, DateTime):
        return Annotated[str, Meta(pattern=_DATETIME)]
    if isinstance(t, Date):
        return date
    return Annotated[str, Meta(max_length=getattr(t, "length", None) or MAX_TEXT)]


def _column_type(column: Column[Any], owner: str = "") -> Any:
    value = _value_type(column, owner)
    nullable = column.nullable or column.name in ("created_by", "created_device")
    return Union[value, None] if nullable else value  # noqa: UP007 (a type made at run time)


def _child_type(child: Child) -> Any:
    table = Base.metadata.tables[child.table]
    row: Any = tuple[tuple(_column_type(table.c[name]) for name in child.columns)]  # type: ignore[misc]
    return Annotated[list[row], Meta(max_length=MAX_CHILD_ROWS)]


@cache
def record_type(entity: Entity) -> type[msgspec.Struct]:
    """The fields a record of `entity` may carry, each optional (an op carries the fields it
    changed), none unknown."""
    fields: list[tuple[str, Any, Any]] = [
        (name, Union[_column_type(entity.table.c[name], entity.name), UnsetType], UNSET)  # noqa: UP007
        for name in entity.fields
    ]
    fields += [(c.field, Union[_child_type(c), UnsetType], UNSET) for c in entity.children]  # noqa: UP007
    rename = {}
    if entity.hard_delete:
        fields.append(("deleted_", Union[Literal[0, 1], UnsetType], UNSET))  # noqa: UP007
        rename["deleted_"] = DELETED
    return msgspec.defstruct(
        f"{entity.name}_fields", fields, forbid_unknown_fields=True, rename=rename or None
    )


_OUTCOMES = Literal[tuple(sorted(map(str, wf.Outcome)))]  # type: ignore[valid-type]
_SATISFACTIONS = Literal[tuple(sorted(map(str, wf.Satisfaction)))]  # type: ignore[valid-type]


class EventData(msgspec.Struct):
    """What the state machine reads from a demand event's data (other names pass as they
    are)."""

    lead: str | None = None
    co: list[str] = []
    deadline: date | None = None
    reply_deadline: date | None = None
    promised_date: date | None = None
    outcome: _OUTCOMES | None = None  # type: ignore[valid-type]
    satisfaction: _SATISFACTIONS | None = None  # type: ignore[valid-type]
    policy_basis: str | None = None
    merged_into_id: str | None = None


_EVENT_DATA = msgspec.json.Decoder(EventData)
_ANY_JSON = msgspec.json.Decoder()


class _Reader(NamedTuple):
    """How one entity's fields are read and what is checked after."""

    decoder: msgspec.json.Decoder[Any]
    datetimes: tuple[str, ...]
    jsons: tuple[str, ...]


_READERS: dict[str, _Reader] = {}
"""Made once per entity, by name (hashing an Entity costs more than reading the dict)."""


def _reader(entity: Entity) -> _Reader:
    found = _READERS.get(entity.name)
    if found is None:
        columns = [entity.table.c[name] for name in entity.fields]
        found = _READERS[entity.name] = _Reader(
            msgspec.json.Decoder(record_type(entity)),
            tuple(c.name for c in columns if isinstance(c.type, DateTime)),
            tuple(c.name for c in columns if isinstance(c.type, JSON)),
        )
    return found


def check_text(entity: Entity, text: str) -> str | None:
    """Why a record's fields from another device, as JSON text, cannot be written (None when
    they can). The text must be spelled exactly as this application writes it (`checked_json`):
    SQLite's JSON functions read the stored text, and they and msgspec differ on a name given
    twice (the first counts or the last) or spelled with escapes (`"deleted_\\u0061t"` is
    deleted_at to one, an unknown name to the other)."""
    record, problem = _decoded(entity, text)
    if problem is None and msgspec.json.encode(record) != text.encode():
        problem = (
            "同一字段出现了两次"
            if _repeats_a_name(text)
            else Text("{0} 的内容写法与本系统写出的不同（转义、顺序或空白）", entity.name)
        )
    return problem


def checked_json(entity: Entity, fields: Mapping[str, Any]) -> tuple[str | None, str]:
    """Why fields made here cannot be shared (None when they can), and their JSON text as
    every device writes and reads it (the record type's order and spelling)."""
    record, problem = _decoded(entity, orjson.dumps(dict(fields)))
    return problem, "" if problem else msgspec.json.encode(record).decode()


def check_fields(entity: Entity, fields: Mapping[str, Any]) -> str | None:
    """`checked_json`'s verdict alone (a person's choice when resolving a conflict)."""
    return checked_json(entity, fields)[0]


def _decoded(entity: Entity, text: str | bytes) -> tuple[Any, str | None]:
    reader = _reader(entity)
    try:
        record = reader.decoder.decode(text)
    except msgspec.ValidationError as exc:
        return None, _problem(entity.name, str(exc))
    except msgspec.DecodeError:
        return None, "内容不是 JSON 对象"
    if not any(getattr(record, f) is not UNSET for f in record.__struct_fields__):
        return None, "没有字段"
    for name in reader.datetimes:
        value = getattr(record, name)
        if value.__class__ is str and not _real_datetime(value):
            return None, Text("{0}.{1} 不是有效的日期时间", entity.name, name)
    for name in reader.jsons:
        value = getattr(record, name)
        if value.__class__ is str:
            problem = _json_problem(entity, name, value)
            if problem:
                return None, problem
    return record, None


class _Repeated(Exception):
    pass


def _unique_names(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len({name for name, _value in pairs}) != len(pairs):
        raise _Repeated
    return dict(pairs)


def _repeats_a_name(text: str) -> bool:
    """Whether JSON text (already decoded once: it is valid) gives a name twice in an object."""
    try:
        json.loads(text, object_pairs_hook=_unique_names)
    except _Repeated:
        return True
    return False


def _real_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _json_problem(entity: Entity, name: str, value: str) -> str | None:
    try:
        if (entity.name, name) == ("demand_event", "data"):
            _EVENT_DATA.decode(value)
        else:
            _ANY_JSON.decode(value)
    except msgspec.ValidationError as exc:
        return _problem(f"{entity.name}.{name}", str(exc))
    except msgspec.DecodeError:
        return Text("{0}.{1} 不是 JSON", entity.name, name)
    return None


_WHAT: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("got `null`", lambda where: Text("{0} 为空", where)),
    ("Invalid enum value", lambda where: Text("{0} 的取值未知", where)),
    ("length <=", lambda where: Text("{0} 过长或行数过多", where)),
    ("RFC3339", lambda where: Text("{0} 不是有效的日期", where)),
    ("matching regex", lambda where: Text("{0} 不是有效的日期时间", where)),
    ("Expected `object`", lambda where: Text("{0} 不是 JSON 对象", where)),
    ("Expected `int`", lambda where: Text("{0} 不是整数", where)),
)
"""msgspec's reasons (as its messages say them) in the words of the rest of the application."""
_WHERE = re.compile(r"at `\$((?:\.[A-Za-z_]\w*)?)(.*)`")
_UNKNOWN = re.compile(r"unknown field `(.{0,40})")


def _problem(owner: str, message: str) -> str:
    """msgspec's reason, in the words of the rest of the application."""
    unknown = _UNKNOWN.search(message)
    if unknown:
        return Text("{0} 没有字段 {1}", owner, unknown.group(1).rstrip("`"))
    where = _WHERE.search(message)
    field = f"{owner}{where.group(1)}" if where else owner
    if where and where.group(2):
        return Text("{0} 的行格式不对", field)  # inside a child row: $.contacts[0][2]
    said = next((say for key, say in _WHAT if key in message), None)
    return said(field) if said else Text("{0} 格式不对", field)
