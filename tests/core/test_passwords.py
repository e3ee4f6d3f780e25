"""The password rule (liaison.domain.passwords)."""

from __future__ import annotations

import pytest

from liaison.domain.passwords import MIN_LENGTH, password_problem

SHORT = "密码至少需要 10 个字符"
KINDS = "密码须含字母、数字、符号中的至少两类"
NAME = "密码不能是用户名，也不能包含用户名"
COMMON = "这是常见密码，很容易被猜到：请换一个"


@pytest.mark.parametrize(
    ("password", "username", "why"),
    [
        ("12345678", "", SHORT),
        ("Ab1-xyz", "", SHORT),
        ("abcdefghijk", "", KINDS),  # letters only
        ("12345678901", "", KINDS),  # digits only
        ("!@#$%^&*()_", "", KINDS),  # symbols only
        ("zhangwei2024", "zhangwei2024", NAME),
        ("ZHANGWEI-2024", "zhangwei", NAME),  # contains it, any case
        ("xwzq-2024-abc", "abc", NAME),  # a three-letter name counts
        ("password123", "", COMMON),
        ("Password123", "", COMMON),  # case does not hide it
        ("1qaz2wsx3edc", "", COMMON),
    ],
)
def test_guessable_passwords_are_refused_with_the_reason(
    password: str, username: str, why: str
) -> None:
    assert password_problem(password, username) == why


@pytest.mark.parametrize(
    ("password", "username"),
    [
        ("liaison123", "sup01"),  # ten characters, letters and digits
        ("江北-嘉陵机械-2026", "admin"),  # Chinese letters count as letters
        ("correct horse", "li"),  # a two-letter name may appear by chance
        ("xwzq-2024-ab", "ab"),
        ("Qz7!Qz7!Qz", ""),
    ],
)
def test_passwords_people_choose_well_are_accepted(password: str, username: str) -> None:
    assert password_problem(password, username) is None


def test_the_minimum_is_exactly_ten() -> None:
    assert MIN_LENGTH == 10
    assert password_problem("abcdefgh1" + "x", "") is None
    assert password_problem("abcdefgh1", "") is not None


def test_without_a_username_only_the_other_rules_apply() -> None:
    assert password_problem("xxxx-2024-ok") is None
