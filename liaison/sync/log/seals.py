"""Seals: every device signs its own ops, and relays pass the signatures on unchanged.

A seal covers one device's ops `first`..`last` (gapless): the SHA-256 of their bytes
(`op_bytes`, in number order) and what the device then had of every other device (`vector`),
signed with the device's Ed25519 key. A device seals its new ops right before it exports and
right before it imports, so every op of a seal was made knowing exactly `vector`: that is the
causal past receivers judge the op's authority against (docs/sync.md, "Authority"). A bundle
costs one signature per device and seal, not one per op; a receiver checks each op against the
seal of the device that made it, so no device can write under another's id.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from liaison.domain import signing
from liaison.domain.text import Text
from liaison.sync.log.oplog import OP_COLUMNS

PREFIX = b"LIAISON-SEAL/1\n"
SEAL_COLUMNS = "site, first, last, vector, digest, signature"


def op_bytes(row: Sequence[Any]) -> bytes:
    """What a seal hashes of one op: its stored columns (`OP_COLUMNS`) as a JSON array."""
    return orjson.dumps(tuple(row[:8])) + b"\n"


def vector_text(vector: Mapping[str, int]) -> str:
    """A version vector as a seal carries it (sorted, compact)."""
    return json.dumps(dict(sorted(vector.items())), separators=(",", ":"))


@dataclass(frozen=True)
class Seal:
    site: str
    first: int
    last: int
    vector: str
    """`vector_text` of what the device had of the others when it sealed."""
    digest: str
    signature: bytes

    def message(self) -> bytes:
        """The signed bytes."""
        return PREFIX + orjson.dumps([self.site, self.first, self.last, self.vector, self.digest])

    def knowledge(self) -> dict[str, int]:
        loaded: dict[str, int] = orjson.loads(self.vector)
        return loaded

    def row(self) -> tuple[Any, ...]:
        return (self.site, self.first, self.last, self.vector, self.digest, self.signature)

    def verify(self, public_key: str) -> bool:
        return signing.verify(public_key, self.signature, self.message())

    @property
    def label(self) -> str:
        return f"{self.site}:{self.first}-{self.last}"


def seal_from_row(row: Sequence[Any]) -> Seal:
    site, first, last, vector, digest, signature = row
    return Seal(site, first, last, vector, digest, bytes(signature))


def digest_rows(rows: Iterable[Sequence[Any]]) -> str:
    h = hashlib.sha256()
    for row in rows:
        h.update(op_bytes(row))
    return h.hexdigest()


def last_sealed(conn: sqlite3.Connection, site: str) -> int:
    row = conn.execute("SELECT MAX(last) FROM sync_seal WHERE site = ?", (site,)).fetchone()
    return int(row[0] or 0)


def seal_pending(conn: sqlite3.Connection, site: str, private_key: bytes) -> Seal | None:
    """Seal this device's ops made since its last seal (inside the caller's transaction)."""
    after = last_sealed(conn, site)
    rows = conn.execute(
        f"SELECT {OP_COLUMNS} FROM sync_op WHERE site = ? AND seq > ? ORDER BY seq", (site, after)
    ).fetchall()
    if not rows:
        return None
    knows = {
        s: n
        for s, n in conn.execute("SELECT site, MAX(seq) FROM sync_op GROUP BY site")
        if s != site
    }
    unsigned = Seal(site, after + 1, rows[-1][1], vector_text(knows), digest_rows(rows), b"")
    seal = Seal(
        site,
        unsigned.first,
        unsigned.last,
        unsigned.vector,
        unsigned.digest,
        signing.sign(private_key, unsigned.message()),
    )
    store(conn, [seal])
    return seal


def store(conn: sqlite3.Connection, seals: Iterable[Seal]) -> None:
    conn.executemany(
        f"INSERT INTO sync_seal ({SEAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (s.row() for s in seals),
    )


def seals_after(conn: sqlite3.Connection, site: str, after: int) -> list[Seal]:
    """The device's stored seals that cover any of its ops after `after`, in order."""
    return [
        seal_from_row(r)
        for r in conn.execute(
            f"SELECT {SEAL_COLUMNS} FROM sync_seal WHERE site = ? AND last > ? ORDER BY first",
            (site, after),
        )
    ]


def all_seals(conn: sqlite3.Connection) -> list[Seal]:
    return [
        seal_from_row(r)
        for r in conn.execute(f"SELECT {SEAL_COLUMNS} FROM sync_seal ORDER BY site, first")
    ]


class SealCheck:
    """Hashes a bundle's ops as they stream by (ordered by device and number) against the
    bundle's seals: every op must lie in a seal, every seal must be whole and hash right.
    Signatures are checked at the end (`problems`), once the devices' keys are known."""

    def __init__(self, seals: Iterable[Seal]) -> None:
        self.pending: dict[str, list[Seal]] = {}
        for s in sorted(seals, key=lambda s: (s.site, s.first)):
            self.pending.setdefault(s.site, []).append(s)
        self.seen: list[Seal] = []
        self._open: tuple[Seal, Any, int] | None = None  # (seal, hash, next number)

    def feed(self, row: Sequence[Any]) -> str | None:
        """Take one op row; a problem (why the bundle is refused) or None."""
        site, seq = row[0], row[1]
        if self._open is None:
            queue = self.pending.get(site)
            if not queue or queue[0].first != seq:
                return Text("设备 {0} 的第 {1} 项变更没有该设备的签封", site, seq)
            seal = queue.pop(0)
            self._open = (seal, hashlib.sha256(), seq)
        seal, h, expected = self._open
        if site != seal.site or seq != expected:
            return Text("签封 {0} 的变更不完整", seal.label)
        h.update(op_bytes(row))
        if seq == seal.last:
            self._open = None
            if h.hexdigest() != seal.digest:
                return Text(
                    "设备 {0} 的变更与其签封不符（第 {1}–{2} 项被改动过）",
                    site,
                    seal.first,
                    seal.last,
                )
            self.seen.append(seal)
        else:
            self._open = (seal, h, seq + 1)
        return None

    def problems(self, keys: Mapping[str, str]) -> str | None:
        """After every row: each seal whole and signed by the key of the device it names."""
        if self._open is not None:
            return Text("签封 {0} 的变更不完整", self._open[0].label)
        left = [s for queue in self.pending.values() for s in queue]
        if left:
            return Text("签封 {0} 没有对应的变更", left[0].label)
        for seal in self.seen:
            key = keys.get(seal.site)
            if key is None:
                return Text("设备 {0} 未登记，无法核对它的签封", seal.site)
            if not seal.verify(key):
                return Text("设备 {0} 的签封无效（不是该设备签发，或被改动过）", seal.site)
        return None
