"""The three-way merge of a form saved over changes its person did not see."""

from __future__ import annotations

from liaison.domain.edits import Clash, three_way


def test_untouched_fields_keep_what_others_saved() -> None:
    seen = {"phone": "1", "address": "a"}
    mine = {"phone": "1", "address": "a"}
    theirs = {"phone": "2", "address": "b"}
    assert three_way(seen, mine, theirs) == ({"phone": "theirs", "address": "theirs"}, [])


def test_my_changes_win_where_nobody_else_changed() -> None:
    seen = {"phone": "1", "address": "a"}
    mine = {"phone": "9", "address": "a"}
    theirs = {"phone": "1", "address": "b"}
    assert three_way(seen, mine, theirs) == ({"phone": "mine", "address": "theirs"}, [])


def test_both_changed_differently_is_a_clash_marked_mine() -> None:
    seen, mine, theirs = {"phone": "1"}, {"phone": "9"}, {"phone": "5"}
    sources, clashes = three_way(seen, mine, theirs)
    assert sources == {"phone": "mine"}
    assert clashes == [Clash("phone", "1", "9", "5")]


def test_both_changed_to_the_same_value_is_no_clash() -> None:
    assert three_way({"phone": "1"}, {"phone": "9"}, {"phone": "9"}) == ({"phone": "mine"}, [])


def test_only_the_forms_fields_are_merged_in_their_order() -> None:
    seen = {"a": 1, "b": 2, "c": 3}
    mine = {"c": 30, "a": 1}
    theirs = {"a": 10, "b": 20, "c": 3}
    sources, clashes = three_way(seen, mine, theirs)
    assert list(sources) == ["c", "a"] and sources == {"c": "mine", "a": "theirs"}
    assert clashes == []
