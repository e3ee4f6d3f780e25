"""`liaison bundle`, `liaison device` and `liaison digest`: offline sync from the command line.

A refused bundle prints one line saying why and exits with status 1 (see `liaison.cli`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from liaison.data.db import Database
from liaison.domain.roles import Role
from liaison.services.context import Actor

DbOption = Callable[[argparse.ArgumentParser, object], None]
Opener = Callable[[argparse.Namespace], Database]


def add_parsers(sub: argparse._SubParsersAction, db_option: DbOption) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("bundle", help="离线同步包：导出给对方设备、导入对方的同步包")
    kinds = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    k = kinds.add_parser("export", help="导出同步包（对方尚缺的变更，或 --full 全部）")
    k.add_argument("--to", type=Path, required=True, metavar="FILE", help="写到这个文件")
    k.add_argument("--for", dest="recipient", metavar="DEVICE", help="对方设备（编号、名称或指纹）")
    k.add_argument("--full", action="store_true", help="导出全部变更（新设备或差距过大时）")
    db_option(k, argparse.SUPPRESS)
    k = kinds.add_parser("import", help="导入同步包（逐条校验，全部通过才生效）")
    k.add_argument("file", type=Path, metavar="FILE")
    k.add_argument("--dry-run", action="store_true", help="只校验并报告，不写入")
    db_option(k, argparse.SUPPRESS)

    p = sub.add_parser("device", help="设备：本机指纹、设备列表、信任与吊销")
    kinds = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    db_option(kinds.add_parser("show", help="本机的设备编号、名称和指纹"), argparse.SUPPRESS)
    db_option(kinds.add_parser("list", help="所有已知设备及同步情况"), argparse.SUPPRESS)
    k = kinds.add_parser("trust", help="核对指纹后信任一台设备")
    k.add_argument("fingerprint", metavar="FINGERPRINT")
    k.add_argument(
        "--bundle", type=Path, metavar="FILE", help="对方导出的同步包（本机尚不认识对方时）"
    )
    db_option(k, argparse.SUPPRESS)
    k = kinds.add_parser("revoke", help="吊销一台设备：此后拒收它的同步包")
    k.add_argument("device", metavar="DEVICE")
    db_option(k, argparse.SUPPRESS)

    p = sub.add_parser("digest", help="共享数据的摘要：交换完全部同步包的设备摘要相同")
    db_option(p, argparse.SUPPRESS)


def cmd_bundle(args: argparse.Namespace, open_db: Opener) -> int:
    from liaison.sync.exchange import bundle

    db = open_db(args)
    try:
        if args.action == "export":
            r = bundle.export_bundle(db, args.to, recipient=args.recipient, full=args.full)
            scope = "全部变更" if r.full else "对方尚缺的变更"
            print(f"已导出 {r.path}：{scope} {r.ops} 项（同步包 {r.bundle_id}）")
            return 0
        report = bundle.import_bundle(db, args.file, dry_run=args.dry_run)
        print(report.summary())
        print(
            f"已导入：新增 {report.new_ops} 项变更（包内共 {report.ops} 项）"
            if report.applied
            else "预览：未写入任何数据（去掉 --dry-run 即导入）"
        )
        return 0
    finally:
        db.dispose()


def operator(db: Database) -> Actor:
    """Who acts for device commands: the first active admin, or — on a new installation that
    has no accounts yet (they arrive with the hub's first bundle) — the installation itself."""
    from liaison.services.context import first_admin, local_device_id

    actor = first_admin(db)
    if actor is not None:
        return actor
    with db.session() as s:
        return Actor("", "本机", Role.ADMIN, local_device_id(s))


def cmd_device(args: argparse.Namespace, open_db: Opener) -> int:
    from liaison.sync.exchange import devices

    db = open_db(args)
    try:
        if args.action == "show":
            d = devices.this_device(db)
            print(f"设备编号 {d.id}\n名称 {d.name}\n指纹 {d.fingerprint}")
        elif args.action == "list":
            for d in devices.list_devices(db):
                seen = f"最近导入 {d.last_import_at}" if d.last_import_at else "尚未收到同步包"
                print(f"{d.status}\t{d.name}\t{d.fingerprint}\t{d.id}\t{seen}")
        elif args.action == "trust":
            d = devices.trust_device(db, operator(db), args.fingerprint, bundle=args.bundle)
            print(f"已信任设备“{d.name}”（{d.fingerprint}）")
        else:
            d = devices.revoke_device(db, operator(db), args.device)
            print(f"已吊销设备“{d.name}”（{d.fingerprint}）：此后拒收它的同步包")
        return 0
    finally:
        db.dispose()


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
