"""企业走访记录表: one visit on one A4 sheet (more if the demands run long), ready to sign."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from liaison.data.db import Database
from liaison.reports.pdf_common import (
    CONTENT_W,
    build_pdf,
    field_table,
    fmt_date,
    list_table,
    make_styles,
    para,
    signature_boxes,
    title_block,
)
from liaison.services.report_data import Attendee, VisitRecord, visit_record

TITLE = "企业走访记录表"


def _people(people: tuple[Attendee, ...], with_unit: bool) -> str:
    if not people:
        return "（未登记）"
    out = []
    for p in people:
        extra = [x for x in ((p.unit if with_unit else ""), p.title) if x]
        out.append(f"{p.name}（{'，'.join(extra)}）" if extra else p.name)
    return "、".join(out)


def visit_story(rec: VisitRecord) -> tuple[list[Flowable], str]:
    st = make_styles()
    story: list[Flowable] = [
        *title_block(st, TITLE),
        para(f"编号：{rec.visit_id}", st.subtitle),
        Spacer(1, 4 * mm),
        field_table(
            st,
            [
                [("企业名称", rec.enterprise)],
                [("统一社会信用代码", rec.uscc), ("法定代表人", rec.legal_rep or "—")],
                [("所属街镇", rec.street or "—"), ("走访方式", rec.mode)],
                [("企业地址", rec.address or "—")],
                [
                    ("走访日期", fmt_date(rec.visit_date)),
                    ("回访日期", fmt_date(rec.follow_up_on) or "—"),
                ],
                [("走访干部", _people(rec.government, with_unit=True))],
                [("企业参加人员", _people(rec.enterprise_side, with_unit=False))],
            ],
            label_w=30 * mm,
        ),
        para("一、走访情况", st.section),
        field_table(st, [[("交流内容", rec.summary)]], label_w=30 * mm),
        para(f"二、企业提出的诉求（共 {len(rec.demands)} 条）", st.section),
    ]
    if rec.demands:
        widths = [10 * mm, 18 * mm, 22 * mm, 0.0, 19 * mm, 19 * mm]
        widths[3] = CONTENT_W - sum(widths)
        rows = [
            [
                str(i),
                d.kind,
                d.category,
                f"{d.title}\n{d.content}" if d.content else d.title,
                d.urgency,
                d.state,
            ]
            for i, d in enumerate(rec.demands, 1)
        ]
        story.append(
            list_table(
                st,
                ["序号", "类型", "类别", "诉求内容", "紧急程度", "当前状态"],
                rows,
                widths,
                centered=(0, 1, 2, 4, 5),
            )
        )
    else:
        story.append(para("本次走访企业未提出诉求。", st.body))
    story.append(
        KeepTogether(
            [
                para("三、签字确认", st.section),
                para(
                    "以上走访情况及企业诉求经双方核对无误。诉求将按程序交办，"
                    "办理进展由包联干部向企业反馈。",
                    st.small,
                ),
                Spacer(1, 2 * mm),
                signature_boxes(st, ["走访干部签字", "企业负责人签字"]),
            ]
        )
    )
    return story, st.font


def render_visit_record(db: Database, visit_id: str, out_path: Path | str) -> Path:
    """Write the visit's 企业走访记录表 to `out_path` (atomically); return the path."""
    rec = visit_record(db, visit_id)
    story, font = visit_story(rec)
    return build_pdf(
        out_path,
        story,
        font=font,
        title=f"{TITLE} - {rec.enterprise} - {rec.visit_date.isoformat()}",
        running=f"{TITLE}（{rec.enterprise}，{fmt_date(rec.visit_date)}）",
        subject=rec.visit_id,
    )
