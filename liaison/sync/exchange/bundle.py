"""Export and import of bundles: what a peer lacks out, nothing unchecked in.

Export for a peer carries every op (from any device: the hub relays) beyond what the peer is
known to have — the version vector the peer's last bundle carried. A lost bundle only means the
next one carries the same ops again. `--full` (or an unknown peer) carries everything.

Import refuses, before writing anything, a file that is empty, not a bundle, of a newer format,
from an unknown, untrusted or revoked sender, badly signed, damaged, of another schema, with
planted objects, or already imported; then applies it in one transaction (`merge`) while a
worker thread checks every row, and commits only when every row passed: all of the
bundle or none of it (a bad row rolls everything back; the database is as it was).
"""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from liaison.data import backup, driver, migrate, slot_refresh
from liaison.data.db import Database
from liaison.data.files import owner_only_file
from liaison.domain import clock, credentials, hlc, signing
from liaison.domain.ids import new_id
from liaison.domain.text import Text
from liaison.logs import log
from liaison.sync.exchange import authority, encryption, envelope, payload
from liaison.sync.exchange.authority import Arrivals, Unplaceable
from liaison.sync.exchange.envelope import BundleRefused, Header
from liaison.sync.exchange.merge import Check, MergeRefused, apply_cuts, apply_ops
from liaison.sync.log import district, equivocation, oplog, seals
from liaison.sync.log.district import read_root
from liaison.sync.log.equivocation import Proof
from liaison.sync.log.identity import local_device
from liaison.sync.log.oplog import OP_COLUMNS, Clock, Op, op_from_row
from liaison.sync.log.seals import Seal, SealCheck

SUMMARY_ENTITIES = ("visit", "demand", "demand_event", "enterprise", "assignment")


def vector(conn: sqlite3.Connection) -> dict[str, int]:
    """What this replica has: the last op number of every device it has ops from."""
    return dict(conn.execute("SELECT site, MAX(seq) FROM sync_op GROUP BY site"))


def peer_vector(conn: sqlite3.Connection, device_id: str) -> dict[str, int]:
    row = conn.execute("SELECT vector FROM sync_peer WHERE device_id = ?", (device_id,)).fetchone()
    return json.loads(row[0]) if row else {}


def _plan(
    conn: sqlite3.Connection, known: dict[str, int], have: dict[str, int]
) -> list[tuple[str, int, int, list[Seal]]]:
    """Per device: the op numbers to send (whole seals: what the peer lacks begins inside the
    first) and the seals that cover them."""
    plan = []
    for site in sorted(have):
        after = known.get(site, 0)
        if have[site] <= after:
            continue
        covering = seals.seals_after(conn, site, after)
        if not covering or covering[-1].last < have[site] or covering[0].first > after + 1:
            raise BundleRefused(
                "unsealed",
                Text(
                    "本机有设备 {0} 未经其签封的变更（由旧版本同步而来），无法转发：请各设备升级"
                    "后从区联络办重新加入",
                    site,
                ),
            )
        plan.append((site, covering[0].first, have[site], covering))
    return plan


def _rows(
    conn: sqlite3.Connection, plan: list[tuple[str, int, int, list[Seal]]], counts: Counter[str]
) -> Iterator[tuple[Any, ...]]:
    """The planned op rows, by device and number, streamed (a full district snapshot does not
    fit in memory as objects); `counts` tallies them by kind."""
    for site, first, last, _seals in plan:
        for row in conn.execute(
            f"SELECT {OP_COLUMNS} FROM sync_op WHERE site = ? AND seq >= ? AND seq <= ? "
            "ORDER BY seq",
            (site, first, last),
        ):
            counts[row[3]] += 1
            yield row


@dataclass(frozen=True)
class ExportReport:
    path: Path
    bundle_id: str
    ops: int
    counts: dict[str, int]
    recipient: str | None
    full: bool


def export_bundle(
    db: Database,
    out: Path,
    *,
    recipient: str | None = None,
    full: bool = False,
    identity_only: bool = False,
) -> ExportReport:
    """Write a bundle for `recipient` (a device id or name) or a full one, atomically.
    `identity_only`: no ops, only this device's signed name and key — what a new installation
    gives the district office to be enrolled (`liaison device request`)."""
    conn = db.raw()
    try:
        me = local_device(conn)
        db.begin_writing(conn)  # this device's new ops get their seal first
        try:
            seals.seal_pending(conn, me.id, me.private_key)
        except BaseException:
            if conn.in_transaction:  # SQLite ends it itself on some errors (disk full)
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        peer_id = _device_id(conn, recipient) if recipient else None
        if peer_id is None and not identity_only:
            raise BundleRefused("no_recipient", _NO_RECIPIENT)
        peer_key = _recipient_key(conn, peer_id, me.id) if peer_id else None
        known = {} if full or peer_id is None else peer_vector(conn, peer_id)
        made_at = clock.now().isoformat(sep=" ", timespec="seconds")
        bundle_id = new_id()
        tally: Counter[str] = Counter()
        root, root_key = read_root(conn)
        with tempfile.TemporaryDirectory(prefix="liaison-export-") as tmp:
            body = Path(tmp) / "payload.sqlite"
            conn.execute("BEGIN")  # one snapshot: the ops and the vector that says what they are
            try:
                have = vector(conn)
                if me.id in have:  # ops made since the seal wait for the next bundle
                    have[me.id] = seals.last_sealed(conn, me.id)
                    if not have[me.id]:
                        del have[me.id]
                if identity_only:
                    have = {}
                plan = _plan(conn, known, have)
                rows = _rows(conn, plan, tally)
                meta = {"bundle_id": bundle_id, "sender": me.id}
                count = payload.write(
                    body,
                    rows,
                    meta,
                    [s for p in plan for s in p[3]],
                    _credentials(conn, peer_id),
                    equivocation.stored(conn),
                )
            finally:
                conn.execute("COMMIT")
            if peer_key is not None:
                body = _encrypted(body, peer_key)
            digest, size = _file_sha256(body)
            counts = dict(tally)
            header = Header(
                bundle_id=bundle_id,
                sender=me.id,
                sender_name=me.name,
                sender_key=me.public_key,
                made_at=made_at,
                schema=migrate.head_revision() or "",
                vector=have,
                recipient=peer_id,
                full=full or peer_id is None,
                ops=count,
                counts=counts,
                payload_sha256=digest,
                payload_size=size,
                root=root,
                root_key=root_key,
                encryption=encryption.NONE if peer_key is None else encryption.AGE,
            )
            _write_atomically(out, envelope.sealed_head(header, me.private_key), body)
        if identity_only:  # a request to be enrolled: nothing of the history's
            return ExportReport(out, bundle_id, 0, {}, None, False)
        db.begin_writing(conn)
        conn.execute(
            "INSERT INTO sync_bundle (id, direction, peer_id, peer_name, made_at, handled_at, "
            "ops, new_ops, summary, file) VALUES (?, 'out', ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                bundle_id,
                peer_id,
                _device_name(conn, peer_id) if peer_id else "",
                made_at,
                made_at,
                count,
                count,
                json.dumps(counts),
                str(out),
            ),
        )
        # a restore from an older backup must not number ops from below it (a server's
        # backups are its administrator's: docs/postgresql.md says what to do after one)
        if me.id in have and not db.on_server:
            backup.record_sent(db.path, me.id, have[me.id])
        if peer_id:
            conn.execute(
                "INSERT INTO sync_peer (device_id, last_export_at) VALUES (?, ?) "
                "ON CONFLICT(device_id) DO UPDATE SET last_export_at = excluded.last_export_at",
                (peer_id, made_at),
            )
        conn.execute("COMMIT")
        return ExportReport(out, bundle_id, count, counts, peer_id, header.full)
    finally:
        conn.close()


def _credentials(conn: sqlite3.Connection, peer_id: str | None) -> list[tuple[str, str]]:
    """The password hashes a bundle for `peer_id` carries: every one this replica holds for a
    hub device, those of the accounts enrolled on it for a field device, none otherwise (a
    full export for no one in particular)."""
    if peer_id is None:
        return []
    root, _key = read_root(conn)
    row = conn.execute("SELECT kind FROM device WHERE id = ?", (peer_id,)).fetchone()
    kind = "hub" if peer_id == root else authority.as_hub(row[0] if row else "")
    if kind == "hub":
        return conn.execute(
            "SELECT id, password_hash FROM account WHERE password_hash != '' ORDER BY id"
        ).fetchall()
    if kind == "field":
        return conn.execute(
            "SELECT a.id, a.password_hash FROM account a JOIN device_account d "
            "ON d.account_id = a.id WHERE d.device_id = ? AND a.password_hash != '' ORDER BY a.id",
            (peer_id,),
        ).fetchall()
    return []


def _keep_credentials(conn: sqlite3.Connection, offered: list[tuple[str, str]]) -> int:
    """Keep the password hashes this device may hold (any on a hub; the accounts enrolled on
    it on a field device) whose seal is the one the account's ops name; returns how many."""
    if not offered:
        return 0
    hub = district.local_kind(conn) == "hub"
    local = conn.execute("SELECT id FROM device WHERE is_local").fetchone()[0]
    enrolled = {
        r[0]
        for r in conn.execute("SELECT account_id FROM device_account WHERE device_id = ?", (local,))
    }
    seals = dict(conn.execute("SELECT id, password_seal FROM account"))
    kept = [
        (password_hash, account_id)
        for account_id, password_hash in offered
        if (hub or account_id in enrolled)
        and seals.get(account_id) == credentials.seal(account_id, password_hash)
    ]
    conn.executemany("UPDATE account SET password_hash = ? WHERE id = ?", kept)
    return len(kept)


def _file_sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def _write_atomically(out: Path, head: bytes, body: Path) -> None:
    """`head` then the payload file's bytes, as `out` — whole or not at all (streamed: a
    district snapshot is nearly 2 GB)."""
    with owner_only_file(out) as f, body.open("rb") as src:
        f.write(head)
        shutil.copyfileobj(src, f, 1 << 20)


def _device_id(conn: sqlite3.Connection, ref: str) -> str:
    rows = conn.execute(
        "SELECT id FROM device WHERE id = ? OR name = ? OR fingerprint = ?", (ref, ref, ref)
    ).fetchall()
    if len(rows) != 1:
        raise BundleRefused(
            "unknown_peer",
            Text("找不到设备“{0}”", ref)
            if not rows
            else Text("有多台设备叫“{0}”，请用设备编号", ref),
        )
    return str(rows[0][0])


_NO_RECIPIENT = (
    "请选择接收设备：同步包加密发给它，只有它能打开（完整同步包也一样：--full --for 设备）"
)


def _recipient_key(conn: sqlite3.Connection, peer_id: str, me: str) -> str:
    """The public key the bundle is encrypted to: an enrolled device's, not this one's, not
    revoked (a lost laptop gets nothing more)."""
    name, key, revoked_at = conn.execute(
        "SELECT name, public_key, revoked_at FROM device WHERE id = ?", (peer_id,)
    ).fetchone()
    if peer_id == me:
        raise BundleRefused("own_device", "不能为本机自己导出同步包：请选择另一台设备")
    if revoked_at:
        raise BundleRefused(
            "revoked_peer", Text("设备“{0}”已于 {1} 吊销，不再为它导出", name, revoked_at)
        )
    return str(key)


def _encrypted(body: Path, public_key: str) -> Path:
    """The payload file encrypted to `public_key`, beside it (the plain file is removed)."""
    out = body.with_suffix(".age")
    with body.open("rb") as src, out.open("wb") as f:
        encryption.encrypt(src, f, public_key)
    body.unlink()
    return out


def _device_name(conn: sqlite3.Connection, device_id: str) -> str:
    row = conn.execute("SELECT name FROM device WHERE id = ?", (device_id,)).fetchone()
    return row[0] if row else ""


# --- import ---------------------------------------------------------------------------------


@dataclass
class ImportReport:
    bundle_id: str
    sender_id: str
    sender_name: str
    made_at: str
    ops: int
    new_ops: int
    counts: dict[str, int] = field(default_factory=dict)
    """New ops by record kind."""
    conflicts: int = 0
    flagged_demands: int = 0
    future_stamps: int = 0
    applied: bool = False
    set_aside: dict[str, int] = field(default_factory=dict)
    """New ops set aside as not legitimate, by reason (`authority.REASONS`)."""
    revoked_here: int = 0
    """Ops this replica had that a revocation arriving now cut."""

    def summary(self) -> str:
        """One line a person reads before saying yes: who, when, what."""
        parts = [
            f"{self.counts[kind]} {label}"
            for kind, label in COUNT_LABELS.items()
            if self.counts.get(kind)
        ]
        others = sum(v for k, v in self.counts.items() if k not in COUNT_LABELS)
        if others:
            parts.append(f"{others} 项其他变更")
        parts.append(f"{self.conflicts} 处冲突")
        what = "，".join(parts) if self.new_ops else "本机已全部拥有，没有新内容"
        line = f"来自 {self.sender_name}，{self.made_at} 导出：{what}"
        if self.set_aside:
            why = "；".join(
                f"{authority.REASONS.get(k, k)} {n} 项" for k, n in sorted(self.set_aside.items())
            )
            line += f"；{sum(self.set_aside.values())} 项变更无权生效，已搁置（{why}）"
        if self.revoked_here:
            line += f"；本机已有的 {self.revoked_here} 项变更因来源设备被吊销而作废"
        if self.future_stamps:
            line += f"；{self.future_stamps} 项变更的时间远超本机时钟，请核对对方设备时间"
        return line


COUNT_LABELS = {
    "visit": "条走访",
    "demand": "条诉求",
    "demand_event": "个办理环节",
    "enterprise": "家企业",
    "assignment": "条包联",
    "account": "个账号",
}
"""How the import preview names the new changes of each kind (the rest are "其他变更")."""


def check_envelope(opened: envelope.Opened, conn: sqlite3.Connection) -> envelope.Opened:
    """The checks of the head, before the payload is read: sender, signature, schema, replay
    (the payload's hash is checked as it is copied for reading: `payload.opened`)."""
    h = opened.header
    public_key = sender_key(conn, h)
    envelope.check_signature(opened, public_key)
    _check_addressed(conn, h)
    if h.schema != (migrate.head_revision() or ""):
        raise BundleRefused(
            "wrong_schema",
            Text(
                "同步包的数据结构版本 {0} 与本机 {1} 不同：请双方升级到同一版本",
                h.schema,
                migrate.head_revision(),
            ),
        )
    seen = conn.execute(
        "SELECT handled_at, direction FROM sync_bundle WHERE id = ?", (h.bundle_id,)
    ).fetchone()
    if seen and seen[1] == "in":
        raise BundleRefused("already_imported", Text("这个同步包已于 {0} 导入过", seen[0]))
    if seen:  # signed by another device, yet numbered like a bundle this one made: forged
        raise BundleRefused(
            "already_imported",
            Text("这个同步包的编号与本机于 {0} 导出的同步包相同：拒绝导入", seen[0]),
        )
    return opened


_UNENCRYPTED = "同步包没有加密：拒绝导入（本系统导出的同步包总是加密发给接收设备）"


def _check_addressed(conn: sqlite3.Connection, h: Header) -> None:
    """A bundle with data is encrypted to this device; only an enrolment request (no ops)
    travels in the clear."""
    if h.encryption == encryption.NONE:
        if h.ops or h.recipient is not None:
            raise BundleRefused("unencrypted", _UNENCRYPTED)
        return
    me = conn.execute("SELECT id FROM device WHERE is_local").fetchone()[0]
    if h.recipient != me:
        name = _device_name(conn, h.recipient or "")
        sender = h.sender_name
        raise BundleRefused(
            "not_for_me",
            Text(
                "这个同步包是“{0}”加密发给设备“{1}”的，本机无法打开：请对方为本机导出", sender, name
            )
            if name
            else Text(
                "这个同步包是“{0}”加密发给另一台设备的，本机无法打开：请对方为本机导出", sender
            ),
        )


def sender_key(conn: sqlite3.Connection, h: Header) -> str:
    """The enrolled key of the bundle's sender: the district's root device, or a device an
    administrator enrolled on a hub, not revoked; refused otherwise."""
    root, root_key = read_root(conn)
    row = conn.execute(
        "SELECT public_key, kind, revoked_at, is_local FROM device WHERE id = ?", (h.sender,)
    ).fetchone()
    through = conn.execute("SELECT value FROM setting WHERE key = ?", (JOINED_THROUGH,)).fetchone()
    if through and through[0] == f"{h.sender} {h.sender_key}" and row is None:
        return h.sender_key
    if row is not None and row[3]:
        raise BundleRefused("own_bundle", "这是本机自己导出的同步包")
    if row is not None and row[2]:
        raise BundleRefused(
            "revoked_sender", Text("发送设备“{0}”已被吊销，拒绝导入", h.sender_name)
        )
    if h.sender == root and root_key:
        key = root_key
    elif row is not None and row[1] in authority.KINDS:
        key = row[0]
    elif root is None:
        raise BundleRefused(
            "not_joined",
            "本机尚未加入区县：与区联络办核对发送设备的指纹后，在“首次使用”中选择加入已有区县"
            "（命令行：liaison join 本文件 --fingerprint 指纹）",
        )
    elif row is not None:
        raise BundleRefused(
            "untrusted_sender",
            Text(
                "发送设备“{0}”尚未由区联络办登记：管理员核对指纹后在区联络办的电脑上登记它，它的同步包才能导入",
                h.sender_name,
            ),
        )
    else:
        shown = _safe_fingerprint(h.sender_key)
        raise BundleRefused(
            "unknown_sender",
            Text(
                "发送设备“{0}”（指纹 {1}）尚未由区联络办登记：管理员核对指纹后在区联络办的电脑上"
                "登记它（liaison device enrol 指纹 --bundle 本文件）",
                h.sender_name,
                shown,
            ),
        )
    if key != h.sender_key:
        raise BundleRefused(
            "bad_signature", Text("发送设备“{0}”的密钥与登记的不一致", h.sender_name)
        )
    return key


def _check_meta(pconn: sqlite3.Connection, h: Header) -> None:
    meta = payload.read_meta(pconn)
    if meta.get("bundle_id") != h.bundle_id or meta.get("sender") != h.sender:
        raise BundleRefused("damaged", "同步包内容与包头不一致")


def _safe_fingerprint(key: str) -> str:
    """The fingerprint of a key from an unverified header ("无效" when it is not a key)."""
    try:
        return signing.fingerprint(key)
    except ValueError:
        return "无效"


def import_bundle(db: Database, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Check and apply a bundle file in one transaction (rolled back when `dry_run`), after
    a backup of the database (`liaison.data.backup`: an import's kind, kept a week)."""
    if not dry_run:
        conn = db.raw()
        try:
            with envelope.opened_file(path) as bundle:  # a file that is no bundle: no backup
                check_envelope(bundle, conn)
        finally:
            conn.close()
        if not db.on_server:  # a server's backups are its administrator's
            backup.take(db.path, "import")
    report = _run(db, path, dry_run, None)
    log.info(
        "bundle %s from device %s: %d ops, %d new, by kind %s, %d conflicts, set aside %s, "
        "cut here %d, %s",
        report.bundle_id,
        report.sender_id,
        report.ops,
        report.new_ops,
        report.counts,
        report.conflicts,
        report.set_aside,
        report.revoked_here,
        "applied" if report.applied else "checked only",
    )
    return report


def join_district(
    db: Database, path: Path, fingerprint: str, *, dry_run: bool = False
) -> ImportReport:
    """加入已有区县: take this installation's first bundle, from a hub device of the district,
    whose fingerprint a person has compared with `fingerprint` (read out by the district
    office). The bundle's header names the district's root device; this installation belongs
    to it from now on. Refused unless the installation is new (no accounts, no district) and
    the bundle enrols it (an administrator enrolled it before exporting)."""
    wanted = signing.normalize_fingerprint(fingerprint)
    with envelope.opened_file(path) as bundle:
        actual = envelope.sender_fingerprint(bundle.header)
    if wanted != actual:
        raise BundleRefused(
            "wrong_fingerprint",
            Text("指纹不符：同步包发送设备的指纹是 {0}，与输入的不一致，请与区联络办核对", actual),
        )
    return _run(db, path, dry_run, actual)


def _run(db: Database, path: Path, dry_run: bool, joining: str | None) -> ImportReport:
    conn = db.raw()
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of short-lived objects, no cycles: the collector only costs
    try:
        with envelope.opened_file(path) as bundle:
            h = bundle.header
            db.begin_writing(conn)
            try:
                with db.holding(f"正在导入“{h.sender_name}”的同步包（{h.ops} 项变更）"):
                    if joining is not None:
                        _begin_joining(conn, h)
                    report = _import(conn, check_envelope(bundle, conn), str(path))
                    if joining is not None and district.local_kind(conn) not in authority.KINDS:
                        raise BundleRefused(
                            "not_enrolled",
                            "这个同步包没有登记本机：请区联络办的管理员先登记本机（核对本机指纹），"
                            "再为本机导出同步包",
                        )
            except BaseException:
                if conn.in_transaction:  # SQLite ends it itself on some errors (disk full)
                    conn.execute("ROLLBACK")
                raise
            conn.execute("ROLLBACK" if dry_run else "COMMIT")
        report.applied = not dry_run
        if not dry_run and not db.on_server:  # accounts and passwords that arrived open the
            slot_refresh.refresh(db.path)  # encrypted file from now on
        return report
    finally:
        conn.close()
        if collecting:
            gc.enable()


def _begin_joining(conn: sqlite3.Connection, h: Header) -> None:
    """The district of the first bundle (its sender's fingerprint confirmed by a person)."""
    if conn.execute("SELECT 1 FROM account LIMIT 1").fetchone() or read_root(conn)[0]:
        raise BundleRefused(
            "already_joined",
            "本机已属于一个区县（已有账号或数据），不能再加入：请在新安装的电脑上加入",
        )
    if h.root is None or h.root_key is None:
        raise BundleRefused("no_district", "这个同步包没有区县信息：请用区联络办导出的同步包加入")
    district.write_root(conn, h.root, h.root_key)
    if h.sender != h.root:  # a hub enrolled by the root: its key is the one just confirmed
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (JOINED_THROUGH, f"{h.sender} {h.sender_key}"),
        )


JOINED_THROUGH = "district.joined_through"
"""The hub (not the root) whose bundle an installation joined by: its sender is accepted for
that bundle, before its enrolment (which the bundle carries) is known here."""


_UNPLACEABLE: driver.Errors = (*driver.IntegrityError, ValueError)

CHUNK = 100_000
"""Ops validated and merged at a time (all in the import's one transaction): memory stays
bounded for a district snapshot, and a bad row anywhere still rolls back everything."""


def _import(conn: sqlite3.Connection, opened: envelope.Opened, file: str) -> ImportReport:
    h = opened.header
    me = local_device(conn)
    with payload.opened(opened, me.private_key) as pconn:
        _check_meta(pconn, h)
        seals.seal_pending(conn, me.id, me.private_key)  # what this device made before these
        have = vector(conn)
        bundle_seals = payload.read_seals(pconn)
        offered = payload.read_proofs(pconn)
        local = (me.id, me.public_key)
        enrolled = authority.Judge.of(conn).enrolment()
        _new, caught = _learn_equivocations(conn, bundle_seals, offered, enrolled.key, local)
        _refuse_forged_seals(bundle_seals, enrolled.key, local)
        authority_ops = payload.authority_rows(pconn, have)
        _refuse_unsealed_authority(authority_ops, bundle_seals)
        try:
            arrived = authority.arrivals(conn, bundle_seals, authority_ops, have, local)
            # a proof about a device this very bundle enrols verifies with its key only now
            late, more = _learn_equivocations(
                conn, bundle_seals, offered, arrived.enrolment.key, local
            )
            if late:
                caught += more
                arrived = authority.arrivals(conn, bundle_seals, authority_ops, have, local)
        except Unplaceable as exc:
            raise BundleRefused("unplaceable", exc.args[0]) from exc
        sealed = SealCheck(arrived.order)
        chunks = payload.seal_chunks(pconn, bundle_seals, arrived.order, h.ops, CHUNK)
        report = _apply(conn, h, chunks, file, arrived, sealed)
        problem = sealed.problems(arrived.keys())
        if problem:
            raise BundleRefused("bad_seal", Text("同步包的签封不对：{0}", problem))
        seals.store(conn, arrived.seals)
        report.revoked_here = caught + apply_cuts(conn, arrived.enrolment)
        offered_hashes = payload.read_credentials(pconn)
        if offered_hashes and h.encryption == encryption.NONE:
            raise BundleRefused("unencrypted", _UNENCRYPTED)
        _keep_credentials(conn, offered_hashes)
        oplog.settle_restored(conn, me.id)
        _log_import(conn, h, report, file)
        return report


def _refuse_forged_seals(
    arriving: list[Seal], key_of: Callable[[str], str | None], local: tuple[str, str]
) -> None:
    """Seals of devices already enrolled here are verified before anything is judged, so that a
    forgery is named as one (a few signatures a bundle); those of devices the bundle itself
    enrols are verified once it has been read (`SealCheck`)."""
    for s in arriving:
        key = local[1] if s.site == local[0] else key_of(s.site)
        if key is not None and not s.verify(key):
            raise BundleRefused(
                "bad_seal",
                Text("同步包的签封不对：设备 {0} 的签封无效（不是该设备签发，或被改动过）", s.site),
            )


def _refuse_unsealed_authority(ops: list[Op], arriving: list[Seal]) -> None:
    """An account or device op that no seal of its own device in the bundle covers was not
    sent by that device (a relabelled op): refused as a bad seal, before it is judged (its
    place in the causal order, which it has none of, would otherwise be what is said)."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    for s in arriving:
        ranges.setdefault(s.site, []).append((s.first, s.last))
    for o in ops:
        if not any(first <= o.seq <= last for first, last in ranges.get(o.site, ())):
            raise BundleRefused(
                "bad_seal",
                Text("同步包的签封不对：设备 {0} 的第 {1} 号变更没有该设备的签封", o.site, o.seq),
            )


def _learn_equivocations(
    conn: sqlite3.Connection,
    arriving: list[Seal],
    offered: list[Proof],
    key_of: Callable[[str], str | None],
    local: tuple[str, str],
) -> tuple[bool, int]:
    """Keep the proofs of equivocation a bundle brings or reveals (verified with the keys
    `key_of` gives), and set aside what the devices they catch made here after their cut;
    returns whether any proof was new, and how many ops were set aside."""
    sites = {s.site for s in arriving} | {p.site for p in offered}
    keys = {site: key for site in sites if (key := key_of(site))}
    keys[local[0]] = local[1]
    proofs = equivocation.found(conn, arriving, offered, keys)
    if not proofs:
        return False, 0
    equivocation.store(conn, proofs)
    return True, apply_cuts(conn, authority.Judge.of(conn).enrolment())


def _unchecked_ops(rows: list[tuple[Any, ...]], check: Check) -> list[Op]:
    """The rows as ops, to be checked while they are applied; a row that cannot even be made
    into one is refused as the check would refuse it."""
    try:
        return [op_from_row(row) for row in rows]
    except (TypeError, ValueError):
        check(lambda: None)  # raises the first bad row's refusal
        raise


def _apply(
    conn: sqlite3.Connection,
    h: Header,
    chunks: Iterable[list[tuple[Any, ...]]],
    file: str,
    arrived: Arrivals,
    sealed: SealCheck,
) -> ImportReport:
    now = clock.now()
    horizon = hlc.horizon(now)  # stamps compare as strings
    hlc_clock = Clock(conn)
    total = future = new_ops = conflicts = flagged = 0
    tally: Counter[str] = Counter()
    set_aside: Counter[str] = Counter()
    latest = ""
    for rows in chunks:
        check = partial(payload.check_rows, rows, total + 1, seals=sealed)
        try:
            # every row is checked on a worker thread while the records are written, in the
            # import's one transaction; the worker's fold reads committed events: only when
            # one chunk is all
            ops = _unchecked_ops(rows, check)
            refused = arrived.refusals(conn, ops)
            merged = apply_ops(conn, ops, fold_ahead=h.ops <= CHUNK, check=check, refused=refused)
        except MergeRefused as exc:
            raise BundleRefused("invalid_row", Text("同步包无法合并：{0}", exc)) from exc
        except _UNPLACEABLE as exc:  # e.g. a step to no known unit
            raise BundleRefused(
                "invalid_row", Text("同步包的内容引用了本机没有的记录：{0}", exc)
            ) from exc
        total += len(ops)
        new_ops += merged.new_ops
        conflicts += merged.conflicts
        flagged += merged.flagged_demands
        tally.update(o.entity for o in merged.new)
        set_aside.update(merged.set_aside.values())
        future += sum(1 for op in ops if op.hlc > horizon)
        latest = max([latest, *(op.hlc for op in ops if op.hlc <= horizon)])
    if latest:
        hlc_clock.observe(latest)
    hlc_clock.save()
    known = {**peer_vector(conn, h.sender)}
    for site, seq in h.vector.items():
        known[site] = max(known.get(site, 0), seq)
    conn.execute(
        "INSERT INTO sync_peer (device_id, vector, last_import_at) VALUES (?, ?, ?) "
        "ON CONFLICT(device_id) DO UPDATE SET vector = excluded.vector, "
        "last_import_at = excluded.last_import_at",
        (h.sender, json.dumps(known), now.isoformat(sep=" ", timespec="seconds")),
    )
    return ImportReport(
        h.bundle_id,
        h.sender,
        h.sender_name,
        h.made_at,
        total,
        new_ops,
        dict(tally),
        conflicts,
        flagged,
        future,
        set_aside=dict(set_aside),
    )


def _log_import(conn: sqlite3.Connection, h: Header, report: ImportReport, file: str) -> None:
    summary = {**report.counts, "conflicts": report.conflicts}
    if report.set_aside:
        summary["set_aside"] = sum(report.set_aside.values())
    conn.execute(
        "INSERT INTO sync_bundle (id, direction, peer_id, peer_name, made_at, handled_at, ops, "
        "new_ops, summary, file) VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            h.bundle_id,
            h.sender,
            h.sender_name,
            h.made_at,
            clock.now().isoformat(sep=" ", timespec="seconds"),
            report.ops,
            report.new_ops,
            json.dumps(summary),
            file,
        ),
    )
