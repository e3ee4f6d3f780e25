"""One app per database file, tried with real processes: a second start brings the first
forward and ends; a holder that died leaves nothing in the way; one that hangs is named."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from liaison.ui import single_instance

HOLDER = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from liaison.ui import single_instance

app = QApplication([])
instance = single_instance.claim(Path(sys.argv[1]))
assert instance is not None
def raised():
    print("raised", flush=True)
    QTimer.singleShot(200, app.quit)
instance.on_raise = raised
instance.on_open = lambda path: print("open", path, flush=True)
print("ready", flush=True)
if sys.argv[2] == "hang":
    time.sleep(60)  # holds the lock, never answers
QTimer.singleShot(20000, app.quit)
app.exec()
instance.release()
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[Path, list[subprocess.Popen[str]]]]:
    children: list[subprocess.Popen[str]] = []
    yield tmp_path / "liaison.sqlite", children
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


def _start(db: Path, mode: str, children: list[subprocess.Popen[str]]) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), mode],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )
    children.append(child)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def test_a_second_start_brings_the_first_forward_and_ends(
    qapp: QApplication, holder: tuple[Path, list[subprocess.Popen[str]]]
) -> None:
    db, children = holder
    first = _start(db, "serve", children)
    assert single_instance.claim(db) is None  # asked the first to come forward
    assert first.stdout is not None and first.stdout.readline().strip() == "raised"
    assert first.wait(timeout=10) == 0


def test_a_lock_left_by_a_killed_app_is_taken_over(
    qapp: QApplication, holder: tuple[Path, list[subprocess.Popen[str]]]
) -> None:
    db, children = holder
    first = _start(db, "serve", children)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert single_instance.lock_path(db).exists()  # what the killed app left behind
    instance = single_instance.claim(db)
    assert instance is not None
    instance.release()


def test_a_holder_that_does_not_answer_is_named(
    qapp: QApplication, holder: tuple[Path, list[subprocess.Popen[str]]]
) -> None:
    db, children = holder
    hung = _start(db, "hang", children)
    with pytest.raises(single_instance.HeldElsewhere, match=f"进程 {hung.pid}"):
        single_instance.claim(db)


def test_different_files_do_not_get_in_each_others_way(qapp: QApplication, tmp_path: Path) -> None:
    one = single_instance.claim(tmp_path / "a.sqlite")
    other = single_instance.claim(tmp_path / "b.sqlite")
    assert one is not None and other is not None
    assert single_instance.server_name(tmp_path / "a.sqlite") != single_instance.server_name(
        tmp_path / "b.sqlite"
    )
    one.release()
    other.release()
    again = single_instance.claim(tmp_path / "a.sqlite")  # released: free to take
    assert again is not None
    again.release()


def test_a_second_start_with_a_bundle_hands_it_to_the_first(
    qapp: QApplication, holder: tuple[Path, list[subprocess.Popen[str]]], tmp_path: Path
) -> None:
    db, children = holder
    first = _start(db, "serve", children)
    bundle = tmp_path / "U 盘" / "来自 区联络办.lsb"
    assert single_instance.claim(db, bundle) is None
    assert first.stdout is not None
    assert first.stdout.readline().strip() == "raised"
    assert first.stdout.readline().rstrip("\n") == f"open {bundle}"
    assert first.wait(timeout=10) == 0


@pytest.mark.parametrize(
    "message",
    [b"open relative/x.lsb\n", b"open /tmp/x.lsb", b"open \xff\xfe.lsb\n", b"shutdown\n", b""],
)
def test_a_message_that_is_not_the_protocol_is_not_obeyed(message: bytes) -> None:
    assert single_instance._bundle_in(message) is None
    assert message != single_instance.RAISE


def test_a_stranger_on_the_socket_gets_no_answer_and_the_holder_carries_on(
    qapp: QApplication, holder: tuple[Path, list[subprocess.Popen[str]]]
) -> None:
    from PySide6.QtNetwork import QLocalSocket

    db, children = holder
    first = _start(db, "serve", children)
    for message in (b"open ../../etc/passwd\n", b"open " + b"x" * 20000 + b"\n", b"rm -rf\n"):
        socket = QLocalSocket()
        socket.connectToServer(single_instance.server_name(db))
        assert socket.waitForConnected(1500)
        socket.write(message)
        socket.flush()
        assert not socket.waitForReadyRead(2000) or socket.readAll().data() != b"raised\n"
        socket.abort()
    assert first.poll() is None  # still serving
    assert single_instance.claim(db) is None  # and still answers the real protocol
    assert first.stdout is not None and first.stdout.readline().strip() == "raised"
