"""metrics indexes (coverage and event figures without sorts or table reads)

Revision ID: 0003
Revises: 0002

Planned as a per-enterprise monthly visit summary kept by triggers; measured on the district
database it answered "visited in the period" no faster than the covering index
ix_visit_enterprise_date already does (bench/RESULTS.md), so the metrics got these covering
indexes instead and no derived table needs keeping in step with the visits.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES: tuple[tuple[str, str, list[str]], ...] = (
    ("ix_account_metric_keys", "account", ["id", "department_id"]),
    ("ix_enterprise_deleted_at", "enterprise", ["deleted_at"]),
    ("ix_enterprise_metric_keys", "enterprise", ["id", "street_id", "deleted_at"]),
    (
        "ix_assignment_account_enterprise",
        "assignment",
        ["account_id", "enterprise_id", "start_on", "end_on"],
    ),
    ("ix_demand_metric_keys", "demand", ["id", "created_by", "category_id", "enterprise_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's autovacuum keeps its own statistics
    # Sampled statistics for the new indexes, so the planner uses them (as PRAGMA optimize).
    op.execute("PRAGMA analysis_limit=1000")
    for name, _table, _columns in INDEXES:
        op.execute(f"ANALYZE {name}")


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
