"""enterprise search index (FTS5 trigram + gram table)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from liaison.data.search import DDL, DROP

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for stmt in DDL:
        op.execute(stmt)


def downgrade() -> None:
    for stmt in DROP:
        op.execute(stmt)
