"""企业走访记录表: a visit logged through the real service, rendered and read back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from liaison.data.db import Database
from liaison.domain import clock
from liaison.domain.errors import DomainError
from liaison.reports.visit_record import render_visit_record
from liaison.services import demands, visits
from tests.conftest import VALID_USCC, Cast
from tests.reports.pdf_checks import assert_embedded_cjk, keep_for_review, not_blank, pdf_text


def _visit(db: Database, cast: Cast, n_demands: int = 2) -> visits.LoggedVisit:
    today = clock.today()
    titles = ["申请流动资金贷款贴息", "希望协调厂区周边道路货车限行时段"]
    titles += [
        f"第{i}项诉求：希望帮助对接上下游配套企业，拓展本地市场渠道"
        for i in range(3, n_demands + 1)
    ]
    return visits.log_visit(
        db,
        cast.cadre,
        visits.VisitInput(
            enterprise_id=cast.enterprise_id,
            visit_date=today - timedelta(days=1),
            mode="onsite",
            summary=(
                "走访了解企业一季度生产经营情况：订单同比增长约一成，新厂房二期建设推进中；"
                "企业反映流动资金偏紧，希望获得贷款贴息支持，同时反映货车限行影响原料进厂。"
            ),
            participants=(
                visits.ParticipantInput("cadre", "government", "联络员", cast.cadre.account_id),
                visits.ParticipantInput("张建国", "enterprise", "总经理"),
                visits.ParticipantInput("李晓梅", "enterprise", "财务总监"),
            ),
            follow_up_on=today + timedelta(days=14),
            demands=tuple(
                visits.DemandInput(
                    cast.financing_category,
                    t,
                    content="企业年产值约 8000 万元，拟扩大生产线。" if i == 0 else "",
                    urgency="urgent" if i == 0 else "normal",
                )
                for i, t in enumerate(titles[:n_demands])
            ),
        ),
    )


def test_visit_record_prints_everything_a_visit_holds(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    logged = _visit(db, cast)
    demands.route_demand(
        db, cast.supervisor, logged.demand_ids[0], lead_department_id=cast.finance_dept
    )
    out = render_visit_record(db, logged.visit_id, tmp_path / "visit.pdf")
    keep_for_review(out, "visit.pdf")
    pages = pdf_text(out)
    assert len(pages) == 1
    text = pages[0].replace("\n", "")
    for expected in (
        "重庆市江北区",
        "企业走访记录表",
        "重庆江北嘉陵机械有限公司",
        "统一社会信用代码",
        VALID_USCC,
        "观音桥街道",
        "实地走访",
        "张建国",
        "财务总监",
        "流动资金偏紧",
        "申请流动资金贷款贴息",
        "融资",
        "紧急",
        "已交办",
        "待交办",
        "走访干部签字",
        "企业负责人签字",
        "第 1 页 共 1 页",
    ):
        assert expected in text, expected
    assert_embedded_cjk(out)
    not_blank(out, tmp_path)


def test_visit_without_demands_says_so(db: Database, cast: Cast, tmp_path: Path) -> None:
    logged = _visit(db, cast, n_demands=0)
    text = pdf_text(render_visit_record(db, logged.visit_id, tmp_path / "v.pdf"))[0]
    assert "未提出诉求" in text


def test_many_demands_run_onto_numbered_pages(db: Database, cast: Cast, tmp_path: Path) -> None:
    logged = _visit(db, cast, n_demands=30)
    out = render_visit_record(db, logged.visit_id, tmp_path / "v.pdf")
    keep_for_review(out, "visit_long.pdf")
    pages = pdf_text(out)
    assert len(pages) >= 2
    for n, text in enumerate(pages, 1):
        assert f"第 {n} 页 共 {len(pages)} 页" in text
    assert "企业负责人签字" in pages[-1]


def test_missing_visit_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="走访记录不存在"):
        render_visit_record(db, "no-such-visit", tmp_path / "v.pdf")
    assert not (tmp_path / "v.pdf").exists()
