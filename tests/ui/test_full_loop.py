"""The issue's whole loop through the widgets, as the people would do it, checking the database
after each step: a cadre logs a visit with two demands → a supervisor routes them → a handler
accepts one and returns the other → it is re-routed, accepted, extended, resolved → the cadre
follows up 不满意 → reopened → resolved → 满意 → closed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.domain import workflow as wf
from liaison.services.worklist import worklist
from liaison.ui.demands import DemandsScreen
from liaison.ui.demands.action_dialogs import (
    ApproveExtensionDialog,
    ExtensionRequestDialog,
    FollowUpDialog,
    NoteDialog,
    ResolveDialog,
)
from liaison.ui.demands.route_dialog import RouteDialog
from liaison.ui.visits import drafts
from tests.conftest import Cast
from tests.ui.conftest import type_text
from tests.ui.demand_steps import (
    MakeCtx,
    act,
    choose,
    confirm,
    detail,
    open_demand,
    settle,
    show,
    shown_screens,
)
from tests.ui.visit_steps import CTRL, add_demand_row, open_visits_screen, pick_enterprise

K = wf.EventKind


@pytest.fixture(autouse=True)
def _drafts_and_quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(drafts, "drafts_dir", lambda: tmp_path / "drafts")
    yield
    while shown_screens:
        qtbot, screen = shown_screens.pop()
        settle(qtbot, screen.list_panel)


def _route(qtbot: QtBot, sup: DemandsScreen, demand_id: str, lead: str | None = None) -> None:
    open_demand(qtbot, sup, demand_id)
    dialog = act(qtbot, sup, K.ROUTE, RouteDialog)
    if lead is not None:
        dialog.lead.setCurrentIndex(dialog.lead.findText(lead))
    confirm(qtbot, dialog)


def test_issue_loop_visit_route_return_reroute_extend_reopen_close(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    # A cadre logs a visit with two demands.
    visits_screen = open_visits_screen(qtbot, make_ctx(cast.cadre))
    pick_enterprise(qtbot, visits_screen, "嘉陵", cast.enterprise_id)
    form = visits_screen.form
    form.summary.setFocus()
    type_text(form.summary, "企业扩产，资金和招工两方面有困难。")
    add_demand_row(qtbot, visits_screen, "rz", "申请设备购置贷款贴息")
    add_demand_row(qtbot, visits_screen, "yg", "技术工人招聘难")
    qtbot.keyClick(form.demand_rows[-1].title, Qt.Key.Key_Return, CTRL)
    new = {i.text: i.id for i in worklist(db, cast.supervisor).section("to_route").items}
    loan, hiring = new["申请设备购置贷款贴息"], new["技术工人招聘难"]
    assert detail(db, loan).snapshot.state is wf.State.NEW
    assert detail(db, hiring).snapshot.state is wf.State.NEW

    # The supervisor routes both; the loan goes to 人力社保局 by mistake.
    sup = show(qtbot, make_ctx, cast.supervisor)
    _route(qtbot, sup, hiring)
    _route(qtbot, sup, loan, lead="区人力社保局")
    assert detail(db, hiring).lead_department == "区人力社保局"
    assert detail(db, loan).lead_department == "区人力社保局"

    # The 人力社保局 handler accepts the hiring demand and returns the loan with a reason.
    hr = show(qtbot, make_ctx, cast.hr_handler)
    assert set(hr.list_panel.model.ids) == {loan, hiring}
    open_demand(qtbot, hr, hiring)
    confirm(qtbot, act(qtbot, hr, K.ACCEPT))
    assert detail(db, hiring).snapshot.state is wf.State.ACCEPTED
    open_demand(qtbot, hr, loan)
    returning = act(qtbot, hr, K.RETURN, NoteDialog)
    type_text(returning.text, "融资事项不属于本局职责，请改派区金融办")
    confirm(qtbot, returning)
    returned = detail(db, loan).snapshot
    assert returned.state is wf.State.NEW and returned.return_count == 1

    # Re-routed to 区金融办 (the category's proposal), accepted, extended.
    sup.refresh_now()
    _route(qtbot, sup, loan)
    assert detail(db, loan).lead_department == "区金融办"
    fin = show(qtbot, make_ctx, cast.finance_handler)
    open_demand(qtbot, fin, loan)
    confirm(qtbot, act(qtbot, fin, K.ACCEPT))
    deadline = detail(db, loan).snapshot.deadline
    assert deadline is not None
    promised = deadline + timedelta(days=10)
    extension = act(qtbot, fin, K.REQUEST_EXTENSION, ExtensionRequestDialog)
    type_text(extension.text, "需合作银行总行审批")
    extension.promised.setDate(QDate(promised.year, promised.month, promised.day))
    confirm(qtbot, extension)
    sup.refresh_now()
    open_demand(qtbot, sup, loan)
    confirm(qtbot, act(qtbot, sup, K.APPROVE_EXTENSION, ApproveExtensionDialog))
    assert detail(db, loan).snapshot.deadline == promised

    # Resolved; the cadre follows up 不满意 → reopened; resolved again; 满意; closed.
    fin.refresh_now()
    resolving = act(qtbot, fin, K.RESOLVE, ResolveDialog)
    type_text(resolving.text, "已对接银行，授信审批中")
    choose(resolving, qtbot, "部分解决")
    confirm(qtbot, resolving)
    assert detail(db, loan).snapshot.state is wf.State.RESOLVED
    cadre = show(qtbot, make_ctx, cast.cadre)
    open_demand(qtbot, cadre, loan)
    follow_up = act(qtbot, cadre, K.FOLLOW_UP, FollowUpDialog)
    choose(follow_up, qtbot, "不满意")
    type_text(follow_up.text, "贷款尚未到位")
    confirm(qtbot, follow_up)
    reopened = detail(db, loan).snapshot
    assert reopened.state is wf.State.ACCEPTED and reopened.reopen_count == 1
    fin.refresh_now()
    resolving = act(qtbot, fin, K.RESOLVE, ResolveDialog)
    type_text(resolving.text, "贷款 300 万元已放款")
    choose(resolving, qtbot, "已解决")
    confirm(qtbot, resolving)
    cadre.refresh_now()
    follow_up = act(qtbot, cadre, K.FOLLOW_UP, FollowUpDialog)
    choose(follow_up, qtbot, "满意")
    confirm(qtbot, follow_up)
    sup.refresh_now()  # still showing the loan since approving its extension
    confirm(qtbot, act(qtbot, sup, K.CLOSE))

    final = detail(db, loan)
    assert final.snapshot.state is wf.State.CLOSED
    assert final.snapshot.satisfaction is wf.Satisfaction.SATISFIED
    assert [e.kind for e in final.timeline] == [
        K.CREATE, K.ROUTE, K.RETURN, K.ROUTE, K.ACCEPT, K.REQUEST_EXTENSION,
        K.APPROVE_EXTENSION, K.RESOLVE, K.FOLLOW_UP, K.RESOLVE, K.FOLLOW_UP, K.CLOSE,
    ]  # fmt: skip
    assert detail(db, hiring).snapshot.state is wf.State.ACCEPTED
