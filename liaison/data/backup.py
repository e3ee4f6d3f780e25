"""Backups of the database, taken while people work, and restoring one.

A backup is a whole, consistent copy of one moment — the file's bytes while SQLite may not
write into the file (`_copy_file_at_rest`), or else SQLite's online backup API; writers carry
on meanwhile either way — written under a temporary name, flushed to disk, then renamed: a
backup that exists is complete, whatever happened while it was written. Backups go to a folder
next to the database unless an administrator names another (another disk, a share:
`liaison backup folder DIR`), named `liaison-YYYYMMDD-HHMMSS-<kind>.sqlite`:

- `daily`: at the first start of the app each day; the newest of each of the last 7 days and
  of each of the last 4 weeks are kept;
- `import`: before every bundle import, kept a week (the newest 5 at most);
- `upgrade`: before the schema is upgraded, kept 30 days;
- `manual`: `liaison backup`, never deleted by Liaison.

Restoring checks the file (a Liaison database of this installation, whole, of a schema this
version knows), keeps the current database beside it under a dated name, and swaps the files
in one rename, refused while another program has the database open. An installation must never
reuse an op number it already sent: every export records the last one (`<database>.sent`), and a
restored database that is behind it refuses changes until a bundle brings those ops back
(docs/operations.md, "Backups and restore").
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from liaison.data import driver, keyslots
from liaison.domain import clock
from liaison.domain.errors import DomainError
from liaison.domain.text import Text

FOLDER_SETTING = "backup.folder"
BEHIND_SETTING = "sync.restored_behind"
"""Set in a restored database that sent ops its backup does not hold: the last one sent."""
KINDS = {"daily": "每日", "import": "导入同步包前", "upgrade": "升级前", "manual": "手动"}
_NAME = re.compile(r"liaison-(\d{8})-(\d{6})-(daily|import|upgrade|manual)\.sqlite")
PARTIAL = ".partial"
DAILY_DAYS = 7
WEEKLY_WEEKS = 4
KEEP_DAYS = {"import": 7, "upgrade": 30}
KEEP_AT_MOST = {"import": 5}
"""A hub imports many bundles a day, and a district database is gigabytes."""


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str
    taken_at: datetime
    size: int

    @property
    def label(self) -> str:
        return KINDS[self.kind]


_UNREADABLE: driver.Errors = (*driver.DatabaseError, UnicodeDecodeError)
_NO_FILE_COPY: driver.Errors = (*driver.DatabaseError, OSError)
_IN_USE: driver.Errors = (*driver.DatabaseError, driver.Locked)


def _read_only(path: Path) -> sqlite3.Connection:
    return driver.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)


def folder(db_path: Path) -> Path:
    """Where this database's backups go: the folder an administrator named, else
    `backups` beside the database."""
    try:
        conn = _read_only(db_path)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (FOLDER_SETTING,))
            found = row.fetchone()
        finally:
            conn.close()
    except driver.Error:
        found = None
    return Path(found[0]) if found and found[0] else db_path.parent / "backups"


def set_folder(db_path: Path, where: Path) -> Path:
    """Send this database's backups to `where` (made if missing; must be writable)."""
    target = where.expanduser().resolve()
    try:
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target, prefix=".liaison-probe-"):
            pass
    except OSError as exc:
        raise DomainError(Text("备份文件夹 {0} 无法写入：{1}", target, _why(exc))) from exc
    with driver.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (FOLDER_SETTING, str(target)),
        )
    conn.close()
    return target


def listed(where: Path) -> list[Backup]:
    """The backups in a folder, newest first (files named otherwise are not Liaison's)."""
    out = []
    try:
        entries = list(where.iterdir())
    except OSError:
        return []
    for p in entries:
        m = _NAME.fullmatch(p.name)
        if not m:
            continue
        taken = datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S")
        try:
            size = p.stat().st_size
        except OSError:
            continue
        out.append(Backup(p, m[3], taken, size))
    return sorted(out, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def take(
    db_path: Path,
    kind: str = "manual",
    *,
    to: Path | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> Backup:
    """Copy the database, consistent as of one moment, to `to` or into its backup folder;
    then delete the automatic backups the schedule no longer keeps. Raises DomainError with
    one clear line (disk full, folder not writable…); never leaves a partial file named like
    a backup."""
    if kind not in KINDS:
        raise ValueError(kind)
    now = clock.now()
    where = to.parent if to is not None else folder(db_path)
    name = to.name if to is not None else f"liaison-{now:%Y%m%d-%H%M%S}-{kind}.sqlite"
    target = where / name
    try:
        where.mkdir(parents=True, exist_ok=True)
        _clear_partials(where)
        fd, tmp_name = tempfile.mkstemp(dir=where, prefix=f".{name}.", suffix=PARTIAL)
        os.close(fd)
    except OSError as exc:
        raise DomainError(Text("无法写入备份文件夹 {0}：{1}", where, _why(exc))) from exc
    tmp = Path(tmp_name)
    try:
        _copy(db_path, tmp, progress)
        _durable_rename(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    keys = keyslots.keys_path(db_path)
    if keys.exists():  # the slots as they are now go with the encrypted copy
        shutil.copyfile(keys, keyslots.keys_path(target))
        os.chmod(keyslots.keys_path(target), 0o600)
    if to is None:
        prune(where, now.date())
    return Backup(target, kind, now.replace(microsecond=0), target.stat().st_size)


def adopt_key(db_path: Path, path: Path) -> None:
    """Open an encrypted backup of this database with the database's key (a database keeps its
    key for life, so every backup taken since it was encrypted opens with it)."""
    key = driver.key_of(db_path)
    if key is not None and driver.key_of(path) is None and driver.is_encrypted(path):
        driver.unlock(path, key)


def _copy(
    src: Path, dst: Path, progress: Callable[[int, int], object] | None, *, live: bool = True
) -> None:
    """A snapshot of `src` in `dst`, encrypted with `src`'s key when it has one. `live`: `src`
    is the database in use, copied at rest (it is opened to write, for an instant); a file
    a person chose (a backup to restore) is only ever read."""
    if live and _copy_file_at_rest(src, dst, progress):
        return
    with dst.open("wb"):  # whatever a file copy cut short left
        pass
    key = driver.key_of(src)
    if key is not None:
        driver.unlock(dst, key)
    try:
        _copy_pages(src, dst, progress)
    finally:
        if key is not None:
            driver.forget(dst)


_WRITTEN_BACK_TRIES = 50
"""Checkpoints tried, 2 ms apart, while writers wait (another program's own may be under way)."""


def _copy_file_at_rest(src: Path, dst: Path, progress: Callable[[int, int], object] | None) -> bool:
    """Copy the database file's bytes at a moment when they alone are the whole database: the
    write-ahead log written back into the file (a passive checkpoint, while this holds the
    writers' lock for that instant), then a read transaction that reads the file only. While
    it lasts no checkpoint may write into the file — SQLite's checkpoint takes the log's
    read-lock 0 exclusively and this reader holds it shared — so writers carry on, into the
    log. An encrypted file's pages go across as they are: nothing is decrypted or encrypted
    again, and the copy opens with the same key (the district database's backup takes half
    the time; bench/RESULTS.md). False, with `dst` in any state, when no such moment can be
    had: not in WAL mode, another writer, a reader elsewhere still on older pages, a file
    Windows will not let be read; the online backup API is used then."""
    try:
        reader = driver.connect(src, isolation_level=None, timeout=1)
    except driver.Error:
        return False
    try:
        writer = driver.connect(src, isolation_level=None, timeout=1)
    except driver.Error:
        reader.close()
        return False
    try:
        if reader.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            return False
        writer.execute("BEGIN IMMEDIATE")  # nothing enters the log until the read begins
        if not _written_back(reader):
            writer.execute("ROLLBACK")
            return False
        try:
            reader.execute("BEGIN")
            pages = int(reader.execute("PRAGMA page_count").fetchone()[0])
            size = int(reader.execute("PRAGMA page_size").fetchone()[0])
        finally:
            writer.execute("ROLLBACK")
        _copy_bytes(src, dst, pages, size, progress)
        reader.execute("COMMIT")
    except _NO_FILE_COPY:
        return False
    finally:
        reader.close()
        writer.close()
    _self_contained(src, dst)
    return True


def _written_back(conn: sqlite3.Connection) -> bool:
    """Whether the whole log is now in the file (a passive checkpoint; writers are held off)."""
    for _ in range(_WRITTEN_BACK_TRIES):
        busy, logged, written_back = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        if not busy and logged == written_back:
            return True
        time.sleep(0.002)  # another program's checkpoint, or a reader on older pages
    return False


def _copy_bytes(
    src: Path, dst: Path, pages: int, size: int, progress: Callable[[int, int], object] | None
) -> None:
    """The first `pages` pages of `src` into `dst`. On POSIX systems a child process reads
    the file: this process closing a descriptor of it would drop every lock it holds on the
    database (see `driver.is_encrypted`)."""
    total = pages * size
    if os.name != "posix":
        _copy_here(src, dst, total, progress, size)
    else:
        child = subprocess.Popen(["cp", "--", str(src), str(dst)], stderr=subprocess.PIPE)
        while child.poll() is None:
            if progress is not None:
                progress(min(_size_of(dst), total) // size, pages)
            time.sleep(0.05)
        if child.returncode != 0:
            why = (child.stderr.read() if child.stderr else b"").decode(errors="replace")
            raise OSError(errno.EIO, why.strip() or "cp failed")
        if _size_of(dst) < total:
            raise OSError(errno.EIO, "the database file is shorter than its pages")
        os.truncate(dst, total)
    if progress is not None:
        progress(pages, pages)


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _copy_here(
    src: Path, dst: Path, total: int, progress: Callable[[int, int], object] | None, size: int
) -> None:
    """Windows: its locks belong to handles, and closing another handle releases none."""
    chunk = 2**24
    with src.open("rb") as fin, dst.open("wb") as fout:
        done = 0
        while done < total:
            data = fin.read(min(chunk, total - done))
            if not data:
                raise OSError(errno.EIO, "the database file is shorter than its pages")
            fout.write(data)
            done += len(data)
            if progress is not None:
                progress(done // size, total // size)


def _self_contained(src: Path, dst: Path) -> None:
    """The copy in rollback-journal mode (one file, no -wal beside it), opened with `src`'s
    key when it has one."""
    key = driver.key_of(src)
    if key is not None:
        driver.unlock(dst, key)
    try:
        copy = driver.connect(dst)
        try:
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    except driver.Error as exc:
        raise DomainError(Text("备份失败：{0}", _sqlite_why(exc))) from exc
    finally:
        if key is not None:
            driver.forget(dst)


def _copy_pages(src: Path, dst: Path, progress: Callable[[int, int], object] | None) -> None:
    try:
        source = _read_only(src)
    except driver.Error as exc:
        raise DomainError(Text("无法打开数据库 {0}：{1}", src, exc)) from exc
    try:
        copy = driver.connect(dst)
        try:

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            source.backup(copy, pages=0, progress=step)  # one snapshot: writers carry on
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
    except driver.Error as exc:
        raise DomainError(Text("备份失败：{0}", _sqlite_why(exc))) from exc
    finally:
        source.close()


def _durable_rename(tmp: Path, target: Path) -> None:
    try:
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _sync_dir(target.parent)
    except OSError as exc:
        raise DomainError(Text("无法写入备份 {0}：{1}", target, _why(exc))) from exc


def _sync_dir(where: Path) -> None:
    try:
        fd = os.open(where, os.O_RDONLY)
    except OSError:
        return  # not on this platform (Windows): the rename is durable enough there
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _clear_partials(where: Path) -> None:
    """Remove what a backup killed midway left (older than a day: not one being written)."""
    cutoff = clock.now().timestamp() - 86_400
    for p in where.glob(f".liaison-*{PARTIAL}"):
        try:
            if p.stat().st_mtime < cutoff:
                p.unlink()
        except OSError:
            pass


_ERRNO = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘空间不足（超出配额）",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "磁盘是只读的",
    errno.ENOENT: "路径不存在",
    errno.ENOTDIR: "路径不是文件夹",
}


def _why(exc: OSError) -> str:
    return _ERRNO.get(exc.errno or 0, exc.strerror or str(exc))


def _sqlite_why(exc: Exception) -> str:
    text = str(exc)
    if "full" in text:
        return "磁盘空间不足"
    return text


def prune(where: Path, today: date) -> list[Path]:
    """Delete the automatic backups the schedule no longer keeps; returns them."""
    keep: set[Path] = set()
    days: dict[date, Backup] = {}
    weeks: dict[tuple[int, int], Backup] = {}
    counted: dict[str, int] = {}
    gone = []
    for b in listed(where):  # newest first: the first seen of a day or week is its newest
        if b.kind == "daily":
            day = b.taken_at.date()
            if day not in days and len(days) < DAILY_DAYS:
                days[day] = b
                keep.add(b.path)
            week = day.isocalendar()[:2]
            if week not in weeks and len(weeks) < WEEKLY_WEEKS:
                weeks[week] = b
                keep.add(b.path)
        elif b.kind in KEEP_DAYS:
            recent = b.taken_at.date() > today - timedelta(days=KEEP_DAYS[b.kind])
            counted[b.kind] = counted.get(b.kind, 0) + 1
            if recent and counted[b.kind] <= KEEP_AT_MOST.get(b.kind, counted[b.kind]):
                keep.add(b.path)
        else:
            keep.add(b.path)  # manual
    for b in listed(where):
        if b.path not in keep:
            try:
                b.path.unlink()
                gone.append(b.path)
            except OSError:
                pass
    return gone


def daily(db_path: Path) -> Backup | None:
    """The day's first backup, if none was taken today (the app calls this as it starts)."""
    today = clock.now().date()
    if any(b.kind == "daily" and b.taken_at.date() == today for b in listed(folder(db_path))):
        return None
    return take(db_path, "daily")


def health(db_path: Path) -> str | None:
    """SQLite's `quick_check` of the database file (seconds for gigabytes: the app runs it in
    the background): None when whole, else what is wrong, in a line."""
    try:
        conn = _read_only(db_path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except driver.Error as exc:
        return _sqlite_why(exc)
    return None if rows == ["ok"] else "；".join(str(r) for r in rows)


def latest(db_path: Path) -> Backup | None:
    """The newest backup of this database that is whole, or None."""
    for b in listed(folder(db_path)):
        adopt_key(db_path, b.path)
        if health(b.path) is None:
            return b
    return None


# --- restore -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Inspected:
    """What a backup file holds, as far as restoring is concerned."""

    revision: str | None
    device_id: str | None
    device_name: str
    last_own_op: int


def inspect(path: Path, known_revisions: list[str]) -> Inspected:
    """Check that `path` is a whole Liaison database of a schema this version knows; raises
    DomainError saying what is wrong with it."""
    if not path.is_file():
        raise DomainError(Text("找不到备份文件 {0}", path))
    try:
        with path.open("rb") as f:
            magic = f.read(16)
    except OSError as exc:
        raise DomainError(Text("无法读取 {0}：{1}", path, exc.strerror)) from exc
    if magic != driver.PLAIN_HEADER and driver.key_of(path) is None:
        raise DomainError(
            Text(
                "{0} 不是 Liaison 的数据库或备份文件，或是用另一个密钥加密的（另一台电脑的数据库）",
                path,
            )
        )
    try:
        conn = _read_only(path)
        try:
            ok = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
            if ok != "ok":
                raise DomainError(Text("备份文件 {0} 已损坏（{1}），不能用来恢复", path, ok))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
            if not {"alembic_version", "device", "setting"} <= tables:
                raise DomainError(Text("{0} 不是 Liaison 的数据库或备份文件", path))
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            device = conn.execute("SELECT id, name FROM device WHERE is_local = 1").fetchone()
            last = 0
            if device and "sync_op" in tables:
                row = conn.execute(
                    "SELECT MAX(seq) FROM sync_op WHERE site = ?", (device[0],)
                ).fetchone()
                last = row[0] or 0
        finally:
            conn.close()
    except _UNREADABLE as exc:
        raise DomainError(
            Text("备份文件 {0} 已损坏或不是数据库（{1}），不能用来恢复", path, exc)
        ) from exc
    rev = revision[0] if revision else None
    if rev is not None and rev not in known_revisions:
        raise DomainError(
            Text(
                "备份文件 {0} 由更新版本的 Liaison 创建（数据结构 {1}）：请先安装新版本再恢复",
                path,
                rev,
            )
        )
    return Inspected(rev, device[0] if device else None, device[1] if device else "", last)


SENT_SUFFIX = ".sent"


def sent_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SENT_SUFFIX)


def record_sent(db_path: Path, device_id: str, last: int) -> None:
    """Remember, beside the database, the last op number of this device that has left it
    (a restore from an older backup must not number new ops from below it)."""
    path = sent_file(db_path)
    try:
        before = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    if before.get("device") == device_id and int(before.get("last", 0)) >= last:
        return
    tmp = path.with_name(path.name + PARTIAL)
    try:
        tmp.write_text(json.dumps({"device": device_id, "last": last}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # the guard is a safety net; an export never fails for it


def last_sent(db_path: Path, device_id: str) -> int:
    try:
        data = json.loads(sent_file(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return int(data.get("last", 0)) if data.get("device") == device_id else 0


@dataclass(frozen=True)
class Restored:
    path: Path
    kept: Path | None
    """Where the database that was replaced now is (None: there was none)."""
    behind: int
    """The last op number this device had sent that the backup lacks (0: none)."""


def restore(
    db_path: Path, backup_file: Path, known_revisions: list[str], *, any_device: bool = False
) -> Restored:
    """Replace the database with a backup (see the module doc); raises DomainError with one
    clear line when it must not."""
    adopt_key(db_path, backup_file)
    found = inspect(backup_file, known_revisions)
    current = _current_device(db_path)
    if current is not None and found.device_id != current[0] and not any_device:
        raise DomainError(
            Text(
                "这个备份来自另一台设备（“{0}”），本机是“{1}”：恢复它会让两台设备同名签署变更；"
                "确需在本机使用请加 --any-device",
                found.device_name,
                current[1],
            )
        )
    behind = last_sent(db_path, found.device_id or "")
    behind = behind if behind > found.last_own_op else 0
    where = db_path.parent
    stamp = f"{clock.now():%Y%m%d-%H%M%S}"
    fd, tmp_name = tempfile.mkstemp(dir=where, prefix=f".{db_path.name}.", suffix=PARTIAL)
    os.close(fd)
    tmp = Path(tmp_name)
    key = driver.key_of(backup_file)
    try:
        _copy(backup_file, tmp, None, live=False)
        if key is not None:
            driver.unlock(tmp, key)
        with driver.connect(tmp) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            if behind:
                conn.execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (BEHIND_SETTING, str(behind)),
                )
        conn.close()
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        aside = where / f"{db_path.stem}-before-restore-{stamp}.sqlite"
        n = 1
        while aside.exists():
            n += 1
            aside = where / f"{db_path.stem}-before-restore-{stamp}-{n}.sqlite"
        kept = _swap(db_path, tmp, aside)
    except OSError as exc:
        raise DomainError(Text("恢复失败：{0}（数据库未改动）", _why(exc))) from exc
    finally:
        tmp.unlink(missing_ok=True)
        driver.forget(tmp)
    if key is not None:
        driver.unlock(db_path, key)
        keys, saved = keyslots.keys_path(db_path), keyslots.keys_path(backup_file)
        if not keys.exists() and saved.exists():  # the slots as they were when it was taken
            shutil.copyfile(saved, keys)
            os.chmod(keys, 0o600)
    return Restored(db_path, kept, behind)


def installation(path: Path) -> str | None:
    """The local device of the database file at `path` (a database, a backup): which
    installation it belongs to. Databases side by side share a backups folder. None for a file
    that cannot be read (encrypted with a key this process does not hold, damaged, missing)."""
    found = _current_device(path)
    return found[0] if found else None


def _current_device(db_path: Path) -> tuple[str, str] | None:
    if not db_path.exists():
        return None
    try:
        conn = _read_only(db_path)
        try:
            row = conn.execute("SELECT id, name FROM device WHERE is_local = 1").fetchone()
        finally:
            conn.close()
    except driver.Error:
        return None  # damaged or not a database: the reason to restore
    return (row[0], row[1]) if row else None


def _damaged_and_idle(conn: sqlite3.Connection, db_path: Path) -> bool:
    """A damaged file can refuse to leave WAL as if another program held it ("database is
    locked", measured: a file with damaged table pages and its WAL beside it). It is taken for
    damaged, not in use, when SQLite's check finds it damaged and a checkpoint of its WAL is
    held up by no reader or writer."""
    if health(db_path) is None:
        return False
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except driver.Error:
        return False
    return bool(busy == 0)


def _swap(db_path: Path, tmp: Path, aside: Path) -> Path | None:
    """Put `tmp` where the database is in one rename, the old file kept as `aside` (a second
    name for it made first: at every moment one of the two files is at `db_path`). Refused
    while another connection has the database open."""
    if not db_path.exists():
        os.replace(tmp, db_path)
        _sync_dir(db_path.parent)
        return None
    try:
        conn = driver.connect(db_path, timeout=2, isolation_level=None)
    except driver.Error:
        conn = None  # not a database any more: nothing can be using it as one
    try:
        if conn is not None:
            try:
                # leaving WAL needs the only connection: another program still using the
                # file (the app) would keep writing into it after the swap
                mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
                if mode != "delete":
                    raise driver.Locked("locked")
                conn.execute("BEGIN EXCLUSIVE")
            except _IN_USE as exc:
                in_use = "locked" in str(exc) or "busy" in str(exc)
                if in_use and not _damaged_and_idle(conn, db_path):
                    raise DomainError(
                        "数据库正被其他程序使用（Liaison 仍在运行？）：请先关闭它再恢复"
                    ) from exc
                conn.close()
                conn = None  # damaged: swap it out all the same
        os.link(db_path, aside)
        os.replace(tmp, db_path)
        for extra in ("-wal", "-shm", "-journal"):
            Path(f"{db_path}{extra}").unlink(missing_ok=True)
        _sync_dir(db_path.parent)
    finally:
        if conn is not None:
            conn.close()
    return aside
