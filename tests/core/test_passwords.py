"""The password rule (liaison.domain.passwords)."""

from __future__ import annotations

import pytest

from liaison.domain.passwords import MIN_LENGTH, password_problem


@pytest.mark.parametrize(
    ("password", "username", "why"),
    [
        ("12345678", "", "至少需要 10 个字符"),
        ("Ab1-xyz", "", "至少需要 10 个字符"),
        ("abcdefghijk", "", "至少两类"),  # letters only
        ("12345678901", "", "至少两类"),  # digits only
        ("!@#$%^&*()_", "", "至少两类"),  # symbols only
        ("zhangwei2024", "zhangwei2024", "用户名"),
        ("ZHANGWEI-2024", "zhangwei", "用户名"),  # contains it, any case
        ("password123", "", "常见密码"),
        ("Password123", "", "常见密码"),  # case does not hide it
        ("1qaz2wsx3edc", "", "常见密码"),
    ],
)
def test_guessable_passwords_are_refused_with_the_reason(
    password: str, username: str, why: str
) -> None:
    problem = password_problem(password, username)
    assert problem is not None and why in problem


@pytest.mark.parametrize(
    ("password", "username"),
    [
        ("liaison123", "sup01"),  # ten characters, letters and digits
        ("江北-嘉陵机械-2026", "admin"),  # Chinese letters count as letters
        ("correct horse", "li"),  # a two-letter name may appear by chance
        ("Qz7!Qz7!Qz", ""),
    ],
)
def test_passwords_people_choose_well_are_accepted(password: str, username: str) -> None:
    assert password_problem(password, username) is None


def test_the_minimum_is_exactly_ten() -> None:
    assert MIN_LENGTH == 10
    assert password_problem("abcdefgh1" + "x", "") is None
    assert password_problem("abcdefgh1", "") is not None
