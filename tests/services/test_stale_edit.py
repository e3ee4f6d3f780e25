"""Two windows (two connections to one file) edit one enterprise: a save never reverts what the
other saved meanwhile; changing the same field to different values is a clash, shown, not lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison.data.db import Database
from liaison.domain.edits import three_way
from liaison.services.enterprises import ContactInput, StaleEdit, get_enterprise, update_enterprise
from liaison.sync.log import database
from tests.conftest import Cast


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second app on the same file."""
    second = database(db.location)
    yield second
    second.dispose()


def test_a_save_keeps_what_another_window_saved_meanwhile(
    db: Database, other: Database, cast: Cast
) -> None:
    eid = cast.enterprise_id
    shown_here = get_enterprise(db, eid).as_input()
    shown_there = get_enterprise(other, eid).as_input()
    update_enterprise(other, cast.admin, eid, replace(shown_there, phone="023-61234567"))
    update_enterprise(
        db,
        cast.supervisor,
        eid,
        replace(shown_here, address="江北区建新东路 1 号"),
        seen=shown_here,
    )
    now = get_enterprise(db, eid)
    assert now.phone == "023-61234567"  # the other's save stands
    assert now.address == "江北区建新东路 1 号"


def test_without_what_it_showed_a_save_overwrites_as_before(
    db: Database, other: Database, cast: Cast
) -> None:
    eid = cast.enterprise_id
    shown_here = get_enterprise(db, eid).as_input()
    update_enterprise(other, cast.admin, eid, replace(shown_here, phone="023-61234567"))
    update_enterprise(db, cast.admin, eid, replace(shown_here, address="新地址"))
    assert get_enterprise(db, eid).phone == shown_here.phone


def test_both_changing_one_field_is_a_clash_and_nothing_is_saved(
    db: Database, other: Database, cast: Cast
) -> None:
    eid = cast.enterprise_id
    shown = get_enterprise(db, eid).as_input()
    update_enterprise(
        other, cast.admin, eid, replace(shown, phone="023-61234567", scale="above_quota")
    )
    mine = replace(shown, phone="13800000000", address="新地址")
    with pytest.raises(StaleEdit, match="联系电话") as caught:
        update_enterprise(db, cast.admin, eid, mine, seen=shown)
    stale = caught.value
    assert [(c.field, c.seen, c.mine, c.theirs) for c in stale.clashes] == [
        ("phone", shown.phone, "13800000000", "023-61234567")
    ]
    assert get_enterprise(db, eid).address == shown.address  # nothing of this save

    update_enterprise(db, cast.admin, eid, stale.theirs_wins, seen=stale.theirs)
    now = get_enterprise(db, eid)
    assert (now.phone, now.scale, now.address) == ("023-61234567", "above_quota", "新地址")

    update_enterprise(db, cast.admin, eid, stale.mine_wins, seen=stale.theirs)
    now = get_enterprise(db, eid)
    assert (now.phone, now.scale, now.address) == ("13800000000", "above_quota", "新地址")


def test_the_same_change_on_both_sides_or_a_reordering_is_no_clash(
    db: Database, other: Database, cast: Cast
) -> None:
    eid = cast.enterprise_id
    shown = get_enterprise(db, eid).as_input()
    contacts = (
        ContactInput("王敏", "财务", "13900000001"),
        ContactInput("李强", "", "13900000002"),
    )
    update_enterprise(
        other,
        cast.admin,
        eid,
        replace(shown, phone="1", tags=("专精特新", "高新技术企业"), contacts=contacts),
    )
    seen = get_enterprise(db, eid).as_input()
    update_enterprise(other, cast.admin, eid, replace(seen, address="别人改的地址"))
    # the form lists tags and contacts in its own order; the person changed only the phone
    mine = replace(
        seen, phone="2", tags=tuple(reversed(seen.tags)), contacts=tuple(reversed(seen.contacts))
    )
    update_enterprise(db, cast.admin, eid, mine, seen=seen)
    now = get_enterprise(db, eid)
    assert (now.phone, now.address) == ("2", "别人改的地址")
    shown = get_enterprise(db, eid).as_input()
    update_enterprise(other, cast.admin, eid, replace(shown, phone="3"))
    update_enterprise(db, cast.admin, eid, replace(shown, phone="3"), seen=shown)  # agreed


values = st.sampled_from(["a", "b", "c"])
records = st.fixed_dictionaries({"x": values, "y": values, "z": values})


@given(records, records, records)
def test_three_way_keeps_every_change_made_on_one_side_only(
    seen: dict[str, object], mine: dict[str, object], theirs: dict[str, object]
) -> None:
    source, clashes = three_way(seen, mine, theirs)
    merged = {k: mine[k] if source[k] == "mine" else theirs[k] for k in mine}
    clashed = {c.field for c in clashes}
    for k, value in mine.items():
        mine_changed, theirs_changed = value != seen[k], theirs[k] != seen[k]
        if mine_changed and theirs_changed and value != theirs[k]:
            assert k in clashed
            continue
        assert k not in clashed
        if mine_changed:
            assert merged[k] == value
        elif theirs_changed:
            assert merged[k] == theirs[k]  # never reverted
        else:
            assert merged[k] == seen[k]
    if theirs == seen:
        assert merged == mine and not clashes  # nobody else saved: a plain save
