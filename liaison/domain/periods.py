"""A demand's periods: the stretches of its life that the figures judge, derived from its steps.

A period begins with a step that leaves the demand open (交办, 签收, an approved 延期, a 重办) or
resolves it (办结), and lasts until the next step that is a 交办 or changes the demand's state or
deadline. Each period keeps the state and the deadline in force during it, the limit its first
step was held to (`due`), and how it ended: when, and the state the ending step set (None: it
has not ended). So "what became of a 交办" (签收 on time, 退回), "what became of a 办结" (重办 after
an unsatisfied 回访) and "open and past its deadline at the end of a day" are each one look at one
row, on every engine, instead of a replay of the events in SQL.

The periods are derived like the demand's state columns: whoever folds a demand's events (a
step, a sync merge, the demo generator, the migration that introduced them) writes them anew.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from liaison.domain import workflow as wf

STARTS = frozenset({wf.State.ASSIGNED, wf.State.ACCEPTED, wf.State.RESOLVED})
"""The states a step leaves the demand in when it begins a period."""


@dataclass(slots=True)
class Period:
    """One row of `demand_period`, its values as the caller stores them (`at`, `end_at`: a
    datetime or the stored text; `due`, `deadline`: a date or the stored text)."""

    event_id: str
    demand_id: str
    kind: str
    at: Any
    department_id: str | None
    due: Any
    state: str
    deadline: Any
    end_at: Any = None
    end_state: str | None = None

    def row(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in COLUMNS)


COLUMNS = tuple(f.name for f in fields(Period))
"""The columns of `demand_period`, in `Period.row` order."""


def _as_is(day: date | None) -> Any:
    return day


class Periods:
    """Collects a demand's periods while its events are folded: call `step` with each event
    that took effect, in order, and the snapshot after it. `day` stores a deadline as the
    caller stores dates."""

    __slots__ = ("_before", "_day", "demand_id", "rows")

    def __init__(
        self,
        demand_id: str,
        rows: Sequence[Period] = (),
        before: wf.Snapshot | None = None,
        day: Callable[[date | None], Any] = _as_is,
    ) -> None:
        """Start from nothing, or go on from the periods `rows` derived up to `before`."""
        self.demand_id = demand_id
        self.rows: list[Period] = list(rows)
        self._before = before or wf.Snapshot()
        self._day = day

    def step(
        self,
        event_id: str,
        kind: wf.EventKind,
        at: Any,
        department_id: str | None,
        due: Any,
        after: wf.Snapshot,
    ) -> None:
        before, self._before = self._before, after
        if kind is not wf.EventKind.ROUTE and (
            after.state == before.state and after.deadline == before.deadline
        ):
            return  # 进展, 督办, a 延期 asked or refused: the period goes on
        current = self.rows[-1] if self.rows and self.rows[-1].end_state is None else None
        if current is not None:
            current.end_at = at
            current.end_state = str(after.state)
        if after.state in STARTS:
            self.rows.append(
                Period(
                    event_id,
                    self.demand_id,
                    str(kind),
                    at,
                    department_id,
                    due,
                    str(after.state),
                    self._day(after.deadline),
                )
            )


def fold(
    demand_id: str,
    events: Sequence[wf.Event],
    stored: Sequence[tuple[Any, Any, Any]],
    day: Callable[[date | None], Any] = _as_is,
) -> tuple[wf.Snapshot, list[Period]]:
    """`wf.fold` of a demand's `events`, with its periods; `stored` gives each event's `at`,
    `department_id` and `due` as the caller stores them, `day` stores a deadline."""
    periods = Periods(demand_id, day=day)

    def step(i: int, e: wf.Event, after: wf.Snapshot) -> None:
        at, department_id, due = stored[i]
        periods.step(e.event_id, e.kind, at, department_id, due, after)

    return wf.fold(events, step), periods.rows
