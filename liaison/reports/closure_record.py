"""诉求办结销号单: one demand, every step of its handling, the answer, the enterprise's
satisfaction, signature lines and a verification mark (id + SHA-256 of its content, as text and
as a QR code) that `liaison.services.report_data.verify_closure_mark` checks against the database.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, KeepTogether, Spacer  # type: ignore[import-untyped]

from liaison.data.db import Database
from liaison.reports.pdf_common import (
    CONTENT_W,
    QRCode,
    Styles,
    build_pdf,
    field_table,
    fmt_date,
    fmt_time,
    list_table,
    make_styles,
    para,
    signature_boxes,
    title_block,
)
from liaison.services.report_data import ClosureRecord, closure_record, content_hash

TITLE = "诉求办结销号单"
NOT_CLOSED = "（未销号）"


def _steps_table(st: Styles, rec: ClosureRecord) -> Flowable:
    widths = [10 * mm, 27 * mm, 12 * mm, 17 * mm, 21 * mm, 0.0]
    widths[5] = CONTENT_W - sum(widths)
    rows = []
    for i, s in enumerate(rec.steps, 1):
        text = "\n".join(x for x in (s.text, s.details) if x)
        if s.flagged:
            text = f"{text}\n（该步骤与当时状态冲突，已标记待核）"
        rows.append([str(i), fmt_time(s.at), s.label, s.actor or "—", s.unit or "—", text or "—"])
    return list_table(
        st,
        ["序号", "时间", "环节", "经办人", "单位", "内容"],
        rows,
        widths,
        centered=(0, 1, 2, 3, 4),
        cell=st.step,
    )


QR_W = 29 * mm


def _qr_cell(st: Styles, rec: ClosureRecord) -> list[Flowable]:
    return [QRCode(rec.mark, size=QR_W - 9 * mm)]


def _mark(st: Styles, rec: ClosureRecord, digest: str) -> list[Flowable]:
    return [
        Spacer(1, 2 * mm),
        para(f"核验标识　诉求编号：{rec.id}", st.mono),
        para(f"SHA-256 校验码：{digest}", st.mono),
        para(
            "校验码由诉求内容及全部办理步骤算得；扫描上方二维码或在系统中输入编号与校验码，"
            "可核对本单与系统记录是否一致。",
            st.mono,
        ),
    ]


def _state_line(rec: ClosureRecord) -> str:
    return f"{rec.state}（{fmt_time(rec.closed_at)}）" if rec.closed_at else rec.state


def closure_story(rec: ClosureRecord) -> tuple[list[Flowable], str]:
    st = make_styles()
    digest = content_hash(rec)
    story: list[Flowable] = [
        *title_block(st, TITLE, "" if rec.closed else NOT_CLOSED),
        para(f"编号：{rec.id}　　当前状态：{_state_line(rec)}", st.subtitle),
        Spacer(1, 1 * mm),
        para("一、诉求信息", st.section),
        field_table(
            st,
            [
                [("企业名称", rec.enterprise), ("所属街镇", rec.street or "—")],
                [("统一社会信用代码", rec.uscc), ("诉求类别", rec.category)],
                [("诉求标题", rec.title)],
                *([[("诉求内容", rec.content)]] if rec.content else []),
                [("类型", rec.kind), ("紧急程度", rec.urgency)],
                [
                    ("提出日期", fmt_date(rec.raised_on)),
                    ("办结时限", fmt_date(rec.deadline) or "—"),
                ],
                [("政策条款", rec.measure)],
                [("牵头单位", rec.lead or "—"), ("协办单位", "、".join(rec.co_units) or "—")],
            ],
            label_w=30 * mm,
        ),
        para(f"二、办理过程（共 {len(rec.steps)} 步）", st.section),
        _steps_table(st, rec),
        para("三、办理结果", st.section),
        field_table(
            st,
            [
                [("答复意见", rec.answer or "（尚未办结）")],
                [("办理结果", rec.outcome or "—"), ("办结时间", fmt_time(rec.resolved_at) or "—")],
                [("政策依据", rec.policy_basis or "—")],
                [
                    ("企业满意度", rec.satisfaction or "（尚未回访）"),
                    ("回访时间", fmt_time(rec.followed_up_at) or "—"),
                ],
            ],
            label_w=30 * mm,
        ),
        KeepTogether(
            [
                para("四、签字确认", st.section),
                signature_boxes(
                    st,
                    ["承办单位负责人签字", "区联络办审核签字"],
                    _qr_cell(st, rec),
                    QR_W,
                ),
                *_mark(st, rec, digest),
            ]
        ),
    ]
    return story, st.font


def render_closure_record(db: Database, demand_id: str, out_path: Path | str) -> Path:
    """Write the demand's 诉求办结销号单 to `out_path` (atomically); return the path.

    Raises NotFound (a DomainError) for an unknown demand; an open demand prints marked 未销号.
    """
    rec = closure_record(db, demand_id)
    story, font = closure_story(rec)
    note = "" if rec.closed else NOT_CLOSED
    return build_pdf(
        out_path,
        story,
        font=font,
        title=f"{TITLE}{note} - {rec.enterprise} - {rec.title}",
        running=f"{TITLE}{note}（{rec.enterprise}：{rec.title}）",
        subject=rec.mark,
    )
