"""`liaison migrate`: a district hub's SQLite database moved to a PostgreSQL server
(docs/postgresql.md, "Moving a hub to PostgreSQL").

Every row moves, the op log, the devices and their keys with them, in one transaction on the
server; before it commits, the copy's digest (`liaison digest`) must be the file's, or nothing
stays. The file is only read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from liaison.data.db import is_server, shown
from liaison.domain.errors import DomainError
from liaison.domain.text import Text


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "migrate",
        help="把区县服务器的 SQLite 数据库迁移到 PostgreSQL 服务器上的空数据库"
        "（含变更日志、设备和密钥）",
    )
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE")
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL",
        help="postgresql://用户@服务器/数据库名",
    )


def cmd_migrate(args: argparse.Namespace) -> int:
    from liaison.cli_auth import unlock_database
    from liaison.data import move
    from liaison.data.pg_conn import PgConnection
    from liaison.data.pg_db import server_problem
    from liaison.sync.exchange.digest import digest
    from liaison.sync.log import database

    if not is_server(args.target):
        raise DomainError(
            Text("--to 应为 PostgreSQL 数据库的地址（postgresql://…），不是 {0}", args.target)
        )
    if not args.source.is_file():
        raise DomainError(Text("数据库文件不存在：{0}", args.source))
    unlock_database(args.source, args)  # an encrypted file: --user or the recovery key
    source = database(args.source)
    try:
        conn = source.raw()
        try:
            before = digest(conn)
        finally:
            conn.close()
    finally:
        source.dispose()

    def same_content(pg: Any) -> None:
        after = digest(PgConnection(pg))  # type: ignore[arg-type]
        if after != before:
            raise DomainError(
                Text(
                    "迁移后的内容摘要 {0} 与原数据库的 {1} 不同：已全部撤销，目标数据库未改动",
                    after,
                    before,
                )
            )

    target = database(args.target)
    try:
        moved = move.copy_to_postgresql(
            args.source,
            target.engine,
            progress=lambda table, n: print(f"  {table}：{n} 行", file=sys.stderr),
            verify=same_content,
        )
    except DBAPIError as exc:  # no server, a wrong password, a role without rights...
        raise DomainError(server_problem(args.target, exc)) from exc
    finally:
        target.dispose()
    print(
        f"已迁移到 {shown(args.target)}：共 {sum(moved.rows.values())} 行，"
        f"其中变更日志 {moved.rows.get('sync_op', 0)} 项；检索索引 {moved.indexed} 家企业"
    )
    print(f"内容摘要一致：{before}")
    return 0
