"""SQLAlchemy models: the tables of one Liaison replica.

Every record id is a UUIDv7 made where the record is created (`liaison.domain.ids.new_id`), so
devices that work offline never collide. Mutable records say which account on which device
created and last changed them; the sync op log (docs/sync.md) sits beside these tables.
Timestamps are naive Beijing time (`liaison.domain.clock`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from liaison.domain.clock import now
from liaison.domain.ids import new_id

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(36)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _id_column() -> Mapped[str]:
    return mapped_column(ID, primary_key=True, default=new_id)


class Audited:
    """Who made and last changed a record, where and when (devices work offline)."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    created_by: Mapped[str | None] = mapped_column(ID)
    created_device: Mapped[str | None] = mapped_column(ID)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)
    updated_by: Mapped[str | None] = mapped_column(ID)
    updated_device: Mapped[str | None] = mapped_column(ID)


class Device(Base):
    """An installation of Liaison. Exactly one row has is_local = true: this machine.

    A device is enrolled by an administrator on a hub device (docs/sync.md, "Authority"): as
    a hub device (the district office's machines: any account, administration) or a field
    device (laptops, street offices: only the accounts enrolled on it, `DeviceAccount`). Its
    key and class never change; a revocation says after which of its ops nothing counts."""

    __tablename__ = "device"
    id: Mapped[str] = _id_column()
    name: Mapped[str] = mapped_column(String(100))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    public_key: Mapped[str] = mapped_column(String(64), default="")
    """Ed25519 public key (raw, base64) that signs the device's bundles and seals its ops."""
    fingerprint: Mapped[str] = mapped_column(String(60), default="")
    kind: Mapped[str] = mapped_column(String(10), default="", server_default="")
    """`hub` or `field` once enrolled ('' before)."""
    trusted_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When an administrator enrolled it, having compared its fingerprint."""
    trusted_by: Mapped[str | None] = mapped_column(ID)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_by: Mapped[str | None] = mapped_column(ID)
    revoked_seq: Mapped[int | None] = mapped_column(Integer)
    """The last of its ops that still counts (what the revoking hub had of it)."""
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)
    updated_by: Mapped[str | None] = mapped_column(ID)
    updated_device: Mapped[str | None] = mapped_column(ID)


class DeviceAccount(Base):
    """An account that may sign in on a field device (part of its enrolment)."""

    __tablename__ = "device_account"
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"), primary_key=True)


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Street(Base):
    """One of the district's streets (街道) or towns (镇)."""

    __tablename__ = "street"
    id: Mapped[str] = _id_column()
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # street | town


class Department(Audited, Base):
    __tablename__ = "department"
    id: Mapped[str] = _id_column()
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(20), default="department")  # department | hub
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Account(Audited, Base):
    __tablename__ = "account"
    __table_args__ = (
        # coverage by department: an account's department read from the index alone
        Index("ix_account_metric_keys", "id", "department_id"),
    )
    id: Mapped[str] = _id_column()
    username: Mapped[str] = mapped_column(String(60), index=True)
    """Unique among accounts made on one device (checked by the services); two hub devices
    offline may still make one name twice, which sync shows as a conflict to rename."""
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    street_id: Mapped[str | None] = mapped_column(ForeignKey("street.id"))
    phone: Mapped[str] = mapped_column(String(30), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    """This replica's copy of the password's scrypt hash: never part of an op; it reaches only
    the devices the account is enrolled on, beside the bundle (docs/sync.md, "Credentials")."""
    password_seal: Mapped[str] = mapped_column(String(64), default="", server_default="")
    """What ops carry of the password: SHA-256 of the account id and the hash (`credential_seal`),
    so a receiver knows the hash it is given is the one the account's op says."""
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    """Set when an administrator chose the password (a new account, a reset, the demo's): the
    person chooses their own at the next sign-in before anything else."""


class PolicyMeasure(Base):
    """A numbered measure of the district policy: the source of a routing rule."""

    __tablename__ = "policy_measure"
    no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(100))
    section: Mapped[str] = mapped_column(String(200), default="")


class Category(Audited, Base):
    """A kind of demand, its routing rule and its time limits in working days."""

    __tablename__ = "category"
    id: Mapped[str] = _id_column()
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    measure_no: Mapped[int | None] = mapped_column(ForeignKey("policy_measure.no"))
    reply_days: Mapped[int] = mapped_column(Integer, default=3)
    resolve_days: Mapped[int] = mapped_column(Integer, default=15)
    max_days: Mapped[int] = mapped_column(Integer, default=30)
    extension_notice_days: Mapped[int] = mapped_column(Integer, default=1)
    return_days: Mapped[int] = mapped_column(Integer, default=2)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CategoryUnit(Base):
    """Routing rule: the lead (牵头) and responsible (责任) units a category proposes."""

    __tablename__ = "category_unit"
    category_id: Mapped[str] = mapped_column(ForeignKey("category.id"), primary_key=True)
    department_id: Mapped[str] = mapped_column(ForeignKey("department.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(12))  # lead | responsible
    position: Mapped[int] = mapped_column(Integer, default=0)


class Enterprise(Audited, Base):
    __tablename__ = "enterprise"
    __table_args__ = (
        # the metrics: deleted enterprises found without a scan; an enterprise's street (and
        # whether it is deleted) read from the index alone
        Index("ix_enterprise_deleted_at", "deleted_at"),
        Index("ix_enterprise_metric_keys", "id", "street_id", "deleted_at"),
    )
    id: Mapped[str] = _id_column()
    name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str] = mapped_column(String(18), index=True)
    """Unique among live enterprises (checked by the services); two offline devices may still
    register one company twice, which sync shows as a conflict to merge."""
    legal_rep: Mapped[str] = mapped_column(String(60), default="")
    street_id: Mapped[str | None] = mapped_column(ForeignKey("street.id"), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    industry: Mapped[str] = mapped_column(String(2), default="")  # GB/T 4754 门类 letter
    scale: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    established_on: Mapped[date | None] = mapped_column(Date)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)


class EnterpriseTag(Base):
    __tablename__ = "enterprise_tag"
    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)


class Contact(Audited, Base):
    __tablename__ = "contact"
    id: Mapped[str] = _id_column()
    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class Assignment(Audited, Base):
    """包联: a cadre assigned to look after an enterprise from `start_on` (until `end_on`)."""

    __tablename__ = "assignment"
    __table_args__ = (
        Index("ix_assignment_account_active", "account_id", "end_on"),
        # covers the coverage metric: who looks after which enterprise during a period
        Index(
            "ix_assignment_enterprise_period", "enterprise_id", "start_on", "end_on", "account_id"
        ),
        # coverage by cadre: a cadre's enterprises in order, so no sort
        Index(
            "ix_assignment_account_enterprise", "account_id", "enterprise_id", "start_on", "end_on"
        ),
    )
    id: Mapped[str] = _id_column()
    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"))
    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    is_lead: Mapped[bool] = mapped_column(Boolean, default=True)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)


class Visit(Audited, Base):
    __tablename__ = "visit"
    __table_args__ = (
        # "visited in the period" answered from the index alone (deleted visits excluded)
        Index("ix_visit_enterprise_date", "enterprise_id", "visit_date", "deleted_at"),
    )
    id: Mapped[str] = _id_column()
    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"))
    visit_date: Mapped[date] = mapped_column(Date, index=True)
    mode: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Why it was deleted (a visit logged by mistake); kept when it is restored."""


class VisitParticipant(Base):
    __tablename__ = "visit_participant"
    id: Mapped[str] = _id_column()
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    side: Mapped[str] = mapped_column(String(12))  # government | enterprise
    title: Mapped[str] = mapped_column(String(60), default="")


class Demand(Audited, Base):
    """A demand (诉求/堵点/卡点/意见建议). Columns after `raised_on` are derived from its events
    by `liaison.domain.workflow.fold` and are never edited directly."""

    __tablename__ = "demand"
    __table_args__ = (
        Index("ix_demand_lead_state_deadline", "lead_department_id", "state", "deadline"),
        Index("ix_demand_state_deadline", "state", "deadline"),
        Index("ix_demand_raised_on", "raised_on"),
        Index("ix_demand_enterprise", "enterprise_id"),
        # the event metrics by street, cadre and category: a demand's groups from the index
        Index("ix_demand_metric_keys", "id", "created_by", "category_id", "enterprise_id"),
    )
    id: Mapped[str] = _id_column()
    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"))
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    category_id: Mapped[str] = mapped_column(ForeignKey("category.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(10), default="normal")
    raised_on: Mapped[date] = mapped_column(Date)
    # derived from the events
    state: Mapped[str] = mapped_column(String(20))
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    lead_department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    routed_at: Mapped[datetime | None] = mapped_column(DateTime)
    reply_deadline: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    followed_up_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str | None] = mapped_column(String(12))
    satisfaction: Mapped[str | None] = mapped_column(String(12))
    pending_extension: Mapped[date | None] = mapped_column(Date)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    return_count: Mapped[int] = mapped_column(Integer, default=0)
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("demand.id"))
    last_event_at: Mapped[datetime | None] = mapped_column(DateTime)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)


class DemandUnit(Base):
    """The units a demand is currently routed to (derived from its last 交办), with the
    demand's openness and deadline copied so that a department's queue is one index range."""

    __tablename__ = "demand_unit"
    __table_args__ = (Index("ix_demand_unit_queue", "department_id", "is_open", "deadline"),)
    demand_id: Mapped[str] = mapped_column(ForeignKey("demand.id"), primary_key=True)
    department_id: Mapped[str] = mapped_column(ForeignKey("department.id"), primary_key=True)
    is_lead: Mapped[bool] = mapped_column(Boolean)
    is_open: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline: Mapped[date | None] = mapped_column(Date)


class DemandEvent(Base):
    """One step of a demand's life: append-only; corrections are new events."""

    __tablename__ = "demand_event"
    __table_args__ = (
        # a demand's steps in order with their kind: what became of a step (the cohort
        # metrics) is answered from the index alone
        Index("ix_demand_event_steps", "demand_id", "at", "id", "kind", "flagged"),
        # the event metrics (交办/签收/退回/办结 per period) answered from the index alone
        Index(
            "ix_demand_event_kind_at", "kind", "at", "department_id", "due", "flagged", "demand_id"
        ),
    )
    id: Mapped[str] = _id_column()
    demand_id: Mapped[str] = mapped_column(ForeignKey("demand.id"))
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"))
    actor_role: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str | None] = mapped_column(ID)
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    """The unit concerned: routed to (交办), or the acting unit (签收, 退回, 办结...)."""
    due: Mapped[date | None] = mapped_column(Date)
    """The limit this step was held to: reply limit for 交办/签收, deadline for 办结."""
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)


class DemandPeriod(Base):
    """A stretch of a demand's life the figures judge (`liaison.domain.periods`): from a step
    that leaves it open or resolves it to the next 交办 or change of state or deadline. Derived
    from the events, like the demand's state columns; never synced."""

    __tablename__ = "demand_period"
    __table_args__ = (
        Index("ix_demand_period_demand", "demand_id"),
        # the 交办 and 办结 cohorts of a period and what became of each, from the index alone
        Index(
            "ix_demand_period_cohort",
            "kind",
            "at",
            "department_id",
            "due",
            "end_state",
            "end_at",
            "demand_id",
        ),
        # open and past the deadline at the end of a day: the periods running then
        Index("ix_demand_period_running", "end_at", "at", "state", "deadline", "demand_id"),
    )
    event_id: Mapped[str] = mapped_column(ID, primary_key=True)
    """The step that began it."""
    demand_id: Mapped[str] = mapped_column(ForeignKey("demand.id"))
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(DateTime)
    department_id: Mapped[str | None] = mapped_column(ID)
    """The unit of the step that began it (`demand_event.department_id`)."""
    due: Mapped[date | None] = mapped_column(Date)
    """The limit the step that began it was held to (`demand_event.due`)."""
    state: Mapped[str] = mapped_column(String(20))
    deadline: Mapped[date | None] = mapped_column(Date)
    """The deadline in force during the period."""
    end_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When the step that ended it was made; None while it lasts."""
    end_state: Mapped[str | None] = mapped_column(String(20))
    """The state the step that ended it set."""


class Holiday(Base):
    """An admin-entered day that overrides the built-in holiday calendar."""

    __tablename__ = "holiday"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)
    updated_by: Mapped[str | None] = mapped_column(ID)
    updated_device: Mapped[str | None] = mapped_column(ID)
