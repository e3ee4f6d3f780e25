"""Authority: a replica applies an op only if it could have been made legitimately.

Every op is signed by the device that made it (`liaison.sync.log.seals`) and names the account
that acted. Where it lands, it is judged (`Judge.reason`) against:

- the device's enrolment, decided by an administrator on a hub device and shared by every
  replica (`Enrolment`): the district's root device (the one that created the district) is a
  hub; other devices are hub or field devices once enrolled; a revocation cuts a device's ops
  after the last one the revoking hub had. Key and class never change once set.
- the accounts and enrolments as the device knew them when it made the op — its seal's
  version vector, plus its own earlier ops (`Context`): the account must exist and be active,
  be enrolled on a field device, and hold a role the rules allow (`liaison.domain.permissions`
  for records, the state machine's table for demand steps).

A judged op that fails is set aside, not dropped: it is stored and passed on with its seal (so
the device's later ops still arrive), never applied, and shown with its reason. Every replica
judges from the same ops, so every replica sets aside the same ones.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from liaison.data import bulk
from liaison.data.models import Base
from liaison.domain import permissions as perm
from liaison.domain import workflow as wf
from liaison.domain.roles import Role
from liaison.domain.text import Text
from liaison.sync.log import equivocation, oplog
from liaison.sync.log import records as se
from liaison.sync.log.district import read_root
from liaison.sync.log.oplog import OP_COLUMNS, Op, op_from_row
from liaison.sync.log.seals import Seal

AUTHORITY_ENTITIES = ("account", "device")
"""Records whose ops decide the authority of other ops."""
MADE_BY_OPS = frozenset({"enterprise", "assignment", "visit", "demand", "demand_event"})
"""Records that exist only through the op that made them (base []): no edit keeps one alive
once that op is set aside (reference data, seeded alike everywhere, has no such op)."""

REASONS: dict[str, str] = {
    "revoked": "来源设备已被吊销，这是吊销之后的变更",
    "equivocation": "来源设备对同一段变更签发过两份不同的签封（伪造），此后它的变更一律不用",
    "unsigned": "变更没有署名账号",
    "unknown_account": "署名账号在来源设备当时并不存在",
    "inactive_account": "署名账号当时已停用",
    "not_enrolled": "署名账号没有登记在来源设备上",
    "hub_only": "只有区联络办的设备可以做这项变更",
    "role": "署名账号的角色无权做这项变更",
    "fixed": "设备的密钥和类别登记后不能更改",
    "actor": "办理环节的经办人、角色或设备与署名不符",
    "department": "承办人不属于办理环节的承办单位",
    "depends": "所依据的记录不存在、已被搁置，或来源设备当时还没有它",
    "backdated": "办理环节的时间早于来源设备当时已有的环节（时间被倒填）",
}
"""Why an op was set aside (codes stored in `sync_op.refused`)."""

HUB = "hub"
FIELD = "field"
FOUNDER = "founder"
"""A hub device that founded a district of its own before joining this one (two districts
merging): a hub whose first administrator, made on it by itself, counts."""
KINDS = (HUB, FIELD, FOUNDER)


def as_hub(kind: str) -> str:
    """A device class as the rules read it: a founder is a hub."""
    return HUB if kind == FOUNDER else kind


@dataclass(frozen=True)
class DeviceState:
    kind: str
    public_key: str
    accounts: frozenset[str]
    revoked_seq: int | None


@dataclass(frozen=True)
class AccountState:
    role: Role | None
    """None: a value no role has (an account that can do nothing)."""
    active: bool
    department_id: str | None


_ROLES = {str(r): r for r in Role}


def _device(fields: Mapping[str, Any]) -> DeviceState:
    accounts = fields.get("accounts") or []
    return DeviceState(
        str(fields.get("kind") or ""),
        str(fields.get("public_key") or ""),
        frozenset(row[0] for row in accounts),
        fields.get("revoked_seq"),
    )


def _account(fields: Mapping[str, Any]) -> AccountState:
    return AccountState(
        _ROLES.get(str(fields.get("role"))),
        bool(fields.get("active", 1)),
        fields.get("department_id"),
    )


def _fold(ops: list[Op]) -> dict[str, Any] | None:
    """A record's fields from its ops, as the merge writes them."""
    if not ops:
        return None
    fields, _clashing = oplog.weigh(ops)
    if ops[0].entity == "device":
        oplog.sticky_revocation(ops, fields)
    return fields


@dataclass
class Enrolment:
    """Which devices belong to the district, as all accepted device ops say (the same on every
    replica that has them): class, key, revocation."""

    root: str | None
    root_key: str | None
    devices: dict[str, DeviceState] = field(default_factory=dict)
    equivocated: dict[str, int] = field(default_factory=dict)
    """Devices caught signing two histories: the last op of each that counts."""

    def kind(self, site: str) -> str:
        if site == self.root:
            return HUB
        d = self.devices.get(site)
        return as_hub(d.kind) if d is not None and d.kind in KINDS else ""

    def founds(self, site: str) -> bool:
        """Whether the device may make a district's first administrator: the district's
        root, or a device enrolled as the founder of a district merged into it."""
        d = self.devices.get(site)
        return site == self.root or (d is not None and d.kind == FOUNDER)

    def key(self, site: str) -> str | None:
        d = self.devices.get(site)
        if d is not None and d.public_key:
            return d.public_key
        return self.root_key if site == self.root else None

    def cut(self, site: str) -> int | None:
        """The last op of a revoked or equivocating device that counts (None: all count)."""
        d = self.devices.get(site)
        revoked = d.revoked_seq if d is not None else None
        cuts = [c for c in (revoked, self.equivocated.get(site)) if c is not None]
        return min(cuts) if cuts else None

    def cut_reason(self, site: str, seq: int) -> str | None:
        """Why op `seq` of the device counts for nothing ("equivocation", "revoked"), if so."""
        caught = self.equivocated.get(site)
        if caught is not None and seq > caught:
            return equivocation.REASON
        d = self.devices.get(site)
        if d is not None and d.revoked_seq is not None and seq > d.revoked_seq:
            return "revoked"
        return None


class Context:
    """What a device knew when it made the ops of one seal: every accepted authority op of
    the other devices within the seal's vector, and its own before each op."""

    def __init__(self, judge: Judge, seal: Seal | None, site: str, knows: Mapping[str, int]):
        self.judge = judge
        self.seal_key = seal.label if seal else f"{site}:open"
        self.site = site
        self.knows = knows
        self._memo: dict[tuple[str, str, int], Any] = {}

    def _visible(self, op: Op, before: int) -> bool:
        return self.sees(op.site, op.seq, before)

    def sees(self, site: str, seq: int, before: int) -> bool:
        """Whether the device had op `seq` of `site` when it made its op number `before`."""
        if site == self.site:
            return seq < before
        return seq <= self.knows.get(site, 0)

    def _state(self, entity: str, key: str, before: int) -> Any:
        """The record's state (`AccountState`, `DeviceState` or None) as the device knew it
        before its op number `before`; computed once per distinct knowledge."""
        own = bisect.bisect_left(self.judge.own_seqs(entity, key, self.site), before)
        memo = (entity, key, own)
        if memo not in self._memo:
            fields = _fold(
                [o for o in self.judge.accepted_ops(entity, key) if self._visible(o, before)]
            )
            state: Any = None
            if fields:
                state = _account(fields) if entity == "account" else _device(fields)
            self._memo[memo] = state
        return self._memo[memo]

    def account(self, key: str, before: int) -> AccountState | None:
        state: AccountState | None = self._state("account", key, before)
        return state

    def device(self, key: str, before: int) -> DeviceState | None:
        state: DeviceState | None = self._state("device", key, before)
        return state

    def has_admin(self, before: int) -> bool:
        for key in self.judge.records("account"):
            a = self.account(key, before)
            if a is not None and a.role is Role.ADMIN:
                return True
        return False


def _deletes(op: Op) -> tuple[bool, bool]:
    """(deletes: writes a time into `deleted_at`, restores: empties it on a record the editor
    had seen). A record made already deleted counts as deleting it."""
    if '"deleted_at":' not in op.text[0]:
        return False, False
    value = op.fields.get("deleted_at")
    return value is not None, value is None and bool(op.base)


class Judge:
    """Judges ops against the enrolment and their device's context (see the module doc).

    Holds every accepted authority op it knows (stored ones, then arriving ones as they are
    accepted); `reason` judges one op in a context."""

    def __init__(
        self,
        root: str | None,
        root_key: str | None,
        stored: Iterable[Op],
        equivocated: Mapping[str, int] | None = None,
    ) -> None:
        self.root, self.root_key = root, root_key
        self.equivocated = dict(equivocated or {})
        self._ops: dict[tuple[str, str], list[Op]] = defaultdict(list)
        self._keys: dict[str, list[str]] = defaultdict(list)
        self._seqs: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for op in stored:
            self.accept(op)

    @classmethod
    def of(cls, conn: sqlite3.Connection) -> Judge:
        root, root_key = read_root(conn)
        rows = conn.execute(
            f"SELECT {OP_COLUMNS} FROM sync_op WHERE entity IN ('account', 'device') "
            "AND refused IS NULL ORDER BY site, seq"
        )
        return cls(root, root_key, map(op_from_row, rows), equivocation.cuts(conn))

    def accept(self, op: Op) -> None:
        key = (op.entity, op.entity_id)
        if key not in self._ops:
            self._keys[op.entity].append(op.entity_id)
        self._ops[key].append(op)
        bisect.insort(self._seqs[(op.entity, op.entity_id, op.site)], op.seq)

    def own_seqs(self, entity: str, key: str, site: str) -> list[int]:
        """The numbers of the record's accepted ops made by `site`, in order."""
        return self._seqs.get((entity, key, site), [])

    def accepted_ops(self, entity: str, key: str) -> list[Op]:
        return self._ops.get((entity, key), [])

    def records(self, entity: str) -> list[str]:
        return self._keys.get(entity, [])

    def enrolment(self) -> Enrolment:
        e = Enrolment(self.root, self.root_key, equivocated=self.equivocated)
        for key in self.records("device"):
            fields = _fold(self.accepted_ops("device", key))
            if fields:
                e.devices[key] = _device(fields)
        return e

    def reason(self, op: Op, ctx: Context, enrolment: Enrolment) -> str | None:
        """Why `op` must be set aside, or None when it could have been made legitimately."""
        kind = enrolment.kind(op.site)
        cut = enrolment.cut_reason(op.site, op.seq)
        if cut is not None:
            return cut
        hub = kind == HUB
        entity = op.entity
        if enrolment.founds(op.site) and _first_admin(op) and not ctx.has_admin(op.seq):
            return None  # the district's first administrator
        if op.account is None:
            return "unsigned"
        who = ctx.account(op.account, op.seq)
        if who is None:
            return "unknown_account"
        if not who.active:
            return "inactive_account"
        if not hub:
            here = ctx.device(op.site, op.seq)
            if here is None or op.account not in here.accounts:
                return "not_enrolled"
        role = who.role
        if role is None:
            return "role"
        if entity in perm.ADMIN_RECORDS:
            return self._admin_record(op, ctx, hub, role)
        if entity == "demand_event":
            return _event(op, who, role)
        return None if role in _writers(op) else "role"

    def _admin_record(self, op: Op, ctx: Context, hub: bool, role: Role) -> str | None:
        if op.entity == "account" and op.entity_id == op.account and _own_password(op):
            return None  # one's own password, wherever one may sign in
        if not hub:
            return "hub_only"
        if role not in perm.ADMINISTRATORS:
            return "role"
        if op.entity == "device":
            before = ctx.device(op.entity_id, op.seq)
            if before is not None:
                for name in ("public_key", "kind"):
                    old = getattr(before, name)
                    if old and name in op.fields and op.fields[name] != old:
                        return "fixed"
        return None


def _first_admin(op: Op) -> bool:
    """An administrator account made by itself (on a founding device, judged with no
    administrator in its context: the first of a district)."""
    return (
        op.entity == "account"
        and op.account in (None, op.entity_id)
        and op.fields.get("role") == Role.ADMIN
    )


def _own_password(op: Op) -> bool:
    """A change of one's own password: its seal, and the end of must-change (never the start:
    only an administrator's reset asks a person to choose again)."""
    return set(op.fields) <= {"password_seal", "must_change_password"} and not op.fields.get(
        "must_change_password"
    )


def _writers(op: Op) -> frozenset[Role]:
    """The roles that may make this op of an everyday record."""
    entity = op.entity
    if entity == "enterprise":
        deletes, restores = _deletes(op)
        return perm.ENTERPRISE_DELETERS if deletes or restores else perm.ENTERPRISE_EDITORS
    if entity == "assignment":
        return perm.ASSIGNERS
    if entity == "visit":
        _deletes_it, restores = _deletes(op)
        return perm.VISIT_RESTORERS if restores else perm.VISIT_ROLES
    if entity == "demand":
        return perm.VISIT_ROLES
    return frozenset()


def _event(op: Op, who: AccountState, role: Role) -> str | None:
    f = op.fields
    if f.get("actor_id") != op.account or f.get("actor_role") != role:
        return "actor"
    if f.get("device_id") != op.site:
        return "actor"
    kind = wf.EventKind(f["kind"])
    if role not in wf.TRANSITIONS[kind].roles:
        return "role"
    if role is Role.HANDLER and f.get("department_id") != who.department_id:
        return "department"
    return None


@dataclass
class Settled:
    """The authority ops of a set of seals, judged in causal order."""

    refused: dict[tuple[str, int], str] = field(default_factory=dict)
    contexts: dict[str, list[tuple[int, Context]]] = field(default_factory=dict)
    """Per device: (first op number, context) of each seal, for `context_of`."""
    unknown_origins: list[str] = field(default_factory=list)
    """Devices whose seals could not be placed: not enrolled, or missing what they knew."""
    order: list[Seal] = field(default_factory=list)
    """The seals in the order they were judged: a causal order (what a seal's device knew
    comes before it), the order their ops are applied in."""
    _firsts: dict[str, list[int]] = field(default_factory=dict)

    def context_of(self, site: str, seq: int) -> Context | None:
        seals = self.contexts.get(site)
        if not seals:
            return None
        if len(seals) == 1:
            return seals[0][1] if seals[0][0] <= seq else None
        firsts = self._firsts.get(site)
        if firsts is None:
            firsts = self._firsts[site] = [first for first, _ctx in seals]
        i = bisect.bisect_right(firsts, seq) - 1
        return seals[i][1] if i >= 0 else None


def settle(
    judge: Judge,
    seals: Iterable[Seal],
    authority_ops: Iterable[Op],
    have: Mapping[str, int],
) -> Settled:
    """Judge the authority ops of `seals` (ops this replica does not have yet), each seal once
    everything it depends on is judged: the seals before it of its device, what its vector
    says the device had, its device's enrolment. `have`: what this replica already has.

    A revoked device's ops after the cut count for nothing, here or in any context: when a
    revocation lands that cuts an op already accepted here, everything is judged again."""
    pending = sorted(seals, key=lambda s: (s.site, s.first))
    by_seal: dict[str, list[Op]] = defaultdict(list)
    ordered = sorted(authority_ops, key=lambda o: (o.site, o.seq))
    for seal in pending:
        by_seal[seal.label] = [
            o for o in ordered if o.site == seal.site and seal.first <= o.seq <= seal.last
        ]
    done = dict(have)
    out = Settled()
    while pending:
        enrolment = judge.enrolment()
        firsts = {s.site: s.first for s in reversed(pending)}  # each device's earliest pending
        ready = [s for s in pending if firsts[s.site] == s.first and _ready(s, done, enrolment)]
        if not ready:
            out.unknown_origins = sorted({s.site for s in pending})
            break
        for seal in ready:
            pending.remove(seal)
            out.order.append(seal)
            ctx = Context(judge, seal, seal.site, seal.knowledge())
            out.contexts.setdefault(seal.site, []).append((seal.first, ctx))
            for op in by_seal[seal.label]:
                why = judge.reason(op, ctx, judge.enrolment())
                if why is None:
                    judge.accept(op)
                else:
                    out.refused[(op.site, op.seq)] = why
            done[seal.site] = max(done.get(seal.site, 0), seal.last)
    for site in out.contexts:
        out.contexts[site].sort(key=lambda pair: pair[0])
    return out


def _ready(seal: Seal, done: Mapping[str, int], enrolment: Enrolment) -> bool:
    """Whether the device is enrolled and everything the seal's vector says it knew is judged
    (a gap in its own numbers is the merge's to refuse)."""
    if not enrolment.kind(seal.site):
        return False
    caught = enrolment.equivocated  # what an equivocating device made after its cut is not here
    return all(
        done.get(site, 0) >= min(n, caught.get(site, n))
        for site, n in seal.knowledge().items()
        if site != seal.site
    )


class Unplaceable(Exception):
    """A bundle's seals cannot be judged here: `str()` says why (the bundle is refused)."""


@dataclass
class Arrivals:
    """What a bundle brings, judged: the authority ops settled, the contexts of its seals,
    the enrolment after it. `refusals` judges the rest chunk by chunk as they are applied."""

    judge: Judge
    settled: Settled
    enrolment: Enrolment
    seals: list[Seal]
    """The seals of ops this replica did not have."""
    have: dict[str, int]
    local: tuple[str, str]
    """This device's id and key (its own seals may come back)."""
    order: list[Seal] = field(default_factory=list)
    """Every seal of the bundle in the order its ops are applied: those of ops this replica
    has, then the rest in `Settled.order`."""

    def keys(self) -> dict[str, str]:
        out = {site: key for site in self.sites() if (key := self.enrolment.key(site))}
        out[self.local[0]] = self.local[1]
        return out

    def sites(self) -> set[str]:
        return (
            {s.site for s in self.seals} | set(self.enrolment.devices) | {self.enrolment.root or ""}
        )

    def refusals(self, conn: sqlite3.Connection, ops: list[Op]) -> dict[tuple[str, int], str]:
        """Why each new op of `ops` is set aside (those not named count). `ops` come in the
        order of `Settled.order`, so what an op's device knew is judged (and stored) first."""
        out: dict[tuple[str, int], str] = {}
        fresh = [op for op in ops if op.seq > self.have.get(op.site, 0)]
        contexts: dict[tuple[str, int], Context] = {}
        for op in fresh:
            key = (op.site, op.seq)
            try:
                ctx = self.settled.context_of(op.site, op.seq)
                if ctx is not None:
                    contexts[key] = ctx
                if op.entity in AUTHORITY_ENTITIES:
                    why = self.settled.refused.get(key)
                else:
                    why = self.judge.reason(op, ctx, self.enrolment) if ctx else "unknown_account"
            except _BROKEN:
                why = MALFORMED  # the row checks refuse the bundle, saying which row and why
            if why:
                out[key] = why
        try:
            out.update(Known(conn, fresh, out).judge(contexts))
        except _BROKEN:
            out.update(
                {(op.site, op.seq): MALFORMED for op in fresh if (op.site, op.seq) not in out}
            )
        return out


MALFORMED = "malformed"
"""An op too broken to judge: never stored, for the row checks refuse its whole bundle."""
_BROKEN = (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError)


class Known:
    """What an op's device knew of the records it refers to and of the steps of its demand,
    for the rules judged against the log rather than the enrolment:

    - every record an op names (the enterprise of a visit, the demand of a step, the account
      of an assignment…), and the record an edit edits, must have been made by an accepted op
      its device had (`Context.sees`): an op naming a record its device could not have had,
      or one nobody legitimately made, is set aside ("depends");
    - a step of a demand must be dated after every accepted step of that demand its device
      had ("backdated"): the application stamps each step after the history it was taken on,
      so only a forged step is dated back into it.

    Reads the ops stored before (this import's earlier chunks included) and takes the chunk's
    own as they are judged, in order."""

    def __init__(self, conn: sqlite3.Connection, ops: list[Op], refused: Mapping[Any, str]):
        self.conn = conn
        self.ops = ops
        self.refused = refused
        self.refs: dict[tuple[str, int], list[tuple[str, str]]] = {}
        self.makers: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        """(entity, id) -> (device, number) of the accepted ops that made the record."""
        self.rows: set[tuple[str, str]] = set()
        """Records with no op at all that exist (written before the log was kept)."""
        self.looked_up: set[tuple[str, str]] = set()
        # records made in this chunk are looked up in the log only if their making here fails
        # (a district snapshot makes nearly everything it names)
        made_here = {(op.entity, op.entity_id) for op in ops if not op.base}
        wanted: set[tuple[str, str]] = set()
        demands: set[str] = set()
        for op in ops:
            if (op.site, op.seq) in refused:
                continue
            mine = references(op)
            if op.base and op.entity in MADE_BY_OPS:
                mine.append((op.entity, op.entity_id))
            self.refs[(op.site, op.seq)] = mine
            wanted.update(mine)
            if op.entity == "demand_event":
                demands.add(op.fields["demand_id"])
        self._look_up(wanted - made_here)
        self.steps: dict[str, list[tuple[str, int, datetime]]] = defaultdict(list)
        """demand -> (device, number, time) of its accepted steps."""
        stored = sorted(d for d in demands if ("demand", d) not in made_here)
        if not stored:
            return
        for demand, site, seq, at in conn.execute(
            "SELECT e.demand_id, o.site, o.seq, e.at FROM demand_event AS e "
            "JOIN sync_op AS o ON o.entity = 'demand_event' AND o.entity_id = e.id "
            "WHERE e.demand_id IN (SELECT value FROM json_each(?))",
            (bulk.rows_text(stored),),
        ):
            self.steps[demand].append((site, seq, _time(at)))

    def _look_up(self, wanted: Iterable[tuple[str, str]]) -> None:
        """Read the stored makers of these records (and which of them exist with no op)."""
        by_entity: dict[str, set[str]] = defaultdict(set)
        for entity, key in wanted:
            if (entity, key) not in self.looked_up:
                by_entity[entity].add(key)
                self.looked_up.add((entity, key))
        for entity, keys in by_entity.items():
            logged: set[str] = set()
            for key, site, seq, made in self.conn.execute(
                "SELECT entity_id, site, seq, base = '[]' AND refused IS NULL FROM sync_op "
                "WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))",
                (entity, bulk.rows_text(sorted(keys))),
            ):
                logged.add(key)
                if made:
                    self.makers[(entity, key)].append((site, seq))
            unlogged = sorted(keys - logged)
            if unlogged:
                column = se.BY_NAME[entity].key
                self.rows |= {
                    (entity, r[0])
                    for r in self.conn.execute(
                        f"SELECT {column} FROM {entity} "
                        f"WHERE {column} IN (SELECT value FROM json_each(?))",
                        (bulk.rows_text(unlogged),),
                    )
                }

    def judge(self, contexts: Mapping[tuple[str, int], Context]) -> dict[tuple[str, int], str]:
        out: dict[tuple[str, int], str] = {}
        makers, refs = self.makers, self.refs
        for op in self.ops:
            key = (op.site, op.seq)
            if key in self.refused:
                continue
            ctx = contexts[key]
            why = None
            for ref in refs[key]:
                if not self._had(ref, ctx, op.seq):
                    self._look_up([ref])  # made in this chunk, but not in a way that counts
                    if not self._had(ref, ctx, op.seq):
                        why = "depends"
                        break
            at = None
            if why is None and op.entity == "demand_event":
                f = op.fields
                at = _time(f["at"])
                for site, seq, earlier in self.steps.get(f["demand_id"], ()):
                    if earlier >= at and ctx.sees(site, seq, op.seq):
                        why = "backdated"
                        break
            if why:
                out[key] = why
                continue
            if not op.base:
                makers[(op.entity, op.entity_id)].append(key)
            if at is not None:
                self.steps[op.fields["demand_id"]].append((op.site, op.seq, at))
        return out

    def _had(self, ref: tuple[str, str], ctx: Context, before: int) -> bool:
        """Whether the device had an accepted op making the record `ref` (or the record has
        no op anywhere: it was written before the log was kept)."""
        makers = self.makers.get(ref)
        if not makers:
            return ref in self.rows
        site, knows = ctx.site, ctx.knows
        for s, n in makers:  # noqa: SIM110 (a loop: no generator per call, 90,000 calls)
            if n < before if s == site else n <= knows.get(s, 0):
                return True
        return False


def _time(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


_REFERENCES: dict[str, tuple[tuple[str, str, int | None], ...]] = {}
_DIRECT: dict[str, tuple[tuple[str, str], ...]] = {}
"""Per entity: ('"field":"', referenced entity) of its fields that name another record."""


def reference_map() -> dict[str, tuple[tuple[str, str, int | None], ...]]:
    """Per entity: (field, referenced entity, column in a child row or None) of every column
    that names another shared record (enterprise, visit, demand, account)."""
    if _REFERENCES:
        return _REFERENCES
    targets = {"enterprise", "visit", "demand", "account"}
    for entity in se.ENTITIES:
        found: list[tuple[str, str, int | None]] = []
        for name in entity.fields:
            for fk in entity.table.c[name].foreign_keys:
                if fk.column.table.name in targets:
                    found.append((name, fk.column.table.name, None))
        for child in entity.children:
            table = Base.metadata.tables[child.table]
            for i, col in enumerate(child.columns):
                for fk in table.c[col].foreign_keys:
                    if fk.column.table.name in targets:
                        found.append((child.field, fk.column.table.name, i))
        _REFERENCES[entity.name] = tuple(found)
        direct = {name: target for name, target, column in found if column is None}
        _DIRECT[entity.name] = tuple((f'"{name}":"', target) for name, target in direct.items())
    return _REFERENCES


def references(op: Op) -> list[tuple[str, str]]:
    """(entity, id) of the shared records the op's fields name. Named fields are found in
    the op's text (spelled as this application writes it, or its bundle is refused anyway);
    child lists are decoded only when the op writes them."""
    spec = reference_map().get(op.entity)
    if not spec:
        return []
    text = op.text[0]
    out: list[tuple[str, str]] = []
    for key, target in _DIRECT[op.entity]:
        at = text.find(key)
        if at >= 0:
            start = at + len(key)
            out.append((target, text[start : text.find('"', start)]))
    for name, target, column in spec:
        if column is not None and f'"{name}":' in text:
            for row in op.fields.get(name) or ():
                if row[column] is not None:
                    out.append((target, row[column]))
    return out


def arrivals(
    conn: sqlite3.Connection,
    seals: list[Seal],
    authority_ops: list[Op],
    have: dict[str, int],
    local: tuple[str, str],
) -> Arrivals:
    """Judge what a bundle brings before anything of it is written (see `Arrivals`); raises
    `Unplaceable` when its seals cannot be judged here."""
    # nothing of an equivocating device after its cut is taken (`liaison.sync.log.equivocation`)
    caught = equivocation.cuts(conn)
    seals = [s for s in seals if s.last <= caught.get(s.site, s.last)]
    authority_ops = [o for o in authority_ops if o.seq <= caught.get(o.site, o.seq)]
    # a seal may cover ops this replica has already (a copy of the hub's file, set up as a
    # new installation, holds them unsealed): the merge compares those with what is here
    new = [s for s in seals if s.last > have.get(s.site, 0)]
    excluded: dict[tuple[str, int], str] = {}
    while True:
        judge = Judge.of(conn)
        ops = [o for o in authority_ops if (o.site, o.seq) not in excluded]
        settled = settle(judge, new, ops, have)
        settled.refused.update(excluded)
        enrolment = judge.enrolment()
        cut = {
            (o.site, o.seq): why
            for o in ops
            if (o.site, o.seq) not in settled.refused
            and (why := enrolment.cut_reason(o.site, o.seq)) is not None
        }
        if not cut:
            break
        excluded |= cut
    if settled.unknown_origins:
        names = "、".join(settled.unknown_origins[:3])
        if any(not enrolment.kind(s) for s in settled.unknown_origins):
            raise Unplaceable(
                Text("同步包里有未登记设备（{0}）的变更：请先由区联络办登记该设备", names)
            )
        raise Unplaceable(
            Text(
                "同步包里设备 {0} 的变更依赖本机还没有的变更：请先导入更早的同步包，或请对方导出"
                "全部数据（--full）",
                names,
            )
        )
    held = [s for s in seals if s.last <= have.get(s.site, 0)]
    return Arrivals(judge, settled, enrolment, new, have, local, held + settled.order)
