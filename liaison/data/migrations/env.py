"""Alembic environment: runs on the connection handed over by `liaison.data.migrate`."""

from __future__ import annotations

from alembic import context

from liaison.data.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` from a developer's shell
    from liaison.data.db import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url", "liaison-dev.sqlite"))
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
