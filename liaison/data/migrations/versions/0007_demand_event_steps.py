"""a demand's steps in order, with their kind: the cohort metrics read them from the index

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # supersedes ix_demand_event_demand_at (its first two columns): what became of a step
    # (the next 签收, 退回, 交办 or 回访 of its demand) is answered from the index alone
    op.create_index(
        "ix_demand_event_steps", "demand_event", ["demand_id", "at", "id", "kind", "flagged"]
    )
    op.drop_index("ix_demand_event_demand_at", table_name="demand_event")


def downgrade() -> None:
    op.create_index("ix_demand_event_demand_at", "demand_event", ["demand_id", "at"])
    op.drop_index("ix_demand_event_steps", table_name="demand_event")
