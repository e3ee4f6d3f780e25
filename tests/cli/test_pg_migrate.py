"""`liaison migrate --from FILE --to postgresql://…` (issue 16): a hub's SQLite database moves to
an empty PostgreSQL database with its op log, devices and keys, and `liaison digest` is the same
on both; a copy whose digest differs, a target that already holds a district and a wrong `--to`
are refused, and the target is left as it was."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest

from liaison import cli
from liaison.data import driver, move
from liaison.demo import generate
from liaison.services import encryption
from liaison.services.metrics import GROUPINGS, compute_metrics
from liaison.sync.log import database
from tests.conftest import pg_url

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def small_hub(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hub") / "hub.sqlite"
    shutil.copyfile(template_db, path)
    generate(path, scale="small", seed=3, today=TODAY)
    return path


def _digest(location: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert cli.main(["digest", "--db", location]) == 0
    return capsys.readouterr().out.strip()


def _rows(url: str, table: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert row is not None
    return int(row[0])


@pytest.fixture
def chinese_collation(pg_server: str) -> Iterator[str]:
    """An empty database that sorts text as a Chinese district's server would (ICU zh-CN: by
    pinyin, not by bytes); its URL."""
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS zh_t")
        admin.execute(
            "CREATE DATABASE zh_t TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN' "
            "LOCALE 'C.UTF-8'"
        )
    yield pg_url(pg_server, "zh_t")
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS zh_t WITH (FORCE)")


def test_a_hub_moves_with_its_op_log_and_keys_and_the_same_digest(
    small_hub: Path, chinese_collation: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = chinese_collation
    before = _digest(str(small_hub), capsys)
    assert cli.main(["migrate", "--from", str(small_hub), "--to", url]) == 0
    out = capsys.readouterr().out
    assert f"内容摘要一致：{before}" in out
    assert _digest(url, capsys) == before
    assert _rows(url, "sync_op") > 1000 and _rows(url, "device_key") == 1
    # the hub goes on working there, and its figures are the file's, to the last one
    for by in GROUPINGS:
        figures = []
        for location in (small_hub, url):
            db = database(location)
            try:
                figures.append(
                    compute_metrics(db, date(2026, 8, 1), date(2026, 10, 31), by, today=TODAY)
                )
            finally:
                db.dispose()
        assert figures[0] == figures[1], by
    assert cli.main(["stats", "--db", url, "--from", "2026-10-01", "--to", "2026-10-31"]) == 0
    assert "走访覆盖率" in capsys.readouterr().out


def test_a_copy_whose_digest_differs_is_undone(
    small_hub: Path,
    pg_dsn: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = _url(pg_dsn)
    copy = move._copy_table

    def losing_a_demand(src: object, dst: object, table: object) -> int:
        n = copy(src, dst, table)  # type: ignore[arg-type]
        if getattr(table, "name", "") == "demand_event":
            dst.exec_driver_sql(  # type: ignore[attr-defined]
                "DELETE FROM demand_event WHERE id = (SELECT min(id) FROM demand_event)"
            )
        return n

    monkeypatch.setattr(move, "_copy_table", losing_a_demand)
    assert cli.main(["migrate", "--from", str(small_hub), "--to", url]) == 1
    err = capsys.readouterr().err
    assert "已全部撤销" in err and "Traceback" not in err
    assert _rows(url, "demand") == 0 and _rows(url, "sync_op") == 0


def test_a_target_that_holds_a_district_or_is_no_url_is_refused(
    small_hub: Path, pg_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(pg_dsn)
    assert cli.main(["migrate", "--from", str(small_hub), "--to", url]) == 0
    ops = _rows(url, "sync_op")
    capsys.readouterr()
    assert cli.main(["migrate", "--from", str(small_hub), "--to", url]) == 1
    assert "已有数据" in capsys.readouterr().err
    assert _rows(url, "sync_op") == ops
    assert cli.main(["migrate", "--from", str(small_hub), "--to", str(small_hub)]) == 1
    assert "postgresql://" in capsys.readouterr().err
    assert cli.main(["migrate", "--from", "nowhere.sqlite", "--to", url]) == 1
    assert "不存在" in capsys.readouterr().err


def _url(dsn: str) -> str:
    parts = dict(p.split("=", 1) for p in dsn.split())
    return pg_url(dsn, parts["dbname"])


def test_an_encrypted_hub_moves_once_opened_with_a_password(
    small_hub: Path, pg_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = tmp_path / "encrypted.sqlite"
    shutil.copyfile(small_hub, hub)
    plain = _digest(str(hub), capsys)
    encryption.encrypt(hub)
    driver.forget(hub)  # as a new command starts
    url = _url(pg_dsn)
    assert cli.main(["migrate", "--from", str(hub), "--to", url]) == 2
    assert "--user" in capsys.readouterr().err  # asked for, before anything is made
    assert _rows(url, "pg_tables WHERE schemaname = 'public'") == 0
    password = tmp_path / "pw"
    password.write_text("liaison123\n", encoding="utf-8")
    unlock = ["--user", "admin", "--password-file", str(password)]
    assert cli.main([*unlock, "migrate", "--from", str(hub), "--to", url]) == 0
    assert f"内容摘要一致：{plain}" in capsys.readouterr().out
