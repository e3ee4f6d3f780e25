"""The log file: what a support desk needs (start-up facts, each command and its end, refusals
by kind, bundle imports by counts, faults with tracebacks) and nothing of the enterprises."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from liaison import cli, logs
from liaison.data import driver
from liaison.domain.errors import NotFound
from tests.conftest import Cast, log_demands
from tests.sync.conftest import MakeLaptop, Replica, hub, introduce, make_laptop

__all__ = ["hub", "make_laptop"]  # the replicas of tests/sync, used here


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    yield folder
    logs.setup()  # back to the session's folder (its env is restored after this)


def _read(folder: Path) -> str:
    for handler in logs.log.handlers:
        handler.flush()
    return (folder / "liaison.log").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert cli.main(["demo", "--scale", "small", "--seed", "2", "--db", str(path)]) == 0
    return path


def _values(db: Path, sql: str) -> list[str]:
    conn = driver.connect(db)
    try:
        return [str(r[0]) for r in conn.execute(sql) if r[0]]
    finally:
        conn.close()


def test_a_command_logs_its_start_facts_and_its_end(
    demo_db: Path, log_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["stats", "--from", "2026-01-01", "--to", "2026-06-30", "--db", str(demo_db)]
    assert cli.main(argv) == 0
    text = _read(log_dir)
    assert "start command stats: liaison " in text
    assert f"sqlite {driver.sqlite_version}" in text and str(demo_db) in text
    assert "command stats ended with status 0" in text


def test_the_level_is_chosen_on_the_command_line(
    demo_db: Path, log_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["stats", "--from", "2026-01-01", "--to", "2026-06-30", "--db", str(demo_db)]
    assert cli.main(["--log-level", "warning", *argv]) == 0
    assert logs.log.level == logging.WARNING
    assert "start command" not in _read(log_dir)
    assert cli.main(["--log-level", "LOUD", *argv]) == cli.EXIT_USAGE
    assert "--log-level" in capsys.readouterr().err
    assert cli.main(["--log-level", "debug", *argv]) == 0
    assert logs.log.level == logging.DEBUG


def test_a_refusal_is_logged_by_its_kind_and_a_fault_with_its_traceback(
    demo_db: Path,
    log_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "x.pdf"
    argv = ["report", "closure", "no-such-demand", "--out", str(out), "--db", str(demo_db)]
    assert cli.main(argv) == cli.EXIT_REFUSED
    assert "refused command report: NotFound" in _read(log_dir)

    def broken(_args: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "stats", broken)
    capsys.readouterr()
    argv = ["stats", "--from", "2026-01-01", "--to", "2026-06-30", "--db", str(demo_db)]
    assert cli.main(argv) == cli.EXIT_FAULT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ZeroDivisionError" in err and str(log_dir) in err
    assert "Traceback" not in err
    text = _read(log_dir)
    assert "failed command stats: ZeroDivisionError" in text and "Traceback" in text


def test_a_bundle_import_is_logged_by_its_counts(
    hub: Replica, make_laptop: MakeLaptop, cast: Cast, log_dir: Path
) -> None:
    logs.setup()
    laptop = make_laptop("观音桥街道 laptop")
    introduce(hub, laptop)
    log_demands(laptop.db, cast, "贷款贴息申请", actor=laptop.as_(cast.cadre))
    hub.receive(laptop.export(hub))
    text = _read(log_dir)
    line = next(x for x in text.splitlines() if f"from device {laptop.device_id}" in x)
    assert "applied" in line and "'demand': 1" in line and "0 conflicts" in line
    assert "贷款贴息申请" not in text


def test_nothing_of_the_enterprises_reaches_the_log(
    demo_db: Path, log_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command a support desk might ask about, then the log searched for every name,
    phone and summary of the demo district."""
    closed = _values(demo_db, "SELECT id FROM demand WHERE state = 'closed' LIMIT 1")[0]
    visit = _values(demo_db, "SELECT id FROM visit LIMIT 1")[0]
    ledger = str(tmp_path / "l.xlsx")
    for argv in (
        ["stats", "--from", "2025-01-01", "--to", "2026-12-31", "--by", "street"],
        ["report", "closure", closed, "--out", str(tmp_path / "c.pdf")],
        ["report", "visit", visit, "--out", str(tmp_path / "v.pdf")],
        ["report", "ledger", "--from", "2025-01-01", "--to", "2026-12-31", "--out", ledger],
        ["digest"],
        ["audit", "verify"],
        ["report", "closure", "nope", "--out", str(tmp_path / "n.pdf")],
    ):
        cli.main([*argv, "--db", str(demo_db)])
    text = _read(log_dir)
    assert text.count("start command") == 7
    private = (
        _values(demo_db, "SELECT name FROM enterprise")
        + _values(demo_db, "SELECT phone FROM enterprise")
        + _values(demo_db, "SELECT phone FROM contact")
        + _values(demo_db, "SELECT name FROM contact")
        + _values(demo_db, "SELECT summary FROM visit")
    )
    assert len(private) > 500
    leaked = [value for value in private if value in text]
    assert leaked == []


def test_the_file_rotates_and_an_unwritable_folder_only_means_no_log(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)
    assert logs.setup() == log_dir / "liaison.log"
    for n in range(400):
        logs.log.info("line %d of a long day", n)
    files = sorted(p.name for p in log_dir.iterdir())
    assert "liaison.log.1" in files and len(files) == logs.KEEP_FILES + 1

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(blocked / "logs"))
    assert logs.setup() is None


def test_log_helpers_say_kinds_not_messages(log_dir: Path) -> None:
    logs.setup()
    logs.refusal("open", NotFound("企业“重庆某某科技有限公司”不存在"))
    text = _read(log_dir)
    assert "refused open: NotFound" in text and "重庆" not in text
