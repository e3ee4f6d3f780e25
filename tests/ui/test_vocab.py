"""The core's vocabularies in the UI: every entry of every core table is listed in
liaison.ui.vocab, shows the core's own Chinese label, and has an English translation."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import roles, workflow
from liaison.domain import vocab as core_vocab
from liaison.domain.roles import ROLE_LABELS, Role
from liaison.services import enterprises
from liaison.services.context import Actor
from liaison.ui import vocab
from liaison.ui.context import AppContext
from tests.conftest import Cast

CJK = re.compile(r"[\u3400-\u9fff]")
CORE_MODULES: tuple[ModuleType, ...] = (core_vocab, roles, workflow)


def _is_vocabulary(value: object) -> bool:
    if isinstance(value, Mapping):
        texts = list(value.values())
    elif isinstance(value, tuple):
        texts = list(value)
    else:
        return False
    return bool(texts) and all(isinstance(t, str) and CJK.search(t) for t in texts)


def core_tables() -> dict[str, vocab.CoreTable]:
    """Every public module-level table of Chinese labels in the core's domain modules."""
    return {
        f"{module.__name__}.{name}": value
        for module in CORE_MODULES
        for name, value in vars(module).items()
        if not name.startswith("_") and _is_vocabulary(value)
    }


def _entries(table: vocab.CoreTable) -> list[tuple[object, str]]:
    if isinstance(table, Mapping):
        return list(table.items())
    assert isinstance(table, tuple)
    return [(t, t) for t in table]


def test_every_core_vocabulary_is_listed_for_the_ui() -> None:
    found = core_tables()
    assert len(found) >= 11, sorted(found)  # roles, states, events, outcomes, … tags
    registered = {id(t) for t, _ in vocab.TABLES}
    missing = [name for name, table in found.items() if id(table) not in registered]
    assert not missing, f"add these core tables to liaison.ui.vocab.TABLES: {missing}"


@pytest.mark.parametrize("name", sorted(core_tables()))
def test_the_ui_lists_every_code_of_the_table(name: str, qapp: QApplication) -> None:
    table = core_tables()[name]
    build = next(b for t, b in vocab.TABLES if t is table)
    assert set(build()) == {key for key, _ in _entries(table)}, (
        f"liaison.ui.vocab does not list exactly the codes of {name}"
    )


@pytest.mark.parametrize("name", sorted(core_tables()))
def test_in_chinese_the_ui_shows_the_core_label(name: str, qapp: QApplication) -> None:
    table = core_tables()[name]
    for key, chinese in _entries(table):
        assert vocab.label(table, key) == chinese
        assert vocab.tr_label(chinese, table) == chinese
    assert [text for _, text in vocab.choices(table)] == [c for _, c in _entries(table)]


@pytest.mark.parametrize("name", sorted(core_tables()))
def test_in_english_every_label_is_translated(name: str, english: None) -> None:
    table = core_tables()[name]
    untranslated = [
        chinese
        for key, chinese in _entries(table)
        if CJK.search(vocab.label(table, key))
        or vocab.tr_label(chinese, table) != vocab.label(table, key)
    ]
    assert not untranslated, (
        f"{name}: no English for {untranslated}; run scripts/update_translations.sh and "
        "translate the Vocab context in resources/i18n/liaison_en.ts"
    )


def test_a_label_two_tables_share_is_told_apart(english: None) -> None:
    assert vocab.label(ROLE_LABELS, Role.SUPERVISOR) == "Supervisor"
    assert vocab.label(workflow.EVENT_LABELS, workflow.EventKind.ESCALATE) == "Escalate"
    assert vocab.tr_label("督办") == "Escalate"
    assert vocab.tr_label("督办", ROLE_LABELS) == "Supervisor"
    assert vocab.tr_label("已交办") == "Routed"
    assert vocab.tr_label("观音桥街道") == "观音桥街道"  # reference data stays as it is
    assert vocab.label(core_vocab.SCALES, "unknown") == "unknown"


def test_english_screens_show_the_vocabulary_in_english(
    english: None,
    qtbot: QtBot,
    make_ctx: Callable[[Actor], AppContext],
    cast: Cast,
    db: Database,
) -> None:
    from liaison.ui.admin.accounts_tab import AccountsTab
    from liaison.ui.enterprises.detail import EnterpriseDetailPanel
    from liaison.ui.main_window import MainWindow
    from liaison.ui.visits.form import VisitForm

    detail = enterprises.get_enterprise(db, cast.enterprise_id)
    enterprises.update_enterprise(
        db,
        cast.admin,
        cast.enterprise_id,
        enterprises.EnterpriseInput(
            name=detail.name,
            uscc=detail.uscc,
            street_id=detail.street_id,
            industry="C",
            scale="above_designated",
            tags=("专精特新",),
        ),
    )
    panel = EnterpriseDetailPanel(make_ctx(cast.supervisor))
    qtbot.addWidget(panel)
    panel.show_enterprise(cast.enterprise_id)
    assert panel.fields["scale"].text() == "Above scale"
    assert panel.fields["industry"].text() == "C Manufacturing"
    assert "Specialised and innovative" in panel.tags.text()

    form = VisitForm(make_ctx(cast.cadre))
    qtbot.addWidget(form)
    assert [form.mode.itemText(i) for i in range(form.mode.count())] == [
        "On-site visit",
        "Phone call",
        "Video call",
        "Meeting",
    ]

    accounts = AccountsTab(make_ctx(cast.admin))
    qtbot.addWidget(accounts)
    accounts.refresh()
    roles_shown = {str(accounts.model.index(r, 2).data()) for r in range(accounts.model.rowCount())}
    assert {"Administrator", "Liaison cadre", "Supervisor", "Street officer"} <= roles_shown

    window = MainWindow(make_ctx(cast.supervisor))
    qtbot.addWidget(window)
    who = [w.text() for w in window.statusBar().findChildren(type(panel.name))]
    assert "Signed in: supervisor (Supervisor)" in who
