"""Damaged, wrong and newer database files, a full disk and a closed pipe: one clear line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from liaison.data import driver
from tests.conftest import Cast, log_demands

STATS = ["stats", "--from", "2026-01-01", "--to", "2026-12-31"]


def _liaison(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "liaison.launcher", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _one_line(
    proc: subprocess.CompletedProcess[str], *words: str, after_progress: bool = False
) -> None:
    """Refused with one line saying `words` (after the command's progress lines, if any)."""
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    if after_progress:
        lines = lines[-1:]
    assert len(lines) == 1 and lines[0].startswith("liaison: "), proc.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def filled(db_path: Path, cast: Cast) -> Path:
    from liaison.sync.log import database

    db = database(db_path)
    try:
        log_demands(db, cast, *(f"诉求 {n}" for n in range(30)))
    finally:
        db.dispose()
    return db_path


def test_a_file_with_flipped_bytes(filled: Path, tmp_path: Path) -> None:
    bad = tmp_path / "flipped.sqlite"
    data = bytearray(filled.read_bytes())
    for at in range(8192, len(data), 4096):
        data[at + 50] ^= 0xFF
    bad.write_bytes(bytes(data))
    for command in (STATS, ["digest"], ["audit", "verify"]):
        _one_line(_liaison("--db", str(bad), *command), "已损坏", "liaison restore")


@pytest.mark.parametrize("case", ["truncated", "text", "directory", "newer"])
def test_a_wrong_file(filled: Path, tmp_path: Path, case: str) -> None:
    path = tmp_path / "db.sqlite"
    if case == "truncated":
        path.write_bytes(filled.read_bytes()[:100_000])
        words = ["已损坏"]
    elif case == "text":
        path.write_text("走访记录\n", encoding="utf-8")
        words = ["已损坏或不是 Liaison 的数据库"]
    elif case == "directory":
        path.mkdir()
        words = ["是一个文件夹"]
    else:
        shutil.copy(filled, path)
        with driver.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.close()
        words = ["由更新版本的 Liaison 创建"]
    _one_line(_liaison("--db", str(path), *STATS), *words)
    if case == "newer":
        _one_line(_liaison("--db", str(path), "init"), *words)


def test_a_closed_pipe_ends_quietly(filled: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "liaison.launcher", "--db", str(filled), *STATS, "--by", "cadre"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before a line is read (`| head -0`)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert err == ""


def test_a_full_disk_says_so_and_writes_nothing(template_db: Path, tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    size = template_db.stat().st_size + 256 * 1024
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(small)],
            check=False,
            capture_output=True,
        ).returncode
    ):
        pytest.skip("cannot make a small filesystem here (needs root and mount)")
    try:
        path = small / "liaison.sqlite"
        shutil.copy(template_db, path)
        proc = _liaison("--db", str(path), "demo", "--scale", "small")
        _one_line(proc, "磁盘空间不足", after_progress=True)
        with driver.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 0
        conn.close()
    finally:
        subprocess.run(["umount", str(small)], check=False)
