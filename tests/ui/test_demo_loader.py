"""First start: the admin just created keeps their password when the demo district loads."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from liaison.services import accounts
from liaison.services.enterprises import search_enterprises
from liaison.sync.log import database
from liaison.ui.demo_loader import load_small_demo


def test_demo_loads_after_the_first_admin(qtbot: QtBot, db_path: Path) -> None:
    db = database(db_path)
    accounts.create_district(db, "admin", "王芳", "my-own-password")
    assert load_small_demo(db) is True
    assert search_enterprises(db, "有限公司").total > 100
    actor = accounts.sign_in(db, "admin", "my-own-password")
    assert actor.display_name == "王芳"
    assert accounts.sign_in(db, "sup01", "liaison123").role == "supervisor"
    db.dispose()
