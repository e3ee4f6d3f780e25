"""The 同步 screen driven on a hub and a laptop: export, import by drop, refusals, conflicts."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.services import enterprises
from liaison.services.context import Actor
from liaison.sync.exchange import conflicts as sync_conflicts
from liaison.sync.log import database
from liaison.ui.context import AppContext, ChangeHub
from liaison.ui.style import apply_style
from liaison.ui.sync import SyncScreen
from liaison.ui.sync.preview import ImportPreviewDialog
from liaison.ui.sync.screen import bundle_file_name
from tests.conftest import Cast, log_demands
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import MakeLaptop, Replica, introduce

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester  # imported by pytest-qt once Qt is chosen

LAPTOP = "观音桥街道 laptop 3"


@pytest.fixture
def hub(db: Database, tmp_path: Path) -> Replica:
    """The hub replica of tests/sync/conftest.py (its fixtures are not visible from here)."""
    conn = db.raw()
    conn.execute("UPDATE device SET name = '区联络办' WHERE is_local = 1")
    conn.close()
    return sync_fixtures._replica(db, "hub", tmp_path / "outbox")


@pytest.fixture
def make_laptop(template_db: Path, tmp_path: Path) -> Iterator[MakeLaptop]:
    made: list[Database] = []

    def make(name: str) -> Replica:
        path = tmp_path / f"{name}.sqlite"
        sync_fixtures.new_installation(template_db, path, name)
        made.append(database(path))
        return sync_fixtures._replica(made[-1], name, tmp_path / "outbox")

    yield make
    for opened in made:
        opened.dispose()


@pytest.fixture
def pair(hub: Replica, make_laptop: MakeLaptop, cast: Cast) -> tuple[Replica, Replica]:
    laptop = make_laptop(LAPTOP)
    introduce(hub, laptop)
    return hub, laptop


def open_screen(qtbot: QtBot, qapp: QApplication, replica: Replica, actor: Actor) -> SyncScreen:
    apply_style(qapp)
    screen = SyncScreen(AppContext(replica.db, replica.as_(actor), ChangeHub()))
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.overview_did_load, timeout=10_000):
        screen.refresh_now()
    return screen


def reload(qtbot: QtBot, screen: SyncScreen) -> None:
    with qtbot.waitSignal(screen.overview_did_load, timeout=10_000):
        screen.refresh_now()


def drag_and_drop(screen: SyncScreen, path: Path) -> tuple[bool, bool]:
    """Drag a file over the screen and drop it, as the window system would deliver it (the
    events go straight to the widget: QApplication only routes drops that QDrag started).
    Returns whether the screen accepted the drag and the drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton)
    with warnings.catch_warnings():  # PySide marks the only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(args[0].toPoint(), *args[1:], Qt.KeyboardModifier.NoModifier)
    enter.setAccepted(False)
    screen.event(enter)
    event = QDropEvent(*args, Qt.KeyboardModifier.NoModifier)
    event.setAccepted(False)
    screen.event(event)
    return enter.isAccepted(), event.isAccepted()


def drop(screen: SyncScreen, path: Path) -> ImportPreviewDialog:
    assert drag_and_drop(screen, path) == (True, True)
    assert screen.preview is not None
    return screen.preview


def wait_checked(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.refusal is not None, timeout=10_000)


def count_rows(replica: Replica, table: str) -> int:
    conn = replica.db.raw()
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def edit_phone(replica: Replica, actor: Actor, enterprise_id: str, phone: str) -> None:
    d = enterprises.get_enterprise(replica.db, enterprise_id)
    data = d.as_input()
    enterprises.update_enterprise(replica.db, actor, enterprise_id, replace(data, phone=phone))


def test_export_on_the_hub_then_drop_on_the_laptop_brings_the_records(
    qtbot: QtBot,
    qapp: QApplication,
    qtmodeltester: ModelTester,
    pair: tuple[Replica, Replica],
    cast: Cast,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub, laptop = pair
    log_demands(hub.db, cast, "贷款贴息申请", "用工招聘")
    screen = open_screen(qtbot, qapp, hub, cast.admin)
    assert screen.device_name.text() == "区联络办"
    assert screen.fingerprint.text() == hub.fingerprint
    assert screen.fingerprint.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse

    target = tmp_path / "usb" / "for-laptop.lsb"
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    assert screen.peer_combo.currentData() == laptop.device_id  # the one peer, by default
    assert "还没有收到过对方的同步包" in screen.pending_label.text()
    with qtbot.waitSignal(screen.bundle_did_export, timeout=10_000):
        qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert Path(asked[0]).name.startswith("liaison-区联络办-") and asked[0].endswith(".lsb")
    assert "已导出" in screen.result_label.text()
    # introduce() made one full export already; the new one comes first
    qtbot.waitUntil(lambda: screen.history.model.rowCount() == 2, timeout=10_000)
    qtmodeltester.check(screen.history.model)
    newest = screen.history.model.row_at(0)
    assert newest is not None and newest.peer_name == LAPTOP

    on_laptop = open_screen(qtbot, qapp, laptop, cast.admin)
    before = count_rows(laptop, "demand")
    dialog = drop(on_laptop, target)
    wait_checked(qtbot, dialog)
    assert "来自 区联络办" in dialog.summary_label.text()
    assert "2 条诉求" in dialog.summary_label.text()
    qtmodeltester.check(dialog.model)
    counts = {r.kind: r.count for r in dialog.model.rows}
    assert counts["demand"] == 2 and counts["visit"] == 1
    assert count_rows(laptop, "demand") == before  # the preview wrote nothing
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.bundle_did_import, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert count_rows(laptop, "demand") == before + 2
    assert "已导入" in dialog.result_label.text()
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: on_laptop.history.model.rowCount() == 2, timeout=10_000)
    row = on_laptop.history.model.rows[0]
    assert (row.direction, row.peer_name, row.counts["demand"]) == ("in", "区联络办", 2)
    assert laptop.digest() == hub.digest()


def test_a_dropped_file_that_is_not_a_bundle_is_refused_and_writes_nothing(
    qtbot: QtBot, qapp: QApplication, pair: tuple[Replica, Replica], cast: Cast, tmp_path: Path
) -> None:
    _hub, laptop = pair
    screen = open_screen(qtbot, qapp, laptop, cast.admin)
    junk = tmp_path / "photo.lsb"
    junk.write_bytes(b"\x89PNG not a bundle")
    before = laptop.digest(), count_rows(laptop, "sync_bundle")
    dialog = drop(screen, junk)
    wait_checked(qtbot, dialog)
    assert dialog.refusal is not None and dialog.refusal.reason == "not_bundle"
    assert dialog.error_label.text() == str(dialog.refusal)
    assert "\n" not in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()
    assert (laptop.digest(), count_rows(laptop, "sync_bundle")) == before


def test_only_bundle_files_are_accepted_for_dropping(
    qtbot: QtBot, qapp: QApplication, pair: tuple[Replica, Replica], cast: Cast, tmp_path: Path
) -> None:
    _hub, laptop = pair
    screen = open_screen(qtbot, qapp, laptop, cast.admin)
    assert drag_and_drop(screen, tmp_path / "roster.xlsx") == (False, False)
    assert screen.preview is None


def test_a_bundle_from_an_unknown_device_shows_its_fingerprint_and_can_be_trusted(
    qtbot: QtBot,
    qapp: QApplication,
    qtmodeltester: ModelTester,
    pair: tuple[Replica, Replica],
    make_laptop: MakeLaptop,
    cast: Cast,
) -> None:
    hub, _laptop = pair
    stranger = make_laptop("江北城街道 laptop 7")
    bundle = stranger.request()
    screen = open_screen(qtbot, qapp, hub, cast.admin)
    before = hub.digest()
    dialog = drop(screen, bundle)
    wait_checked(qtbot, dialog)
    assert dialog.refusal is not None and dialog.refusal.reason == "unknown_sender"
    assert stranger.fingerprint in dialog.advice_label.text()
    assert "江北城街道 laptop 7" in dialog.error_label.text()
    assert "liaison device" not in dialog.error_label.text()  # the CLI advice is not for here
    assert not dialog.trust_button.isHidden()
    assert hub.digest() == before
    supervisor = open_screen(qtbot, qapp, hub, cast.supervisor)  # enrolling is not theirs
    theirs = drop(supervisor, bundle)
    wait_checked(qtbot, theirs)
    assert theirs.refusal is not None and theirs.trust_button.isHidden()

    # the administrator types the fingerprint the other side reads out, then imports the file
    dialog.trust_button.click()
    enrol = screen.devices.enrol_dialog
    assert enrol is not None and enrol.bundle == bundle
    enrol.fingerprint.setText(stranger.fingerprint.lower().replace("-", ""))
    enrol.save()  # a field device needs its accounts
    assert "勾选" in enrol.error.text() and enrol.enrolled is None
    enrol.account_filter.setText("CADRE")  # a district has thousands: filter, then tick
    shown = [enrol.accounts.item(i) for i in range(enrol.accounts.count())]
    assert {i.text() for i in shown if not i.isHidden()} == {
        "cadre（cadre）· 联络干部",
        "cadre2（cadre2）· 联络干部",
    }
    enrol.check_accounts({cast.cadre.account_id})
    with qtbot.waitSignal(screen.overview_did_load, timeout=10_000):
        enrol.save()
    assert enrol.enrolled is not None and enrol.enrolled.status == "外勤设备"
    again = screen.preview
    assert again is not None and again is not dialog and again.path == bundle
    wait_checked(qtbot, again)
    assert again.refusal is None and again.import_button.isEnabled()
    qtmodeltester.check(screen.devices.model)
    statuses = {r.info.name: screen.devices.status_text(r) for r in screen.devices.model.rows}
    assert statuses["江北城街道 laptop 7"] == "外勤设备（1 个账号）"
    assert statuses["区联络办"] == "本机"


def test_a_conflict_is_shown_side_by_side_and_kept_by_a_supervisor(
    qtbot: QtBot,
    qapp: QApplication,
    qtmodeltester: ModelTester,
    pair: tuple[Replica, Replica],
    cast: Cast,
) -> None:
    hub, laptop = pair
    laptop.receive(hub.export(laptop))
    eid = cast.enterprise_id
    edit_phone(hub, cast.admin, eid, "023-11111111")
    edit_phone(laptop, laptop.as_(cast.admin), eid, "023-22222222")
    hub.receive(laptop.export(hub))

    screen = open_screen(qtbot, qapp, hub, cast.supervisor)
    assert screen.tabs.tabText(0) == "冲突（1）"
    tab = screen.conflicts
    qtmodeltester.check(tab.model)
    [conflict] = tab.model.rows
    assert conflict.record == "重庆江北嘉陵机械有限公司"
    texts = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert texts[:3] == ["企业", "重庆江北嘉陵机械有限公司", "电话"]
    assert "023-" in texts[3] and "023-" in texts[4] and texts[3] != texts[4]
    assert LAPTOP in texts[3] + texts[4] and "区联络办" in texts[3] + texts[4]
    assert len(tab.keep_buttons) == 2

    loser = next(i for i, v in enumerate(conflict.versions) if not v.winner)
    kept = conflict.versions[loser].value
    with qtbot.waitSignal(screen.overview_did_load, timeout=10_000):
        tab.keep_buttons[loser].click()
    assert sync_conflicts.list_conflicts(hub.db) == []
    assert tab.model.rowCount() == 0 and screen.tabs.tabText(0) == "冲突"
    assert enterprises.get_enterprise(hub.db, eid).phone == kept


def test_each_role_sees_what_it_needs(
    qtbot: QtBot, qapp: QApplication, pair: tuple[Replica, Replica], cast: Cast
) -> None:
    """Administrators compare keys and enrol devices; supervisors also settle conflicts;
    everyone else sends, receives and sees when they last did, the fingerprint one click away."""
    hub, laptop = pair
    laptop.receive(hub.export(laptop))
    eid = cast.enterprise_id
    edit_phone(hub, cast.admin, eid, "023-11111111")
    edit_phone(laptop, laptop.as_(cast.admin), eid, "023-22222222")
    hub.receive(laptop.export(hub))

    def tabs(screen: SyncScreen) -> list[str]:
        return [screen.tabs.tabText(i) for i in range(screen.tabs.count())]

    admin = open_screen(qtbot, qapp, hub, cast.admin)
    admin.show()
    assert tabs(admin) == ["冲突（1）", "设备", "同步记录"]
    assert admin.fingerprint.isVisible() and not admin.show_fingerprint.isVisible()

    supervisor = open_screen(qtbot, qapp, hub, cast.supervisor)
    supervisor.show()
    assert tabs(supervisor) == ["冲突（1）", "同步记录"]
    assert supervisor.conflicts.model.rowCount() == 1
    assert supervisor.conflicts.keep_buttons  # a supervisor decides

    cadre = open_screen(qtbot, qapp, hub, cast.cadre)
    cadre.show()
    assert tabs(cadre) == ["同步记录"]
    assert not cadre.fingerprint.isVisible()
    assert cadre.last_sync.text().startswith("上次同步：")
    assert f"导入了 {LAPTOP} 的同步包" in cadre.last_sync.text()
    qtbot.mouseClick(cadre.show_fingerprint, Qt.MouseButton.LeftButton)
    assert cadre.fingerprint.isVisible() and cadre.fingerprint.text().count("-") == 9


def test_a_device_that_never_synced_says_so(
    qtbot: QtBot, qapp: QApplication, make_laptop: MakeLaptop, cast: Cast
) -> None:
    lone = make_laptop("未同步的电脑")
    screen = open_screen(qtbot, qapp, lone, cast.cadre)
    assert screen.last_sync.text() == "上次同步：还没有与其他设备交换过同步包"


def test_revoking_a_device_marks_it_and_removes_it_from_export_targets(
    qtbot: QtBot,
    qapp: QApplication,
    pair: tuple[Replica, Replica],
    cast: Cast,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub, laptop = pair
    screen = open_screen(qtbot, qapp, hub, cast.admin)
    assert screen.peer_combo.findData(laptop.device_id) >= 0
    row = next(i for i, r in enumerate(screen.devices.model.rows) if r.info.id == laptop.device_id)
    screen.devices.view.selectRow(row)
    monkeypatch.setattr(screen.devices, "ask", lambda _q: True)
    with qtbot.waitSignal(screen.overview_did_load, timeout=10_000):
        screen.devices.revoke_button.click()
    statuses = {r.info.id: screen.devices.status_text(r) for r in screen.devices.model.rows}
    assert statuses[laptop.device_id] == "已吊销"
    assert screen.peer_combo.findData(laptop.device_id) == -1


def test_the_default_file_name_names_the_device_and_the_minute() -> None:
    from datetime import datetime

    name = bundle_file_name("观音桥街道 laptop/3", datetime(2026, 11, 20, 9, 5))
    assert name == "liaison-观音桥街道-laptop-3-20261120-0905.lsb"


def test_refresh_runs_again_after_an_import_elsewhere_is_announced(
    qtbot: QtBot, qapp: QApplication, pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    screen = open_screen(qtbot, qapp, laptop, cast.admin)
    screen.show()
    qtbot.waitExposed(screen)
    laptop.receive(hub.export(laptop))
    with qtbot.waitSignal(screen.overview_did_load, timeout=10_000):
        screen.ctx.hub.announce("sync")
    assert [b.direction for b in screen.history.model.rows] == ["in", "in"]  # and the join


def test_a_full_bundle_is_still_for_one_device_and_the_choice_is_kept(
    qtbot: QtBot, qapp: QApplication, pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    screen = open_screen(qtbot, qapp, hub, cast.admin)
    assert screen.full_check.isVisibleTo(screen)
    screen.full_check.setChecked(True)
    text = screen.pending_label.text()
    assert "全部数据" in text and "加密发给“观音桥街道 laptop 3”，只有它能打开" in text
    reload(qtbot, screen)
    assert screen.full_check.isChecked()
    assert screen.peer_combo.currentData() == laptop.device_id


def test_only_administrators_see_the_full_bundle_choice(
    qtbot: QtBot, qapp: QApplication, pair: tuple[Replica, Replica], cast: Cast
) -> None:
    _hub, laptop = pair
    screen = open_screen(qtbot, qapp, laptop, cast.cadre)
    assert not screen.full_check.isVisibleTo(screen)
    assert "只有它能打开" in screen.pending_label.text()


def test_with_no_device_enrolled_there_is_nothing_to_export_to(
    qtbot: QtBot, qapp: QApplication, make_laptop: MakeLaptop, cast: Cast
) -> None:
    lone = make_laptop("未同步的电脑")
    screen = open_screen(qtbot, qapp, lone, cast.cadre)
    assert screen.peer_combo.count() == 0 and not screen.export_button.isEnabled()
    assert "还没有登记可发送的设备" in screen.pending_label.text()


def test_a_company_registered_twice_shows_advice_instead_of_versions(
    qtbot: QtBot, qapp: QApplication, pair: tuple[Replica, Replica], cast: Cast
) -> None:
    hub, laptop = pair
    laptop.receive(hub.export(laptop))
    data = enterprises.EnterpriseInput(
        name="重庆江北新企业有限公司", uscc="91500000MA5U7R0R8A", street_id=cast.street_id
    )
    enterprises.register_enterprise(hub.db, cast.admin, data)
    enterprises.register_enterprise(laptop.db, laptop.as_(cast.admin), data)
    hub.receive(laptop.export(hub))
    screen = open_screen(qtbot, qapp, hub, cast.supervisor)
    tab = screen.conflicts
    assert tab.model.rowCount() == 2
    assert {tab.model.index(r, 2).data() for r in range(2)} == {"重复登记"}
    assert tab.keep_buttons == []
    advice = [w.text() for w in tab.detail.findChildren(QLabel)]
    assert any("删除其中一家" in t for t in advice)


def test_a_bundle_opened_from_the_file_manager_shows_its_preview_on_the_sync_screen(
    qtbot: QtBot,
    qapp: QApplication,
    pair: tuple[Replica, Replica],
    cast: Cast,
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    from liaison.ui.app import PendingBundles
    from liaison.ui.main_window import MainWindow

    hub, laptop = pair
    log_demands(hub.db, cast, "贷款贴息申请")
    bundle = hub.export(laptop)
    # named on the command line, and handed over by a second start, before anyone signed in:
    # both wait for the main window
    pending = PendingBundles(bundle)
    pending.open(bundle)
    before = laptop.digest()
    window = MainWindow(AppContext(laptop.db, laptop.as_(cast.admin), ChangeHub()))
    qtbot.addWidget(window)
    window.show()
    opened: list[Path] = []
    monkeypatch.setattr(
        window,
        "open_bundle",
        lambda path: (opened.append(path), MainWindow.open_bundle(window, path)),
    )
    pending.attach(window)
    assert opened == [bundle, bundle]
    screen = window.screen_named("sync")
    assert window.stack.currentWidget() is screen
    assert isinstance(screen, SyncScreen) and screen.preview is not None
    dialog = screen.preview
    wait_checked(qtbot, dialog)
    assert dialog.path == bundle and "来自 区联络办" in dialog.summary_label.text()
    assert laptop.digest() == before  # a preview, nothing imported yet
    assert pending.waiting == []
    # one handed over later by a second start opens at once
    dialog.reject()
    pending.open(bundle)
    assert screen.preview is not dialog and screen.preview.path == bundle
