"""enterprise search index (FTS5 trigram + gram table)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

# Frozen copy of the DDL as this revision made it: a later change to the live constants
# needs a migration of its own (tests/data/test_migrations.py compares the two).
DDL = (
    """CREATE TABLE IF NOT EXISTS enterprise_search (
        doc INTEGER PRIMARY KEY,
        enterprise_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        initials TEXT NOT NULL,
        pinyin TEXT NOT NULL,
        uscc TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS ix_enterprise_search_name ON enterprise_search(name)",
    "CREATE INDEX IF NOT EXISTS ix_enterprise_search_uscc ON enterprise_search(uscc)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS enterprise_fts USING fts5(
        name, initials, pinyin,
        content='enterprise_search', content_rowid='doc', tokenize='trigram'
    )""",
    """CREATE TABLE IF NOT EXISTS enterprise_gram (
        gram TEXT NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (gram, doc)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS ix_enterprise_gram_doc ON enterprise_gram(doc)",
)
DROP = (
    "DROP TABLE IF EXISTS enterprise_gram",
    "DROP TABLE IF EXISTS enterprise_fts",
    "DROP TABLE IF EXISTS enterprise_search",
)

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
