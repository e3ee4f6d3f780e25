"""包联 from the enterprise screen: who may assign and end, what is refused, the cadre picker."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from liaison.data.db import Database
from liaison.data.models import Account, Assignment
from liaison.domain import clock
from liaison.domain.errors import NotFound, PermissionDenied, ValidationError
from liaison.domain.roles import Role
from liaison.services import accounts
from liaison.services import enterprises as ent
from liaison.services.assignments import assign_refusal, list_cadre_choices, match_cadres
from liaison.services.reference_lists import list_streets
from tests.conftest import Cast


def _rows(db: Database, enterprise_id: str) -> list[tuple[str, bool, date, date | None]]:
    with db.session() as s:
        return [
            (a.account_id, a.is_lead, a.start_on, a.end_on)
            for a in s.scalars(
                select(Assignment)
                .where(Assignment.enterprise_id == enterprise_id)
                .order_by(Assignment.start_on, Assignment.account_id)
            )
        ]


def _other_street_enterprise(db: Database, cast: Cast) -> str:
    yuzui = next(s.id for s in list_streets(db) if s.name == "鱼嘴镇")
    return ent.register_enterprise(
        db,
        cast.admin,
        ent.EnterpriseInput(
            name="重庆鱼嘴物流有限公司", uscc="91500115MA5U8LQX3P", street_id=yuzui
        ),
    )


def test_supervisor_assigns_a_second_cadre_as_assistant_from_a_date(
    db: Database, cast: Cast
) -> None:
    start = clock.today() - timedelta(days=10)
    aid = ent.assign_cadre(
        db,
        cast.supervisor,
        cast.enterprise_id,
        cast.other_cadre.account_id,
        is_lead=False,
        start_on=start,
    )
    detail = ent.get_enterprise(db, cast.enterprise_id)
    added = next(a for a in detail.assignments if a.id == aid)
    assert (added.cadre, added.is_lead, added.start_on, added.end_on) == (
        "cadre2",
        False,
        start,
        None,
    )


@pytest.mark.parametrize("who", ["cadre", "finance_handler"])
def test_cadres_and_handlers_may_not_assign_or_end(db: Database, cast: Cast, who: str) -> None:
    actor = getattr(cast, who)
    with pytest.raises(PermissionDenied):
        ent.assign_cadre(db, actor, cast.enterprise_id, cast.other_cadre.account_id)
    current = ent.get_enterprise(db, cast.enterprise_id).assignments[0].id
    with pytest.raises(PermissionDenied):
        ent.end_assignment(db, actor, current)
    assert len(_rows(db, cast.enterprise_id)) == 1
    assert assign_refusal(actor, None) is not None


def test_street_staff_assign_and_end_only_in_their_street(db: Database, cast: Cast) -> None:
    other = _other_street_enterprise(db, cast)
    with pytest.raises(PermissionDenied, match="本街镇"):
        ent.assign_cadre(db, cast.street_staff, other, cast.cadre.account_id)
    theirs = ent.assign_cadre(db, cast.admin, other, cast.cadre.account_id)
    with pytest.raises(PermissionDenied, match="本街镇"):
        ent.end_assignment(db, cast.street_staff, theirs)
    assert _rows(db, other) == [(cast.cadre.account_id, True, clock.today(), None)]
    assert assign_refusal(cast.street_staff, cast.street_id) is None
    assert assign_refusal(cast.street_staff, None) == "只能为本街镇的企业安排包联干部"

    ent.assign_cadre(db, cast.street_staff, cast.enterprise_id, cast.other_cadre.account_id)
    assert len(_rows(db, cast.enterprise_id)) == 2


def test_refusals_name_the_field_and_write_nothing(db: Database, cast: Cast) -> None:
    before = _rows(db, cast.enterprise_id)
    with pytest.raises(ValidationError, match="已在包联") as twice:
        ent.assign_cadre(db, cast.admin, cast.enterprise_id, cast.cadre.account_id)
    with pytest.raises(ValidationError, match="不是联络干部") as handler:
        ent.assign_cadre(db, cast.admin, cast.enterprise_id, cast.hr_handler.account_id)
    with pytest.raises(ValidationError) as unknown:
        ent.assign_cadre(db, cast.admin, cast.enterprise_id, "no-such-account")
    assert twice.value.field == handler.value.field == unknown.value.field == "account_id"
    assert _rows(db, cast.enterprise_id) == before


def test_end_date_may_not_precede_the_start_nor_be_in_the_future(db: Database, cast: Cast) -> None:
    start = clock.today() - timedelta(days=30)
    aid = ent.assign_cadre(
        db, cast.admin, cast.enterprise_id, cast.other_cadre.account_id, start_on=start
    )
    with pytest.raises(ValidationError, match="不能早于开始日期") as early:
        ent.end_assignment(db, cast.admin, aid, end_on=start - timedelta(days=1))
    with pytest.raises(ValidationError, match="不能晚于今天") as late:
        ent.end_assignment(db, cast.admin, aid, end_on=clock.today() + timedelta(days=1))
    assert early.value.field == late.value.field == "end_on"
    ent.end_assignment(db, cast.supervisor, aid, end_on=start)
    assert (cast.other_cadre.account_id, True, start, start) in _rows(db, cast.enterprise_id)
    with pytest.raises(NotFound):
        ent.end_assignment(db, cast.supervisor, aid)


def test_cadre_choices_are_active_cadres_and_street_staff_with_their_load(
    db: Database, cast: Cast
) -> None:
    gone = accounts.create_account(
        db,
        cast.admin,
        username="gone",
        display_name="离职干部",
        role=Role.CADRE,
        password="password-123",
    )
    with db.session() as s:
        account = s.get(Account, gone)
        assert account is not None
        account.active = False
    choices = list_cadre_choices(db, cast.supervisor)
    assert [c.username for c in choices] == ["cadre", "cadre2", "staff"]
    by_name = {c.username: c for c in choices}
    assert by_name["cadre"].active_assignments == 1
    assert by_name["staff"].role is Role.STREET_STAFF
    assert by_name["staff"].street == "观音桥街道"
    with pytest.raises(PermissionDenied):
        list_cadre_choices(db, cast.cadre)


def test_cadres_are_found_by_name_pinyin_or_username(db: Database, cast: Cast) -> None:
    for username, name in (("c0001", "张伟"), ("c0002", "欧阳明"), ("c0003", "张卫东")):
        accounts.create_account(
            db,
            cast.admin,
            username=username,
            display_name=name,
            role=Role.CADRE,
            password="password-123",
        )
    choices = list_cadre_choices(db, cast.admin)

    def found(text: str) -> list[str]:
        return sorted(c.display_name for c in match_cadres(choices, text))

    assert found("张") == ["张伟", "张卫东"]
    assert found("zw") == ["张伟", "张卫东"]
    assert found("ZhangWei") == ["张伟", "张卫东"]
    assert found("zhang weid") == ["张卫东"]
    assert found("oy") == ["欧阳明"]
    assert found("c0002") == ["欧阳明"]
    assert found(" 阳明 ") == ["欧阳明"]
    assert found("xyz") == []
    assert len(found("")) == len(choices)
