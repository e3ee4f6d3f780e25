"""Registering, editing, deleting and finding enterprises."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from liaison.data.db import Database
from liaison.data.models import Assignment
from liaison.domain import clock
from liaison.domain.errors import NotFound, PermissionDenied, ValidationError
from liaison.domain.uscc import make_uscc
from liaison.services import enterprises as ent
from tests.conftest import VALID_USCC, Cast


def _code(n: int) -> str:
    return make_uscc(f"91500105MA{n:07d}")


def _add(db: Database, cast: Cast, name: str, n: int) -> str:
    return ent.register_enterprise(
        db, cast.admin, ent.EnterpriseInput(name=name, uscc=_code(n), street_id=cast.street_id)
    )


def test_register_normalises_fullwidth_lowercase_code(db: Database, cast: Cast) -> None:
    code = _code(1)
    messy = " " + "".join(chr(ord(c) + 0xFEE0) for c in code.lower()) + " "
    eid = ent.register_enterprise(
        db,
        cast.admin,
        ent.EnterpriseInput(name="  重庆  观音桥商贸有限公司 ", uscc=messy, tags=("专精特新",)),
    )
    detail = ent.get_enterprise(db, eid)
    assert detail.uscc == code
    assert detail.name == "重庆 观音桥商贸有限公司"
    assert detail.tags == ("专精特新",)


def test_duplicate_code_is_refused_naming_the_holder(db: Database, cast: Cast) -> None:
    with pytest.raises(ValidationError, match="重庆江北嘉陵机械有限公司") as info:
        ent.register_enterprise(db, cast.admin, ent.EnterpriseInput(name="另一家", uscc=VALID_USCC))
    assert info.value.field == "uscc"


def test_bad_check_character_is_refused(db: Database, cast: Cast) -> None:
    bad = VALID_USCC[:-1] + ("0" if VALID_USCC[-1] != "0" else "1")
    with pytest.raises(ValidationError, match="第 18 位"):
        ent.register_enterprise(db, cast.admin, ent.EnterpriseInput(name="某公司", uscc=bad))


def test_missing_name_is_refused(db: Database, cast: Cast) -> None:
    with pytest.raises(ValidationError) as info:
        ent.register_enterprise(db, cast.admin, ent.EnterpriseInput(name=" ", uscc=_code(2)))
    assert info.value.field == "name"


def test_unknown_tag_is_refused(db: Database, cast: Cast) -> None:
    with pytest.raises(ValidationError, match="独角兽"):
        ent.register_enterprise(
            db, cast.admin, ent.EnterpriseInput(name="某公司", uscc=_code(3), tags=("独角兽",))
        )


def test_handler_cannot_register(db: Database, cast: Cast) -> None:
    with pytest.raises(PermissionDenied):
        ent.register_enterprise(
            db, cast.finance_handler, ent.EnterpriseInput(name="某公司", uscc=_code(4))
        )


def test_search_two_characters_anywhere_in_the_name(db: Database, cast: Cast) -> None:
    a = _add(db, cast, "重庆市江北区观音桥便利店", 5)
    _add(db, cast, "重庆渝中商贸有限公司", 6)
    result = ent.search_enterprises(db, "江北")
    assert set(result.enterprise_ids) == {a, cast.enterprise_id}
    assert result.total == 2


def test_search_single_character(db: Database, cast: Cast) -> None:
    a = _add(db, cast, "重庆鑫源物流有限公司", 7)
    assert ent.search_enterprises(db, "鑫").enterprise_ids == [a]
    assert ent.search_enterprises(db, "司").total == 2  # last character of both names


def test_search_long_substring_uses_trigram(db: Database, cast: Cast) -> None:
    assert ent.search_enterprises(db, "嘉陵机械").enterprise_ids == [cast.enterprise_id]
    assert ent.search_enterprises(db, "嘉陵机器").enterprise_ids == []


def test_search_pinyin_initials_and_full_pinyin(db: Database, cast: Cast) -> None:
    assert ent.search_enterprises(db, "cqjb").enterprise_ids == [cast.enterprise_id]
    assert ent.search_enterprises(db, "jialing").enterprise_ids == [cast.enterprise_id]
    assert ent.search_enterprises(db, "JB").enterprise_ids == [cast.enterprise_id]


def test_search_code_prefix_and_fullwidth_query(db: Database, cast: Cast) -> None:
    assert (
        ent.search_enterprises(db, VALID_USCC[:8].lower()).enterprise_ids[0] == cast.enterprise_id
    )
    assert ent.search_enterprises(db, "ｊｉａｌｉｎｇ").enterprise_ids == [cast.enterprise_id]


def test_name_prefix_matches_come_first(db: Database, cast: Cast) -> None:
    later = _add(db, cast, "北京嘉陵科技有限公司", 8)
    first = _add(db, cast, "嘉陵科技有限公司", 9)
    ids = ent.search_enterprises(db, "嘉陵").enterprise_ids
    assert ids[0] == first and later in ids


def test_edit_reindexes_and_delete_unindexes(db: Database, cast: Cast) -> None:
    detail = ent.get_enterprise(db, cast.enterprise_id)
    ent.update_enterprise(
        db,
        cast.admin,
        cast.enterprise_id,
        ent.EnterpriseInput(
            name="重庆寸滩港口物流有限公司", uscc=detail.uscc, street_id=detail.street_id
        ),
    )
    assert ent.search_enterprises(db, "嘉陵").enterprise_ids == []
    assert ent.search_enterprises(db, "寸滩").enterprise_ids == [cast.enterprise_id]
    ent.delete_enterprise(db, cast.supervisor, cast.enterprise_id)
    assert ent.search_enterprises(db, "寸滩").enterprise_ids == []
    with pytest.raises(NotFound):
        ent.get_enterprise(db, cast.enterprise_id)


def test_assign_twice_is_refused_and_end_assignment_frees_it(db: Database, cast: Cast) -> None:
    with pytest.raises(ValidationError, match="已在包联"):
        ent.assign_cadre(db, cast.admin, cast.enterprise_id, cast.cadre.account_id)
    detail = ent.get_enterprise(db, cast.enterprise_id)
    assert [a.cadre for a in detail.assignments] == ["cadre"]
    ent.end_assignment(db, cast.admin, detail.assignments[0].id)
    ent.assign_cadre(db, cast.admin, cast.enterprise_id, cast.cadre.account_id)


def test_handler_cannot_be_assigned_as_cadre(db: Database, cast: Cast) -> None:
    with pytest.raises(ValidationError, match="不是联络干部"):
        ent.assign_cadre(db, cast.admin, cast.enterprise_id, cast.finance_handler.account_id)


def test_deleting_an_enterprise_ends_its_assignments(db: Database, cast: Cast) -> None:
    ent.delete_enterprise(db, cast.supervisor, cast.enterprise_id)
    with db.session() as s:
        ends = s.scalars(
            select(Assignment.end_on).where(Assignment.enterprise_id == cast.enterprise_id)
        ).all()
    assert ends and all(e == clock.today() for e in ends)


def test_the_list_searches_within_its_filters(db: Database, cast: Cast) -> None:
    from liaison.services.enterprise_list import EnterpriseFilter, enterprise_ids

    other_street = (
        db.raw()
        .execute("SELECT id FROM street WHERE id != ? ORDER BY code LIMIT 1", (cast.street_id,))
        .fetchone()[0]
    )
    here = ent.register_enterprise(
        db,
        cast.admin,
        ent.EnterpriseInput(
            name="重庆江北嘉陵二厂有限公司",
            uscc=make_uscc("91500105MA00000A1"),
            street_id=cast.street_id,
        ),
    )
    there = ent.register_enterprise(
        db,
        cast.admin,
        ent.EnterpriseInput(
            name="重庆江北嘉陵三厂有限公司",
            uscc=make_uscc("91500105MA00000B2"),
            street_id=other_street,
        ),
    )
    everywhere = enterprise_ids(db, EnterpriseFilter(text="嘉陵"))
    assert {here, there, cast.enterprise_id} <= set(everywhere.ids)
    on_street = enterprise_ids(db, EnterpriseFilter(text="嘉陵", street_id=other_street))
    assert on_street.ids == [there] and on_street.total == 1
    ent.delete_enterprise(db, cast.admin, there)
    assert there not in enterprise_ids(db, EnterpriseFilter(text="嘉陵")).ids


def test_saving_the_form_of_an_enterprise_keeps_its_contacts_and_their_ids(
    db: Database, cast: Cast
) -> None:
    from dataclasses import replace

    eid = ent.register_enterprise(
        db,
        cast.admin,
        ent.EnterpriseInput(
            name="重庆江北联系人测试有限公司",
            uscc=make_uscc("91500105MA00000C3"),
            contacts=(ent.ContactInput("王五", "总经理", "13800000000", True),),
        ),
    )
    before = ent.get_enterprise(db, eid)
    ent.update_enterprise(db, cast.admin, eid, replace(before.as_input(), phone="023-66666666"))
    after = ent.get_enterprise(db, eid)
    assert after.phone == "023-66666666"
    assert after.contacts == before.contacts  # same people, same ids (sync sees no change)


def test_a_value_other_devices_would_refuse_is_not_saved(db: Database, cast: Cast) -> None:
    """What this device logs for sync, every other device accepts: a phone longer than its
    column (SQLite would keep it, the other devices' checks would refuse the whole bundle)
    is refused when it is saved, and nothing of that unit of work stays."""
    data = ent.EnterpriseInput(name="某贸易公司", uscc=_code(3), phone="023-" + "6" * 40)
    with pytest.raises(ValidationError, match=r"enterprise\.phone.*拒收"):
        ent.register_enterprise(db, cast.admin, data)
    assert ent.search_enterprises(db, "某贸易").total == 0
    eid = ent.register_enterprise(
        db, cast.admin, ent.EnterpriseInput(name="某贸易公司", uscc=_code(3))
    )
    assert ent.get_enterprise(db, eid).name == "某贸易公司"


def test_a_record_too_big_for_a_bundle_is_not_saved(db: Database, cast: Cast) -> None:
    """An op's fields travel as one cell of a bundle (at most 1 MB): an enterprise with
    3,000 contacts of the longest names and titles is refused when saved, not at every
    receiver later."""
    contacts = tuple(
        ent.ContactInput(name="联" * 60, title="职" * 60, phone=f"1380000{n:04d}")
        for n in range(3000)
    )
    data = ent.EnterpriseInput(name="某大型集团", uscc=_code(4), contacts=contacts)
    with pytest.raises(ValidationError, match="超过 1 MB"):
        ent.register_enterprise(db, cast.admin, data)
    assert ent.search_enterprises(db, "某大型").total == 0
    small = ent.EnterpriseInput(name="某大型集团", uscc=_code(4), contacts=contacts[:100])
    eid = ent.register_enterprise(db, cast.admin, small)
    assert len(ent.get_enterprise(db, eid).contacts) == 100
