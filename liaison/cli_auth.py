"""Who acts on the command line: `--user NAME` and a password, never anyone by default.

Privileged commands (imports, enrolling and revoking devices, full bundles, accounts) sign in
as the account named by `--user`, with the password from `--password-file`, the environment
variable `LIAISON_PASSWORD` (for scripts), or a prompt on a terminal — in that order.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from liaison.data.db import Database, is_server
from liaison.domain.text import Text
from liaison.services.context import Actor

PASSWORD_ENV = "LIAISON_PASSWORD"


class NeedsInput(Exception):
    """The command cannot get what it needs from the person (one line, exit status 2)."""


def add_user_options(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """`--user` and `--password-file`: on the command itself, and before any command (where an
    encrypted database is unlocked with them); a command's own do not hide the ones given
    before it."""
    parser.add_argument(
        "--user", metavar="NAME", default=default, help="以此账号执行（需要该账号的密码）"
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        default=default,
        help=f"从文件第一行读取密码（也可用环境变量 {PASSWORD_ENV}，或在终端输入）",
    )


def _first_line(path: Path, what: str) -> str:
    """The password on the first line of `path` (`what` names the file in a refusal)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NeedsInput(f"无法读取{what} {path}：{exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise NeedsInput(f"{what} {path} 不是 UTF-8 文本") from exc
    if not lines or not lines[0]:
        raise NeedsInput(f"{what} {path} 的第一行是空的")
    return lines[0]


def read_password(args: argparse.Namespace, prompt: str = "密码：") -> str:
    """The password of `--user`: asked once per command (unlocking the database and signing in
    take the same)."""
    known: str | None = getattr(args, "_password", None)
    if known is not None:
        return known
    args._password = _read_password(args, prompt)
    return str(args._password)


def _read_password(args: argparse.Namespace, prompt: str) -> str:
    path: Path | None = getattr(args, "password_file", None)
    if path is not None:
        return _first_line(path, "密码文件")
    if PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise NeedsInput(f"需要密码：用 --password-file 指定文件，或设置环境变量 {PASSWORD_ENV}")


def new_password(args: argparse.Namespace) -> str:
    """A password being set (the first administrator's): typed twice on a terminal."""
    first = _read_password(args, "设置密码：")
    typed = getattr(args, "password_file", None) is None and PASSWORD_ENV not in os.environ
    if typed and getpass.getpass("再次输入密码：") != first:
        raise NeedsInput("两次输入的密码不一致")
    return first


def signed_in(db: Database, args: argparse.Namespace) -> Actor:
    """The actor `--user` names, signed in with its password; refused without `--user`, and
    while the account must still choose its own password (`liaison account passwd`)."""
    from liaison.domain.errors import PermissionDenied
    from liaison.services.accounts import must_change_password, sign_in

    username: str | None = getattr(args, "user", None)
    if not username:
        raise NeedsInput("这个命令需要 --user 账号（以及该账号的密码）")
    actor = sign_in(db, username, read_password(args))
    if must_change_password(db, actor.account_id):
        raise PermissionDenied(
            Text(
                "“{0}”的密码是管理员设置的，须先改成自己的密码：在桌面程序登录，或运行 liaison a"
                "ccount passwd --user {1}",
                username,
                username,
            )
        )
    return actor


def chosen_password(args: argparse.Namespace) -> str:
    """A new password for one's own account: the first line of `--new-password-file`, or typed
    twice on a terminal."""
    path: Path | None = getattr(args, "new_password_file", None)
    if path is not None:
        return _first_line(path, "新密码文件")
    if not sys.stdin.isatty():
        raise NeedsInput("需要新密码：用 --new-password-file 指定文件，或在终端输入")
    first = getpass.getpass("新密码：")
    if getpass.getpass("再次输入新密码：") != first:
        raise NeedsInput("两次输入的新密码不一致")
    return first


RECOVERY_OPTION = "--recovery-key-file"


def unlock_database(path: Path | str, args: argparse.Namespace) -> None:
    """Before a command opens an encrypted database: its key, opened with `--user` and the
    password, or with the recovery key in `--recovery-key-file`. Nothing for one in the clear,
    nor for a database on a server (its connection is its lock)."""
    from liaison.services import encryption

    if is_server(path):
        return
    path = Path(path)

    if not encryption.is_encrypted(path) or encryption.is_unlocked(path):
        return
    recovery: Path | None = getattr(args, "recovery_key_file", None)
    if recovery is not None:
        encryption.recover(path, _first_line(recovery, "恢复密钥文件"))
        return
    username: str | None = getattr(args, "user", None)
    if not username:
        raise NeedsInput(
            f"数据库 {path} 已加密：用 --user 账号（及其密码）或 {RECOVERY_OPTION} 打开，"
            "放在命令之前，如 liaison --user admin stats …"
        )
    encryption.unlock(path, username, read_password(args))


def encrypt_and_show(path: Path) -> None:
    """Encrypt the database at rest and print its recovery key, the one time it is shown."""
    from liaison.services.encryption import encrypt

    done = encrypt(path)
    print(
        f"数据库已加密（{done.accounts} 个账号可用各自的密码打开）。恢复密钥只显示这一次，"
        "请打印或抄写后与电脑分开保管；忘记密码时凭它打开数据库：\n\n"
        f"    {done.recovery_key}\n"
    )
