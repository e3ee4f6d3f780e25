"""offline sync: op log, conflicts, peers, bundles, device keys

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Frozen copy of the DDL as this revision made it: a later change to the live constants
# needs a migration of its own (tests/data/test_migrations.py compares the two).
DDL = (
    """CREATE TABLE IF NOT EXISTS sync_op (
        site TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hlc TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        account TEXT,
        fields TEXT NOT NULL,
        base TEXT NOT NULL,
        PRIMARY KEY (site, seq)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS ix_sync_op_record ON sync_op(entity, entity_id)",
    """CREATE TABLE IF NOT EXISTS sync_conflict (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        heads TEXT NOT NULL,
        winner TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, field)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_peer (
        device_id TEXT PRIMARY KEY,
        vector TEXT NOT NULL DEFAULT '{}',
        last_import_at TEXT,
        last_export_at TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS sync_bundle (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL,
        peer_id TEXT,
        peer_name TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL,
        handled_at TEXT NOT NULL,
        ops INTEGER NOT NULL,
        new_ops INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT '{}',
        file TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE IF NOT EXISTS device_key (
        device_id TEXT PRIMARY KEY,
        private_key BLOB NOT NULL
    )""",
)
DROP = (
    "DROP TABLE IF EXISTS device_key",
    "DROP TABLE IF EXISTS sync_bundle",
    "DROP TABLE IF EXISTS sync_peer",
    "DROP TABLE IF EXISTS sync_conflict",
    "DROP TABLE IF EXISTS sync_op",
)

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


def _portable(stmt: str) -> str:
    """The statement for the database at hand: PostgreSQL has no WITHOUT ROWID, and calls
    BLOB bytea (frozen with this revision, like the DDL)."""
    if op.get_bind().dialect.name != "postgresql":
        return stmt
    return stmt.replace(" WITHOUT ROWID", "").replace(" BLOB ", " bytea ")


def upgrade() -> None:
    for stmt in DDL:
        op.execute(_portable(stmt))
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
