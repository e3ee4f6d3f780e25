"""`liaison --version` and what 帮助 → 关于 shows: a packaged build names its build date and
commit (installer/BUILD_INFO.json), a source checkout its commit."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from liaison import __version__, cli, version

ROOT = Path(__file__).resolve().parents[2]


def _version(capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    return capsys.readouterr().out.strip()


def test_a_checkout_names_its_commit(capsys: pytest.CaptureFixture[str]) -> None:
    asked = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    head = asked.stdout.strip() if asked.returncode == 0 else "未知"  # a copy without .git
    assert _version(capsys) == f"liaison {__version__}（源代码，提交 {head}）"


def test_a_packaged_build_names_its_date_and_commit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(version, "resources_dir", lambda: tmp_path / "resources")
    info = {"version": "0.1.0", "built": "2026-12-07", "commit": "abc1234"}
    (tmp_path / version.BUILD_INFO).write_text(json.dumps(info), encoding="utf-8")
    assert _version(capsys) == "liaison 0.1.0（构建于 2026-12-07，提交 abc1234）"
    (tmp_path / version.BUILD_INFO).write_text("{not json", encoding="utf-8")
    line = _version(capsys)  # a damaged file: what the code knows, no traceback
    assert re.fullmatch(rf"liaison {re.escape(__version__)}（源代码，提交 \w+）", line)


def test_the_notices_name_every_runtime_dependency() -> None:
    """Each package the app needs at run time (pyproject's dependencies) is in NOTICES.txt."""
    text = version.notices().lower()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    names = re.findall(r'^\s*"([A-Za-z0-9_.-]+)', block, re.M)
    assert len(names) > 10
    aliases = {"pyside6-essentials": "pyside6", "pyside6-pdf": "pyside6", "pillow": "pillow"}
    missing = [n for n in names if aliases.get(n.lower(), n.lower()) not in text]
    assert missing == []
