"""诉求办结销号单: one demand, every step of its handling, the answer, the enterprise's
satisfaction, signature lines and a verification mark — the readable serial and a 校验码 to type,
and a QR code carrying this device's signature of every printed field — that `liaison verify`
and the 核验销号单 dialog check against the records (`liaison.services.closure_marks`).

A demand that is not closed prints as a 诉求办理情况 sheet: 未销号 across every page, no serial
and no mark, so it cannot pass for a closure record.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

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
from liaison.services.closure_marks import Mark, issue_mark
from liaison.services.report_data import ClosureRecord, closure_record

TITLE = "诉求办结销号单"
OPEN_TITLE = "诉求办理情况单"
NOT_CLOSED = "（未销号）"
WATERMARK = "未销号 · 非办结凭证"
OPEN_NOTE = "本单反映打印时的办理情况，不是办结销号凭证，不能核验。"
LEGACY_SERIAL = "（销号早于编号启用，以诉求标识为准）"


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


QR_SYMBOL = 25 * mm
"""The code itself; at 25 mm it still decodes from a 150 dpi scan or a fax."""
QR_W = 36 * mm


def _mark(st: Styles, rec: ClosureRecord, mark: Mark) -> list[Flowable]:
    return [
        Spacer(1, 2 * mm),
        para(
            f"编号：{rec.serial or LEGACY_SERIAL}　　校验码：{mark.check_code}",
            st.body,
        ),
        para(f"诉求标识：{rec.id}　　签发设备指纹：{mark.signer}", st.mono),
        para(
            "核验：扫描二维码，或在系统“核验销号单”中（命令行 liaison verify）输入编号与校验码。"
            "二维码含签发设备对本单全部内容的签名；记录在打印后有任何变动，本单即不能通过核验。",
            st.mono,
        ),
    ]


def _state_line(rec: ClosureRecord) -> str:
    return f"{rec.state}（{fmt_time(rec.closed_at)}）" if rec.closed_at else rec.state


def closure_story(rec: ClosureRecord, mark: Mark | None) -> tuple[list[Flowable], str]:
    """The sheet; `mark` is None for a demand that is not closed (no serial, no QR)."""
    st = make_styles()
    head = f"编号：{rec.serial}　　" if rec.closed and rec.serial else ""
    story: list[Flowable] = [
        *title_block(st, TITLE if rec.closed else OPEN_TITLE, "" if rec.closed else NOT_CLOSED),
        para(f"{head}当前状态：{_state_line(rec)}", st.subtitle),
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
                *_signatures(st, rec, mark),
            ]
        ),
    ]
    return story, st.font


def _signatures(st: Styles, rec: ClosureRecord, mark: Mark | None) -> list[Flowable]:
    labels = ["承办单位负责人签字", "区联络办审核签字"]
    if mark is None:
        return [
            signature_boxes(st, labels),
            Spacer(1, 2 * mm),
            para(
                f"诉求标识：{rec.id}。本单反映打印时的办理情况，不是办结销号凭证，不能核验。",
                st.mono,
            ),
        ]
    qr = QRCode(mark.qr, symbol=QR_SYMBOL)
    return [signature_boxes(st, labels, qr, QR_W), *_mark(st, rec, mark)]


def render_closure_record(db: Database, demand_id: str, out_path: Path | str) -> Path:
    """Write the demand's 诉求办结销号单 to `out_path` (atomically); return the path.

    Raises NotFound (a DomainError) for an unknown demand. A demand that is not closed prints
    as a 诉求办理情况单 with 未销号 across every page and no verification mark.
    """
    rec = closure_record(db, demand_id)
    mark = issue_mark(db, rec) if rec.closed else None
    story, font = closure_story(rec, mark)
    title = TITLE if rec.closed else f"{OPEN_TITLE}{NOT_CLOSED}"
    return build_pdf(
        out_path,
        story,
        font=font,
        title=f"{title} - {rec.enterprise} - {rec.title}",
        running=f"{title}（{rec.enterprise}：{rec.title}）",
        subject=mark.qr if mark else rec.id,
        watermark="" if rec.closed else WATERMARK,
    )
