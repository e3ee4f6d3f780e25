"""A demand's life, told event by event through the real state machine.

`Teller.tell` picks a path (withdrawn, merged, returned and re-routed, extended, escalated,
reopened after 不满意 …), times each step in office hours, and feeds every event to
`liaison.domain.workflow.apply`: an event the state machine refuses is a bug here and raises.
Events are stored exactly as `liaison.services.demand_log.record` stores them (same
`event_data`, `event_due` and `event_department`); a story stops at the cutoff (the start of
`today`), which leaves recent demands open.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from liaison.demo import texts
from liaison.demo.clockwork import Clockwork, ds
from liaison.demo.people import Staff
from liaison.demo.plan import Rates
from liaison.demo.reference import Cat
from liaison.domain import workflow as wf
from liaison.domain.periods import Periods
from liaison.services.context import Actor
from liaison.services.demand_log import event_data, event_department, event_due

EVENT_COLUMNS = (
    "id",
    "demand_id",
    "kind",
    "at",
    "actor_id",
    "actor_role",
    "device_id",
    "department_id",
    "due",
    "epoch",
    "text",
    "data",
    "flagged",
)

K = wf.EventKind


_NEVER = 1000
"""Working days of a delay that ends after the cutoff: the step has not happened yet."""


class _End(Exception):
    """The story reached the cutoff: what would come next has not happened yet."""


class Story:
    """The events of one demand so far and the snapshot they fold to."""

    __slots__ = ("_cw", "cutoff", "demand_id", "last_actor", "periods", "rows", "s")

    def __init__(self, demand_id: str, cutoff: datetime, cw: Clockwork) -> None:
        self.demand_id = demand_id
        self.cutoff = cutoff
        self._cw = cw
        self.s = wf.Snapshot()
        self.rows: list[tuple[object, ...]] = []
        self.periods = Periods(demand_id, day=ds)
        self.last_actor: Actor | None = None

    def fire(self, kind: wf.EventKind, at: datetime, actor: Actor, **kw: object) -> None:
        if at >= self.cutoff:
            raise _End
        event = wf.Event(
            kind=kind,
            at=at,
            role=actor.role,
            actor_id=actor.account_id,
            event_id=self._cw.id_at(at),
            **kw,  # type: ignore[arg-type]
        )
        before = self.s
        after = wf.apply(before, event)  # raises on a generator bug
        due = event_due(event, after, before)
        self.rows.append(
            (
                event.event_id,
                self.demand_id,
                str(kind),
                at.isoformat(" ", "microseconds"),
                actor.account_id,
                str(actor.role),
                actor.device_id,
                event_department(event, actor, after),
                None if due is None else due.isoformat(),
                after.epoch,
                event.text,
                json.dumps(data) if (data := event_data(event)) else "{}",
                0,
            )
        )
        row = self.rows[-1]
        self.periods.step(event.event_id, kind, row[3], cast(str | None, row[7]), row[8], after)
        self.s = after
        self.last_actor = actor


@dataclass(frozen=True)
class Cast:
    """The people around one demand."""

    creator: Actor
    cadre: Actor
    """The enterprise's lead cadre (follows up, withdraws)."""


_Step = tuple[datetime, int, wf.EventKind, Actor, dict[str, object]]


class Teller:
    def __init__(self, cw: Clockwork, staff: Staff, rates: Rates, cutoff: datetime) -> None:
        self.cw = cw
        self.rng: random.Random = cw.rng
        self.cal = cw.cal
        self.staff = staff
        self.rates = rates
        self.cutoff = cutoff
        self.staffed_units = [d for d, hs in staff.handlers.items() if hs]
        self.recent = cutoff - timedelta(days=rates.recent_days)

    # --- people ---------------------------------------------------------------------------

    def _sup(self) -> Actor:
        sups = self.staff.supervisors or [self.staff.admin]
        return sups[int(self.rng.random() * len(sups))]

    def _handler(self, dept: str) -> Actor:
        hs = self.staff.handlers[dept]
        return hs[int(self.rng.random() * len(hs))]

    def _pick(self, options: tuple[str, ...]) -> str:
        return texts.pick(self.rng, options)

    # --- the story --------------------------------------------------------------------------

    def tell(
        self, demand_id: str, t0: datetime, title: str, cat: Cat, cast: Cast, merge_into: str | None
    ) -> Story:
        st = Story(demand_id, self.cutoff, self.cw)
        st.fire(K.CREATE, t0, cast.creator, text=title)
        try:
            if merge_into is not None:
                self._merge(st, t0, cat, merge_into)
            else:
                self._loop(st, t0, cat, cast)
        except _End:
            pass
        return st

    def _merge(self, st: Story, t: datetime, cat: Cat, into: str) -> None:
        if self.rng.random() < 0.3:
            t = self.cw.later(t, 0, 1)
            self._route(st, t, cat)
        st.fire(
            K.MERGE, self.cw.later(t, 0, 2), self._sup(), text=texts.MERGE_NOTE, merged_into_id=into
        )

    def _route(self, st: Story, t: datetime, cat: Cat, lead: str | None = None) -> None:
        rng = self.rng
        co: tuple[str, ...] = ()
        if lead is None:
            leads = [d for d in cat.leads if self.staff.handlers.get(d)] or list(cat.leads)
            lead = leads[0] if len(leads) == 1 or rng.random() < 0.7 else rng.choice(leads)
            if rng.random() < 0.25:
                pool = [d for d in (*cat.leads, *cat.responsible) if d != lead]
                if pool:
                    n = 1 if len(pool) == 1 or rng.random() < 0.7 else 2
                    co = tuple(sorted(rng.sample(pool, n), key=pool.index))
        day = t.date()
        st.fire(
            K.ROUTE,
            t,
            self._sup(),
            lead_department_id=lead,
            co_department_ids=co,
            reply_deadline=self.cal.add_working_days(day, cat.reply_days),
            deadline=self.cal.add_working_days(day, cat.resolve_days),
        )

    def _delay(self, weights: tuple[tuple[float, int, int], ...]) -> tuple[int, int]:
        r = self.rng.random()
        for p, lo, hi in weights:
            if r < p:
                return lo, hi
            r -= p
        return weights[-1][1], weights[-1][2]

    def _loop(self, st: Story, t0: datetime, cat: Cat, cast: Cast) -> None:
        rng, cw, rates = self.rng, self.cw, self.rates
        withdraw_at = ""
        if rng.random() < rates.withdraw:
            withdraw_at = ("new", "assigned", "accepted")[int(rng.random() * 3)]
        # 交办 by the hub: mostly within a day or two, a few wait for clarification.
        lo, hi = self._delay(((rates.stuck_new, 6, 30), (0.55, 0, 0), (0.3, 1, 1), (1.0, 2, 3)))
        hold = ""
        if t0 >= self.recent:
            # The last weeks' demands are the ones still waiting in the queues.
            r = rng.random()
            hold = "new" if r < rates.recent_new else "assigned" if r < rates.recent_open else ""
        if hold == "new":
            lo, hi = _NEVER, _NEVER
        t = cw.later(t0, lo, hi)
        if withdraw_at == "new":
            st.fire(
                K.WITHDRAW, cw.later(t0, 0, 4), cast.cadre, text=self._pick(texts.WITHDRAW_REASONS)
            )
            return
        wrong = [d for d in self.staffed_units if d not in cat.leads]
        if wrong and rng.random() < rates.returned:
            # Mis-routed: the unit returns it within its window, the hub re-routes (改派).
            first = rng.choice([d for d in cat.responsible if d in wrong] or wrong)
            self._route(st, t, cat, lead=first)
            t = cw.later(t, 0, cat.return_days)
            st.fire(K.RETURN, t, self._handler(first), text=self._pick(texts.RETURN_REASONS))
            t = cw.later(t, 0, 1)
        self._route(st, t, cat)
        lead = st.s.lead_department_id
        assert lead is not None and st.s.reply_deadline is not None
        lo, hi = self._delay(
            ((rates.stuck_assigned, 15, 60), (0.55, 0, 0), (0.25, 1, 1), (0.13, 2, 3), (1.0, 4, 8))
        )
        if hold == "assigned":
            lo, hi = _NEVER, _NEVER
        ta = cw.later(t, lo, hi)
        steps: list[_Step] = []
        reply_due = st.s.reply_deadline
        if ta.date() > self.cal.add_working_days(reply_due, 1):
            self._escalations(steps, reply_due, ta, levels=2)
        if withdraw_at == "assigned":
            tw = cw.later(t, 0, 5)
            self._play(st, [s for s in steps if s[0] < tw])
            st.fire(K.WITHDRAW, tw, cast.cadre, text=self._pick(texts.WITHDRAW_REASONS))
            return
        self._play(st, steps)
        handler = self._handler(lead)
        st.fire(K.ACCEPT, ta, handler, text=self._pick(texts.ACCEPT_NOTES))
        self._work(st, ta, cat, cast, handler, withdraw=withdraw_at == "accepted", reopened=False)

    def _escalations(self, steps: list[_Step], due: date, until: datetime, levels: int) -> None:
        """督办 of an overdue item: a supervisor escalates 2, 7 and 17 working days late."""
        for level, gap in enumerate((2, 7, 17)[:levels]):
            if self.rng.random() < (0.3 if level == 0 else 0.5):
                break
            at = self.cw.office_time(self.cal.add_working_days(due, gap))
            if at >= until:
                break
            steps.append(
                (at, 5 + level, K.ESCALATE, self._sup(), {"text": self._pick(texts.ESCALATIONS)})
            )

    def _play(self, st: Story, steps: list[_Step]) -> None:
        last = st.s.last_event_at
        for planned, _, kind, actor, kw in sorted(steps, key=lambda s: (s[0], s[1])):
            at = planned
            if last is not None and at <= last:
                at = last + timedelta(seconds=60 + int(self.rng.random() * 600))
            st.fire(kind, at, actor, **kw)
            last = at

    def _resolve_after(self, start: datetime, deadline: date, reopened: bool) -> datetime:
        """When the unit answers: mostly before the deadline, some late, a few very late."""
        rates = self.rates
        left = self.cal.working_days_between(start.date(), deadline)
        r = self.rng.random()
        if r < rates.stuck_accepted:
            lo, hi = left + 120, left + 200
        elif r < rates.stuck_accepted + rates.late:
            lo, hi = left + 6, left + 45
        elif r < 0.8 or reopened:
            lo, hi = 1, max(1, left - 1)
        else:
            lo, hi = max(1, left - 2), left + 5
        return self.cw.later(start, max(lo, 0), max(hi, 0))

    def _work(
        self,
        st: Story,
        ta: datetime,
        cat: Cat,
        cast: Cast,
        handler: Actor,
        *,
        withdraw: bool,
        reopened: bool,
    ) -> None:
        """From 签收 (or 重办) to 办结, with notes, an extension, escalations on the way."""
        rng, cw, cal, rates = self.rng, self.cw, self.cal, self.rates
        deadline = st.s.deadline
        assert deadline is not None
        tr = self._resolve_after(ta, deadline, reopened)
        steps: list[_Step] = []
        final_deadline = deadline
        if not reopened and rng.random() < rates.extension:
            notice = cat.extension_notice_days
            room = cal.working_days_between(ta.date(), deadline) - notice
            if room >= 1:
                day = cal.add_working_days(ta.date(), 1 + int(rng.random() * room))
                tq = cw.at_day(day, ta)
                latest = cal.add_working_days(tq.date(), cat.max_days)
                promised = min(cal.add_working_days(deadline, 5 + int(rng.random() * 11)), latest)
                if promised > deadline and cal.working_days_between(tq.date(), deadline) >= notice:
                    td = cw.later(tq, 0, 2)
                    steps.append(
                        (
                            tq,
                            0,
                            K.REQUEST_EXTENSION,
                            handler,
                            {
                                "text": self._pick(texts.EXTENSION_REASONS),
                                "promised_date": promised,
                            },
                        )
                    )
                    if rng.random() < rates.refuse:
                        kind, note = K.REFUSE_EXTENSION, self._pick(texts.REFUSE_REASONS)
                    else:
                        kind, note = K.APPROVE_EXTENSION, self._pick(texts.APPROVE_NOTES)
                        final_deadline = promised
                        tr = self._resolve_after(td, promised, reopened)
                    steps.append((td, 1, kind, self._sup(), {"text": note}))
                    if tr <= td:
                        tr = cw.later(td, 1, 5)
        if tr.date() > final_deadline:
            self._escalations(steps, final_deadline, tr, levels=3)
        r = rng.random()
        notes = 0 if r < 0.6 else 1 if r < 0.9 else 2
        span = (tr - ta).total_seconds()
        for _ in range(notes):
            at = ta + timedelta(seconds=span * (0.15 + 0.7 * rng.random()))
            at = cw.at_day(at.date(), ta)
            if at >= tr:
                continue
            who = rng.random()
            if who < 0.7:
                actor, text = handler, self._pick(texts.PROGRESS)
            elif who < 0.9:
                actor, text = cast.cadre, self._pick(texts.CADRE_PROGRESS)
            else:
                actor, text = self._sup(), self._pick(texts.HUB_PROGRESS)
            steps.append((at, 2, K.PROGRESS, actor, {"text": text}))
        if withdraw:
            tw = ta + timedelta(seconds=span * rng.random() * 0.8)
            tw = cw.at_day(tw.date(), ta)
            self._play(st, [s for s in steps if s[0] < tw])
            st.fire(K.WITHDRAW, tw, cast.cadre, text=self._pick(texts.WITHDRAW_REASONS))
            return
        self._play(st, steps)
        if st.s.last_event_at is not None and tr <= st.s.last_event_at:
            tr = cw.later(st.s.last_event_at, 0, 1)
        solver = handler if rng.random() < 0.8 else self._handler(handler.department_id or "")
        r = rng.random()
        outcome = (
            wf.Outcome.SOLVED
            if r < 0.78
            else wf.Outcome.PARTLY
            if r < 0.93
            else wf.Outcome.UNSOLVABLE
        )
        st.fire(
            K.RESOLVE,
            tr,
            solver,
            text=self._pick(texts.ANSWERS[str(outcome)]),
            outcome=outcome,
            policy_basis=cat.basis,
        )
        self._close(st, tr, cat, cast, solver, reopened)

    def _close(
        self, st: Story, tr: datetime, cat: Cat, cast: Cast, handler: Actor, reopened: bool
    ) -> None:
        """回访 by the enterprise's cadre; 不满意 reopens once; then 销号 by the hub."""
        rng, cw, cal, rates = self.rng, self.cw, self.cal, self.rates
        if rng.random() < rates.no_follow_up:
            return
        tf = cw.later(tr, 1, 8)
        if not reopened and rng.random() < rates.reopen:
            day = tf.date()
            st.fire(
                K.FOLLOW_UP,
                tf,
                cast.cadre,
                satisfaction=wf.Satisfaction.UNSATISFIED,
                text=self._pick(texts.FOLLOW_UP_NOTES["unsatisfied"]),
                reply_deadline=cal.add_working_days(day, cat.reply_days),
                deadline=cal.add_working_days(day, cat.resolve_days),
            )
            self._work(st, tf, cat, cast, handler, withdraw=False, reopened=True)
            return
        sat = wf.Satisfaction.SATISFIED if rng.random() < 0.74 else wf.Satisfaction.BASICALLY
        st.fire(
            K.FOLLOW_UP,
            tf,
            cast.cadre,
            satisfaction=sat,
            text=self._pick(texts.FOLLOW_UP_NOTES[str(sat)]),
        )
        if rng.random() < rates.no_close:
            return
        st.fire(K.CLOSE, cw.later(tf, 0, 4), self._sup(), text=self._pick(texts.CLOSE_NOTES))
