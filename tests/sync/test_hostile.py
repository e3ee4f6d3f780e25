"""Hostile and broken bundles (docs/sync.md guarantees 8 and 9): each one refused with one clear
Chinese line, and the receiving database untouched — same digest, same op log, integrity check
ok, the database file byte for byte the same.

One world is built per module (a hub with a little data, a laptop that has exchanged with it, a
stranger the laptop never met, and a good bundle from the hub the laptop has not imported yet);
each test imports a variant of the good bundle into a fresh copy of the laptop. Variants that
must get past the signature are re-signed with the hub's real key, as a hub whose key was stolen
(or a buggy hub) would.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import itertools
import json
import random
import sqlite3
import struct
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from liaison.data import driver
from liaison.data.db import Database
from liaison.data.models import Category, Street
from liaison.domain import clock
from liaison.domain.roles import Role
from liaison.services import accounts, enterprises, visits
from liaison.services.context import Actor
from liaison.sync.exchange import bundle, devices, envelope, payload
from liaison.sync.exchange.digest import digest
from liaison.sync.exchange.envelope import BundleRefused, Header
from liaison.sync.log import database
from tests.sync.conftest import Replica, introduce, new_installation
from tests.sync.district import private_key_of
from tests.sync.forging import encrypted_for, public_key_of, reseal

REASONS = {
    "empty",
    "too_large",
    "not_bundle",
    "newer_format",
    "damaged",
    "bad_signature",
    "unknown_sender",
    "untrusted_sender",
    "revoked_sender",
    "own_bundle",
    "wrong_schema",
    "already_imported",
    "invalid_row",
    "oversized",
    "unreadable",
    "not_for_me",
    "unencrypted",
}


# --- the world ------------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    laptop: Path
    """The laptop's database after its first exchange with the hub (copied for each test)."""
    good: bytes
    """A bundle from the hub with changes the laptop lacks."""
    stranger: bytes
    """A bundle from a device the laptop has never heard of (its request to be enrolled)."""
    stranger_key: bytes
    laptop_key: bytes
    """The receiving laptop's private key: what opens the good bundle's payload."""
    laptop_public: str
    hub_key: bytes
    hub_id: str
    known: tuple[Any, ...]
    """An op row of the hub's that the laptop already has."""


def _copy(src: Path, dst: Path) -> None:
    a, b = driver.connect(src), driver.connect(dst)
    a.backup(b)
    a.close()
    b.close()


def _replica(path: Path, name: str, outbox: Path) -> Replica:
    db = database(path)
    me = devices.this_device(db)
    outbox.mkdir(parents=True, exist_ok=True)
    return Replica(name, db, me.id, me.fingerprint, outbox)


def _log_demand(db: Database, cadre: Actor, enterprise_id: str, category: str, title: str) -> None:
    visits.log_visit(
        db,
        cadre,
        visits.VisitInput(
            enterprise_id=enterprise_id,
            visit_date=clock.today(),
            mode="onsite",
            summary="了解企业经营情况",
            demands=(visits.DemandInput(category, title),),
        ),
    )


@pytest.fixture(scope="module")
def world(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("hostile")
    outbox = tmp / "outbox"
    _copy(template_db, tmp / "hub.sqlite")
    new_installation(template_db, tmp / "laptop.sqlite", "观音桥街道 laptop 3")
    new_installation(template_db, tmp / "stranger.sqlite", "陌生设备")
    hub = _replica(tmp / "hub.sqlite", "hub", outbox)
    laptop = _replica(tmp / "laptop.sqlite", "laptop", outbox)
    stranger = _replica(tmp / "stranger.sqlite", "stranger", outbox)
    try:
        accounts.create_district(hub.db, "admin", "管理员", "password-123")
        admin = accounts.sign_in(hub.db, "admin", "password-123")
        accounts.create_account(
            hub.db,
            admin,
            username="cadre",
            display_name="干部",
            role=Role.CADRE,
            password="password-123",
        )
        cadre = accounts.sign_in(hub.db, "cadre", "password-123")
        with hub.db.session() as s:
            street = s.scalar(select(Street.id).where(Street.name == "观音桥街道"))
            category = s.scalar(select(Category.id).where(Category.name == "融资"))
        assert street and category
        eid = enterprises.register_enterprise(
            hub.db,
            admin,
            enterprises.EnterpriseInput(
                name="重庆江北嘉陵机械有限公司", uscc="91500105MA5U3X8P2E", street_id=street
            ),
        )
        enterprises.assign_cadre(hub.db, admin, eid, cadre.account_id)
        _log_demand(hub.db, cadre, eid, category, "贷款贴息申请")
        introduce(hub, laptop)
        laptop.receive(hub.export(laptop))
        hub.receive(laptop.export(hub))  # the hub learns what the laptop has
        assert laptop.digest() == hub.digest()
        _log_demand(hub.db, cadre, eid, category, "厂房租金补贴")
        _log_demand(hub.db, cadre, eid, category, "用工招聘")
        good = hub.export(laptop).read_bytes()
        conn = laptop.db.raw()
        known = conn.execute(
            "SELECT site, seq, hlc, entity, entity_id, account, fields, base FROM sync_op "
            "WHERE site = ? AND entity = 'enterprise' ORDER BY seq LIMIT 1",
            (hub.device_id,),
        ).fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        yield World(
            laptop=tmp / "laptop.sqlite",
            good=good,
            stranger=stranger.request().read_bytes(),
            stranger_key=private_key_of(stranger),
            laptop_key=private_key_of(laptop),
            laptop_public=public_key_of(laptop),
            hub_key=private_key_of(hub),
            hub_id=hub.device_id,
            known=tuple(known),
        )
    finally:
        for r in (hub, laptop, stranger):
            r.db.dispose()


# --- the receiver and its "unchanged" check -------------------------------------------------


@dataclass
class Receiver:
    path: Path
    db: Database
    tmp: Path
    scratch: Path
    """The temporary directory while the test runs: the payload's private copy goes there."""

    def state(self) -> tuple[str, str, int, int, str]:
        """digest, integrity, op count, bundle count and the file's hash (after a checkpoint,
        so the WAL holds nothing)."""
        conn = self.db.raw()
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            result = (
                digest(conn),
                conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM sync_op").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM sync_bundle").fetchone()[0],
            )
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        self.db.engine.dispose()
        return (*result, hashlib.sha256(self.path.read_bytes()).hexdigest())

    def file(self, data: bytes, name: str = "in.lsb") -> Path:
        path = self.tmp / name
        path.write_bytes(data)
        return path

    def refuses(self, data: bytes | Path, reason: str, *, dry_run: bool = False) -> BundleRefused:
        """Import `data`: it must be refused for `reason` and change nothing."""
        before = self.state()
        assert before[1] == "ok"
        path = data if isinstance(data, Path) else self.file(data)
        with pytest.raises(BundleRefused) as refused:
            bundle.import_bundle(self.db, path, dry_run=dry_run)
        exc = refused.value
        assert exc.reason == reason, f"{exc.reason}: {exc}"
        assert exc.reason in REASONS
        _one_clear_line(str(exc))
        assert self.state() == before
        assert list(self.scratch.iterdir()) == []  # the private copy of the payload is gone
        return exc


def _one_clear_line(message: str) -> None:
    assert message and "\n" not in message and "\r" not in message
    assert len(message) < 300
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert "Traceback" not in message


@pytest.fixture
def receiver(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Receiver]:
    path = tmp_path / "receiver.sqlite"
    _copy(world.laptop, path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    db = database(path)
    yield Receiver(path, db, tmp_path, scratch)
    db.dispose()


# --- building variants ----------------------------------------------------------------------


def _split(data: bytes) -> envelope.Opened:
    return envelope.open_envelope(data)


def _plain(data: bytes, key: bytes) -> bytes:
    """The payload of a bundle, decrypted with the receiver's key."""
    out = io.BytesIO()
    envelope.copy_payload(_split(data), out, key)
    return out.getvalue()


def _rows(data: bytes, tmp: Path, key: bytes) -> list[tuple[Any, ...]]:
    """The op rows of a bundle we made ourselves (read plainly: it is our own file)."""
    path = tmp / "own-payload.sqlite"
    path.write_bytes(_plain(data, key))
    conn = driver.connect(path)
    try:
        return conn.execute(
            "SELECT site, seq, hlc, entity, entity_id, account, fields, base FROM op "
            "ORDER BY site, seq"
        ).fetchall()
    finally:
        conn.close()
        path.unlink()


_made = itertools.count()


def _payload(
    tmp: Path,
    rows: list[tuple[Any, ...]],
    meta: dict[str, str],
    ddl: list[str] | None = None,
    after: Callable[[sqlite3.Connection], object] | None = None,
    seal_key: bytes | None = None,
) -> bytes:
    path = tmp / f"payload-{next(_made)}.sqlite"
    conn = driver.connect(path, isolation_level=None)
    try:
        for sql in ddl if ddl is not None else list(payload.PAYLOAD_DDL.values()):
            conn.execute(sql)
        if meta:
            conn.executemany("INSERT INTO bundle_meta VALUES (?, ?)", meta.items())
        conn.executemany("INSERT INTO op VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        if seal_key is not None and (ddl is None or any("TABLE seal" in s for s in ddl)):
            conn.executemany(
                "INSERT INTO seal VALUES (?, ?, ?, ?, ?, ?)",
                (s.row() for s in reseal(rows, seal_key)),
            )
        if after is not None:
            after(conn)
    finally:
        conn.close()
    return path.read_bytes()


def _seal(header: Header, body: bytes, key: bytes, **changes: Any) -> bytes:
    header = dataclasses.replace(
        header,
        payload_sha256=hashlib.sha256(body).hexdigest(),
        payload_size=len(body),
        **changes,
    )
    return envelope.seal(header, body, key)


class Forge:
    """Variants of the good bundle, re-signed with the hub's real key."""

    def __init__(self, world: World, tmp: Path) -> None:
        self.world = world
        self.tmp = tmp
        self.header = _split(world.good).header
        self.rows = _rows(world.good, tmp, world.laptop_key)
        self.meta = {"bundle_id": self.header.bundle_id, "sender": self.header.sender}

    def bundle(
        self,
        rows: list[tuple[Any, ...]] | None = None,
        *,
        ddl: list[str] | None = None,
        after: Callable[[sqlite3.Connection], object] | None = None,
        **header: Any,
    ) -> bytes:
        rows = self.rows if rows is None else rows
        body = _payload(self.tmp, rows, self.meta, ddl, after, self.world.hub_key)
        header.setdefault("ops", len(rows))
        return self.seal(body, self.world.hub_key, **header)

    def seal(self, body: bytes, key: bytes, **changes: Any) -> bytes:
        """`body` under the good bundle's header with `changes`, signed with `key`, encrypted
        to the laptop as the hub does (unless it already is: a payload taken from a bundle)."""
        if not body.startswith(b"age-encryption.org/v1\n"):
            body = encrypted_for(body, self.world.laptop_public)
        return _seal(self.header, body, key, **changes)

    def with_row(self, n: int, **changes: Any) -> bytes:
        """The good bundle with row `n` changed (columns by name; dicts become JSON)."""
        cols = ("site", "seq", "hlc", "entity", "entity_id", "account", "fields", "base")
        rows = list(self.rows)
        row = dict(zip(cols, rows[n], strict=True))
        for k, v in changes.items():
            row[k] = (
                json.dumps(v, ensure_ascii=False, separators=(",", ":"))  # as we write it
                if isinstance(v, (dict, list))
                else v
            )
        rows[n] = tuple(row[c] for c in cols)
        return self.bundle(rows)


@pytest.fixture
def forge(world: World, tmp_path: Path) -> Forge:
    return Forge(world, tmp_path)


# --- sanity: the good bundle is accepted ---------------------------------------------------


def test_the_good_bundle_and_a_faithful_rebuild_of_it_are_accepted(
    receiver: Receiver, forge: Forge, world: World
) -> None:
    """The forge itself is right: a re-signed rebuild of the good payload goes in."""
    rebuilt = forge.bundle()
    report = bundle.import_bundle(receiver.db, receiver.file(rebuilt))
    assert report.new_ops == len(forge.rows) == 6  # two visits, demands, events
    assert receiver.state()[1] == "ok"


# --- not a bundle at all ------------------------------------------------------------------


def test_zero_bytes(receiver: Receiver) -> None:
    receiver.refuses(b"", "empty")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes(receiver: Receiver, seed: int) -> None:
    rng = random.Random(seed)
    receiver.refuses(rng.randbytes(rng.randint(1, 100_000)), "not_bundle")


def test_random_bytes_behind_the_magic(receiver: Receiver) -> None:
    rng = random.Random(4)
    version = struct.pack(">H", envelope.FORMAT)
    receiver.refuses(envelope.MAGIC + version + rng.randbytes(5000), "damaged")


def test_a_plain_sqlite_file(receiver: Receiver, world: World) -> None:
    receiver.refuses(world.laptop.read_bytes()[:200_000], "not_bundle")


def test_a_missing_file_and_a_directory(receiver: Receiver) -> None:
    receiver.refuses(receiver.tmp / "nowhere.lsb", "unreadable")
    receiver.refuses(receiver.tmp, "unreadable")


def test_a_file_over_the_size_limit(receiver: Receiver, monkeypatch: pytest.MonkeyPatch) -> None:
    good_size = 10_000
    monkeypatch.setattr(envelope, "MAX_BUNDLE", good_size)
    receiver.refuses(envelope.MAGIC + bytes(good_size), "too_large")


# --- truncated, flipped, grown ------------------------------------------------------------


def _offsets(data: bytes) -> dict[str, int]:
    prefix = struct.calcsize(">8sHI")
    header_size = struct.unpack_from(">I", data, 10)[0]
    end = prefix + header_size
    return {"prefix": prefix, "header_end": end, "payload": end + 64}


@pytest.mark.parametrize(
    ("cut", "reason"),
    [
        (lambda o, n: 4, "not_bundle"),  # inside the magic
        (lambda o, n: 12, "not_bundle"),  # inside the prefix
        (lambda o, n: o["prefix"] + 10, "damaged"),  # inside the header
        (lambda o, n: o["header_end"], "damaged"),  # no signature at all
        (lambda o, n: o["header_end"] + 32, "damaged"),  # half a signature
        (lambda o, n: o["payload"], "damaged"),  # no payload
        (lambda o, n: o["payload"] + 100, "damaged"),  # inside the SQLite header
        (lambda o, n: o["payload"] + (n - o["payload"]) // 2, "damaged"),  # half the payload
        (lambda o, n: n - 1, "damaged"),  # the last byte
    ],
    ids=[
        "magic",
        "prefix",
        "header",
        "no-signature",
        "half-signature",
        "no-payload",
        "sqlite-header",
        "half-payload",
        "last-byte",
    ],
)
def test_truncated(
    receiver: Receiver, world: World, cut: Callable[[dict[str, int], int], int], reason: str
) -> None:
    data = world.good
    receiver.refuses(data[: cut(_offsets(data), len(data))], reason)


def test_a_byte_appended(receiver: Receiver, world: World) -> None:
    receiver.refuses(world.good + b"\0", "damaged")


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


@pytest.mark.parametrize("where", [0.0, 0.3, 0.7, 1.0])
def test_a_flipped_byte_in_the_payload(receiver: Receiver, world: World, where: float) -> None:
    o = _offsets(world.good)
    at = o["payload"] + int((len(world.good) - o["payload"] - 1) * where)
    receiver.refuses(_flip(world.good, at), "damaged")


def test_what_sqlite_reads_is_the_copy_that_was_hashed(world: World, tmp_path: Path) -> None:
    """The payload is streamed from the file (a snapshot is not held in memory) into a private
    copy, hashed as it is written: a file changed after its head was read is refused, and the
    copy is of the bytes that were hashed."""
    path = tmp_path / "changing.lsb"
    path.write_bytes(world.good)
    at = len(world.good) - 10  # past what the reader has buffered
    with envelope.opened_file(path) as opened:
        assert opened.payload_size == len(world.good) - _offsets(world.good)["payload"]
        with path.open("r+b") as f:  # changed behind the reader's back
            f.seek(at)
            f.write(bytes([world.good[at] ^ 0xFF]))
        with pytest.raises(BundleRefused) as refused:
            envelope.copy_payload(opened, io.BytesIO(), world.laptop_key)
    assert refused.value.reason == "damaged"
    path.write_bytes(world.good)
    copy = io.BytesIO()
    with envelope.opened_file(path) as opened:
        envelope.copy_payload(opened, copy, world.laptop_key)
    assert copy.getvalue() == _plain(world.good, world.laptop_key)
    assert copy.getvalue().startswith(b"SQLite format 3\0")


def test_a_file_that_cannot_be_read_halfway_is_refused(world: World) -> None:
    """The stick pulled out while the payload is copied: a clear refusal, not a traceback."""
    payload_at = _offsets(world.good)["payload"]

    class Failing(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            if self.tell() >= payload_at:
                raise OSError(5, "Input/output error")
            return super().read(size)

    opened = envelope.read_envelope(Failing(world.good))
    with pytest.raises(BundleRefused) as refused:
        envelope.copy_payload(opened, io.BytesIO(), world.laptop_key)
    assert refused.value.reason == "unreadable" and "Input/output error" in str(refused.value)


def test_a_flipped_byte_in_the_header_values(receiver: Receiver, world: World) -> None:
    at = world.good.index(b'"made_at": "') + len(b'"made_at": "') + 3  # a digit of the year
    receiver.refuses(_flip(world.good, at), "bad_signature")


def test_a_flipped_byte_in_the_header_syntax(receiver: Receiver, world: World) -> None:
    at = _offsets(world.good)["prefix"]  # the opening brace
    receiver.refuses(_flip(world.good, at), "damaged")


def test_a_header_size_beyond_the_file(receiver: Receiver, world: World) -> None:
    data = world.good[:10] + struct.pack(">I", 0xFFFFFFFF) + world.good[14:]
    receiver.refuses(data, "damaged")


@pytest.mark.parametrize(
    "header",
    [b"[]", b"null", b'{"sender": 1}', b"\xff\xfe", b"{" * 10_000, b"[" * 200_000],
    ids=["list", "null", "missing-keys", "not-utf8", "unclosed", "nested-past-recursion"],
)
def test_a_header_that_is_not_a_header(receiver: Receiver, world: World, header: bytes) -> None:
    data = struct.pack(">8sHI", envelope.MAGIC, envelope.FORMAT, len(header)) + header
    receiver.refuses(data + bytes(64) + _split(world.good).payload, "damaged")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sender_name", "区联络办\nliaison: 已导入 0 项"),
        ("sender_name", "\x1b[2J\x1b[31m区联络办"),
        ("sender_name", "区\u202e办络联"),  # right-to-left override
        ("sender_name", "长" * 5000),
        ("bundle_id", "'; DROP TABLE sync_bundle; --"),
        ("sender", "hub"),
        ("sender_key", "not a key"),
        ("made_at", "明天"),
        ("schema", "0004\n"),
        ("vector", {"hub": 1}),
        ("vector", {"01a219ca-e32b-7028-a363-13d38e5d1475": -1}),
        ("vector", {"01a219ca-e32b-7028-a363-13d38e5d1475": 10**15}),
        ("counts", {"visit; --": 1}),
        ("recipient", 7),
        ("ops", -1),
        ("ops", True),
        ("payload_sha256", "abc"),
        ("payload_size", -5),
    ],
)
def test_a_header_value_of_the_wrong_form(
    receiver: Receiver, world: World, field: str, value: Any
) -> None:
    """Refused before any key is looked up: the stranger signs its own header properly, and
    its name would be shown to a person."""
    header = _split(world.stranger).header
    body = _split(world.stranger).payload
    bad = dataclasses.replace(header, **{field: value})
    exc = receiver.refuses(envelope.seal(bad, body, world.stranger_key), "damaged")
    assert "包头" in str(exc)


def test_a_header_with_wrong_types(receiver: Receiver, forge: Forge) -> None:
    raw = json.loads(forge.header.to_json())
    raw["ops"] = "12"
    header = json.dumps(raw).encode()
    prefix = struct.pack(">8sHI", envelope.MAGIC, envelope.FORMAT, len(header)) + header
    data = prefix + bytes(64) + _split(forge.world.good).payload
    receiver.refuses(data, "damaged")


# --- format version -----------------------------------------------------------------------


def test_a_future_format_version(receiver: Receiver, world: World) -> None:
    data = world.good[:8] + struct.pack(">H", envelope.FORMAT + 1) + world.good[10:]
    exc = receiver.refuses(data, "newer_format")
    assert "升级" in str(exc)


def test_a_future_format_version_properly_signed(
    receiver: Receiver, forge: Forge, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(envelope, "FORMAT", envelope.FORMAT + 1)
    data = forge.bundle()
    monkeypatch.undo()
    receiver.refuses(data, "newer_format")


def test_format_version_zero(receiver: Receiver, world: World) -> None:
    data = world.good[:8] + struct.pack(">H", 0) + world.good[10:]
    receiver.refuses(data, "damaged")


# --- signatures and senders ---------------------------------------------------------------


def test_a_bad_signature(receiver: Receiver, world: World) -> None:
    receiver.refuses(_flip(world.good, _offsets(world.good)["header_end"] + 5), "bad_signature")


def test_a_zeroed_signature(receiver: Receiver, world: World) -> None:
    o = _offsets(world.good)
    data = world.good[: o["header_end"]] + bytes(64) + world.good[o["payload"] :]
    receiver.refuses(data, "bad_signature")


def test_a_new_payload_with_its_hash_but_not_re_signed(
    receiver: Receiver, forge: Forge, world: World
) -> None:
    """The attacker has no key: he swaps the payload and fixes the hash in the header."""
    forged = _split(forge.with_row(0, fields={"name": "改过的名字"}))
    o = _offsets(world.good)
    original_signature = world.good[o["header_end"] : o["payload"]]
    receiver.refuses(forged.signed + original_signature + forged.payload, "bad_signature")


def test_signed_by_another_key_in_the_hubs_name(receiver: Receiver, forge: Forge) -> None:
    body = _split(forge.world.good).payload
    receiver.refuses(forge.seal(body, forge.world.stranger_key), "bad_signature")


def test_the_hubs_name_with_another_devices_key(receiver: Receiver, forge: Forge) -> None:
    stranger = _split(forge.world.stranger).header
    body = _split(forge.world.good).payload
    data = forge.seal(body, forge.world.stranger_key, sender_key=stranger.sender_key)
    exc = receiver.refuses(data, "bad_signature")
    assert "密钥" in str(exc)


def test_an_unknown_sender(receiver: Receiver, world: World) -> None:
    exc = receiver.refuses(world.stranger, "unknown_sender")
    assert "陌生设备" in str(exc) and "liaison device enrol" in str(exc)


def test_a_known_but_untrusted_sender(receiver: Receiver, world: World) -> None:
    h = _split(world.stranger).header
    conn = receiver.db.raw()
    conn.execute(
        "INSERT INTO device (id, name, public_key, fingerprint, is_local, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 0, '2026-11-01 09:00:00', '2026-11-01 09:00:00')",
        (h.sender, h.sender_name, h.sender_key, "X"),
    )
    conn.close()
    receiver.refuses(world.stranger, "untrusted_sender")


def test_a_revoked_sender(receiver: Receiver, world: World) -> None:
    conn = receiver.db.raw()  # as the revocation made at another hub writes it here
    conn.execute(
        "UPDATE device SET revoked_at = '2026-11-01 09:00:00', revoked_seq = 1 WHERE id = ?",
        (world.hub_id,),
    )
    conn.close()
    receiver.refuses(world.good, "revoked_sender")


def test_a_bundle_from_this_device_itself(receiver: Receiver, world: World) -> None:
    own = receiver.tmp / "own.lsb"
    bundle.export_bundle(receiver.db, own, recipient=world.hub_id, full=True)
    receiver.refuses(own, "own_bundle")


def test_a_replay(receiver: Receiver, world: World) -> None:
    first = bundle.import_bundle(receiver.db, receiver.file(world.good))
    assert first.new_ops > 0
    exc = receiver.refuses(world.good, "already_imported")
    assert "导入过" in str(exc)


def test_a_replay_under_another_file_name(receiver: Receiver, world: World) -> None:
    bundle.import_bundle(receiver.db, receiver.file(world.good, "a.lsb"))
    receiver.refuses(receiver.file(world.good, "copy of a.lsb"), "already_imported")


def test_another_schema_revision_in_the_header(receiver: Receiver, forge: Forge) -> None:
    receiver.refuses(forge.bundle(schema="0000future"), "wrong_schema")


# --- the payload: another schema, planted objects -----------------------------------------


OP_DDL = payload.PAYLOAD_DDL["op"]
META_DDL = payload.PAYLOAD_DDL["bundle_meta"]


def test_a_valid_sqlite_payload_of_another_schema(receiver: Receiver, forge: Forge) -> None:
    def other(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE enterprise (id TEXT PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO enterprise VALUES ('x', '假企业')")

    receiver.refuses(forge.bundle(after=other), "wrong_schema")


def test_the_whole_application_database_as_payload(
    receiver: Receiver, forge: Forge, world: World
) -> None:
    body = world.laptop.read_bytes()
    receiver.refuses(forge.seal(body, world.hub_key), "wrong_schema")


def test_a_payload_that_is_not_sqlite(receiver: Receiver, forge: Forge) -> None:
    body = random.Random(5).randbytes(8192)
    receiver.refuses(forge.seal(body, forge.world.hub_key), "damaged")


def test_an_empty_payload(receiver: Receiver, forge: Forge) -> None:
    receiver.refuses(forge.seal(b"", forge.world.hub_key), "wrong_schema")


def test_a_payload_with_its_pages_corrupted(receiver: Receiver, forge: Forge) -> None:
    body = bytearray(_plain(forge.world.good, forge.world.laptop_key))
    page = 4096
    assert len(body) >= 3 * page
    for i in range(2 * page + 8, 3 * page, 7):  # scribble over the third page
        body[i] ^= 0x5A
    receiver.refuses(forge.seal(bytes(body), forge.world.hub_key), "damaged")


PLANTED = {
    "view": ["CREATE VIEW v AS SELECT * FROM op"],
    "trigger": [
        "CREATE TRIGGER t AFTER INSERT ON op BEGIN DELETE FROM bundle_meta; END",
    ],
    "extra-table": ["CREATE TABLE sync_op (x TEXT) STRICT"],
    "index": ["CREATE INDEX ix_op_entity ON op (entity)"],
    "expression-index": ["CREATE INDEX ix_op_len ON op (length(fields))"],
    "partial-index": ["CREATE INDEX ix_op_p ON op (seq) WHERE seq > 0"],
    "analyze": ["ANALYZE"],
    "name-with-newline": ['CREATE TABLE "x\nliaison: 已导入" (a TEXT)'],
    "long-names": [f"CREATE TABLE t{i}{'_' * 60} (a TEXT)" for i in range(50)],
}


@pytest.mark.parametrize("name", list(PLANTED))
def test_a_planted_object(receiver: Receiver, forge: Forge, name: str) -> None:
    def plant(conn: sqlite3.Connection) -> None:
        for sql in PLANTED[name]:
            conn.execute(sql)

    exc = receiver.refuses(forge.bundle(after=plant), "wrong_schema")
    assert "表结构" in str(exc)


@pytest.mark.parametrize(
    "op_ddl",
    [
        OP_DDL.replace(
            "base TEXT NOT NULL,", "base TEXT NOT NULL, x TEXT GENERATED ALWAYS AS (fields),"
        ),
        OP_DDL.replace(
            "base TEXT NOT NULL,",
            "base TEXT NOT NULL, x TEXT GENERATED ALWAYS AS (upper(fields)) STORED,",
        ),
        OP_DDL.replace(" STRICT", ""),  # not STRICT
        OP_DDL.replace("account TEXT,", "account TEXT DEFAULT (hex(randomblob(8))),"),
        OP_DDL.replace(" STRICT", " STRICT, WITHOUT ROWID"),
        OP_DDL.replace("(site TEXT", "(site  TEXT"),  # one more space
        OP_DDL.replace("fields TEXT NOT NULL", "fields TEXT NOT NULL CHECK (length(fields) > 0)"),
    ],
    ids=[
        "virtual-generated",
        "stored-generated",
        "not-strict",
        "default-expr",
        "without-rowid",
        "whitespace",
        "check",
    ],
)
def test_an_op_table_of_another_shape(receiver: Receiver, forge: Forge, op_ddl: str) -> None:
    receiver.refuses(forge.bundle(ddl=[META_DDL, op_ddl]), "wrong_schema")


def test_a_schema_text_that_lies_about_the_table(receiver: Receiver, forge: Forge) -> None:
    """The file says STRICT (rewritten with writable_schema) but its rows were stored by a
    table that was not: a text where a number belongs."""
    loose = OP_DDL.replace(" STRICT", "")
    rows = list(forge.rows)
    rows[0] = (rows[0][0], "1 OR 1", *rows[0][2:])

    def lie(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute("UPDATE sqlite_schema SET sql = ? WHERE name = 'op'", (OP_DDL,))
        conn.execute("PRAGMA writable_schema=OFF")

    data = forge.bundle(rows, ddl=[META_DDL, loose], after=lie)
    exc = receiver.refuses(data, "damaged")
    assert "完整性" in str(exc) or "无效" in str(exc)


def test_a_schema_whose_tables_point_at_each_others_pages(receiver: Receiver, forge: Forge) -> None:
    """The schema text is exactly right, but `op` is read from bundle_meta's b-tree."""

    def swap(conn: sqlite3.Connection) -> None:
        pages = dict(conn.execute("SELECT name, rootpage FROM sqlite_schema WHERE type='table'"))
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(
            "UPDATE sqlite_schema SET rootpage = CASE name WHEN 'op' THEN ? ELSE ? END "
            "WHERE name IN ('op', 'bundle_meta')",
            (pages["bundle_meta"], pages["op"]),
        )
        conn.execute("PRAGMA writable_schema=OFF")

    exc = receiver.refuses(forge.bundle(after=swap), "damaged")
    assert "完整性" in str(exc) or "损坏" in str(exc)


def test_a_schema_text_that_hides_a_trigger(receiver: Receiver, forge: Forge) -> None:
    """A trigger renamed, with writable_schema, to look like the table's autoindex."""

    def hide(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TRIGGER t AFTER INSERT ON op BEGIN DELETE FROM bundle_meta; END")
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(
            "UPDATE sqlite_schema SET type = 'index', name = 'sqlite_autoindex_op_2' "
            "WHERE name = 't'"
        )
        conn.execute("PRAGMA writable_schema=OFF")

    receiver.refuses(forge.bundle(after=hide), "damaged")  # SQLite: malformed schema


def test_a_malformed_schema_naming_itself_over_lines(receiver: Receiver, forge: Forge) -> None:
    """SQLite's message quotes the bad object's name: it must not break the one line."""

    def hide(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TRIGGER t AFTER INSERT ON op BEGIN DELETE FROM bundle_meta; END")
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(
            "UPDATE sqlite_schema SET type = 'index', name = ? WHERE name = 't'",
            ("sqlite_autoindex_op_2\nliaison: 已导入 999 项变更",),
        )
        conn.execute("PRAGMA writable_schema=OFF")

    receiver.refuses(forge.bundle(after=hide), "damaged")


# --- oversized values ---------------------------------------------------------------------


def test_a_fields_text_over_the_cell_limit(receiver: Receiver, forge: Forge) -> None:
    huge = {"name": "企" * (payload.MAX_VALUE // 3 + 10)}  # over MAX_VALUE bytes of UTF-8
    receiver.refuses(forge.with_row(0, fields=huge), "oversized")


def test_a_base_text_over_the_cell_limit(receiver: Receiver, forge: Forge) -> None:
    receiver.refuses(forge.with_row(0, base="[" + " " * payload.MAX_VALUE + "]"), "oversized")


def test_a_meta_value_over_the_cell_limit(receiver: Receiver, forge: Forge) -> None:
    def pad(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO bundle_meta VALUES ('padding', ?)", ("x" * 2_000_000,))

    receiver.refuses(forge.bundle(after=pad), "oversized")


def test_a_field_longer_than_its_column(receiver: Receiver, forge: Forge) -> None:
    n, row = next((i, r) for i, r in enumerate(forge.rows) if r[3] == "demand")
    fields = json.loads(row[6])
    fields["title"] = "长" * 100_001
    receiver.refuses(forge.with_row(n, fields=fields), "invalid_row")


def test_more_rows_than_the_header_says(receiver: Receiver, forge: Forge) -> None:
    receiver.refuses(forge.bundle(ops=len(forge.rows) - 1), "damaged")


def test_fewer_rows_than_the_header_says(receiver: Receiver, forge: Forge) -> None:
    receiver.refuses(forge.bundle(ops=len(forge.rows) + 1), "damaged")


def test_meta_that_disagrees_with_the_header(receiver: Receiver, forge: Forge) -> None:
    forge.meta = {"bundle_id": "another", "sender": forge.header.sender}
    receiver.refuses(forge.bundle(), "damaged")


# --- rows that fail validation ------------------------------------------------------------


def _first(forge: Forge, entity: str) -> tuple[int, dict[str, Any]]:
    n, row = next((i, r) for i, r in enumerate(forge.rows) if r[3] == entity)
    return n, json.loads(row[6])


BAD_ROWS: dict[str, Callable[[Forge], bytes]] = {
    "unknown-entity": lambda f: f.with_row(0, entity="sqlite_schema"),
    "derived-table-entity": lambda f: f.with_row(0, entity="sync_conflict"),
    "unknown-field": lambda f: f.with_row(
        _first(f, "demand")[0], fields={"title": "x", "state": "closed"}
    ),
    "sql-in-a-field-name": lambda f: f.with_row(
        _first(f, "demand")[0], fields={"title = 'x'; DROP TABLE demand; --": 1}
    ),
    "text-for-an-integer": lambda f: f.with_row(
        _first(f, "demand_event")[0], fields={**_first(f, "demand_event")[1], "epoch": "1"}
    ),
    "float-for-an-integer": lambda f: f.with_row(
        _first(f, "demand_event")[0], fields={**_first(f, "demand_event")[1], "epoch": 1.5}
    ),
    "bool-as-text": lambda f: f.with_row(
        _first(f, "visit")[0], fields={**_first(f, "visit")[1], "deleted_at": True}
    ),
    "bad-date": lambda f: f.with_row(
        _first(f, "visit")[0], fields={**_first(f, "visit")[1], "visit_date": "2026/11/26"}
    ),
    "impossible-date": lambda f: f.with_row(
        _first(f, "visit")[0], fields={**_first(f, "visit")[1], "visit_date": "2026-13-45"}
    ),
    "date-shaped-garbage": lambda f: f.with_row(
        _first(f, "visit")[0], fields={**_first(f, "visit")[1], "visit_date": "abcd-ef-gh"}
    ),
    "datetime-shaped-garbage": lambda f: f.with_row(
        _first(f, "visit")[0], fields={**_first(f, "visit")[1], "created_at": "abcd-ef-gh ijklmnop"}
    ),
    "event-kind-unknown": lambda f: f.with_row(
        _first(f, "demand_event")[0], fields={**_first(f, "demand_event")[1], "kind": "hack"}
    ),
    "event-role-unknown": lambda f: f.with_row(
        _first(f, "demand_event")[0], fields={**_first(f, "demand_event")[1], "actor_role": "god"}
    ),
    "event-at-garbage": lambda f: f.with_row(
        _first(f, "demand_event")[0],
        fields={**_first(f, "demand_event")[1], "at": "abcd-ef-gh ijklmnop"},
    ),
    "event-data-not-json": lambda f: f.with_row(
        _first(f, "demand_event")[0], fields={**_first(f, "demand_event")[1], "data": "{not json"}
    ),
    "event-data-bad-outcome": lambda f: f.with_row(
        _first(f, "demand_event")[0],
        fields={**_first(f, "demand_event")[1], "data": '{"outcome": "hack"}'},
    ),
    "event-data-bad-deadline": lambda f: f.with_row(
        _first(f, "demand_event")[0],
        fields={**_first(f, "demand_event")[1], "data": '{"deadline": "soon"}'},
    ),
    "event-data-bad-co": lambda f: f.with_row(
        _first(f, "demand_event")[0],
        fields={**_first(f, "demand_event")[1], "data": '{"co": "not-a-list"}'},
    ),
    "null-for-required": lambda f: f.with_row(
        _first(f, "demand")[0], fields={**_first(f, "demand")[1], "title": None}
    ),
    "child-rows-malformed": lambda f: f.with_row(
        _first(f, "visit")[0], fields={"participants": [["only-one-column"]]}
    ),
    "fields-not-json": lambda f: f.with_row(0, fields="{not json"),
    "fields-nested-past-recursion": lambda f: f.with_row(0, fields="[" * 200_000),
    "field-value-nested": lambda f: f.with_row(
        _first(f, "visit")[0], fields={"participants": [[[[[[[["x"]]]]]]]]}
    ),
    "day-in-other-digits": lambda f: f.with_row(
        0, entity="holiday", entity_id="٢٠٢٦-١١-٢٦", fields={"is_workday": 0, "name": "假日"}
    ),
    "day-not-a-day": lambda f: f.with_row(
        0, entity="holiday", entity_id="2026-11-26x", fields={"is_workday": 0, "name": "假日"}
    ),
    "fields-a-list": lambda f: f.with_row(0, fields=["name", "x"]),
    "fields-empty": lambda f: f.with_row(0, fields={}),
    "base-not-a-list": lambda f: f.with_row(0, base={"a": 1}),
    "base-bad-ref": lambda f: f.with_row(0, base=["x' OR 1=1 --"]),
    "base-ref-other-digits": lambda f: f.with_row(0, base=[f"{f.world.hub_id}:١٢"]),
    "base-too-long": lambda f: f.with_row(
        0, base=[f"{f.world.hub_id}:{i}" for i in range(1, payload.MAX_BASE + 2)]
    ),
    "site-not-an-id": lambda f: f.with_row(0, site="hub"),
    "entity-id-path": lambda f: f.with_row(0, entity_id="../../etc/passwd"),
    "entity-id-sql": lambda f: f.with_row(0, entity_id="x' OR '1'='1"),
    "entity-id-upper": lambda f: f.with_row(0, entity_id=f.rows[0][4].upper()),
    "account-not-an-id": lambda f: f.with_row(0, account="admin"),
    "seq-zero": lambda f: f.with_row(0, seq=0),
    "seq-negative": lambda f: f.with_row(0, seq=-5),
    "seq-huge": lambda f: f.with_row(0, seq=10**15),
    "hlc-garbage": lambda f: f.with_row(0, hlc="yesterday"),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_a_row_failing_validation(receiver: Receiver, forge: Forge, case: str) -> None:
    exc = receiver.refuses(BAD_ROWS[case](forge), "invalid_row")
    assert "无效" in str(exc)


def test_a_reference_to_a_record_nowhere_is_set_aside_with_what_builds_on_it(
    receiver: Receiver, forge: Forge
) -> None:
    """A visit naming an enterprise nobody made: the visit, and every demand and step on it,
    are set aside ("depends") — stored, never applied — and the rest goes in."""
    n, fields = _first(forge, "visit")
    visit_id = forge.rows[n][4]
    fields["enterprise_id"] = "01a219ca-0000-7000-8000-000000000000"
    report = bundle.import_bundle(receiver.db, receiver.file(forge.with_row(n, fields=fields)))
    assert set(report.set_aside) == {"depends"}
    assert report.set_aside["depends"] >= 2  # the visit, its demand, the demand's steps
    conn = receiver.db.raw()
    try:
        assert (
            conn.execute("SELECT count(*) FROM visit WHERE id = ?", (visit_id,)).fetchone()[0] == 0
        )
        assert (
            conn.execute("SELECT count(*) FROM demand WHERE visit_id = ?", (visit_id,)).fetchone()[
                0
            ]
            == 0
        )
        refused = conn.execute(
            "SELECT refused FROM sync_op WHERE entity = 'visit' AND entity_id = ?", (visit_id,)
        ).fetchone()[0]
        assert refused == "depends"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_a_bad_row_after_many_good_ones_refuses_the_whole_bundle(
    receiver: Receiver, forge: Forge
) -> None:
    receiver.refuses(forge.with_row(len(forge.rows) - 1, hlc="bad"), "invalid_row")


def test_a_preview_refuses_the_same_way(receiver: Receiver, forge: Forge, world: World) -> None:
    receiver.refuses(b"", "empty", dry_run=True)
    receiver.refuses(_flip(world.good, len(world.good) - 1), "damaged", dry_run=True)
    receiver.refuses(
        forge.bundle(after=lambda c: c.execute(PLANTED["view"][0])), "wrong_schema", dry_run=True
    )
    receiver.refuses(BAD_ROWS["event-kind-unknown"](forge), "invalid_row", dry_run=True)
    receiver.refuses(world.stranger, "unknown_sender", dry_run=True)


# --- rows that are well formed but do not fit what the receiver has -----------------------


def test_a_gap_in_a_devices_sequence(receiver: Receiver, forge: Forge) -> None:
    hub_rows = [i for i, r in enumerate(forge.rows) if r[0] == forge.world.hub_id]
    assert len(hub_rows) >= 3
    rows = [r for i, r in enumerate(forge.rows) if i != hub_rows[1]]
    exc = receiver.refuses(forge.bundle(rows), "invalid_row")
    assert "不连续" in str(exc)


def test_ops_that_start_past_what_the_receiver_has(receiver: Receiver, forge: Forge) -> None:
    hub_rows = [i for i, r in enumerate(forge.rows) if r[0] == forge.world.hub_id]
    rows = [r for i, r in enumerate(forge.rows) if i != hub_rows[0]]
    receiver.refuses(forge.bundle(rows), "invalid_row")


def _caught_rewriting(receiver: Receiver, data: bytes) -> None:
    """An op the receiver has, sealed again with other content by its device's key: two
    seals over one number are proof of equivocation. The bundle goes in, the proof is kept,
    the rewritten op is not taken, and the device's ops from there on count for nothing."""
    report = bundle.import_bundle(receiver.db, receiver.file(data))
    assert report.new_ops == 0 and report.revoked_here > 0
    conn = receiver.db.raw()
    try:
        assert conn.execute("SELECT count(*) FROM sync_equivocation").fetchone()[0] == 1
        assert conn.execute(
            "SELECT count(*) FROM enterprise WHERE name = '被改写的企业名称'"
        ).fetchone() == (0,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_an_op_that_rewrites_one_the_receiver_has(receiver: Receiver, forge: Forge) -> None:
    known = list(forge.world.known)
    fields = json.loads(known[6])
    fields["name"] = "被改写的企业名称"
    known[6] = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    _caught_rewriting(receiver, forge.bundle([tuple(known), *forge.rows]))


def test_an_op_that_rewrites_one_the_receiver_has_base_only(
    receiver: Receiver, forge: Forge
) -> None:
    known = list(forge.world.known)
    known[7] = json.dumps([f"{forge.world.hub_id}:1"])
    _caught_rewriting(receiver, forge.bundle([tuple(known), *forge.rows]))


def _next_hub_row(forge: Forge, entity: str, entity_id: str, fields: dict[str, Any]) -> tuple:
    last = max((r for r in forge.rows if r[0] == forge.world.hub_id), key=lambda r: r[1])
    return (
        last[0],
        last[1] + 1,
        last[2],
        entity,
        entity_id,
        last[5],
        json.dumps(fields, ensure_ascii=False, separators=(",", ":")),
        "[]",
    )


def test_an_append_only_record_edited_later(receiver: Receiver, forge: Forge) -> None:
    """A demand event the receiver already has, 'corrected' by a new op."""
    conn = receiver.db.raw()
    event_id = conn.execute("SELECT id FROM demand_event LIMIT 1").fetchone()[0]
    conn.close()
    row = _next_hub_row(forge, "demand_event", event_id, {"text": "改写历史"})
    exc = receiver.refuses(forge.bundle([*forge.rows, row]), "invalid_row")
    assert "只能新增" in str(exc)


def test_an_append_only_record_edited_in_the_same_bundle(receiver: Receiver, forge: Forge) -> None:
    n, _fields = _first(forge, "demand_event")
    row = _next_hub_row(forge, "demand_event", forge.rows[n][4], {"text": "改写历史"})
    receiver.refuses(forge.bundle([*forge.rows, row]), "invalid_row")


def test_a_bad_row_is_the_reason_when_its_record_breaks_too(
    receiver: Receiver, forge: Forge
) -> None:
    """Records are written while the rows are still being checked (on a worker thread): a
    row that is invalid and also makes the write fail (a visit of an enterprise nobody has,
    on an impossible day) is refused for what is wrong with it, and nothing stays."""
    n, visit = _first(forge, "visit")
    visit.update(enterprise_id="01a219ca-0000-7000-8000-000000000000", visit_date="2026-13-45")
    exc = receiver.refuses(forge.with_row(n, fields=visit), "invalid_row")
    assert "visit.visit_date" in str(exc) and f"第 {n + 1} 条" in str(exc)
    assert sys.getswitchinterval() == pytest.approx(0.005)  # the import's setting undone


def _route_to_nowhere(forge: Forge, admin: str) -> bytes:
    """A well-formed 交办 event of a demand the receiver has, by the hub's administrator, to a
    department that exists nowhere: only the demand's fold, after the ops are stored, meets
    the missing row."""
    _n, event = _first(forge, "demand_event")
    event.update(
        kind="route",
        at=event["at"][:11] + "23:59:59",
        actor_id=admin,
        actor_role="admin",
        data=json.dumps(
            {
                "lead": "01a219ca-0000-7000-8000-000000000000",
                "deadline": "2026-12-30",
                "reply_deadline": "2026-12-01",
            }
        ),
    )
    row = _next_hub_row(forge, "demand_event", "01a219ca-0000-7000-8000-0000000000ee", event)
    return forge.bundle([*forge.rows, (*row[:5], admin, *row[6:])])


def _admin(receiver: Receiver) -> str:
    conn = receiver.db.raw()
    try:
        return str(conn.execute("SELECT id FROM account WHERE role = 'admin'").fetchone()[0])
    finally:
        conn.close()


def test_an_event_routing_to_a_department_nowhere_is_refused(
    receiver: Receiver, forge: Forge
) -> None:
    receiver.refuses(_route_to_nowhere(forge, _admin(receiver)), "invalid_row")


def test_a_field_given_twice_is_refused(receiver: Receiver, forge: Forge) -> None:
    """{"visit_date": "2026-13-45", ..., "visit_date": "<good>"}: JSON readers differ on which
    one counts (Python the last, SQLite the first), so a name given twice is refused — also
    when both values are good."""
    n, fields = _first(forge, "visit")
    text = json.dumps(fields, ensure_ascii=False)
    bad_first = '{"visit_date": "2026-13-45", ' + text[1:]
    receiver.refuses(forge.with_row(n, fields=bad_first), "invalid_row")
    twice_good = f'{{"visit_date": "{fields["visit_date"]}", ' + text[1:]
    exc = receiver.refuses(forge.with_row(n, fields=twice_good), "invalid_row")
    assert "两次" in str(exc)


@pytest.mark.parametrize(
    "spelling",
    ["escaped-name", "escaped-value", "spaces", "indented", "reordered", "empty-padded"],
)
def test_fields_spelled_otherwise_are_refused(
    receiver: Receiver, forge: Forge, spelling: str
) -> None:
    """The stored text is what SQLite's JSON functions read when they write the records: it
    must be exactly as this application writes it. `"deleted_\u0061t"` is deleted_at to a
    JSON parser but an unknown name to SQLite's path lookup (the record would be written
    live, its log saying deleted)."""
    n, fields = _first(forge, "visit")
    compact = forge.rows[n][6]
    assert '"deleted_at":null' in compact and fields["summary"]
    spelled = {
        "escaped-name": compact.replace(
            '"deleted_at":null', '"deleted_\\u0061t":"2024-02-01 00:00:00"'
        ),
        "escaped-value": compact.replace(
            fields["summary"], fields["summary"].encode("ascii", "backslashreplace").decode(), 1
        ),
        "spaces": json.dumps(fields, ensure_ascii=False),
        "indented": json.dumps(fields, ensure_ascii=False, indent=2),
        "reordered": json.dumps(
            dict(reversed(fields.items())), ensure_ascii=False, separators=(",", ":")
        ),
        "empty-padded": "{" + " " * 18 + "}",
    }[spelling]
    assert spelled != compact
    exc = receiver.refuses(forge.with_row(n, fields=spelled), "invalid_row")
    assert "写法" in str(exc) or "没有字段" in str(exc), str(exc)
