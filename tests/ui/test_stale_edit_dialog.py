"""The enterprise form saved over another window's save: untouched fields keep the other's
values; a field both changed shows both sides, and the person's choice is saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.services.context import Actor
from liaison.services.enterprises import get_enterprise, update_enterprise
from liaison.services.reference_lists import list_streets
from liaison.sync.log import database
from liaison.ui.context import AppContext
from liaison.ui.enterprises.edit_dialog import EnterpriseDialog
from tests.conftest import Cast


def _open(ctx: AppContext, qtbot: QtBot, enterprise_id: str) -> EnterpriseDialog:
    dialog = EnterpriseDialog(ctx, list_streets(ctx.db), get_enterprise(ctx.db, enterprise_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _other_window_saves(db: Database, cast: Cast, **changes: Any) -> None:
    other = database(db.path)
    try:
        shown = get_enterprise(other, cast.enterprise_id).as_input()
        update_enterprise(other, cast.admin, cast.enterprise_id, replace(shown, **changes))
    finally:
        other.dispose()


def test_a_save_keeps_the_other_windows_phone(
    make_ctx: Callable[[Actor], AppContext], cast: Cast, db: Database, qtbot: QtBot
) -> None:
    dialog = _open(make_ctx(cast.supervisor), qtbot, cast.enterprise_id)
    _other_window_saves(db, cast, phone="023-61234567")
    dialog.address.setText("江北区建新东路 1 号")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.stale_dialog is None
    now = get_enterprise(db, cast.enterprise_id)
    assert (now.phone, now.address) == ("023-61234567", "江北区建新东路 1 号")


@pytest.mark.parametrize("choice", ["mine", "theirs", "back"])
def test_a_clash_shows_both_sides_and_saves_the_choice(
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    db: Database,
    qtbot: QtBot,
    tmp_path: Path,
    choice: str,
) -> None:
    dialog = _open(make_ctx(cast.supervisor), qtbot, cast.enterprise_id)
    before = get_enterprise(db, cast.enterprise_id)
    _other_window_saves(db, cast, phone="023-61234567", scale="above_quota")
    dialog.phone.setText("13800000000")
    dialog.address.setText("新地址")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    stale = dialog.stale_dialog
    assert stale is not None and stale.isVisible() and dialog.isVisible()
    items = [stale.table.item(0, c) for c in range(4)]
    cells = [item.text() if item is not None else None for item in items]
    assert cells == ["联系电话", before.phone or "—", "13800000000", "023-61234567"]
    assert stale.table.rowCount() == 1  # the scale only they changed: no question
    stale.grab().save(str(tmp_path / "stale.png"))
    assert get_enterprise(db, cast.enterprise_id).address == before.address  # nothing yet

    button = {"mine": stale.mine_button, "theirs": stale.theirs_button}.get(choice)
    qtbot.mouseClick(button or stale.cancel_button, Qt.MouseButton.LeftButton)
    now = get_enterprise(db, cast.enterprise_id)
    if choice == "back":  # back to the form: nothing saved, the next save is measured anew
        assert dialog.isVisible() and now.address == before.address
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        now = get_enterprise(db, cast.enterprise_id)
        assert now.phone == "13800000000"
    else:
        assert not dialog.isVisible()
        assert now.phone == ("13800000000" if choice == "mine" else "023-61234567")
    assert (now.scale, now.address) == ("above_quota", "新地址")
