"""The district's enterprises with their tags, contacts and 包联 cadres.

Most enterprises arrive in one roster import per street shortly before the visit window
starts; about one in nine is registered later by its cadre. Enterprises are numbered in
creation order, so their ids (UUIDv7 of the creation time) come out sorted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from liaison.demo import names
from liaison.demo.clockwork import Clockwork, ds, ts
from liaison.demo.names import Picker
from liaison.demo.people import Staff
from liaison.demo.reference import Reference
from liaison.domain.vocab import TAGS

ENTERPRISE_COLUMNS = (
    "id",
    "name",
    "uscc",
    "legal_rep",
    "street_id",
    "address",
    "industry",
    "scale",
    "phone",
    "established_on",
    "deleted_at",
    "created_at",
    "created_by",
    "created_device",
    "updated_at",
    "updated_by",
    "updated_device",
)
CONTACT_COLUMNS = (
    "id",
    "enterprise_id",
    "name",
    "title",
    "phone",
    "is_primary",
    "created_at",
    "created_by",
    "created_device",
    "updated_at",
    "updated_by",
    "updated_device",
)
ASSIGNMENT_COLUMNS = (
    "id",
    "enterprise_id",
    "account_id",
    "is_lead",
    "start_on",
    "end_on",
    "created_at",
    "created_by",
    "created_device",
    "updated_at",
    "updated_by",
    "updated_device",
)

STREET_WEIGHTS: dict[str, float] = {
    "观音桥街道": 22,
    "华新街街道": 9,
    "五里店街道": 9,
    "江北城街道": 8,
    "石马河街道": 10,
    "大石坝街道": 10,
    "寸滩街道": 8,
    "铁山坪街道": 3,
    "郭家沱街道": 5,
    "鱼嘴镇": 9,
    "复盛镇": 4,
    "五宝镇": 3,
}
_TAG = Picker(
    [
        ("科技型企业", 50),
        ("高新技术企业", 30),
        ("专精特新", 15),
        ("小巨人", 3),
        ("民营500强", 1),
        ("上市", 1.5),
    ]
)
_BIG_INDUSTRIES = frozenset("BCDEK")
_TRADE_INDUSTRIES = frozenset("FH")
_TECH_INDUSTRIES = frozenset("CIM")
_PRIMARY_TITLES = ("总经理", "董事长", "执行董事", "法定代表人")
_OTHER_TITLES = ("办公室主任", "财务负责人", "行政经理", "人事经理", "副总经理", "综合部经理")


@dataclass
class Firms:
    """Per-enterprise facts later steps need (parallel lists, indexed by enterprise)."""

    ids: list[str] = field(default_factory=list)
    street: list[int] = field(default_factory=list)
    since: list[date] = field(default_factory=list)
    """First day the enterprise can be visited (its record exists)."""
    individual: list[bool] = field(default_factory=list)
    industry: list[str] = field(default_factory=list)
    weight: list[float] = field(default_factory=list)
    contacts: list[tuple[tuple[str, str], ...]] = field(default_factory=list)
    lead: list[int] = field(default_factory=list)
    """Index into Staff.cadres."""
    assist: list[int] = field(default_factory=list)
    """Index into Staff.cadres, or -1."""
    names: list[str] = field(default_factory=list)
    rows: list[tuple[object, ...]] = field(default_factory=list)
    tag_rows: list[tuple[object, ...]] = field(default_factory=list)
    contact_rows: list[tuple[object, ...]] = field(default_factory=list)
    assignment_rows: list[tuple[object, ...]] = field(default_factory=list)


def _scale(cw: Clockwork, industry: str) -> str:
    r = cw.rng.random()
    if industry in _BIG_INDUSTRIES and r < 0.09:
        return "above_designated"
    if industry in _TRADE_INDUSTRIES and r < 0.08:
        return "above_quota"
    if r < 0.05:
        return "above_designated"  # 规上服务业
    return "below_designated" if r < 0.32 else "micro"


def _tags(cw: Clockwork, industry: str, scale: str) -> tuple[str, ...]:
    rng = cw.rng
    p = 0.06
    if industry in _TECH_INDUSTRIES:
        p *= 2.6
    if scale.startswith("above"):
        p *= 2.2
    if rng.random() >= p:
        return ()
    tags = {_TAG(rng)}
    if rng.random() < 0.3:
        tags.add(_TAG(rng))
    if "小巨人" in tags:
        tags.add("专精特新")
    return tuple(t for t in TAGS if t in tags)


def make_firms(
    ref: Reference, staff: Staff, cw: Clockwork, count: int, window_start: date, today: date
) -> Firms:
    rng = cw.rng
    cal = cw.cal
    street_pick = Picker(
        [(str(i), STREET_WEIGHTS.get(name, 5.0)) for i, (_, name) in enumerate(ref.streets)]
    )
    n_late = count // 9
    n_import = count - n_late
    streets = sorted(int(street_pick(rng)) for _ in range(n_import))
    # Roster imports: one working day per street, before the window opens.
    import_day: dict[int, date] = {}
    day = window_start - timedelta(days=40)
    for s in sorted(set(streets)):
        day = cal.add_working_days(day, 1)
        import_day[s] = day
    span = (today - window_start).days - 2
    late = sorted(
        (
            cw.office_time(
                cw.workday_on_or_after(window_start + timedelta(int(rng.random() * span)))
            ),
            int(street_pick(rng)),
        )
        for _ in range(n_late)
    )
    plan: list[tuple[datetime, int, bool]] = []
    clock: dict[int, datetime] = {}
    for s in streets:
        t = clock.get(s) or cw.office_time(import_day[s])
        t += timedelta(microseconds=1500 + int(rng.random() * 3000))
        clock[s] = t
        plan.append((t, s, False))
    plan.extend((t, s, True) for t, s in late)

    f = Firms()
    f.lead = _leads(plan, len(staff.cadres))
    f.assist = [-1] * len(plan)
    seen_names: set[str] = set()
    seen_codes: set[str] = set()
    device = ref.device_id
    for i, (created, s, is_late) in enumerate(plan):
        # The roster import (admin), or later registration by the enterprise's cadre.
        by = staff.cadres[f.lead[i]].account_id if is_late else staff.admin.account_id
        eid = cw.id_at(created)
        street_id, street_name = ref.streets[s]
        legal_rep = names.person_name(rng)
        individual = rng.random() < 0.11
        while True:
            if individual:
                name, industry = names.shop_name(rng, legal_rep)
            else:
                industry = names.INDUSTRY(rng)
                name = names.company_name(rng, industry)
            if name not in seen_names:
                break
        seen_names.add(name)
        scale = "individual" if individual else _scale(cw, industry)
        if is_late:
            established = created.date() - timedelta(days=int(rng.random() * 200))
        else:
            back = (
                int(28 * rng.random() ** 1.7 * 365)
                if not individual
                else int(rng.random() * 12 * 365)
            )
            established = window_start - timedelta(days=60 + back)
        while True:
            code = names.uscc_for(rng, individual=individual, established_year=established.year)
            if code not in seen_codes:
                break
        seen_codes.add(code)
        phone = names.mobile(rng) if individual or rng.random() < 0.3 else names.landline(rng)
        tags = () if individual else _tags(cw, industry, scale)
        f.ids.append(eid)
        f.names.append(name)
        f.street.append(s)
        f.since.append(created.date())
        f.individual.append(individual)
        f.industry.append(industry)
        w = 0.5 if individual else 2.2 if scale.startswith("above") else 1.0
        f.weight.append((w + 0.8 * len(tags)) * (1.3 if is_late else 1.0))
        f.rows.append(
            (
                eid,
                name,
                code,
                legal_rep,
                street_id,
                names.address(rng, street_name),
                industry,
                scale,
                phone,
                ds(established),
                None,
                ts(created),
                by,
                device,
                ts(created),
                by,
                device,
            )
        )
        f.tag_rows.extend((eid, t) for t in tags)
        contacts = _contacts(cw, eid, created, legal_rep, individual, by, device)
        f.contact_rows.extend(contacts)
        f.contacts.append(tuple((str(c[2]), str(c[3])) for c in contacts))
    _assign(f, staff, cw, plan, ref)
    return f


def _contacts(
    cw: Clockwork,
    eid: str,
    created: datetime,
    legal_rep: str,
    individual: bool,
    by: str,
    device: str,
) -> list[tuple[object, ...]]:
    rng = cw.rng
    people: list[tuple[str, str]] = []
    if individual:
        people.append((legal_rep, "经营者"))
    elif rng.random() < 0.5:
        people.append((legal_rep, _PRIMARY_TITLES[int(rng.random() * 4)]))
    else:
        people.append((names.person_name(rng), _OTHER_TITLES[int(rng.random() * 3)]))
    if not individual and rng.random() < 0.45:
        people.append((names.person_name(rng), _OTHER_TITLES[int(rng.random() * 6)]))
    out: list[tuple[object, ...]] = []
    for k, (name, title) in enumerate(people):
        t = created + timedelta(microseconds=200 + k * 100)
        out.append(
            (
                cw.id_at(t),
                eid,
                name,
                title,
                names.mobile(rng),
                1 if k == 0 else 0,
                ts(t),
                by,
                device,
                ts(t),
                by,
                device,
            )
        )
    return out


def _leads(plan: list[tuple[datetime, int, bool]], cadres: int) -> list[int]:
    """包联: deal the street-sorted enterprises out to the cadres in contiguous blocks, so each
    cadre looks after neighbours (~50–100 enterprises at either scale)."""
    n = len(plan)
    lead = [0] * n
    for pos, i in enumerate(sorted(range(n), key=lambda i: (plan[i][1], i))):
        lead[i] = pos * cadres // n
    return lead


def _assign(
    f: Firms,
    staff: Staff,
    cw: Clockwork,
    plan: list[tuple[datetime, int, bool]],
    ref: Reference,
) -> None:
    """The assignment rows; about one enterprise in five also gets an assisting cadre."""
    rng = cw.rng
    cadres = staff.cadres
    k = len(cadres)
    if k > 1:
        for i, c in enumerate(f.lead):
            if rng.random() < 0.2:
                f.assist[i] = (c + 1 + int(rng.random() * min(3, k - 1))) % k
    sup = staff.supervisors[0] if staff.supervisors else staff.admin
    device = ref.device_id
    # Imported enterprises are assigned in one sitting after the last import; later ones
    # right after registration (by their cadre's street office or the hub).
    imported_done = max((t for t, _, late in plan if not late), default=None)
    batch_t = cw.later(imported_done, 1, 3) if imported_done else None
    for i, (created, _, is_late) in enumerate(plan):
        if is_late:
            t = created + timedelta(minutes=2 + int(rng.random() * 60))
        else:
            assert batch_t is not None
            batch_t += timedelta(microseconds=500 + int(rng.random() * 1500))
            t = batch_t
        start = t.date()
        for lead_flag, c in ((1, f.lead[i]), (0, f.assist[i])):
            if c < 0:
                continue
            t += timedelta(microseconds=100)
            f.assignment_rows.append(
                (
                    cw.id_at(t),
                    f.ids[i],
                    cadres[c].account_id,
                    lead_flag,
                    ds(start),
                    None,
                    ts(t),
                    sup.account_id,
                    device,
                    ts(t),
                    sup.account_id,
                    device,
                )
            )
        if is_late:
            f.since[i] = start
