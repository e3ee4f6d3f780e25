"""What this Liaison is: its version, and for a packaged build the day it was built and the
commit it was built from (installer/BUILD_INFO.json, written by the build scripts); a source
checkout asks git for its commit."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from liaison import __version__
from liaison.paths import resources_dir

BUILD_INFO = "BUILD_INFO.json"
"""Beside `resources/` in a packaged build: {"version", "built", "commit"}."""


@dataclass(frozen=True)
class BuildInfo:
    version: str
    built: str | None
    """The build's date (YYYY-MM-DD); None in a source checkout."""
    commit: str | None
    """The commit's short hash; None when unknown."""

    def line(self) -> str:
        """`liaison 0.1.0 (构建于 2026-12-07，提交 5909662)` or `(源代码，提交 …)`."""
        where = f"构建于 {self.built}" if self.built else "源代码"
        return f"liaison {self.version}（{where}，提交 {self.commit or '未知'}）"


def build_info() -> BuildInfo:
    packaged = resources_dir().parent / BUILD_INFO
    if packaged.is_file():
        try:
            raw = json.loads(packaged.read_text(encoding="utf-8"))
            return BuildInfo(str(raw["version"]), str(raw["built"]), str(raw["commit"]))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged file: say what the code knows
    return BuildInfo(__version__, None, _checkout_commit())


def _checkout_commit() -> str | None:
    root = Path(__file__).resolve().parent.parent
    if not (root / ".git").exists():
        return None
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def notices() -> str:
    """The licence notices of Liaison and the parts a packaged build carries."""
    try:
        return (resources_dir() / "NOTICES.txt").read_text(encoding="utf-8")
    except OSError:
        return ""
