"""What this replica records for sync, in the same transaction as every change it makes.

The lower half of the sync package (docs/architecture.md, docs/sync.md): the op log
(`oplog`), the shared records and how they are read and written from ops (`records`), and the
checks every op passes before it is logged or accepted (`checks`). Services, imports and the
demo write through it, so it sits below them; the exchange of bundles
(`liaison.sync.exchange`) sits above the services.
"""

from __future__ import annotations

from pathlib import Path

from liaison.data.db import Database, is_server
from liaison.sync.log import oplog


def database(path: Path | str) -> Database:
    """The database at `path`, every unit of work logging its shared changes (the only way
    the application opens one: a session without the op log would change records that never
    reach another device). A `postgresql://` URL opens the database on that server
    (`liaison.data.pg_db`)."""
    if is_server(path):
        from liaison.data.pg_db import PgDatabase  # psycopg only where a server is used

        return PgDatabase(str(path), hooks=(oplog.install,))
    return Database(path, hooks=(oplog.install,))
