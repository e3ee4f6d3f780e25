"""The sync history and what each peer is known to have, as the sync screen reads them."""

from __future__ import annotations

import pytest

from liaison.sync.exchange import history
from liaison.sync.exchange.envelope import BundleRefused
from tests.conftest import Cast, log_demands
from tests.sync.conftest import MakeLaptop, Replica, introduce


@pytest.fixture
def pair(hub: Replica, make_laptop: MakeLaptop, cast: Cast) -> tuple[Replica, Replica]:
    laptop = make_laptop("观音桥街道 laptop 3")
    introduce(hub, laptop)
    return hub, laptop


def test_a_fresh_replica_has_no_history(hub: Replica) -> None:
    assert history.list_bundles(hub.db) == []


def test_an_export_and_its_import_are_in_both_histories(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    hub.receive(laptop.export(hub))  # the hub learns what the laptop has since it joined
    log_demands(hub.db, cast, "贷款贴息申请", "用工招聘")
    path = hub.export(laptop)
    laptop.receive(path)

    sent = history.list_bundles(hub.db)[0]
    assert (sent.direction, sent.direction_label, sent.peer_name) == ("out", "导出", laptop.name)
    assert sent.peer_id == laptop.device_id and sent.file == str(path)
    assert sent.ops == hub.last_export.ops and sent.counts["demand"] == 2
    assert sent.made_at is not None and sent.handled_at is not None

    [got] = [b for b in history.list_bundles(laptop.db) if b.id == sent.id]
    assert (got.direction, got.direction_label, got.peer_name) == ("in", "导入", "区联络办")
    assert got.counts["demand"] == 2 and got.counts["visit"] == 1
    assert got.new_ops == got.ops and got.conflicts == 0


def test_history_is_newest_first_and_limited(pair: tuple[Replica, Replica]) -> None:
    hub, laptop = pair
    for _ in range(3):
        hub.export(laptop)
    bundles = history.list_bundles(hub.db)
    times = [b.handled_at for b in bundles]
    assert None not in times
    assert times == sorted((t for t in times if t is not None), reverse=True)
    assert len(history.list_bundles(hub.db, limit=2)) == 2


def test_an_export_for_no_device_is_refused_and_leaves_nothing(hub: Replica) -> None:
    """A bundle is encrypted to the device it is for: with none named there is no one to
    encrypt it to."""
    with pytest.raises(BundleRefused) as refused:
        hub.export(full=True)
    assert refused.value.reason == "no_recipient" and "接收设备" in str(refused.value)
    assert history.list_bundles(hub.db) == [] and list(hub.outbox.iterdir()) == []


def test_a_peer_never_heard_from_is_known_to_have_nothing(pair: tuple[Replica, Replica]) -> None:
    hub, laptop = pair
    [peer] = history.peer_status(hub.db)
    assert peer.device_id == laptop.device_id and peer.name == laptop.name
    assert peer.trusted and not peer.revoked
    assert peer.known_ops == 0 and peer.last_import_at is None
    assert peer.pending_ops > 0  # everything the hub has


def test_after_a_round_trip_a_peer_lacks_only_what_was_made_since(
    pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair  # the laptop joined with the hub's bundle: one out
    hub.receive(laptop.export(hub))
    [peer] = history.peer_status(hub.db)
    assert peer.pending_ops == 0 and peer.known_ops > 0
    assert peer.last_import_at is not None and peer.last_export_at is not None
    assert (peer.bundles_in, peer.bundles_out) == (1, 1)
    log_demands(hub.db, cast, "一条新诉求")
    [peer] = history.peer_status(hub.db)
    assert peer.pending_ops == 3  # the visit, the demand, its 提出 event
    hub.export(laptop)
    assert hub.last_export.ops == 3


def test_the_local_vector_matches_the_op_log(hub: Replica, cast: Cast) -> None:
    conn = hub.db.raw()
    try:
        expected = dict(conn.execute("SELECT site, MAX(seq) FROM sync_op GROUP BY site"))
        assert history.local_vector(conn) == expected and expected
    finally:
        conn.close()


def test_the_sender_of_a_bundle_is_read_with_its_fingerprint(
    hub: Replica, make_laptop: MakeLaptop
) -> None:
    stranger = make_laptop("陌生电脑")
    sender = history.bundle_sender(stranger.request())
    assert (sender.device_id, sender.name) == (stranger.device_id, "陌生电脑")
    assert sender.fingerprint == stranger.fingerprint


def test_reading_the_sender_of_a_broken_file_is_refused(tmp_path: object) -> None:
    from pathlib import Path

    junk = Path(str(tmp_path)) / "junk.lsb"
    junk.write_bytes(b"not a bundle at all")
    with pytest.raises(BundleRefused) as refused:
        history.bundle_sender(junk)
    assert refused.value.reason == "not_bundle"
