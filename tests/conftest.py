"""Shared fixtures: a real SQLite file per test, initialised like `liaison init` does."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the log of every command and app a test runs goes to a folder of its own, not the user's
os.environ.setdefault("LIAISON_LOG_DIR", tempfile.mkdtemp(prefix="liaison-test-logs-"))


from liaison.data import driver
from liaison.data.db import Database
from liaison.data.models import Category, Department, Street
from liaison.domain import clock
from liaison.domain.roles import Role
from liaison.services import accounts, enterprises, visits
from liaison.services.context import Actor
from liaison.services.setup import init_database
from liaison.sync.log import database

VALID_USCC = "91500105MA5U3X8P2E"


@pytest.fixture(autouse=True, scope="session")
def _qt_test_paths() -> None:
    """QSettings and app-data folders go to Qt's test locations, not the user's."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("LiaisonTests")
    QCoreApplication.setApplicationName("LiaisonTests")


@pytest.fixture(autouse=True)
def sign_in_pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """How long failed sign-ins would have waited (recorded, not slept)."""
    waited: list[float] = []
    monkeypatch.setattr(accounts, "pause", waited.append)
    return waited


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One initialised database file, copied for each test (migrations run once)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    init_database(path)
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:

    path = tmp_path / "liaison.sqlite"
    src = driver.connect(template_db)
    dst = driver.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return path


ON_POSTGRESQL = os.environ.get("LIAISON_TEST_DATABASE") == "postgresql"
"""Whether `db` is a database on a PostgreSQL server (CI runs the services, sync and metrics
suites both ways: docs/postgresql.md)."""


@pytest.fixture
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    if ON_POSTGRESQL:
        opened = database(request.getfixturevalue("pg_db_url"))
    else:
        opened = database(request.getfixturevalue("db_path"))
    yield opened
    opened.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> str:
    """A database initialised like `liaison init` does on the session's server, copied for
    each test (CREATE DATABASE … TEMPLATE)."""
    import psycopg

    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS liaison_template")
        admin.execute("CREATE DATABASE liaison_template")
    url = pg_url(pg_server, "liaison_template")
    init_database(url)
    return url


def pg_url(dsn: str, name: str) -> str:
    """A postgresql:// URL for database `name` on the server of `dsn` (a Unix socket)."""
    from psycopg import conninfo

    parts = conninfo.conninfo_to_dict(dsn)
    return f"postgresql://{parts['user']}@/{name}?host={parts['host']}"


@pytest.fixture
def pg_db_url(pg_server: str, pg_template: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new database on the session's server, copied from `pg_template`; dropped after."""
    import psycopg

    name = f"t_{abs(hash(request.node.nodeid)) % 10**12}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE liaison_template")
    yield pg_url(pg_server, name)
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@dataclass
class Cast:
    """The people of a small district: one of each role, with the ids tests need."""

    admin: Actor
    supervisor: Actor
    cadre: Actor
    other_cadre: Actor
    street_staff: Actor
    finance_handler: Actor
    hr_handler: Actor
    enterprise_id: str
    finance_dept: str
    hr_dept: str
    financing_category: str
    street_id: str


def _actor(db: Database, admin: Actor, username: str, role: Role, **kw: str) -> Actor:
    accounts.create_account(
        db,
        admin,
        username=username,
        display_name=username,
        role=role,
        password="password-123",
        **kw,
    )
    return accounts.sign_in(db, username, "password-123")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A throwaway PostgreSQL server for the session (tests/pg_cluster.py); its DSN. Skipped
    where PostgreSQL is not installed — unless LIAISON_REQUIRE_POSTGRESQL is set (CI)."""
    from tests.pg_cluster import available, cluster

    if not available():
        if os.environ.get("LIAISON_REQUIRE_POSTGRESQL"):
            pytest.fail("PostgreSQL is not installed: apt install postgresql")
        pytest.skip("PostgreSQL is not installed here (apt install postgresql)")
    with cluster() as dsn:
        yield dsn


@pytest.fixture
def pg_dsn(pg_server: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty database on the session's server for one test; dropped after."""
    import psycopg

    name = f"t_{abs(hash(request.node.nodeid)) % 10**12}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    yield pg_server.replace("dbname=postgres", f"dbname={name}")
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def cast(db: Database) -> Cast:
    return make_cast(db)


CAST_ASSIGNED_DAYS = 365
"""The cast's cadre has looked after the cast's enterprise since this many days before today."""


def make_cast(db: Database) -> Cast:
    """The people of a small district in `db` (see Cast)."""
    accounts.create_district(db, "admin", "管理员", "password-123")
    admin = accounts.sign_in(db, "admin", "password-123")
    with db.session() as s:
        finance = s.scalar(select(Department.id).where(Department.name == "区金融办"))
        hr = s.scalar(select(Department.id).where(Department.name == "区人力社保局"))
        street = s.scalar(select(Street.id).where(Street.name == "观音桥街道"))
        financing = s.scalar(select(Category.id).where(Category.name == "融资"))
    assert finance and hr and street and financing
    cadre = _actor(db, admin, "cadre", Role.CADRE)
    other = _actor(db, admin, "cadre2", Role.CADRE)
    staff = _actor(db, admin, "staff", Role.STREET_STAFF, street_id=street)
    sup = _actor(db, admin, "supervisor", Role.SUPERVISOR)
    fin = _actor(db, admin, "finance", Role.HANDLER, department_id=finance)
    hrh = _actor(db, admin, "hr", Role.HANDLER, department_id=hr)
    eid = enterprises.register_enterprise(
        db,
        admin,
        enterprises.EnterpriseInput(
            name="重庆江北嘉陵机械有限公司", uscc=VALID_USCC, street_id=street
        ),
    )
    # 包联 since a year back, so tests that run services at a moment in the past (40 days ago,
    # say) still find the cadre looking after the enterprise (access counts from start_on).
    enterprises.assign_cadre(
        db,
        admin,
        eid,
        cadre.account_id,
        start_on=clock.today() - timedelta(days=CAST_ASSIGNED_DAYS),
    )
    return Cast(admin, sup, cadre, other, staff, fin, hrh, eid, finance, hr, financing, street)


def log_demands(
    db: Database,
    cast: Cast,
    *titles: str,
    actor: Actor | None = None,
    enterprise_id: str | None = None,
    on: date | None = None,
) -> list[str]:
    """A visit by the cast's cadre (or `actor`) raising one 融资 demand per title."""
    logged = visits.log_visit(
        db,
        actor or cast.cadre,
        visits.VisitInput(
            enterprise_id=enterprise_id or cast.enterprise_id,
            visit_date=on or clock.today(),
            mode="onsite",
            summary="了解企业经营情况",
            demands=tuple(visits.DemandInput(cast.financing_category, t) for t in titles),
        ),
    )
    return list(logged.demand_ids)
