"""trust across devices: device classes and enrolled accounts, seals, set-aside ops

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copy of the DDL as this revision made it (see 0004).
SEAL_DDL = """CREATE TABLE IF NOT EXISTS sync_seal (
        site TEXT NOT NULL,
        first INTEGER NOT NULL,
        last INTEGER NOT NULL,
        vector TEXT NOT NULL,
        digest TEXT NOT NULL,
        signature BLOB NOT NULL,
        PRIMARY KEY (site, first)
    ) WITHOUT ROWID"""

EQUIVOCATION_DDL = """CREATE TABLE IF NOT EXISTS sync_equivocation (
        site TEXT NOT NULL,
        seal_a TEXT NOT NULL,
        seal_b TEXT NOT NULL,
        cut INTEGER NOT NULL,
        PRIMARY KEY (site, seal_a, seal_b)
    ) WITHOUT ROWID"""

LAST_CHANGE = ("updated_at", "updated_by", "updated_device")


def _seal(account_id: str, password_hash: str) -> str:
    """A frozen copy of liaison.domain.credentials.seal (see 0004)."""
    return hashlib.sha256(f"liaison-credential/1\n{account_id}\n{password_hash}".encode()).hexdigest()


def _last_change_columns(batch: object) -> None:
    add = batch.add_column  # type: ignore[attr-defined]
    add(sa.Column("updated_at", sa.DateTime(), nullable=True))
    add(sa.Column("updated_by", sa.String(36), nullable=True))
    add(sa.Column("updated_device", sa.String(36), nullable=True))


def _portable(stmt: str) -> str:
    """As in 0004: no WITHOUT ROWID on PostgreSQL, and BLOB is bytea there."""
    if op.get_bind().dialect.name != "postgresql":
        return stmt
    return stmt.replace(" WITHOUT ROWID", "").replace(" BLOB ", " bytea ")


def upgrade() -> None:
    op.execute(_portable(SEAL_DDL))
    op.execute(_portable(EQUIVOCATION_DDL))
    op.execute("ALTER TABLE sync_op ADD COLUMN refused TEXT")
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("kind", sa.String(10), nullable=False, server_default=""))
        batch.add_column(sa.Column("revoked_by", sa.String(36), nullable=True))
        batch.add_column(sa.Column("revoked_seq", sa.Integer(), nullable=True))
        _last_change_columns(batch)
    op.execute("UPDATE device SET updated_at = created_at")
    with op.batch_alter_table("holiday") as batch:
        _last_change_columns(batch)
    op.execute("UPDATE holiday SET updated_at = '2000-01-01 00:00:00.000000'")
    for table in ("device", "holiday"):
        with op.batch_alter_table(table) as batch:
            batch.alter_column("updated_at", existing_type=sa.DateTime(), nullable=False)
    op.create_table(
        "device_account",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("account_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_device_account_device_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_device_account_account_id_account")
        ),
        sa.PrimaryKeyConstraint("device_id", "account_id", name=op.f("pk_device_account")),
    )
    # one name made twice on two hub devices offline is a conflict to rename, not a failure;
    # password hashes leave the ops (a seal of them stays), travelling only where needed
    with op.batch_alter_table("account") as batch:
        batch.drop_constraint("uq_account_username", type_="unique")
        batch.create_index("ix_account_username", ["username"], unique=False)
        batch.add_column(
            sa.Column("password_seal", sa.String(64), nullable=False, server_default="")
        )
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT id, password_hash FROM account").fetchall()
    for account_id, password_hash in rows:
        conn.execute(
            sa.text("UPDATE account SET password_seal = :seal WHERE id = :id"),
            {"seal": _seal(account_id, password_hash), "id": account_id},
        )
    # nothing ever made attachments: the model and its sync entity are gone
    with op.batch_alter_table("attachment") as batch:
        batch.drop_index("ix_attachment_owner_id")
    op.drop_table("attachment")


def downgrade() -> None:
    raise NotImplementedError("Liaison never downgrades a database: restore a backup instead")
