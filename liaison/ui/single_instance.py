"""One running app per database file.

The first app to open a file holds a lock beside it (`FILE.lock`, Qt's QLockFile: a lock left by
a process that died is taken over) and listens on a local socket named after the file. A second
start on the same file asks the first, through that socket, to bring its window forward (and to
open the bundle it was started with, `liaison FILE.lsb`), and ends; when the first cannot be
reached (it hangs, or runs as another user) the second says which process holds the file. The
command line is not bound by this: its writers wait their turn.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"
OPEN = b"open "
"""`open PATH\n`: come forward and preview this bundle for import (PATH in UTF-8, absolute)."""
RAISED = b"raised\n"
WAIT_MS = 1500
MAX_MESSAGE = 8192


def server_name(db_path: Path) -> str:
    """The local socket's name: one per user and database file."""
    key = f"{getpass.getuser()}\0{db_path.resolve()}".encode()
    return "liaison-" + hashlib.sha256(key).hexdigest()[:24]


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class Instance(QObject):
    """The lock and the listening socket of the app that holds a database file."""

    def __init__(self, lock: QLockFile, server: QLocalServer) -> None:
        super().__init__()
        self.lock = lock
        self.server = server
        self.on_raise: Callable[[], None] = lambda: None
        self.on_open: Callable[[Path], None] = lambda _path: None
        server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            message = _read_line(socket)
            bundle = _bundle_in(message)
            if message == RAISE or bundle is not None:
                self.on_raise()
                if bundle is not None:
                    self.on_open(bundle)
                socket.write(RAISED)  # the asker ends only on this answer
                socket.waitForBytesWritten(WAIT_MS)
            socket.disconnectFromServer()

    def release(self) -> None:
        self.server.close()
        self.lock.unlock()


class HeldElsewhere(Exception):
    """Another app holds the database and could not be asked to come forward: `str()` says
    which process."""


def _read_line(socket: QLocalSocket) -> bytes:
    data = b""
    while not data.endswith(b"\n") and len(data) < MAX_MESSAGE:
        if not socket.bytesAvailable() and not socket.waitForReadyRead(WAIT_MS):
            break
        data += bytes(socket.readAll().data())
    return data


def _bundle_in(message: bytes) -> Path | None:
    if not (message.startswith(OPEN) and message.endswith(b"\n")):
        return None
    try:
        path = Path(message[len(OPEN) : -1].decode("utf-8"))
    except UnicodeDecodeError:
        return None
    return path if path.is_absolute() else None


def claim(db_path: Path, bundle: Path | None = None) -> Instance | None:
    """Hold the database for this app: the `Instance` when it is ours; None when another app
    holds it and was asked to bring its window forward and open `bundle` if given (this one
    should end quietly); raises `HeldElsewhere` when the holder could not be reached."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    name = server_name(db_path)
    if lock.tryLock(0):
        QLocalServer.removeServer(name)  # a socket file left by a process that died
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.listen(name)
        return Instance(lock, server)
    message = RAISE if bundle is None else OPEN + str(bundle.resolve()).encode("utf-8") + b"\n"
    if _ask(name, message):
        return None
    pid, host, _app = lock.getLockInfo()
    raise HeldElsewhere(f"进程 {pid}（{host}）")


def _ask(name: str, message: bytes) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(message)
    socket.flush()
    # a holder that hangs still has its socket accept the connection: only its answer counts
    answered = socket.waitForReadyRead(WAIT_MS) and bytes(socket.readAll().data()) == RAISED
    socket.abort()
    return answered
