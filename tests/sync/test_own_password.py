"""A password changed on a field laptop reaches the district office; a laptop cannot ask
itself to be trusted with someone's must-change flag either way."""

from __future__ import annotations

import pytest

from liaison.data.models import Account
from liaison.domain.errors import DomainError
from liaison.domain.roles import Role
from liaison.services import accounts
from liaison.services.context import stamp_change
from tests.conftest import Cast
from tests.sync.conftest import MakeLaptop, Replica, introduce

FIRST = "given-by-admin-1"
MINE = "chosen-on-laptop-7"


def test_a_password_chosen_on_a_laptop_reaches_the_hub(
    hub: Replica, make_laptop: MakeLaptop, cast: Cast
) -> None:
    account_id = accounts.create_account(
        hub.db, cast.admin, username="fieldcadre", display_name="外勤干部", role=Role.CADRE,
        password=FIRST,
    )  # fmt: skip
    laptop = make_laptop("观音桥街道 laptop")
    introduce(hub, laptop, accounts=[account_id])
    me = accounts.sign_in(laptop.db, "fieldcadre", FIRST)
    assert accounts.must_change_password(laptop.db, account_id)
    accounts.change_own_password(laptop.db, laptop.as_(me), FIRST, MINE)
    report = hub.receive(laptop.export(hub))
    assert not report.set_aside
    assert not accounts.must_change_password(hub.db, account_id)
    assert accounts.sign_in(hub.db, "fieldcadre", MINE).account_id == account_id
    with pytest.raises(DomainError):
        accounts.sign_in(hub.db, "fieldcadre", FIRST)


def test_only_an_administrator_can_ask_for_a_new_password(
    hub: Replica, make_laptop: MakeLaptop, cast: Cast
) -> None:
    """An own-password op may end must-change, never start it: a laptop's holder who signs an
    op raising the flag (through the app's own code, with the laptop's key) has it set aside."""
    laptop = make_laptop("五里店街道 laptop")
    introduce(hub, laptop, accounts=[cast.cadre.account_id])
    me = laptop.as_(cast.cadre)
    accounts.change_own_password(laptop.db, me, "password-123", MINE)  # allowed: ends it
    with laptop.db.session() as s:
        account = s.get(Account, cast.cadre.account_id)
        assert account is not None
        account.must_change_password = True
        stamp_change(account, me)
    report = hub.receive(laptop.export(hub))
    assert sum(report.set_aside.values()) == 1
    assert not accounts.must_change_password(hub.db, cast.cadre.account_id)
    assert accounts.sign_in(hub.db, "cadre", MINE).account_id == cast.cadre.account_id
