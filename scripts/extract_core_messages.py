"""Collect the Chinese messages the core shows the user, for the UI's English translation.

    .venv/bin/python scripts/extract_core_messages.py          # rewrite liaison/ui/core_messages.py
    .venv/bin/python scripts/extract_core_messages.py --check  # exit 1 when it is out of date

then run scripts/update_translations.sh and translate what it lists as unfinished.

The core (liaison/, outside liaison/ui) stays Chinese and Qt-free. This walks its AST and
collects every `Text` (a message with values, liaison.domain.text) wherever it is made, every
message given to a DomainError subclass (ValidationError, PermissionDenied,
NotFound, InvalidTransition, BundleRefused, … found by their bases) — at the call, through
a small helper that passes its parameter on (`_bad(n, "序号不对")`), or in the subclass's own
`super().__init__(…)` — what the `*_refusal` functions return (why a button is disabled),
and the display texts of the modules in DISPLAY_MODULES (the work list's notes). A string
literal, or a module constant, is a static message; an f-string or a `CONST.format(…)`
becomes a pattern, its placeholders numbered {0}, {1}, …. Texts without Chinese outside
their placeholders (an error passed on as `{exc}`) are left out. A placeholder filled from a
local `where = f"第 {i} 条诉求"` or a module table `_FIELD_LABELS[name]` brings those texts
along, so the parts of a message are translated too.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = Path("liaison")
OUTPUT = Path("liaison") / "ui" / "core_messages.py"
BASE_ERROR = "DomainError"
DISPLAY_MODULES = (
    Path("liaison") / "services" / "worklist.py",
    Path("liaison") / "sync" / "log" / "checks.py",  # why a row of a bundle is refused
    Path("liaison") / "sync" / "log" / "seals.py",  # why a bundle's seals are refused
    Path("liaison") / "sync" / "exchange" / "authority.py",  # why an op is set aside
    Path("liaison") / "data" / "db.py",  # what is wrong with a database file
    Path("liaison") / "data" / "backup.py",  # the kinds of backups, why one failed
    Path("liaison") / "services" / "enterprises.py",  # the form's field names (StaleEdit)
    Path("liaison") / "services" / "closure_marks.py",  # verdicts on a closure record
    Path("liaison") / "domain" / "passwords.py",  # the password rule shown on forms
)
"""Modules whose Chinese texts the UI shows as they come (besides error messages)."""
CJK = re.compile(r"[\u3400-\u9fff]")
CONTEXT = "CoreText"
TEXT = "Text"
"""liaison.domain.text.Text: a message with values, made from a key (its template) and them."""

Piece = str | None  # literal text, or None for a placeholder


def core_sources(root: Path = ROOT) -> list[Path]:
    """Every .py of the core: liaison/ without liaison/ui, relative to root, sorted."""
    return sorted(
        p.relative_to(root)
        for p in (root / CORE).rglob("*.py")
        if "ui" not in p.relative_to(root / CORE).parts[:1]
    )


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _error_classes(trees: dict[Path, ast.Module]) -> dict[str, int]:
    """Every DomainError subclass → the position of its message argument (-1: none)."""
    found: dict[str, int] = {BASE_ERROR: 0}
    classes = [n for t in trees.values() for n in ast.walk(t) if isinstance(n, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for cls in classes:
            if cls.name in found or not any(_name(b) in found for b in cls.bases):
                continue
            base = next(found[n] for b in cls.bases if (n := _name(b)) in found)
            init = next(
                (f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"),
                None,
            )
            if init is not None:
                params = [a.arg for a in init.args.args[1:]]
                base = params.index("message") if "message" in params else -1
            found[cls.name] = base
            grew = True
    return found


def _message_arg(call: ast.Call, index: int, param: str = "message") -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == param:
            return kw.value
    if 0 <= index < len(call.args) and not isinstance(call.args[index], ast.Starred):
        return call.args[index]
    return None


class Collector:
    def __init__(self) -> None:
        self.static: set[str] = set()
        self.unkeyed: set[str] = set()  # messages with values not made as a Text: a mistake
        self.where = ""
        self.locals: dict[str, list[ast.expr]] = {}  # name = "…" / f"…" anywhere in the module
        self.tables: dict[str, list[str]] = {}  # module-level NAME = {key: "…"}
        self.seen: set[int] = set()  # fragments already added (a = f"{a}…" refers to itself)

    def fragment(self, node: ast.expr, consts: dict[str, str]) -> None:
        """A placeholder's value that is itself core text: a local `where = f"第 {i} 条诉求"`,
        or an entry of a module table `_FIELD_LABELS[name]`; listed so that it is translated
        too when it fills a pattern."""
        if isinstance(node, ast.IfExp):
            self.fragment(node.body, consts)
            self.fragment(node.orelse, consts)
        elif isinstance(node, ast.Name):
            for value in self.locals.get(node.id, []):
                if id(value) not in self.seen:
                    self.seen.add(id(value))
                    self.add(value, consts)
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            for text in self.tables.get(node.value.id, []):
                self.add(ast.Constant(text), consts)

    def pieces(self, node: ast.expr, consts: dict[str, str]) -> list[Piece]:
        """The text an expression makes, literal parts and placeholders."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.Name) and node.id in consts:
            return [consts[node.id]]
        if isinstance(node, ast.JoinedStr):
            out: list[Piece] = []
            for v in node.values:
                if isinstance(v, ast.FormattedValue):
                    self.fragment(v.value, consts)
                out += self.pieces(v, consts) if isinstance(v, ast.Constant) else [None]
            return out
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.pieces(node.left, consts) + self.pieces(node.right, consts)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
        ):
            fmt = self.pieces(node.func.value, consts)
            if len(fmt) == 1 and fmt[0] is not None:
                out = []
                for literal, field, _spec, _conv in string.Formatter().parse(fmt[0]):
                    out.append(literal)
                    if field is not None:
                        out.append(None)
                return out
        return [None]

    def add(self, node: ast.expr | None, consts: dict[str, str]) -> None:
        if node is None:
            return
        if isinstance(node, ast.IfExp):
            self.add(node.body, consts)
            self.add(node.orelse, consts)
            return
        if isinstance(node, ast.Call) and _name(node.func) == TEXT and node.args:
            self.add(node.args[0], consts)  # the key: a literal or a module constant
            for value in node.args[1:]:  # values that are core texts themselves
                if isinstance(value, ast.Constant | ast.Call | ast.IfExp | ast.JoinedStr):
                    self.add(value, consts)
                else:
                    self.fragment(value, consts)
            return
        pieces = self.pieces(node, consts)
        literal = "".join(p for p in pieces if p is not None)
        if not CJK.search(literal):
            return
        if all(p is not None for p in pieces):
            self.static.add(literal)
        else:
            self.unkeyed.add(f"{self.where}:{getattr(node, 'lineno', 0)}: {literal}")


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "literal" assignments."""
    out: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            out[node.targets[0].id] = node.value.value
    return out


def _locals(tree: ast.Module) -> dict[str, list[ast.expr]]:
    out: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.JoinedStr | ast.Constant | ast.Call | ast.IfExp)
        ):
            out.setdefault(node.targets[0].id, []).append(node.value)
    return out


def _tables(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level NAME = {key: "中文", …} tables."""
    out: dict[str, list[str]] = {}
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        target = (
            node.targets[0]
            if isinstance(node, ast.Assign) and len(node.targets) == 1
            else getattr(node, "target", None)
        )
        if (
            isinstance(value, ast.Dict)
            and isinstance(target, ast.Name)
            and value.values
            and all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in value.values)
        ):
            out[target.id] = [v.value for v in value.values if isinstance(v, ast.Constant)]
    return out


def _functions(tree: ast.Module) -> Iterator[ast.FunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            yield node


def _uses(node: ast.expr, param: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == param for n in ast.walk(node))


def _helpers(tree: ast.Module, errors: dict[str, int]) -> dict[str, int]:
    """Functions that build an error's message from one of their parameters → its position."""
    found: dict[str, int] = {}
    for fn in _functions(tree):
        if fn.name == "__init__":
            continue
        params = [a.arg for a in fn.args.args]
        for call in ast.walk(fn):
            if not isinstance(call, ast.Call) or (name := _name(call.func)) not in errors:
                continue
            message = _message_arg(call, errors[name])
            for i, p in enumerate(params):
                if message is not None and _uses(message, p):
                    found[fn.name] = i
    return found


def _docstrings(tree: ast.Module) -> set[int]:
    out: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    out.add(id(stmt.value))
    return out


def _display_texts(tree: ast.Module, collector: Collector, consts: dict[str, str]) -> None:
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip.update(id(n) for n in ast.walk(node) if n is not node)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant) and isinstance(node.value, str)
        ):
            collector.add(node, consts)


def collect(root: Path = ROOT) -> Collector:
    trees = {
        p: ast.parse((root / p).read_text(encoding="utf-8"), str(p)) for p in core_sources(root)
    }
    errors = _error_classes(trees)
    collector = Collector()
    for path, tree in trees.items():
        collector.where = str(path)
        consts = _constants(tree)
        collector.locals = _locals(tree)
        collector.tables = _tables(tree)
        helpers = _helpers(tree, errors)
        for cls in ast.walk(tree):
            # A subclass that makes its own message: super().__init__(message).
            if isinstance(cls, ast.ClassDef) and cls.name in errors:
                for call in ast.walk(cls):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "__init__"
                        and isinstance(call.func.value, ast.Call)
                        and _name(call.func.value.func) == "super"
                        and call.args
                    ):
                        collector.add(call.args[0], consts)
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = _name(call.func)
            if name == TEXT:  # a Text is a message for people wherever it is made
                collector.add(call, consts)
            elif name in errors:
                collector.add(_message_arg(call, errors[name]), consts)
            elif isinstance(call.func, ast.Name) and name in helpers:
                collector.add(_message_arg(call, helpers[name], ""), consts)
        for fn in _functions(tree):
            # `assign_refusal(…) -> str | None`: why a button is disabled, as its tooltip.
            if fn.name.endswith("_refusal"):
                for ret in ast.walk(fn):
                    if isinstance(ret, ast.Return):
                        collector.add(ret.value, consts)
        if path in DISPLAY_MODULES:
            _display_texts(tree, collector, consts)
    return collector


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


HEADER = '''\
"""Messages the core shows the user, listed for the UI's translation. GENERATED — do not edit.

Regenerate after changing a message in the core (liaison/ outside liaison/ui):

    .venv/bin/python scripts/extract_core_messages.py
    scripts/update_translations.sh      # then translate what it lists as unfinished

Each is a key: a message as the core writes it, or the template of a `Text` with its numbered
places ({{0}}, {{1}}…). liaison.ui.core_text.tr_core looks keys up here;
tests/ui/test_core_text.py fails when this file is out of date. {count} messages.
"""

# ruff: noqa: E501

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def messages() -> dict[str, str]:
    """The core's message key → its UI text."""
    return {{
'''


def render(root: Path = ROOT) -> str:
    """The content of liaison/ui/core_messages.py, formatted as ruff formats it."""
    found = collect(root)
    lines = [HEADER.format(count=len(found.static))]
    for text in sorted(found.static):
        lines.append(
            f'{_literal(text)}: QCoreApplication.translate("{CONTEXT}", {_literal(text)}),\n'
        )
    lines.append("    }\n")
    ruff = Path(sys.executable).parent / "ruff"
    done = subprocess.run(
        [str(ruff if ruff.exists() else "ruff"), "format", "--stdin-filename", str(OUTPUT), "-"],
        input="".join(lines),
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    return done.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only say whether the file is up to date")
    args = ap.parse_args()
    unkeyed = collect().unkeyed
    if unkeyed:
        print("messages with values made without Text (the UI cannot translate them):")
        print("\n".join(sorted(unkeyed)))
        return 1
    content = render()
    target = ROOT / OUTPUT
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if args.check:
        print("up to date" if content == current else f"{OUTPUT} is out of date")
        return 0 if content == current else 1
    if content != current:
        target.write_text(content, encoding="utf-8")
    print(f"{OUTPUT}: {content.count('QCoreApplication.translate(')} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
