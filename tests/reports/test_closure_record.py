"""诉求办结销号单: rendered from a demand driven through the real services, read back."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from liaison.data.db import Database
from liaison.domain.errors import DomainError
from liaison.reports.closure_record import render_closure_record
from liaison.services import demands, visits
from liaison.services.closure_marks import check_code, content_hash, verify
from liaison.services.report_data import closure_record
from tests.builders import (
    closed_demand,
)
from tests.conftest import VALID_USCC, Cast, log_demands
from tests.reports.pdf_checks import (
    assert_embedded_cjk,
    keep_for_review,
    not_blank,
    pdf_text,
    pgm_header_end,
)


def test_closure_record_prints_the_whole_loop(db: Database, cast: Cast, tmp_path: Path) -> None:
    d = closed_demand(db, cast)
    out = tmp_path / "closure.pdf"
    started = time.perf_counter()
    render_closure_record(db, d, out)
    elapsed = time.perf_counter() - started
    assert elapsed < 5
    keep_for_review(out, "closure.pdf")
    pages = pdf_text(out)
    assert len(pages) == 1
    text = pages[0]
    for expected in (
        "重庆市江北区",
        "诉求办结销号单",
        "重庆江北嘉陵机械有限公司",
        VALID_USCC,
        "统一社会信用代码",
        "区金融办",
        "区人力社保局",
        "第13条",
        "缓解融资难题",
        "满意",
        "已解决",
        "承办单位负责人签字",
        "区联络办审核签字",
        "第 1 页 共 1 页",
        "打印时间",
    ):
        assert expected in text, expected
    for label in ("提出", "交办", "签收", "进展", "办结", "回访", "销号"):
        assert label in text, label
    assert "未销号" not in text
    assert_embedded_cjk(out)
    not_blank(out, tmp_path)


def test_sheet_prints_serial_check_code_and_a_qr_that_verifies(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = closed_demand(db, cast)
    out = render_closure_record(db, d, tmp_path / "closure.pdf")
    text = "".join(pdf_text(out)).replace(" ", "").replace("\u3000", "")
    record = closure_record(db, d)
    assert re.fullmatch(r"江北销号〔\d{4}〕[0-9A-F]{4}-00001号", record.serial)
    assert f"编号：{record.serial}" in text
    printed = re.search(r"校验码：([0-9A-F]{4}(?:-[0-9A-F]{4}){3})", text)
    assert printed, text
    assert printed.group(1) == check_code(content_hash(record))
    assert d in text  # the machine's id stays on the sheet, small
    # the PDF's subject carries the QR code's text, which verifies
    metadata = PdfReader(out).metadata
    assert metadata is not None
    subject = metadata.subject
    assert subject is not None and subject.startswith("LZ2:")
    assert verify(db, subject).ok
    assert verify(db, f"{record.serial} {printed.group(1)}").ok
    # a duplicate raised later cannot be folded into a closed demand, which stays as printed
    other = log_demands(db, cast, "重复提出的贴息申请")[0]
    with pytest.raises(DomainError, match="只能并入尚在办理的诉求"):
        demands.merge_demand(db, cast.supervisor, other, d)
    assert verify(db, subject).ok
    # a later step changes the content: neither form verifies any more
    _add_event(db, cast, d)
    assert not verify(db, subject).ok
    assert not verify(db, f"{record.serial} {printed.group(1)}").ok


def _add_event(db: Database, cast: Cast, demand_id: str) -> None:
    """Closed demands take no further steps, so append a stored event as a sync would."""
    from liaison.data.models import DemandEvent
    from liaison.domain import clock

    with db.session() as s:
        s.add(
            DemandEvent(
                demand_id=demand_id,
                kind="progress",
                at=clock.now(),
                actor_id=cast.supervisor.account_id,
                actor_role="supervisor",
                text="销号后补记",
                data={},
            )
        )


def test_content_hash_is_deterministic_and_sensitive(db: Database, cast: Cast) -> None:
    d = log_demands(db, cast, "申请贷款贴息")[0]
    first = content_hash(closure_record(db, d))
    assert first == content_hash(closure_record(db, d))
    assert re.fullmatch(r"[0-9a-f]{64}", first)
    demands.route_demand(db, cast.supervisor, d, lead_department_id=cast.finance_dept)
    assert content_hash(closure_record(db, d)) != first


def test_open_demand_prints_as_not_a_closure_record(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = log_demands(db, cast, "申请贷款贴息")[0]
    demands.route_demand(db, cast.supervisor, d, lead_department_id=cast.finance_dept)
    out = render_closure_record(db, d, tmp_path / "open.pdf")
    text = pdf_text(out)[0]
    assert "诉求办理情况单（未销号）" in text
    assert "诉求办结销号单" not in text
    assert "未销号 · 非办结凭证" in text  # across the page
    assert "不是办结销号凭证" in text
    assert "已交办" in text
    assert "校验码" not in text and "江北销号" not in text
    metadata = PdfReader(out).metadata
    assert metadata is not None and metadata.subject == d  # no mark to scan
    assert "（未销号）" in (metadata.title or "")


def test_long_timeline_spans_pages_with_numbers(db: Database, cast: Cast, tmp_path: Path) -> None:
    d = closed_demand(db, cast, notes=40)
    out = tmp_path / "long.pdf"
    render_closure_record(db, d, out)
    keep_for_review(out, "closure_long.pdf")
    pages = pdf_text(out)
    total = len(pages)
    assert total >= 2
    for n, text in enumerate(pages, 1):
        assert f"第 {n} 页 共 {total} 页" in text
    assert "第40次进展" in "".join(pages)
    assert "区联络办审核签字" in pages[-1]
    assert "诉求办结销号单" in pages[1]  # running header on later pages
    not_blank(out, tmp_path, page=total)


def test_missing_demand_is_refused_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "out" / "missing.pdf"
    with pytest.raises(DomainError, match="诉求不存在"):
        render_closure_record(db, "no-such-demand", out)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_failed_render_leaves_no_partial_file(
    db: Database, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = closed_demand(db, cast)
    out = tmp_path / "closure.pdf"
    out.write_bytes(b"old")

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("reportlab.platypus.SimpleDocTemplate.build", boom)
    with pytest.raises(RuntimeError):
        render_closure_record(db, d, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.suffix in {".pdf", ".tmp"}] == ["closure.pdf"]


def test_missing_font_gives_a_clear_error(
    db: Database, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison.reports import fonts

    monkeypatch.delenv("LIAISON_PDF_FONT", raising=False)
    monkeypatch.setattr(fonts, "candidates", lambda: [fonts.FontFile(tmp_path / "none.ttc")])
    with pytest.raises(DomainError, match="fonts-wqy-microhei"):
        fonts.find_cjk_font()
    monkeypatch.setenv("LIAISON_PDF_FONT", str(tmp_path / "nope.ttf"))
    with pytest.raises(DomainError, match="LIAISON_PDF_FONT"):
        fonts.find_cjk_font()


def test_font_override_names_file_and_subfont(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison.reports import fonts

    font = tmp_path / "my font.ttc"
    font.write_bytes(b"")
    monkeypatch.setenv("LIAISON_PDF_FONT", f"{font}#2")
    assert fonts.find_cjk_font() == fonts.FontFile(font, 2)
    monkeypatch.setenv("LIAISON_PDF_FONT", str(font))
    assert fonts.find_cjk_font() == fonts.FontFile(font, 0)


def test_visit_demand_raised_outside_a_visit_prints(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = visits.raise_demand(
        db,
        cast.cadre,
        cast.enterprise_id,
        visits.DemandInput(cast.financing_category, "电话反映融资难"),
    )
    out = render_closure_record(db, d, tmp_path / "phone.pdf")
    assert "电话反映融资难" in pdf_text(out)[0]


def test_qr_code_draws_segnos_matrix_exactly(tmp_path: Path) -> None:
    """Render the QR flowable alone and sample every module: it reads back as segno's matrix."""
    import segno
    from reportlab.pdfgen.canvas import Canvas

    from liaison.reports.pdf_common import QRCode

    text = "LIAISON:demand:01a2-test:sha256:" + "ab" * 32
    qr = QRCode(text, symbol=150)
    path = tmp_path / "qr.pdf"
    canvas = Canvas(str(path), pagesize=(qr.width, qr.height))
    qr.drawOn(canvas, 0, 0)
    canvas.save()
    pgm = subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-singlefile", str(path)],
        check=True,
        capture_output=True,
    ).stdout
    header = pgm[: pgm_header_end(pgm)].split()
    width = int(header[1])
    pixels = pgm[pgm_header_end(pgm) :]
    matrix = segno.make(text, error="m", micro=False).matrix
    n = len(matrix)
    cell = 150 / n  # the symbol is 150 pt wide, inside a quiet zone of four modules
    assert qr.width == pytest.approx(cell * (n + 8))
    for y, row in enumerate(matrix):
        for x, bit in enumerate(row):
            px = int((x + 4 + 0.5) * cell)
            py = int((y + 4 + 0.5) * cell)
            dark = pixels[py * width + px] < 128
            assert dark == bool(bit), (x, y)
