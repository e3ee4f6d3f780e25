"""This installation's identity: its device record and the private key that signs its ops,
seals, bundles and closure records and opens the bundles sent to it (`device_key`)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from liaison.domain.errors import NotFound


@dataclass(frozen=True)
class LocalDevice:
    id: str
    name: str
    public_key: str
    private_key: bytes


def local_device(conn: sqlite3.Connection) -> LocalDevice:
    row = conn.execute(
        "SELECT d.id, d.name, d.public_key, k.private_key FROM device d "
        "JOIN device_key k ON k.device_id = d.id WHERE d.is_local"
    ).fetchone()
    if row is None:
        raise NotFound("本机还没有设备密钥：请先运行 liaison init")
    return LocalDevice(str(row[0]), str(row[1]), str(row[2]), bytes(row[3]))
