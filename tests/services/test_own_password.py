"""A person replaces the password an administrator chose for them, and only that way gets on."""

from __future__ import annotations

import pytest

from liaison.data.db import Database
from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.roles import Role
from liaison.services import accounts, admin
from tests.conftest import Cast

FIRST = "given-by-admin-1"
MINE = "my-own-choice-22"


def _new_account(db: Database, cast: Cast) -> str:
    return accounts.create_account(
        db, cast.admin, username="newcadre", display_name="新干部", role=Role.CADRE, password=FIRST
    )


def test_a_new_account_must_choose_its_own_password(db: Database, cast: Cast) -> None:
    account_id = _new_account(db, cast)
    me = accounts.sign_in(db, "newcadre", FIRST)
    assert accounts.must_change_password(db, account_id)
    accounts.change_own_password(db, me, FIRST, MINE)
    assert not accounts.must_change_password(db, account_id)
    with pytest.raises(DomainError, match="用户名或密码不正确"):
        accounts.sign_in(db, "newcadre", FIRST)
    assert accounts.sign_in(db, "newcadre", MINE).account_id == account_id


@pytest.mark.parametrize(
    ("current", "new", "field", "why"),
    [
        ("not-the-password-1", MINE, "current", "当前密码不正确"),
        (FIRST, FIRST, "password", "不能与当前密码相同"),
        (FIRST, "short-1", "password", "至少需要 10 个字符"),
        (FIRST, "newcadre-2026", "password", "用户名"),
    ],
)
def test_a_change_that_would_not_do_is_refused_and_nothing_changes(
    db: Database, cast: Cast, current: str, new: str, field: str, why: str
) -> None:
    account_id = _new_account(db, cast)
    me = accounts.sign_in(db, "newcadre", FIRST)
    with pytest.raises(ValidationError, match=why) as info:
        accounts.change_own_password(db, me, current, new)
    assert info.value.field == field
    assert accounts.must_change_password(db, account_id)
    assert accounts.sign_in(db, "newcadre", FIRST).account_id == account_id


def test_a_reset_asks_again_and_the_first_administrator_chose_their_own(
    db: Database, cast: Cast
) -> None:
    account_id = _new_account(db, cast)
    accounts.change_own_password(db, accounts.sign_in(db, "newcadre", FIRST), FIRST, MINE)
    admin.reset_password(db, cast.admin, account_id, "reset-by-admin-3")
    assert accounts.must_change_password(db, account_id)
    assert not accounts.must_change_password(db, cast.admin.account_id)
