"""Backups and restore (liaison.data.backup) on real files and processes."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from liaison.cli import main
from liaison.data import backup, driver, migrate
from liaison.data.db import Database
from liaison.domain.errors import DomainError
from liaison.sync.log import oplog
from tests.conftest import Cast, log_demands
from tests.sync.conftest import MakeLaptop, Replica, hub, introduce, make_laptop

__all__ = ["hub", "make_laptop"]  # the replicas of tests/sync, used here

KNOWN = migrate.known_revisions()


def _integrity(path: Path) -> str:
    conn = driver.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _count(path: Path, sql: str) -> int:
    conn = driver.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_a_backup_is_whole_while_another_connection_keeps_writing(
    db_path: Path, tmp_path: Path
) -> None:
    """Writers carry on during a backup, and the copy is one consistent moment."""
    conn = driver.connect(db_path, isolation_level=None)
    conn.execute("CREATE TABLE scratch (n INTEGER, pad TEXT)")
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
        "INSERT INTO scratch SELECT i, hex(randomblob(200)) FROM n"
    )
    stop = threading.Event()
    written = [0]

    def write() -> None:
        w = driver.connect(db_path, isolation_level=None, timeout=5)
        while not stop.is_set():
            w.execute("BEGIN IMMEDIATE")
            w.execute("INSERT INTO scratch VALUES (-1, 'x')")
            w.execute("INSERT INTO scratch VALUES (-1, 'y')")
            w.execute("COMMIT")
            written[0] += 1
        w.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        made = backup.take(db_path, "manual")
    finally:
        stop.set()
        writer.join()
    assert written[0] > 0
    assert _integrity(made.path) == "ok"
    pairs = _count(made.path, "SELECT count(*) FROM scratch WHERE n = -1")
    assert pairs % 2 == 0  # never half of a transaction
    assert made.path.parent == db_path.parent / "backups"
    assert backup.listed(made.path.parent) == [made]
    conn.close()


def _hung(script: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    """A Python process running `script`, stopped at the point it prints READY."""
    path = tmp_path / "hung.py"
    path.write_text(textwrap.dedent(script), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(path)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == b"READY", line
    return proc


def test_a_backup_killed_midway_leaves_no_backup_and_the_database_as_it_was(
    db_path: Path, tmp_path: Path
) -> None:
    before = _integrity(db_path)
    proc = _hung(
        f"""
        import sys, time
        from pathlib import Path
        from liaison.data import backup

        def stuck(done, total):
            print("READY", flush=True)
            time.sleep(60)

        backup.take(Path({str(db_path)!r}), "manual", progress=stuck)
        """,
        tmp_path,
    )
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    folder = db_path.parent / "backups"
    assert backup.listed(folder) == []
    assert [p.name for p in folder.iterdir() if p.name.endswith(backup.PARTIAL)]  # left behind
    assert _integrity(db_path) == before == "ok"
    made = backup.take(db_path, "manual")  # and the next backup works
    assert backup.listed(folder) == [made]


def test_restore_refuses_what_must_not_replace_the_database(
    db_path: Path, tmp_path: Path, make_laptop: MakeLaptop
) -> None:
    good = backup.take(db_path, "manual").path
    before = db_path.read_bytes()

    def refused(path: Path, match: str) -> None:
        with pytest.raises(DomainError, match=match):
            backup.restore(db_path, path, KNOWN)
        assert db_path.read_bytes() == before

    refused(tmp_path / "missing.sqlite", "找不到")
    text = tmp_path / "notes.txt"
    text.write_text("不是数据库", encoding="utf-8")
    refused(text, "不是 Liaison 的数据库")
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    refused(truncated, "损坏")
    flipped = tmp_path / "flipped.sqlite"
    data = bytearray(good.read_bytes())
    for at in range(8192, len(data), 4096):  # a byte in every page but the first two
        data[at + 100] ^= 0xFF
    flipped.write_bytes(bytes(data))
    refused(flipped, "损坏")
    newer = tmp_path / "newer.sqlite"
    shutil.copy(good, newer)
    with driver.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    refused(newer, "更新版本")
    other = make_laptop("另一台电脑")
    other.db.dispose()
    refused(Path(other.db.path), "另一台设备")
    in_use = driver.connect(db_path)
    in_use.execute("SELECT count(*) FROM account").fetchone()
    try:
        refused(good, "正被其他程序使用")
    finally:
        in_use.close()
    assert backup.restore(db_path, good, KNOWN).kept is not None  # now it may


def test_a_restore_killed_midway_leaves_a_whole_database_in_place(
    db_path: Path, tmp_path: Path
) -> None:
    good = backup.take(db_path, "manual").path
    with driver.connect(db_path) as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('after.backup', '1')")
    conn.close()
    proc = _hung(
        f"""
        import os, time
        from pathlib import Path
        from liaison.data import backup, migrate

        real = os.replace
        def stuck(src, dst):
            if str(dst) == {str(db_path)!r}:
                print("READY", flush=True)
                time.sleep(60)
            real(src, dst)
        os.replace = stuck
        backup.restore(Path({str(db_path)!r}), Path({str(good)!r}), migrate.known_revisions())
        """,
        tmp_path,
    )
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _integrity(db_path) == "ok"
    assert _count(db_path, "SELECT count(*) FROM setting WHERE key = 'after.backup'") == 1
    done = backup.restore(db_path, good, KNOWN)  # and it can be done again, whole
    assert _count(db_path, "SELECT count(*) FROM setting WHERE key = 'after.backup'") == 0
    assert done.kept is not None
    assert _count(done.kept, "SELECT count(*) FROM setting WHERE key = 'after.backup'") == 1


def test_a_restored_laptop_gets_back_what_it_sent_before_it_numbers_new_changes(
    hub: Replica, make_laptop: MakeLaptop, cast: Cast
) -> None:
    """Back up, make changes, send them, restore, make changes, sync both ways: equal digests,
    and no op number used twice (the restored laptop refuses changes until its own come back)."""
    laptop = make_laptop("观音桥街道 laptop")
    introduce(hub, laptop)
    laptop_path = Path(laptop.db.path)
    saved = backup.take(laptop_path, "manual").path
    log_demands(laptop.db, cast, "贷款贴息申请", actor=laptop.as_(cast.cadre))
    hub.receive(laptop.export(hub))
    laptop.db.dispose()
    # connections the exchange left for the garbage collector close now: after the UI tests,
    # collection runs only on the GUI thread's timer (liaison.ui.gc_guard), not here
    gc.collect()
    done = backup.restore(laptop_path, saved, KNOWN)
    assert done.behind > 0
    with pytest.raises(DomainError, match="刚从备份恢复"):
        log_demands(laptop.db, cast, "用工招聘", actor=laptop.as_(cast.cadre))
    laptop.receive(hub.export(laptop, full=True))
    log_demands(laptop.db, cast, "用工招聘", actor=laptop.as_(cast.cadre))  # now it may
    hub.receive(laptop.export(hub))
    laptop.receive(hub.export(laptop))
    assert hub.digest() == laptop.digest()
    for replica in (hub, laptop):
        conn = replica.db.raw()
        try:
            titles = {r[0] for r in conn.execute("SELECT title FROM demand")}
            assert {"贷款贴息申请", "用工招聘"} <= titles
            assert conn.execute("SELECT count(*) FROM sync_equivocation").fetchone()[0] == 0
        finally:
            conn.close()


def test_imports_and_upgrades_are_preceded_by_a_backup(
    hub: Replica, make_laptop: MakeLaptop, cast: Cast
) -> None:
    laptop = make_laptop("笔记本")
    introduce(hub, laptop)  # joining: a new installation, nothing to keep
    folder = backup.folder(Path(laptop.db.path))
    assert backup.listed(folder) == []
    log_demands(hub.db, cast, "贷款贴息申请")
    bundle_file = hub.export(laptop)
    laptop.receive(bundle_file, dry_run=True)
    assert backup.listed(folder) == []  # a preview changes nothing
    laptop.receive(bundle_file)
    [made] = backup.listed(folder)
    assert made.kind == "import"
    assert _count(made.path, "SELECT count(*) FROM demand WHERE title = '贷款贴息申请'") == 0


def test_the_schedule_keeps_seven_days_four_weeks_and_recent_imports(tmp_path: Path) -> None:
    today = date(2026, 12, 9)  # a Wednesday: the day a week before is not its week's newest
    for days_ago in range(40):
        when = datetime.combine(today - timedelta(days=days_ago), datetime.min.time())
        for kind, hour in (("daily", 9), ("import", 14), ("upgrade", 15), ("manual", 16)):
            stamp = when.replace(hour=hour)
            (tmp_path / f"liaison-{stamp:%Y%m%d-%H%M%S}-{kind}.sqlite").write_bytes(b"x")
    (tmp_path / "notes.sqlite").write_bytes(b"not ours")
    backup.prune(tmp_path, today)
    kept = backup.listed(tmp_path)
    daily = {b.taken_at.date() for b in kept if b.kind == "daily"}
    expected = {today - timedelta(days=n) for n in range(7)}
    weeks: list[tuple[int, int]] = []
    for n in range(40):  # the newest day of each of the last four weeks
        day = today - timedelta(days=n)
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < 4:
            weeks.append(week)
            expected.add(day)
    assert daily == expected
    imports = [b for b in kept if b.kind == "import"]  # a week's, the newest 5 at most
    assert [b.taken_at.date() for b in imports] == [today - timedelta(n) for n in range(5)]
    backup.prune(tmp_path, today + timedelta(days=5))  # five days on: only a week's are kept
    imports = [b for b in backup.listed(tmp_path) if b.kind == "import"]
    assert [b.taken_at.date() for b in imports] == [today, today - timedelta(1)]
    assert len([b for b in kept if b.kind == "upgrade"]) == 30
    assert len([b for b in kept if b.kind == "manual"]) == 40
    assert (tmp_path / "notes.sqlite").exists()


def test_the_command_line_backs_up_lists_and_restores(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "backup"]) == 0
    assert "已备份到" in capsys.readouterr().out
    copy = tmp_path / "copy.sqlite"
    assert main(["--db", str(db_path), "backup", "--to", str(copy)]) == 0
    assert main(["--db", str(db_path), "backup", "--to", str(copy)]) == 1
    assert "已存在" in capsys.readouterr().err
    assert main(["--db", str(db_path), "backup", "list"]) == 0
    assert "手动" in capsys.readouterr().out
    share = tmp_path / "share"
    assert main(["--db", str(db_path), "backup", "folder", str(share)]) == 0
    assert main(["--db", str(db_path), "backup"]) == 0
    assert len(backup.listed(share)) == 1
    assert main(["--db", str(db_path), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "原数据库保留为" in out
    assert main(["--db", str(db_path), "restore", str(tmp_path / "none.sqlite")]) == 1
    assert "找不到备份文件" in capsys.readouterr().err


def test_a_full_disk_says_so_and_leaves_nothing_named_like_a_backup(
    db_path: Path, tmp_path: Path
) -> None:
    small = tmp_path / "small"
    small.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(small)],
            check=False,
            capture_output=True,
        ).returncode
    ):
        pytest.skip("cannot make a small filesystem here (needs root and mount)")
    try:
        with pytest.raises(DomainError, match="磁盘空间不足"):
            backup.take(db_path, "manual", to=small / "full.sqlite")
        assert [p.name for p in small.iterdir()] == []
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_the_app_takes_the_days_first_backup_as_it_starts(tmp_path: Path) -> None:
    from liaison.ui.app import open_or_create

    path = tmp_path / "liaison.sqlite"
    for _ in range(2):  # started twice the same day
        open_or_create(path).dispose()
    [made] = backup.listed(backup.folder(path))
    assert made.kind == "daily"
    assert _integrity(made.path) == "ok"


def test_the_restore_guard_counts_from_the_first_number_not_yet_back(
    db: Database, cast: Cast
) -> None:
    """Behind at N: the next op, numbered N, is refused; once op N is here, changes go on."""
    conn = db.raw()
    site = oplog.local_site(conn)
    assert site is not None
    next_number = oplog.next_seq(conn, site)
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)", (backup.BEHIND_SETTING, next_number)
    )
    conn.close()
    with pytest.raises(DomainError, match="刚从备份恢复"):
        log_demands(db, cast, "贷款贴息申请")
    conn = db.raw()
    conn.execute(
        "UPDATE setting SET value = ? WHERE key = ?", (next_number - 1, backup.BEHIND_SETTING)
    )
    oplog.settle_restored(conn, site)  # op N-1 is here: the guard goes
    assert conn.execute(
        "SELECT count(*) FROM setting WHERE key = ?", (backup.BEHIND_SETTING,)
    ).fetchone() == (0,)
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)", (backup.BEHIND_SETTING, next_number)
    )
    oplog.settle_restored(conn, site)  # op N is not: it stays
    assert conn.execute(
        "SELECT count(*) FROM setting WHERE key = ?", (backup.BEHIND_SETTING,)
    ).fetchone() == (1,)
    conn.execute(
        "UPDATE setting SET value = ? WHERE key = ?", (next_number - 1, backup.BEHIND_SETTING)
    )
    conn.close()
    log_demands(db, cast, "贷款贴息申请")  # numbered N and on: allowed


def _fill(path: Path, rows: int) -> None:
    conn = driver.connect(path, isolation_level=None)
    try:
        conn.execute("CREATE TABLE scratch (n INTEGER, pad TEXT)")
        conn.execute("CREATE INDEX scratch_n ON scratch (n)")
        conn.execute("CREATE TABLE tally (k INTEGER)")
        conn.execute("INSERT INTO tally VALUES (0)")
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO scratch SELECT i, hex(randomblob(300)) FROM n",
            (rows,),
        )
    finally:
        conn.close()


@pytest.mark.parametrize("encrypted", [False, True], ids=["clear", "encrypted"])
def test_the_file_copy_is_one_moment_while_another_program_writes_and_checkpoints(
    db_path: Path, tmp_path: Path, encrypted: bool
) -> None:
    """The backup copies the file's bytes (no page is decrypted and encrypted again) while a
    writer in another process changes rows all over the file (a pair of new rows, a tally of
    them, an old row's text) and writes the log back into the file after every commit: each
    copy is whole and of one moment (the tally matches the rows), and (encrypted) opens only
    with the database's key."""
    _fill(db_path, 40_000)
    key = os.urandom(32) if encrypted else None
    if key is not None:
        from liaison.data import at_rest

        at_rest.encrypt_in_place(db_path, key)
    proc = _hung(
        f"""
        import sys
        from pathlib import Path
        from liaison.data import driver
        path = Path({str(db_path)!r})
        key = {key!r}
        if key is not None:
            driver.unlock(path, key)
        w = driver.connect(path, isolation_level=None, timeout=5)
        w.execute("PRAGMA wal_autocheckpoint=1")  # back into the file after every commit
        print("READY", flush=True)
        while True:
            w.execute("BEGIN IMMEDIATE")
            w.execute("INSERT INTO scratch VALUES (-1, 'x')")
            w.execute("UPDATE scratch SET pad = hex(randomblob(300)) "
                      "WHERE n = abs(random() % 40000)")
            w.execute("UPDATE tally SET k = k + 2")
            w.execute("INSERT INTO scratch VALUES (-1, 'y')")
            w.execute("COMMIT")
        """,
        tmp_path,
    )
    copies = []
    try:
        for n in range(8):
            target = tmp_path / f"copy-{n}.sqlite"
            if backup._copy_file_at_rest(db_path, target, None):  # else: the slow way
                copies.append(target)
    finally:
        proc.kill()
        proc.wait()
    pairs = []
    for copy in copies:
        if key is not None:
            assert driver.is_encrypted(copy)
            with pytest.raises(driver.DatabaseError):
                _count(copy, "SELECT count(*) FROM scratch")
            driver.unlock(copy, key)
        assert _integrity(copy) == "ok"
        pairs.append(_count(copy, "SELECT count(*) FROM scratch WHERE n = -1"))
        assert _count(copy, "SELECT k FROM tally") == pairs[-1]
        assert _count(copy, "SELECT count(*) FROM scratch WHERE n > 0") == 40_000
        driver.forget(copy)
    assert len(copies) >= 6  # the file copy almost always succeeds, even against this writer
    assert all(p % 2 == 0 for p in pairs)  # never half of a transaction
    assert pairs == sorted(pairs) and pairs[-1] > 0  # the writer carried on throughout
    if key is not None:
        driver.forget(db_path)


def test_a_reader_on_older_pages_sends_the_backup_the_slow_safe_way(
    db_path: Path, tmp_path: Path
) -> None:
    """While another connection reads an older moment, the log cannot all go back into the
    file: the file alone is not the database, so the online backup API copies it — with
    everything committed before the backup began."""
    _fill(db_path, 1000)
    pinned = driver.connect(db_path, isolation_level=None)
    pinned.execute("BEGIN")
    assert pinned.execute("SELECT count(*) FROM scratch").fetchone()[0] == 1000
    later = driver.connect(db_path, isolation_level=None)
    later.execute("INSERT INTO scratch VALUES (-1, 'after the reader began')")
    later.close()
    try:
        assert not backup._copy_file_at_rest(db_path, tmp_path / "fast.sqlite", None)
        made = backup.take(db_path, "manual")
    finally:
        pinned.execute("COMMIT")
        pinned.close()
    assert _integrity(made.path) == "ok"
    assert _count(made.path, "SELECT count(*) FROM scratch") == 1001


def _held_locks(path: Path) -> list[str]:
    """The POSIX locks this process holds on the file (Linux: /proc/locks)."""
    inode, pid = path.stat().st_ino, str(os.getpid())
    with open("/proc/locks", encoding="ascii") as locks:
        return [
            line
            for line in locks
            if line.split()[1] == "POSIX"
            and line.split()[4] == pid
            and line.split()[5].endswith(f":{inode}")
        ]


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux shows its locks there")
def test_looking_at_or_backing_up_the_open_database_keeps_its_locks(
    db_path: Path, tmp_path: Path
) -> None:
    """Closing any descriptor of a database file drops every POSIX lock the process holds on
    it: then another program closing its last connection deletes the write-ahead log under
    ours. Neither the encryption check nor a backup may open the live file with Python."""
    from liaison.services import encryption

    live = driver.connect(db_path, isolation_level=None)
    live.execute("CREATE TABLE kept (n INTEGER)")
    live.execute("INSERT INTO kept VALUES (1)")
    assert _held_locks(db_path)  # an open WAL connection holds a shared lock on the file
    driver.is_encrypted(db_path)
    encryption.is_encrypted(db_path)
    backup.take(db_path, "manual")
    assert _held_locks(db_path)
    other = subprocess.run(  # another program writes and closes its last connection
        [
            sys.executable,
            "-c",
            "import sys; from liaison.data import driver; "
            "c = driver.connect(sys.argv[1], isolation_level=None); "
            "c.execute('INSERT INTO kept VALUES (2)'); c.close()",
            str(db_path),
        ],
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    assert other.returncode == 0
    assert Path(f"{db_path}-wal").exists()  # still ours: it did not think itself the last
    live.execute("INSERT INTO kept VALUES (3)")
    live.close()
    assert _count(db_path, "SELECT count(*) FROM kept") == 3
