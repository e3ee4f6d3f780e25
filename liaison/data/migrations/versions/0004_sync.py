"""offline sync: op log, conflicts, peers, bundles, device keys

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from liaison.sync.log.oplog import DDL, DROP

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

DEVICE_COLUMNS = (
    sa.Column("public_key", sa.String(64), nullable=False, server_default=""),
    sa.Column("fingerprint", sa.String(60), nullable=False, server_default=""),
    sa.Column("trusted_at", sa.DateTime(), nullable=True),
    sa.Column("trusted_by", sa.String(36), nullable=True),
    sa.Column("revoked_at", sa.DateTime(), nullable=True),
)


def upgrade() -> None:
    for stmt in DDL:
        op.execute(stmt)
    with op.batch_alter_table("device") as batch:
        for column in DEVICE_COLUMNS:
            batch.add_column(column)
    # one company registered twice offline is a conflict to merge, not a failed import
    with op.batch_alter_table("enterprise") as batch:
        batch.drop_constraint("uq_enterprise_uscc", type_="unique")
        batch.create_index("ix_enterprise_uscc", ["uscc"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("enterprise") as batch:
        batch.drop_index("ix_enterprise_uscc")
        batch.create_unique_constraint("uq_enterprise_uscc", ["uscc"])
    with op.batch_alter_table("device") as batch:
        for column in DEVICE_COLUMNS:
            batch.drop_column(column.name)
    for stmt in DROP:
        op.execute(stmt)
