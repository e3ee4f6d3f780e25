"""The 诉求 screen driven as people use it, on a real database: the closed loop through the
dialogs, role-bound actions, refusals that keep what was typed, filters and deadline colours."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from liaison.data.db import Database
from liaison.data.models import Demand, DemandEvent
from liaison.domain import clock
from liaison.domain import workflow as wf
from liaison.domain.workdays import WorkCalendar
from liaison.services import demands
from liaison.services.demand_log import rederive
from liaison.ui.demands import DemandsScreen
from liaison.ui.demands.action_dialogs import (
    ApproveExtensionDialog,
    ExtensionRequestDialog,
    FollowUpDialog,
    MergeDialog,
    NoteDialog,
    ResolveDialog,
)
from liaison.ui.demands.detail import DUE_SOON_COLOR, OVERDUE_COLOR
from liaison.ui.demands.route_dialog import RouteDialog
from tests.conftest import Cast, log_demands
from tests.services.demand_builders import at
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
    tick,
)

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester  # imported by pytest-qt once Qt is chosen

K = wf.EventKind
BASIS = "江北委发〔2023〕11号 第13条“缓解融资难题”"


# --- helpers -------------------------------------------------------------------------------


def raise_demand(db: Database, cast: Cast, title: str = "申请流动资金贷款贴息") -> str:
    return log_demands(db, cast, title)[0]


def route(db: Database, cast: Cast, demand_id: str, deadline: date | None = None) -> None:
    demands.route_demand(
        db, cast.supervisor, demand_id, lead_department_id=cast.finance_dept, deadline=deadline
    )


@pytest.fixture(autouse=True)
def _quiet_at_the_end() -> Iterator[None]:
    """Let every list's background query finish before the database goes away."""
    yield
    while shown_screens:
        qtbot, screen = shown_screens.pop()
        settle(qtbot, screen.list_panel)


def texts(widget: QWidget) -> str:
    return "\n".join(lbl.text() for lbl in widget.findChildren(QLabel))


def button_labels(screen: DemandsScreen) -> list[str]:
    return [b.text() for b in screen.detail.action_buttons.values()]


# --- the closed loop -----------------------------------------------------------------------


def test_closed_loop_through_the_dialogs(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx, qtmodeltester: ModelTester
) -> None:
    d = raise_demand(db, cast)

    # 交办: the supervisor sees the rule's proposal and confirms it with one co-unit.
    sup = show(qtbot, make_ctx, cast.supervisor)
    open_demand(qtbot, sup, d)
    assert button_labels(sup)[0] == "交办"
    dialog = act(qtbot, sup, K.ROUTE)
    assert isinstance(dialog, RouteDialog)
    assert dialog.lead.currentText() == "区金融办"
    assert BASIS in texts(dialog)
    assert {"区发展改革委", "区财政局", "区经济信息委"} <= set(dialog.co_checks_names())
    tick(qtbot, dialog.co_checks_by_name("区财政局"))
    confirm(qtbot, dialog)
    assert not dialog.isVisible()
    after = detail(db, d)
    assert after.snapshot.state is wf.State.ASSIGNED
    assert after.lead_department == "区金融办" and after.co_departments == ("区财政局",)
    assert sup.detail.badge_texts()[0] == "已交办"

    # 签收 by the finance handler, whose list opens on their unit's open items.
    fin = show(qtbot, make_ctx, cast.finance_handler)
    assert fin.list_panel.model.ids == [d]
    open_demand(qtbot, fin, d)
    assert set(fin.detail.action_buttons) == {K.ACCEPT, K.RETURN, K.PROGRESS}
    confirm(qtbot, act(qtbot, fin, K.ACCEPT))
    assert detail(db, d).snapshot.state is wf.State.ACCEPTED

    # 延期: reason and promised date; then the supervisor approves.
    deadline = detail(db, d).snapshot.deadline
    assert deadline is not None
    promised = deadline + timedelta(days=7)
    dialog = act(qtbot, fin, K.REQUEST_EXTENSION, ExtensionRequestDialog)
    type_text(dialog.text, "需银行总行审批授信额度")
    dialog.promised.setDate(QDate(promised.year, promised.month, promised.day))
    confirm(qtbot, dialog)
    assert detail(db, d).snapshot.pending_extension == promised
    sup.refresh_now()
    assert "延期待批" in sup.detail.badge_texts()
    dialog = act(qtbot, sup, K.APPROVE_EXTENSION, ApproveExtensionDialog)
    assert "需银行总行审批授信额度" in texts(dialog)
    confirm(qtbot, dialog)
    snap = detail(db, d).snapshot
    assert snap.deadline == promised and snap.pending_extension is None

    # 办结 with the answer, the outcome and the measure as policy basis.
    fin.refresh_now()
    dialog = act(qtbot, fin, K.RESOLVE, ResolveDialog)
    assert isinstance(dialog, ResolveDialog) and dialog.basis.text() == BASIS
    type_text(dialog.text, "已协调合作银行授信500万元")
    choose(dialog, qtbot, "部分解决")
    confirm(qtbot, dialog)
    resolved = detail(db, d)
    assert resolved.snapshot.state is wf.State.RESOLVED
    assert resolved.snapshot.outcome is wf.Outcome.PARTLY
    assert resolved.timeline[-1].data["policy_basis"] == BASIS

    # 回访 不满意: the dialog says it will be reopened (重办), and it is.
    cadre = show(qtbot, make_ctx, cast.cadre)
    open_demand(qtbot, cadre, d)
    dialog = act(qtbot, cadre, K.FOLLOW_UP, FollowUpDialog)
    assert isinstance(dialog, FollowUpDialog)
    assert not dialog.reopen_note.isVisible()
    choose(dialog, qtbot, "不满意")
    assert dialog.reopen_note.isVisible() and "重办" in dialog.reopen_note.text()
    type_text(dialog.text, "贷款额度不足，企业不满意")
    confirm(qtbot, dialog)
    reopened = detail(db, d).snapshot
    assert reopened.state is wf.State.ACCEPTED and reopened.reopen_count == 1

    # resolved again, 满意, and the supervisor closes it.
    fin.refresh_now()
    dialog = act(qtbot, fin, K.RESOLVE, ResolveDialog)
    type_text(dialog.text, "追加授信300万元，已放款")
    dialog.basis.setText("江北委发〔2023〕11号 第13条")
    choose(dialog, qtbot, "已解决")
    confirm(qtbot, dialog)
    assert detail(db, d).snapshot.state is wf.State.RESOLVED
    cadre.refresh_now()
    dialog = act(qtbot, cadre, K.FOLLOW_UP, FollowUpDialog)
    choose(dialog, qtbot, "满意")
    confirm(qtbot, dialog)
    assert detail(db, d).snapshot.state is wf.State.FOLLOWED_UP
    sup.refresh_now()
    closing = act(qtbot, sup, K.CLOSE)
    # the supervisor signs off seeing the department's answer and its basis in full
    shown = [w.text() for w in closing.findChildren(QLabel)]
    assert "追加授信300万元，已放款" in shown and "江北委发〔2023〕11号 第13条" in shown
    assert "贷款额度不足，企业不满意" not in shown  # that was the 回访 of the earlier 办结
    confirm(qtbot, closing)
    closed = detail(db, d)
    assert closed.snapshot.state is wf.State.CLOSED
    assert [e.kind for e in closed.timeline] == [
        K.CREATE, K.ROUTE, K.ACCEPT, K.REQUEST_EXTENSION, K.APPROVE_EXTENSION, K.RESOLVE,
        K.FOLLOW_UP, K.RESOLVE, K.FOLLOW_UP, K.CLOSE,
    ]  # fmt: skip

    # the detail follows: no more actions, the whole timeline with what each step said.
    assert sup.detail.action_buttons == {} and sup.detail.no_actions.isVisible()
    assert sup.detail.no_actions.text() == "此诉求已销号，无需再办理。"  # not 已已销号
    timeline = sup.detail.timeline_model
    assert timeline.rowCount() == 10
    assert "（区联络办）" in timeline.index(1, 1).data()  # who routed it, not where it went
    assert (
        timeline.index(2, 1).data().startswith("签收\n")
        and "（区金融办）" in timeline.index(2, 1).data()
    )
    notes = [timeline.index(r, 2).data() for r in range(timeline.rowCount())]
    assert "结果：部分解决" in notes[5] and BASIS in notes[5]
    assert "满意度：不满意" in notes[6] and "重办" in notes[6]
    qtmodeltester.check(timeline)
    qtmodeltester.check(sup.list_panel.model)


# --- who may do what -----------------------------------------------------------------------


def test_handler_of_another_department_sees_no_action_buttons(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    d = raise_demand(db, cast)
    route(db, cast, d)
    hr = show(qtbot, make_ctx, cast.hr_handler)
    assert hr.list_panel.model.ids == []  # not in the unit's queue
    assert "本单位暂无待办诉求" in hr.list_panel.empty.text()
    hr.open_record(d)
    assert hr.detail.action_buttons == {}
    assert hr.detail.no_actions.isVisible() and "不需要您办理" in hr.detail.no_actions.text()
    assert not hr.findChildren(QPushButton, "primary")


def test_cadre_cannot_route_but_may_withdraw(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    d = raise_demand(db, cast)
    cadre = show(qtbot, make_ctx, cast.cadre)
    open_demand(qtbot, cadre, d)
    assert set(cadre.detail.action_buttons) == {K.WITHDRAW}
    dialog = act(qtbot, cadre, K.WITHDRAW, NoteDialog)
    confirm(qtbot, dialog)
    assert dialog.isVisible() and "说明" in dialog.error_text()
    type_text(dialog.text, "企业已自行解决")
    confirm(qtbot, dialog)
    assert detail(db, d).snapshot.state is wf.State.WITHDRAWN


# --- refusals keep the dialog and what was typed -------------------------------------------


def test_return_without_reason_shows_the_error_and_keeps_the_dialog(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    d = raise_demand(db, cast)
    route(db, cast, d)
    fin = show(qtbot, make_ctx, cast.finance_handler)
    open_demand(qtbot, fin, d)
    dialog = act(qtbot, fin, K.RETURN, NoteDialog)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.field_errors["text"].text() == "“退回”需要填写说明"
    assert dialog.field_errors["text"].isVisible()
    assert detail(db, d).snapshot.state is wf.State.ASSIGNED
    type_text(dialog.text, "涉及用工招聘，建议交区人力社保局")
    confirm(qtbot, dialog)
    assert not dialog.isVisible()
    back = detail(db, d)
    assert back.snapshot.state is wf.State.NEW and back.snapshot.return_count == 1
    assert back.timeline[-1].text == "涉及用工招聘，建议交区人力社保局"


def test_resolve_without_outcome_keeps_the_answer_typed(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    d = raise_demand(db, cast)
    route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    fin = show(qtbot, make_ctx, cast.finance_handler)
    open_demand(qtbot, fin, d)
    dialog = act(qtbot, fin, K.RESOLVE, ResolveDialog)
    type_text(dialog.text, "已协调银行授信")
    confirm(qtbot, dialog)
    assert dialog.isVisible() and dialog.field_errors["outcome"].text() == "请选择办理结果"
    assert dialog.text.toPlainText() == "已协调银行授信"
    dialog.basis.clear()
    choose(dialog, qtbot, "已解决")
    confirm(qtbot, dialog)
    assert dialog.isVisible() and "政策依据" in dialog.field_errors["policy_basis"].text()
    assert detail(db, d).snapshot.state is wf.State.ACCEPTED
    type_text(dialog.basis, BASIS)
    confirm(qtbot, dialog)
    assert detail(db, d).snapshot.state is wf.State.RESOLVED


def test_late_extension_request_is_refused_in_the_dialog(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    d = raise_demand(db, cast)
    route(db, cast, d, deadline=clock.today())
    demands.accept_demand(db, cast.finance_handler, d)
    fin = show(qtbot, make_ctx, cast.finance_handler)
    open_demand(qtbot, fin, d)
    button = fin.detail.action_buttons[K.REQUEST_EXTENSION]
    assert not button.isEnabled() and "至少 1 个工作日" in button.toolTip()
    # a dialog opened before the window closed (the day turned meanwhile) still refuses
    fin.detail.open_action(K.REQUEST_EXTENSION)
    dialog = fin.detail.active_dialog
    assert isinstance(dialog, ExtensionRequestDialog) and dialog.isVisible()
    type_text(dialog.text, "材料不全")
    confirm(qtbot, dialog)
    assert dialog.isVisible() and "至少 1 个工作日" in dialog.error_text()
    assert dialog.text.toPlainText() == "材料不全"
    assert detail(db, d).snapshot.pending_extension is None


# --- routing details, merge, escalation, the enterprise link --------------------------------


def test_route_dialog_lead_cannot_be_co_unit_and_deadline_can_be_earlier(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    d = raise_demand(db, cast)
    sup = show(qtbot, make_ctx, cast.supervisor)
    open_demand(qtbot, sup, d)
    dialog = act(qtbot, sup, K.ROUTE)
    assert isinstance(dialog, RouteDialog)
    dialog.lead.setCurrentIndex(dialog.lead.findText("区财政局"))
    box = dialog.co_checks_by_name("区财政局")
    assert not box.isEnabled() and not box.isChecked()
    dialog.lead.setCurrentIndex(dialog.lead.findText("区金融办"))
    earlier = WorkCalendar().add_working_days(clock.today(), 5)
    tick(qtbot, dialog.custom_deadline)
    dialog.deadline.setDate(QDate(earlier.year, earlier.month, earlier.day))
    confirm(qtbot, dialog)
    assert detail(db, d).snapshot.deadline == earlier


def test_merge_offers_other_open_demands_of_the_enterprise(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    first = raise_demand(db, cast, "贷款贴息")
    dup = raise_demand(db, cast, "贷款贴息（重复登记）")
    sup = show(qtbot, make_ctx, cast.supervisor)
    open_demand(qtbot, sup, dup)
    dialog = act(qtbot, sup, K.MERGE, MergeDialog)
    assert isinstance(dialog, MergeDialog)
    assert dialog.target.count() == 1 and dialog.target.currentData() == first
    confirm(qtbot, dialog)
    merged = detail(db, dup).snapshot
    assert merged.state is wf.State.MERGED and merged.merged_into_id == first


def test_escalation_asks_for_a_text_and_raises_the_level(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    d = raise_demand(db, cast)
    route(db, cast, d)
    sup = show(qtbot, make_ctx, cast.supervisor)
    open_demand(qtbot, sup, d)
    dialog = act(qtbot, sup, K.ESCALATE, NoteDialog)
    assert "第 1 次督办" in texts(dialog)
    type_text(dialog.text, "请三个工作日内办结")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert detail(db, d).snapshot.escalation_level == 1
    assert "督办 1 次" in sup.detail.badge_texts()


def test_enterprise_name_opens_the_enterprise(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx
) -> None:
    opened: list[str] = []

    class Nav:
        def open_enterprise(self, enterprise_id: str) -> None:
            opened.append(enterprise_id)

    d = raise_demand(db, cast)
    sup = show(qtbot, make_ctx, cast.supervisor)
    sup.ctx.nav = Nav()  # type: ignore[assignment]
    open_demand(qtbot, sup, d)
    assert sup.detail.enterprise.text() == "重庆江北嘉陵机械有限公司"
    qtbot.mouseClick(sup.detail.enterprise, Qt.MouseButton.LeftButton)
    assert opened == [cast.enterprise_id]


# --- filters and deadline colours ------------------------------------------------------------


@pytest.fixture
def three_demands(db: Database, cast: Cast) -> dict[str, str]:
    """An overdue one (routed 40 days ago), one due tomorrow-ish, one not yet routed."""
    past = clock.now() - timedelta(days=40)
    with at(past):
        late = raise_demand(db, cast, "超期的贴息诉求")
        route(db, cast, late)
    soon = raise_demand(db, cast, "临近时限的担保诉求")
    route(db, cast, soon, deadline=WorkCalendar().add_working_days(clock.today(), 1))
    new = raise_demand(db, cast, "未交办的用工诉求")
    return {"late": late, "soon": soon, "new": new}


def test_filters_and_overdue_colouring(
    qtbot: QtBot,
    db: Database,
    cast: Cast,
    make_ctx: MakeCtx,
    three_demands: dict[str, str],
    qtmodeltester: ModelTester,
) -> None:
    sup = show(qtbot, make_ctx, cast.supervisor)
    panel = sup.list_panel
    model = panel.model
    assert model.ids == [three_demands["new"], three_demands["late"], three_demands["soon"]]
    qtmodeltester.check(model)

    def colour(row: int) -> str | None:
        brush = model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole)
        return brush.color().name() if brush is not None else None

    assert colour(1) == OVERDUE_COLOR and model.index(1, 4).data().startswith(
        "签收超期"
    )  # routed, not accepted in time
    assert colour(2) == DUE_SOON_COLOR and model.index(2, 4).data() == "剩 1"
    assert colour(0) is None

    tick(qtbot, panel.overdue)
    assert settle(qtbot, panel) == [three_demands["late"]]
    tick(qtbot, panel.overdue)

    panel.department.setCurrentIndex(panel.department.findText("区人力社保局"))
    assert settle(qtbot, panel) == [] and panel.table_stack.currentWidget() is panel.empty
    assert "没有符合筛选条件" in panel.empty.text()
    panel.department.setCurrentIndex(panel.department.findText("区金融办"))
    assert set(settle(qtbot, panel)) == {three_demands["late"], three_demands["soon"]}

    panel.state.setCurrentIndex(panel.state.findText("待交办"))
    assert settle(qtbot, panel) == []
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert len(settle(qtbot, panel)) == 3
    assert panel.count.text() == "共 3 条"

    type_text(panel.search, "担保")
    qtbot.waitUntil(lambda: model.ids == [three_demands["soon"]], timeout=3000)
    panel.search.clear()
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert len(settle(qtbot, panel)) == 3

    panel.street.setCurrentIndex(panel.street.findText("观音桥街道"))
    assert len(settle(qtbot, panel)) == 3
    panel.street.setCurrentIndex(panel.street.findText("寸滩街道"))
    assert settle(qtbot, panel) == []
    panel.street.setCurrentIndex(0)
    panel.category.setCurrentIndex(panel.category.findText("用工/人才"))
    assert settle(qtbot, panel) == []
    panel.category.setCurrentIndex(panel.category.findText("融资"))
    assert len(settle(qtbot, panel)) == 3

    tick(qtbot, panel.mine)  # 待我处理: routing the new one
    assert settle(qtbot, panel) == [three_demands["new"]]


def test_selection_survives_a_refresh_and_detail_shows_the_overdue_deadline(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx, three_demands: dict[str, str]
) -> None:
    sup = show(qtbot, make_ctx, cast.supervisor)
    open_demand(qtbot, sup, three_demands["late"])
    deadline = sup.detail.values["deadline"]
    assert "超期" in deadline.text() and OVERDUE_COLOR in deadline.styleSheet()
    assert BASIS in sup.detail.values["basis"].text()
    sup.ctx.hub.announce("demand")
    settle(qtbot, sup.list_panel)
    assert sup.list_panel.current_id() == three_demands["late"]
    assert sup.detail.demand_id == three_demands["late"]


def test_conflicting_step_from_another_device_is_marked(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx, qtmodeltester: ModelTester
) -> None:
    """A second 签收 that arrived by sync after the demand was already accepted: kept in the
    history, flagged, and shown so, not silently dropped."""
    d = raise_demand(db, cast)
    route(db, cast, d)
    demands.accept_demand(db, cast.finance_handler, d)
    with db.session() as s:
        s.add(
            DemandEvent(
                demand_id=d,
                kind="accept",
                at=clock.now() + timedelta(minutes=5),
                actor_id=cast.finance_handler.account_id,
                actor_role="handler",
                department_id=cast.finance_dept,
                text="离线设备上的重复签收",
                data={},
            )
        )
        s.flush()
        demand = s.get(Demand, d)
        assert demand is not None
        rederive(s, demand)
    sup = show(qtbot, make_ctx, cast.supervisor)
    row = sup.list_panel.model.ids.index(d)
    assert sup.list_panel.model.index(row, 0).data().startswith("⚠ ")
    open_demand(qtbot, sup, d)
    assert any("同步冲突" in b for b in sup.detail.badge_texts())
    timeline = sup.detail.timeline_model
    last = timeline.rowCount() - 1
    assert "冲突" in timeline.index(last, 1).data()
    assert timeline.index(last, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert timeline.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    qtmodeltester.check(timeline)


def test_an_overdue_demand_shows_extension_disabled_with_why(
    qtbot: QtBot, db: Database, cast: Cast, make_ctx: MakeCtx, tmp_path: Path
) -> None:

    past = clock.now() - timedelta(days=40)
    with at(past):
        late = raise_demand(db, cast, "超期的贴息诉求")
        route(db, cast, late)
        demands.accept_demand(db, cast.finance_handler, late)
    fin = show(qtbot, make_ctx, cast.finance_handler)
    assert fin.list_panel.select(late)
    button = fin.detail.action_buttons[K.REQUEST_EXTENSION]
    assert not button.isEnabled() and "现已不能申请" in button.toolTip()
    assert fin.detail.action_buttons[K.RESOLVE].isEnabled()
    fin.grab().save(str(tmp_path / "extension_refused.png"))
