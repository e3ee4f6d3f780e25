"""The SQLite payload of a bundle: written from ops, read back defensively.

Reading follows SQLite's "Defense Against the Dark Arts" (docs/sync.md): the envelope's head is
already signature-checked; the payload is streamed into a private temporary file, its SHA-256
checked on the bytes written, and opened on its own connection, read-only and immutable, with
defensive mode, untrusted schema, cell size checks, no mmap and low limits; `integrity_check`
runs first; the schema must be exactly `PAYLOAD_DDL` (no views, triggers, generated columns or
extra tables); an authorizer then allows reading the two tables and nothing else. It is never
attached to the main database. Every row is checked (`check_rows`) before the import's
transaction commits — on a worker thread while the records are written — and one bad row
rolls all of it back.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from liaison.domain import hlc
from liaison.domain.text import Text
from liaison.sync.exchange.envelope import BundleRefused, Opened, copy_payload
from liaison.sync.log import checks as sync_checks
from liaison.sync.log import records as se
from liaison.sync.log.equivocation import Proof, proofs_of
from liaison.sync.log.oplog import OP_COLUMNS, Op, op_from_row
from liaison.sync.log.seals import SEAL_COLUMNS, Seal, SealCheck, vector_text

PAYLOAD_DDL = {
    "bundle_meta": ("CREATE TABLE bundle_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"),
    "op": (
        "CREATE TABLE op (site TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, "
        "entity TEXT NOT NULL, entity_id TEXT NOT NULL, account TEXT, fields TEXT NOT NULL, "
        "base TEXT NOT NULL, PRIMARY KEY (site, seq)) STRICT"
    ),
    "seal": (
        "CREATE TABLE seal (site TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, "
        "vector TEXT NOT NULL, digest TEXT NOT NULL, signature BLOB NOT NULL, "
        "PRIMARY KEY (site, first)) STRICT"
    ),
    "credential": (
        "CREATE TABLE credential (account_id TEXT PRIMARY KEY, password_hash TEXT NOT NULL) STRICT"
    ),
    "equivocation": (
        "CREATE TABLE equivocation (site TEXT NOT NULL, seal_a TEXT NOT NULL, "
        "seal_b TEXT NOT NULL, PRIMARY KEY (site, seal_a, seal_b)) STRICT"
    ),
}
EXPECTED_SCHEMA = sorted(
    [("table", name, name, sql) for name, sql in PAYLOAD_DDL.items()]
    + [
        ("index", f"sqlite_autoindex_{name}_1", name, None)
        for name in ("bundle_meta", "op", "seal", "credential", "equivocation")
    ],
    key=lambda r: r[1],
)
MAX_SEALS = 100_000

MAX_VALUE = sync_checks.MAX_OP_BYTES
"""Longest text a payload cell may hold (an op's fields); SQLite refuses longer ones."""
MAX_BASE = 1000
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # not \d: it matches any script's digits
_REF = re.compile(r"[0-9a-f-]{36}:[0-9]{1,12}")


def write(
    path: Path,
    rows: Iterable[tuple[Any, ...]],
    meta: dict[str, str],
    seals: Iterable[Seal] = (),
    credentials: Iterable[tuple[str, str]] = (),
    proofs: Iterable[Proof] = (),
) -> int:
    """Write a payload file from op rows (in `OP_COLUMNS` order, streamed), the seals that
    cover them, the password hashes the recipient may hold and the proofs of equivocation
    the sender knows; returns how many ops."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("BEGIN")
        for sql in PAYLOAD_DDL.values():
            conn.execute(sql)
        conn.executemany("INSERT INTO bundle_meta VALUES (?, ?)", meta.items())
        count = 0

        def counted() -> Iterator[tuple[Any, ...]]:
            nonlocal count
            for row in rows:
                count += 1
                yield row

        conn.executemany(
            f"INSERT INTO op ({OP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", counted()
        )
        conn.executemany(
            f"INSERT INTO seal ({SEAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", (s.row() for s in seals)
        )
        conn.executemany("INSERT INTO credential VALUES (?, ?)", credentials)
        conn.executemany("INSERT INTO equivocation VALUES (?, ?, ?)", (p.row() for p in proofs))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return count


_FUNCTIONS = frozenset({"count", "row_number"})
_ALLOWED_TABLES = frozenset({"op", "bundle_meta", "seal", "credential", "equivocation"})


def _authorizer(
    action: int, arg1: str | None, arg2: str | None, _db: str | None, _t: str | None
) -> int:
    if action == sqlite3.SQLITE_SELECT:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_READ and arg1 in _ALLOWED_TABLES:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION and arg2 in _FUNCTIONS:  # arg1 is NULL here
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


@contextmanager
def opened(bundle: Opened, private_key: bytes | None = None) -> Iterator[sqlite3.Connection]:
    """The payload (decrypted with this device's `private_key`) on a private, read-only,
    locked-down connection (see the module doc), once what the file holds has the SHA-256 the
    signed header gives."""
    fd, name = tempfile.mkstemp(prefix="liaison-bundle-", suffix=".sqlite")
    path = Path(name)
    conn: sqlite3.Connection | None = None
    try:
        with os.fdopen(fd, "wb") as f:
            copy_payload(bundle, f, private_key)
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        setconfig = getattr(conn, "setconfig", None)  # Python >= 3.12
        if setconfig is not None:
            setconfig(getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE"), True)  # noqa: B009
            setconfig(getattr(sqlite3, "SQLITE_DBCONFIG_TRUSTED_SCHEMA"), False)  # noqa: B009
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("PRAGMA cell_size_check=ON")
        conn.execute("PRAGMA mmap_size=0")
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE)
        conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 100_000)
        conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, 100)
        conn.setlimit(sqlite3.SQLITE_LIMIT_EXPR_DEPTH, 50)
        conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        conn.setlimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 0)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                raise BundleRefused("damaged", "同步包里的数据库已损坏（完整性检查未通过）")
            schema = conn.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise BundleRefused(
                "damaged", Text("同步包里不是有效的数据库：{0}", _line(exc))
            ) from exc
        if schema != EXPECTED_SCHEMA:
            raise BundleRefused(
                "wrong_schema", Text("同步包的表结构不对（{0}），拒绝读取", _schema_diff(schema))
            )
        conn.set_authorizer(_authorizer)
        yield conn
    finally:
        if conn is not None:
            conn.close()
        path.unlink(missing_ok=True)


def _line(text: object, limit: int = 80) -> str:
    """Text from the file (SQLite's messages quote its object names) on one short, printable
    line."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in str(text)[:limit])
    return shown + ("…" if len(str(text)) > limit else "")


def _schema_diff(schema: list[tuple[Any, ...]]) -> str:
    """What is wrong with the payload's schema, short enough for one line."""
    expected = {(t, n): sql for t, n, _tbl, sql in EXPECTED_SCHEMA}
    extra = [f"{t} {n}" for t, n, _tbl, sql in schema if expected.get((t, n), "?") != sql]
    if not schema:
        return "没有任何表"
    if not extra:
        return "缺少应有的表"
    shown = "、".join(_line(name, 40) for name in extra[:4])
    more = f" 等 {len(extra)} 项" if len(extra) > 4 else ""
    return f"多出或不同：{shown}{more}"


def _read_error(exc: sqlite3.DatabaseError) -> BundleRefused:
    """A read of the payload failed: a value over the length limit, or a damaged file."""
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_TOOBIG:
        return BundleRefused(
            "oversized", Text("同步包里有超过 {0} MB 的单项内容，拒绝读取", MAX_VALUE // 1_000_000)
        )
    return BundleRefused("damaged", Text("同步包里的数据无法读取（文件已损坏）：{0}", _line(exc)))


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT key, value FROM bundle_meta"))
    except sqlite3.DatabaseError as exc:
        raise _read_error(exc) from exc


def seal_chunks(
    conn: sqlite3.Connection, seals: list[Seal], order: list[Seal], expected: int, size: int
) -> Iterator[list[tuple[Any, ...]]]:
    """The payload's op rows (not yet validated: see `check_rows`) of the seals in `order` —
    a causal order, so an op comes after the ops its device knew — `size` at a time; refused
    when the file cannot be read, holds a count unlike the header's, or holds an op that lies
    in none of its `seals`."""
    between = "FROM op WHERE site = ? AND seq >= ? AND seq <= ?"
    try:
        total = conn.execute("SELECT count(*) FROM op").fetchone()[0]
        if total > expected:
            raise BundleRefused("damaged", "同步包里的变更比包头说的多")
        if total < expected:
            raise BundleRefused("damaged", "同步包里的变更比包头说的少")
        covered = sum(
            conn.execute(f"SELECT count(*) {between}", (s.site, s.first, s.last)).fetchone()[0]
            for s in seals
        )
        if covered != total:
            _refuse_unsealed(conn)
        chunk: list[tuple[Any, ...]] = []
        for seal in order:
            for row in conn.execute(
                f"SELECT {OP_COLUMNS} {between} ORDER BY seq", (seal.site, seal.first, seal.last)
            ):
                chunk.append(row)
                if len(chunk) == size:
                    yield chunk
                    chunk = []
    except sqlite3.DatabaseError as exc:  # includes values over SQLITE_LIMIT_LENGTH
        raise _read_error(exc) from exc
    if chunk:
        yield chunk


def _refuse_unsealed(conn: sqlite3.Connection) -> None:
    """Refuse a payload holding ops outside its seals: for the first malformed row, if there
    is one (it says more), else for the seals."""
    for n, row in enumerate(conn.execute(f"SELECT {OP_COLUMNS} FROM op ORDER BY site, seq"), 1):
        check_row(row, n)
    raise BundleRefused("bad_seal", "同步包的签封不对：有变更不在任何签封之内")


def check_rows(
    rows: list[tuple[Any, ...]],
    first: int,
    tick: Callable[[], object],
    seals: SealCheck | None = None,
) -> None:
    """Validate rows as `seal_chunks` gives them (the first is the payload's row number
    `first`) and hash them against their seals; refused at the first bad row. `tick` is
    called every few rows (a worker thread pauses there while its merge needs the
    interpreter)."""
    for n, row in enumerate(rows, first):
        if not n & 63:
            tick()
        check_row(row, n)
        if seals is not None:
            problem = seals.feed(row)
            if problem:
                raise BundleRefused("bad_seal", Text("同步包第 {0} 条变更：{1}", n, problem))


def authority_rows(conn: sqlite3.Connection, have: dict[str, int]) -> list[Op]:
    """The payload's account and device ops this replica lacks, validated (judged before the
    rest: they decide whether the others count)."""
    try:
        rows = conn.execute(
            f"SELECT n, {OP_COLUMNS} FROM (SELECT row_number() OVER (ORDER BY site, seq) AS n, "
            f"{OP_COLUMNS} FROM op) WHERE entity IN ('account', 'device') ORDER BY n"
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise _read_error(exc) from exc
    out = []
    for n, *row in rows:
        check_row(tuple(row), n)
        if row[1] > have.get(row[0], 0):
            out.append(op_from_row(tuple(row)))
    return out


_HEX64 = re.compile(r"[0-9a-f]{64}")
_SCRYPT = re.compile(r"scrypt\$[0-9]{1,8}\$[0-9]{1,3}\$[0-9]{1,3}\$[0-9a-f]{32}\$[0-9a-f]{64}")


def read_credentials(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """The password hashes the payload carries (account id, scrypt hash), each checked for
    form; which of them are kept is for the receiver to decide (`bundle._keep_credentials`)."""
    try:
        rows = conn.execute("SELECT account_id, password_hash FROM credential").fetchall()
    except sqlite3.DatabaseError as exc:
        raise _read_error(exc) from exc
    if len(rows) > MAX_SEALS:
        raise BundleRefused("damaged", "同步包里的账号凭据过多")
    for n, (account_id, password_hash) in enumerate(rows, 1):
        if not (
            isinstance(account_id, str)
            and _is_id(account_id)
            and isinstance(password_hash, str)
            and _SCRYPT.fullmatch(password_hash)
        ):
            raise BundleRefused("damaged", Text("同步包第 {0} 个账号凭据格式不对", n))
    return rows


def read_proofs(conn: sqlite3.Connection) -> list[Proof]:
    """The proofs of equivocation the payload carries, each checked for form (whether they
    hold is for the receiver: `liaison.sync.log.equivocation.found`)."""
    try:
        rows = conn.execute("SELECT site, seal_a, seal_b FROM equivocation").fetchall()
    except sqlite3.DatabaseError as exc:
        raise _read_error(exc) from exc
    if len(rows) > MAX_SEALS:
        raise BundleRefused("damaged", "同步包里的签封冲突证据过多")
    out: list[Proof] = []
    for n, (site, a, b) in enumerate(rows, 1):
        try:
            if not (isinstance(site, str) and _is_id(site)):
                raise ValueError(site)
            [proof] = proofs_of([(site, a, b)])
            seal_ok = all(
                _HEX64.fullmatch(s.digest) and len(s.signature) == 64 and _is_vector(s.vector)
                for s in (proof.a, proof.b)
            )
            if not seal_ok:
                raise ValueError(n)
        except (ValueError, TypeError, orjson.JSONDecodeError):
            raise BundleRefused("damaged", Text("同步包第 {0} 条签封冲突证据格式不对", n)) from None
        out.append(proof)
    return out


def read_seals(conn: sqlite3.Connection) -> list[Seal]:
    """The payload's seals, each checked for form (their signatures are checked once the
    devices' keys are known: `SealCheck.problems`)."""
    try:
        rows = conn.execute(f"SELECT {SEAL_COLUMNS} FROM seal ORDER BY site, first").fetchall()
    except sqlite3.DatabaseError as exc:
        raise _read_error(exc) from exc
    if len(rows) > MAX_SEALS:
        raise BundleRefused("damaged", "同步包里的签封过多")
    out: list[Seal] = []
    for n, (site, first, last, vector, digest, signature) in enumerate(rows, 1):
        ok = (
            isinstance(site, str)
            and _is_id(site)
            and isinstance(first, int)
            and isinstance(last, int)
            and 0 < first <= last < 10**12
            and isinstance(digest, str)
            and _HEX64.fullmatch(digest) is not None
            and isinstance(signature, bytes)
            and len(signature) == 64
            and isinstance(vector, str)
            and _is_vector(vector)
        )
        if not ok:
            raise BundleRefused("damaged", Text("同步包第 {0} 个签封格式不对", n))
        if out and out[-1].site == site and first <= out[-1].last:
            raise BundleRefused(
                "bad_seal", Text("同步包的签封不对：设备 {0} 的两个签封相互重叠", site)
            )
        out.append(Seal(site, first, last, vector, digest, signature))
    return out


def _is_vector(text: str) -> bool:
    if len(text) > MAX_VALUE:
        return False
    try:
        vector = orjson.loads(text)
    except orjson.JSONDecodeError:
        return False
    return (
        isinstance(vector, dict)
        and all(
            isinstance(k, str)
            and _is_id(k)
            and isinstance(v, int)
            and not isinstance(v, bool)
            and 0 < v < 10**12
            for k, v in vector.items()
        )
        and vector_text(vector) == text
    )


@lru_cache(maxsize=65_536)
def _is_id(text: str) -> bool:
    """A record id as devices make them (devices and accounts recur: checked once each)."""
    return _ID.fullmatch(text) is not None


def _bad(n: int, why: str) -> BundleRefused:
    return BundleRefused("invalid_row", Text("同步包第 {0} 条变更无效：{1}", n, why))


def validate(row: tuple[Any, ...], n: int) -> Op:
    """The op of a row that passes `check_row`."""
    check_row(row, n)
    return op_from_row(row)


def check_row(row: tuple[Any, ...], n: int) -> None:
    """Refuse a payload row unless every part of it is as this application writes it: ids,
    number, stamp, record kind, the fields (`sync_checks.check_text`), the base."""
    site, seq, stamp, entity_name, entity_id, account, fields_text, base_text = row
    if not (isinstance(site, str) and _is_id(site)):
        raise _bad(n, "设备编号格式不对")
    if not (isinstance(seq, int) and 0 < seq < 10**12):
        raise _bad(n, "序号不对")
    if not hlc.is_valid(stamp):
        raise _bad(n, "时间戳格式不对")
    entity = se.BY_NAME.get(entity_name)
    if entity is None:
        raise _bad(n, Text("未知的记录类型 {0}", f"{entity_name!r}"))
    key_ok = _DAY if entity.key == "day" else _ID
    if not (isinstance(entity_id, str) and key_ok.fullmatch(entity_id)):
        raise _bad(n, "记录编号格式不对")
    if account is not None and not (isinstance(account, str) and _is_id(account)):
        raise _bad(n, "账号编号格式不对")
    problem = sync_checks.check_text(entity, fields_text)
    if problem:
        raise _bad(n, problem)
    if base_text != "[]" and not _is_base(base_text):
        raise _bad(n, "依据（base）格式不对")


def _is_base(text: str) -> bool:
    try:
        base = orjson.loads(text)
    except orjson.JSONDecodeError:
        return False
    return (
        isinstance(base, list)
        and len(base) <= MAX_BASE
        and all(isinstance(r, str) and _REF.fullmatch(r) for r in base)
    )
