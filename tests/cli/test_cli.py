"""The command line: documented, one clear line for mistakes, no tracebacks."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from liaison import cli

ROOT = Path(__file__).resolve().parents[2]


def _subcommands() -> list[str]:
    parser = cli.build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _subcommands():
        assert re.search(rf"`liaison {name}\b", readme), f"liaison {name} is not in README.md"
    assert "`liaison [--db PATH]`" in readme


def test_every_option_of_every_command_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, p in sub.choices.items():
        row = next(line for line in readme.splitlines() if line.startswith(f"| `liaison {name}"))
        for action in p._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert opt in row, f"{opt} of liaison {name} is not in its README row"


def test_init_creates_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.sqlite"
    assert cli.main(["init", "--db", str(path)]) == 0
    assert path.exists()
    assert "已创建数据库" in capsys.readouterr().out


def test_db_option_before_the_command_works_too(tmp_path: Path) -> None:
    path = tmp_path / "y.sqlite"
    assert cli.main(["--db", str(path), "init"]) == 0
    assert path.exists()


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["stats", "--from", "2026-02-30", "--to", "2026-03-01"], "日期“2026-02-30”无效"),
        (["stats", "--from", "2026-03-01"], "--to"),
        (["--no-such-option"], "unrecognized arguments"),
        (["demo", "--scale", "huge"], "invalid choice"),
        (["stats", "--from", "2026-03-02", "--to", "2026-03-01"], "--from 不能晚于 --to"),
    ],
)
def test_usage_mistakes_print_one_line_and_exit_2(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "db.sqlite"
    cli.main(["init", "--db", str(path)])
    capsys.readouterr()
    assert cli.main([*argv, "--db", str(path)] if argv[0] != "--no-such-option" else argv) == 2
    err = capsys.readouterr().err
    assert needle in err
    assert len(err.strip().splitlines()) == 1


def test_stats_on_a_missing_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.sqlite"
    code = cli.main(["stats", "--from", "2026-01-01", "--to", "2026-03-31", "--db", str(missing)])
    assert code == 1
    err = capsys.readouterr().err
    assert "数据库文件不存在" in err and len(err.strip().splitlines()) == 1
    assert not missing.exists()


@pytest.mark.parametrize("what", ["enterprises", "assignments"])
def test_a_missing_import_file_is_a_usage_error(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    missing = tmp_path / "名单.xlsx"
    code = cli.main(["import", what, str(missing), "--dry-run", "--db", str(db_path)])
    assert code == cli.EXIT_USAGE == 2
    err = capsys.readouterr().err
    assert "文件不存在" in err and str(missing) in err and len(err.strip().splitlines()) == 1


def test_real_process_shows_no_traceback_for_a_bad_path(tmp_path: Path) -> None:
    bad = tmp_path / "file"
    bad.write_text("x")
    proc = subprocess.run(
        [sys.executable, "-m", "liaison.launcher", "init", "--db", str(bad / "sub" / "db.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("liaison: ")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["a.lsb"], ["--open", "a.lsb"]),
        (["--db", "x.lsb", "b.LSB"], ["--db", "x.lsb", "--open", "b.LSB"]),
        (["--log-level", "DEBUG", "c.lsb"], ["--log-level", "DEBUG", "--open", "c.lsb"]),
        (["--db=x.sqlite", "d.lsb"], ["--db=x.sqlite", "--open", "d.lsb"]),
        (["bundle", "import", "e.lsb"], ["bundle", "import", "e.lsb"]),
        (["photo.png"], ["photo.png"]),
        (["--", "f.lsb"], ["--", "f.lsb"]),
        ([], []),
    ],
)
def test_a_bundle_named_alone_means_open_it_in_the_app(
    argv: list[str], expected: list[str]
) -> None:
    assert cli._bundle_as_option(argv) == expected


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["gone.lsb"], "找不到同步包"),
        (["--open", "gone.lsb"], "找不到同步包"),
        (["--open", "gone.lsb", "init"], "--open 只用于打开桌面程序"),
        (["photo.png"], "invalid choice"),
    ],
)
def test_a_bundle_that_cannot_be_opened_is_one_line_and_exit_2(
    argv: list[str],
    needle: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    opened: list[Path | str | None] = []
    code = cli.main(
        ["--db", str(tmp_path / "db.sqlite"), *argv],
        open_app=lambda db, _bundle: opened.append(db) or 0,
    )
    assert code == 2 and opened == []
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1
