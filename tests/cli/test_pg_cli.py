"""The command line on a PostgreSQL hub (issue 16): `--db postgresql://…` opens the server's
database; a server that cannot be reached, a database that is not there and the commands that
work on a database file only are each refused in one clear line, without a trace."""

from __future__ import annotations

import pytest

from liaison import cli
from liaison.data.db import shown
from tests.conftest import pg_url


def _one_line(capsys: pytest.CaptureFixture[str], needle: str) -> str:
    err = capsys.readouterr().err
    assert needle in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    return err


def test_a_server_that_cannot_be_reached_is_said_in_one_line(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://liaison:secret-pw@/liaison?host=/nonexistent-socket-dir"
    assert cli.main(["stats", "--db", url, "--from", "2026-01-01", "--to", "2026-01-31"]) == 1
    err = _one_line(capsys, "无法连接数据库服务器")
    assert "secret-pw" not in err  # a password in the URL is never shown


def test_a_missing_database_names_the_command_that_makes_it(
    pg_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_url(pg_server, "no_such_db")
    assert cli.main(["stats", "--db", url, "--from", "2026-01-01", "--to", "2026-01-31"]) == 1
    _one_line(capsys, "没有数据库")


@pytest.mark.parametrize("argv", [["backup"], ["encrypt"], ["demo"], ["restore", "x.sqlite"]])
def test_commands_for_a_file_are_refused_on_a_server(
    pg_db_url: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main([*argv[:1], "--db", pg_db_url, *argv[1:]])
    assert code in (1, 2)
    err = capsys.readouterr().err
    assert ("PostgreSQL 服务器上" in err or "--user" in err) and "Traceback" not in err


def test_init_and_stats_run_on_the_server(
    pg_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["init", "--db", pg_db_url]) == 0  # already at head: nothing to do
    assert shown(pg_db_url) in capsys.readouterr().out
    assert cli.main(["stats", "--db", pg_db_url, "--from", "2026-01-01", "--to", "2026-01-31"]) == 0
    assert "走访覆盖率" in capsys.readouterr().out
