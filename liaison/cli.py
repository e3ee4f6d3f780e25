"""The `liaison` command: the desktop app and headless, scriptable commands.

A user's mistake (missing file, bad date, unknown option) prints one clear line on stderr and
exits with status 2; a refused action exits with status 1. No tracebacks for either.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import NoReturn

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from liaison import cli_accounts, cli_backup, cli_hub, cli_sync, logs
from liaison.cli_auth import (
    RECOVERY_OPTION,
    NeedsInput,
    add_user_options,
    encrypt_and_show,
    new_password,
    signed_in,
    unlock_database,
)
from liaison.data import driver
from liaison.data.db import Database, default_db_path, file_problem, is_server, shown
from liaison.domain.errors import DomainError
from liaison.domain.text import Text

EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_FAULT = 70
"""A fault of the program (sysexits' EX_SOFTWARE): said in one line, the traceback logged."""
EXIT_BROKEN_PIPE = 141
"""What a command killed by SIGPIPE returns in a shell (128 + 13)."""


OpenApp = Callable[[Path | str | None, Path | None], int]
"""Start the desktop app on a database, with a bundle to preview for import (or None)."""

BUNDLE_SUFFIX = ".lsb"


class UsageError(Exception):
    """A command-line mistake: shown as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}（运行 {self.prog} --help 查看用法）")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”无效，应为 YYYY-MM-DD") from None


def _location(text: str) -> Path | str:
    """`--db`: a SQLite file, or a postgresql:// URL naming a database on a server."""
    return text if is_server(text) else Path(text)


def _db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        type=_location,
        default=default,
        metavar="PATH|URL",
        help=f"SQLite 数据库文件（默认 {default_db_path()}），或 PostgreSQL 服务器上的数据库"
        "（postgresql://用户@服务器/数据库名）",
    )


class _PrintVersion(argparse.Action):
    """`--version`: the version with the build's date and commit (asked of git only then)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from liaison.version import build_info

        print(build_info().line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="liaison",
        description="百千万企业走访联络系统 Liaison — 不带子命令时打开桌面程序。",
    )
    parser.add_argument(
        "--version", action=_PrintVersion, nargs=0, help="显示版本、构建日期和提交，然后退出"
    )
    _db_option(parser, None)
    add_user_options(parser, default=None)
    parser.add_argument(
        RECOVERY_OPTION,
        type=Path,
        metavar="FILE",
        help="数据库已加密而忘了密码时：用这个文件第一行的恢复密钥打开",
    )
    parser.add_argument(
        "--open",
        type=Path,
        metavar="FILE.lsb",
        help="打开桌面程序并预览导入这个同步包（`liaison FILE.lsb` 相同；双击同步包即是如此）",
    )
    parser.add_argument(
        "--log-level",
        choices=logs.LEVELS,
        default=logs.DEFAULT_LEVEL,
        type=str.upper,
        help=f"日志详细程度（默认 {logs.DEFAULT_LEVEL}；日志文件 {logs.log_file()}）",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("init", help="创建或升级数据库，载入参考数据（部门、街镇、诉求类别）")
    _db_option(p, argparse.SUPPRESS)
    p.add_argument(
        "--admin",
        metavar="NAME",
        help="同时新建区县：本机成为区县服务器，NAME 为第一个管理员（密码在终端输入）",
    )
    p.add_argument("--admin-name", default="", metavar="TEXT", help="第一个管理员的姓名")
    p.add_argument("--password-file", type=Path, metavar="FILE", help="从文件第一行读取密码")

    p = sub.add_parser("demo", help="生成演示数据（small：数百家企业；district：全区规模）")
    _db_option(p, argparse.SUPPRESS)
    p.add_argument("--scale", choices=("small", "district"), default="small")
    p.add_argument("--seed", type=int, default=1, help="随机种子：相同种子生成相同数据")

    p = sub.add_parser("stats", help="统计指标：走访覆盖率、按期签收率、办结率、满意率等")
    _db_option(p, argparse.SUPPRESS)
    p.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    p.add_argument(
        "--by", choices=("department", "street", "cadre", "category"), default="department"
    )
    p.add_argument("--json", action="store_true", help="输出 JSON")

    p = sub.add_parser("import", help="导入 Excel/CSV：企业名录、包联名单（先预览，逐行报告问题）")
    _db_option(p, argparse.SUPPRESS)
    targets = p.add_subparsers(dest="what", parser_class=_Parser, metavar="KIND", required=True)
    for kind, label in (("enterprises", "企业名录"), ("assignments", "包联名单")):
        k = targets.add_parser(kind, help=label)
        _db_option(k, argparse.SUPPRESS)
        k.add_argument("file", type=Path, metavar="FILE")
        k.add_argument("--dry-run", action="store_true", help="只预览，不写入")
        add_user_options(k)

    p = sub.add_parser("report", help="打印与导出：走访记录表、办结销号单、诉求台账、月度通报")
    _db_option(p, argparse.SUPPRESS)
    kinds = p.add_subparsers(dest="report", parser_class=_Parser, metavar="KIND", required=True)
    for kind, label, what in (
        ("visit", "企业走访记录表（PDF）", "VISIT_ID"),
        ("closure", "诉求办结销号单（PDF，含核验码）", "DEMAND_ID"),
    ):
        k = kinds.add_parser(kind, help=label)
        _db_option(k, argparse.SUPPRESS)
        k.add_argument("record_id", metavar=what)
        k.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    k = kinds.add_parser("ledger", help="诉求台账（PDF 或 Excel）")
    _db_option(k, argparse.SUPPRESS)
    k.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    k.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    k.add_argument("--department", metavar="NAME", help="牵头单位简称，如 区金融办")
    k.add_argument("--street", metavar="NAME", help="街镇，如 观音桥街道")
    k.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx")
    k = kinds.add_parser("bulletin", help="月度通报（PDF 或 Excel）")
    _db_option(k, argparse.SUPPRESS)
    k.add_argument("--month", required=True, metavar="YYYY-MM")
    k.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx")

    p = sub.add_parser(
        "verify", help="核验办结销号单：二维码内容、“编号 校验码”，或二维码的照片/扫描件"
    )
    _db_option(p, argparse.SUPPRESS)
    p.add_argument("code", nargs="*", metavar="CODE", help="二维码文字，或编号与校验码")
    p.add_argument("--image", type=Path, metavar="FILE", help="单据照片或扫描件（读取其二维码）")

    p = sub.add_parser(
        "encrypt", help="加密本机数据库（管理员）：各账号仍用自己的密码，另给出一次性恢复密钥"
    )
    _db_option(p, argparse.SUPPRESS)
    add_user_options(p)
    p.add_argument(
        "--new-recovery-key",
        action="store_true",
        help="数据库已加密时：换一个恢复密钥（如原来的遗失或外泄）",
    )
    cli_sync.add_parsers(sub, _db_option)
    cli_accounts.add_parsers(sub, _db_option)
    cli_backup.add_parsers(sub, _db_option)
    cli_hub.add_parsers(sub)
    return parser


def _db_path(args: argparse.Namespace) -> Path | str:
    path: Path | str | None = getattr(args, "db", None)
    return path if path is not None else default_db_path()


def _file_path(args: argparse.Namespace) -> Path:
    """`--db` for a command that works on the database file itself (backups, encryption, demo
    data): refused for a database on a server, whose files are the server's."""
    location = _db_path(args)
    if is_server(location):
        raise DomainError(
            Text(
                "liaison {0} 只用于本机的数据库文件；{1} 在 PostgreSQL 服务器上，备份、恢复和加密"
                "由服务器负责（见 docs/postgresql.md）",
                args.command,
                shown(location),
            )
        )
    return Path(location)


def _open_db(args: argparse.Namespace) -> Database:
    from liaison.services.setup import open_database

    return open_database(_db_path(args))


def cmd_app(args: argparse.Namespace, open_app: OpenApp | None) -> int:
    if open_app is None:
        print("桌面程序不可用：请通过 liaison 命令启动。", file=sys.stderr)
        return EXIT_REFUSED
    bundle: Path | None = args.open
    if bundle is not None:
        if not bundle.is_file():
            raise UsageError(f"找不到同步包 {bundle}")
        bundle = bundle.resolve()  # the app may hand it to another process
    # no --db: the app takes its connection setting, else the embedded database
    return open_app(getattr(args, "db", None), bundle)


def _bundle_as_option(
    argv: Sequence[str], parser: argparse.ArgumentParser | None = None
) -> list[str]:
    """`liaison FILE.lsb` (what a file manager runs for a double-clicked bundle) as
    `liaison --open FILE.lsb`; any other first word is left for the parser to judge."""
    valued = {
        option
        for action in (parser or build_parser())._actions
        if action.nargs != 0
        for option in action.option_strings
    }
    args = list(argv)
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            return args
        if word in valued:
            i += 2
            continue
        if word.startswith("-"):
            i += 1
            continue
        if word.lower().endswith(BUNDLE_SUFFIX):
            return [*args[:i], "--open", word, *args[i + 1 :]]
        return args
    return args


def cmd_init(args: argparse.Namespace) -> int:
    from liaison.services.setup import init_database

    r = init_database(_db_path(args))
    verb = "已创建" if r.created else "已检查"
    print(f"{verb}数据库 {r.path}（结构版本 {r.to_revision}）")
    s = r.seeded
    print(
        f"新增参考数据：部门 {s.departments}，街镇 {s.streets}，"
        f"政策条款 {s.measures}，诉求类别 {s.categories}"
    )
    if args.admin:
        from liaison.services.accounts import create_district
        from liaison.sync.log import database

        db = database(r.path)
        try:
            create_district(db, args.admin, args.admin_name or args.admin, new_password(args))
        finally:
            db.dispose()
        print(f"已新建区县：本机为区县服务器（区联络办），管理员 {args.admin}")
        if not is_server(r.path):  # a server's data at rest is the server's to protect
            encrypt_and_show(Path(r.path))
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    from liaison.domain.roles import Role
    from liaison.services import encryption

    db = _open_db(args)
    try:
        actor = signed_in(db, args)
        actor.require(Role.ADMIN)
        if args.new_recovery_key:
            shown = encryption.new_recovery_key(db, actor)
            print(
                "新的恢复密钥只显示这一次（旧的从此打不开数据库），请打印或抄写后与电脑分开保管："
                f"\n\n    {shown}\n"
            )
            return 0
    finally:
        db.dispose()
    encrypt_and_show(_file_path(args))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from liaison.demo import generate
    from liaison.services.setup import init_database

    path = _file_path(args)
    init_database(path)
    report = generate(
        path, scale=args.scale, seed=args.seed, progress=lambda msg: print(msg, file=sys.stderr)
    )
    print(report.summary())
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from liaison.services.metrics import compute_metrics
    from liaison.services.metrics_text import format_table, to_json
    from liaison.services.setup import open_database

    if args.start > args.end:
        raise UsageError("--from 不能晚于 --to")
    db = open_database(_db_path(args))
    try:
        report = compute_metrics(db, args.start, args.end, args.by)
    finally:
        db.dispose()
    print(
        json.dumps(to_json(report), ensure_ascii=False, indent=2)
        if args.json
        else format_table(report)
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from liaison import imports
    from liaison.services.setup import open_database

    if not args.file.is_file():  # a user's mistake: before the database is even opened
        raise UsageError(f"文件不存在：{args.file}")
    db = open_database(_db_path(args))
    try:
        enterprises = args.what == "enterprises"
        preview = (imports.preview_enterprises if enterprises else imports.preview_assignments)(
            db, args.file
        )
        print(
            f"{args.file}：表头在第 {preview.header_row} 行；识别列：{'、'.join(preview.columns)}"
        )
        if preview.ignored_columns:
            print(f"未导入的列：{'、'.join(preview.ignored_columns)}")
        for row in (*preview.error_rows, *preview.hidden_rows):
            print(row.message)
        summary = (
            f"新增 {preview.new}，更新 {preview.updated}，无变化 {preview.unchanged}，"
            f"有问题 {preview.errors} 行"
        )
        if preview.hidden_rows:
            summary += f"，隐藏未导入 {len(preview.hidden_rows)} 行"
        if args.dry_run:
            print(f"预览（未写入）：{summary}")
            return 0
        actor = signed_in(db, args)
        run = imports.import_enterprises if enterprises else imports.import_assignments
        result = run(db, actor, args.file)
        print(
            f"已导入：新增 {result.added}，更新 {result.updated}，无变化 {result.unchanged}；"
            f"有问题的 {result.errors} 行未导入"
        )
        return 0
    finally:
        db.dispose()


def _named(kind: str, name: str | None, options: dict[str, str]) -> str | None:
    """The id of a department or street given by name (a usage error if unknown)."""
    if name is None:
        return None
    if name not in options:
        raise UsageError(f"没有名为“{name}”的{kind}（可选：{'、'.join(options)}）")
    return options[name]


def cmd_report(args: argparse.Namespace) -> int:
    from liaison.services.setup import open_database

    out: Path = args.out
    allowed = (".pdf",) if args.report in ("visit", "closure") else (".pdf", ".xlsx")
    if out.suffix.lower() not in allowed:
        raise UsageError(f"输出文件应为 {' 或 '.join(allowed)}：{out}")
    if not out.parent.is_dir():
        raise UsageError(f"输出目录不存在：{out.parent}")
    if args.report == "ledger" and args.start > args.end:
        raise UsageError("--from 不能晚于 --to")
    db = open_database(_db_path(args))
    try:
        path = _render(db, args, out)
    finally:
        db.dispose()
    print(f"已生成 {path}")
    return 0


def _render(db: Database, args: argparse.Namespace, out: Path) -> Path:
    if args.report == "visit":
        from liaison.reports.visit_record import render_visit_record

        return render_visit_record(db, args.record_id, out)
    if args.report == "closure":
        from liaison.reports.closure_record import render_closure_record

        return render_closure_record(db, args.record_id, out)
    if args.report == "bulletin":
        from liaison.reports.bulletin import render_bulletin

        return render_bulletin(db, args.month, out)
    from liaison.reports.ledger import render_ledger
    from liaison.services.admin import list_departments
    from liaison.services.ledger_data import LedgerFilter
    from liaison.services.reference_lists import list_streets

    departments = {d.name: d.id for d in list_departments(db, include_inactive=True)}
    streets = {st.name: st.id for st in list_streets(db)}
    spec = LedgerFilter(
        args.start,
        args.end,
        department_id=_named("部门", args.department, departments),
        street_id=_named("街镇", args.street, streets),
    )
    return render_ledger(db, spec, out)


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the sheet is what the records say, 1 when it is not."""
    from liaison.domain.errors import ValidationError
    from liaison.services import closure_marks

    if bool(args.code) == bool(args.image):
        raise UsageError("请给出核验码（二维码文字或“编号 校验码”）或 --image 图片，二者选一")
    try:
        code = closure_marks.read_qr_image(args.image) if args.image else " ".join(args.code)
        db = _open_db(args)
        try:
            verdict = closure_marks.verify(db, code)
        finally:
            db.dispose()
    except ValidationError as exc:
        raise UsageError(str(exc)) from None
    print(f"{'核验通过' if verdict.ok else '核验未通过'}：{verdict.reason}")
    for label, value in (
        ("编号", verdict.serial),
        ("企业", verdict.enterprise),
        ("诉求", verdict.title),
        ("状态", verdict.state),
        ("签发设备", verdict.signer),
        ("诉求标识", verdict.demand_id),
    ):
        if value:
            print(f"  {label}：{value}")
    return 0 if verdict.ok else EXIT_REFUSED


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "stats": cmd_stats,
    "import": cmd_import,
    "report": cmd_report,
    "verify": cmd_verify,
    "migrate": cli_hub.cmd_migrate,
    "encrypt": cmd_encrypt,
    "bundle": partial(cli_sync.cmd_bundle, open_db=_open_db),
    "device": partial(cli_sync.cmd_device, open_db=_open_db),
    "digest": partial(cli_sync.cmd_digest, open_db=_open_db),
    "join": partial(cli_sync.cmd_join, open_db=_open_db),
    "audit": partial(cli_sync.cmd_audit, open_db=_open_db),
    "account": partial(cli_accounts.cmd_account, open_db=_open_db),
    "backup": partial(cli_backup.cmd_backup, db_path=_file_path),
    "restore": partial(cli_backup.cmd_restore, db_path=_file_path),
}


_FILE_FAILURES: driver.Errors = (*driver.DatabaseError, SQLAlchemyDatabaseError)


def main(argv: Sequence[str] | None = None, open_app: OpenApp | None = None) -> int:
    """Run one command; without a command, `open_app` starts the desktop app (the launcher
    passes it, so this module never imports Qt)."""
    args: argparse.Namespace | None = None
    try:
        parser = build_parser()
        args = parser.parse_args(_bundle_as_option(sys.argv[1:] if argv is None else argv, parser))
        logs.setup(args.log_level)
        if not args.command:
            return cmd_app(args, open_app)
        if args.open is not None:
            raise UsageError(f"--open 只用于打开桌面程序，不能与命令 {args.command} 同用")
        logs.start_facts(f"command {args.command}", _db_path(args))
        if hasattr(args, "db"):  # `migrate` names its files itself
            unlock_database(_db_path(args), args)
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # here, where a reader that went away can be told apart
        logs.log.info("command %s ended with status %d", args.command, code)
        return code
    except (UsageError, NeedsInput) as exc:
        print(f"liaison: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DomainError as exc:
        logs.refusal(f"command {getattr(args, 'command', None)}", exc)
        print(f"liaison: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except _FILE_FAILURES as exc:
        # a file damaged under a running command, a disk that filled up: one line, no trace
        logs.failure(f"command {getattr(args, 'command', None)}", exc)
        path = _db_path(args) if args is not None else default_db_path()
        if is_server(path):
            from liaison.data.pg_db import server_problem

            print(f"liaison: {server_problem(str(path), exc)}", file=sys.stderr)
        else:
            print(f"liaison: {file_problem(Path(path), exc)}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # the reader went away (`liaison stats | head`): end quietly, as a pipe's writer does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("liaison: 已取消", file=sys.stderr)
        return 130
    except Exception as exc:
        # a fault of the program, not the user's: the details go to the log, not the screen
        logs.failure(f"command {getattr(args, 'command', None)}", exc)
        print(
            f"liaison: 出现意外错误（{type(exc).__name__}），没有写入一半的内容；"
            f"详情已记入日志 {logs.log_file()}，请发给技术支持",
            file=sys.stderr,
        )
        return EXIT_FAULT


if __name__ == "__main__":
    sys.exit(main())
