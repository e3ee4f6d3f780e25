"""The merge's worker thread: it checks while the importing thread writes, waits while that
thread runs a statement per row, stops when the merge fails, and its refusal is the one told."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

import pytest

from liaison.sync.exchange.merge import _HANDOVER, Ahead, paused


class Refused(Exception):
    pass


def _counting(limit: int, fail_at: int | None = None) -> tuple[list[int], Callable[..., None]]:
    seen: list[int] = []

    def check(tick: Callable[[], object]) -> None:
        for n in range(limit):
            tick()
            seen.append(n)
            if n == fail_at:
                raise Refused(f"row {n}")
            time.sleep(0.0005)

    return seen, check


def test_the_worker_waits_while_paused_and_goes_on_after() -> None:
    seen, check = _counting(400)
    ahead = Ahead("", [], check, fold=False)
    with paused(ahead):
        time.sleep(0.01)  # it reaches its next pause point
        before = len(seen)
        time.sleep(0.05)
        assert len(seen) == before  # waiting, not checking
    assert ahead.join() is None
    assert len(seen) == 400


def test_its_refusal_is_raised_by_join_and_by_verdict() -> None:
    _seen, check = _counting(50, fail_at=10)
    with pytest.raises(Refused, match="row 10"):
        Ahead("", [], check, fold=False).join()
    _seen, check = _counting(50, fail_at=10)
    with pytest.raises(Refused, match="row 10"):
        Ahead("", [], check, fold=False).verdict()


def test_verdict_waits_for_the_whole_check_then_stops_the_rest() -> None:
    seen, check = _counting(200)
    ahead = Ahead("", [], check, fold=False)
    ahead.verdict()  # the merge failed: no refusal, so the merge's own error is told
    assert len(seen) == 200
    assert not ahead.thread.is_alive()


def test_a_worker_paused_when_the_merge_fails_is_released() -> None:
    seen, check = _counting(100)
    ahead = Ahead("", [], check, fold=False)
    done = threading.Event()

    def merge() -> None:
        try:
            with paused(ahead):
                raise RuntimeError("the merge failed")
        except RuntimeError:
            ahead.verdict()
            done.set()

    threading.Thread(target=merge).start()
    assert done.wait(10)
    assert len(seen) == 100


def test_overlapping_merges_put_the_switch_interval_back() -> None:
    """The interval is the process's: lowered by the first merge, restored by the last."""
    before = sys.getswitchinterval()
    first, second = _HANDOVER.quick(), _HANDOVER.quick()
    first.__enter__()
    assert sys.getswitchinterval() < before
    second.__enter__()
    first.__exit__(None, None, None)  # the first ends while the second still runs
    assert sys.getswitchinterval() < before
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == before
