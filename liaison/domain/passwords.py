"""What makes a password acceptable: one a person chose that others cannot guess.

At least MIN_LENGTH characters, of at least two kinds (letters, digits, other symbols), not the
username (nor containing it), and not one of the 30,000 passwords people use most — zxcvbn's
list, shipped with the app through that package, compared without case.
"""

from __future__ import annotations

from functools import cache

from liaison.domain.text import Text

MIN_LENGTH = 10
RULE = Text("至少 {0} 位，含字母、数字、符号中的至少两类，不能是用户名或常见密码", MIN_LENGTH)
"""The rule in one line, for forms and hints."""


@cache
def _common() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(p.lower() for p in FREQUENCY_LISTS["passwords"])


def _kinds(password: str) -> int:
    letters = any(c.isalpha() for c in password)
    digits = any(c.isdigit() for c in password)
    others = any(not c.isalnum() for c in password)
    return letters + digits + others


def password_problem(password: str, username: str = "") -> str | None:
    """Why `password` may not be used (None: it may)."""
    if len(password) < MIN_LENGTH:
        return Text("密码至少需要 {0} 个字符", MIN_LENGTH)
    if _kinds(password) < 2:
        return "密码须含字母、数字、符号中的至少两类"
    name = username.strip().lower()
    if len(name) >= 3 and name in password.lower():  # a long password equal to it contains it
        return "密码不能是用户名，也不能包含用户名"
    if password.lower() in _common():
        return "这是常见密码，很容易被猜到：请换一个"
    return None
