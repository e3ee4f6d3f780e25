"""`liaison bundle`, `join`, `device` and `digest`: offline sync from the command line.

A refused bundle prints one line saying why and exits with status 1 (see `liaison.cli`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from liaison.cli_auth import NeedsInput, add_user_options, encrypt_and_show, signed_in
from liaison.data.db import Database

DbOption = Callable[[argparse.ArgumentParser, object], None]
Opener = Callable[[argparse.Namespace], Database]


def add_parsers(sub: argparse._SubParsersAction, db_option: DbOption) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("bundle", help="离线同步包：导出给对方设备、导入对方的同步包")
    kinds = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    k = kinds.add_parser(
        "export", help="导出同步包，加密发给对方设备（它尚缺的变更，或 --full 全部）"
    )
    k.add_argument("--to", type=Path, required=True, metavar="FILE", help="写到这个文件")
    k.add_argument(
        "--for",
        dest="recipient",
        required=True,
        metavar="DEVICE",
        help="对方设备（编号、名称或指纹）：只有它能打开这个同步包",
    )
    k.add_argument(
        "--full", action="store_true", help="导出全部变更（新设备或差距过大时；需 --user）"
    )
    add_user_options(k)
    db_option(k, argparse.SUPPRESS)
    k = kinds.add_parser("import", help="导入同步包（逐条校验，全部通过才生效）")
    k.add_argument("file", type=Path, metavar="FILE")
    k.add_argument("--dry-run", action="store_true", help="只校验并报告，不写入")
    db_option(k, argparse.SUPPRESS)

    p = sub.add_parser("join", help="加入已有区县：导入区联络办为本机导出的第一个同步包")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--fingerprint", required=True, metavar="FP", help="区联络办念出的发送设备指纹")
    p.add_argument("--dry-run", action="store_true", help="只校验并报告，不写入")
    db_option(p, argparse.SUPPRESS)

    p = sub.add_parser("device", help="设备：本机指纹、设备列表、登记与吊销")
    kinds = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    db_option(kinds.add_parser("show", help="本机的设备编号、名称和指纹"), argparse.SUPPRESS)
    db_option(kinds.add_parser("list", help="所有已知设备及同步情况"), argparse.SUPPRESS)
    k = kinds.add_parser("request", help="导出本机的登记申请（只含本机名称和公钥），交给区联络办")
    k.add_argument("--to", type=Path, required=True, metavar="FILE")
    db_option(k, argparse.SUPPRESS)
    k = kinds.add_parser(
        "enrol", aliases=["trust"], help="核对指纹后登记一台设备（管理员，在区联络办的电脑上）"
    )
    k.add_argument("fingerprint", metavar="FINGERPRINT")
    k.add_argument(
        "--bundle",
        type=Path,
        metavar="FILE",
        help="对方导出的登记申请或同步包（本机尚不认识对方时）",
    )
    k.add_argument(
        "--as",
        dest="kind",
        choices=("hub", "field", "founder"),
        required=True,
        help="hub：区联络办的电脑；field：外勤电脑（只允许 --accounts 列出的账号登录）；"
        "founder：并入本区县的另一区县的创建设备（承认它创建的管理员）",
    )
    k.add_argument(
        "--accounts", default="", metavar="NAMES", help="外勤电脑上可登录的账号，逗号分隔"
    )
    add_user_options(k)
    db_option(k, argparse.SUPPRESS)
    k = kinds.add_parser(
        "key", help="把本机私钥写成 OpenSSH 密钥文件，供信息技术人员用 age 打开发给本机的同步包"
    )
    k.add_argument("--out", type=Path, required=True, metavar="FILE", help="写到这个文件")
    add_user_options(k)
    db_option(k, argparse.SUPPRESS)
    k = kinds.add_parser("revoke", help="吊销一台设备：此后拒收它的同步包（管理员）")
    k.add_argument("device", metavar="DEVICE")
    add_user_options(k)
    db_option(k, argparse.SUPPRESS)

    p = sub.add_parser("digest", help="共享数据的摘要：交换完全部同步包的设备摘要相同")
    db_option(p, argparse.SUPPRESS)

    p = sub.add_parser("audit", help="核对本机数据：变更的签封、编号、每条记录是否与变更记录相符")
    kinds = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    db_option(
        kinds.add_parser("verify", help="逐项核对，列出不符之处（有则退出码为 1）"),
        argparse.SUPPRESS,
    )


def cmd_bundle(args: argparse.Namespace, open_db: Opener) -> int:
    from liaison.sync.exchange import bundle

    db = open_db(args)
    try:
        if args.action == "export":
            if args.full:
                signed_in(db, args)  # everything this replica has: an administrator's call
            r = bundle.export_bundle(db, args.to, recipient=args.recipient, full=args.full)
            scope = "全部变更" if r.full else "对方尚缺的变更"
            print(f"已导出 {r.path}：{scope} {r.ops} 项（同步包 {r.bundle_id}）")
            return 0
        report = bundle.import_bundle(db, args.file, dry_run=args.dry_run)
        _print_import(report)
        return 0
    finally:
        db.dispose()


def _print_import(report: object) -> None:
    from liaison.sync.exchange.bundle import ImportReport

    assert isinstance(report, ImportReport)
    print(report.summary())
    print(
        f"已导入：新增 {report.new_ops} 项变更（包内共 {report.ops} 项）"
        if report.applied
        else "预览：未写入任何数据（去掉 --dry-run 即导入）"
    )


def cmd_join(args: argparse.Namespace, open_db: Opener) -> int:
    from liaison.sync.exchange import bundle

    db = open_db(args)
    try:
        report = bundle.join_district(db, args.file, args.fingerprint, dry_run=args.dry_run)
        _print_import(report)
        path = db.path
    finally:
        db.dispose()
    if report.applied:
        print("本机已加入区县：用登记在本机上的账号登录即可开始工作")
        encrypt_and_show(path)  # what it now holds of the district is encrypted
    return 0


def cmd_device(args: argparse.Namespace, open_db: Opener) -> int:
    from liaison.sync.exchange import bundle, devices

    db = open_db(args)
    try:
        if args.action == "show":
            d = devices.this_device(db)
            print(f"设备编号 {d.id}\n名称 {d.name}\n指纹 {d.fingerprint}\n类别 {d.status}")
        elif args.action == "list":
            for d in devices.list_devices(db):
                seen = f"最近导入 {d.last_import_at}" if d.last_import_at else "尚未收到同步包"
                print(f"{d.status}\t{d.name}\t{d.fingerprint}\t{d.id}\t{seen}")
        elif args.action == "request":
            bundle.export_bundle(db, args.to, identity_only=True)
            me = devices.this_device(db)
            print(
                f"已写出登记申请 {args.to}：请把文件交给区联络办，并念出本机指纹 {me.fingerprint}"
            )
        elif args.action in ("enrol", "trust"):
            actor = signed_in(db, args)
            ids = _account_ids(db, args.accounts)
            d = devices.enrol_device(
                db, actor, args.fingerprint, kind=args.kind, accounts=ids, bundle=args.bundle
            )
            who = f"，可登录账号 {d.accounts} 个" if args.kind == "field" else ""
            print(f"已登记设备“{d.name}”（{d.fingerprint}）为{d.status}{who}")
        elif args.action == "key":
            d = devices.write_private_key(db, signed_in(db, args), args.out)
            print(
                f"已写出本机（{d.name}）私钥 {args.out}，仅本人可读：它能打开发给本机的同步包，"
                "也能以本机名义签名，用完请删除"
            )
        else:
            d = devices.revoke_device(db, signed_in(db, args), args.device)
            print(f"已吊销设备“{d.name}”（{d.fingerprint}）：此后拒收它的同步包")
        return 0
    finally:
        db.dispose()


def _account_ids(db: Database, names: str) -> list[str]:
    """Account ids of comma-separated usernames (each must name exactly one account)."""
    from sqlalchemy import select

    from liaison.data.models import Account

    wanted = [n.strip() for n in names.replace("，", ",").split(",") if n.strip()]
    out = []
    with db.read() as s:
        for name in wanted:
            ids = list(s.scalars(select(Account.id).where(Account.username == name)))
            if len(ids) != 1:
                raise NeedsInput(
                    f"没有名为“{name}”的账号" if not ids else f"有多个账号叫“{name}”：请先改名"
                )
            out.append(ids[0])
    return out


def cmd_digest(args: argparse.Namespace, open_db: Opener) -> int:
    from liaison.sync.exchange.digest import digest

    db = open_db(args)
    try:
        conn = db.raw()
        try:
            print(digest(conn))
        finally:
            conn.close()
        return 0
    finally:
        db.dispose()


def cmd_audit(args: argparse.Namespace, open_db: Opener) -> int:
    from liaison.sync.exchange.audit import verify

    db = open_db(args)
    try:
        conn = db.raw()
        try:
            report = verify(conn)
        finally:
            conn.close()
    finally:
        db.dispose()
    counted = f"{report.ops} 项变更、{report.seals} 个签封、{report.records} 条记录"
    if report.ok:
        print(f"核对通过：{counted}与变更记录一致")
        return 0
    for problem in report.problems:
        print(problem)
    more = f"（只列出前 {len(report.problems)} 处）" if report.count > len(report.problems) else ""
    print(f"核对发现 {report.count} 处不符{more}：共核对 {counted}")
    return 1
