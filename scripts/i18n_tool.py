"""Helpers for the Qt translation of the UI (used by scripts/update_translations.sh and the tests).

    .venv/bin/python scripts/i18n_tool.py prepare DEST   # copy liaison/ui to DEST for lupdate
    .venv/bin/python scripts/i18n_tool.py status [TS]    # what is unfinished or inconsistent
    .venv/bin/python scripts/i18n_tool.py lint           # Chinese text lupdate cannot see

lupdate's Python parser only sees `self.tr("…")` (context: the enclosing class) and
`QCoreApplication.translate("Context", "…")`. The UI also translates through small wrappers,

    def _t(text: str) -> str:
        return QCoreApplication.translate("DemandList", text)

(and `tr = MainWindow.tr_static`, `self.form.tr(...)`) which lupdate either misses or files
under the wrong context, so the translation would never be found at run time. `prepare` copies
every .py under liaison/ui to DEST with those calls rewritten, on the same line, to the
`QCoreApplication.translate("Context", …)` they perform; lupdate run inside DEST then reports
the right context and the same file names and line numbers as in the repository.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = Path("liaison") / "ui"
TS_FILE = Path("resources") / "i18n" / "liaison_en.ts"
TRANSLATE = "QCoreApplication.translate"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# {name}, {0}, {n:,}, %1, %n, %L1 — everything Python's str.format or QString.arg fills in.
PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*(?:[:!][^{}]*)?\}|%L?\d+|%n")
MNEMONIC = re.compile(r"&(?!&|[A-Za-z]+;|#\d+;)")  # not "&&", not an HTML entity


def ui_sources(root: Path = ROOT) -> list[Path]:
    """Every .py under liaison/ui, relative to root, in a stable order."""
    return sorted(p.relative_to(root) for p in (root / UI_DIR).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


# --- finding the translation wrappers ------------------------------------------------------


def _translate_context(node: ast.expr | None, param: str) -> str | None:
    """ "Ctx" when node is QCoreApplication.translate("Ctx", param) (or translate("Ctx", param))."""
    if not isinstance(node, ast.Call) or len(node.args) < 2:
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    ctx, text = node.args[0], node.args[1]
    if (
        name == "translate"
        and isinstance(ctx, ast.Constant)
        and isinstance(ctx.value, str)
        and isinstance(text, ast.Name)
        and text.id == param
    ):
        return ctx.value
    return None


def wrapper_context(fn: ast.FunctionDef, in_class: bool) -> str | None:
    """The context of a function that only returns QCoreApplication.translate(ctx, its text)."""
    args = [a.arg for a in fn.args.args]
    is_static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in fn.decorator_list)
    if in_class and not is_static:
        args = args[1:]
    if not args:
        return None
    body = [s for s in fn.body if not isinstance(s, ast.Import | ast.ImportFrom | ast.Expr)]
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    return _translate_context(body[0].value, args[0])


@dataclass
class ModuleInfo:
    path: Path
    tree: ast.Module
    functions: dict[str, str] = field(default_factory=dict)  # wrapper name -> context
    methods: dict[tuple[str, str], str] = field(default_factory=dict)  # (class, name) -> context
    classes: set[str] = field(default_factory=set)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)  # local -> (module, name)


def parse_module(root: Path, path: Path) -> ModuleInfo:
    tree = ast.parse((root / path).read_text(encoding="utf-8"), str(path))
    info = ModuleInfo(path, tree)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and (ctx := wrapper_context(node, False)):
            info.functions[node.name] = ctx
        elif isinstance(node, ast.ClassDef):
            info.classes.add(node.name)
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and (ctx := wrapper_context(item, True)):
                    info.methods[(node.name, item.name)] = ctx
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                info.imports[alias.asname or alias.name] = (node.module, alias.name)
    return info


class Resolver:
    """Which calls in a module translate, and in which context."""

    def __init__(self, modules: dict[str, ModuleInfo]) -> None:
        self.modules = modules

    def _global(self, info: ModuleInfo, name: str) -> tuple[ModuleInfo, str] | None:
        """The module that defines `name` as seen from `info` (following `from x import`)."""
        if name in info.functions or name in info.classes:
            return info, name
        if name in info.imports:
            mod, orig = info.imports[name]
            if mod in self.modules:
                return self._global(self.modules[mod], orig)
        return None

    def ref_context(self, info: ModuleInfo, node: ast.expr, cls: str | None) -> str | None:
        """Context when `node` names a wrapper: _t, Class.tr_static, self.tr_static."""
        if isinstance(node, ast.Name):
            found = self._global(info, node.id)
            return found[0].functions.get(found[1]) if found else None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "self" and cls:
                return info.methods.get((cls, node.attr))
            found = self._global(info, node.value.id)
            if found:
                return found[0].methods.get((found[1], node.attr))
        return None

    def class_name(self, info: ModuleInfo, node: ast.expr | None) -> str | None:
        """The class an annotation names (VisitForm, "VisitForm", mod.VisitForm)."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return None
        if isinstance(node, ast.Name):
            found = self._global(info, node.id)
            return found[1] if found and found[1] in found[0].classes else None
        return None


def _attribute_types(resolver: Resolver, info: ModuleInfo, cls: ast.ClassDef) -> dict[str, str]:
    """self.<attr> -> class name, from annotations and `self.x = param` with an annotated param."""
    types: dict[str, str] = {}
    for item in cls.body:
        if (
            isinstance(item, ast.AnnAssign)
            and isinstance(item.target, ast.Name)
            and (name := resolver.class_name(info, item.annotation))
        ):
            types[item.target.id] = name
        if not isinstance(item, ast.FunctionDef):
            continue
        params = {
            a.arg: n for a in item.args.args if (n := resolver.class_name(info, a.annotation))
        }
        for node in ast.walk(item):
            target: ast.expr | None = None
            value: ast.expr | None = None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and (name := resolver.class_name(info, node.annotation))
                ):
                    types[target.attr] = name
                    continue
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and isinstance(value, ast.Name)
                and value.id in params
            ):
                types[target.attr] = params[value.id]
    return types


@dataclass(frozen=True)
class Rewrite:
    """Replace the callee of a call (on one line) by QCoreApplication.translate("ctx", …)."""

    line: int  # 1-based
    start: int  # UTF-8 byte offsets of the callee on that line
    end: int
    context: str


def _calls(node: ast.AST, cls: str | None) -> Iterator[tuple[ast.Call, str | None, ast.AST]]:
    """Every call with its enclosing class name and enclosing function (or module)."""
    stack: list[tuple[ast.AST, str | None, ast.AST]] = [(node, cls, node)]
    while stack:
        cur, c, scope = stack.pop()
        for child in ast.iter_child_nodes(cur):
            if isinstance(child, ast.ClassDef):
                stack.append((child, child.name, child))
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                stack.append((child, c, child if not isinstance(child, ast.Lambda) else scope))
            else:
                if isinstance(child, ast.Call):
                    yield child, c, scope
                stack.append((child, c, scope))


def _is_self_tr(func: ast.expr) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "tr"
        and isinstance(func.value, ast.Name)
        and func.value.id == "self"
    )


def _is_qt_translate(func: ast.expr) -> bool:
    """QCoreApplication.translate (QApplication.translate): not str.translate."""
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and isinstance(func.value, ast.Name)
        and func.value.id in {"QCoreApplication", "QApplication", "QGuiApplication"}
    )


def find_rewrites(resolver: Resolver, info: ModuleInfo) -> tuple[list[Rewrite], list[str]]:
    """The calls to rewrite, and warnings about translation calls lupdate cannot read."""
    rewrites: list[Rewrite] = []
    warnings: list[str] = []
    attr_types: dict[str, dict[str, str]] = {
        c.name: _attribute_types(resolver, info, c)
        for c in ast.walk(info.tree)
        if isinstance(c, ast.ClassDef)
    }
    aliases: dict[int, dict[str, str]] = {}  # id(scope) -> local name -> context

    def scope_aliases(scope: ast.AST, cls: str | None) -> dict[str, str]:
        if id(scope) not in aliases:
            found: dict[str, str] = {}
            for n in ast.walk(scope):
                if (
                    isinstance(n, ast.Assign)
                    and len(n.targets) == 1
                    and isinstance(n.targets[0], ast.Name)
                    and (ctx := resolver.ref_context(info, n.value, cls))
                ):
                    found[n.targets[0].id] = ctx
            aliases[id(scope)] = found
        return aliases[id(scope)]

    for call, cls, scope in _calls(info.tree, None):
        func = call.func
        ctx: str | None = None
        if isinstance(func, ast.Name):
            ctx = scope_aliases(scope, cls).get(func.id) or scope_aliases(info.tree, cls).get(
                func.id
            )
        ctx = ctx or resolver.ref_context(info, func, cls)
        if (
            ctx is None
            and isinstance(func, ast.Attribute)
            and func.attr == "tr"
            and not _is_self_tr(func)
        ):
            target = func.value
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and cls
            ):
                ctx = attr_types.get(cls, {}).get(target.attr)
            if ctx is None:
                warnings.append(
                    f"{info.path}:{call.lineno}: {ast.unparse(func)}(...): context unknown"
                )
                continue
        if ctx is None and not (_is_self_tr(func) or _is_qt_translate(func)):
            continue
        if isinstance(scope, ast.FunctionDef) and wrapper_context(scope, cls is not None):
            continue  # the wrapper itself: translate("Ctx", text)
        args = call.args
        text_index = 1 if _is_qt_translate(func) else 0
        if len(args) <= text_index or not (
            isinstance(args[text_index], ast.Constant) and isinstance(args[text_index].value, str)
        ):
            warnings.append(
                f"{info.path}:{call.lineno}: {ast.unparse(call)[:80]}: "
                "the text is not a string literal, lupdate cannot see it"
            )
            continue
        if ctx is None:
            continue  # self.tr / QCoreApplication.translate: lupdate reads these itself
        if func.lineno != func.end_lineno:
            warnings.append(f"{info.path}:{call.lineno}: callee spans lines, not rewritten")
            continue
        rewrites.append(Rewrite(func.lineno, func.col_offset, func.end_col_offset or 0, ctx))
    return rewrites, warnings


def apply_rewrites(source: str, rewrites: list[Rewrite]) -> str:
    """The source with each callee replaced, keeping every line where it was."""
    lines = source.splitlines(keepends=True)
    by_line: dict[int, list[Rewrite]] = {}
    for r in rewrites:
        by_line.setdefault(r.line, []).append(r)
    for line_no, items in by_line.items():
        raw = lines[line_no - 1].encode("utf-8")
        for r in sorted(items, key=lambda r: r.start, reverse=True):
            paren = raw.index(b"(", r.end)
            raw = (
                raw[: r.start]
                + TRANSLATE.encode()
                + raw[r.end : paren + 1]
                + f'"{r.context}", '.encode()
                + raw[paren + 1 :]
            )
        lines[line_no - 1] = raw.decode("utf-8")
    return "".join(lines)


def load_modules(root: Path = ROOT) -> dict[str, ModuleInfo]:
    return {module_name(p): parse_module(root, p) for p in ui_sources(root)}


def prepare(dest: Path, root: Path = ROOT) -> list[str]:
    """Copy liaison/ui into dest (same relative paths) with wrapper calls spelled out."""
    modules = load_modules(root)
    resolver = Resolver(modules)
    warnings: list[str] = []
    for info in modules.values():
        rewrites, warns = find_rewrites(resolver, info)
        warnings += warns
        text = apply_rewrites((root / info.path).read_text(encoding="utf-8"), rewrites)
        out = dest / info.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return warnings


def run_lupdate(ts: Path, root: Path = ROOT, *extra: str) -> str:
    """lupdate over the prepared copy of liaison/ui into ts (merging what ts already holds)."""
    import subprocess
    import tempfile

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"  # the venv running this
    if not lupdate.exists():
        lupdate = root / ".venv" / "bin" / "pyside6-lupdate"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        warnings = prepare(work, root)
        inside = work / TS_FILE
        inside.parent.mkdir(parents=True, exist_ok=True)
        if ts.exists():
            shutil.copyfile(ts, inside)
        cmd = [str(lupdate), *(str(p) for p in ui_sources(work))]
        cmd += ["-locations", "relative", "-source-language", "zh_CN", "-target-language", "en"]
        cmd += [*extra, "-ts", str(TS_FILE)]
        done = subprocess.run(cmd, cwd=work, capture_output=True, text=True, check=True)
        ts.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(inside, ts)
    return "\n".join([*warnings, done.stdout.strip(), done.stderr.strip()]).strip()


# --- reading a .ts file --------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str  # "" finished, "unfinished", "vanished", "obsolete"
    where: str
    comment: str = ""  # the translator's comment, e.g. "omits {weekday}: …"


def read_ts(ts: Path) -> list[Message]:
    out: list[Message] = []
    filename, lines = "", dict[str, int]()  # with -locations relative, line="+n" counts on
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            where = ""
            for loc in msg.iter("location"):
                filename = loc.get("filename") or filename
                value = loc.get("line") or "0"
                line = lines.get(filename, 0) + int(value) if value[0] in "+-" else int(value)
                lines[filename] = line
                where = where or f"{filename}:{line}"
            out.append(
                Message(
                    name,
                    msg.findtext("source") or "",
                    (tr.text or "") if tr is not None else "",
                    (tr.get("type") or "") if tr is not None else "unfinished",
                    where,
                    msg.findtext("translatorcomment") or "",
                )
            )
    return out


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def mnemonics(text: str) -> int:
    """How many keyboard accelerators (&F) Qt would see in a label."""
    return len(MNEMONIC.findall(text.replace("&&", "")))


def placeholder_problem(m: Message) -> str:
    """What is wrong with the translation's placeholders ("" when nothing).

    Every placeholder of the source must be in the translation, unless the translator's comment
    says "omits {x}" (and why); the translation must not invent any (str.format would fail).
    """
    source, translation = placeholders(m.source), placeholders(m.translation)
    omitted = set(PLACEHOLDER.findall(m.comment.split(":")[0])) if "omits" in m.comment else set()
    lost = source - translation - omitted
    extra = translation - source
    if lost or extra:
        return f"lost {sorted(lost)}, unknown {sorted(extra)}"
    return ""


def problems(messages: list[Message]) -> list[str]:
    """Unfinished translations, lost placeholders or accelerators, Chinese left over.

    A translator's comment can allow two things: "omits {x}: why" and "keeps Chinese: why".
    """
    out: list[str] = []
    for m in messages:
        if m.kind in {"vanished", "obsolete"}:
            continue
        label = f"[{m.context}] {m.source!r}"
        if m.kind == "unfinished" or not m.translation.strip():
            out.append(f"unfinished: {label} ({m.where})")
            continue
        if problem := placeholder_problem(m):
            out.append(f"placeholders: {problem}: {label} -> {m.translation!r}")
        if CJK.search(m.translation) and "keeps Chinese" not in m.comment:
            out.append(f"Chinese left in the translation: {label} -> {m.translation!r}")
        if mnemonics(m.source) != mnemonics(m.translation):
            out.append(
                f"accelerator differs (a lone & underlines the next character; "
                f"write && for an ampersand): {label} -> {m.translation!r}"
            )
    return out


def status(ts: Path) -> int:
    messages = read_ts(ts)
    live = [m for m in messages if m.kind not in {"vanished", "obsolete"}]
    gone = len(messages) - len(live)
    found = problems(messages)
    for line in found:
        print(line)
    done = len(live) - sum(1 for p in found if p.startswith("unfinished"))
    print(f"{ts}: {done}/{len(live)} translated, {gone} obsolete, {len(found)} to look at")
    return 1 if found else 0


# --- Chinese text that lupdate cannot see --------------------------------------------------


def lint(root: Path = ROOT) -> list[str]:
    """Chinese string literals outside any translation call (docstrings excepted)."""
    modules = load_modules(root)
    resolver = Resolver(modules)
    out: list[str] = []
    for info in modules.values():
        rewrites, warnings = find_rewrites(resolver, info)
        out += warnings
        seen: set[int] = set()
        for node in ast.walk(info.tree):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                seen.add(id(node.value))  # docstrings, of modules, classes and attributes
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                translated = name in {"tr", "translate"} or any(
                    r.line == func.lineno and r.start == func.col_offset for r in rewrites
                )
                if translated:
                    for a in ast.walk(node):
                        if isinstance(a, ast.Constant):
                            seen.add(id(a))
        for node in ast.walk(info.tree):
            if isinstance(node, ast.JoinedStr) and CJK.search(ast.unparse(node)):
                out.append(f"{info.path}:{node.lineno}: f-string {ast.unparse(node)[:70]}")
                for a in ast.walk(node):
                    seen.add(id(a))
        for node in ast.walk(info.tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in seen
                and CJK.search(node.value)
            ):
                out.append(f"{info.path}:{node.lineno}: literal {node.value[:60]!r}")
    return sorted(set(out), key=lambda s: (s.split(":")[0], int(s.split(":")[1])))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="copy liaison/ui with wrapper calls spelled out")
    p.add_argument("dest", type=Path)
    p = sub.add_parser("lupdate", help="lupdate liaison/ui into a .ts file")
    p.add_argument("ts", type=Path, nargs="?", default=ROOT / TS_FILE)
    p = sub.add_parser("status", help="unfinished or inconsistent translations")
    p.add_argument("ts", type=Path, nargs="?", default=ROOT / TS_FILE)
    sub.add_parser("lint", help="Chinese text in liaison/ui that lupdate cannot see")
    args = ap.parse_args()
    if args.command == "prepare":
        for w in prepare(args.dest):
            print("warning:", w, file=sys.stderr)
        return 0
    if args.command == "lupdate":
        print(run_lupdate(args.ts.resolve()))
        return 0
    if args.command == "status":
        return status(args.ts)
    found = lint()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
