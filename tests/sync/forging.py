"""Crafting bundles by hand, as the holder of a field laptop can: rows, seals and vectors."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from liaison.data import migrate
from liaison.domain import clock, signing
from liaison.domain.ids import new_id
from liaison.sync.exchange import encryption, envelope, payload
from liaison.sync.exchange.envelope import Header
from liaison.sync.log import seals
from liaison.sync.log.district import read_root
from liaison.sync.log.equivocation import Proof
from liaison.sync.log.seals import Seal
from tests.sync.conftest import Replica
from tests.sync.district import private_key_of

Row = tuple[Any, ...]


def encrypted_for(body: bytes, public_key: str) -> bytes:
    """A payload encrypted to the device whose public key this is, as an exporter does."""
    out = io.BytesIO()
    encryption.encrypt(io.BytesIO(body), out, public_key)
    return out.getvalue()


def plain_payload(path: Path, receiver: Replica) -> bytes:
    """The payload of a bundle for `receiver`, decrypted with its key."""
    out = io.BytesIO()
    with envelope.opened_file(path) as opened:
        envelope.copy_payload(opened, out, private_key_of(receiver))
    return out.getvalue()


def resealed(header: Header, body: bytes, key: bytes, receiver: Replica, **changes: Any) -> bytes:
    """A bundle of `body` (plain) under `header` with `changes`, encrypted to `receiver` and
    signed with `key`: what a holder of `key` can make after editing a payload."""
    data = encrypted_for(body, public_key_of(receiver))
    fields: dict[str, Any] = dict(
        payload_sha256=hashlib.sha256(data).hexdigest(), payload_size=len(data)
    )
    return envelope.seal(replace(header, **fields, **changes), data, key)


def sealed(rows: list[Row], key: bytes, vector: dict[str, int]) -> Seal:
    """One seal over `rows` (one device, consecutive numbers) claiming `vector`, signed."""
    text = seals.vector_text(vector)
    bare = Seal(rows[0][0], rows[0][1], rows[-1][1], text, seals.digest_rows(rows), b"")
    return replace(bare, signature=signing.sign(key, bare.message()))


def craft(
    sender: Replica,
    rows: list[Row],
    seal_list: list[Seal],
    *,
    recipient: Replica | None = None,
    credentials: tuple[tuple[str, str], ...] = (),
    proofs: tuple[Proof, ...] = (),
    **header: Any,
) -> Path:
    """A bundle signed by `sender`'s key with exactly these rows, seals, credentials and
    proofs of equivocation."""
    bundle_id = header.pop("bundle_id", None) or new_id()
    n = len(list(sender.outbox.glob("*.lsb")))
    body = sender.outbox / f"crafted-{n}.payload"
    rows = sorted(rows, key=lambda r: (r[0], r[1]))
    meta = {"bundle_id": bundle_id, "sender": sender.device_id}
    payload.write(body, rows, meta, seal_list, credentials, proofs)
    data = body.read_bytes()
    if recipient is not None:
        data = encrypted_for(data, public_key_of(recipient))
    conn = sender.db.raw()
    try:
        root, root_key = read_root(conn)
        name, pub = conn.execute(
            "SELECT name, public_key FROM device WHERE id = ?", (sender.device_id,)
        ).fetchone()
        have = dict(conn.execute("SELECT site, MAX(seq) FROM sync_op GROUP BY site"))
    finally:
        conn.close()
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[3]] = counts.get(r[3], 0) + 1
    fields = dict(
        bundle_id=bundle_id,
        sender=sender.device_id,
        sender_name=name,
        sender_key=pub,
        made_at=clock.now().isoformat(sep=" ", timespec="seconds"),
        schema=migrate.head_revision() or "",
        vector=have,
        recipient=recipient.device_id if recipient else None,
        full=False,
        ops=len(rows),
        counts=counts,
        payload_sha256=hashlib.sha256(data).hexdigest(),
        payload_size=len(data),
        root=root,
        root_key=root_key,
        encryption="age" if recipient else "none",
    )
    fields.update(header)
    out = sender.outbox / f"crafted-{n}.lsb"
    out.write_bytes(envelope.seal(Header(**fields), data, private_key_of(sender)))
    return out


def public_key_of(replica: Replica) -> str:
    return str(one(replica, "SELECT public_key FROM device WHERE is_local"))


def own_rows(replica: Replica, first: int = 1) -> list[Row]:
    """The replica's own op rows from number `first` on."""
    conn = replica.db.raw()
    try:
        return conn.execute(
            "SELECT site, seq, hlc, entity, entity_id, account, fields, base FROM sync_op "
            "WHERE site = ? AND seq >= ? ORDER BY seq",
            (replica.device_id, first),
        ).fetchall()
    finally:
        conn.close()


def knows(replica: Replica) -> dict[str, int]:
    """What the replica has of the other devices (an honest seal's vector)."""
    conn = replica.db.raw()
    try:
        return {
            s: n
            for s, n in conn.execute("SELECT site, MAX(seq) FROM sync_op GROUP BY site")
            if s != replica.device_id
        }
    finally:
        conn.close()


def next_seq(replica: Replica) -> int:
    return (own_rows(replica)[-1][1] + 1) if own_rows(replica) else 1


def one(replica: Replica, sql: str, *args: Any) -> Any:
    conn = replica.db.raw()
    try:
        row = conn.execute(sql, args).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def text(fields: dict[str, Any]) -> str:
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


SEAL_ID = re.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def reseal(rows: list[tuple[Any, ...]], key: bytes) -> list[seals.Seal]:
    """Seals over the rows as they stand, one per run of numbers of each device, signed with
    `key` (the hub's: what a thief of the hub's key could make)."""
    out: list[seals.Seal] = []
    run: list[tuple[Any, ...]] = []
    sealable = [
        r
        for r in rows
        if SEAL_ID.fullmatch(str(r[0])) and isinstance(r[1], int) and 0 < r[1] < 10**12
    ]
    for row in sorted(sealable, key=lambda r: (r[0], r[1])):
        if run and (row[0] != run[-1][0] or row[1] != run[-1][1] + 1):
            out.append(seal_run(run, key))
            run = []
        run.append(row)
    if run:
        out.append(seal_run(run, key))
    return out


def seal_run(run: list[tuple[Any, ...]], key: bytes) -> seals.Seal:
    unsigned = seals.Seal(run[0][0], run[0][1], run[-1][1], "{}", seals.digest_rows(run), b"")
    return dataclasses.replace(unsigned, signature=signing.sign(key, unsigned.message()))
