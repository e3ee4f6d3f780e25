"""`liaison backup` and `liaison restore`: copies of the database, and putting one back.

No sign-in: whoever may open the database file may copy it, and restoring replaces only this
computer's file (docs/operations.md, "Backups and restore").
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from liaison.data import backup, migrate
from liaison.domain.text import Text

DbOption = Callable[[argparse.ArgumentParser, object], None]
DbPath = Callable[[argparse.Namespace], Path]


def add_parsers(sub: argparse._SubParsersAction, db_option: DbOption) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "backup", help="备份数据库（可在使用中进行）；list 列出备份；folder 设置备份文件夹"
    )
    p.add_argument("action", nargs="?", choices=("now", "list", "folder"), default="now")
    p.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="folder：新的备份文件夹")
    p.add_argument("--to", type=Path, metavar="FILE", help="备份到这个文件（默认：备份文件夹）")
    db_option(p, argparse.SUPPRESS)
    p = sub.add_parser("restore", help="用备份文件替换数据库（原数据库改名保留）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--any-device", action="store_true", help="允许恢复另一台设备的备份（例如换了电脑）"
    )
    db_option(p, argparse.SUPPRESS)


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


def cmd_backup(args: argparse.Namespace, db_path: DbPath) -> int:
    from liaison.domain.errors import DomainError

    path = db_path(args)
    if not path.is_file():
        raise DomainError(Text("数据库文件不存在：{0}", path))
    if args.action == "folder":
        if args.folder is None:
            print(f"备份文件夹：{backup.folder(path)}")
            return 0
        print(f"备份文件夹已设为 {backup.set_folder(path, args.folder)}")
        return 0
    if args.folder is not None:
        raise DomainError("只有 folder 需要给出文件夹")
    if args.action == "list":
        where = backup.folder(path)
        found = backup.listed(where)
        print(f"备份文件夹：{where}（{len(found)} 个备份）")
        for b in found:
            print(
                f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.label:<6}  {_size(b.size):>9}  {b.path.name}"
            )
        return 0
    if args.to is not None and args.to.exists():
        raise DomainError(Text("{0} 已存在：请换一个文件名", args.to))
    made = backup.take(path, "manual", to=args.to)
    print(f"已备份到 {made.path}（{_size(made.size)}）")
    return 0


def cmd_restore(args: argparse.Namespace, db_path: DbPath) -> int:
    path = db_path(args)
    done = backup.restore(path, args.file, migrate.known_revisions(), any_device=args.any_device)
    print(f"已用 {args.file} 恢复数据库 {done.path}")
    if done.kept is not None:
        print(f"原数据库保留为 {done.kept}")
    if done.behind:
        print(
            f"注意：本机在备份之后发出过变更（到第 {done.behind} 项）。取回之前本机不能做修改："
            "请区联络办为本机导出全部数据（liaison bundle export --full --for 本机）并导入"
        )
    print("请运行 liaison init 检查数据库结构；其他设备上的新数据会在下次同步时回来")
    return 0
