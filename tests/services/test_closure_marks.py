"""Verifying a 诉求办结销号单 against the records, attacked as a forger would: the database edited
by hand under the sheet, a mark signed with a key of one's own, a signature altered, a sheet
photographed and faxed."""

from __future__ import annotations

import base64
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageFilter
from pypdf import PdfReader

from liaison import cli
from liaison.data import driver
from liaison.data.db import Database
from liaison.domain import serials, signing
from liaison.domain.errors import ValidationError
from liaison.reports.closure_record import render_closure_record
from liaison.services import closure_marks
from liaison.services.closure_marks import check_code, content_hash, legacy_hash, verify
from liaison.services.report_data import closure_record
from tests.builders import behind, closed_demand
from tests.conftest import Cast, log_demands


def _sheet(db: Database, demand_id: str, tmp_path: Path) -> tuple[str, str]:
    """(QR text, typed "serial check-code") of a freshly printed sheet."""
    out = render_closure_record(db, demand_id, tmp_path / f"{demand_id}.pdf")
    metadata = PdfReader(out).metadata
    assert metadata is not None and metadata.subject
    record = closure_record(db, demand_id)
    return str(metadata.subject), f"{record.serial} {check_code(content_hash(record))}"


def _edit(db: Database, sql: str, *params: object) -> None:
    """Change the file behind the application's back, as someone with sqlite3 would."""
    with behind(db) as conn:
        conn.execute(sql, params)


@pytest.mark.parametrize(
    ("column", "value"),
    [("name", "重庆伪造科技有限公司"), ("uscc", "91500105MA5UXXXX1X")],
)
def test_an_enterprise_edited_under_the_sheet_no_longer_verifies(
    db: Database, cast: Cast, tmp_path: Path, column: str, value: str
) -> None:
    d = closed_demand(db, cast)
    qr, typed = _sheet(db, d, tmp_path)
    assert verify(db, qr).ok and verify(db, typed).ok
    with behind(db) as conn:
        old = conn.execute(f"SELECT {column} FROM enterprise WHERE id = ?", (cast.enterprise_id,))
        before = old.fetchone()[0]
    _edit(db, f"UPDATE enterprise SET {column} = ? WHERE id = ?", value, cast.enterprise_id)
    for code in (qr, typed):
        verdict = verify(db, code)
        assert not verdict.ok
        assert "不一致" in verdict.reason
    _edit(db, f"UPDATE enterprise SET {column} = ? WHERE id = ?", before, cast.enterprise_id)
    assert verify(db, qr).ok  # the data as it truly stands again


def test_a_state_edited_by_hand_no_longer_verifies(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = closed_demand(db, cast)
    qr, typed = _sheet(db, d, tmp_path)
    _edit(db, "UPDATE demand SET state = 'accepted' WHERE id = ?", d)
    assert not verify(db, qr).ok
    assert not verify(db, typed).ok


def test_printed_answer_edited_in_an_event_no_longer_verifies(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = closed_demand(db, cast)
    qr, _ = _sheet(db, d, tmp_path)
    _edit(
        db,
        "UPDATE demand_event SET text = text || '。' WHERE demand_id = ? AND kind = 'resolve'",
        d,
    )
    assert not verify(db, qr).ok


def test_a_mark_signed_with_a_key_of_ones_own_is_refused(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    """Someone who can write the database and compute the hash still lacks an enrolled key."""
    d = closed_demand(db, cast)
    qr, _ = _sheet(db, d, tmp_path)
    prefix, demand_part, signer, _signature = qr.split(":")
    record = closure_record(db, d)
    forged_key = signing.new_private_key()
    message = b"liaison-closure-record-v2\0" + bytes.fromhex(content_hash(record))
    forged = base64.b32encode(signing.sign(forged_key, message)).decode().rstrip("=")
    own = signing.fingerprint(signing.public_key(forged_key)).replace("-", "")[:16]
    # the forger's own device: not enrolled here
    verdict = verify(db, f"{prefix}:{demand_part}:{own}:{forged}")
    assert not verdict.ok and "不是本区登记的设备" in verdict.reason
    # the forger's signature passed off as the enrolled device's
    verdict = verify(db, f"{prefix}:{demand_part}:{signer}:{forged}")
    assert not verdict.ok and "不一致" in verdict.reason


def test_a_signature_with_one_bit_flipped_is_refused(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = closed_demand(db, cast)
    qr, _ = _sheet(db, d, tmp_path)
    prefix, demand_part, signer, signature = qr.split(":")
    raw = bytearray(base64.b32decode(signature + "=" * (-len(signature) % 8)))
    raw[10] ^= 0x01
    flipped = base64.b32encode(bytes(raw)).decode().rstrip("=")
    assert not verify(db, f"{prefix}:{demand_part}:{signer}:{flipped}").ok


def test_typed_forms_people_use_all_verify(db: Database, cast: Cast, tmp_path: Path) -> None:
    d = closed_demand(db, cast)
    _, typed = _sheet(db, d, tmp_path)
    serial, code = typed.split()
    half_width = (
        serial.replace("〔", "[").replace("〕", "]").lower().replace("江北销号", "江北销号 ")
    )
    for form in (
        typed,
        f"{serial}  校验码：{code}",
        f"{half_width} {code.lower()}",
        f"{serial} {code.replace('-', ' ')}",
        f"{d} {code}",  # the demand's UUID instead of the serial
    ):
        assert verify(db, form).ok, form
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    verdict = verify(db, f"{serial} {wrong}")
    assert not verdict.ok and "校验码" in verdict.reason


@pytest.mark.parametrize(
    "code",
    [
        "",
        "江北销号〔2026〕",
        "LZ2:xx",
        "LZ2:!!:AB:CD",
        "江北销号〔2026〕7F3A-00001号 XYZ",
        "hello world",
    ],
)
def test_nonsense_is_a_clear_mistake(db: Database, cast: Cast, code: str) -> None:
    with pytest.raises(ValidationError):
        verify(db, code)


def test_an_unknown_sheet_says_it_may_not_be_synced_yet(db: Database, cast: Cast) -> None:
    verdict = verify(db, "江北销号〔2026〕7F3A-00001号 0000-0000-0000-0000")
    assert not verdict.ok and "尚未同步" in verdict.reason


def test_an_open_demand_typed_with_its_code_is_not_a_closure(db: Database, cast: Cast) -> None:
    d = log_demands(db, cast, "申请贷款贴息")[0]
    code = check_code(content_hash(closure_record(db, d)))
    verdict = verify(db, f"{d} {code}")
    assert not verdict.ok and "尚未销号" in verdict.reason


def test_sheets_printed_before_serials_still_verify(db: Database, cast: Cast) -> None:
    d = closed_demand(db, cast)
    digest = legacy_hash(closure_record(db, d))
    verdict = verify(db, f"LIAISON:demand:{d}:sha256:{digest}")
    assert verdict.ok and "旧版" in verdict.reason
    assert not verify(db, f"LIAISON:demand:{d}:sha256:{'0' * 64}").ok


def test_serials_count_per_device_and_year(db: Database, cast: Cast) -> None:
    first, second = closed_demand(db, cast), closed_demand(db, cast)
    a, b = closure_record(db, first).serial, closure_record(db, second).serial
    assert a.endswith("-00001号") and b.endswith("-00002号")
    assert a[:-8] == b[:-8]  # same district word, year and device code
    with behind(db) as conn:
        fingerprint = conn.execute("SELECT fingerprint FROM device WHERE is_local").fetchone()[0]
    assert f"〕{fingerprint[:4]}-" in a  # the fingerprint's first group names the device
    assert serials.device_code("", "ab12cd34-0000") == "AB12"  # no key yet: the id's digits
    assert serials.normalize_serial(a.replace("〔", "(").replace("〕", ")")) == a


def _scan(pdf: Path, dpi: int, tmp_path: Path) -> Path:
    prefix = tmp_path / f"scan{dpi}"
    subprocess.run(
        ["pdftoppm", "-gray", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    return prefix.with_suffix(".png")


@pytest.mark.parametrize("dpi", [150, 100])
def test_the_qr_decodes_from_a_cheap_scan(
    db: Database, cast: Cast, tmp_path: Path, dpi: int
) -> None:
    d = closed_demand(db, cast)
    out = render_closure_record(db, d, tmp_path / "sheet.pdf")
    png = _scan(out, dpi, tmp_path)
    assert verify(db, closure_marks.read_qr_image(png)).ok


def test_the_qr_decodes_from_a_skewed_blurred_photo(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = closed_demand(db, cast)
    out = render_closure_record(db, d, tmp_path / "sheet.pdf")
    with Image.open(_scan(out, 200, tmp_path)) as page:
        photo = page.rotate(6, expand=True, fillcolor=255).filter(ImageFilter.GaussianBlur(1))
        photo.save(tmp_path / "photo.jpg", quality=60)
    assert verify(db, closure_marks.read_qr_image(tmp_path / "photo.jpg")).ok


def test_the_qr_is_at_least_25_mm(db: Database, cast: Cast, tmp_path: Path) -> None:
    """Measure the code on a 300 dpi rendering: its dark modules span at least 25 mm."""
    import zxingcpp

    d = closed_demand(db, cast)
    out = render_closure_record(db, d, tmp_path / "sheet.pdf")
    with Image.open(_scan(out, 300, tmp_path)) as page:
        found = zxingcpp.read_barcodes(page)
    qr = [b for b in found if b.text.startswith("LZ2:")]
    assert len(qr) == 1
    pos = qr[0].position
    width_px = abs(pos.top_right.x - pos.top_left.x)
    assert width_px / 300 * 25.4 >= 24.5  # finder-centre to corner rounding


def test_pictures_without_a_sheet_are_refused_clearly(tmp_path: Path) -> None:
    Image.new("L", (200, 200), 255).save(tmp_path / "blank.png")
    (tmp_path / "notes.txt").write_text("不是图片")
    with pytest.raises(ValidationError, match="没有找到"):
        closure_marks.read_qr_image(tmp_path / "blank.png")
    with pytest.raises(ValidationError, match="无法读取图片"):
        closure_marks.read_qr_image(tmp_path / "notes.txt")
    with pytest.raises(ValidationError, match="找不到图片"):
        closure_marks.read_qr_image(tmp_path / "missing.png")


def test_cli_verify_answers_in_one_line_and_exit_status(
    db: Database, cast: Cast, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = closed_demand(db, cast)
    qr, typed = _sheet(db, d, tmp_path)
    base = ["verify", "--db", str(db.location)]
    assert cli.main([*base, qr]) == 0
    assert capsys.readouterr().out.startswith("核验通过")
    assert cli.main([*base, *typed.split()]) == 0
    png = _scan(tmp_path / f"{d}.pdf", 150, tmp_path)
    assert cli.main([*base, "--image", str(png)]) == 0
    out = capsys.readouterr().out
    assert "编号：江北销号" in out
    demands_text = re.sub(r"-[0-9A-F]{4}$", "-0000", typed)
    assert cli.main([*base, *demands_text.split()]) == cli.EXIT_REFUSED
    assert capsys.readouterr().out.startswith("核验未通过")
    assert cli.main([*base, "garbage"]) == cli.EXIT_USAGE
    assert cli.main(base) == cli.EXIT_USAGE
    assert cli.main([*base, "--image", str(tmp_path / "none.png")]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 3


def test_demo_closures_are_numbered_like_the_app_numbers_them(tmp_path: Path) -> None:
    from liaison.demo.generator import generate
    from liaison.services.setup import init_database

    path = tmp_path / "demo.sqlite"
    init_database(path)
    generate(path, seed=3)
    with driver.connect(path) as conn:
        rows = conn.execute(
            "SELECT json_extract(data, '$.serial'), strftime('%Y', at) FROM demand_event "
            "WHERE kind = 'close' ORDER BY at, id"
        ).fetchall()
    assert rows
    counted: dict[tuple[str, str], list[int]] = {}
    for serial, year in rows:
        m = re.fullmatch(r"江北销号〔(\d{4})〕([0-9A-F]{4})-(\d{5})号", serial)
        assert m and m.group(1) == year
        counted.setdefault((year, m.group(2)), []).append(int(m.group(3)))
    assert len(counted) >= 2  # the demo spans two years
    for numbers in counted.values():
        assert numbers == list(range(1, len(numbers) + 1))


def test_a_sheet_signed_before_its_device_was_revoked_says_so(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    d = closed_demand(db, cast)
    qr, _ = _sheet(db, d, tmp_path)
    _edit(db, "UPDATE device SET revoked_at = '2030-01-01 00:00:00' WHERE is_local")
    verdict = verify(db, qr)
    assert verdict.ok and "吊销" in verdict.reason


def test_a_known_but_never_enrolled_device_does_not_sign(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    """A device that asked to join but was never enrolled has a key here, not trust."""
    d = closed_demand(db, cast)
    qr, _ = _sheet(db, d, tmp_path)
    _edit(db, "UPDATE device SET is_local = FALSE, trusted_at = NULL")
    verdict = verify(db, qr)
    assert not verdict.ok and "不是本区登记的设备" in verdict.reason


def test_a_serial_copied_onto_another_closure_does_not_hide_the_true_one(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    """A hostile device gives its own 销号 a serial already in use: the genuine sheet still
    verifies by serial and code, and the copy's sheet does not pass as the genuine one."""
    genuine, other = closed_demand(db, cast), closed_demand(db, cast)
    _, typed = _sheet(db, genuine, tmp_path)
    serial = closure_record(db, genuine).serial
    _edit(
        db,
        "UPDATE demand_event SET data = "
        + (
            "jsonb_set(data::jsonb, '{serial}', to_jsonb(?::text))::json"
            if db.on_server
            else "json_set(data, '$.serial', ?)"
        )
        + " WHERE demand_id = ? AND kind = 'close'",
        serial,
        other,
    )
    assert verify(db, typed).ok
    copy_code = check_code(content_hash(closure_record(db, other)))
    verdict = verify(db, f"{serial} {copy_code}")
    assert verdict.ok and verdict.demand_id == other  # each sheet answers for its own record
