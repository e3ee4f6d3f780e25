"""Importing enterprise rosters: messy workbooks and CSVs, preview, idempotence, rollback."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from liaison.data import search
from liaison.data.db import Database
from liaison.data.models import Contact, Enterprise, EnterpriseTag
from liaison.domain.errors import DomainError, PermissionDenied
from liaison.domain.uscc import make_uscc
from liaison.imports import (
    RowStatus,
    import_enterprises,
    preview_enterprises,
)
from liaison.imports import enterprises as ie
from liaison.imports import rows as ir
from liaison.imports.cells import parse_date, parse_industry, parse_phone, parse_tags
from liaison.imports.table_reader import read_table
from liaison.services import enterprises
from tests.conftest import VALID_USCC, Cast


def code(n: int) -> str:
    return make_uscc(f"91500105MA{n:07d}")


def bad_check(n: int) -> tuple[str, str, str]:
    """A code with a wrong 18th character: (code, expected, given)."""
    good = code(n)
    wrong = "X" if good[-1] != "X" else "Y"
    return good[:-1] + wrong, good[-1], wrong


BAD, BAD_EXPECTED, BAD_GIVEN = bad_check(7)

HEADERS = [
    "序号",
    "单位名称",
    "信用代码",
    "法人",
    "镇街",
    "注册地址",
    "所属行业",
    "企业规模",
    "企业标签",
    "联系人",
    "手机",
    "成立日期",
    "备注",
]


def _row(**kw: Any) -> list[Any]:
    keys = [
        "no",
        "name",
        "uscc",
        "legal_rep",
        "street",
        "address",
        "industry",
        "scale",
        "tags",
        "contact",
        "phone",
        "established",
        "remark",
    ]
    return [kw.get(k) for k in keys]


def messy_roster(path: Path) -> Path:
    """A roster the way they really arrive (row numbers in the comments are Excel's)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["江北区2026年民营企业包联名单"])  # 1: title, merged across the table
    ws.merge_cells("A1:M1")
    ws.append(["填报单位：江北区工商联"])  # 2: sub-title
    ws.append(HEADERS)  # 3: header, synonyms, shuffled
    rows = [
        _row(  # 4
            no=1,
            name="  重庆江北（嘉陵）机械　有限公司 ",
            uscc=" " + code(1).lower()[:9] + " " + code(1).lower()[9:],
            legal_rep="张　三",
            street="观音桥",
            address="江北区建新北路１号",
            industry="c",
            scale="规上",
            tags="高新技术企业、专精特新",
            contact="李四",
            phone=13812345678.0,
            established=datetime(2021, 5, 18),
            remark="重点",
        ),
        _row(  # 5: street comes from the merged cell above
            no=2,
            name="重庆五宝科技有限公司",
            uscc=code(2),
            industry="制造业",
            scale="小微",
            tags="科技型企业，上市",
            phone=13900001111,
            established="2021/5/18",
        ),
        _row(),  # 6: blank
        _row(no=4, name="重庆错码有限公司", uscc=BAD, street="鱼嘴镇"),  # 7
        _row(  # 8
            no=5,
            name="ＡＢＣ（重庆）贸易有限公司",
            uscc=code(8),
            street="鱼嘴",
            industry="I",
            tags="专精特新 小巨人",
            established=44334,
        ),
        _row(no=6, uscc=code(9), street="复盛镇"),  # 9: no name
        _row(no=7, name="重复的嘉陵机械", uscc=code(1).lower()),  # 10: repeats row 4
        _row(  # 11: already registered (the cast's enterprise): update
            no=8,
            name="重庆江北嘉陵机械有限公司",
            uscc=VALID_USCC,
            legal_rep="王五",
            street="观音桥街道",
            established="2019年3月2日",
        ),
        _row(no=9, name="重庆路名有限公司", uscc=code(12), street="观音桥路"),  # 12
    ]
    for r in rows:
        ws.append(r)
    ws.merge_cells("E4:E5")
    wb.save(path)
    return path


def by_row(preview: ir.ImportPreview) -> dict[int, ir.RowResult]:
    return {r.row: r for r in preview.rows}


def test_preview_of_a_messy_workbook(db: Database, cast: Cast, tmp_path: Path) -> None:
    path = messy_roster(tmp_path / "名单.xlsx")
    preview = preview_enterprises(db, path)
    assert preview.header_row == 3
    assert preview.ignored_columns == ("序号", "备注")
    assert "企业名称" in preview.columns and "统一社会信用代码" in preview.columns
    rows = by_row(preview)
    assert sorted(rows) == [4, 5, 7, 8, 9, 10, 11, 12]  # blank row 6 skipped silently
    assert {n: r.status for n, r in rows.items()} == {
        4: RowStatus.NEW,
        5: RowStatus.NEW,
        7: RowStatus.ERROR,
        8: RowStatus.NEW,
        9: RowStatus.ERROR,
        10: RowStatus.ERROR,
        11: RowStatus.UPDATE,
        12: RowStatus.ERROR,
    }
    assert rows[7].message == (
        f"第 7 行：统一社会信用代码第 18 位应为“{BAD_EXPECTED}”，当前为“{BAD_GIVEN}”"
    )
    assert rows[9].message == "第 9 行：缺少企业名称"
    assert rows[10].message == "第 10 行：统一社会信用代码与第 4 行重复"
    assert rows[10].duplicate_of == 4
    assert rows[12].message == "第 12 行：街镇“观音桥路”无法识别"
    changes = {c.label: (c.old, c.new) for c in rows[11].changes}
    assert changes == {"法定代表人": ("", "王五"), "成立日期": ("", "2019-03-02")}
    assert (preview.new, preview.updated, preview.unchanged, preview.errors) == (3, 1, 0, 4)
    # nothing written by a preview
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Enterprise)) == 1


def _id_of(db: Database, uscc: str) -> str:
    with db.session() as s:
        eid = s.scalar(select(Enterprise.id).where(Enterprise.uscc == uscc))
    assert eid is not None
    return eid


def test_import_writes_the_good_rows_and_reads_back(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    path = messy_roster(tmp_path / "名单.xlsx")
    result = import_enterprises(db, cast.admin, path)
    assert (result.added, result.updated, result.unchanged, result.errors) == (3, 1, 0, 4)
    assert [r.row for r in result.error_rows] == [7, 9, 10, 12]

    first = enterprises.get_enterprise(db, _id_of(db, code(1)))
    assert first.name == "重庆江北（嘉陵）机械 有限公司"
    assert first.uscc == code(1)
    assert first.legal_rep == "张三"
    assert first.street == "观音桥街道"
    assert first.address == "江北区建新北路1号"
    assert first.industry == "C"
    assert first.scale == "above_designated"
    assert set(first.tags) == {"高新技术企业", "专精特新"}
    assert [(c.name, c.phone, c.is_primary) for c in first.contacts] == [
        ("李四", "13812345678", True)
    ]
    assert first.established_on == date(2021, 5, 18)

    second = enterprises.get_enterprise(db, _id_of(db, code(2)))
    assert second.street == "观音桥街道"  # filled down from the merged cell
    assert second.industry == "C"
    assert second.scale == "micro"
    assert set(second.tags) == {"科技型企业", "上市"}
    assert second.contacts == ()
    assert second.established_on == date(2021, 5, 18)

    third = enterprises.get_enterprise(db, _id_of(db, code(8)))
    assert third.name == "ABC（重庆）贸易有限公司"
    assert third.street == "鱼嘴镇"
    assert third.industry == "I"
    assert set(third.tags) == {"专精特新", "小巨人"}
    assert third.established_on == date(2021, 5, 18)  # Excel serial 44334

    updated = enterprises.get_enterprise(db, cast.enterprise_id)
    assert updated.legal_rep == "王五"
    assert updated.established_on == date(2019, 3, 2)
    assert updated.name == "重庆江北嘉陵机械有限公司"

    # the search index knows the new enterprises
    found = enterprises.search_enterprises(db, "五宝科技")
    assert found.enterprise_ids == [second.id]
    assert enterprises.search_enterprises(db, code(8)).enterprise_ids == [third.id]


def test_reimporting_the_same_file_changes_nothing(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    path = messy_roster(tmp_path / "名单.xlsx")
    import_enterprises(db, cast.admin, path)
    with db.session() as s:
        before = s.execute(select(Enterprise.id, Enterprise.updated_at)).all()
        tags = s.scalar(select(func.count()).select_from(EnterpriseTag))
        contacts = s.scalar(select(func.count()).select_from(Contact))
    again = import_enterprises(db, cast.admin, path)
    assert (again.added, again.updated, again.unchanged, again.errors) == (0, 0, 4, 4)
    preview = preview_enterprises(db, path)
    assert {r.status for r in preview.rows} == {RowStatus.UNCHANGED, RowStatus.ERROR}
    with db.session() as s:
        assert s.execute(select(Enterprise.id, Enterprise.updated_at)).all() == before
        assert s.scalar(select(func.count()).select_from(EnterpriseTag)) == tags
        assert s.scalar(select(func.count()).select_from(Contact)) == contacts


def _snapshot(db: Database) -> tuple[Any, ...]:
    with db.session() as s:
        return (
            sorted(tuple(r) for r in s.execute(select(Enterprise.uscc, Enterprise.legal_rep))),
            s.scalar(select(func.count()).select_from(EnterpriseTag)),
            s.scalar(select(func.count()).select_from(Contact)),
            s.connection().exec_driver_sql("SELECT count(*) FROM enterprise_search").scalar(),
        )


def test_a_failure_mid_way_leaves_the_database_unchanged(
    db: Database, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = messy_roster(tmp_path / "名单.xlsx")
    before = _snapshot(db)
    real = ie._enterprise_values
    calls = 0

    def fail_on_third(*args: Any) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("disk full")
        return real(*args)

    monkeypatch.setattr(ie, "CHUNK", 1)  # rows 1 and 2 are written before row 3 fails
    monkeypatch.setattr(ie, "_enterprise_values", fail_on_third)
    with pytest.raises(RuntimeError):
        import_enterprises(db, cast.admin, path)
    assert calls == 3
    assert _snapshot(db) == before
    assert enterprises.get_enterprise(db, cast.enterprise_id).legal_rep == ""


def test_a_failing_search_index_rolls_back_too(
    db: Database, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = messy_roster(tmp_path / "名单.xlsx")
    before = _snapshot(db)

    def boom(*_: Any) -> None:
        raise RuntimeError("index broken")

    monkeypatch.setattr(search, "index_enterprises", boom)
    with pytest.raises(RuntimeError):
        import_enterprises(db, cast.admin, path)
    assert _snapshot(db) == before


def test_gbk_csv(db: Database, cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    lines = [
        "江北区民营企业名单,,,,",
        "企业名称,统一社会信用代码,所属街镇,联系电话,行业门类",
        f"重庆华新商贸有限公司,{code(20).lower()},华新街,1.3812345678E+10,F 批发和零售业",
        ",,,,",
        f"重庆寸滩物流有限公司,{code(21)},寸滩街道,023-67001234,G",
    ]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    preview = preview_enterprises(db, path)
    assert preview.header_row == 2
    assert [(r.row, r.status) for r in preview.rows] == [(3, RowStatus.NEW), (5, RowStatus.NEW)]
    result = import_enterprises(db, cast.street_staff, path)
    assert result.added == 2
    e = enterprises.get_enterprise(db, _id_of(db, code(20)))
    assert (e.name, e.street, e.phone, e.industry) == (
        "重庆华新商贸有限公司",
        "华新街街道",
        "13812345678",
        "F",
    )
    assert enterprises.get_enterprise(db, _id_of(db, code(21))).phone == "023-67001234"


def test_utf8_csv_with_bom(db: Database, cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    text = f"名称,信用代码,标签\n重庆石马河科技有限公司,{code(30)},高新技术企业；上市\n"
    path.write_text(text, encoding="utf-8-sig")
    result = import_enterprises(db, cast.cadre, path)
    assert result.added == 1
    e = enterprises.get_enterprise(db, _id_of(db, code(30)))
    assert set(e.tags) == {"高新技术企业", "上市"}


def test_only_editors_may_import(db: Database, cast: Cast, tmp_path: Path) -> None:
    path = messy_roster(tmp_path / "名单.xlsx")
    with pytest.raises(PermissionDenied):
        import_enterprises(db, cast.finance_handler, path)


def test_unreadable_files_are_refused_with_one_clear_line(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    with pytest.raises(DomainError, match="文件不存在"):
        preview_enterprises(db, tmp_path / "missing.xlsx")
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(DomainError, match="不支持的文件类型"):
        preview_enterprises(db, other)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(DomainError, match="不是有效的 Excel 工作簿"):
        preview_enterprises(db, fake)
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    with pytest.raises(DomainError, match="是空的"):
        preview_enterprises(db, empty)
    empty_csv = tmp_path / "empty.csv"
    empty_csv.write_bytes(b"")
    with pytest.raises(DomainError, match="是空的"):
        import_enterprises(db, cast.admin, empty_csv)
    no_header = tmp_path / "no_header.csv"
    no_header.write_text("甲,乙,丙\n1,2,3\n", encoding="utf-8")
    with pytest.raises(DomainError, match="找不到企业名单的表头"):
        import_enterprises(db, cast.admin, no_header)
    for bad in (no_header, empty_csv):
        with pytest.raises(DomainError) as info:
            preview_enterprises(db, bad)
        assert "\n" not in str(info.value)


def test_blank_cells_never_clear_registered_values(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    enterprises.update_enterprise(
        db,
        cast.admin,
        cast.enterprise_id,
        enterprises.EnterpriseInput(
            name="重庆江北嘉陵机械有限公司",
            uscc=VALID_USCC,
            street_id=cast.street_id,
            legal_rep="赵六",
            tags=("上市",),
        ),
    )
    path = tmp_path / "r.csv"
    path.write_text(f"企业名称,统一社会信用代码,法定代表人,标签\n新名字有限公司,{VALID_USCC},,\n")
    preview = preview_enterprises(db, path)
    (row,) = preview.rows
    assert row.status is RowStatus.UPDATE
    assert [(c.label, c.old, c.new) for c in row.changes] == [
        ("企业名称", "重庆江北嘉陵机械有限公司", "新名字有限公司")
    ]
    import_enterprises(db, cast.admin, path)
    e = enterprises.get_enterprise(db, cast.enterprise_id)
    assert (e.name, e.legal_rep, e.tags) == ("新名字有限公司", "赵六", ("上市",))
    assert enterprises.search_enterprises(db, "新名字").enterprise_ids == [e.id]
    assert enterprises.search_enterprises(db, "嘉陵机械").enterprise_ids == []


def test_merged_header_cells_and_unknown_values(db: Database, cast: Cast, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["江北区2026年民营企业名单"])
    ws.merge_cells("A1:E1")
    ws.append(["统一社会信用代码", "企业名称", "行业", "规模", "标签"])
    ws.append([code(40), "甲公司", "Z", "超大", "独角兽"])
    ws.append([code(41), "乙公司", "C制造业", "规模以上", "专精特新企业"])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    rows = by_row(preview_enterprises(db, path))
    assert rows[3].message == (
        "第 3 行：行业“Z”无法识别（请填门类字母 A–T 或门类名称，如“制造业”）；"
        "企业规模“超大”无法识别（请填 规上/限上/规下/小微/个体）；"
        "标签“独角兽”无法识别（可用标签：高新技术企业、科技型企业、专精特新、小巨人、民营500强、上市）"
    )
    assert rows[4].status is RowStatus.NEW


def test_value_parsers() -> None:
    assert parse_date("2021/5/18") == date(2021, 5, 18)
    assert parse_date("2021年5月18日") == date(2021, 5, 18)
    assert parse_date("２０２１－０５－１８") == date(2021, 5, 18)
    assert parse_date("20210518") == date(2021, 5, 18)
    assert parse_date("44334") == date(2021, 5, 18)
    assert parse_date("2021-05-18 00:00:00") == date(2021, 5, 18)
    assert parse_date("") is None
    with pytest.raises(ValueError, match="日期“明年”无法识别"):
        parse_date("明年")
    with pytest.raises(ValueError):
        parse_date("2021/2/30")
    with pytest.raises(ValueError):
        parse_date("2021")  # a year alone is not a date (nor Excel day 2021)
    assert parse_phone("1.3812345678E+10") == "13812345678"
    assert parse_phone("138 1234 5678") == "13812345678"
    assert parse_phone("13812345678.0") == "13812345678"
    assert parse_industry("c") == "C"
    assert parse_industry("制造业(C)") == "C"
    assert parse_industry("信息传输、软件和信息技术服务业") == "I"
    assert parse_tags("高新技术企业,专精特新;小巨人　上市") == (
        "高新技术企业",
        "专精特新",
        "小巨人",
        "上市",
    )


def test_reader_never_shows_scientific_notation(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["电话", "金额"])
    ws.append([13812345678.0, 0.1])
    ws.append([1.5e16, 12.5])
    path = tmp_path / "n.xlsx"
    wb.save(path)
    rows = read_table(path).rows
    assert rows[1][1] == ["13812345678", "0.1"]
    assert rows[2][1] == ["15000000000000000", "12.5"]


def test_two_row_header_with_merged_cells(db: Database, cast: Cast, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["江北区2026年民营企业名单"])
    ws.merge_cells("A1:E1")
    ws.append(["企业名称", "统一社会信用代码", "联系人", None, "街道"])
    ws.append([None, None, "姓名", "电话", None])
    for col in "ABE":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("C2:D2")
    ws.append(["重庆两行表头有限公司", code(50), "陈七", 13512345678, "五里店街道"])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    preview = preview_enterprises(db, path)
    assert preview.header_row == 3
    assert preview.ignored_columns == ()
    assert [(r.row, r.status) for r in preview.rows] == [(4, RowStatus.NEW)]
    import_enterprises(db, cast.admin, path)
    e = enterprises.get_enterprise(db, _id_of(db, code(50)))
    assert [(c.name, c.phone) for c in e.contacts] == [("陈七", "13512345678")]
    assert e.street == "五里店街道"


def test_update_replaces_tags_and_updates_the_contact_phone(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    enterprises.update_enterprise(
        db,
        cast.admin,
        cast.enterprise_id,
        enterprises.EnterpriseInput(
            name="重庆江北嘉陵机械有限公司",
            uscc=VALID_USCC,
            street_id=cast.street_id,
            tags=("上市",),
            contacts=(enterprises.ContactInput("李四", phone="13800000000", is_primary=True),),
        ),
    )
    path = tmp_path / "u.csv"
    path.write_text(
        "企业名称,统一社会信用代码,标签,联系人,联系电话\n"
        f"重庆江北嘉陵机械有限公司,{VALID_USCC},专精特新、上市,李四,13911112222\n"
        f"重庆江北嘉陵机械有限公司,{VALID_USCC[:-1]},,,\n",
        encoding="utf-8",
    )
    preview = preview_enterprises(db, path)
    first, second = preview.rows
    assert [(c.label, c.old, c.new) for c in first.changes] == [
        ("标签", "上市", "专精特新、上市"),
        ("联系人李四的电话", "13800000000", "13911112222"),
    ]
    assert second.message == "第 3 行：统一社会信用代码应为 18 位，当前输入了 17 位"
    import_enterprises(db, cast.admin, path)
    e = enterprises.get_enterprise(db, cast.enterprise_id)
    assert set(e.tags) == {"专精特新", "上市"}
    assert [(c.name, c.phone, c.is_primary) for c in e.contacts] == [("李四", "13911112222", True)]
    assert import_enterprises(db, cast.admin, path).unchanged == 1


def test_a_phone_excel_shortened_is_refused_with_its_row(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="后几位已丢失"):
        parse_phone("1.38123E+10")
    assert parse_phone("1.3812345678E10") == "13812345678"  # every digit kept: fine
    path = tmp_path / "电话.csv"
    path.write_text(
        "统一社会信用代码,企业名称,联系电话\n"
        f"{code(50)},甲公司,1.38123E+10\n"
        f"{code(51)},乙公司,13812345678\n",
        encoding="utf-8",
    )
    rows = by_row(preview_enterprises(db, path))
    assert rows[2].status is RowStatus.ERROR
    assert rows[2].message.startswith("第 2 行：联系电话“1.38123E+10”被 Excel 改成了科学计数法")
    assert rows[3].status is RowStatus.NEW
    before = db_count(db)
    import_enterprises(db, cast.admin, path)
    assert db_count(db) == before + 1  # the shortened phone is not stored as 13812300000


def test_hidden_rows_are_listed_and_not_imported(db: Database, cast: Cast, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["统一社会信用代码", "企业名称"])
    ws.append([code(60), "甲公司"])
    ws.append([code(61), "乙公司（已注销）"])
    ws.append([code(62), "丙公司"])
    ws.row_dimensions[3].hidden = True
    path = tmp_path / "隐藏.xlsx"
    wb.save(path)
    preview = preview_enterprises(db, path)
    rows = by_row(preview)
    assert rows[3].status is RowStatus.HIDDEN and rows[3].name == "乙公司（已注销）"
    assert "在 Excel 中被隐藏" in rows[3].message
    assert (preview.new, len(preview.hidden_rows)) == (2, 1)
    before = db_count(db)
    import_enterprises(db, cast.admin, path)
    assert db_count(db) == before + 2


def db_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Enterprise)) or 0)
