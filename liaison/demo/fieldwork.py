"""Visits over the window, the demands they raise and each demand's whole history.

The district is split into PARTS independent parts by enterprise (so two processes can make
them at once, each from its own random stream). Within a part, visits are planned for the
whole window first (day, enterprise), then produced in date order and in batches: a merge
(并单) always points at an earlier demand of the same enterprise, and memory stays bounded.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from itertools import accumulate

from liaison.demo import texts
from liaison.demo.clockwork import Clockwork, ds, ts
from liaison.demo.firms import Firms
from liaison.demo.history import Cast, Teller
from liaison.demo.names import Picker
from liaison.demo.people import Staff
from liaison.demo.plan import Plan
from liaison.demo.reference import Reference
from liaison.domain import workflow as wf
from liaison.domain.roles import Role
from liaison.services.context import Actor
from liaison.services.demand_log import SNAPSHOT_COLUMNS

VISIT_COLUMNS = (
    "id",
    "enterprise_id",
    "visit_date",
    "mode",
    "summary",
    "follow_up_on",
    "deleted_at",
    "created_at",
    "created_by",
    "created_device",
    "updated_at",
    "updated_by",
    "updated_device",
)
PARTICIPANT_COLUMNS = ("id", "visit_id", "account_id", "name", "side", "title")
DEMAND_COLUMNS = (
    "id",
    "enterprise_id",
    "visit_id",
    "kind",
    "category_id",
    "title",
    "content",
    "urgency",
    "raised_on",
    *SNAPSHOT_COLUMNS,
    "flagged",
    "created_at",
    "created_by",
    "created_device",
    "updated_at",
    "updated_by",
    "updated_device",
)
UNIT_COLUMNS = ("demand_id", "department_id", "is_lead", "is_open", "deadline")

_GOV_TITLES = {Role.CADRE: "联络干部", Role.STREET_STAFF: "街镇专员"}
_GONE = frozenset({wf.State.WITHDRAWN, wf.State.MERGED})


def snapshot_values(s: wf.Snapshot) -> list[object]:
    """The derived demand columns as `write_snapshot` sets them, in SQLite storage form."""
    out: list[object] = []
    for name in SNAPSHOT_COLUMNS:
        v = getattr(s, name)
        if isinstance(v, StrEnum):
            v = str(v)
        elif isinstance(v, datetime):
            v = ts(v)
        elif isinstance(v, date):
            v = ds(v)
        out.append(v)
    out.append(1 if s.flagged_event_ids else 0)
    return out


@dataclass
class Batch:
    visits: list[tuple[object, ...]] = field(default_factory=list)
    participants: list[tuple[object, ...]] = field(default_factory=list)
    demands: list[tuple[object, ...]] = field(default_factory=list)
    units: list[tuple[object, ...]] = field(default_factory=list)
    events: list[tuple[object, ...]] = field(default_factory=list)
    periods: list[tuple[object, ...]] = field(default_factory=list)


class _IntPicker:
    def __init__(self, weights: list[float]) -> None:
        self._cum = list(accumulate(weights))
        self._total = self._cum[-1]

    def __call__(self, rng: random.Random) -> int:
        return bisect(self._cum, rng.random() * self._total)


PARTS = 2
"""The district's visits are made in this many independent parts (enterprise index modulo
PARTS), each from its own random stream, so two processes can make them at once. Fixed, so
that the output never depends on how many processes ran."""


def part_sizes(firms: Firms, visits: int) -> list[int]:
    """Visits per part, in proportion to the parts' visit weights."""
    weights = [sum(firms.weight[k::PARTS]) for k in range(PARTS)]
    total = sum(weights)
    sizes = [int(visits * w / total) for w in weights]
    sizes[0] += visits - sum(sizes)
    return sizes


class Fieldwork:
    """The visits (and their demands) of one part of the district."""

    def __init__(
        self,
        ref: Reference,
        staff: Staff,
        firms: Firms,
        cw: Clockwork,
        plan: Plan,
        window_start: date,
        today: date,
        part: int = 0,
    ) -> None:
        self.part = part
        self.members = list(range(part, len(firms.ids), PARTS))
        self.visits = part_sizes(firms, plan.visits)[part]
        self.ref = ref
        self.staff = staff
        self.firms = firms
        self.cw = cw
        self.rng = cw.rng
        self.plan = plan
        self.window_start = window_start
        self.today = today
        cutoff = datetime.combine(today, datetime.min.time())
        self.teller = Teller(cw, staff, plan.rates, cutoff)
        cats = ref.categories
        self.cat_pick = Picker(
            [(c, w) for c, w in texts.DEMAND_CATEGORY_WEIGHTS.items() if c in cats]
            + [(c, 1.0) for c in cats if c not in texts.DEMAND_CATEGORY_WEIGHTS]
        )
        self.live: dict[int, list[tuple[str, str, str, datetime]]] = {}
        """Per enterprise: (id, category code, title, raised at) of demands a duplicate may
        join (not withdrawn, not merged themselves)."""
        self.states: dict[str, int] = {}
        self.paths: dict[str, int] = {}

    # --- the plan -------------------------------------------------------------------------

    def schedule(self) -> list[tuple[date, int]]:
        """(day, enterprise) of every visit, in date order. Activity grows over the window
        (the system was adopted gradually); visits fall on working days with few exceptions."""
        rng, cal, f = self.rng, self.cw.cal, self.firms
        members = self.members
        pick = _IntPicker([f.weight[e] for e in members])
        last = self.today - timedelta(days=1)
        span = (last - self.window_start).days
        first, end = self.window_start.toordinal(), last.toordinal()
        since = [d.toordinal() for d in f.since]
        # The next working day of each non-working day of the window (if within it).
        shift: dict[int, int] = {}
        for o in range(first, end + 1):
            d = date.fromordinal(o)
            if not cal.is_workday(d):
                nxt = cal.add_working_days(d, 0).toordinal()
                shift[o] = nxt if nxt <= end else o
        rand = rng.random
        out: list[tuple[int, int, float]] = []
        for _ in range(self.visits):
            e = members[pick(rng)]
            u = rand()
            if rand() < 0.3:
                u = max(u, rand())
            o = first + int(u * (span + 1))
            s = since[e]
            if o < s:
                o = s + int(rand() * (end - s + 1))
            if o in shift and rand() < 0.9:
                o = shift[o]
            out.append((o, e, rand()))
        out.sort()
        return [(date.fromordinal(o), e) for o, e, _ in out]

    # --- batches --------------------------------------------------------------------------

    def batches(self, schedule: list[tuple[date, int]]) -> Iterator[Batch]:
        size = self.plan.chunk
        for start in range(0, len(schedule), size):
            batch = Batch()
            for day, e in schedule[start : start + size]:
                self._visit(batch, day, e)
            yield batch

    def _visitor(self, e: int) -> tuple[Actor, Actor | None]:
        """Who visits: the lead cadre, sometimes the assisting cadre or a street officer."""
        rng, f, staff = self.rng, self.firms, self.staff
        lead = staff.cadres[f.lead[e]]
        r = rng.random()
        if r < 0.08 and f.assist[e] >= 0:
            return staff.cadres[f.assist[e]], lead if rng.random() < 0.5 else None
        street = staff.street_staff.get(self.ref.streets[f.street[e]][0])
        if r > 0.93 and street:
            return street[int(rng.random() * len(street))], lead
        if r > 0.85 and f.assist[e] >= 0:
            return lead, staff.cadres[f.assist[e]]
        return lead, None

    def _visit(self, b: Batch, day: date, e: int) -> None:
        rng, cw, f = self.rng, self.cw, self.firms
        device = self.ref.device_id
        visitor, companion = self._visitor(e)
        mode = texts.VISIT_MODE(rng)
        met = cw.office_time(day)
        # Logged the same day, or (offline cadres) the next working day.
        logged = met + timedelta(seconds=1800 + int(rng.random() * 7200))
        if rng.random() < 0.2:
            next_day = cw.later(met, 1, 1)
            if next_day < self.teller.cutoff:
                logged = next_day
        vid = cw.id_at(logged)
        n_demands = 0
        if rng.random() < self.plan.demand_rate:
            n_demands = 2 if rng.random() < 0.08 else 1
        summary = texts.pick(rng, texts.VISIT_SUMMARIES)
        follow = None
        if rng.random() < 0.2:
            follow = day + timedelta(days=7 + int(rng.random() * 50))
        b.visits.append(
            (
                vid,
                f.ids[e],
                ds(day),
                mode,
                summary,
                ds(follow),
                None,
                ts(logged),
                visitor.account_id,
                device,
                ts(logged),
                visitor.account_id,
                device,
            )
        )
        t = logged
        for actor in (visitor, companion):
            if actor is None:
                continue
            t += timedelta(microseconds=300)
            b.participants.append(
                (
                    cw.id_at(t),
                    vid,
                    actor.account_id,
                    actor.display_name,
                    "government",
                    _GOV_TITLES.get(actor.role, ""),
                )
            )
        contacts = f.contacts[e]
        if contacts:
            name, title = contacts[0 if rng.random() < 0.8 else int(rng.random() * len(contacts))]
            t += timedelta(microseconds=300)
            b.participants.append((cw.id_at(t), vid, None, name, "enterprise", title))
        for k in range(n_demands):
            self._demand(b, e, vid, day, logged + timedelta(milliseconds=5 + 20 * k), visitor)

    def _category(self, e: int) -> str:
        rng, f = self.rng, self.firms
        cats = self.ref.categories
        if f.individual[e] and rng.random() < 0.35 and "individual_business" in cats:
            return "individual_business"
        if f.industry[e] == "E" and rng.random() < 0.3 and "overdue_payments" in cats:
            return "overdue_payments"
        return self.cat_pick(rng)

    def _demand(self, b: Batch, e: int, vid: str, day: date, t0: datetime, creator: Actor) -> None:
        rng, cw, f = self.rng, self.cw, self.firms
        rates = self.plan.rates
        merge_into = None
        live = []
        if rng.random() < rates.merge:
            live = [d for d in self.live.get(e, ()) if d[3] < t0]
        if live:
            merge_into, code, title, _ = live[-1]
            content = "企业再次反映该问题，与此前诉求重复。"
        else:
            code = self._category(e)
            titles, contents = texts.DEMANDS.get(code, texts.DEMANDS["other"])
            title = texts.pick(rng, titles)
            content = texts.pick(rng, contents)
        cat = self.ref.categories[code]
        did = cw.id_at(t0)
        cast = Cast(creator=creator, cadre=self.staff.cadres[f.lead[e]])
        st = self.teller.tell(did, t0 + timedelta(microseconds=800), title, cat, cast, merge_into)
        s = st.s
        assert s.state is not None and st.last_actor is not None
        b.demands.append(
            (
                did,
                f.ids[e],
                vid,
                texts.DEMAND_KIND(rng),
                cat.id,
                title,
                content,
                texts.URGENCY(rng),
                ds(day),
                *snapshot_values(s),
                ts(t0),
                creator.account_id,
                creator.device_id,
                ts(s.last_event_at),
                st.last_actor.account_id,
                st.last_actor.device_id,
            )
        )
        is_open, deadline = int(s.is_open), ds(s.deadline)
        if s.lead_department_id:
            b.units.append((did, s.lead_department_id, 1, is_open, deadline))
        b.units.extend((did, d, 0, is_open, deadline) for d in s.co_department_ids)
        b.events.extend(st.rows)
        b.periods.extend(p.row() for p in st.periods.rows)
        state = str(s.state)
        self.states[state] = self.states.get(state, 0) + 1
        for key, hit in (
            ("returned", s.return_count > 0),
            ("extended", s.extension_count > 0),
            ("escalated", s.escalation_level > 0),
            ("reopened", s.reopen_count > 0),
        ):
            if hit:
                self.paths[key] = self.paths.get(key, 0) + 1
        if s.state not in _GONE:
            self.live.setdefault(e, []).append((did, code, title, t0))
