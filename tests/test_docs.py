"""The repository explains itself: docs/ says what the code and tests cite, and nothing points
outside the repository."""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

from liaison import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _tracked_text_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    out = []
    for name in names:
        path = ROOT / name
        wanted = path.suffix in {".py", ".md", ".toml", ".sh", ".cfg", ".txt"} or name == "run"
        if wanted and path.exists():
            out.append(path)
    return out


def _docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md")))


def test_every_cited_guarantee_is_numbered_in_docs_sync() -> None:
    numbered = {int(m) for m in re.findall(r"^(\d+)\. \*\*", (DOCS / "sync.md").read_text(), re.M)}
    assert numbered == set(range(1, 12))
    cited: set[int] = set()
    for path in _tracked_text_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for first, second in re.findall(r"guarantees? (\d+)(?: and (\d+))?", text):
            cited |= {int(first)} | ({int(second)} if second else set())
    assert cited, "nothing cites a guarantee: the pattern is wrong"
    assert cited <= numbered, sorted(cited - numbered)


def test_every_command_is_in_the_docs() -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    docs = _docs()
    missing = [name for name in sub.choices if f"liaison {name}" not in docs]
    assert missing == []


def test_nothing_refers_to_a_file_outside_the_repository() -> None:
    outside = re.compile(r"\b(SYNC|PRODUCT|STYLE|STACK)\.md\b|\.\./shared\b|shared/design")
    found = [
        f"{path.relative_to(ROOT)}: {m.group(0)}"
        for path in _tracked_text_files()
        if path.name != Path(__file__).name
        for m in outside.finditer(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []


def test_links_between_docs_lead_somewhere() -> None:
    for path in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#]+\.md)", path.read_text(encoding="utf-8")):
            assert (DOCS / target).exists(), f"{path.name} links to {target}"


def test_databases_are_opened_with_one_sqlite_library() -> None:
    """Two SQLite libraries in one process do not see each other's POSIX locks: closing a
    connection of one drops the locks of the other's on the same file (measured: `locking
    protocol` and `disk I/O error` from the suite when tests used Python's sqlite3 beside the
    app's SQLCipher). Every database is opened with liaison.data.driver; only a bundle's
    payload, a private throwaway file, is read with Python's sqlite3 (docs/architecture.md)."""
    allowed = {"liaison/sync/exchange/payload.py"}
    offenders = [
        str(path.relative_to(ROOT))
        for path in _tracked_text_files()
        if path.suffix == ".py"
        and str(path.relative_to(ROOT)) not in allowed
        and re.search(r"\bsqlite3\.connect\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_tests_share_helpers_through_helper_modules_not_other_tests() -> None:
    """A test module is run, never imported: shared builders live in helper modules
    (tests/builders.py, tests/*/…_steps.py, tests/sync/forging.py …) or in conftest fixtures."""
    pattern = re.compile(
        r"^\s*(?:from\s+tests(?:\.\w+)*\.test_\w+\s+import|from\s+tests(?:\.\w+)*\s+import\s+test_)",
        re.M,
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
