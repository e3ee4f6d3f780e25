"""`liaison account`: accounts from the command line, for a hub set up with no screen.

Every command acts as `--user` (an administrator, on a hub device). A new account, or a reset
one, gets a random password printed once: hand it to the person, who changes it.
"""

from __future__ import annotations

import argparse
import secrets
from collections.abc import Callable
from pathlib import Path

from liaison.cli_auth import NeedsInput, add_user_options, chosen_password, read_password, signed_in
from liaison.data.db import Database
from liaison.domain.passwords import password_problem
from liaison.domain.roles import ROLE_LABELS, Role

DbOption = Callable[[argparse.ArgumentParser, object], None]
Opener = Callable[[argparse.Namespace], Database]


def add_parsers(sub: argparse._SubParsersAction, db_option: DbOption) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("account", help="账号：新建、列出、停用、重置密码、解锁（管理员）")
    kinds = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    k = kinds.add_parser("create", help="新建账号（打印一次性的初始密码）")
    k.add_argument("username", metavar="USERNAME")
    k.add_argument("--name", required=True, metavar="TEXT", help="姓名")
    k.add_argument("--role", required=True, choices=[str(r) for r in Role], help="角色")
    k.add_argument("--department", metavar="NAME", help="部门简称（部门承办人必填）")
    k.add_argument("--street", metavar="NAME", help="街镇（街镇专员必填）")
    for name, text in (
        ("list", "列出全部账号"),
        ("disable", "停用账号"),
        ("reset-password", "重置密码（打印一次性的新密码）"),
        ("unlock", "解除本机上因连续输错密码而锁定的用户名"),
    ):
        k2 = kinds.add_parser(name, help=text)
        if name != "list":
            k2.add_argument("username", metavar="USERNAME")
        add_user_options(k2)
        db_option(k2, argparse.SUPPRESS)
    add_user_options(k)
    db_option(k, argparse.SUPPRESS)
    k = kinds.add_parser("passwd", help="修改自己的密码（管理员设置的初始密码须先改掉）")
    k.add_argument("--new-password-file", type=Path, metavar="FILE", help="从文件第一行读取新密码")
    add_user_options(k)
    db_option(k, argparse.SUPPRESS)


def cmd_account(args: argparse.Namespace, open_db: Opener) -> int:
    from liaison.services import accounts, admin

    db = open_db(args)
    try:
        if args.action == "passwd":
            if not args.user:
                raise NeedsInput("修改密码需要 --user 账号（以及它现在的密码）")
            current = read_password(args)
            me = accounts.sign_in(db, args.user, current)
            accounts.change_own_password(db, me, current, chosen_password(args))
            print(f"已修改 {args.user} 的密码")
            return 0
        actor = signed_in(db, args)
        actor.require(Role.ADMIN)
        if args.action == "list":
            for a in accounts.list_accounts(db):
                unit = a.department or a.street or ""
                state = "在用" if a.active else "已停用"
                print(f"{a.username}\t{a.display_name}\t{ROLE_LABELS[a.role]}\t{unit}\t{state}")
            for g in accounts.locked_names(db, actor):
                assert g.locked_until is not None
                until = f"{g.locked_until:%Y-%m-%d %H:%M}"
                print(f"{g.username}\t本机锁定至 {until}（{g.failures} 次错误）")
            return 0
        if args.action == "unlock":
            if accounts.unlock(db, actor, args.username):
                print(f"已解锁 {args.username}（本机）")
            else:
                print(f"{args.username} 在本机没有被锁定")
            return 0
        if args.action == "create":
            password = _one_time_password()
            accounts.create_account(
                db,
                actor,
                username=args.username,
                display_name=args.name,
                role=Role(args.role),
                password=password,
                department_id=_unit_id(db, "department", args.department),
                street_id=_unit_id(db, "street", args.street),
            )
            print(f"已新建账号 {args.username}，初始密码：{password}（只显示这一次）")
            return 0
        account_id = _account_id(db, args.username)
        if args.action == "disable":
            admin.set_account_active(db, actor, account_id, False)
            print(f"已停用账号 {args.username}")
        else:
            password = _one_time_password()
            admin.reset_password(db, actor, account_id, password)
            print(f"已重置 {args.username} 的密码：{password}（只显示这一次）")
        return 0
    finally:
        db.dispose()


def _one_time_password() -> str:
    while True:  # 12 characters; almost always of two kinds already
        password = secrets.token_urlsafe(9)
        if password_problem(password) is None:
            return password


def _unit_id(db: Database, table: str, name: str | None) -> str | None:
    if name is None:
        return None
    from sqlalchemy import text

    with db.read() as s:
        found = s.scalar(text(f"SELECT id FROM {table} WHERE name = :n"), {"n": name})
    if found is None:
        kind = "部门" if table == "department" else "街镇"
        raise NeedsInput(f"没有名为“{name}”的{kind}")
    return str(found)


def _account_id(db: Database, username: str) -> str:
    from sqlalchemy import select

    from liaison.data.models import Account

    with db.read() as s:
        ids = list(s.scalars(select(Account.id).where(Account.username == username)))
    if len(ids) != 1:
        raise NeedsInput(
            f"没有名为“{username}”的账号" if not ids else f"有多个账号叫“{username}”：请先改名"
        )
    return ids[0]
