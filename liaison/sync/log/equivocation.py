"""Equivocation: a device that signs two different seals over one of its op numbers.

An honest device seals each of its ops once (`liaison.sync.log.seals`), and relays pass seals
on unchanged, so two seals of one device whose numbers overlap are the same seal. Two that
differ — other bounds, other ops, another vector — are both signed by the device's key: proof
that its holder forged one of them (to show two peers two histories, or to hide what it knew).

The proof is kept (`sync_equivocation`) and sent in every bundle; from the first number either
seal covers, nothing of that device counts anywhere (its ops there are set aside, those not
yet here are not taken): every replica that has the proofs cuts it at the same place.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import orjson

from liaison.sync.log.seals import SEAL_COLUMNS, Seal, seal_from_row

REASON = "equivocation"


def seal_text(seal: Seal) -> str:
    """A seal as a proof stores it: [first, last, vector, digest, signature in hex]."""
    return orjson.dumps(
        [seal.first, seal.last, seal.vector, seal.digest, seal.signature.hex()]
    ).decode()


def seal_of(site: str, text: str) -> Seal:
    """The seal a proof's text holds; ValueError when it is not one."""
    first, last, vector, digest, signature = orjson.loads(text)
    if not (
        isinstance(first, int)
        and isinstance(last, int)
        and 0 < first <= last
        and isinstance(vector, str)
        and isinstance(digest, str)
        and isinstance(signature, str)
    ):
        raise ValueError("not a seal")
    return Seal(site, first, last, vector, digest, bytes.fromhex(signature))


def overlap(a: Seal, b: Seal) -> bool:
    return a.site == b.site and a.first <= b.last and b.first <= a.last


@dataclass(frozen=True)
class Proof:
    """Two different seals of one device over overlapping numbers (in a fixed order)."""

    a: Seal
    b: Seal

    @staticmethod
    def of(x: Seal, y: Seal) -> Proof:
        return Proof(x, y) if seal_text(x) <= seal_text(y) else Proof(y, x)

    @property
    def site(self) -> str:
        return self.a.site

    @property
    def cut(self) -> int:
        """The device's last op that still counts."""
        return min(self.a.first, self.b.first) - 1

    def holds(self, public_key: str | None) -> bool:
        """Whether both seals are the device's, different, and overlap."""
        return (
            public_key is not None
            and self.a != self.b
            and overlap(self.a, self.b)
            and self.a.verify(public_key)
            and self.b.verify(public_key)
        )

    def row(self) -> tuple[str, str, str]:
        return (self.site, seal_text(self.a), seal_text(self.b))


def proofs_of(rows: Iterable[tuple[str, str, str]]) -> list[Proof]:
    """Proofs from stored or received rows (site, seal_a, seal_b); ValueError on a bad one."""
    return [Proof.of(seal_of(site, a), seal_of(site, b)) for site, a, b in rows]


def stored(conn: sqlite3.Connection) -> list[Proof]:
    return proofs_of(conn.execute("SELECT site, seal_a, seal_b FROM sync_equivocation"))


def cuts(conn: sqlite3.Connection) -> dict[str, int]:
    """Per device caught equivocating: its last op that counts."""
    return dict(conn.execute("SELECT site, MIN(cut) FROM sync_equivocation GROUP BY site"))


def store(conn: sqlite3.Connection, proofs: Iterable[Proof]) -> None:
    conn.executemany(
        "INSERT INTO sync_equivocation (site, seal_a, seal_b, cut) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        ((*p.row(), p.cut) for p in proofs),
    )


def found(
    conn: sqlite3.Connection,
    arriving: Iterable[Seal],
    offered: Iterable[Proof],
    keys: Mapping[str, str],
) -> list[Proof]:
    """The proofs this replica learns from a bundle: those it carries, and any two seals that
    clash among its seals, the seals of its proofs and the seals stored here. Only proofs
    whose seals verify with the device's key (`keys`) count; those already stored are left
    out."""
    known = {p.row() for p in stored(conn)}
    out: dict[tuple[str, str, str], Proof] = {}
    for proof in offered:
        if proof.row() not in known and proof.holds(keys.get(proof.site)):
            out[proof.row()] = proof
    new: dict[str, set[Seal]] = defaultdict(set)
    for seal in arriving:
        new[seal.site].add(seal)
    for proof in offered:
        new[proof.site] |= {proof.a, proof.b}
    for site, seals in new.items():
        low = min(s.first for s in seals)
        here = {
            seal_from_row(r)
            for r in conn.execute(
                f"SELECT {SEAL_COLUMNS} FROM sync_seal WHERE site = ? AND last >= ?", (site, low)
            )
        }
        pool = sorted(seals | here, key=lambda s: (s.first, s.last, s.digest))
        for i, x in enumerate(pool):
            for y in pool[i + 1 :]:
                if y.first > x.last:
                    break
                if x in here and y in here:
                    continue  # stored seals never clash with each other
                proof = Proof.of(x, y)
                if proof.row() not in known and proof.holds(keys.get(site)):
                    out[proof.row()] = proof
    return list(out.values())
