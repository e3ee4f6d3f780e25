"""The app's login roles on a PostgreSQL hub (issue 16, docs/postgresql.md): `liaison init`, run
with the owner role, makes the schema and grants the group role `liaison_users` the rows; a
login role in that group works the app but cannot change the schema, nor run `liaison init`."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text

from liaison import cli
from liaison.data.pg_db import USERS_ROLE
from liaison.domain.errors import DomainError
from liaison.services import accounts
from liaison.services.setup import init_database, open_database
from tests.conftest import make_cast, pg_url

OWNER, DESK = "liaison_owner_t", "desk_t"


@pytest.fixture
def owned(pg_server: str) -> Iterator[str]:
    """An empty database owned by OWNER, with DESK a member of USERS_ROLE; its name."""
    with psycopg.connect(pg_server, autocommit=True) as admin:
        for role, options in ((OWNER, "LOGIN"), (USERS_ROLE, "NOLOGIN"), (DESK, "LOGIN")):
            if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                admin.execute(f"CREATE ROLE {role} {options}")
        admin.execute(f"GRANT {USERS_ROLE} TO {DESK}")
        admin.execute("DROP DATABASE IF EXISTS roles_t")
        admin.execute(f"CREATE DATABASE roles_t OWNER {OWNER}")
        # PostgreSQL 15: only the database's owner may create in its schema public
    yield "roles_t"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS roles_t WITH (FORCE)")


def _as(pg_server: str, role: str, name: str) -> str:
    return pg_url(pg_server.replace("user=postgres", f"user={role}"), name)


def test_a_desk_role_works_the_app_but_cannot_change_the_schema(pg_server: str, owned: str) -> None:
    init_database(_as(pg_server, OWNER, owned))
    db = open_database(_as(pg_server, DESK, owned))
    try:
        cast = make_cast(db)  # a district, accounts, an enterprise and its cadre
        assert accounts.sign_in(db, "cadre", "password-123").account_id == cast.cadre.account_id
        with pytest.raises(Exception, match="permission denied"), db.session() as s:
            s.execute(text("CREATE TABLE intruder (id integer)"))
        with pytest.raises(Exception, match="must be owner"), db.session() as s:
            s.execute(text("ALTER TABLE demand ADD COLUMN intruder integer"))
    finally:
        db.dispose()


def test_init_with_a_desk_role_is_refused_clearly_and_makes_nothing(
    pg_server: str, owned: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _as(pg_server, DESK, owned)
    with pytest.raises(DomainError, match="没有权限"):
        init_database(url)
    assert cli.main(["init", "--db", url]) == 1
    err = capsys.readouterr().err
    assert "没有权限" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    with psycopg.connect(pg_server.replace("dbname=postgres", f"dbname={owned}")) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
    assert tables == (0,)
